"""The builder's input: its form, and the checks on a signature request before it is signed.

The credentials get their own checks; the claims are judged by Zoom's rules (lib.zoom.rules), the same
ones the Token doctor applies, so a value gets the same code and severity in the builder, in `python -m
lib sign` and in `diagnose`. The builder page refuses a request with an error-level problem (unless the
user asks to sign anyway); the command line signs whatever it is given and reports them as warnings.
"""

import json
from dataclasses import dataclass, field

from lib.signing.encoding import jsrsasign_hmac_key
from lib.signing.jsjson import json_stringify
from lib.signing.secret_scan import secret_breaches
from lib.signing.steps import ABSENT, SignatureRequest, build_header, build_payload, default_times
from lib.zoom.facts import CLOCK_SKEW_SECONDS, DEFAULT_LIFETIME_SECONDS
from lib.zoom.families import MEETING_NATIVE, VIDEO, family_of, request_field
from lib.zoom.meeting_number import normalize_meeting_number
from lib.zoom.rules import check_claims

MAX_FIELD_LENGTH = 4096


@dataclass(frozen=True)
class InputProblem:
    """One finding about the input: which field, how bad, what is wrong and how to fix it."""

    code: str
    field: str
    severity: str  # "error" | "warning" | "info"
    message: str
    fix: str = ""

    @property
    def text(self) -> str:
        """What is wrong, then how to fix it: one line for the pages."""
        return f"{self.message} {self.fix}".strip()

    def as_dict(self):
        return {
            "code": self.code,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
        }


def token_family(request: SignatureRequest) -> str:
    """The family of the token the request makes: the one stated, else the one its claims belong to."""
    return request.family or family_of(build_payload(request))


def check_request(request: SignatureRequest, now: int) -> list[InputProblem]:
    """Every rule the request breaks: the credentials' own checks, then Zoom's claim rules
    (lib.zoom.rules) on the payload it signs, with the Token doctor's codes and severities."""
    problems = _check_credentials(request.sdk_key, request.sdk_secret)
    # judged as the token will carry them: JSON.stringify writes 1.0 as 1 and NaN as null
    signed_payload = json.loads(json_stringify(build_payload(request)))
    breaches = check_claims(signed_payload, now, family=request.family)
    if isinstance(request.sdk_secret, str) and request.sdk_secret:
        breaches += secret_breaches(build_header(), signed_payload, request.sdk_secret)
    for breach in breaches:
        claims = breach.evidence.get("claims") or ["appKey"]
        field_name = request_field(claims[0])  # the claim table says which request field it comes from
        problems.append(InputProblem(breach.code, field_name, breach.severity, breach.message, breach.fix))
    return problems


def _check_credentials(key, secret):
    """What is wrong with the key and secret as given, before anything is signed."""
    problems = []
    add = problems.append
    if secret in ("", None) or secret is ABSENT:
        add(
            InputProblem(
                "secret_missing",
                "sdkSecret",
                "error",
                "The SDK secret (Client Secret) is empty.",
                "Copy the Client Secret from the same app as the Client ID.",
            )
        )
    if isinstance(secret, str) and jsrsasign_hmac_key(secret)[0] == "hex":
        add(
            InputProblem(
                "secret_hex_like",
                "sdkSecret",
                "info",
                "This secret is an even number of hex digits: Zoom's official sample (jsrsasign) would "
                "use it as hex bytes, PyJWT and jsonwebtoken as text, so their tokens differ.",
                "A real Client Secret is not like this; check you pasted the right value.",
            )
        )
    for name, value in (("sdkKey", key), ("sdkSecret", secret)):
        prefix = "key" if name == "sdkKey" else "secret"
        if isinstance(value, str) and value != value.strip():
            kind = "a line break" if any(c in "\r\n" for c in value) else "spaces"
            add(
                InputProblem(
                    f"{prefix}_whitespace",
                    name,
                    "error",
                    f"The {name} has {kind} at its start or end; they change the HMAC and cause error 3712.",
                    "Remove them (a newline pasted with the secret is a classic cause).",
                )
            )
        if isinstance(value, str) and len(value) > MAX_FIELD_LENGTH:
            add(
                InputProblem(
                    f"{prefix}_too_long",
                    name,
                    "warning",
                    f"The {name} is {len(value)} characters long; Zoom credentials are about 20–40.",
                    "Check that you pasted the right value.",
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
    family: str | None = None  # lib.zoom.families; None: a Meeting SDK token (web with a meeting number)
    session_name: str = ""  # the Video SDK's session name (tpc)
    user_key: str = ""
    session_key: str = ""


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
    for code, name, raw, clean in (
        ("key_trimmed", "SDK key", form.sdk_key, key),
        ("secret_trimmed", "SDK secret", form.sdk_secret, secret),
    ):
        if raw != clean and clean:
            what = "a line break" if any(c in "\r\n" for c in raw) else "spaces"
            problems.append(
                InputProblem(
                    code,
                    name,
                    "info",
                    f"Removed {what} around the {name}. Pasted whitespace changes the HMAC "
                    "and is a classic cause of error 3712.",
                    "Check your server's copy too, and trim it where your server reads it.",
                )
            )
    if not key:
        message = "The SDK key (Client ID) is empty."
        fix = "Copy it from your Meeting SDK app's App Credentials."
        problems.append(InputProblem("missing_app_key", "sdkKey", "error", message, fix))
    iat, exp = default_times(now, form.lifetime, CLOCK_SKEW_SECONDS if form.iat_skew else 0)
    common = dict(
        sdk_key=key,
        sdk_secret=secret,
        role=form.role,
        iat=iat,
        exp=exp,
        video_webrtc_mode=ABSENT if form.webrtc_mode is None else form.webrtc_mode,
        family=form.family,
    )
    if form.family == VIDEO:
        texts = {"session_name": form.session_name, "user_key": form.user_key, "session_key": form.session_key}
        request = SignatureRequest(**common, **{name: value or ABSENT for name, value in texts.items()})
    elif form.family == MEETING_NATIVE:  # the native SDKs take the meeting and the role in their own join call
        request = SignatureRequest(**{**common, "role": ABSENT})
    else:
        request = SignatureRequest(**common, meeting_number=_meeting_number(problems, form))
    seen = {p.code for p in problems}
    problems += [p for p in check_request(request, now) if p.code not in seen]
    return FormResult(request, problems)


def _meeting_number(problems, form: FormInput):
    """The form's meeting number as digits (with a note on what was removed), or as typed when it is not one."""
    mn = normalize_meeting_number(form.meeting_number)
    if mn.note:
        problems.append(InputProblem("mn_normalized", "meetingNumber", "info", mn.note))
    if mn.error:
        code = "mn_not_digits" if form.meeting_number.strip() else "missing_mn"
        problems.append(InputProblem(code, "meetingNumber", "error", mn.error))
    return mn.digits if mn.digits else (form.meeting_number.strip() or ABSENT)
