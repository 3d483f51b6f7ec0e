"""The correct Meeting SDK signer, one visible step at a time.

Each step is its own small function so the builder page can show the exact code that ran.
The result matches Zoom's official sample (jsrsasign) byte for byte for ASCII secrets that are
not all-hex, and PyJWT's jwt.encode for any payload with ASCII-only text.
"""

import hashlib
import hmac
import time
from dataclasses import asdict, dataclass

from lib.encoding import base64url_encode, utf8_bytes
from lib.facts import CLAIM_ORDER, DEFAULT_LIFETIME_SECONDS, HEADER
from lib.jsjson import json_stringify


class Absent:
    """Marks a field that is left out of the payload (different from JSON null)."""

    def __repr__(self):
        return "ABSENT"

    def __bool__(self):
        return False


ABSENT = Absent()


@dataclass(frozen=True)
class SignatureRequest:
    """What the signer is asked to sign. Values keep the JSON types they were given (a "1" role
    stays a string) so wrong inputs can be demonstrated; ABSENT leaves a claim out."""

    sdk_key: object
    sdk_secret: object
    meeting_number: object = ABSENT
    role: object = ABSENT
    iat: object = ABSENT
    exp: object = ABSENT
    token_exp: object = ABSENT  # ABSENT: equal to exp; None: no tokenExp claim
    video_webrtc_mode: object = ABSENT


@dataclass(frozen=True)
class SignatureSteps:
    """Every intermediate value of a signature, in the order they are computed."""

    header_json: str
    header_b64: str
    payload_json: str
    payload_b64: str
    signing_input: str
    hmac_key_length: int
    hmac_hex: str
    signature: str
    token: str
    returned: str

    def as_dict(self):
        return asdict(self)


def default_times(now=None, lifetime=DEFAULT_LIFETIME_SECONDS, skew=0):
    """iat and exp as the official sample sets them: iat = now (minus an optional skew allowance)."""
    iat = int(time.time() if now is None else now) - skew
    return iat, iat + lifetime


def build_header():
    return dict(HEADER)


def build_payload(request: SignatureRequest) -> dict:
    """Claims in the official sample's order; tokenExp follows exp unless told otherwise."""
    token_exp = request.exp if request.token_exp is ABSENT else request.token_exp
    values = {
        "appKey": request.sdk_key,
        "sdkKey": request.sdk_key,
        "mn": request.meeting_number,
        "role": request.role,
        "iat": request.iat,
        "exp": request.exp,
        "tokenExp": ABSENT if request.token_exp is None else token_exp,
        "video_webrtc_mode": request.video_webrtc_mode,
    }
    return {claim: values[claim] for claim in CLAIM_ORDER if values[claim] is not ABSENT}


def encode_segment(obj: dict) -> tuple[str, str]:
    """JSON text as JSON.stringify writes it, then base64url of its UTF-8 bytes."""
    text = json_stringify(obj)
    return text, base64url_encode(utf8_bytes(text))


def hmac_sha256(key: bytes, signing_input: str) -> bytes:
    """HMAC-SHA256 over the ASCII signing input."""
    return hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()


def build_signature_steps(request: SignatureRequest, secret_to_key=utf8_bytes) -> SignatureSteps:
    """Sign a request the correct way and keep every intermediate value.

    `secret_to_key` turns the secret into HMAC key bytes: UTF-8 (PyJWT, jsonwebtoken), or
    `jsrsasign_key_bytes` to reproduce the official sample's quirks for hex and non-ASCII secrets.
    """
    if not isinstance(request.sdk_secret, str):
        raise TypeError(f"the SDK secret must be text, not {type(request.sdk_secret).__name__}")
    header_json, header_b64 = encode_segment(build_header())
    payload_json, payload_b64 = encode_segment(build_payload(request))
    signing_input = f"{header_b64}.{payload_b64}"
    key = secret_to_key(request.sdk_secret)
    mac = hmac_sha256(key, signing_input)
    signature = base64url_encode(mac)
    token = f"{signing_input}.{signature}"
    return SignatureSteps(
        header_json=header_json,
        header_b64=header_b64,
        payload_json=payload_json,
        payload_b64=payload_b64,
        signing_input=signing_input,
        hmac_key_length=len(key),
        hmac_hex=mac.hex(),
        signature=signature,
        token=token,
        returned=token,
    )
