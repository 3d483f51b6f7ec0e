import time

import jwt
from flask import request


def sign(key, secret, mn):
    iat = int(time.time())
    text = {"appKey": key, "mn": mn, "role": "1", "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}  # must-fire: role_not_number
    host = {"appKey": key, "mn": mn, "role": 2, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}  # must-fire: role_out_of_range
    number = {"appKey": key, "mn": mn, "role": 1, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}  # must-not-fire: role_not_number, role_out_of_range
    return [jwt.encode(p, secret) for p in (text, host, number)]


def from_the_request(key, secret, mn):
    role = request.form["role"]  # must-fire: role_not_number
    converted_role = int(request.form["role"])  # must-not-fire: role_not_number
    return role, converted_role
