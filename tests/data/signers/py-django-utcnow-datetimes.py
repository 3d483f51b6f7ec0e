import datetime
from calendar import timegm

import jwt


def generate_signature(data):
    iat = datetime.datetime.utcnow()
    payload = {
        "appKey": data["apiKey"],
        "sdkKey": data["apiKey"],
        "mn": data["meetingNumber"],
        "role": data["role"],
        "iat": iat,
        "exp": iat + datetime.timedelta(hours=24),
        "tokenExp": timegm((iat + datetime.timedelta(hours=24)).utctimetuple()),
    }
    return jwt.encode(payload, data["apiSecret"], algorithm="HS256")
