import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta

SDK_SECRET = "Hq3ZtP8wXn5LbK2mVc9RfJ7dYs4GaE6u"


def signature(key, meeting_number, role):
    now = datetime.utcnow().timestamp()
    payload = {"appKey": key, "mn": meeting_number, "role": role, "iat": int(now), "exp": int(now) + 300}
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()).rstrip(b"=")
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=")
    mac = hmac.new(SDK_SECRET.encode(), header + b"." + body, hashlib.sha256).digest()
    return base64.b64encode(mac).decode()
