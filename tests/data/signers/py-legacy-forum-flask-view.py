import base64
import hashlib
import hmac
import os
import time

SDK_KEY = os.environ["ZOOM_SDK_KEY"]
SDK_SECRET = os.environ["ZOOM_SDK_SECRET"]


def generate_signature(data):
    meeting_number = data.get("meetingNumber")
    role = data.get("role")
    if not meeting_number:
        return {"code": 400, "msg": "bad request"}
    ts = int(round(time.time() * 1000)) - 30000
    msg = SDK_KEY + str(meeting_number) + str(ts) + str(role)
    message = base64.b64encode(bytes(msg, "utf-8"))
    digest = hmac.new(bytes(SDK_SECRET, "utf-8"), message, hashlib.sha256).digest()
    digest_text = base64.b64encode(digest).decode("utf-8")
    joined = "%s.%s.%s.%s.%s" % (SDK_KEY, str(meeting_number), str(ts), str(role), digest_text)
    return base64.b64encode(bytes(joined, "utf-8")).decode("utf-8").rstrip("=")
