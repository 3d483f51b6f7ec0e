function generate_signature($sdkKey, $sdkSecret, $meetingNumber, $role) {
    $iat = time() - 30;
    $exp = $iat + 7200;
    $payload = ['appKey' => $sdkKey, 'sdkKey' => $sdkKey, 'mn' => $meetingNumber, 'role' => (int) $role, 'iat' => $iat, 'exp' => $exp, 'tokenExp' => $exp];
    $header = base64_encode(json_encode(['alg' => 'HS256', 'typ' => 'JWT'])); // must-fire
    $body = rtrim(strtr(base64_encode(json_encode($payload)), '+/', '-_'), '='); // must-not-fire
    $mac = hash_hmac('sha256', "$header.$body", $sdkSecret, true);
    return "$header.$body." . rtrim(strtr(base64_encode($mac), '+/', '-_'), '='); // must-not-fire
}
