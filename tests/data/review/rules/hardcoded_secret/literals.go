package signer

import (
	"crypto/hmac"
	"crypto/sha256"
	"os"
)

func macs() {
	written := hmac.New(sha256.New, []byte("Zx8Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk0Lm")) // must-fire
	read := hmac.New(sha256.New, []byte(os.Getenv("ZOOM_SECRET"))) // must-not-fire
	_, _ = written, read
}
