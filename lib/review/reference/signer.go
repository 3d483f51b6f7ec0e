package signer

import (
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func GenerateSignature(meetingNumber string, role int) (string, error) {
	iat := time.Now().Unix() - 30
	exp := iat + 2*60*60
	claims := jwt.MapClaims{
		"appKey":   os.Getenv("ZOOM_MEETING_SDK_KEY"),
		"sdkKey":   os.Getenv("ZOOM_MEETING_SDK_KEY"),
		"mn":       meetingNumber,
		"role":     role,
		"iat":      iat,
		"exp":      exp,
		"tokenExp": exp,
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return token.SignedString([]byte(strings.TrimSpace(os.Getenv("ZOOM_MEETING_SDK_SECRET"))))
}
