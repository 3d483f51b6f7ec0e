package signer

import "strings"

func meetings() (string, string) {
	mn := "857 4606 5432" // must-fire
	meetingNumber := strings.ReplaceAll("857 4606 5432", " ", "") // must-not-fire
	return mn, meetingNumber
}
