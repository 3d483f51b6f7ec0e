package zoom

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"
)

func LegacySignature(apiKey, apiSecret, meetingNumber string, role int) string {
	ts := time.Now().UnixMilli() - 30000
	msg := base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("%s%s%d%d", apiKey, meetingNumber, ts, role)))
	mac := hmac.New(sha256.New, []byte(apiSecret))
	mac.Write([]byte(msg))
	hash := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	token := fmt.Sprintf("%s.%s.%d.%d.%s", apiKey, meetingNumber, ts, role, hash) // must-fire
	return base64.StdEncoding.EncodeToString([]byte(token))
}
