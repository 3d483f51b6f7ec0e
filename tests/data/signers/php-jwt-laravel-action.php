<?php

declare(strict_types=1);

namespace App\Actions;

use Firebase\JWT\JWT;

class ZoomJoinSignature
{
    private string $sdkKey;
    private string $sdkSecret;

    public function __construct()
    {
        $this->sdkKey = config('services.zoom.client_id');
        $this->sdkSecret = config('services.zoom.client_secret');
    }

    public function handle(int|string $meetingNumber, int $role): string
    {
        $iat = time() - 30;
        $exp = $iat + 60 * 60 * 2;
        $claims = [
            'sdkKey' => $this->sdkKey,
            'appKey' => $this->sdkKey,
            'mn' => $meetingNumber,
            'role' => $role,
            'iat' => $iat,
            'exp' => $exp,
            'tokenExp' => $exp,
        ];
        return JWT::encode($claims, $this->sdkSecret, 'HS256');
    }
}
