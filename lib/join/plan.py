"""Joining a meeting from the dashboard with the Web SDK's Component View: the checks before the join.

The SDK runs in a frame of its own: static/join-frame.html, which Streamlit serves at
/app/static/join-frame.html, so the frame has a real URL of the app's origin (the SDK reports
location.origin to Zoom and uses it for its sign-in popups; a srcdoc frame would give "null").
A small Streamlit v2 component (web/join_host.js) mounts the frame, hands it the join settings by
postMessage and relays the frame's outcome back to Python as its state.

The page reads its form into a JoinForm; `plan_join` checks it (the token through lib.doctor.diagnosis,
the SDK's location through lib.join.sdk_source) and builds the exact join() options; `component_data` is
everything the browser receives. lib.join.outcome reads and explains what the frame reports back.
Only the token reaches the browser, never the secret; no value is written into HTML or a URL: the
settings travel as JSON data and structured postMessage data, and the frame sets text with textContent.
"""

from dataclasses import dataclass, field
from pathlib import Path

from lib.builder.form import InputProblem
from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis
from lib.join.sdk_source import SdkSource, sdk_source
from lib.zoom.facts import (
    MAX_PASSCODE_LENGTH,
    MAX_USER_NAME_LENGTH,
    ROLE_LABELS,
    WEB_SDK_LANGUAGES,
    WEB_SDK_VERSION,
)
from lib.zoom.meeting_number import normalize_meeting_number

WEB_SDK = "web"  # the only SDK this page joins with (lib.zoom.families.SDK_FAMILIES)
OTHER_KIND = "wrong_token_kind"  # the doctor's code for a token the Meeting SDK for web does not take at all
CHANNEL = "signature-lab/join"  # marks the frame's messages among all postMessage traffic
FRAME_FILE = "join-frame.html"  # in ./static, served at /app/static/ (server.enableStaticServing)
FRAME_HEIGHT = 640
HOST_JS = (Path(__file__).with_name("web") / "join_host.js").read_text(encoding="utf-8")


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

    @property
    def other_kind(self):
        """The finding that the token is of another kind than a Meeting SDK signature (a Video SDK token, an
        OAuth access token, a ZAK, ...), or None. Such a token is never sent, not even anyway."""
        return other_kind(self.diagnosis)


def other_kind(diagnosis: Diagnosis):
    """The doctor's finding that the token is not a Meeting SDK signature at all, or None."""
    return next((finding for finding in diagnosis.findings if finding.code == OTHER_KIND), None)


def plan_join(form: JoinForm, now: int) -> JoinPlan:
    """Check the form and the token before anything reaches Zoom; build join()'s options if nothing blocks.

    Form errors always block (the SDK would reject them itself); token errors block unless the user
    asks to send the token anyway, to see what Zoom answers. A token of another kind always blocks: it cannot
    join a meeting, so Zoom's answer teaches nothing, and some (OAuth access tokens, ZAKs) are credentials that
    must not reach the browser. A native Meeting SDK token is a Meeting SDK signature lacking mn and role, which
    the Web SDK needs: errors like any other, sent only anyway.
    """
    problems = []
    meeting = normalize_meeting_number(form.meeting_number)
    if meeting.error:
        problems.append(InputProblem("mn_invalid", "meetingNumber", "error", meeting.error))
    elif meeting.note:
        problems.append(InputProblem("mn_normalized", "meetingNumber", "info", meeting.note))
    # judged as the Meeting SDK for web's token: a Video SDK token is wrong_token_kind, a native one lacks mn and role
    host = bool(form.zak.strip())
    diagnosis = diagnose(form.token, meeting_number=meeting.digits, now=now, host=host, sdk=WEB_SDK)
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
        or other_kind(diagnosis) is not None
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
