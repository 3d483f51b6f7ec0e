package signer

import "time"

func expiries() (int64, int64) {
	expShort := time.Now().Add(time.Minute * 10).Unix() // must-fire: lifetime_too_short
	exp := time.Now().Add(2 * time.Hour).Unix() // must-not-fire: lifetime_too_short
	return expShort, exp
}
