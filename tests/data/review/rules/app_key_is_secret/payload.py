import os
import time

import jwt

SDK_KEY = os.environ["ZOOM_SDK_KEY"]
SDK_SECRET = os.environ["ZOOM_SDK_SECRET"]


def sign(mn, role):
    iat = int(time.time())
    leaked = {"appKey": SDK_SECRET, "mn": mn, "role": role, "iat": iat, "exp": iat + 7200}  # must-fire
    right = {"appKey": SDK_KEY, "mn": mn, "role": role, "iat": iat, "exp": iat + 7200}  # must-not-fire
    return jwt.encode(leaked, SDK_SECRET), jwt.encode(right, SDK_SECRET)
