<?php
require __DIR__ . '/vendor/autoload.php';
use Firebase\JWT\JWT;

$body = json_decode(file_get_contents('php://input'), true);
$iat = time() - 30;
$exp = $iat + 60 * 60 * 2;
$payload = array(
    "appKey" => $_ENV['ZOOM_SDK_KEY'],
    "sdkKey" => $_ENV['ZOOM_SDK_KEY'],
    "mn" => $body['meetingNumber'],
    "role" => intval($body['role']),
    "iat" => $iat,
    "exp" => $exp,
    "tokenExp" => $exp
);
echo json_encode(["signature" => JWT::encode($payload, $_ENV['ZOOM_SDK_SECRET'], 'HS256')]);
