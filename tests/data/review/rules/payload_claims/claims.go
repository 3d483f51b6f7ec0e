package signer

import "github.com/golang-jwt/jwt/v5"

func claims(key string, mn int64, iat, exp int64) (jwt.MapClaims, jwt.MapClaims) {
	partial := jwt.MapClaims{"appKey": key, "role": 0, "iat": iat, "exp": exp, "tokenExp": exp} // must-fire: missing_mn
	whole := jwt.MapClaims{"appKey": key, "mn": mn, "role": 0, "iat": iat, "exp": exp, "tokenExp": exp} // must-not-fire: missing_mn
	return partial, whole
}
