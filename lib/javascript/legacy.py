"""The pre-2022 Web SDK signature as Zoom's old Node example made it, with Node's Buffer and crypto
semantics (a lone surrogate becomes U+FFFD; a non-string key throws ERR_INVALID_ARG_TYPE)."""

import binascii
import re

from lib.javascript.forum import BuggySteps, JsError, js_to_string
from lib.signing.encoding import standard_base64_encode, utf16_code_units
from lib.signing.steps import ABSENT, SignatureRequest, hmac_sha256
from lib.zoom.rules import is_integer


def node_utf8(text: str) -> bytes:
    """Buffer.from(text) in Node: UTF-8, with each unpaired surrogate written as U+FFFD."""
    units = utf16_code_units(text)
    repaired = b"".join(u.to_bytes(2, "little") for u in units).decode("utf-16-le", "replace")
    return repaired.encode("utf-8")


_NOT_NODE_BASE64 = re.compile(r"[^A-Za-z0-9+/_-]")
_URL_TO_STANDARD = str.maketrans("-_", "+/")


def node_base64_decode(text: str) -> bytes:
    """Buffer.from(text, 'base64') in Node: either alphabet, other characters skipped, decoding stops at '=',
    and a last group of two or three characters still gives its whole bytes (a lone last character none)."""
    letters = _NOT_NODE_BASE64.sub("", text.split("=", 1)[0]).translate(_URL_TO_STANDARD)
    letters = letters[: len(letters) - 1] if len(letters) % 4 == 1 else letters
    return binascii.a2b_base64(letters + "=" * (-len(letters) % 4))


def node_hmac_key(secret) -> bytes:
    """The key bytes crypto.createHmac('sha256', secret) uses, or Node's TypeError."""
    if isinstance(secret, str):
        return node_utf8(secret)
    if secret is ABSENT or secret is None:
        received = "undefined" if secret is ABSENT else "null"
    elif isinstance(secret, bool) or isinstance(secret, (int, float)):
        received = f"type {'boolean' if isinstance(secret, bool) else 'number'} ({js_to_string(secret)})"
    else:
        received = f"an instance of {'Array' if isinstance(secret, list) else 'Object'}"
    raise JsError(
        "TypeError",
        'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, '
        f"DataView, KeyObject, or CryptoKey. Received {received}",
        "crypto.createHmac",
        code="ERR_INVALID_ARG_TYPE",
    )


def legacy_signature(request: SignatureRequest) -> BuggySteps:
    """The pre-2022 Web SDK signature, as Zoom's old Node example made it.

    Its clock (Date.now() − 30 s, in milliseconds) is taken from the request's iat. There is no
    header: the message is the concatenation key + mn + timestamp + role.
    """
    if not is_integer(request.iat):
        raise ValueError("the legacy format needs iat as whole epoch seconds (it stands for the clock)")
    key, mn, role = (js_to_string(v) for v in (request.sdk_key, request.meeting_number, request.role))
    timestamp = str(request.iat * 1000 - 30000)
    done = {"payload_json": key + mn + timestamp + role}
    done["payload_b64"] = done["signing_input"] = standard_base64_encode(node_utf8(done["payload_json"]))
    try:
        key_bytes = node_hmac_key(request.sdk_secret)
    except JsError as error:
        return BuggySteps(**done, error=error)
    mac = hmac_sha256(key_bytes, done["signing_input"])
    done.update(hmac_key_length=len(key_bytes), hmac_key_hex=key_bytes.hex(), hmac_hex=mac.hex())
    done["signature"] = signature = standard_base64_encode(mac)
    done["token"] = done["returned"] = standard_base64_encode(node_utf8(f"{key}.{mn}.{timestamp}.{role}.{signature}"))
    return BuggySteps(**done)
