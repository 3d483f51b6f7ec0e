import base64
import hashlib
import hmac
import time


def generate_signature(data):
    ts = int(round(time.time() * 1000)) - 30000
    msg = data["apiKey"] + str(data["meetingNumber"]) + str(ts) + str(data["role"])
    message = base64.b64encode(bytes(msg, "utf-8"))
    secret = bytes(data["apiSecret"], "utf-8")
    digest = base64.b64encode(hmac.new(secret, message, hashlib.sha256).digest()).decode("utf-8")
    joined = "{0}.{1}.{2}.{3}.{4}".format(data["apiKey"], data["meetingNumber"], ts, data["role"], digest)
    return base64.b64encode(bytes(joined, "utf-8")).decode("utf-8").rstrip("=")
