"""Signature forensics: when a token does not verify with the secret, find the known mistake that
reproduces its signature exactly.

Each candidate re-signs the token the way a specific bug would have, and only an exact HMAC match
counts, so a finding here is a proof, not a guess. Nothing returned ever holds the secret or a
variant of it: evidence names what changed and gives fingerprints.
"""

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass

from lib.encoding import base64_lenient_decode, jsrsasign_hmac_key, secret_fingerprint, standard_base64_encode

# Whitespace that sneaks into a secret: a file read with its final newline, a copy-paste with a space.
_WHITESPACE_VARIANTS = (
    ("", "\n", "a line feed (\\n) at the end"),
    ("", "\r\n", "a Windows line break (\\r\\n) at the end"),
    ("", " ", "a space at the end"),
    ("", "\t", "a tab at the end"),
    ("", "\n\n", "two line feeds at the end"),
    (" ", "", "a space at the start"),
    ("\n", "", "a line feed at the start"),
    (" ", " ", "a space at both ends"),
)


@dataclass(frozen=True)
class Mistake:
    """A mistake that reproduces the signature byte for byte."""

    code: str
    message: str
    fix: str
    evidence: dict


@dataclass(frozen=True)
class SignedToken:
    """What forensics needs from the token: the signing input as sent, the decoded segments and the MAC."""

    signing_input: bytes
    header_bytes: bytes
    payload_bytes: bytes
    mac: bytes
    key_claims: tuple  # appKey / sdkKey values found in the payload


def _mac(key: bytes, message: bytes) -> bytes:
    return hmac.digest(key, message, hashlib.sha256)


def _utf8(text: str) -> bytes | None:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _candidates(token: SignedToken, secret: str, pasted_secret: str, sdk_key: str | None) -> Iterator[Mistake]:
    """Every known mistake as (mistake, key bytes, signed message), in the order users make them."""
    signing_input = token.signing_input
    variants = []
    if pasted_secret != secret:
        variants.append((pasted_secret, "the whitespace around the secret you pasted here"))
    variants += [(before + secret + after, said) for before, after, said in _WHITESPACE_VARIANTS]
    for variant, said in variants:
        yield (
            Mistake(
                "secret_whitespace",
                f"The signature was made with the secret plus {said}. The HMAC key is every byte of the "
                "secret, so invisible whitespace gives a different signature and Zoom answers 3712.",
                "Trim the secret where your server reads it (e.g. process.env.ZOOM_MEETING_SDK_SECRET.trim(), "
                "os.environ[...].strip()), and check the .env file or secret store for a trailing newline.",
                {"whitespace": said, "secret_used": secret_fingerprint(variant)},
            ),
            _utf8(variant),
            signing_input,
        )
    keys = dict.fromkeys(k for k in (sdk_key, *token.key_claims) if isinstance(k, str) and k)
    for key in keys:
        yield (
            Mistake(
                "signed_with_key",
                "The signature was made with the SDK key (Client ID) as the HMAC secret: the key and the "
                "secret are swapped, or the same variable was used twice.",
                "Sign with the Client Secret and put the Client ID in appKey; they are two different values "
                "on the app's App Credentials page.",
                {"key_used": secret_fingerprint(key)},
            ),
            _utf8(key),
            signing_input,
        )
    for role_text in ("0", "1"):
        yield (
            Mistake(
                "signed_with_shifted_arguments",
                f"The signature was made with the secret {role_text!r}: the forum snippet's call "
                "generateSignature(meetingNumber, role) fills (key, secret, meetingNumber, role), so the role "
                "became the secret and the meeting number the key.",
                "Call the signer with all four arguments in order: (sdkKey, sdkSecret, meetingNumber, role).",
                {"secret_used": f"the role value {role_text!r}"},
            ),
            role_text.encode(),
            signing_input,
        )
    secret_bytes = _utf8(secret)
    standard_input = (
        f"{standard_base64_encode(token.header_bytes)}.{standard_base64_encode(token.payload_bytes)}".encode()
    )
    if standard_input != signing_input:
        yield (
            Mistake(
                "signed_over_standard_base64",
                "The HMAC was computed over btoa-style (standard base64) segments and the segments were "
                "converted to base64url only afterwards, so the signature covers other text than the token holds.",
                "Encode header and payload as base64url first, then compute the HMAC over exactly "
                "'<header>.<payload>' as they appear in the token.",
                {"signed_text": "standard base64 of the same header and payload"},
            ),
            secret_bytes,
            standard_input,
        )
    mode, jsrsasign_key = jsrsasign_hmac_key(secret)
    if mode == "hex":
        yield (
            Mistake(
                "hex_secret",
                "The signature was made with the secret read as hex bytes: jsrsasign (used by Zoom's official "
                "sample) parses an even-length secret made only of 0-9/a-f as hex, while Zoom reads the secret "
                "as text.",
                "A real Client Secret is not all-hex: check you pasted the right value. To sign such a secret "
                "as text with jsrsasign, pass it as {utf8: secret}.",
                {"hmac_key": f"{len(jsrsasign_key)} bytes parsed from hex"},
            ),
            jsrsasign_key,
            signing_input,
        )
    elif jsrsasign_key != secret_bytes:
        yield (
            Mistake(
                "latin1_secret_bytes",
                "The signature was made with one byte per character of the secret (the low byte of each "
                "UTF-16 unit, as jsrsasign and Latin-1 do) instead of its UTF-8 bytes: the secret holds "
                "characters outside ASCII.",
                "Use the secret's UTF-8 bytes; a real Client Secret is plain ASCII, so check the pasted value too.",
                {"hmac_key": f"{len(jsrsasign_key)} bytes, one per character"},
            ),
            jsrsasign_key,
            signing_input,
        )
    try:
        decoded_secret = base64_lenient_decode(secret)
    except ValueError:
        decoded_secret = b""
    if decoded_secret:
        yield (
            Mistake(
                "base64_decoded_secret",
                "The signature was made with the base64-decoded bytes of the secret. The Client Secret is "
                "used as text, even though it looks like base64.",
                "Pass the secret string unchanged as the HMAC key (no Buffer.from(secret, 'base64'), "
                "no base64.b64decode).",
                {"hmac_key": f"{len(decoded_secret)} bytes decoded from base64"},
            ),
            decoded_secret,
            signing_input,
        )


def find_mistake(token: SignedToken, secret: str, pasted_secret: str, sdk_key: str | None = None) -> Mistake | None:
    """The first known mistake whose HMAC equals the token's MAC exactly, or None.

    `secret` is the trimmed secret (already found not to verify), `pasted_secret` what was pasted.
    """
    for mistake, key, message in _candidates(token, secret, pasted_secret, sdk_key):
        if key is not None and hmac.compare_digest(_mac(key, message), token.mac):
            return mistake
    return None


# The forensic mistake codes in the order they are tried (tests and the pages list them).
MISTAKE_CODES = (
    "secret_whitespace",
    "signed_with_key",
    "signed_with_shifted_arguments",
    "signed_over_standard_base64",
    "hex_secret",
    "latin1_secret_bytes",
    "base64_decoded_secret",
)
