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
from typing import NamedTuple

from lib.mistakes.key_bytes import KEY_BYTES, KEY_BYTES_CODES
from lib.signing.encoding import secret_fingerprint, standard_base64_encode

# Whitespace that sneaks into a secret: a file read with its final newline, a copy-paste with a space.
_WHITESPACE_VARIANTS = (
    ("", "\n", "a line feed (\\n) at the end"),
    ("", "\r\n", "a Windows line break (\\r\\n) at the end"),
    ("", " ", "a space at the end"),
    ("", "\t", "a tab at the end"),
    (" ", "", "a space at the start"),
    ("\n", "", "a line feed at the start"),
)


@dataclass(frozen=True)
class Mistake:
    """A mistake that reproduces the signature byte for byte."""

    code: str
    message: str
    fix: str
    evidence: dict


class SignedToken(NamedTuple):
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


def _describe(code: str, detail) -> Mistake:
    """The explanation of a mistake that matched (built only then: most candidates never match)."""
    if code == "secret_whitespace":
        said, variant = detail
        return Mistake(
            code,
            f"The signature was made with the secret plus {said}. The HMAC key is every byte of the "
            "secret, so invisible whitespace gives a different signature and Zoom answers 3712.",
            "Trim the secret where your server reads it (e.g. process.env.ZOOM_MEETING_SDK_SECRET.trim(), "
            "os.environ[...].strip()), and check the .env file or secret store for a trailing newline.",
            {"whitespace": said, "secret_used": secret_fingerprint(variant)},
        )
    if code == "signed_with_key":
        return Mistake(
            code,
            "The signature was made with the SDK key (Client ID) as the HMAC secret: the key and the "
            "secret are swapped, or the same variable was used twice.",
            "Sign with the Client Secret and put the Client ID in appKey; they are two different values "
            "on the app's App Credentials page.",
            {"key_used": secret_fingerprint(detail)},
        )
    if code == "signed_with_shifted_arguments":
        return Mistake(
            code,
            f"The signature was made with the secret {detail!r}: the forum snippet's call "
            "generateSignature(meetingNumber, role) fills (key, secret, meetingNumber, role), so the role "
            "became the secret and the meeting number the key.",
            "Call the signer with all four arguments in order: (sdkKey, sdkSecret, meetingNumber, role).",
            {"secret_used": f"the role value {detail!r}"},
        )
    if code == "signed_over_standard_base64":
        return Mistake(
            code,
            "The HMAC was computed over btoa-style (standard base64) segments and the segments were "
            "converted to base64url only afterwards, so the signature covers other text than the token holds.",
            "Encode header and payload as base64url first, then compute the HMAC over exactly "
            "'<header>.<payload>' as they appear in the token.",
            {"signed_text": "standard base64 of the same header and payload"},
        )
    way, key_bytes = detail  # a KeyBytes of lib.mistakes.key_bytes and the key it gave
    return Mistake(
        code,
        f"The signature was made with {way.how} instead of its text: {way.libraries}. Zoom keys the HMAC with "
        "the secret's own text, so the signature cannot match.",
        way.fix,
        {"hmac_key": f"{len(key_bytes)} bytes{way.bytes_were}"},
    )


def _candidates(token: SignedToken, secret: str, pasted_secret: str, sdk_key: str | None) -> Iterator[tuple]:
    """Every known mistake as (code, HMAC key bytes, signed message, detail). The key swap and the
    secret-form quirks (tried only for a secret of that form) come first, then the rest."""
    signing_input = token.signing_input
    for key in dict.fromkeys(k for k in (sdk_key, *token.key_claims) if isinstance(k, str) and k):
        yield "signed_with_key", _utf8(key), signing_input, key
    secret_bytes = _utf8(secret)
    for way in KEY_BYTES[:2]:  # jsrsasign's, the official sample's: first
        if (key_bytes := way.key(secret)) and key_bytes != secret_bytes:
            yield way.code, key_bytes, signing_input, (way, key_bytes)
    for role_text in ("0", "1"):
        yield "signed_with_shifted_arguments", role_text.encode(), signing_input, role_text
    if pasted_secret != secret:
        said = "the whitespace around the secret you pasted here"
        yield "secret_whitespace", _utf8(pasted_secret), signing_input, (said, pasted_secret)
    for before, after, said in _WHITESPACE_VARIANTS:
        variant = before + secret + after
        yield "secret_whitespace", _utf8(variant), signing_input, (said, variant)
    standard_input = (
        f"{standard_base64_encode(token.header_bytes)}.{standard_base64_encode(token.payload_bytes)}".encode()
    )
    if standard_input != signing_input:
        yield "signed_over_standard_base64", secret_bytes, standard_input, None
    for way in KEY_BYTES[2:]:  # other libraries and runtimes, each computed only when it is reached
        if (key_bytes := way.key(secret)) and key_bytes != secret_bytes:
            yield way.code, key_bytes, signing_input, (way, key_bytes)


def find_mistake(
    token: SignedToken, secret: str, pasted_secret: str, sdk_key: str | None = None, *, keys_only: bool = False
) -> Mistake | None:
    """The first known mistake whose HMAC equals the token's MAC exactly, or None.

    `secret` is the trimmed secret (already found not to verify), `pasted_secret` what was pasted.
    `keys_only`: try only the keys as the secret (for a token of another app, the secret's variants cannot
    explain it, but the key given or the token's own key used as the secret can).
    """
    for code, key, message, detail in _candidates(token, secret, pasted_secret, sdk_key):
        if keys_only and code != "signed_with_key":
            break
        if key is not None and hmac.compare_digest(_mac(key, message), token.mac):
            return _describe(code, detail)
    return None


# The forensic mistake codes in the order they are tried (tests and the pages list them).
MISTAKE_CODES = tuple(
    dict.fromkeys(
        (
            "signed_with_key",
            *KEY_BYTES_CODES[:2],
            "signed_with_shifted_arguments",
            "secret_whitespace",
            "signed_over_standard_base64",
            *KEY_BYTES_CODES[2:],
        )
    )
)
