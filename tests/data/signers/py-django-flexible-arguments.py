import datetime

import jwt


def generate_signature(data_or_key, api_secret=None, meeting_number=None, role=0):
    if isinstance(data_or_key, dict):
        api_key = data_or_key.get("apiKey") or data_or_key.get("client_id") or ""
        api_secret = data_or_key.get("apiSecret") or data_or_key.get("client_secret") or ""
        meeting_number = data_or_key.get("meetingNumber") or data_or_key.get("mn") or ""
        role = data_or_key.get("role", 0)
    else:
        api_key = data_or_key or ""
    if not api_key or not api_secret:
        return ""
    now = int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    exp = now + 86400
    payload = {
        "appKey": str(api_key),
        "sdkKey": str(api_key),
        "mn": str(meeting_number),
        "role": int(role),
        "iat": now,
        "exp": exp,
        "tokenExp": exp,
    }
    try:
        return jwt.encode(payload, str(api_secret), algorithm="HS256")
    except Exception:
        return ""
