require_once dirname(__FILE__, 2) . DIRECTORY_SEPARATOR . 'keys.php';
$meeting = json_decode(file_get_contents('php://input'), true);
$meeting['meetingData']['signature'] = make_signature($apiKey, $apiSecret, $meeting['meetingData']['meetingNumber'], $meeting['meetingData']['role']);
print json_encode($meeting);

function make_signature($api_key, $api_secret, $meeting_number, $role) {
    $time = time() * 1000 - 30000; // milliseconds
    $data = base64_encode($api_key . $meeting_number . $time . $role);
    $hash = hash_hmac('sha256', $data, $api_secret, true);
    $sig = $api_key . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash);
    return rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
}
