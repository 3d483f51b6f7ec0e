package zoom

import (
	"net/url"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func VideoToken(sessionName string, role int) (string, error) {
	iat := time.Now().Unix()
	claims := jwt.MapClaims{"app_key": os.Getenv("ZOOM_SDK_KEY"), "tpc": url.QueryEscape(sessionName), "role_type": role, "version": 1, "iat": iat, "exp": iat + 7200} // must-fire
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("ZOOM_SDK_SECRET")))
}

func PathToken(sessionName string, role int) (string, error) {
	iat := time.Now().Unix()
	topic := url.PathEscape(sessionName) // must-fire
	claims := jwt.MapClaims{"app_key": os.Getenv("ZOOM_SDK_KEY"), "tpc": topic, "role_type": role, "version": 1, "iat": iat, "exp": iat + 7200}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("ZOOM_SDK_SECRET")))
}

func PlainToken(sessionName string, role int) (string, error) {
	iat := time.Now().Unix()
	claims := jwt.MapClaims{"app_key": os.Getenv("ZOOM_SDK_KEY"), "tpc": sessionName, "role_type": role, "version": 1, "iat": iat, "exp": iat + 7200} // must-not-fire
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(os.Getenv("ZOOM_SDK_SECRET")))
}
