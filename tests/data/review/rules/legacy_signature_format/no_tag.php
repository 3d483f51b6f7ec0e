function generate_signature($api_key, $api_secret, $meeting_number, $role) {
    $time = time() * 1000 - 30000;
    $data = base64_encode($api_key . $meeting_number . $time . $role);
    $hash = hash_hmac('sha256', $data, $api_secret, true);
    $_sig = $api_key . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash); // must-fire
    return rtrim(strtr(base64_encode($_sig), '+/', '-_'), '=');
}

function describe($meeting_number, $role) {
    return $meeting_number . ": " . $role; // must-not-fire
}
