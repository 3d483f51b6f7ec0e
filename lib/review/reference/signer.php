<?php
use Firebase\JWT\JWT;

function generateSignature(string $meetingNumber, int $role): string {
    $iat = time() - 30;
    $exp = $iat + 60 * 60 * 2;
    $payload = [
        'appKey' => getenv('ZOOM_MEETING_SDK_KEY'),
        'sdkKey' => getenv('ZOOM_MEETING_SDK_KEY'),
        'mn' => $meetingNumber,
        'role' => $role,
        'iat' => $iat,
        'exp' => $exp,
        'tokenExp' => $exp,
    ];
    return JWT::encode($payload, trim(getenv('ZOOM_MEETING_SDK_SECRET')), 'HS256');
}
