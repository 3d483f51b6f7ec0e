import time

import jwt


def zoom_token(api_key, api_secret):
    payload = {"iss": api_key, "exp": int(time.time()) + 3600}
    return jwt.encode(payload, api_secret, algorithm="HS256")
