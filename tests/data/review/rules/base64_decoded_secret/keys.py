import base64
import hashlib
import hmac


def macs(sdk_secret, msg):
    decoded = hmac.new(base64.b64decode(sdk_secret), msg, hashlib.sha256)  # must-fire
    text = hmac.new(sdk_secret.encode(), msg, hashlib.sha256)  # must-not-fire
    return decoded, text
