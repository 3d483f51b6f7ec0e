"""The contract matrix: the requests an app (and a careless one) sends to its signature endpoint, and the
judgement of each answer against the contract of Zoom's official sample for its SDK.

Meeting SDK (zoom/meetingsdk-auth-endpoint-sample): POST {meetingNumber, role, expirationSeconds?,
videoWebRtcMode?} answered with {signature, sdkKey}; meetingNumber and role both or neither (neither: a
native SDK's token, without mn and role). Video SDK (zoom/videosdk-auth-endpoint-sample, `sdk: "video"`):
POST {sessionName, role, expirationSeconds?, userIdentity?, sessionKey?, …} answered with {signature}.
Both refuse a bad request with HTTP 400 {errors: [...]} and enable CORS. Each returned token goes through
the Token doctor with the request as context. No secret is ever sent: the SDK key and secret given to
`probe` only verify the answers here.
"""

import json
import re
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from lib.builder.form import normalize_meeting_number
from lib.doctor.diagnosis import Diagnosis, diagnose
from lib.endpoint.codes import ENDPOINT_CODES, zoom_answer
from lib.endpoint.safety import (
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_TIMEOUT_SECONDS,
    AllowList,
    Answer,
    ProbeRefused,
    check_url,
    send,
    system_resolver,
)
from lib.present.inspection import SEVERITY_ORDER
from lib.present.redaction import REMOVED
from lib.signing.secret_scan import carries_secret, remove_secret
from lib.zoom.facts import CLOCK_SKEW_SECONDS, DEMO_MEETING_NUMBER, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS
from lib.zoom.families import FAMILIES, family_of

SIGN, REJECT, SIGN_OR_REJECT, PREFLIGHT = "sign", "reject", "sign or reject", "preflight"
DEFAULT_URL = "http://localhost:4000"  # where the official sample listens
DEFAULT_ORIGIN = "http://localhost:9999"  # the origin of Zoom's Web SDK sample app (another host than the endpoint)
USER_AGENT = "SignatureLab-endpoint-probe"
REPEAT_GAP_SECONDS = 1.05  # the repeat is sent in a later second than the first answer was signed in
_SECRET_FIELD = re.compile(r"(?i)secret|passw|private|credential")
_MIN_SECRET_MATCH = 4  # shorter secrets would match ordinary text


@dataclass(frozen=True)
class Case:
    """One request of the matrix: `body` is JSON to send, raw bytes, or None for the preflight."""

    id: str
    title: str
    body: dict | bytes | None
    expect: str  # SIGN | REJECT | SIGN_OR_REJECT | PREFLIGHT
    why_invalid: str = ""  # for REJECT: what Zoom does with a token signed for it
    tolerated: tuple = ()  # Token doctor codes this request itself causes
    family: str = "meeting_web"  # the token family the request asks for (lib.zoom.families)

    @property
    def method(self):
        return "OPTIONS" if self.expect == PREFLIGHT else "POST"

    @property
    def request_text(self):
        if self.body is None:
            return "OPTIONS preflight (POST, Content-Type)"
        return self.body.decode("utf-8", "replace") if isinstance(self.body, bytes) else json.dumps(self.body)

    def requested(self, name):
        return self.body.get(name) if isinstance(self.body, dict) else None


def contract_matrix(meeting_number: str) -> tuple:
    """The matrix for a meeting number of digits; the first case is the main request a Web SDK app sends."""
    mn = meeting_number
    base = {"meetingNumber": mn, "role": 0}
    spaced = f"{mn[:3]} {mn[3:7]} {mn[7:]}".strip()
    return (
        Case("role_0", "role 0 (participant)", base, SIGN),
        Case("role_1", "role 1 (host)", {**base, "role": 1}, SIGN),
        Case("meeting_number_as_number", "meetingNumber as a JSON number", {"meetingNumber": int(mn), "role": 0}, SIGN),
        Case(
            "meeting_number_with_spaces",
            "meetingNumber with spaces",
            {"meetingNumber": spaced, "role": 0},
            SIGN_OR_REJECT,
            tolerated=("mn_not_digits",),
        ),
        Case("role_as_string", 'role "1" (a string)', {**base, "role": "1"}, SIGN_OR_REJECT),
        Case("missing_role", "no role", {"meetingNumber": mn}, REJECT, f"no role claim: {zoom_answer('missing_role')}"),
        Case(
            "missing_meeting_number",
            "no meetingNumber",
            {"role": 0},
            REJECT,
            f"no mn claim: {zoom_answer('missing_mn')}",
        ),
        Case("expiration_min", "expirationSeconds 1800", {**base, "expirationSeconds": MIN_LIFETIME_SECONDS}, SIGN),
        Case("expiration_max", "expirationSeconds 172800", {**base, "expirationSeconds": MAX_LIFETIME_SECONDS}, SIGN),
        Case(
            "expiration_below_min",
            "expirationSeconds 1799",
            {**base, "expirationSeconds": MIN_LIFETIME_SECONDS - 1},
            REJECT,
            f"a lifetime below 30 min: {zoom_answer('lifetime_too_short')}",
        ),
        Case(
            "expiration_above_max",
            "expirationSeconds 172801",
            {**base, "expirationSeconds": MAX_LIFETIME_SECONDS + 1},
            REJECT,
            f"a lifetime above 48 h: {zoom_answer('lifetime_too_long')}",
        ),
        Case("webrtc_mode_1", "videoWebRtcMode 1", {**base, "videoWebRtcMode": 1}, SIGN),
        Case(
            "native",
            "neither meetingNumber nor role (a native SDK's token)",
            {},
            SIGN,
            family="meeting_native",
        ),
        Case("body_not_json", "a body that is not JSON", json.dumps(base).encode()[:-1], REJECT, "not a request"),
        Case("preflight", "CORS preflight (OPTIONS)", None, PREFLIGHT),
        Case("repeat", "role 0 again, a second later", base, SIGN),
    )


DEFAULT_SESSION_NAME = "Signature Lab probe"
# zoom/videosdk-auth-endpoint-sample's src/index.js validator: sessionName required, at most 200 characters;
# userIdentity at most 35 (Zoom's Video SDK auth page: user_key at most 36, so 36 may go either way);
# sessionKey at most 36; role required, 0 or 1 (a string is coerced with parseInt).
SAMPLE_SESSION_NAME_MAX, SAMPLE_USER_IDENTITY_MAX, SAMPLE_SESSION_KEY_MAX = 200, 35, 36


def video_contract_matrix(session_name: str) -> tuple:
    """The matrix of zoom/videosdk-auth-endpoint-sample's contract; the first case is the main request."""
    base = {"sessionName": session_name, "role": 0}

    def video(case_id, title, body, expect, why_invalid=""):
        return Case(case_id, title, body, expect, why_invalid, family="video")

    def longer(name, length):
        return {**base, name: ("s" * length) if name == "sessionName" else "u" * length}

    return (
        video("role_0", "role 0 (participant)", base, SIGN),
        video("role_1", "role 1 (host)", {**base, "role": 1}, SIGN),
        video("role_as_string", 'role "1" (a string)', {**base, "role": "1"}, SIGN_OR_REJECT),
        video("role_2", "role 2", {**base, "role": 2}, REJECT, "role_type 2: neither participant (0) nor host (1)"),
        video("missing_role", "no role", {"sessionName": session_name}, REJECT, "no role_type claim"),
        video("missing_session_name", "no sessionName", {"role": 0}, REJECT, "no tpc: the token names no session"),
        video(
            "session_name_max", "sessionName of 200 characters", longer("sessionName", SAMPLE_SESSION_NAME_MAX), SIGN
        ),
        video(
            "session_name_too_long",
            "sessionName of 201 characters",
            longer("sessionName", SAMPLE_SESSION_NAME_MAX + 1),
            REJECT,
            "a tpc over 200 characters",
        ),
        video("expiration_min", "expirationSeconds 1800", {**base, "expirationSeconds": MIN_LIFETIME_SECONDS}, SIGN),
        video("expiration_max", "expirationSeconds 172800", {**base, "expirationSeconds": MAX_LIFETIME_SECONDS}, SIGN),
        video(
            "expiration_below_min",
            "expirationSeconds 1799",
            {**base, "expirationSeconds": MIN_LIFETIME_SECONDS - 1},
            REJECT,
            "a lifetime below 30 min",
        ),
        video(
            "expiration_above_max",
            "expirationSeconds 172801",
            {**base, "expirationSeconds": MAX_LIFETIME_SECONDS + 1},
            REJECT,
            "a lifetime above 48 h",
        ),
        video("user_identity_35", "userIdentity of 35 characters", longer("userIdentity", 35), SIGN),
        video("user_identity_36", "userIdentity of 36 characters", longer("userIdentity", 36), SIGN_OR_REJECT),
        video(
            "user_identity_37",
            "userIdentity of 37 characters",
            longer("userIdentity", 37),
            REJECT,
            "a user_key over 36",
        ),
        video("session_key_36", "sessionKey of 36 characters", longer("sessionKey", SAMPLE_SESSION_KEY_MAX), SIGN),
        video(
            "session_key_37",
            "sessionKey of 37 characters",
            longer("sessionKey", SAMPLE_SESSION_KEY_MAX + 1),
            REJECT,
            "a session_key over 36",
        ),
        video("body_not_json", "a body that is not JSON", json.dumps(base).encode()[:-1], REJECT, "not a request"),
        video("preflight", "CORS preflight (OPTIONS)", None, PREFLIGHT),
        video("repeat", "role 0 again, a second later", base, SIGN),
    )


class EndpointFinding(NamedTuple):
    code: str
    severity: str
    cases: tuple  # the matrix cases it was seen in
    message: str
    fix: str
    evidence: dict

    @property
    def title(self):
        return ENDPOINT_CODES[self.code].title

    def as_dict(self):
        return {**self._asdict(), "cases": list(self.cases)}


_COMPOSED_EVIDENCE = ("doctor_fix", "what", "zoom_answer")  # built by the probe from parts already made plain
_SHOWN_CHARS = 300  # headers are bounded by http.client; a message need not show more


def plain(text) -> str:
    """Untrusted text (a header, a field name, a URL) made safe for a message shown as Markdown: printable
    characters only, no backtick that could close a code span, cut short."""
    text = "".join(c if c.isprintable() and c != "`" else "?" for c in str(text))
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _finding(code, case_id, fix=None, **evidence):
    """The finding `code` seen in `case_id`, its message and fix filled from the evidence; `fix` replaces the
    code's fix where the probe knows a more precise one."""
    spec = ENDPOINT_CODES[code]
    evidence = {
        name: plain(value) if isinstance(value, str) and name not in _COMPOSED_EVIDENCE else value
        for name, value in evidence.items()
    }
    values = {"case": case_id, **evidence}
    return EndpointFinding(
        code,
        spec.severity,
        (case_id,) if case_id else (),
        spec.message.format(**values),
        fix or spec.fix.format(**values),
        evidence,
    )


class TokenFinding(NamedTuple):
    code: str  # the Token doctor's finding code
    severity: str
    not_counted: str | None = None  # why it does not count against the endpoint; None: it counts

    def as_dict(self):
        return self._asdict()


_OTHER_KIND = "the token is of another kind than the request asks for (wrong_token_kind)"
# The doctor's codes the probe judges against the request itself, under its own code
_JUDGED_BY_THE_PROBE = {
    "mn_mismatch": "judged against the request as endpoint_ignores_meeting_number",
    "tpc_mismatch": "judged against the request as endpoint_ignores_session_name",
}


@dataclass
class CaseResult:
    case: Case
    answer: Answer | None = None  # None: not sent (skipped)
    sent_at: int | None = None
    findings: list = field(default_factory=list)
    diagnosis: Diagnosis | None = None
    text: str = ""  # the answer's body as text, untrusted

    @property
    def verdict(self):
        if self.answer is None:
            return "skipped"
        worst = min((f.severity for f in self.findings), key=SEVERITY_ORDER.get, default=None)
        return "ok" if worst in (None, "info") else worst

    @property
    def token(self):
        return self.diagnosis.token if self.diagnosis else None

    @property
    def token_findings(self) -> list:
        """Every finding of the Token doctor on the returned token, with its severity and whether it counts
        against the endpoint (`not_counted` says why not)."""
        if self.diagnosis is None:
            return []
        asked = dict.fromkeys(self.case.tolerated, "the request asks for it")
        reasons = {**_JUDGED_BY_THE_PROBE, **asked}
        codes = {f.code for f in self.diagnosis.findings}
        if "wrong_token_kind" in codes:  # the rest judges a token of another kind than the request asks for
            reasons |= dict.fromkeys(codes - {"wrong_token_kind"}, _OTHER_KIND)
        return [TokenFinding(f.code, f.severity, reasons.get(f.code)) for f in self.diagnosis.findings]


@dataclass
class ProbeResult:
    url: str
    origin: str
    allowed: str
    cases: list
    findings: list
    meeting_number: str = DEMO_MEETING_NUMBER
    sdk: str = "web"  # the contract probed: web or native (the Meeting SDK sample's), video (the Video SDK's)
    session_name: str = DEFAULT_SESSION_NAME

    @property
    def codes(self):
        return [f.code for f in self.findings]

    @property
    def verdict(self):
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in ("error", "warning")}
        if not any(counts.values()):
            sent = sum(1 for r in self.cases if r.answer is not None)
            return f"The endpoint passes the contract matrix: {sent} requests answered as the official sample does."
        titles = "; ".join(f.title for f in self.findings if f.severity in counts)
        return f"{counts['error']} error(s), {counts['warning']} warning(s): {titles}."


@dataclass(frozen=True)
class ProbeSettings:
    """Everything a probe run depends on besides the URL. The secret only verifies; it is never sent."""

    allowed: AllowList
    sdk_key: str | None = None
    sdk_secret: str | None = field(default=None, repr=False)
    meeting_number: str = DEMO_MEETING_NUMBER
    sdk: str = "web"  # web, native: the Meeting SDK sample's contract; video: the Video SDK sample's
    session_name: str = DEFAULT_SESSION_NAME
    origin: str = DEFAULT_ORIGIN
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    max_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    resolver: Callable = system_resolver


def _headers(case: Case, origin: str) -> dict:
    if case.expect == PREFLIGHT:
        return {
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
            "User-Agent": USER_AGENT,
        }
    return {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "Origin": origin,
        "User-Agent": USER_AGENT,
    }


def probe(url: str, settings: ProbeSettings, progress: Callable | None = None) -> ProbeResult:
    """Run the matrix against url; `progress(done, total, case)` after each request. Never raises for what the
    URL or the endpoint does: a refused URL is a result with one finding and no request sent. ValueError
    for a meeting number or origin that cannot be asked with (the caller's input: check it first)."""
    digits = meeting_digits(settings.meeting_number)
    settings = replace(settings, origin=web_origin(settings.origin))
    video = settings.sdk == "video"
    matrix = video_contract_matrix(checked_session_name(settings.session_name)) if video else contract_matrix(digits)
    result = ProbeResult(
        url, settings.origin, settings.allowed.describe(), [], [], digits, settings.sdk, settings.session_name
    )
    try:
        check_typed_url(url)
        target = check_url(url, settings.allowed, settings.resolver)
    except (UnusableUrl, ProbeRefused) as refused:
        result.findings = [_refusal(refused)]
        result.cases = [CaseResult(case) for case in matrix]
        return result
    first_answered = None
    for number, case in enumerate(matrix, start=1):
        if any(_stops_the_matrix(checked, index) for index, checked in enumerate(result.cases)):
            result.cases.append(CaseResult(case))
            continue
        if case.id == "repeat" and first_answered is not None:
            time.sleep(max(0.0, first_answered + REPEAT_GAP_SECONDS - time.time()))
        body = case.body if isinstance(case.body, bytes) or case.body is None else json.dumps(case.body).encode()
        sent_at = int(time.time())
        answer = send(
            target,
            case.method,
            _headers(case, settings.origin),
            body,
            timeout=settings.timeout,
            max_bytes=settings.max_bytes,
        )
        first_answered = first_answered or time.time()
        result.cases.append(judge(case, answer, sent_at, settings))
        if progress:
            progress(number, len(matrix), case)
    _check_caching(result.cases)
    result.findings = merge_findings(result.cases)
    return result


# host[:port][/path] typed without http:// (localhost:4000, example.com/api, [::1]:4000); no user@ part
_SCHEMELESS = re.compile(r"(?i)^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:[0-9]{1,5})?([/?#][^@]*)?$")

_MISSPELT_SCHEME = re.compile(r"(?i)^(https?)(:/?|/{1,2})(?=[a-z0-9\[])")  # http//host, http:/host, http:host


class UnusableUrl(ValueError):
    """A URL that cannot be called as typed: `reason` says why, `fix` (or None: the code's own) how to write it."""

    def __init__(self, reason: str, fix: str | None = None):
        super().__init__(reason)
        self.fix = fix


def check_typed_url(url) -> None:
    """UnusableUrl for what check_url would misread: an address typed without its scheme (localhost:4000
    parses as the scheme "localhost") gets "add http://", and text that cannot be parsed a reason."""
    text = url.strip() if isinstance(url, str) else ""
    misspelt = _MISSPELT_SCHEME.match(text)
    if "://" not in text and misspelt:
        scheme, rest = misspelt.group(1).lower(), text[misspelt.end() :]
        raise UnusableUrl(
            f"its scheme is not written {scheme}:// (a colon and two slashes).",
            f"Write it `{plain(f'{scheme}://{rest}')}`.",
        )
    if "://" not in text and _SCHEMELESS.match(text):
        raise UnusableUrl(
            "it has no scheme: an endpoint URL starts with http:// or https://.",
            f"Add http:// in front: `{plain('http://' + text)}` (https:// if your endpoint serves TLS).",
        )
    try:
        urllib.parse.urlsplit(text)
    except ValueError as exc:  # an unclosed [ of an IPv6 address
        raise UnusableUrl(f"it cannot be read as a URL ({plain(exc)}).") from None


def _refusal(refused: UnusableUrl | ProbeRefused) -> EndpointFinding:
    if isinstance(refused, UnusableUrl):
        return _finding("endpoint_bad_url", None, refused.fix, reason=str(refused))
    return _finding("endpoint_bad_url" if refused.bad_url else "endpoint_not_allowed", None, reason=str(refused))


def _stops_the_matrix(checked: "CaseResult", index: int) -> bool:
    """No answer to the main request: the rest would get none either. A timeout anywhere: the matrix would
    take a time limit per request."""
    return checked.answer.error == "timeout" or (index == 0 and checked.answer.error is not None)


def web_origin(text: str) -> str:
    """The Origin header for a web app's address (scheme://host[:port]), or ValueError saying how to write it."""
    parts = urllib.parse.urlsplit(str(text).strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or "@" in parts.netloc
        or not all(c.isprintable() and not c.isspace() for c in parts.netloc)
    ):
        raise ValueError("The origin is your web app's address alone, e.g. http://localhost:9999 (no path).")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def judge(case: Case, answer: Answer, sent_at: int, settings: ProbeSettings) -> CaseResult:
    """The findings on one answer, against what the official sample answers to the same request, without
    the given secret: a message or a header shown that the endpoint filled with it must not show it."""
    checked = _judge(case, answer, sent_at, settings)
    secret = settings.sdk_secret.strip() if isinstance(settings.sdk_secret, str) else ""
    headers = tuple((name, remove_secret(value, secret, REMOVED)) for name, value in answer.headers)
    checked.answer = replace(answer, headers=headers)
    checked.findings = [_without_secret(finding, secret) for finding in checked.findings]
    return checked


def _without_secret(finding: EndpointFinding, secret: str) -> EndpointFinding:
    """The finding told again from its evidence with the secret removed, if a value the endpoint sent held it."""
    evidence = {
        name: remove_secret(v, secret, REMOVED) if isinstance(v, str) else v for name, v in finding.evidence.items()
    }
    if evidence == finding.evidence:
        return finding
    return _finding(finding.code, finding.cases[0] if finding.cases else None, **evidence)


def _judge(case: Case, answer: Answer, sent_at: int, settings: ProbeSettings) -> CaseResult:
    checked = CaseResult(case, answer, sent_at, text=answer.body.decode("utf-8", "replace"))
    add = checked.findings.append
    if answer.error:
        add(_finding(f"endpoint_{answer.error}", case.id, reason=answer.error_detail, timeout=f"{settings.timeout:g}"))
        return checked
    if answer.truncated:
        add(_finding("endpoint_answer_too_large", case.id, max_bytes=settings.max_bytes))
        return checked
    parsed = _json_object(checked.text)
    leaked = _leaked(checked.text, parsed, settings.sdk_secret)
    if leaked:
        add(_finding("endpoint_leaks_secret", case.id, what=" and ".join(leaked)))
    status = answer.status
    if 300 <= status < 400:
        add(_finding("endpoint_redirects", case.id, status=status, location=answer.header("location") or "(none)"))
        return checked
    if case.expect == PREFLIGHT:
        _judge_preflight(checked, settings.origin)
        return checked
    if case.expect == REJECT:  # any 4xx will do, even the HTML page express answers to a broken JSON body
        if status >= 500:
            add(_finding("endpoint_server_error", case.id, status=status))
        elif status < 300 and parsed is not None and isinstance(parsed.get("signature"), str):
            add(_finding("endpoint_accepts_invalid", case.id, status=status, why=case.why_invalid))
        return checked
    if parsed is None:  # the app reads every answer with response.json(), errors too
        content_type = answer.header("content-type") or "no content type"
        add(_finding("endpoint_not_json", case.id, content_type=content_type))
    if status >= 500:
        add(_finding("endpoint_server_error", case.id, status=status))
        return checked
    if status >= 400:
        if case.expect == SIGN:
            add(_finding("endpoint_rejects_valid", case.id, status=status))
        return checked
    _check_cors(checked, settings.origin)
    if parsed is None:
        return checked
    if not isinstance(parsed.get("signature"), str):
        add(_finding("endpoint_no_signature", case.id, fields=", ".join(map(str, parsed)) or "none"))
        return checked
    _judge_token(checked, parsed["signature"], settings)
    return checked


def _json_object(text):
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _secret_fields(value, depth=0):
    """(name, text value) of members whose name says secret, password, private key or credential."""
    if depth > 4:
        return []
    members = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    found = []
    for name, member in members:
        if isinstance(name, str) and _SECRET_FIELD.search(name) and member not in (None, ""):
            found.append((name, member if isinstance(member, str) else json.dumps(member)))
        found += _secret_fields(member, depth + 1)
    return found


def _leaked(text, parsed, secret):
    what = []
    given = secret.strip() if isinstance(secret, str) else ""
    if len(given) >= _MIN_SECRET_MATCH and (given in text or carries_secret(text, given)):
        what.append("the SDK secret you gave")
    names = [name for name, _ in _secret_fields(parsed)] if parsed is not None else []
    if names:
        what.append("field(s) named " + ", ".join(f"`{plain(name)}`" for name in dict.fromkeys(names)))
    return what


def redact_answer(text: str, secret: str | None) -> str:
    """The answer's text without the given secret nor the values of secret-like fields (for display)."""
    parsed = _json_object(text)
    values = [value for _, value in _secret_fields(parsed)] if parsed is not None else []
    for value in (secret, secret.strip() if isinstance(secret, str) else None, *values):
        if isinstance(value, str) and len(value) >= _MIN_SECRET_MATCH:
            text = text.replace(value, REMOVED).replace(json.dumps(value)[1:-1], REMOVED)
            text = remove_secret(text, value.strip(), REMOVED)  # runs of it, and it base64-encoded
    return text


def _check_cors(checked: CaseResult, origin: str):
    allowed = checked.answer.header("access-control-allow-origin")
    if allowed is None:
        checked.findings.append(_finding("endpoint_no_cors", checked.case.id, origin=origin))
    elif allowed.strip() not in ("*", origin):
        checked.findings.append(_finding("endpoint_cors_wrong_origin", checked.case.id, origin=origin, allowed=allowed))


def _judge_preflight(checked: CaseResult, origin: str):
    answer = checked.answer
    if not 200 <= answer.status < 300:
        checked.findings.append(_finding("endpoint_preflight_fails", checked.case.id, status=answer.status))
        return
    _check_cors(checked, origin)
    blocked = []
    methods = answer.header("access-control-allow-methods")
    if methods is not None and not {"post", "*"} & {m.strip().lower() for m in methods.split(",")}:
        blocked.append(f"method POST (allowed: {plain(methods)})")
    headers = {h.strip().lower() for h in (answer.header("access-control-allow-headers") or "").split(",")}
    if not {"content-type", "*"} & headers:
        blocked.append("the header Content-Type")
    if blocked:
        what = " nor ".join(blocked)
        checked.findings.append(_finding("endpoint_preflight_blocks_request", checked.case.id, what=what))


def _as_role(value):
    """The role a value means to the sample (parseInt of a string), or the value itself."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def _judge_token(checked: CaseResult, token: str, settings: ProbeSettings):
    case, add = checked.case, checked.findings.append
    requested = case.requested("meetingNumber")
    requested_mn = normalize_meeting_number(str(requested)).digits if requested is not None else None
    checked.diagnosis = diagnosis = diagnose(  # judged as a token of the family the request asks for
        token,
        secret=settings.sdk_secret,
        sdk_key=settings.sdk_key,
        meeting_number=requested_mn,
        now=checked.sent_at,
        sdk=FAMILIES[case.family].sdk,
        session_name=case.requested("sessionName"),
    )
    counted = {f.code for f in checked.token_findings if f.not_counted is None}
    for severity, code in (("error", "endpoint_bad_token"), ("warning", "endpoint_token_warning")):
        found = [f for f in diagnosis.findings if f.severity == severity and f.code in counted]
        if found:
            names = ", ".join(f"{f.code} ({f.title})" for f in found)
            add(_finding(code, case.id, codes=names, doctor_fix=found[0].fix or found[0].message))
    payload = diagnosis.payload
    if not isinstance(payload, dict):
        return
    if case.family == "video":
        _judge_video_claims(checked, payload)
    elif case.family == "meeting_native":
        signed = [claim for claim in ("mn", "role") if claim in payload]
        if signed:
            add(_finding("endpoint_native_token_not_native", case.id, claims=" and ".join(signed)))
    else:
        _judge_meeting_claims(checked, payload)
    _judge_times(checked, payload)


def _judge_meeting_claims(checked: CaseResult, payload: dict):
    case, add = checked.case, checked.findings.append
    requested_mn = normalize_meeting_number(str(case.requested("meetingNumber"))).digits
    signed_mn = payload.get("mn")
    signed_digits = normalize_meeting_number(str(signed_mn)).digits if signed_mn is not None else None
    if signed_digits != requested_mn:
        add(
            _finding(
                "endpoint_ignores_meeting_number",
                case.id,
                requested=requested_mn,
                signed=json.dumps(signed_mn),
                zoom_answer=zoom_answer("mn_mismatch"),
            )
        )
    elif isinstance(signed_mn, str) and not signed_mn.isdigit():
        add(
            _finding(
                "endpoint_keeps_meeting_number_text",
                case.id,
                signed=json.dumps(signed_mn),
                zoom_answer=zoom_answer("mn_not_digits"),
            )
        )
    requested_role = _as_role(case.requested("role"))
    signed_role = payload.get("role")
    if _as_role(signed_role) != requested_role:
        add(_finding("endpoint_ignores_role", case.id, requested=requested_role, signed=json.dumps(signed_role)))
    if case.requested("videoWebRtcMode") is not None and payload.get("video_webrtc_mode") != case.requested(
        "videoWebRtcMode"
    ):
        add(_finding("endpoint_ignores_webrtc_mode", case.id, signed=json.dumps(payload.get("video_webrtc_mode"))))


_ROLE_TYPE_FIX = "Sign role_type from the request body as a number: role_type: parseInt(req.body.role, 10)."


def _same_session(signed, requested) -> bool:
    """The Video SDK compares tpc with the session name join() gets ignoring case (the fact base, Token
    families): a signer that changes only the case still names the session asked for."""
    if isinstance(signed, str) and isinstance(requested, str):
        return signed.lower() == requested.lower()  # as the Token doctor compares (lib.doctor.context)
    return signed == requested


def _judge_video_claims(checked: CaseResult, payload: dict):
    """The Video SDK token against the request: a Video SDK token at all, its tpc the session name asked for,
    its role_type the role asked for."""
    case, add = checked.case, checked.findings.append
    if family_of(payload) != "video":
        return  # the Token doctor's wrong_token_kind (endpoint_bad_token): a Meeting SDK token for a Video SDK request
    if not _same_session(payload.get("tpc"), case.requested("sessionName")):
        requested = plain(case.requested("sessionName"))[:60]
        add(
            _finding(
                "endpoint_ignores_session_name",
                case.id,
                requested=requested,
                signed=json.dumps(payload.get("tpc"))[:60],
            )
        )
    # The role's value, as for the Meeting SDK: a role_type of text is the Token doctor's role_type_not_number
    # (endpoint_bad_token), not a role the endpoint ignored.
    requested_role, signed_role = _as_role(case.requested("role")), payload.get("role_type")
    if _as_role(signed_role) != requested_role:
        add(
            _finding(
                "endpoint_ignores_role",
                case.id,
                _ROLE_TYPE_FIX,
                requested=requested_role,
                signed=json.dumps(signed_role),
            )
        )


def _judge_times(checked: CaseResult, payload: dict):
    case, add = checked.case, checked.findings.append
    iat, exp = payload.get("iat"), payload.get("exp")
    times_known = type(iat) is int and type(exp) is int
    expiration = case.requested("expirationSeconds")
    if expiration is not None and times_known and exp - iat != expiration:
        add(_finding("endpoint_ignores_expiration", case.id, requested=expiration, signed=exp - iat))
    if type(iat) is int and iat < checked.sent_at - CLOCK_SKEW_SECONDS:
        add(_finding("endpoint_stale_iat", case.id, seconds=checked.sent_at - iat))


def _check_caching(results: list):
    """The repeat, sent a second after the main request, must not get the main request's token back."""
    tokens = {checked.case.id: checked.token for checked in results if checked.token}
    repeated = tokens.get("repeat")
    if repeated is not None and repeated == tokens.get("role_0"):
        repeat = next(checked for checked in results if checked.case.id == "repeat")
        repeat.findings.append(_finding("endpoint_caches_signature", "repeat", other="role_0"))


def merge_findings(results: list) -> list:
    """One finding per code for the whole endpoint, with every case it was seen in; errors first."""
    merged = {}
    for checked in results:
        for found in checked.findings:
            if found.code in merged:
                first = merged[found.code]
                merged[found.code] = first._replace(cases=first.cases + found.cases)
            else:
                merged[found.code] = found
    return sorted(merged.values(), key=lambda f: SEVERITY_ORDER[f.severity])


def meeting_digits(meeting_number) -> str:
    """The digits of the meeting number to ask for, or ValueError saying how to write it."""
    checked = normalize_meeting_number(str(meeting_number))
    if checked.digits is None:
        raise ValueError(checked.error)
    return checked.digits


RECORD_FIELDS = {"sdkKey": "sdk_key", "sdkSecret": "sdk_secret", "meetingNumber": "meeting_number", "origin": "origin"}
RECORD_FIELDS |= {"sdk": "sdk", "sessionName": "session_name"}
SDKS = ("web", "native", "video")


def checked_session_name(session_name) -> str:
    """The session name to ask for, or ValueError saying what to give: text of 1 to 200 characters."""
    if not isinstance(session_name, str) or not 0 < len(session_name) <= SAMPLE_SESSION_NAME_MAX:
        raise ValueError(f"sessionName must be text of 1 to {SAMPLE_SESSION_NAME_MAX} characters.")
    return session_name


MAX_TIMEOUT_SECONDS = 30.0


def settings_from_record(record: Mapping, allowed: AllowList) -> ProbeSettings:
    """ProbeSettings from a JSON Lines record (sdkKey, sdkSecret, meetingNumber, origin, timeout); ValueError
    names a field of the wrong type (never its value: it may be the secret)."""
    changes = {}
    for name, attribute in RECORD_FIELDS.items():
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str) and not (name == "meetingNumber" and type(value) is int):
            raise ValueError(f"{name} must be a JSON string, not {type(value).__name__}.")
        changes[attribute] = value
    meeting_digits(changes.get("meeting_number", DEMO_MEETING_NUMBER))
    web_origin(changes.get("origin", DEFAULT_ORIGIN))
    if changes.get("sdk", "web") not in SDKS:
        raise ValueError("sdk must be web, native or video (the SDK that joins with the endpoint's tokens).")
    checked_session_name(changes.get("session_name", DEFAULT_SESSION_NAME))
    timeout = record.get("timeout")
    if timeout is not None:
        if type(timeout) not in (int, float) or not 0 < timeout <= MAX_TIMEOUT_SECONDS:
            raise ValueError(f"timeout must be a number of seconds above 0 and at most {MAX_TIMEOUT_SECONDS:g}.")
        changes["timeout"] = float(timeout)
    return replace(ProbeSettings(allowed), **changes)
