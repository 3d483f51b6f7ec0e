from time import time

import jwt


def generate_signature(meeting_number, role, sdk_key, sdk_secret):
    iat = round(time())
    print("iat:", iat)
    exp = iat + 60 * 60 * 2
    claims = {
        "sdkKey": sdk_key,
        "appKey": sdk_key,
        "mn": meeting_number,
        "role": role,
        "iat": iat,
        "exp": exp,
        "tokenExp": iat + 60 * 60 * 2,
    }
    return jwt.encode(claims, sdk_secret, algorithm="HS256", headers={"alg": "HS256", "typ": "JWT"})


def decode_signature(token, sdk_secret):
    return jwt.decode(token, sdk_secret, algorithms=["HS256"])
