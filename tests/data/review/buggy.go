package signer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"time"
)

func Signature(key, meetingNumber string, role int) string {
	secret, _ := os.ReadFile("/etc/zoom/secret")
	iat := time.Now().UnixMilli()
	payload := fmt.Sprintf(`{"appKey":"%s","mn":"%s","role":%d,"iat":%d,"exp":%d}`, key, meetingNumber, role, iat, iat+7200)
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body := base64.RawURLEncoding.EncodeToString([]byte(payload))
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(header + "." + body))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
