<?php
function generateSignature($key, $secret, $meetingNumber, $role) {
    $time = time();
    $payload = ['appKey' => $key, 'meetingNumber' => $meetingNumber, 'role' => $_POST['role'], 'iat' => $time, 'exp' => $time + 600];
    $header = base64_encode(json_encode(['alg' => 'HS256', 'typ' => 'JWT']));
    $body = base64_encode(json_encode($payload));
    $hash = hash_hmac('sha256', $header . '.' . $body, $secret, true);
    return $header . '.' . $body . '.' . base64_encode($hash);
}
