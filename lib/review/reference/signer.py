import os
import time

import jwt


def generate_signature(meeting_number: str, role: int) -> str:
    """Sign on the server, as Zoom's sample does."""
    iat = int(time.time()) - 30
    exp = iat + 60 * 60 * 2
    payload = {
        "appKey": os.environ["ZOOM_MEETING_SDK_KEY"],
        "sdkKey": os.environ["ZOOM_MEETING_SDK_KEY"],
        "mn": meeting_number,
        "role": int(role),
        "iat": iat,
        "exp": exp,
        "tokenExp": exp,
    }
    return jwt.encode(payload, os.environ["ZOOM_MEETING_SDK_SECRET"].strip(), algorithm="HS256")
