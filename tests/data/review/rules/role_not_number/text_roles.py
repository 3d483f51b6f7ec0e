import os
import time

import jwt


def generate(key, secret, mn, role):
    iat = int(time.time()) - 30
    exp = iat + 7200
    text = str(role)  # must-fire: role_not_number
    a = {"appKey": key, "mn": mn, "role": text, "iat": iat, "exp": exp, "tokenExp": exp}
    b = {"appKey": key, "mn": mn, "role": os.environ["ZOOM_ROLE"], "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: role_not_number
    c = {"appKey": key, "mn": mn, "role": int(os.getenv("ZOOM_ROLE", "0")), "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: role_not_number
    d = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: role_not_number
    return [jwt.encode(p, secret, algorithm="HS256") for p in (a, b, c, d)]


def typed(key: str, secret: str, mn: int, role: str):  # must-fire: role_not_number
    iat = int(time.time())
    payload = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}
    return jwt.encode(payload, secret, algorithm="HS256")


def from_json(request, key, secret):
    data = request.get_json()
    iat = int(time.time())
    payload = {"appKey": key, "mn": data["mn"], "role": data["role"], "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}  # must-fire: role_not_number
    return jwt.encode(payload, secret, algorithm="HS256")
