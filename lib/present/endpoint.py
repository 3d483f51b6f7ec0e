"""The endpoint tester's page, without Streamlit: which contract to probe (Zoom's Meeting SDK or Video SDK auth
endpoint sample), the settings a run takes, and what the Meeting SDK contract's native request showed."""

from lib.endpoint.probe import DEFAULT_ORIGIN, ProbeSettings, checked_session_name, meeting_digits, web_origin
from lib.endpoint.report import SHOWN_CLAIMS
from lib.present.display import markdown_text
from lib.zoom.families import FAMILIES, MEETING_NATIVE

# The `sdk` of each contract: the Meeting SDK sample's (its matrix also asks for a native token), the Video SDK's.
ENDPOINT_KINDS = {
    "web": "Meeting SDK endpoint (zoom/meetingsdk-auth-endpoint-sample)",
    "video": "Video SDK endpoint (zoom/videosdk-auth-endpoint-sample)",
}
REQUESTS = {
    "web": "POSTs `{meetingNumber, role}` to your own auth endpoint and joins with the `signature` it answers",
    "video": "POSTs `{sessionName, role}` to your own auth endpoint and joins the session with the `signature` "
    "it answers",
}
NATIVE_CASE = "native"  # lib.endpoint.probe.contract_matrix: neither meetingNumber nor role


def probe_settings(allowed, *, sdk, meeting_number, session_name, origin, sdk_key, sdk_secret) -> ProbeSettings:
    """The run's settings from the form; ValueError says which field to fix (the meeting number of a Meeting SDK
    endpoint, the session name of a Video SDK one, the origin)."""
    changes = dict(sdk_key=sdk_key, sdk_secret=sdk_secret, sdk=sdk, origin=web_origin(origin or DEFAULT_ORIGIN))
    if sdk == "video":
        changes["session_name"] = checked_session_name(session_name.strip())
    else:
        changes["meeting_number"] = meeting_digits(meeting_number)
    return ProbeSettings(allowed, **changes)


def native_request_note(result) -> tuple[str, str] | None:
    """(Streamlit box, Markdown) about the Meeting SDK contract's request with neither meetingNumber nor role:
    did the endpoint sign a native token (no mn, no role), as Zoom's sample does? None for a Video SDK probe."""
    checked = next((c for c in result.cases if c.case.id == NATIVE_CASE and c.case.family == MEETING_NATIVE), None)
    if checked is None:
        return None
    asked = "**The native request** (neither meetingNumber nor role, what an app of the "
    asked += f"{FAMILIES[MEETING_NATIVE].title} asks for)"
    if checked.answer is None:
        return "info", f"{asked} was not sent: the matrix stopped before it."
    payload = checked.diagnosis.payload if checked.diagnosis else None
    claims = ", ".join(f"`{name}`" for name in SHOWN_CLAIMS if isinstance(payload, dict) and name in payload)
    if checked.verdict == "ok" and isinstance(payload, dict):
        return "success", f"{asked} got a native token, as Zoom's sample signs it: {claims}, without mn and role."
    found = "; ".join(markdown_text(f.title) for f in checked.findings) or "no token"
    status = checked.answer.status or checked.answer.error
    return ("error" if checked.verdict == "error" else "warning"), f"{asked} got {status}: {found}."
