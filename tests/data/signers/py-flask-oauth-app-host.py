from datetime import datetime, timedelta, timezone

import jwt

CONFIG = {"CLIENT_ID": "", "CLIENT_SECRET": ""}


def generate_signature(meeting_number):
    iat = datetime.now(timezone.utc)
    exp = iat + timedelta(seconds=1800)
    payload = {
        "appKey": CONFIG["CLIENT_ID"],
        "sdkKey": CONFIG["CLIENT_ID"],
        "mn": meeting_number,
        "role": 1,
        "iat": round(iat.timestamp()),
        "exp": round(exp.timestamp()),
        "tokenExp": round(exp.timestamp()),
    }
    return jwt.encode(payload, CONFIG["CLIENT_SECRET"], algorithm="HS256")
