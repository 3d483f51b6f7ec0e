import os
from datetime import datetime

import jwt


def meeting_sdk_signature(meeting_number, role, *, lifetime=2 * 60 * 60, client_id=None, client_secret=None):
    if not client_id or not client_secret:
        raise RuntimeError("client id or secret missing")
    iat = int(datetime.utcnow().timestamp()) - int(os.getenv("IAT_OFFSET_SECONDS", 0))
    exp = iat + lifetime
    payload = {
        "appKey": client_id,
        "sdkKey": client_id,
        "mn": str(meeting_number),
        "role": role,
        "iat": iat,
        "exp": exp,
        "tokenExp": exp,
    }
    return {"signature": jwt.encode(payload, client_secret, algorithm="HS256"), "sdkKey": client_id}
