"""Joining a meeting from the dashboard with the Web SDK's Component View, and explaining Zoom's answer.

The SDK runs in a frame of its own: static/join-frame.html, which Streamlit serves at
/app/static/join-frame.html, so the frame has a real URL of the app's origin (the SDK reports
location.origin to Zoom and uses it for its sign-in popups; a srcdoc frame would give "null").
A small Streamlit v2 component (web/join_host.js) mounts the frame, hands it the join settings by
postMessage and relays the frame's outcome back to Python as its state.

The page reads its form into a JoinForm; `plan_join` checks it (the token through lib.doctor.diagnosis)
and builds the exact join() options; `component_data` is everything the browser receives;
`read_outcome` and `explain_outcome` turn the frame's report into causes and fixes.
Only the token reaches the browser, never the secret; no value is written into HTML or a URL: the
settings travel as JSON data and structured postMessage data, and the frame sets text with textContent.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lib.builder.form import InputProblem
from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis
from lib.mistakes.catalogue import BUGS
from lib.zoom.facts import (
    MAX_PASSCODE_LENGTH,
    MAX_USER_NAME_LENGTH,
    ROLE_LABELS,
    WEB_SDK_CDN,
    WEB_SDK_LANGUAGES,
    WEB_SDK_NPM_BUNDLE,
    WEB_SDK_VERSION,
    ZOOM_ERRORS,
)
from lib.zoom.meeting_number import normalize_meeting_number

CHANNEL = "signature-lab/join"  # marks the frame's messages among all postMessage traffic
FRAME_FILE = "join-frame.html"  # in ./static, served at /app/static/ (server.enableStaticServing)
FRAME_HEIGHT = 640
HOST_JS = (Path(__file__).with_name("web") / "join_host.js").read_text(encoding="utf-8")
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class SdkSource:
    """Where the SDK comes from: Zoom's CDN folder for a version, or a self-hosted copy of the npm
    package's dist/ folder, which has the same layout except for the bundle's file name."""

    version: str
    base_url: str
    self_hosted: bool

    @property
    def scripts(self) -> tuple[str, ...]:
        """Loaded in this order: the embedded bundle expects React and ReactDOM as globals."""
        bundle = WEB_SDK_NPM_BUNDLE if self.self_hosted else f"zoom-meeting-embedded-{self.version}.min.js"
        return (
            f"{self.base_url}/lib/vendor/react.min.js",
            f"{self.base_url}/lib/vendor/react-dom.min.js",
            f"{self.base_url}/{bundle}",
        )

    @property
    def asset_path(self) -> str:
        """init()'s assetPath: the folder of the media workers and WebAssembly files."""
        return f"{self.base_url}/lib/av"


def _is_version(text):
    parts = text.split(".")
    return len(parts) == 3 and all(part.isdigit() and part.isascii() and len(part) <= 3 for part in parts)


def sdk_source(version: str, self_hosted_base: str = "") -> tuple[SdkSource | None, list[InputProblem]]:
    """The SDK's location, or problems saying why the version or base URL cannot be used."""
    version = version.strip()
    if not _is_version(version):
        message = f"The SDK version must look like {WEB_SDK_VERSION} (three numbers with dots)."
        return None, [InputProblem("sdk_version_invalid", "sdkVersion", "error", message)]
    base = self_hosted_base.strip().rstrip("/")
    if not base:
        return SdkSource(version, WEB_SDK_CDN.format(version=version), self_hosted=False), []
    parts = urlsplit(base)
    same_origin = base.startswith("/") and not base.startswith("//")
    if any(c.isspace() for c in base) or not (same_origin or (parts.scheme in ("http", "https") and parts.hostname)):
        message = (
            "The self-hosted base URL must be an http:// or https:// address (e.g. http://localhost:9000) or a "
            "path on this app's server (e.g. /app/static/zoom-sdk)."
        )
        return None, [InputProblem("sdk_base_invalid", "sdkBase", "error", message)]
    if parts.username or parts.password or parts.query or parts.fragment:
        message = "Give the self-hosted base URL without user name, password, ?query or #fragment."
        return None, [InputProblem("sdk_base_invalid", "sdkBase", "error", message)]
    problems = []
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        message = (
            "The SDK is served over plain http from another machine: a dashboard opened over https cannot load it "
            "(mixed content). Serve the SDK over https too."
        )
        problems.append(InputProblem("sdk_base_http", "sdkBase", "warning", message))
    return SdkSource(version, base, self_hosted=True), problems


@dataclass(frozen=True)
class JoinForm:
    """The join page's raw input. Tokens and the passcode stay out of any repr."""

    token: str = field(repr=False)
    meeting_number: str
    user_name: str
    passcode: str = field(default="", repr=False)
    user_email: str = ""
    role: int = 0
    zak: str = field(default="", repr=False)
    obf_token: str = field(default="", repr=False)
    registrant_token: str = field(default="", repr=False)
    sdk_version: str = WEB_SDK_VERSION
    self_hosted_base: str = ""
    language: str = "en-US"
    send_anyway: bool = False  # send a token with known mistakes to Zoom, to see its answer


@dataclass
class JoinPlan:
    """What the page will do: the exact join() options, or the reasons it will not call the SDK."""

    problems: list  # InputProblem about the form's fields
    diagnosis: Diagnosis  # the token's own checks
    sdk: SdkSource | None
    options: dict | None  # exactly what client.join() receives; None when blocked
    language: str = "en-US"

    @property
    def token_errors(self):
        return [finding for finding in self.diagnosis.findings if finding.severity == "error"]

    @property
    def blocked(self):
        return self.options is None


def plan_join(form: JoinForm, now: int) -> JoinPlan:
    """Check the form and the token before anything reaches Zoom; build join()'s options if nothing blocks.

    Form errors always block (the SDK would reject them itself); token errors block unless the user
    asks to send the token anyway, to see what Zoom answers.
    """
    problems = []
    meeting = normalize_meeting_number(form.meeting_number)
    if meeting.error:
        problems.append(InputProblem("mn_invalid", "meetingNumber", "error", meeting.error))
    elif meeting.note:
        problems.append(InputProblem("mn_normalized", "meetingNumber", "info", meeting.note))
    diagnosis = diagnose(form.token, meeting_number=meeting.digits, now=now, host=bool(form.zak.strip()))
    if not form.token.strip():
        message = "Paste a token, or sign one on the Signature builder page first."
        problems.append(InputProblem("token_missing", "signature", "error", message))
    problems += _check_people(form)
    problems += _check_role(form.role, diagnosis.payload)
    sdk, sdk_problems = sdk_source(form.sdk_version, form.self_hosted_base)
    problems += sdk_problems
    if form.language not in WEB_SDK_LANGUAGES:
        message = f"Choose one of the SDK's languages: {', '.join(WEB_SDK_LANGUAGES)}."
        problems.append(InputProblem("language_invalid", "language", "error", message))
    blocked = (
        any(p.severity == "error" for p in problems)
        or diagnosis.token is None
        or (not form.send_anyway and diagnosis.severity_count("error") > 0)
    )
    options = None if blocked else _join_options(form, diagnosis.token, meeting.digits)
    return JoinPlan(problems, diagnosis, sdk, options, form.language)


def _check_people(form):
    problems = []
    add = problems.append
    name = form.user_name.strip()
    if not name:
        add(InputProblem("name_missing", "userName", "error", "Enter a display name: the SDK refuses an empty one."))
    elif len(name) > MAX_USER_NAME_LENGTH:
        message = f"The display name has {len(name)} characters; Zoom accepts at most {MAX_USER_NAME_LENGTH}."
        add(InputProblem("name_too_long", "userName", "error", message))
    email = form.user_email.strip()
    if email and ("@" not in email.strip("@") or any(c.isspace() for c in email)):
        message = "The email does not look like an address (name@example.com); leave it empty if you have none."
        add(InputProblem("email_invalid", "userEmail", "error", message))
    if len(form.passcode.strip()) > MAX_PASSCODE_LENGTH:
        message = f"Meeting passcodes have at most {MAX_PASSCODE_LENGTH} characters: check what you pasted."
        add(InputProblem("passcode_too_long", "password", "warning", message))
    if form.passcode != form.passcode.strip():
        message = "Spaces around the passcode were removed: they were pasted with it."
        add(InputProblem("passcode_trimmed", "password", "info", message))
    if form.zak.strip() and form.obf_token.strip():
        message = "Give either the host's ZAK or an OBF token, not both: the SDK refuses the pair."
        add(InputProblem("zak_and_obf", "zak", "error", message))
    return problems


def _check_role(role, payload):
    """The role travels inside the token: the one chosen on the page must be the one that was signed."""
    if role not in ROLE_LABELS:
        return [InputProblem("role_invalid", "role", "error", "Choose role 0 (participant) or 1 (host).")]
    signed = payload.get("role") if isinstance(payload, dict) else None
    if signed in (0, 1, "0", "1") and int(signed) != role:
        message = (
            f"You chose {ROLE_LABELS[role]}, but the token was signed with role {signed!r}. The SDK takes the role "
            f"from the token: sign a new one with role {role}."
        )
        return [InputProblem("role_differs", "role", "error", message)]
    return []


def _join_options(form, token, meeting_number):
    """client.join()'s argument: lower-case `password`, no `sdkKey` (the SDK reads the key from the token)."""
    options = {
        "signature": token,
        "meetingNumber": meeting_number,
        "password": form.passcode.strip(),
        "userName": form.user_name.strip(),
    }
    optional = {
        "userEmail": form.user_email.strip(),
        "tk": form.registrant_token.strip(),
        "zak": form.zak.strip(),
        "obfToken": form.obf_token.strip(),
    }
    options.update({name: value for name, value in optional.items() if value})
    return options


def frame_url(base_url_path: str = "") -> str:
    """Where Streamlit serves the meeting frame, relative to the app's origin (server.baseUrlPath aware)."""
    prefix = "/".join(part for part in base_url_path.split("/") if part)
    return f"/{prefix + '/' if prefix else ''}app/static/{FRAME_FILE}"


def component_data(plan: JoinPlan, nonce: str, base_url_path: str = "") -> dict:
    """Everything the browser receives for a join: where the frame is, and the settings it is handed."""
    if plan.blocked:
        raise ValueError("a blocked plan is not sent to the browser")
    return {
        "frameUrl": frame_url(base_url_path),
        "nonce": nonce,
        "channel": CHANNEL,
        "height": FRAME_HEIGHT,
        "title": "Zoom meeting (Web SDK Component View)",
        "config": {
            "scripts": list(plan.sdk.scripts),
            "assetPath": plan.sdk.asset_path,
            "language": plan.language,
            "join": plan.options,
        },
    }


# --- What the frame reports -------------------------------------------------------------------

OUTCOME_STATUSES = ("frame_missing", "insecure_context", "load_failed", "joining", "joined", "failed")
_MAX_REPORTED_TEXT = 500


@dataclass(frozen=True)
class JoinOutcome:
    status: str  # one of OUTCOME_STATUSES
    error_code: int | None = None
    reason: str = ""
    error_type: str = ""
    detail: str = ""

    @property
    def final(self):
        return self.status != "joining"


def read_outcome(value, nonce: str) -> JoinOutcome | None:
    """The component's relayed message, if it belongs to this join attempt. It comes from the browser:
    anything malformed or from another attempt is ignored."""
    if not isinstance(value, dict) or value.get("nonce") != nonce or value.get("status") not in OUTCOME_STATUSES:
        return None
    code = value.get("errorCode")

    def text(name):
        item = value.get(name)
        return item[:_MAX_REPORTED_TEXT] if isinstance(item, str) else ""

    return JoinOutcome(
        status=value["status"],
        error_code=code if type(code) is int else None,
        reason=text("reason"),
        error_type=text("errorType"),
        detail=text("detail"),
    )


# --- Explaining it ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientError:
    """An error the SDK raises in the browser before asking Zoom, recognised by its text."""

    id: str
    error_type: str  # the JavaScript error's name, or "" for any
    text: str  # a part of its message, or "" for any
    causes: str
    fix: str
    bug_ids: tuple = ()  # lib.mistakes.catalogue.BUGS ids of the mistakes that make it


CLIENT_ERRORS = (
    ClientError(
        "token_without_dots",
        "TypeError",
        "reading 'replace'",
        "The SDK splits the signature at its dots and decodes the second part; this signature has no second "
        "part. It is a bare HMAC (the forum snippet returns only the signature segment) or the pre-2022 format.",
        "Return the whole token header.payload.signature, signed as the official sample does.",
        ("mac_only", "legacy_format"),
    ),
    ClientError(
        "token_without_app_key",
        "",
        "appKey can not empty",
        "The token's payload has neither appKey nor sdkKey: the SDK cannot tell which app signed it.",
        "Put your Meeting SDK Client ID in the appKey claim (required since Web SDK 5.0.0).",
    ),
    ClientError(
        "payload_not_utf8",
        "URIError",
        "",
        "The payload segment decodes to bytes that are not UTF-8, as btoa() makes of characters U+0080–U+00FF.",
        "Encode header and payload as base64url of the UTF-8 JSON (not btoa).",
        ("standard_base64_segments",),
    ),
    ClientError(
        "payload_not_base64",
        "",
        "atob",
        "The payload segment is not base64 at all: it was cut, or something else was pasted.",
        "Paste the complete token your signature endpoint returns.",
    ),
    ClientError(
        "payload_not_json",
        "SyntaxError",
        "",
        "The payload segment decodes, but not to JSON.",
        "Sign JSON.stringify(payload) of an object with appKey, mn, role, iat, exp and tokenExp.",
    ),
    ClientError(
        "zak_and_obf",
        "",
        "mutually exclusive",
        "Both a ZAK and an OBF token were passed to join().",
        "Pass only one of them.",
    ),
)


@dataclass(frozen=True)
class Explanation:
    severity: str  # "success" | "info" | "warning" | "error"
    headline: str
    causes: str = ""
    fix: str = ""
    bugs: tuple = ()  # lib.mistakes.catalogue.Bug entries of the known mistakes that cause it
    zoom_message: str = ""  # Zoom's own words for the code, when known
    inspect_token: bool = False  # the token itself is the likely culprit: worth opening in the Token doctor


_INSECURE_CONTEXT_FIX = (
    "Open the dashboard as http://localhost:8501 on the machine that runs it, or serve it over HTTPS "
    "(a reverse proxy with a certificate, or streamlit's --server.sslCertFile and --server.sslKeyFile)."
)


def explain_outcome(outcome: JoinOutcome, sdk: SdkSource | None = None) -> Explanation:
    """What happened, why, and what to do, in the app's own words."""
    if outcome.status == "joined":
        return Explanation("success", "Joined: Zoom accepted the signature. The meeting runs in the frame below.")
    if outcome.status == "joining":
        return Explanation("info", "Joining: the Web SDK is asking Zoom…")
    if outcome.status == "frame_missing":
        return Explanation(
            "error",
            f"The meeting frame page was not found at {outcome.detail}.",
            causes="Streamlit serves it from ./static only when static file serving is on.",
            fix="Set enableStaticServing = true in the [server] table of .streamlit/config.toml (the project's "
            "config does) and restart the app from the project's folder.",
        )
    if outcome.status == "insecure_context":
        return Explanation(
            "warning",
            "This page is not a secure context, so the browser hides camera and microphone "
            "(navigator.mediaDevices is undefined) and the SDK was not started.",
            causes="The dashboard was opened over plain HTTP on an address other than localhost.",
            fix=_INSECURE_CONTEXT_FIX,
        )
    if outcome.status == "load_failed":
        where = "your self-hosted copy" if sdk and sdk.self_hosted else "Zoom's CDN (source.zoom.us)"
        return Explanation(
            "error",
            f"The Web SDK could not be loaded from {where}: {outcome.detail}",
            causes="The version does not exist there, the network blocks it, or the self-hosted folder lacks the file.",
            fix="Check the version, or serve the SDK yourself from the npm package (docs/self-hosting-sdk.md) "
            "and enter that folder's URL as the self-hosted base URL.",
        )
    if outcome.error_code is not None:
        return _explain_code(outcome)
    return _explain_client_error(outcome)


def bugs_answered_with(code: int) -> tuple:
    """The catalogue's mistakes that Zoom answers with this error code, in catalogue order."""
    return tuple(bug for bug in BUGS.values() if bug.zoom_error == code)


def _explain_code(outcome):
    code = outcome.error_code
    known = ZOOM_ERRORS.get(code)
    message, causes = (known.message, known.causes) if known else ("", "")
    bugs = bugs_answered_with(code)
    fix = _CODE_FIXES.get(code, "")
    if not message and 3000 <= code < 4000:
        causes = "a meeting-level refusal: the meeting, its settings or the host's account, not the signature"
        fix = "Check the meeting number, that the meeting has started, and its passcode and registration settings."
    elif not message:
        causes = "not a code this app knows"
        fix = "Look the code up in Zoom's Web SDK error code list."
    return Explanation(
        "error",
        f"Zoom refused the join with error {code}: {outcome.reason or message}",
        causes=f"Usual causes: {causes}." if causes else "",
        fix=fix,
        bugs=bugs,
        zoom_message=message,
        inspect_token=bool(bugs),
    )


_CODE_FIXES = {
    3712: "Open the token in the Token doctor: it checks the encoding and claims, and with your secret it names "
    "the exact signing mistake. Also check the credentials are a General app's Client ID and Secret with "
    "Meeting SDK switched on.",
    3705: "Sign a fresh token right before joining; never reuse a cached one past its exp.",
    3706: "Sign mn with exactly the digits of the meeting you join, without spaces or dashes.",
    3704: "Use the Client ID of a General app with Features → Embed → Meeting SDK switched on as appKey.",
    3708: "Sign role as the number 0 to join or 1 to start as host; nothing else.",
    4011: "Join meetings of the app's own account, or publish the app on the Zoom Marketplace (an unlisted app "
    "reviewed by Zoom also counts).",
    4012: "For meetings outside the app's account, pass the host's ZAK or an OBF token.",
    4013: "Meeting raw data with a privilege token needs an OBF token too: request one authorised by the meeting's "
    "host (GET /users/{userId}/token?type=onbehalf) and pass it to join() as obfToken.",
    4014: "Request a new OBF token for this user and meeting.",
    4015: "Request the OBF token for this meeting's number.",
    4016: "Request a new privilege token: the one given is invalid or has expired.",
    3610: "Check the meeting number, and that the meeting still exists.",
    3001: "Check the meeting number, and that the meeting still exists.",
    3004: "Type the meeting's passcode as the host shared it.",
    3008: "Wait for the host to start the meeting, or enable join before host.",
    200: "Read the reason text that came with it; open the frame's developer console for details.",
    1: "Read the reason text that came with it; open the frame's developer console for details.",
    -3000: "Check that this browser can reach zoom.us (proxy, firewall, VPN).",
}


def _explain_client_error(outcome):
    for known in CLIENT_ERRORS:
        if (not known.error_type or known.error_type == outcome.error_type) and known.text in outcome.reason:
            return Explanation(
                "error",
                f"The Web SDK refused the token in the browser, before asking Zoom: {outcome.reason}",
                causes=known.causes,
                fix=known.fix,
                bugs=tuple(BUGS[bug_id] for bug_id in known.bug_ids),
                inspect_token=True,
            )
    name = f"{outcome.error_type}: " if outcome.error_type else ""
    return Explanation(
        "error",
        f"The Web SDK failed in the browser: {name}{outcome.reason}",
        causes="An error this app does not know.",
        fix="Open the browser's developer console in the frame for details.",
    )
