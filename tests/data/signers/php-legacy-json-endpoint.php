<?php
$apiSecret = getenv('ZOOM_JWT_SECRET');
$input = json_decode(file_get_contents('php://input'), true);
$apiKey = $input['meetingData']['apiKey'] ?? '';
$meetingNumber = $input['meetingData']['meetingNumber'] ?? '';
$role = $input['meetingData']['role'] ?? '';

print zoom_signature($apiKey, $apiSecret, $meetingNumber, $role);

function zoom_signature($api_key, $api_secret, $meeting_number, $role) {
    date_default_timezone_set("UTC");
    $time = time() * 1000 - 30000; // milliseconds
    $data = base64_encode($api_key . $meeting_number . $time . $role);
    $hash = hash_hmac('sha256', $data, $api_secret, true);
    $sig = $api_key . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash);
    return rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
}
