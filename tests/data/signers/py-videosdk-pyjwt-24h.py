import os
import time

import jwt
from dotenv import load_dotenv

load_dotenv()

ZOOM_SDK_KEY = os.environ.get("ZOOM_SDK_KEY")
ZOOM_SDK_SECRET = os.environ.get("ZOOM_SDK_SECRET")
ZOOM_SESSION_NAME = os.environ.get("ZOOM_SESSION_NAME")


def session_jwt():
    iat = int(time.time())
    exp = iat + 24 * 60 * 60  # a day
    payload = {
        "app_key": ZOOM_SDK_KEY,
        "iat": iat,
        "exp": exp,
        "tpc": ZOOM_SESSION_NAME,
        "role_type": 1,
        "version": 1,
    }
    return jwt.encode(payload, ZOOM_SDK_SECRET, algorithm="HS256"), exp
