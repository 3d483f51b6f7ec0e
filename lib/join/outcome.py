"""What the join frame reports back, and Zoom's answer explained: what happened, why, and what to do.

The frame's message comes from the browser, so `read_outcome` trusts nothing in it; `explain_outcome`
reads Zoom's error codes from the one table (lib.zoom.facts.ZOOM_ERRORS) and names the catalogue's
mistakes that cause them.
"""

from dataclasses import dataclass

from lib.join.sdk_source import SdkSource
from lib.mistakes.catalogue import BUGS
from lib.zoom.facts import ZOOM_ERRORS

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
    message, causes, fix = (known.message, known.causes, known.fix) if known else ("", "", "")
    bugs = bugs_answered_with(code)
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
