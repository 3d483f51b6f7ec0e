"""Encodings a JWT is made of, and the JavaScript ways of getting them wrong.

base64url is RFC 4648 §5 without '=' padding (RFC 7515 §2). The JavaScript helpers reproduce
what the browser and CryptoJS really do, so buggy snippets can be replayed byte for byte.
"""

import base64
import binascii
import hashlib
import re

_HEX_SECRET = re.compile(r"(?:[0-9A-Fa-f]{2})+")


def base64url_encode(data: bytes) -> str:
    """base64url without padding: what every JWT segment must be."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_URL_TO_STANDARD = bytes.maketrans(b"-_", b"+/")
NOT_IN_BASE64URL = "+/="  # what standard base64 (btoa) writes and a JWT segment may not contain


def base64_lenient_decode(text: str) -> bytes:
    """Decode base64 in either alphabet, padded or not: what a pasted segment really holds, whichever
    way it was (mis)encoded. Raises binascii.Error (or ValueError for non-ASCII text) otherwise."""
    stripped = text.rstrip("=").encode("ascii")
    return binascii.a2b_base64(stripped.translate(_URL_TO_STANDARD) + b"=" * (-len(stripped) % 4), strict_mode=True)


def standard_base64_encode(data: bytes) -> str:
    """Standard base64 with '+', '/' and '=' padding: what btoa and CryptoJS.enc.Base64 produce."""
    return base64.b64encode(data).decode("ascii")


def utf16_code_units(text: str) -> list[int]:
    """The UTF-16 code units a JavaScript string holds for this text."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def utf8_bytes(text: str) -> bytes:
    """UTF-8 bytes of a text; a lone surrogate (which no UTF-8 can hold) is a ValueError."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"the text holds an unpaired UTF-16 surrogate (U+{ord(text[exc.start]):04X} at position {exc.start}), "
            "which has no UTF-8 form: remove it"
        ) from None


def jsrsasign_hmac_key(secret: str) -> tuple[str, bytes]:
    """The HMAC key bytes jsrsasign (Zoom's official sample) really uses for a string secret.

    An even-length, all-hex secret is parsed as hex; any other keeps the low byte of each UTF-16
    code unit. For ordinary ASCII secrets both equal the UTF-8 bytes that PyJWT and we use.
    """
    if _HEX_SECRET.fullmatch(secret):
        return "hex", bytes.fromhex(secret)
    if secret.isascii():  # the low byte of an ASCII code unit is the character itself
        return "rstrtohex", secret.encode("ascii")
    return "rstrtohex", bytes(unit & 0xFF for unit in utf16_code_units(secret))


def jsrsasign_key_bytes(secret: str) -> bytes:
    return jsrsasign_hmac_key(secret)[1]


def secret_fingerprint(secret: str) -> str:
    """A safe stand-in for a secret: its length and the first 8 hex digits of its SHA-256."""
    digest = hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{len(secret)} characters · sha256 {digest}…"
