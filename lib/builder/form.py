"""Input rules for a signature request: what the official sample enforces, plus what users trip on.

The builder page refuses a request with an error-level problem (unless the user asks to sign
anyway); the command line signs whatever it is given and reports the same problems as warnings.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from lib.signing.encoding import jsrsasign_hmac_key
from lib.signing.steps import ABSENT, SignatureRequest, default_times
from lib.zoom.facts import (
    CLOCK_SKEW_SECONDS,
    DEFAULT_LIFETIME_SECONDS,
    MAX_LIFETIME_SECONDS,
    MILLISECONDS_THRESHOLD,
    MIN_LIFETIME_SECONDS,
)

MAX_FIELD_LENGTH = 4096
_JOIN_LINK_HINT = "A join link looks like https://zoom.us/j/85746065432?pwd=…; paste that or just the digits."
_SEPARATORS = re.compile(r"[\s\-.]+")


@dataclass(frozen=True)
class InputProblem:
    """One finding about the input: which field, how bad, and a message that says how to fix it."""

    code: str
    field: str
    severity: str  # "error" | "warning" | "info"
    message: str

    def as_dict(self):
        return {"code": self.code, "field": self.field, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class MeetingNumber:
    digits: str | None
    note: str | None = None
    error: str | None = None


def normalize_meeting_number(text: str) -> MeetingNumber:
    """Digits only, from '857 4606 5432', '857-4606-5432' or a pasted join URL."""
    text = text.strip()
    if not text:
        return MeetingNumber(None, error="Enter the meeting number (the digits of the meeting ID, e.g. 85746065432).")
    if "/" in text or "zoom" in text.lower():
        return _meeting_number_from_url(text)
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or not digits.isascii():
        return MeetingNumber(
            None,
            error=f"The meeting number may contain only digits; {_describe_bad_chars(digits)} found. "
            "Copy the meeting ID from the Zoom client or invitation (e.g. 857 4606 5432).",
        )
    note = None if digits == text else f"Spaces and dashes removed: using {digits}."
    return MeetingNumber(digits, note=note)


def _describe_bad_chars(text):
    bad = sorted({c for c in text if not (c.isascii() and c.isdigit())})
    shown = ", ".join(repr(c) for c in bad[:5])
    return f"{shown}{' and more' if len(bad) > 5 else ''}"


def _meeting_number_from_url(text):
    try:
        parsed = urlparse(text if "://" in text else "https://" + text)
    except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 address
        return MeetingNumber(None, error="This looks like a link but cannot be read as one. " + _JOIN_LINK_HINT)
    candidates = [part for part in parsed.path.split("/") if part.isdigit() and part.isascii()]
    query = parse_qs(parsed.query)
    candidates += [v for key in ("confno", "meetingId", "mn") for v in query.get(key, []) if v.isdigit()]
    if not candidates:
        return MeetingNumber(
            None,
            error="This looks like a link, but no meeting number was found in it. " + _JOIN_LINK_HINT,
        )
    note = f"Meeting number {candidates[0]} taken from the join link."
    if "pwd" in query:
        note += " The link's pwd= value is an encoded passcode: it is not part of the signature."
    return MeetingNumber(candidates[0], note=note)


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check_request(request: SignatureRequest, now: int) -> list[InputProblem]:
    """Every rule the request breaks, as problems with fixes. Values keep their JSON types."""
    problems = []
    add = problems.append
    key, secret = request.sdk_key, request.sdk_secret
    if key is ABSENT or key in ("", None):
        add(
            InputProblem(
                "key_missing",
                "sdkKey",
                "error",
                "The SDK key (Client ID) is empty: copy it from your Meeting SDK app's App Credentials.",
            )
        )
    elif not isinstance(key, str):
        add(InputProblem("key_not_text", "sdkKey", "error", "The SDK key must be text (the Client ID string)."))
    if secret in ("", None) or secret is ABSENT:
        add(
            InputProblem(
                "secret_missing",
                "sdkSecret",
                "error",
                "The SDK secret (Client Secret) is empty: copy it from the same app as the Client ID.",
            )
        )
    if isinstance(key, str) and isinstance(secret, str) and key and key == secret:
        add(
            InputProblem(
                "key_equals_secret",
                "sdkSecret",
                "error",
                "The secret equals the key: paste the Client Secret, not the Client ID, as the secret.",
            )
        )
    if isinstance(secret, str) and _looks_like_hex_key(secret):
        add(
            InputProblem(
                "secret_hex_like",
                "sdkSecret",
                "info",
                "This secret is an even number of hex digits: Zoom's official sample (jsrsasign) would "
                "use it as hex bytes, PyJWT and jsonwebtoken as text, so their tokens differ. "
                "A real Client Secret is not like this; check you pasted the right value.",
            )
        )
    for name, value in (("sdkKey", key), ("sdkSecret", secret)):
        if isinstance(value, str) and value != value.strip():
            kind = "a line break" if any(c in "\r\n" for c in value) else "spaces"
            add(
                InputProblem(
                    f"{'key' if name == 'sdkKey' else 'secret'}_whitespace",
                    name,
                    "warning",
                    f"The {name} has {kind} at its start or end; they change the HMAC and cause "
                    "error 3712. Remove them (a newline pasted with the secret is a classic cause).",
                )
            )
        if isinstance(value, str) and len(value) > MAX_FIELD_LENGTH:
            add(
                InputProblem(
                    f"{'key' if name == 'sdkKey' else 'secret'}_too_long",
                    name,
                    "warning",
                    f"The {name} is {len(value)} characters long; Zoom credentials are about 20–40. "
                    "Check that you pasted the right value.",
                )
            )
    problems += _check_meeting_number(request.meeting_number)
    problems += _check_role(request.role)
    problems += _check_times(request, now)
    if request.video_webrtc_mode not in (ABSENT, 0, 1) or isinstance(request.video_webrtc_mode, bool):
        add(
            InputProblem(
                "webrtc_mode_invalid",
                "videoWebRtcMode",
                "error",
                "video_webrtc_mode must be the number 0 or 1, or left out.",
            )
        )
    return problems


def _looks_like_hex_key(secret):
    return jsrsasign_hmac_key(secret)[0] == "hex"


def _check_meeting_number(mn):
    if mn is ABSENT or mn in ("", None):
        return [
            InputProblem(
                "mn_missing",
                "meetingNumber",
                "error",
                "The meeting number is missing: the token's mn claim must equal the meeting you join.",
            )
        ]
    if _is_integer(mn) and mn > 0:
        return []
    if isinstance(mn, str) and mn.isdigit() and mn.isascii():
        return []
    return [
        InputProblem(
            "mn_not_digits",
            "meetingNumber",
            "error",
            f"The meeting number {mn!r} is not digits only: remove spaces and dashes "
            "(857 4606 5432 → 85746065432), otherwise Zoom answers 3706.",
        )
    ]


def _check_role(role):
    if role is ABSENT or role is None:
        return [
            InputProblem(
                "role_missing",
                "role",
                "error",
                "The role is missing: use 0 for a participant / attendee or 1 for a host.",
            )
        ]
    if _is_integer(role) and role in (0, 1):
        return []
    if isinstance(role, str) and role in ("0", "1"):
        return [
            InputProblem(
                "role_string",
                "role",
                "warning",
                f"The role is the string {role!r}; the official sample sends the number {role}. "
                "Send a number to be safe.",
            )
        ]
    return [
        InputProblem(
            "role_invalid",
            "role",
            "error",
            f"The role {role!r} is not valid: use 0 (participant / attendee) or 1 (host). "
            "Zoom answers 3708 for other values.",
        )
    ]


def _check_times(request, now):
    problems = []
    add = problems.append
    iat, exp = request.iat, request.exp
    for name, value in (("iat", iat), ("exp", exp)):
        if value is ABSENT or value is None:
            add(
                InputProblem(
                    f"{name}_missing", name, "error", f"{name} is missing: it must be an epoch time in seconds."
                )
            )
        elif not _is_integer(value):
            add(
                InputProblem(
                    f"{name}_not_integer",
                    name,
                    "error",
                    f"{name} is {value!r}; it must be a whole number of seconds since 1970 "
                    "(Math.floor(Date.now() / 1000) in JavaScript, int(time.time()) in Python).",
                )
            )
        elif value > MILLISECONDS_THRESHOLD:
            add(
                InputProblem(
                    f"{name}_milliseconds",
                    name,
                    "error",
                    f"{name} = {value} looks like milliseconds: divide by 1000 (Date.now() is in ms).",
                )
            )
    if not (_is_integer(iat) and _is_integer(exp)) or max(iat, exp) > MILLISECONDS_THRESHOLD:
        return problems
    lifetime = exp - iat
    if lifetime < MIN_LIFETIME_SECONDS:
        add(
            InputProblem(
                "lifetime_too_short",
                "exp",
                "error",
                f"The token lives {lifetime} s; Zoom requires at least {MIN_LIFETIME_SECONDS} s (30 min) "
                f"between iat and exp. Use exp = iat + {DEFAULT_LIFETIME_SECONDS}.",
            )
        )
    elif lifetime > MAX_LIFETIME_SECONDS:
        add(
            InputProblem(
                "lifetime_too_long",
                "exp",
                "error",
                f"The token lives {lifetime} s; Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 h).",
            )
        )
    if iat > now + CLOCK_SKEW_SECONDS:
        add(
            InputProblem(
                "iat_in_future",
                "iat",
                "warning",
                f"iat is {iat - now} s in the future: a server clock ahead of Zoom's makes the token "
                f"invalid (3712). Sync the clock, or sign with iat = now − {CLOCK_SKEW_SECONDS}.",
            )
        )
    if exp <= now:
        add(
            InputProblem(
                "expired", "exp", "error", f"The token expired {now - exp} s ago (Zoom answers 3705): sign a fresh one."
            )
        )
    token_exp = request.token_exp
    if token_exp not in (ABSENT, None) and (not _is_integer(token_exp) or token_exp < now + MIN_LIFETIME_SECONDS):
        add(
            InputProblem(
                "token_exp_too_short",
                "tokenExp",
                "warning",
                "tokenExp should be a time at least 30 minutes ahead; the official sample sets it equal to exp.",
            )
        )
    return problems


@dataclass(frozen=True)
class FormInput:
    """The builder form's raw text, before any rule is applied."""

    sdk_key: str
    sdk_secret: str = field(repr=False)
    meeting_number: str
    role: int
    lifetime: int = DEFAULT_LIFETIME_SECONDS
    iat_skew: bool = False
    webrtc_mode: int | None = None


@dataclass
class FormResult:
    request: SignatureRequest
    problems: list = field(default_factory=list)

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == "error"]


def read_form(form: FormInput, now: int) -> FormResult:
    """Trim, normalize and check the builder form; the request is always built so that it can be
    signed anyway when the user wants to see what breaks."""
    problems = []
    key = form.sdk_key.strip()
    secret = form.sdk_secret.strip()
    for name, raw, clean in (("SDK key", form.sdk_key, key), ("SDK secret", form.sdk_secret, secret)):
        if raw != clean and clean:
            what = "a line break" if any(c in "\r\n" for c in raw) else "spaces"
            problems.append(
                InputProblem(
                    "whitespace_trimmed",
                    name,
                    "warning",
                    f"Removed {what} around the {name}. Pasted whitespace changes the HMAC "
                    "and is a classic cause of error 3712; check your server's copy too.",
                )
            )
    mn = normalize_meeting_number(form.meeting_number)
    if mn.note:
        problems.append(InputProblem("mn_normalized", "meetingNumber", "info", mn.note))
    if mn.error:
        problems.append(
            InputProblem(
                "mn_not_digits" if form.meeting_number.strip() else "mn_missing", "meetingNumber", "error", mn.error
            )
        )
    meeting_number = mn.digits if mn.digits else (form.meeting_number.strip() or ABSENT)
    iat, exp = default_times(now, form.lifetime, CLOCK_SKEW_SECONDS if form.iat_skew else 0)
    request = SignatureRequest(
        sdk_key=key,
        sdk_secret=secret,
        meeting_number=meeting_number,
        role=form.role,
        iat=iat,
        exp=exp,
        video_webrtc_mode=ABSENT if form.webrtc_mode is None else form.webrtc_mode,
    )
    seen = {p.code for p in problems}
    problems += [p for p in check_request(request, now) if p.code not in seen]
    return FormResult(request, problems)
