"""The token's form before its claims: is it a JWT at all (or a bare MAC, the legacy format), which
base64 alphabet its segments use, do they decode to JSON objects, is the header HS256."""

import json

from lib.doctor.findings import add_finding
from lib.signing.encoding import base64_lenient_decode, base64url_encode
from lib.zoom.facts import HEADER
from lib.zoom.rules import SHOWN_CHARS, cut, shown

HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# The header every correct token has, as bytes and as base64url: nearly every pasted token starts with it.
HEADER_JSON_BYTES = json.dumps(HEADER, separators=(",", ":")).encode()
HEADER_B64 = base64url_encode(HEADER_JSON_BYTES)
_MISSING = object()
_JSON = json.JSONDecoder()  # stateless: json.loads without its per-call argument checks


def diagnose_dotless(text, findings):
    """A text without dots: a bare MAC (what the forum snippet returns), the legacy format, or garbage."""
    if len(text) == 64 and HEX_DIGITS.issuperset(text):
        add_finding(
            findings,
            "bare_signature",
            "format",
            "This is a hex HMAC (64 hex digits), not a JWT: the signer returned only the MAC.",
            "Return the whole token header.payload.signature, with the MAC in base64url.",
            encoding="hex",
        )
        return
    try:
        decoded = base64_lenient_decode(text)
    except ValueError:
        decoded = None
    if decoded is not None and len(decoded) == 32:
        add_finding(
            findings,
            "bare_signature",
            "format",
            "This is only a 32-byte HMAC, not a JWT: the signer returned the signature without the header "
            "and payload (the forum snippet's `return signature`). The Web SDK cannot even read an appKey from it.",
            "Return `${encodedHeader}.${encodedPayload}.${signature}`, all three in base64url.",
            encoding="standard base64" if "=" in text or "+" in text or "/" in text else "base64url",
        )
        return
    legacy = legacy_fields(decoded) if decoded is not None else None
    if legacy:
        legacy_finding(findings, legacy)
        return
    add_finding(
        findings,
        "malformed_token",
        "format",
        "This is not a JWT: a Meeting SDK signature is three base64url parts joined by dots "
        f"(header.payload.signature), and this text has no dot ({len(text)} characters).",
        "Paste the whole `signature` value your endpoint returns.",
        parts=1,
        length=len(text),
    )


def legacy_fields(data) -> dict | None:
    """What a decoded pre-2022 signature holds, or None if it is not one. Its published shapes:
    'key.mn.ts.role.hash' and 'key.mn.iat.exp.role.hash', the meeting number with or without spaces
    (or empty), the hash in base64 (either alphabet, padded or not) or in hex."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        return None
    parts = text.split(".")
    if len(parts) not in (5, 6):
        return None
    key, meeting, *times, role, mac = parts
    digits = meeting.replace(" ", "").replace("-", "")
    if not key or (digits and not (digits.isdigit() and digits.isascii())) or role not in ("0", "1"):
        return None
    if not all(t.isdigit() and t.isascii() for t in times) or not mac:
        return None
    if len(mac) == 64 and HEX_DIGITS.issuperset(mac):
        encoding = "hex"
    else:
        try:
            encoding = "base64" if len(base64_lenient_decode(mac)) == 32 else None
        except ValueError:
            encoding = None
    if encoding is None:
        return None
    names = (
        ["key", "meeting number", "timestamp", "role", "hash"]
        if len(times) == 1
        else ["key", "meeting number", "iat", "exp", "role", "hash"]
    )
    return {"fields": names, "meeting_number": meeting, "timestamps": times, "role": role, "hash_encoding": encoding}


def legacy_finding(findings, legacy):
    meeting = legacy["meeting_number"]
    notes = []
    if not meeting:
        notes.append("its meeting number is empty")
    elif not meeting.isdigit():
        notes.append(f"its meeting number {cut(meeting)!r} keeps spaces or dashes")
    if legacy["hash_encoding"] == "hex":
        notes.append("its hash is in hex")
    add_finding(
        findings,
        "legacy_signature_format",
        "format",
        f"This is the pre-2022 signature format base64('{'.'.join(legacy['fields'])}'), made by the old sample "
        "or the old Web SDK generateSignature"
        + (f" ({'; '.join(notes)})" if notes else "")
        + ". Current Web SDKs accept only the JWT format.",
        "Sign a JWT with the claims appKey, mn, role, iat, exp, tokenExp (see Zoom's meetingsdk-auth-endpoint-sample).",
        fields=legacy["fields"],
        mn=meeting,
        timestamps=legacy["timestamps"],
        role=legacy["role"],
        hash_encoding=legacy["hash_encoding"],
    )


def check_alphabet(findings, header_b64, payload_b64, signature_b64):
    token = f"{header_b64}{payload_b64}{signature_b64}"
    if "+" not in token and "/" not in token and "=" not in token:
        return  # the usual token: base64url throughout
    bad_segments = [
        name
        for name, segment in (("header", header_b64), ("payload", payload_b64))
        if "+" in segment or "/" in segment or "=" in segment
    ]
    if bad_segments:
        add_finding(
            findings,
            "standard_base64",
            "format",
            f"The {' and '.join(bad_segments)} segment{'s are' if len(bad_segments) > 1 else ' is'} in standard "
            "base64 ('+', '/' or '=' padding, as btoa produces). JWT segments must be base64url: '-' and '_', "
            "no padding. This bug shows only for some payloads, so it looks intermittent.",
            "Use base64url: btoa(s).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''), or let a JWT "
            "library (jsrsasign, jsonwebtoken, PyJWT) encode.",
            segments=bad_segments,
        )
    if "+" in signature_b64 or "/" in signature_b64 or "=" in signature_b64:
        add_finding(
            findings,
            "standard_base64",
            "signature",
            "The signature is in standard base64 ('=' padding, '+' or '/', as CryptoJS.enc.Base64 writes it): "
            "a 32-byte HMAC in base64url is 43 characters with no '='.",
            "Encode the HMAC as base64url (CryptoJS: Base64.stringify(...).replace(/\\+/g,'-').replace(/\\//g,'_')"
            ".replace(/=+$/,''); Node: digest('base64url')).",
            segments=["signature"],
        )


def _parse_json(text):
    """json.loads, with raw_decode as the fast path: whitespace around the value (valid JSON) or anything
    after it goes through decode, which accepts the first and raises on the second."""
    try:
        value, end = _JSON.raw_decode(text)
    except ValueError:
        return _JSON.decode(text)
    return value if end == len(text) else _JSON.decode(text)


def decode_json_segment(findings, name, segment):
    """(bytes, JSON object) of a segment; None for what cannot be had, with the finding that says why."""
    try:
        data = base64_lenient_decode(segment)
    except ValueError:
        add_finding(
            findings,
            "malformed_token",
            name,
            f"The {name} segment is not base64url: it has characters outside A-Z a-z 0-9 - _ or an impossible "
            f"length ({len(segment)} characters).",
            "Paste the token exactly as your endpoint returned it; do not re-type or shorten it.",
            segment=name,
        )
        return None, None
    try:
        value = _parse_json(data.decode("utf-8"))
    except (ValueError, RecursionError):
        add_finding(
            findings,
            "invalid_json",
            name,
            f"The {name} segment decodes to bytes that are not JSON: {shown(data[:SHOWN_CHARS])}.",
            f"Encode JSON.stringify({name}) (UTF-8) as base64url; do not encode an object directly "
            "(btoa(obj) gives '[object Object]').",
            segment=name,
        )
        return data, None
    if not isinstance(value, dict):
        add_finding(
            findings,
            "invalid_json",
            name,
            f"The {name} is JSON but not an object: {shown(value)}.",
            f"The {name} must be a JSON object {{...}}.",
            segment=name,
        )
        return data, None
    return data, value


# ---------------------------------------------------------------------------------------------- claims


def check_header(findings, header):
    alg = header.get("alg", _MISSING)
    if alg != "HS256":
        add_finding(
            findings,
            "wrong_alg",
            "header",
            f"The header's alg is {'missing' if alg is _MISSING else shown(alg)}; Zoom accepts only HS256 "
            "(HMAC-SHA256 with the SDK secret).",
            f"Use the header {json.dumps(HEADER, separators=(',', ':'))}.",
            claims=["alg"],
        )


def read_header(findings, header_b64):
    """(bytes, JSON object) of the header segment, checked; the usual HS256 header without decoding it."""
    if header_b64 == HEADER_B64:
        return HEADER_JSON_BYTES, dict(HEADER)
    header_bytes, header = decode_json_segment(findings, "header", header_b64)
    if header is not None:
        check_header(findings, header)
    return header_bytes, header
