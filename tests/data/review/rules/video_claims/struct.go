package signer

import "github.com/golang-jwt/jwt/v5"

func videoClaims(key, topic, role string, iat, exp int64) (jwt.MapClaims, jwt.MapClaims) { // must-fire: role_type_not_number
	text := jwt.MapClaims{"app_key": key, "tpc": topic, "role_type": role, "version": 1, "iat": iat, "exp": exp}
	number := jwt.MapClaims{"app_key": key, "tpc": topic, "role_type": 0, "version": 1, "iat": iat, "exp": exp} // must-not-fire: role_type_not_number
	return text, number
}
