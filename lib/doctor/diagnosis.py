"""Token doctor: what is wrong with a pasted Meeting SDK signature, which known bug made it, and
which Web SDK error Zoom would most likely answer.

`diagnose` accepts anything a user pastes (a JWT, the same wrapped in quotes, `Bearer `, line
breaks or the sample's JSON answer, a bare MAC, the legacy format, garbage) and never raises.
Every finding has a stable code; FINDING_CODES maps each code to its title, default severity, Zoom
error and the bug catalogue id (lib.mistakes.catalogue) of the mistake that causes it.
"""

import hashlib
import hmac
import json
import math
import re
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from lib.builder.form import normalize_meeting_number
from lib.mistakes.forensics import MISTAKE_CODES, SignedToken, find_mistake
from lib.signing.encoding import base64_lenient_decode, secret_fingerprint
from lib.zoom.facts import (
    CLAIM_ORDER,
    CLOCK_SKEW_SECONDS,
    DEFAULT_LIFETIME_SECONDS,
    HEADER,
    MAX_LIFETIME_SECONDS,
    MILLISECONDS_THRESHOLD,
    MIN_LIFETIME_SECONDS,
    ZOOM_ERROR_ORDER,
    ZOOM_ERRORS,
)

STEPS = ("format", "header", "payload", "claims", "signature", "context")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Code:
    """What a finding code means: its title, default severity, the Zoom error it leads to and the
    catalogue id of the bug behind it (`signature_bug_id` when the signature segment is the culprit)."""

    title: str
    severity: str
    zoom_error: int | None = None
    bug_id: str | None = None
    signature_bug_id: str | None = None


# The one mapping from finding codes to bug catalogue ids (lib.mistakes.catalogue.BUGS keys) and Zoom errors.
FINDING_CODES = {
    # format
    "input_cleaned": Code("Pasted text cleaned up", "info"),
    "bare_signature": Code("Only the HMAC, not a JWT", "error", 3712, "mac_only"),
    "malformed_token": Code("Not a header.payload.signature token", "error", 3712),
    "standard_base64": Code(
        "Standard base64 instead of base64url", "error", 3712, "standard_base64_segments", "standard_base64_signature"
    ),
    "legacy_signature_format": Code("Pre-2022 signature format", "error", 3712, "legacy_format"),
    # header / payload
    "invalid_json": Code("Segment is not a JSON object", "error", 3712),
    "wrong_alg": Code("Algorithm is not HS256", "error", 3712),
    # claims
    "missing_app_key": Code("appKey missing", "error", 3712),
    "app_key_not_text": Code("appKey is not text", "error", 3712),
    "app_key_sdk_key_differ": Code("appKey and sdkKey differ", "warning"),
    "app_key_is_meeting_number": Code("appKey holds the meeting number", "error", 3712, "argument_shift"),
    "meeting_number_claim_name": Code("Claim meetingNumber instead of mn", "error", 3706, "meeting_number_claim"),
    "missing_mn": Code("mn missing", "error", 3706),
    "mn_not_digits": Code("mn is not digits only", "error", 3706, "meeting_number_spaces"),
    "missing_role": Code("role missing", "error", 3708),
    "role_not_number": Code("role is not a number", "warning", 3708, "role_string"),
    "role_out_of_range": Code("role is not 0 or 1", "error", 3708),
    "role_host_needs_zak": Code("Host role needs the host's ZAK", "info", None, "role_inverted"),
    "role_participant_for_host": Code("Participant role for a host start", "warning", None, "role_inverted"),
    "missing_iat": Code("iat missing", "error", 3712),
    "missing_exp": Code("exp missing", "error", 3705),
    "missing_token_exp": Code("tokenExp missing", "error", 3712, "no_token_exp"),
    "timestamp_not_integer": Code("Time claim is not whole seconds", "error", 3712),
    "timestamp_milliseconds": Code("Time claim in milliseconds", "error", 3705, "timestamps_milliseconds"),
    "iat_in_future": Code("iat in the future (clock skew)", "error", 3712, "iat_in_future"),
    "expired": Code("Token expired", "error", 3705, "expired"),
    "lifetime_too_short": Code("exp − iat below 30 min", "error", 3712, "lifetime_too_short"),
    "lifetime_too_long": Code("exp − iat above 48 h", "error", 3712, "lifetime_too_long"),
    "token_exp_too_short": Code("tokenExp too soon", "warning"),
    "webrtc_mode_invalid": Code("video_webrtc_mode not 0/1", "warning"),
    "unknown_claims": Code("Claims Zoom does not use", "info"),
    # context
    "secret_trimmed": Code("Whitespace trimmed from the pasted secret", "info"),
    "secret_not_usable": Code("Secret cannot be used", "warning"),
    "app_key_mismatch": Code("appKey is not the SDK key given", "error", 3712, "wrong_app_type"),
    "app_key_is_secret": Code("appKey holds the secret", "error", 3712, "key_secret_swapped"),
    "mn_mismatch": Code("mn differs from the meeting to join", "error", 3706),
    "meeting_number_unreadable": Code("Meeting number given is not usable", "info"),
    # signature
    "signature_not_verified": Code("Signature not verified (no secret)", "info"),
    "signature_valid": Code("Signature verified", "info"),
    "signature_mismatch": Code("Signature does not match the secret", "error", 3712),
    "signature_wrong_length": Code("Signature is not 32 bytes", "error", 3712),
    # forensics (lib.mistakes.forensics): the exact mistake that reproduces the signature
    "secret_whitespace": Code("Secret had whitespace when signing", "error", 3712, "secret_trailing_newline"),
    "signed_with_key": Code("Signed with the key instead of the secret", "error", 3712, "key_secret_swapped"),
    "signed_with_shifted_arguments": Code("Signed with the role as the secret", "error", 3712, "argument_shift"),
    "signed_over_standard_base64": Code(
        "HMAC over standard base64 segments", "error", 3712, "standard_base64_segments"
    ),
    "hex_secret": Code("Secret read as hex bytes (jsrsasign)", "error", 3712),
    "latin1_secret_bytes": Code("Secret bytes not UTF-8", "error", 3712),
    "base64_decoded_secret": Code("Secret base64-decoded before signing", "error", 3712),
    "diagnosis_failed": Code("Internal error of the diagnosis", "warning"),
}

_MISSING = object()
_BEARER = re.compile(r"(?i)^(?:authorization\s*:\s*)?bearer\s+")
_TOKEN_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=."
_TOKEN_RUNS = re.compile(r"[A-Za-z0-9_\-+/=.]+")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_QUOTES = "\"'`"
_JSON_TOKEN_FIELDS = ("signature", "token", "jwt", "sdkSignature")
_JSON_KEY_FIELDS = ("sdkKey", "appKey", "clientId")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_SHOWN_CHARS = 80
_NUMBER_TYPES = (int, float)  # not bool: a "now" of True is no clock
_JSON = json.JSONDecoder()  # stateless: json.loads without its per-call argument checks
_KNOWN_CLAIMS = frozenset((*CLAIM_ORDER, "meetingNumber"))


class Finding(NamedTuple):
    """One thing the doctor found (a NamedTuple: immutable, and cheap to make 100 000 times)."""

    code: str
    severity: str  # "error" | "warning" | "info"
    step: str  # one of STEPS
    message: str
    fix: str
    evidence: dict
    bug_id: str | None

    @property
    def title(self):
        return FINDING_CODES[self.code].title

    def as_dict(self):
        return {
            "code": self.code,
            "severity": self.severity,
            "step": self.step,
            "message": self.message,
            "fix": self.fix,
            "evidence": self.evidence,
            "bug_id": self.bug_id,
        }


@dataclass(slots=True)
class Diagnosis:
    findings: list
    verdict: str
    zoom_error: int | None
    token: str | None = None  # the cleaned token text
    header: dict | None = None
    payload: dict | None = None
    verified: bool | None = None  # None: no secret to verify with, or nothing verifiable
    segments: tuple = field(default=())  # the dot-separated parts of the cleaned token

    @property
    def codes(self):
        return [f.code for f in self.findings]

    def has(self, code):
        return any(f.code == code for f in self.findings)

    def severity_count(self, severity):
        return sum(1 for f in self.findings if f.severity == severity)

    def as_dict(self):
        return {
            "token": self.token,
            "header": self.header,
            "payload": self.payload,
            "verified": self.verified,
            "findings": [f.as_dict() for f in self.findings],
            "verdict": self.verdict,
            "zoom_error": self.zoom_error,
        }


def _add(findings, code, step, message, fix="", severity=None, **evidence):
    spec = FINDING_CODES[code]
    bug_id = spec.signature_bug_id if step == "signature" and spec.signature_bug_id else spec.bug_id
    findings.append(Finding(code, severity or spec.severity, step, message, fix, evidence, bug_id))


def _cut(text):
    """Text cut short for a message: a pasted megabyte stays out of messages."""
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _shown(value):
    return _cut(repr(value))


def _is_int(value):
    return type(value) is int


# ---------------------------------------------------------------------------------------------- format


class PastedToken(NamedTuple):
    """The token found in pasted text, what was removed around it, and an SDK key found beside it."""

    text: str
    removed: tuple
    sdk_key: str | None = None


def _is_token_text(text):
    """Only characters a token (in either base64 alphabet) can hold: deleting them all leaves nothing."""
    return text.isascii() and not text.encode("ascii").translate(None, _TOKEN_BYTES)


def extract_token(pasted) -> PastedToken:
    """Find the token in whatever was pasted: strip whitespace, quotes, `Bearer `, a JSON wrapper
    such as the sample's {"signature": ..., "sdkKey": ...}, line breaks inside, surrounding text."""
    if isinstance(pasted, bytes | bytearray):
        pasted = bytes(pasted).decode("utf-8", "replace")
    elif not isinstance(pasted, str):
        pasted = "" if pasted is None else str(pasted)
    text = pasted.strip().strip(_INVISIBLE).strip()
    if _is_token_text(text):  # the usual case: nothing around the token
        return PastedToken(text, ())
    removed = []
    sdk_key = None
    for _ in range(4):  # wrappers can nest: Bearer "…", JSON inside quotes, …
        before = text
        bearer = _BEARER.match(text)
        if bearer:
            text = text[bearer.end() :].strip()
            removed.append("the 'Bearer ' prefix")
        text = text.rstrip(",;").strip()
        if text[:1] in '{"' and text[-1:] in '}"':
            unwrapped, key = _unwrap_json(text)
            if unwrapped is not None:
                text, sdk_key = unwrapped.strip(), sdk_key or key
                removed.append("the JSON around it" if before.startswith("{") else "the quotes")
        if len(text) >= 2 and text[0] == text[-1] and text[0] in _QUOTES:
            text = text[1:-1].strip()
            removed.append("the quotes")
        if text == before:
            break
    pieces = text.split()
    if len(pieces) > 1 and not any(piece.count(".") >= 2 for piece in pieces):  # a token wrapped over lines
        joined = "".join(pieces)
        if _is_token_text(joined):
            text = joined
            removed.append("line breaks and spaces inside the token")
    if not _is_token_text(text):
        runs = _TOKEN_RUNS.findall(text)
        jwt_like = [r for r in runs if r.count(".") == 2 and min(map(len, r.split("."))) >= 2]
        if jwt_like:
            text = _without_name_prefix(jwt_like[0])
            removed.append("the text around the token")
    return PastedToken(text, tuple(dict.fromkeys(removed)), sdk_key)


def _without_name_prefix(run):
    """'signature=eyJ….eyJ….x' from a log line: '=' inside the header (not its padding) ends a name."""
    head, _, rest = run.partition(".")
    unpadded = head.rstrip("=")
    if "=" not in unpadded:
        return run
    return f"{unpadded.rsplit('=', 1)[1]}{head[len(unpadded) :]}.{rest}"


def _unwrap_json(text):
    """(token, sdk key) from a JSON string or object holding the token; (None, None) if it does not."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None, None
    if isinstance(value, str):
        return value, None
    if not isinstance(value, dict):
        return None, None
    token = next((value[k] for k in _JSON_TOKEN_FIELDS if isinstance(value.get(k), str)), None)
    key = next((value[k] for k in _JSON_KEY_FIELDS if isinstance(value.get(k), str) and value[k]), None)
    return token, key


def _diagnose_dotless(text, findings):
    """A text without dots: a bare MAC (what the forum snippet returns), the legacy format, or garbage."""
    if len(text) == 64 and _HEX_DIGITS.issuperset(text):
        _add(
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
        _add(
            findings,
            "bare_signature",
            "format",
            "This is only a 32-byte HMAC, not a JWT: the signer returned the signature without the header "
            "and payload (the forum snippet's `return signature`). The Web SDK cannot even read an appKey from it.",
            "Return `${encodedHeader}.${encodedPayload}.${signature}`, all three in base64url.",
            encoding="standard base64" if "=" in text or "+" in text or "/" in text else "base64url",
        )
        return
    legacy = _legacy_fields(decoded) if decoded is not None else None
    if legacy:
        _legacy_finding(findings, legacy)
        return
    _add(
        findings,
        "malformed_token",
        "format",
        "This is not a JWT: a Meeting SDK signature is three base64url parts joined by dots "
        f"(header.payload.signature), and this text has no dot ({len(text)} characters).",
        "Paste the whole `signature` value your endpoint returns.",
        parts=1,
        length=len(text),
    )


def _legacy_fields(data):
    """(mn, timestamp, role) of a decoded legacy signature 'key.mn.ts.role.hash', or None."""
    try:
        text = data.decode("ascii") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        return None
    parts = text.split(".")
    if len(parts) == 5 and parts[1].isdigit() and parts[2].isdigit() and parts[3] in ("0", "1") and parts[4]:
        return parts[1], parts[2], parts[3]
    return None


def _legacy_finding(findings, legacy):
    mn, timestamp, role = legacy
    _add(
        findings,
        "legacy_signature_format",
        "format",
        "This is the pre-2022 signature format base64('key.meetingNumber.timestamp.role.hash'), made by the "
        "old sample or the old Web SDK generateSignature. Current Web SDKs accept only the JWT format.",
        "Sign a JWT with the claims appKey, mn, role, iat, exp, tokenExp (see Zoom's meetingsdk-auth-endpoint-sample).",
        mn=mn,
        timestamp=timestamp,
        role=role,
    )


def _check_alphabet(findings, header_b64, payload_b64, signature_b64):
    bad_segments = [
        name
        for name, segment in (("header", header_b64), ("payload", payload_b64))
        if "+" in segment or "/" in segment or "=" in segment
    ]
    if bad_segments:
        _add(
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
        _add(
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


def _decode_json_segment(findings, name, segment):
    """(bytes, JSON object) of a segment; None for what cannot be had, with the finding that says why."""
    try:
        data = base64_lenient_decode(segment)
    except ValueError:
        _add(
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
        _add(
            findings,
            "invalid_json",
            name,
            f"The {name} segment decodes to bytes that are not JSON: {_shown(data[:_SHOWN_CHARS])}.",
            f"Encode JSON.stringify({name}) (UTF-8) as base64url; do not encode an object directly "
            "(btoa(obj) gives '[object Object]').",
            segment=name,
        )
        return data, None
    if not isinstance(value, dict):
        _add(
            findings,
            "invalid_json",
            name,
            f"The {name} is JSON but not an object: {_shown(value)}.",
            f"The {name} must be a JSON object {{...}}.",
            segment=name,
        )
        return data, None
    return data, value


# ---------------------------------------------------------------------------------------------- claims


def _check_header(findings, header):
    alg = header.get("alg", _MISSING)
    if alg != "HS256":
        _add(
            findings,
            "wrong_alg",
            "header",
            f"The header's alg is {'missing' if alg is _MISSING else _shown(alg)}; Zoom accepts only HS256 "
            "(HMAC-SHA256 with the SDK secret).",
            f"Use the header {json.dumps(HEADER, separators=(',', ':'))}.",
            claims=["alg"],
        )


def _check_app_key(findings, payload, mn_digits, context_key, secret):
    app_key = payload.get("appKey", _MISSING)
    sdk_key = payload.get("sdkKey", _MISSING)
    if app_key is _MISSING or app_key == "" or app_key is None:
        has_sdk_key = isinstance(sdk_key, str) and sdk_key
        _add(
            findings,
            "missing_app_key",
            "claims",
            "The payload has no appKey. "
            + (
                "The Web SDK falls back to sdkKey for now, but since 5.0.0 the signature requires appKey."
                if has_sdk_key
                else "The Web SDK rejects it in the browser: 'appKey can not empty in the signature'."
            ),
            "Add appKey: the Client ID (SDK key) of your Meeting SDK app.",
            severity="warning" if has_sdk_key else None,
            claims=["appKey"],
        )
        app_key = sdk_key if has_sdk_key else _MISSING
    elif not isinstance(app_key, str):
        _add(
            findings,
            "app_key_not_text",
            "claims",
            f"appKey is {_shown(app_key)}, not the Client ID text.",
            "Set appKey to the Client ID string from the app's App Credentials.",
            claims=["appKey"],
        )
    if isinstance(app_key, str) and isinstance(sdk_key, str) and app_key != sdk_key:
        _add(
            findings,
            "app_key_sdk_key_differ",
            "claims",
            "appKey and sdkKey hold different values; the official sample puts the same Client ID in both.",
            "Use the same Client ID for both, or drop sdkKey (it is deprecated).",
            claims=["appKey", "sdkKey"],
        )
    key_text = str(app_key) if isinstance(app_key, str) or _is_int(app_key) else ""
    if key_text.isdigit() and key_text.isascii() and (9 <= len(key_text) <= 12 or key_text == mn_digits):
        _add(
            findings,
            "app_key_is_meeting_number",
            "claims",
            f"appKey is {_cut(key_text)}, a meeting number, not a Client ID: the signer was called with its arguments "
            "shifted, as in the forum's generateSignature(meetingNumber, role) against "
            "(key, secret, meetingNumber, role).",
            "Pass all four arguments in order: (sdkKey, sdkSecret, meetingNumber, role).",
            claims=["appKey"],
        )
    elif context_key and isinstance(app_key, str) and app_key not in (context_key, secret):  # secret: see swap
        _add(
            findings,
            "app_key_mismatch",
            "context",
            "The token's appKey is not the SDK key you entered: the token was made with another app's "
            "credentials (a Server-to-Server OAuth or other non-Meeting-SDK app, or dev and prod mixed up), and "
            "the secret of this app will not verify it.",
            "Sign with the Client ID and Client Secret of the same Meeting SDK app.",
            claims=["appKey"],
            token_key_length=len(app_key),
        )


def _token_mn_digits(payload):
    mn = payload.get("mn", _MISSING)
    if _is_int(mn) and mn > 0:
        return str(mn)
    if isinstance(mn, str) and mn.isdigit() and mn.isascii():
        return mn
    return None


def _check_mn(findings, payload, mn_digits, context_mn):
    mn = payload.get("mn", _MISSING)
    if mn is _MISSING:
        if "meetingNumber" in payload:
            _add(
                findings,
                "meeting_number_claim_name",
                "claims",
                "The meeting number is in a claim named meetingNumber; Zoom reads only mn (meetingNumber is the "
                "name of the join() parameter, not of the claim).",
                "Rename the claim to mn: { ..., mn: meetingNumber, ... }.",
                claims=["meetingNumber"],
            )
        else:
            _add(
                findings,
                "missing_mn",
                "claims",
                "The payload has no mn claim; the Web SDK needs the meeting number in the signature (only the "
                "native SDKs may leave it out).",
                "Add mn: the meeting number you pass to join(), digits only.",
                claims=["mn"],
            )
        return
    if mn_digits is None:
        suggestion = normalize_meeting_number(mn).digits if isinstance(mn, str) else None
        _add(
            findings,
            "mn_not_digits",
            "claims",
            f"mn is {_shown(mn)}, not digits only"
            + (f": with the separators removed it would be {suggestion}." if suggestion else ".")
            + " Zoom compares it with the meeting number and answers 3706.",
            "Remove spaces and dashes before signing: meetingNumber.replace(/\\D/g, '').",
            claims=["mn"],
        )
        return
    if context_mn and context_mn != mn_digits:
        _add(
            findings,
            "mn_mismatch",
            "context",
            f"The token is for meeting {_cut(mn_digits)} but you will join {_cut(context_mn)}: the signature is "
            "bound to one meeting number.",
            "Sign a token with mn equal to the meetingNumber you pass to join().",
            claims=["mn"],
        )


def _check_role(findings, payload, host):
    role = payload.get("role", _MISSING)
    if role is _MISSING:
        _add(
            findings,
            "missing_role",
            "claims",
            "The payload has no role claim; the Web SDK needs it: 0 to join as participant/attendee, 1 as host.",
            "Add role: 0 (participant) or 1 (host).",
            claims=["role"],
        )
        return
    if _is_int(role):
        if role not in (0, 1):
            _add(
                findings,
                "role_out_of_range",
                "claims",
                f"role is {role}; Zoom knows only 0 (participant/attendee) and 1 (host) and answers 3708.",
                "Use 0 to join as participant, 1 to start as host (with the host's ZAK).",
                claims=["role"],
            )
            return
    elif isinstance(role, str) and role in ("0", "1"):
        _add(
            findings,
            "role_not_number",
            "claims",
            f"role is the string {role!r}; the official sample sends the number {role} (it parseInt's the request).",
            f"Send role as a number: role: {role} (JavaScript: parseInt(req.body.role, 10)).",
            claims=["role"],
        )
        role = int(role)
    else:
        _add(
            findings,
            "role_not_number",
            "claims",
            f"role is {_shown(role)}; it must be the number 0 (participant/attendee) or 1 (host).",
            "Send role as the number 0 or 1.",
            severity="error",
            claims=["role"],
        )
        return
    if role == 1 and not host:
        _add(
            findings,
            "role_host_needs_zak",
            "claims",
            "role 1 starts the meeting as host, which also needs the host's ZAK in join(); without it Zoom answers "
            "3708. If you meant to join as a participant, the roles are inverted (a forum comment has them the "
            "wrong way round): 0 is participant, 1 is host.",
            "Join with role 0, or pass the host's zak to join().",
            claims=["role"],
        )
    elif role == 0 and host:
        _add(
            findings,
            "role_participant_for_host",
            "claims",
            "You start as host (ZAK given) but the token's role is 0, a participant: the roles are inverted "
            "(0 is participant, 1 is host).",
            "Sign with role 1 to start the meeting as host.",
            claims=["role"],
        )


def _epoch_claims(findings, payload):
    """iat, exp, tokenExp as whole epoch seconds; None where missing or unusable (with a finding)."""
    iat, exp, token_exp = payload.get("iat"), payload.get("exp"), payload.get("tokenExp")
    if type(iat) is int and type(exp) is int and type(token_exp) is int:  # the usual case, nothing to report
        if iat <= MILLISECONDS_THRESHOLD and exp <= MILLISECONDS_THRESHOLD and token_exp <= MILLISECONDS_THRESHOLD:
            return iat, exp, token_exp
    values = {}
    milliseconds, not_integer = [], []
    for claim, missing_code in (("iat", "missing_iat"), ("exp", "missing_exp"), ("tokenExp", "missing_token_exp")):
        value = payload.get(claim, _MISSING)
        values[claim] = None
        if value is _MISSING or value is None:
            _missing_time(findings, claim, missing_code)
        elif not _is_int(value):
            not_integer.append(claim)
            if isinstance(value, float) and value > MILLISECONDS_THRESHOLD:
                milliseconds.append(claim)
        elif value > MILLISECONDS_THRESHOLD:
            milliseconds.append(claim)
        else:
            values[claim] = value
    if milliseconds:
        _add(
            findings,
            "timestamp_milliseconds",
            "claims",
            f"{', '.join(milliseconds)} {'are' if len(milliseconds) > 1 else 'is'} in milliseconds "
            "(Date.now()); JWT times are seconds since 1970, so Zoom reads a date thousands of years away.",
            "Use Math.floor(Date.now() / 1000) (Python: int(time.time())).",
            claims=milliseconds,
        )
    not_integer = [c for c in not_integer if c not in milliseconds]
    if not_integer:
        shown = ", ".join(f"{c} = {_shown(payload[c])}" for c in not_integer)
        _add(
            findings,
            "timestamp_not_integer",
            "claims",
            f"{shown}: times must be whole numbers of seconds, not fractions or strings.",
            "Use Math.floor(Date.now() / 1000) (Python: int(time.time())), as a JSON number.",
            claims=not_integer,
        )
    return values["iat"], values["exp"], values["tokenExp"]


def _missing_time(findings, claim, code):
    if claim == "tokenExp":
        message = (
            "The payload has no tokenExp; the official sample always sets it (equal to exp), and the forum snippet "
            "that leaves it out gets 3712."
        )
        fix = "Add tokenExp: the same value as exp."
    else:
        message = f"The payload has no {claim}: Zoom needs iat (issued at) and exp (expiry) in epoch seconds."
        fix = f"Add iat = Math.floor(Date.now() / 1000) and exp = iat + {DEFAULT_LIFETIME_SECONDS}."
    _add(findings, code, "claims", message, fix, claims=[claim])


def _check_times(findings, iat, exp, token_exp, now):
    if iat is not None and iat > now + CLOCK_SKEW_SECONDS:
        _add(
            findings,
            "iat_in_future",
            "claims",
            f"iat is {iat - now} s in the future: the signing server's clock runs ahead (or iat was set ahead), "
            "and Zoom refuses a token issued later than its own clock (3712).",
            f"Sync the server clock (NTP), or sign with iat = now − {CLOCK_SKEW_SECONDS} as the sample used to.",
            claims=["iat"],
            seconds_ahead=iat - now,
        )
    if exp is not None and exp <= now:
        _add(
            findings,
            "expired",
            "claims",
            f"The token expired {now - exp} s ago (exp is in the past): a cached or old token.",
            "Sign a fresh token for each join; do not cache signatures longer than their lifetime.",
            claims=["exp"],
            seconds_ago=now - exp,
        )
    if iat is not None and exp is not None:
        lifetime = exp - iat
        if lifetime < MIN_LIFETIME_SECONDS:
            _add(
                findings,
                "lifetime_too_short",
                "claims",
                f"exp − iat is {lifetime} s; Zoom requires at least {MIN_LIFETIME_SECONDS} s (30 min).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (the sample's default).",
                claims=["iat", "exp"],
                lifetime=lifetime,
            )
        elif lifetime > MAX_LIFETIME_SECONDS:
            _add(
                findings,
                "lifetime_too_long",
                "claims",
                f"exp − iat is {lifetime} s; Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 h).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (the sample's default).",
                claims=["iat", "exp"],
                lifetime=lifetime,
            )
    # tokenExp equal to exp (the sample's way) is covered by the checks on exp above
    too_soon = token_exp is not None and (
        token_exp <= now or (iat is not None and token_exp - iat < MIN_LIFETIME_SECONDS)
    )
    if too_soon and token_exp != exp:
        _add(
            findings,
            "token_exp_too_short",
            "claims",
            "tokenExp is "
            + ("already past" if token_exp <= now else f"only {token_exp - iat} s after iat")
            + f"; it should be at least {MIN_LIFETIME_SECONDS} s after iat. The official sample sets it equal to exp.",
            "Set tokenExp = exp.",
            claims=["tokenExp"],
        )


def _check_other_claims(findings, payload):
    mode = payload.get("video_webrtc_mode", 0)
    if not _is_int(mode) or mode not in (0, 1):
        _add(
            findings,
            "webrtc_mode_invalid",
            "claims",
            f"video_webrtc_mode is {_shown(mode)}; it must be the number 0 or 1, or left out.",
            "Use 1 for WebRTC video, 0 or no claim for the default.",
            claims=["video_webrtc_mode"],
        )
    if not _KNOWN_CLAIMS.issuperset(payload):
        unknown = [name for name in payload if name not in _KNOWN_CLAIMS]
        _add(
            findings,
            "unknown_claims",
            "claims",
            f"Claims Zoom does not read: {', '.join(_shown(n) for n in unknown[:10])}"
            + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
            + ". They are signed but ignored.",
            "Harmless; remove them to keep the token small.",
            claims=unknown,  # every one: the inspector's table marks each claim it lists
        )


# ------------------------------------------------------------------------------------------- signature


def _clean_secret(findings, secret):
    """The secret to verify with (trimmed, said so), or None."""
    if secret is None:
        return None
    if not isinstance(secret, str):
        _add(findings, "secret_not_usable", "context", "The secret must be text.", "Paste the Client Secret.")
        return None
    trimmed = secret.strip()
    if not trimmed:
        return None
    if trimmed != secret:
        what = "a line break" if any(c in "\r\n" for c in secret) else "spaces"
        _add(
            findings,
            "secret_trimmed",
            "context",
            f"Removed {what} around the secret you pasted before verifying. If your server reads the secret "
            "with that whitespace, its signatures are wrong (3712); the forensics below checks that.",
            "Trim the secret where your server reads it.",
            secret=secret_fingerprint(trimmed),
        )
    try:
        trimmed.encode("utf-8")
    except UnicodeEncodeError:
        _add(
            findings,
            "secret_not_usable",
            "context",
            "The secret holds an unpaired UTF-16 surrogate, which has no UTF-8 bytes, so no HMAC can be computed.",
            "Paste the Client Secret again; it is plain ASCII.",
        )
        return None
    return trimmed


def _check_signature(findings, parts, decoded, secret, pasted_secret, context_key, payload):
    """Verify the HMAC with the secret; when it fails, let forensics name the mistake. Returns verified."""
    header_b64, payload_b64, signature_b64 = parts
    if not signature_b64:
        _add(
            findings,
            "malformed_token",
            "signature",
            "The signature segment is empty: this is an unsigned token (header.payload.).",
            "Sign the token with HMAC-SHA256 and the SDK secret.",
            segment="signature",
        )
        return None
    try:
        mac = base64_lenient_decode(signature_b64)
    except ValueError:
        _add(
            findings,
            "malformed_token",
            "signature",
            f"The signature segment is not base64 ({len(signature_b64)} characters).",
            "Encode the 32 HMAC bytes as base64url.",
            segment="signature",
        )
        return None
    if len(mac) != 32:
        hex_text = len(signature_b64) == 64 and _HEX_DIGITS.issuperset(signature_b64)
        _add(
            findings,
            "signature_wrong_length",
            "signature",
            f"The signature holds {len(mac)} bytes; an HMAC-SHA256 is 32."
            + (" It is 64 hex digits: the MAC was written as hex, not base64url." if hex_text else ""),
            "Encode the raw 32 HMAC bytes as base64url (Node: digest('base64url')).",
            length=len(mac),
        )
        return None
    if secret is None:
        _add(
            findings,
            "signature_not_verified",
            "signature",
            "Signature not verified: enter the SDK secret to check it (it stays on this server).",
            "",
        )
        return None
    if decoded is None:
        return None
    signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
    if hmac.compare_digest(hmac.digest(secret.encode("utf-8"), signing_input, hashlib.sha256), mac):
        _add(
            findings,
            "signature_valid",
            "signature",
            "The signature matches the secret: the HMAC over header.payload is correct.",
            "",
        )
        return True
    key_claims = tuple(v for v in (payload.get("appKey"), payload.get("sdkKey")) if isinstance(v, str))
    if secret in key_claims:
        _add(
            findings,
            "app_key_is_secret",
            "claims",
            "The appKey claim holds the secret you entered: key and secret are swapped, and the token now "
            "carries the secret in plain text for anyone to read. Rotate the secret.",
            "Put the Client ID in appKey and sign with the Client Secret; then regenerate the secret on the app page.",
            claims=["appKey"],
        )
    mistake = find_mistake(SignedToken(signing_input, *decoded, mac, key_claims), secret, pasted_secret, context_key)
    _add(
        findings,
        "signature_mismatch",
        "signature",
        "The signature does not match this secret"
        + (
            f": {FINDING_CODES[mistake.code].title.lower()} (below)."
            if mistake
            else ". No known signing mistake reproduces it, so the token was signed with another secret: a "
            "different app (dev/prod), Server-to-Server OAuth or other non-Meeting-SDK credentials, or a "
            "regenerated secret."
        ),
        "Sign with the Client Secret of the Meeting SDK app whose Client ID is in appKey.",
        secret=secret_fingerprint(secret),
    )
    if mistake:
        _add(findings, mistake.code, "signature", mistake.message, mistake.fix, **mistake.evidence)
    return False


# --------------------------------------------------------------------------------------------- verdict


def _zoom_error(errors):
    """The error Zoom reports first among those the error-level findings lead to."""
    codes = {FINDING_CODES[f.code].zoom_error for f in errors}
    return next((code for code in ZOOM_ERROR_ORDER if code in codes), None)


def _verdict(findings, errors, zoom_error, verified):
    if errors:
        # the cause: a proven forensic mistake, else the first error that leads to the predicted Zoom error
        leading = next((f for f in errors if f.code in MISTAKE_CODES), None)
        leading = leading or next((f for f in errors if FINDING_CODES[f.code].zoom_error == zoom_error), errors[0])
        answer = f"Zoom would most likely answer {zoom_error} “{ZOOM_ERRORS[zoom_error][0]}” " if zoom_error else ""
        more = f" {len(errors) - 1} more error{'s' if len(errors) > 2 else ''} below." if len(errors) > 1 else ""
        fix = f" Fix: {leading.fix}" if leading.fix else ""
        return f"{answer}Cause: {leading.title}.{fix}{more}"
    warnings = [f for f in findings if f.severity == "warning"]
    if warnings:
        names = "; ".join(f.title for f in warnings[:3])
        return f"No error found, but {len(warnings)} warning{'s' if len(warnings) > 1 else ''}: {names}."
    if verified:
        return "Correct: no problem found and the signature verifies with the secret."
    return "No problem found in the token; the signature is not verified (enter the secret to check it)."


def _finish(findings, token=None, header=None, payload=None, verified=None, segments=()):
    errors = [f for f in findings if f.severity == "error"]
    zoom_error = _zoom_error(errors) if errors else None
    verdict = _verdict(findings, errors, zoom_error, verified)
    return Diagnosis(findings, verdict, zoom_error, token, header, payload, verified, segments)


# ------------------------------------------------------------------------------------------------ entry


def diagnose(text, *, secret=None, sdk_key=None, meeting_number=None, now=None, host=False) -> Diagnosis:
    """Everything wrong with a pasted token, given what the user knows (all optional): the SDK secret,
    the SDK key, the meeting number they will join, the clock, and whether they start as host (ZAK).
    Never raises: an unexpected failure becomes a `diagnosis_failed` finding."""
    try:
        return _diagnose(text, secret, sdk_key, meeting_number, now, host)
    except Exception as exc:  # a bug of ours: say so without values (the input may hold secrets)
        findings = []
        _add(
            findings,
            "diagnosis_failed",
            "format",
            f"The diagnosis stopped on an unexpected {type(exc).__name__}; please report it with the shape "
            "of your input (not the secret).",
            "",
        )
        return _finish(findings)


def _diagnose(text, secret, sdk_key, meeting_number, now, host):
    findings = []
    if type(now) not in _NUMBER_TYPES or not math.isfinite(now):
        now = time.time()  # no clock given (or no usable one): the real clock
    now = int(now)
    pasted = extract_token(text)
    token = pasted.text
    if pasted.removed:
        _add(
            findings,
            "input_cleaned",
            "format",
            f"Removed {', '.join(pasted.removed)} before reading the token.",
            "Pass join() the bare token, without wrapping.",
            removed=list(pasted.removed),
        )
    context_key = sdk_key.strip() if isinstance(sdk_key, str) and sdk_key.strip() else pasted.sdk_key
    context_mn = _context_meeting_number(findings, meeting_number)
    trimmed_secret = _clean_secret(findings, secret)
    if not token:
        _add(
            findings,
            "malformed_token",
            "format",
            "Nothing to diagnose: paste the signature your endpoint returns (it starts with eyJ).",
            "Copy the `signature` value from your endpoint's response or the browser's network tab.",
            parts=0,
        )
        return _finish(findings)
    parts = token.split(".")
    if len(parts) == 1:
        _diagnose_dotless(token, findings)
        return _finish(findings, token, segments=tuple(parts))
    if len(parts) != 3:
        legacy = _legacy_fields(token) if len(parts) == 5 else None
        if legacy:
            _legacy_finding(findings, legacy)
        else:
            _add(
                findings,
                "malformed_token",
                "format",
                f"A JWT has exactly three dot-separated parts (header.payload.signature); this has {len(parts)}"
                + (": the signature is missing." if len(parts) == 2 else "."),
                "Paste the whole token your endpoint returns, without extra text.",
                parts=len(parts),
            )
        return _finish(findings, token, segments=tuple(parts))
    header_b64, payload_b64, signature_b64 = parts
    _check_alphabet(findings, header_b64, payload_b64, signature_b64)
    header_bytes, header = _decode_json_segment(findings, "header", header_b64)
    payload_bytes, payload = _decode_json_segment(findings, "payload", payload_b64)
    if header is not None:
        _check_header(findings, header)
    claims = payload if payload is not None else {}
    if payload is not None:
        mn_digits = _token_mn_digits(payload)
        _check_app_key(findings, payload, mn_digits, context_key, trimmed_secret)
        _check_mn(findings, payload, mn_digits, context_mn)
        _check_role(findings, payload, host)
        iat, exp, token_exp = _epoch_claims(findings, payload)
        _check_times(findings, iat, exp, token_exp, now)
        _check_other_claims(findings, payload)
    decoded = (header_bytes, payload_bytes) if header_bytes is not None and payload_bytes is not None else None
    verified = _check_signature(
        findings, parts, decoded, trimmed_secret, secret if trimmed_secret else None, context_key, claims
    )
    return _finish(findings, token, header, payload, verified, tuple(parts))


def _context_meeting_number(findings, meeting_number):
    if meeting_number is None or meeting_number == "":
        return None
    result = normalize_meeting_number(str(meeting_number))
    if result.digits is None:
        _add(
            findings,
            "meeting_number_unreadable",
            "context",
            f"The meeting number you entered is not usable, so mn is not compared: {result.error}",
            "",
        )
    return result.digits
