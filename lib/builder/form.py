"""The builder's input: its form, and the checks on a signature request before it is signed.

The credentials get their own checks; the claims are judged by Zoom's rules (lib.zoom.rules), the same
ones the Token doctor applies, so a value gets the same code and severity in the builder, in `python -m
lib sign` and in `diagnose`. The builder page refuses a request with an error-level problem (unless the
user asks to sign anyway); the command line signs whatever it is given and reports them as warnings.
"""

import json
from dataclasses import dataclass, field
from typing import NamedTuple

from lib.signing.encoding import jsrsasign_hmac_key
from lib.signing.jsjson import json_stringify
from lib.signing.secret_scan import secret_breaches
from lib.signing.steps import (
    ABSENT,
    SignatureRequest,
    build_header,
    build_payload,
    default_times,
    request_from_claims,
)
from lib.zoom.facts import CLOCK_SKEW_SECONDS, DEFAULT_LIFETIME_SECONDS, DEMO_MEETING_NUMBER
from lib.zoom.families import (
    CLAIMS,
    EPOCH,
    FAMILIES,
    FLAG,
    KEY,
    MEETING_NUMBER,
    MEETING_WEB,
    ROLE,
    SETTING,
    TEXT,
    VERSION,
    Family,
    family_of,
    request_field,
)
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


# The form's values by claim as it opens (the demo values are fake: the page works without a Zoom account).
DEMO_VALUES = {"mn": DEMO_MEETING_NUMBER, "tpc": "signature-lab-demo"}
# The kinds of claim a family may leave out; the builder offers them wherever the family has them. The key and the
# times come from the credentials and the lifetime; a meeting number or a role only where the family requires one
# (the native SDKs take them in their own join call).
OPTIONAL_KINDS = frozenset((TEXT, VERSION, FLAG, SETTING))
RARE_KINDS = frozenset((FLAG, SETTING))  # settings most apps leave to Zoom: drawn folded away
KIND_NOTES = {MEETING_NUMBER: "Spaces, dashes or a whole join link are accepted and normalized."}
# FormInput's own field for a claim (a role claim, whatever the family names it, goes to `role`); the family's other
# claims travel in FormInput.options by their name.
FORM_ATTRIBUTES = {
    "mn": "meeting_number",
    "video_webrtc_mode": "webrtc_mode",
    "tpc": "session_name",
    "user_key": "user_key",
    "session_key": "session_key",
}


class ClaimField(NamedTuple):
    """One claim the builder asks for, as the claim table and the family record describe it."""

    claim: str
    label: str
    help: str
    choices: dict  # value -> what it means; empty: typed text
    optional: bool  # the family may leave it out: a "not set" choice, or an empty text
    many: bool  # several of the choices, joined into one text
    rare: bool  # most apps leave it out
    default: object


def offered_claims(family: Family) -> tuple[str, ...]:
    """The claims the builder asks for, in the family's order (not the key, the times or a former name)."""
    return tuple(
        name
        for name in family.claims
        if CLAIMS[name].kind not in (KEY, EPOCH)
        and name not in family.former_names
        and (name in family.required or name in family.recommended or CLAIMS[name].kind in OPTIONAL_KINDS)
    )


def claim_fields(family_id: str) -> tuple[ClaimField, ...]:
    """The family's form: one field per offered claim, its words, limits and choices from the claim table."""
    family = FAMILIES[family_id]
    fields = []
    for name in offered_claims(family):
        claim = CLAIMS[name]
        optional = name not in family.required
        many = bool(claim.separator)
        if name in DEMO_VALUES:
            default = DEMO_VALUES[name]
        elif many:
            default = []
        elif claim.values:
            default = next(iter(claim.values)) if not optional or name in family.recommended else None
        else:
            default = ""
        rule = f"{claim.rule[0].upper()}{claim.rule[1:]}."
        help_text = " ".join(filter(None, (rule, KIND_NOTES.get(claim.kind))))
        label = f"{name} — {claim.meaning}"
        rare = claim.kind in RARE_KINDS and optional
        fields.append(ClaimField(name, label, help_text, claim.values, optional, many, rare, default))
    return tuple(fields)


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
    family: str | None = None  # lib.zoom.families; None: a Meeting SDK token for web
    session_name: str = ""  # the Video SDK's session name (tpc)
    user_key: str = ""
    session_key: str = ""
    options: dict = field(default_factory=dict)  # the family's other claims by name; None: left out

    def claim_value(self, name: str, default=None):
        """What the form holds for a claim: its own field, or its option (`default` when not given)."""
        attribute = _form_attribute(name)
        return getattr(self, attribute) if attribute else self.options.get(name, default)


def _form_attribute(name: str) -> str | None:
    """FormInput's own field for a claim (FORM_ATTRIBUTES; a role claim by its kind), or None: an option."""
    return FORM_ATTRIBUTES.get(name) or ("role" if CLAIMS[name].kind == ROLE else None)


def form_input(family_id: str, sdk_key: str, sdk_secret: str, values: dict, **settings) -> FormInput:
    """A FormInput from the builder's values by claim name (claim_fields): each to its own field, the rest to
    options. `settings`: lifetime, iat_skew."""
    named, options = {"meeting_number": "", "role": 0}, {}
    for name, value in values.items():
        attribute = _form_attribute(name)
        if attribute:
            named[attribute] = value
        else:
            options[name] = value
    return FormInput(sdk_key, sdk_secret, family=family_id, options=options, **named, **settings)


@dataclass
class FormResult:
    request: SignatureRequest
    problems: list = field(default_factory=list)

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == "error"]


def read_form(form: FormInput, now: int) -> FormResult:
    """Trim, normalize and check the builder form; the request is always built so that it can be
    signed anyway when the user wants to see what breaks. It signs the family's offered claims only."""
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
    family = FAMILIES[form.family or MEETING_WEB]
    if not key:
        message = "The SDK key is empty."
        fix = f"Copy it from the credentials of your app ({family.title}: its SDK key or Client ID)."
        problems.append(InputProblem("missing_app_key", "sdkKey", "error", message, fix))
    iat, exp = default_times(now, form.lifetime, CLOCK_SKEW_SECONDS if form.iat_skew else 0)
    claims = {family.claim(KEY): key, "iat": iat, "exp": exp}
    for asked in claim_fields(family.id):
        name, claim = asked.claim, CLAIMS[asked.claim]
        value = form.claim_value(name, asked.default)
        if claim.kind == MEETING_NUMBER:
            value = _meeting_number(problems, value)
        elif claim.separator and isinstance(value, list | tuple):
            value = claim.separator.join(value)
        if value is not None and value != "" and value is not ABSENT:
            claims[name] = value
    request = request_from_claims(form.family, secret, claims)
    seen = {p.code for p in problems}
    problems += [p for p in check_request(request, now) if p.code not in seen]
    return FormResult(request, problems)


def _meeting_number(problems, text: str):
    """The form's meeting number as digits (with a note on what was removed), or as typed when it is not one."""
    mn = normalize_meeting_number(text)
    if mn.note:
        problems.append(InputProblem("mn_normalized", "meetingNumber", "info", mn.note))
    if mn.error:
        code = "mn_not_digits" if text.strip() else "missing_mn"
        problems.append(InputProblem(code, "meetingNumber", "error", mn.error))
    return mn.digits if mn.digits else (text.strip() or ABSENT)
