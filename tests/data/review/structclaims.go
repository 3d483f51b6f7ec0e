package main

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type ZoomClaims struct {
	AppKey   string `json:"appKey"`
	SdkKey   string `json:"sdkKey"`
	Mn       string `json:"mn"`
	Role     int    `json:"role"`
	Iat      int64  `json:"iat"`
	Exp      int64  `json:"exp"`
	TokenExp int64  `json:"tokenExp"`
	jwt.RegisteredClaims
}

func sign(mn string, role int) (string, error) {
	now := time.Now()
	claims := ZoomClaims{
		AppKey: os.Getenv("ZOOM_SDK_KEY"),
		SdkKey: os.Getenv("ZOOM_SDK_KEY"),
		Mn:     mn,
		Role:   role,
		Iat:    now.Unix(),
		Exp:    now.Add(2 * time.Hour).Unix(),
		TokenExp: now.Add(2 * time.Hour).Unix(),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("ZOOM_SDK_SECRET")))
}
