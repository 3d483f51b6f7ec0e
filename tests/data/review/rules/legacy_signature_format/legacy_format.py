import base64
import hashlib
import hmac
import time


def generate(api_key, api_secret, meeting_number, role):
    ts = int(round(time.time() * 1000)) - 30000
    message = base64.b64encode(bytes(api_key + str(meeting_number) + str(ts) + str(role), "utf-8"))
    digest = base64.b64encode(hmac.new(api_secret.encode(), message, hashlib.sha256).digest()).decode()
    token = "{}.{}.{}.{}.{}".format(api_key, meeting_number, ts, role, digest)  # must-fire
    percent = "%s.%s.%s.%s.%s" % (api_key, meeting_number, ts, role, digest)  # must-fire
    return base64.b64encode(token.encode()).decode(), percent
