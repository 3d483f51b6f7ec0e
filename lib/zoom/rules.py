"""Zoom's rules about a signature's claims, each written once.

A rule names the claims it is about, its default severity, the Web SDK error it predicts with the ID of the
fact base's row that says so (docs/zoom-signature-facts.md, "Which mistake gets which code"; None and "" where
no source says which) and its fix. `check_claims` evaluates every rule on a payload as JSON holds
it, so the builder and `python -m lib sign` (on the payload they are about to sign), the Token doctor
and `diagnose` (on the payload they decoded), the join page's pre-checks and the lessons' claim table
give the same values the same verdict. Facts and sources: docs/zoom-signature-facts.md.

Limits, each tested just below, at and just above (tests/test_rules.py):
- lifetime exp − iat: MIN_LIFETIME_SECONDS ≤ lifetime ≤ MAX_LIFETIME_SECONDS;
- expiry: a token whose exp is now or earlier is expired (RFC 7519 §4.1.4: now must be before exp);
- clock skew: iat may be up to CLOCK_SKEW_SECONDS ahead of now; one second more is iat_in_future;
- tokenExp: equal to exp, or at least MIN_LIFETIME_SECONDS after iat and after now;
- times above MILLISECONDS_THRESHOLD are milliseconds;
- Video SDK texts: tpc at most 200 characters, user_key (user_identity) and session_key at most 36, counted as
  JavaScript's .length counts them (UTF-16 units).

Each rule names the token families it applies to (lib.zoom.families); `check_claims` judges a payload as the
family it belongs to (or the one the caller states), with one validator per claim kind that reads the family's
claims and the codes they report from the claim table.
"""

from dataclasses import dataclass
from typing import NamedTuple

from lib.zoom.facts import (
    CLAIM_ORDER,
    CLOCK_SKEW_SECONDS,
    DEFAULT_LIFETIME_SECONDS,
    MILLISECONDS_THRESHOLD,
    MIN_LIFETIME_SECONDS,
)
from lib.zoom.families import (
    ALL_FAMILIES,
    CLAIMS,
    FAMILIES,
    KEY,
    MEETING_FAMILIES,
    MEETING_NATIVE,
    MEETING_WEB,
    ROLE,
    TEXT,
    VIDEO,
    family_of,
)
from lib.zoom.meeting_number import normalize_meeting_number

SEVERITIES = ("error", "warning", "info")  # worst first
SHOWN_CHARS = 80
TIME_ZONE_TOLERANCE_SECONDS = 120  # iat off by whole half-hours give or take this: a time-zone mix-up
_MISSING = object()
KEY_CLAIMS = tuple(name for name, claim in CLAIMS.items() if claim.kind == KEY)
_KNOWN = {family.id: family.known for family in FAMILIES.values()}
_TIMES = {family.id: tuple(c for c in ("iat", "exp", "tokenExp") if c in family.claims) for family in FAMILIES.values()}
_TEXTS = {family.id: tuple(c for c in family.claims if CLAIMS[c].kind == TEXT) for family in FAMILIES.values()}
_ROLES = {family.id: family.claim(ROLE) for family in FAMILIES.values()}
_WEB, _NATIVE = FAMILIES[MEETING_WEB], FAMILIES[MEETING_NATIVE]
assert _WEB.claims == CLAIM_ORDER, "facts.CLAIM_ORDER is the web family's order"


@dataclass(frozen=True)
class Rule:
    """One of Zoom's rules about the claims: what breaking it means, how bad it is, how to fix it."""

    code: str  # the finding code (a public contract of the CLI)
    title: str
    severity: str  # the default; a breach may be milder or worse where its message says why
    zoom_error: int | None  # the Web SDK error it predicts; None where no source says
    claims: tuple[str, ...]
    fix: str
    zoom_error_source: str = ""  # the fact base's row that says which error: its ID, "" with no prediction
    families: tuple[str, ...] = ALL_FAMILIES  # the token families it applies to (lib.zoom.families)


_CALL_FIX = "Use Math.floor(Date.now() / 1000) (Python: int(time.time())), as a JSON number."
_LIFETIME_FIX = f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (the sample's default)."
_ROTATE = "Rotate the secret now (regenerate it on the app's page), then sign with it and send only the token."

_WEB_ONLY = (MEETING_WEB,)
_MEETING = MEETING_FAMILIES
_VIDEO = (VIDEO,)
_VIDEO_KEY_FIX = "Sign with the SDK key and secret of your Video SDK app (Zoom App Marketplace, Video SDK credentials)."

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "missing_app_key",
            "appKey missing",
            "error",
            None,
            ("appKey",),
            "Add the app's key: appKey, the Client ID (SDK key) of your Meeting SDK app; in a Video SDK token, "
            "app_key, the Video SDK key.",
        ),
        Rule(
            "app_key_not_text",
            "appKey is not text",
            "error",
            None,
            ("appKey",),
            "Set the key claim to the Client ID (SDK key) text from the app's credentials.",
        ),
        Rule(
            "app_key_sdk_key_differ",
            "appKey and sdkKey differ",
            "warning",
            None,
            ("appKey", "sdkKey"),
            "Use the same Client ID for both, or drop sdkKey (it is deprecated).",
            families=_MEETING,
        ),
        Rule(
            "app_key_is_meeting_number",
            "appKey holds the meeting number",
            "error",
            None,
            ("appKey",),
            "Pass all four arguments in order: (sdkKey, sdkSecret, meetingNumber, role).",
            families=_MEETING,
        ),
        Rule(
            "meeting_number_claim_name",
            "Claim meetingNumber instead of mn",
            "error",
            None,
            ("meetingNumber",),
            "Rename the claim to mn: { ..., mn: meetingNumber, ... }.",
            families=_WEB_ONLY,
        ),
        Rule(
            "missing_mn",
            "mn missing",
            "error",
            None,
            ("mn",),
            "Add mn: the meeting number you pass to join(), digits only.",
            families=_WEB_ONLY,
        ),
        Rule(
            "mn_not_digits",
            "mn is not digits only",
            "error",
            None,
            ("mn",),
            "Remove spaces and dashes before signing: meetingNumber.replace(/\\D/g, '').",
            families=_MEETING,
        ),
        Rule(
            "missing_role",
            "role missing",
            "error",
            None,
            ("role",),
            "Add role: 0 (participant) or 1 (host).",
            families=_WEB_ONLY,
        ),
        Rule(
            "role_not_number",
            "role is not a number",
            "warning",
            None,
            ("role",),
            "Send role as the number 0 or 1 (JavaScript: parseInt(req.body.role, 10)).",
            families=_MEETING,
        ),
        Rule(
            "role_out_of_range",
            "role is not 0 or 1",
            "error",
            3708,
            ("role",),
            "Use 0 to join as participant, 1 to start as host.",
            "role-unknown",
            families=_MEETING,
        ),
        Rule(
            "role_host_needs_zak",
            "Host role: check it is meant",
            "info",
            None,
            ("role",),
            "Join with role 0 unless you start the meeting as its host.",
            families=_MEETING,
        ),
        Rule(
            "role_participant_for_host",
            "Participant role for a host start",
            "warning",
            None,
            ("role",),
            "Sign with role 1 to start the meeting as host.",
            families=_MEETING,
        ),
        Rule(
            "meeting_native_assumed",
            "No mn and no role: judged as a native token",
            "info",
            None,
            ("mn", "role"),
            "If a web page joins with it, add mn (the meeting number) and role (0 or 1); say which SDK joins "
            '(sdk: "web", "native" or "video") to have it judged as that SDK\'s token.',
            families=(MEETING_NATIVE,),
        ),
        Rule(
            "missing_iat",
            "iat missing",
            "error",
            None,
            ("iat",),
            f"Add iat = Math.floor(Date.now() / 1000) and exp = iat + {DEFAULT_LIFETIME_SECONDS}.",
        ),
        Rule(
            "missing_exp",
            "exp missing",
            "error",
            None,
            ("exp",),
            f"Add iat = Math.floor(Date.now() / 1000) and exp = iat + {DEFAULT_LIFETIME_SECONDS}.",
        ),
        Rule(
            "missing_token_exp",
            "tokenExp missing (recommended)",
            "warning",
            None,
            ("tokenExp",),
            "Add tokenExp: the same value as exp, as the official sample does.",
            families=_MEETING,
        ),
        Rule("timestamp_not_integer", "Time claim is not whole seconds", "error", None, ("iat", "exp"), _CALL_FIX),
        Rule("timestamp_milliseconds", "Time claim in milliseconds", "error", None, ("iat", "exp"), _CALL_FIX),
        Rule(
            "iat_in_future",
            "iat in the future (clock skew)",
            "error",
            3712,
            ("iat",),
            f"Sync the server clock (NTP), or sign with iat = now − {CLOCK_SKEW_SECONDS} as the sample used to.",
            "iat-future",
        ),
        Rule(
            "expired",
            "Token expired",
            "error",
            3705,
            ("exp",),
            "Sign a fresh token for each join; do not cache signatures longer than their lifetime.",
            "exp-past",
        ),
        Rule("lifetime_too_short", "exp − iat below 30 min", "error", None, ("iat", "exp"), _LIFETIME_FIX),
        Rule("lifetime_too_long", "exp − iat above 48 h", "error", None, ("iat", "exp"), _LIFETIME_FIX),
        Rule(
            "token_exp_too_short",
            "tokenExp too soon",
            "warning",
            None,
            ("tokenExp",),
            "Set tokenExp = exp.",
            families=_MEETING,
        ),
        Rule(
            "webrtc_mode_invalid",
            "video_webrtc_mode not 0/1",
            "warning",
            None,
            ("video_webrtc_mode",),
            "Use 1 for WebRTC, 0 for none, or leave the claim out for the SDK's default.",
        ),
        Rule(
            "missing_tpc",
            "tpc (the session name) missing",
            "error",
            None,
            ("tpc",),
            "Add tpc: the session name your app passes to the Video SDK's join(), as text.",
            families=_VIDEO,
        ),
        Rule(
            "tpc_too_long",
            "tpc over 200 characters",
            "error",
            None,
            ("tpc",),
            "Use a session name of at most 200 characters, in the token and in join() alike.",
            families=_VIDEO,
        ),
        Rule(
            "tpc_whitespace",
            "tpc blank or with spaces around it",
            "warning",
            None,
            ("tpc",),
            "Trim the session name once, where your app gets it, and use that same text for tpc and for join().",
            families=_VIDEO,
        ),
        Rule(
            "missing_role_type",
            "role_type missing",
            "error",
            None,
            ("role_type",),
            "Add role_type: 1 for the host, 0 for a participant, as a number.",
            families=_VIDEO,
        ),
        Rule(
            "role_type_not_number",
            "role_type is not a number",
            "error",
            None,
            ("role_type",),
            "Send role_type as the number 0 or 1 (JavaScript: parseInt(req.body.role, 10), as the sample does).",
            families=_VIDEO,
        ),
        Rule(
            "role_type_out_of_range",
            "role_type is not 0 or 1",
            "error",
            None,
            ("role_type",),
            "Use 1 for the host and 0 for a participant.",
            families=_VIDEO,
        ),
        Rule(
            "missing_version",
            "version missing",
            "warning",
            None,
            ("version",),
            "Add version: 1, as Zoom's Video SDK sample does.",
            families=_VIDEO,
        ),
        Rule(
            "user_key_too_long",
            "user_key over 36 characters",
            "error",
            None,
            ("user_key",),
            "Use a user key of at most 36 characters (a UUID is 36), or a hash of a longer one.",
            families=_VIDEO,
        ),
        Rule(
            "session_key_too_long",
            "session_key over 36 characters",
            "error",
            None,
            ("session_key",),
            "Use a session key of at most 36 characters (a UUID is 36), or a hash of a longer one.",
            families=_VIDEO,
        ),
        Rule(
            "app_key_is_secret",
            "The token carries the secret",
            "error",
            None,
            ("appKey",),
            "Put the Client ID in appKey and sign with the Client Secret. " + _ROTATE,
        ),
        Rule(
            "secret_in_token",
            "The secret is readable in the token",
            "error",
            None,
            (),
            "Remove it from the claims. " + _ROTATE,
        ),
        Rule(
            "unknown_claims",
            "Claims Zoom does not use",
            "info",
            None,
            (),
            "Harmless; remove them to keep the token small.",
        ),
    )
}


class Breach(NamedTuple):
    """A rule the values break: its code, the severity here, what is wrong with these values, the fix,
    and evidence (always `claims`: the claims it is about)."""

    code: str
    severity: str
    message: str
    fix: str
    evidence: dict

    @property
    def rule(self) -> Rule:
        return RULES[self.code]


def add_breach(breaches, code, message, severity=None, **evidence):
    rule = RULES[code]
    evidence.setdefault("claims", list(rule.claims))
    breaches.append(tuple.__new__(Breach, (code, severity or rule.severity, message, rule.fix, evidence)))


def cut(text: str) -> str:
    """Text cut short for a message: a pasted megabyte stays out of messages."""
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def shown(value) -> str:
    return cut(repr(value))


def is_integer(value) -> bool:
    """A JSON integer: bool is not one (True is no role or time)."""
    return type(value) is int


def js_length(text: str) -> int:
    """The length JavaScript's .length gives (UTF-16 units), which the Video SDK's checks count."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def mn_digits(payload: dict) -> str | None:
    """The token's meeting number as digits, or None if mn is missing or not digits only."""
    mn = payload.get("mn")
    if is_integer(mn) and mn > 0:
        return str(mn)
    if isinstance(mn, str) and mn.isdigit() and mn.isascii():
        return mn
    return None


def check_claims(payload: dict, now: int, *, host: bool = False, family: str | None = None) -> list[Breach]:
    """Every claim rule the payload breaks, at the clock `now`, judged as a token of `family` (lib.zoom.families;
    None: the family its claims belong to, with a note when that is the native Meeting SDK's by default);
    `host`: the user starts the meeting as host (a ZAK is given). Values are JSON values: a string "1" is not
    the number 1."""
    breaches = []
    judged = FAMILIES[family or family_of(payload)]
    if family is None and judged is _NATIVE:
        add_breach(
            breaches,
            "meeting_native_assumed",
            "The token has neither mn nor role, so it is judged as a token of a native Meeting SDK (Android, iOS, "
            "Windows, macOS, Linux, Electron), which does not need them. The Meeting SDK for web needs both: it "
            "would refuse this token.",
        )
    _check_key(breaches, payload, judged)
    if judged is not FAMILIES[VIDEO]:
        _check_mn(breaches, payload, judged)
    _check_role(breaches, payload, judged, host)
    iat, exp, token_exp = _epoch_claims(breaches, payload, judged)
    _check_times(breaches, iat, exp, token_exp, now, judged)
    if judged.id == VIDEO:
        _check_texts(breaches, payload, judged)
        if "version" not in payload:
            add_breach(
                breaches,
                "missing_version",
                "The payload has no version. Zoom's Video SDK sample writes version: 1; some of Zoom's own examples "
                "leave it out, and no source says the Video SDK refuses a token without it.",
            )
    _check_other_claims(breaches, payload, judged)
    return breaches


def _check_key(breaches, payload, family):
    """The key kind: the family's key claim (appKey or app_key), present, text, not a meeting number."""
    if family.id == VIDEO:
        _check_video_key(breaches, payload)
        return
    app_key = payload.get("appKey", _MISSING)
    sdk_key = payload.get("sdkKey", _MISSING)
    if type(app_key) is str and app_key and not app_key.isdigit() and (sdk_key is _MISSING or sdk_key == app_key):
        return  # the usual key: a Client ID, and sdkKey the same or left out
    if app_key is _MISSING or app_key == "" or app_key is None:
        has_sdk_key = isinstance(sdk_key, str) and sdk_key
        add_breach(
            breaches,
            "missing_app_key",
            "The payload has no appKey. "
            + (
                "The Web SDK falls back to sdkKey for now, but since 5.0.0 the signature requires appKey."
                if has_sdk_key
                else "The Web SDK rejects it in the browser: 'appKey can not empty in the signature'."
                + (" It has app_key, the Video SDK's name: this is a Video SDK claim." if "app_key" in payload else "")
            ),
            severity="warning" if has_sdk_key else None,
        )
        app_key = sdk_key if has_sdk_key else _MISSING
    elif not isinstance(app_key, str):
        add_breach(breaches, "app_key_not_text", f"appKey is {shown(app_key)}, not the Client ID text.")
    if isinstance(app_key, str) and isinstance(sdk_key, str) and app_key != sdk_key:
        add_breach(
            breaches,
            "app_key_sdk_key_differ",
            "appKey and sdkKey hold different values; the official sample puts the same Client ID in both.",
        )
    key_text = str(app_key) if isinstance(app_key, str) or is_integer(app_key) else ""
    if key_text.isdigit() and key_text.isascii() and (9 <= len(key_text) <= 12 or key_text == mn_digits(payload)):
        add_breach(
            breaches,
            "app_key_is_meeting_number",
            f"appKey is {cut(key_text)}, a meeting number, not a Client ID: the signer was called with its "
            "arguments shifted, as in the forum's generateSignature(meetingNumber, role) against "
            "(key, secret, meetingNumber, role).",
        )


def _check_video_key(breaches, payload):
    app_key = payload.get("app_key", _MISSING)
    if app_key is _MISSING or app_key == "" or app_key is None:
        meeting_keys = [name for name in ("appKey", "sdkKey") if name in payload]
        add_breach(
            breaches,
            "missing_app_key",
            "The payload has no app_key, the Video SDK key."
            + (
                f" It has {' and '.join(meeting_keys)}, the Meeting SDK's name: the Video SDK reads only app_key."
                if meeting_keys
                else ""
            ),
            claims=["app_key"],
        )
    elif not isinstance(app_key, str):
        add_breach(
            breaches, "app_key_not_text", f"app_key is {shown(app_key)}, not the SDK key text.", claims=["app_key"]
        )


def _check_mn(breaches, payload, family):
    """The meeting-number kind: required for web, checked wherever it is given."""
    mn = payload.get("mn", _MISSING)
    if type(mn) is int and mn > 0:
        return  # the usual meeting number
    if mn is _MISSING:
        if "mn" not in family.required:
            return
        if "meetingNumber" in payload:
            add_breach(
                breaches,
                "meeting_number_claim_name",
                "The meeting number is in a claim named meetingNumber; Zoom reads only mn (meetingNumber is the "
                "name of the join() parameter, not of the claim).",
            )
        else:
            add_breach(
                breaches,
                "missing_mn",
                "The payload has no mn claim; the Web SDK needs the meeting number in the signature (only the "
                "native SDKs may leave it out).",
            )
        return
    if mn_digits(payload) is None:
        suggestion = normalize_meeting_number(mn).digits if isinstance(mn, str) else None
        add_breach(
            breaches,
            "mn_not_digits",
            f"mn is {shown(mn)}, not digits only"
            + (f": with the separators removed it would be {cut(suggestion)}." if suggestion else ".")
            + " Zoom compares it with the meeting number; which code it answers for it is not documented.",
        )


def _check_role(breaches, payload, family, host):
    """The role kind: role (Meeting SDK) or role_type (Video SDK), the number 0 or 1; codes from the claim table."""
    name = _ROLES[family.id]
    role = payload.get(name, _MISSING)
    video = family.id == VIDEO
    if role == 0 and type(role) is int and not host:
        return  # the usual participant's role
    codes = CLAIMS[name].codes
    if role is _MISSING:
        if name not in family.required:
            return
        if video:
            message = (
                "The payload has no role_type; the Video SDK needs it since 1.2.0: 1 for the host, 0 for a "
                "participant."
                + (" It has role, the Meeting SDK's name: the Video SDK reads role_type." if "role" in payload else "")
            )
        else:
            message = (
                "The payload has no role claim; the Web SDK needs it: 0 to join as participant/attendee, 1 as host."
            )
        add_breach(breaches, codes["missing"], message)
        return
    if type(role) is int:
        if role not in (0, 1):
            add_breach(
                breaches,
                codes["out_of_range"],
                f"role_type is {role}; the Video SDK knows only 1 (host) and 0 (participant)."
                if video
                else f"role is {role}; Zoom knows only 0 (participant/attendee) and 1 (host); 3708 Incorrect role "
                "is its code for a wrong role.",
            )
            return
    elif video:
        add_breach(
            breaches,
            codes["not_number"],
            f"role_type is {shown(role)}; Zoom's Video SDK page says it must be a number, 1 (host) or 0 "
            "(participant). Which answer a text role_type gets is not documented.",
        )
        return
    elif isinstance(role, str) and role in ("0", "1"):
        add_breach(
            breaches,
            codes["not_number"],
            f"role is the string {role!r}; the official sample sends the number {role} (it parseInt's the request). "
            "The Web SDK reads it, but Zoom's server is not documented to accept it.",
        )
        role = int(role)
    else:
        add_breach(
            breaches,
            codes["not_number"],
            f"role is {shown(role)}; it must be the number 0 (participant/attendee) or 1 (host).",
            severity="error",
        )
        return
    if video:
        return
    if role == 1 and not host:
        add_breach(
            breaches,
            "role_host_needs_zak",
            "role 1 joins as host. For a meeting of your app's own account the token is enough; to start a "
            "meeting of a user outside that account you also pass the host's ZAK to join() (Zoom's pages differ "
            "on this). If you meant to join as a participant, the roles are inverted (a forum comment has them "
            "the wrong way round): 0 is participant, 1 is host.",
        )
    elif role == 0 and host:
        add_breach(
            breaches,
            "role_participant_for_host",
            "You start as host (ZAK given) but the token's role is 0, a participant: the roles are inverted "
            "(0 is participant, 1 is host).",
        )


def _check_texts(breaches, payload, family):
    """The text kind: tpc (required), user_key / user_identity and session_key, each within its limit."""
    for name in _TEXTS[family.id]:
        claim = CLAIMS[name]
        value = payload.get(name, _MISSING)
        if value is _MISSING or value == "" or not isinstance(value, str):
            if name in family.required:
                add_breach(
                    breaches,
                    claim.codes["missing"],
                    "The payload has no tpc; the Video SDK needs the session name in the token."
                    if value is _MISSING
                    else "tpc is empty; the Video SDK needs the session name in the token (the Web Video SDK's "
                    "join() refuses an empty topic)."
                    if value == ""
                    else f"tpc is {shown(value)}, not the session name as text.",
                )
            continue
        if "whitespace" in claim.codes and value != value.strip():
            _whitespace_breach(breaches, claim.codes["whitespace"], name, value)
        length = js_length(value)
        if length > claim.max_length:
            add_breach(
                breaches,
                claim.codes["too_long"],
                f"{name} is {length} characters long; Zoom allows at most {claim.max_length}.",
                claims=[name],
                length=length,
            )


def _whitespace_breach(breaches, code, name, value):
    """A session name of whitespace only, or with whitespace around it: Zoom's auth page says tpc must match the
    join's session name ignoring case, not spaces, and the Web Video SDK sends the topic untrimmed (lower-cased);
    what Zoom does with a blank one is not documented (docs/zoom-signature-facts.md, the Video SDK)."""
    if not value.strip():
        message = (
            f"{name} is {shown(value)}: whitespace only. Most likely the session name never reached the signer (an "
            "empty field or variable). The Web Video SDK's join() refuses only an empty topic and sends this one to "
            "Zoom; what Zoom does with a session name of spaces is not documented."
        )
    else:
        message = (
            f"{name} is {shown(value)}, with whitespace around the name. It is part of the session name: Zoom "
            "compares tpc with the join's session name ignoring case only (no source says it ignores spaces), and "
            "the Web Video SDK sends the topic untrimmed, so join() must pass the same spaces."
        )
    add_breach(breaches, code, message, claims=[name])


def _epoch_claims(breaches, payload, family):
    """iat, exp, tokenExp as whole epoch seconds; None where missing or unusable (with a breach)."""
    iat, exp, token_exp = payload.get("iat"), payload.get("exp"), payload.get("tokenExp")
    times = _TIMES[family.id]
    if type(iat) is int and type(exp) is int and (type(token_exp) is int or len(times) == 2):
        # the usual case: nothing to report
        if (
            iat <= MILLISECONDS_THRESHOLD
            and exp <= MILLISECONDS_THRESHOLD
            and (len(times) == 2 or token_exp <= MILLISECONDS_THRESHOLD)
        ):
            return iat, exp, token_exp if len(times) == 3 else None
    values = {"tokenExp": None}
    milliseconds, not_integer = [], []
    for claim in times:
        value = payload.get(claim, _MISSING)
        values[claim] = None
        if value is _MISSING:
            _missing_time(breaches, claim, family)
        elif not is_integer(value):
            not_integer.append(claim)
            if isinstance(value, float) and value > MILLISECONDS_THRESHOLD:
                milliseconds.append(claim)
        elif value > MILLISECONDS_THRESHOLD:
            milliseconds.append(claim)
        else:
            values[claim] = value
    if milliseconds:
        add_breach(
            breaches,
            "timestamp_milliseconds",
            f"{', '.join(milliseconds)} {'are' if len(milliseconds) > 1 else 'is'} in milliseconds "
            "(Date.now()); JWT times are seconds since 1970, so Zoom reads a date tens of thousands of years "
            "ahead: a token issued in the future. Zoom refuses it; which code it answers is not documented.",
            claims=milliseconds,
        )
    not_integer = [c for c in not_integer if c not in milliseconds]
    if not_integer:
        values_shown = ", ".join(f"{c} = {'null' if payload[c] is None else shown(payload[c])}" for c in not_integer)
        nulls = [c for c in not_integer if payload[c] is None]
        decimal_point = [c for c in not_integer if isinstance(payload[c], float) and payload[c].is_integer()]
        add_breach(
            breaches,
            "timestamp_not_integer",
            f"{values_shown}: times must be integer seconds, written without a decimal point: not fractions, "
            "strings or null."
            + (
                " null is what JSON.stringify writes for NaN: typically `new Date().getTime` without its "
                "parentheses (a function, not a number) divided by 1000, or arithmetic on undefined."
                if nulls
                else ""
            )
            + (
                f" {', '.join(decimal_point)} {'are whole seconds' if len(decimal_point) > 1 else 'is a whole second'}"
                " written with a decimal point (a float, as Python's time.time() or a division gives): a reader that "
                "expects an integer may refuse it; whether Zoom does is not documented. Write it without the .0."
                if decimal_point
                else ""
            ),
            claims=not_integer,
            **({"nan": nulls} if nulls else {}),
        )
    return values["iat"], values["exp"], values["tokenExp"]


def _missing_time(breaches, claim, family):
    if claim == "tokenExp":
        add_breach(
            breaches,
            "missing_token_exp",
            "The payload has no tokenExp. Every native Meeting SDK payload Zoom publishes carries it (the sample, "
            "its blog, the native auth page: at least 1800 s after iat); no source says a native SDK refuses a "
            "token without it, but add it as the sample does."
            if family is _NATIVE
            else "The payload has no tokenExp. The Web SDK does not require it (Zoom: required for the native "
            "SDKs, optional for Web), but the official sample always sets it equal to exp.",
        )
        return
    message = f"The payload has no {claim}: Zoom needs iat (issued at) and exp (expiry) in epoch seconds."
    add_breach(breaches, "missing_iat" if claim == "iat" else "missing_exp", message)


def time_zone_offset(iat, now) -> float | None:
    """The offset in hours when iat is off from now by a whole number of half-hours (± 2 min): the mark of a
    local time read as UTC (Python's naive datetime.utcnow().timestamp(), new Date(localString))."""
    off = iat - now
    half_hours = round(off / 1800)
    if half_hours == 0 or abs(off - half_hours * 1800) > TIME_ZONE_TOLERANCE_SECONDS:
        return None
    return half_hours / 2


def _time_zone_note(iat, now):
    hours = time_zone_offset(iat, now)
    if hours is None:
        return "", {}
    note = (
        f" That is {abs(hours):g} h {'ahead' if hours > 0 else 'behind'} almost to the minute: a time-zone mix-up, "
        "local time taken for UTC, such as Python's datetime.utcnow().timestamp() (a naive UTC time read as "
        "local) or new Date() of a local date string. Use time.time() / Date.now() / 1000."
    )
    return note, {"time_zone_offset_hours": hours}


def _check_times(breaches, iat, exp, token_exp, now, family):
    if iat is not None and iat > now + CLOCK_SKEW_SECONDS:
        note, evidence = _time_zone_note(iat, now)
        add_breach(
            breaches,
            "iat_in_future",
            f"iat is {iat - now} s in the future: the signing server's clock runs ahead (or iat was set ahead), "
            "and Zoom refuses a token issued later than its own clock" + (" (3712)." if family is _WEB else ".") + note,
            seconds_ahead=iat - now,
            **evidence,
        )
    if exp is not None and exp <= now:
        note, evidence = _time_zone_note(iat, now) if iat is not None else ("", {})
        add_breach(
            breaches,
            "expired",
            f"The token expired {now - exp} s ago (exp is not after now): a cached or old token." + note,
            seconds_ago=now - exp,
            **evidence,
        )
    if iat is not None and exp is not None:
        lifetime = exp - iat
        if lifetime < family.min_lifetime:
            add_breach(
                breaches,
                "lifetime_too_short",
                f"exp − iat is {lifetime} s; Zoom requires at least {family.min_lifetime} s (30 min). Which code it "
                "answers for a shorter one is not documented.",
                lifetime=lifetime,
            )
        elif lifetime > family.max_lifetime:
            add_breach(
                breaches,
                "lifetime_too_long",
                f"exp − iat is {lifetime} s; Zoom allows at most {family.max_lifetime} s (48 h). Which code it "
                "answers for a longer one is not documented"
                + (" for the Meeting SDK." if family.id != VIDEO else " for native apps."),
                lifetime=lifetime,
            )
    # tokenExp equal to exp (the sample's way) is judged by the rules on exp above
    if token_exp is None or token_exp == exp:
        return
    if token_exp <= now:
        reason = "already past"
    elif iat is not None and token_exp - iat < MIN_LIFETIME_SECONDS:
        reason = f"only {token_exp - iat} s after iat"
    else:
        return
    add_breach(
        breaches,
        "token_exp_too_short",
        f"tokenExp is {reason}; it should be at least {MIN_LIFETIME_SECONDS} s after iat and in the future. "
        "The official sample sets it equal to exp.",
    )


_FLAGS = ("video_webrtc_mode", "audio_webrtc_mode")
_FLAG_SET = frozenset(_FLAGS)


def _check_other_claims(breaches, payload, family):
    """The flag kind (the WebRTC modes: 0, 1 or left out), then the claims the family's SDK does not read."""
    for name in _FLAGS if not _FLAG_SET.isdisjoint(payload) else ():
        if name in payload and name in family.claims:
            mode = payload[name]
            if not is_integer(mode) or mode not in (0, 1):
                add_breach(
                    breaches,
                    "webrtc_mode_invalid",
                    f"{name} is {shown(mode)}; it must be the number 0 or 1, or left out. The official "
                    "sample refuses other values (HTTP 400); what Zoom does with them is not documented.",
                    claims=[name],
                )
    known = _KNOWN[family.id]
    if not known.issuperset(payload):
        unknown = [name for name in payload if name not in known]
        other = [name for name in unknown if _belongs_elsewhere(name, family)]
        add_breach(
            breaches,
            "unknown_claims",
            f"Claims Zoom does not read: {', '.join(shown(n) for n in unknown[:10])}"
            + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
            + ". They are signed but ignored."
            + (
                f" {', '.join(other[:10])} {'are' if len(other) > 1 else 'is'} "
                + ("the Meeting SDK's, not the Video SDK's." if family.id == VIDEO else "the Video SDK's.")
                if other
                else ""
            ),
            claims=unknown,  # every one: the Token doctor's table marks each claim it lists
        )


def _belongs_elsewhere(name, family):
    """A claim of the other SDK's family (a Meeting SDK claim in a Video SDK token, or the reverse)."""
    others = (_WEB,) if family.id == VIDEO else (FAMILIES[VIDEO],)
    return any(name in other.known for other in others)
