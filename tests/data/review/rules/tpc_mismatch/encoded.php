<?php
use Firebase\JWT\JWT;

function video_token($key, $secret, $sessionName, $role) {
    $iat = time();
    $exp = $iat + 7200;
    $encoded = ['app_key' => $key, 'tpc' => urlencode($sessionName), 'role_type' => $role, 'version' => 1, 'iat' => $iat, 'exp' => $exp]; // must-fire
    $raw = ['app_key' => $key, 'tpc' => rawurlencode($sessionName), 'role_type' => $role, 'version' => 1, 'iat' => $iat, 'exp' => $exp]; // must-fire
    $plain = ['app_key' => $key, 'tpc' => $sessionName, 'role_type' => $role, 'version' => 1, 'iat' => $iat, 'exp' => $exp]; // must-not-fire
    $decoded = ['app_key' => $key, 'tpc' => urldecode($sessionName), 'role_type' => $role, 'version' => 1, 'iat' => $iat, 'exp' => $exp]; // must-not-fire
    return array_map(fn ($p) => JWT::encode($p, $secret, 'HS256'), [$encoded, $raw, $plain, $decoded]);
}

$link = '/session?name=' . urlencode($_GET['name']); // must-not-fire
