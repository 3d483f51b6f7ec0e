package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"strconv"
	"time"
)

type meeting struct {
	APIKey        string
	APISecret     string
	MeetingNumber string
	Role          string
}

func signature(m meeting) string {
	stamp := strconv.Itoa(int(time.Now().UTC().UnixNano()/1e6 - 30000))
	msg := base64.StdEncoding.EncodeToString([]byte(m.APIKey + m.MeetingNumber + stamp + m.Role))
	mac := hmac.New(sha256.New, []byte(m.APISecret))
	mac.Write([]byte(msg))
	hash := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	joined := m.APIKey + "." + m.MeetingNumber + "." + stamp + "." + m.Role + "." + hash
	return base64.StdEncoding.EncodeToString([]byte(joined))
}

func main() {
	fmt.Println(signature(meeting{os.Getenv("API_KEY"), os.Getenv("API_SECRET"), os.Args[1], "0"}))
}
