<?php

function generate_signature($api_key, $api_secret, $meeting_number, $role) {
    $time = time() * 1000 - 30000; // milliseconds
    $data = base64_encode($api_key . $meeting_number . $time . $role);
    $hash = hash_hmac('sha256', $data, $api_secret, true);
    $sig = $api_key . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash);
    return rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
}

// echo generate_signature(getenv('ZOOM_KEY'), getenv('ZOOM_SECRET'), '85746065432', '0');
