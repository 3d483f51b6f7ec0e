"""The endpoint tester's finding codes: public like the Token doctor's (add, never rename).

One table: each code's title, severity, message (a str.format template filled from the finding's
evidence) and fix. The messages name what the probe saw; the fixes say what to change in the endpoint,
in the terms of Zoom's official sample (Node, express, cors, jsrsasign).
"""

from dataclasses import dataclass

from lib.doctor.findings import FINDING_CODES
from lib.zoom.facts import UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.rules import RULES


@dataclass(frozen=True)
class EndpointCode:
    title: str
    severity: str  # "error" | "warning" | "info"
    message: str
    fix: str


ENDPOINT_CODES = {
    "endpoint_bad_url": EndpointCode(
        "Not a usable URL",
        "error",
        "The endpoint URL is not usable: {reason}",
        "Give the endpoint's full address, e.g. http://localhost:4000 for the official sample.",
    ),
    "endpoint_not_allowed": EndpointCode(
        "Address not allowed",
        "error",
        "The probe did not call it: {reason}",
        "Run the probe on the machine where your endpoint runs (it may call localhost), or ask the operator to "
        "add the host to SIGNATURE_LAB_PROBE_HOSTS or to allowed_hosts in [endpoint_probe] of secrets.toml.",
    ),
    "endpoint_unreachable": EndpointCode(
        "No connection",
        "error",
        "No connection to the endpoint: {reason}. The rest of the matrix was skipped.",
        "Start the endpoint (the official sample: `npm start`, port 4000) and check the host, port and "
        "http/https of the URL.",
    ),
    "endpoint_timeout": EndpointCode(
        "No answer in time",
        "error",
        "{case}: no complete answer within {timeout} s; the requests after it were skipped.",
        "Answer the signature request at once: signing takes microseconds. Look for a blocking call, an "
        "unanswered promise, or a handler that never calls res.json().",
    ),
    "endpoint_bad_http": EndpointCode(
        "Not HTTP",
        "error",
        "{case}: the answer is not valid HTTP ({reason}).",
        "Check the scheme: an https:// server called with http:// (or the reverse) answers garbage.",
    ),
    "endpoint_answer_too_large": EndpointCode(
        "Answer too large",
        "error",
        "{case}: the answer is larger than {max_bytes} bytes; the probe read no further.",
        "Answer only {{signature, sdkKey}}: a few hundred bytes.",
    ),
    "endpoint_redirects": EndpointCode(
        "Redirect",
        "error",
        "{case}: HTTP {status} redirecting to `{location}`. The probe never follows redirects; a browser turns "
        "a 301/302 POST into a GET without the body, and needs CORS on every hop.",
        "Give the app the final URL of the endpoint, and have the endpoint answer there directly.",
    ),
    "endpoint_server_error": EndpointCode(
        "Server error",
        "error",
        "{case}: HTTP {status}, a crash instead of an answer.",
        "Validate the request and answer HTTP 400 {{errors: [...]}} for bad input instead of crashing; convert a "
        "string role or expirationSeconds with parseInt before using it, as the official sample does.",
    ),
    "endpoint_rejects_valid": EndpointCode(
        "Valid request refused",
        "error",
        "{case}: HTTP {status} to a request the official sample signs.",
        "Accept {{meetingNumber, role}} with role 0 or 1 (number or string), and optional expirationSeconds "
        "(1800 to 172800) and videoWebRtcMode (0 or 1) in a JSON body.",
    ),
    "endpoint_not_json": EndpointCode(
        "Answer is not JSON",
        "error",
        "{case}: the answer ({content_type}) is not a JSON object; the app's response.json() fails on it.",
        "Answer with res.json({{signature, sdkKey}}), and JSON for errors too (HTTP 400 {{errors: [...]}}).",
    ),
    "endpoint_no_signature": EndpointCode(
        "No signature field",
        "error",
        "{case}: the JSON answer has no `signature` string (fields: {fields}).",
        "Answer {{signature: <the JWT>, sdkKey}} as the official sample does; the Web SDK app reads .signature.",
    ),
    "endpoint_bad_token": EndpointCode(
        "Token has errors",
        "error",
        "{case}: the Token doctor finds errors in the signature it returned: {codes}.",
        "{doctor_fix}",
    ),
    "endpoint_token_warning": EndpointCode(
        "Token has warnings",
        "warning",
        "{case}: the Token doctor warns about the signature it returned: {codes}. The official sample's tokens "
        "have no warning.",
        "{doctor_fix}",
    ),
    "endpoint_ignores_role": EndpointCode(
        "Role of the request ignored",
        "error",
        "{case}: asked for role {requested}, the token has role {signed}. The app then joins with a role it did not "
        "ask for: a host who joins as a participant, or a participant who gets the host's role.",
        "Sign role from the request body (after parseInt), not a constant: oPayload.role = req.body.role.",
    ),
    "endpoint_ignores_meeting_number": EndpointCode(
        "Meeting number of the request ignored",
        "error",
        "{case}: asked for meeting {requested}, the token has mn {signed}; at join() {zoom_answer}.",
        "Sign mn from the request body: oPayload.mn = req.body.meetingNumber.",
    ),
    "endpoint_ignores_expiration": EndpointCode(
        "expirationSeconds ignored",
        "warning",
        "{case}: asked for expirationSeconds {requested}, the token lives {signed} s (exp − iat).",
        "Use exp = iat + expirationSeconds when the request has it (iat + 7200 otherwise), and tokenExp = exp.",
    ),
    "endpoint_ignores_webrtc_mode": EndpointCode(
        "videoWebRtcMode ignored",
        "warning",
        "{case}: asked for videoWebRtcMode 1, the token has video_webrtc_mode {signed}.",
        "Copy videoWebRtcMode from the request into the claim video_webrtc_mode, as the sample does since 2025-04.",
    ),
    "endpoint_caches_signature": EndpointCode(
        "Cached signature",
        "error",
        "{case}: a second later, the same token came back as for {other}: the endpoint caches a signature instead "
        "of signing each request, so its iat and exp age and every caller gets the first caller's role and meeting.",
        "Sign a new token for every request; never cache signatures on the server or in the app.",
    ),
    "endpoint_ignores_session_name": EndpointCode(
        "Session name of the request ignored",
        "error",
        "{case}: asked for session {requested}, the token has tpc {signed}. The Video SDK joins the session the "
        "token names only: a join() with the session name asked for is refused.",
        "Sign tpc from the request body: oPayload.tpc = req.body.sessionName (as zoom/videosdk-auth-endpoint-sample).",
    ),
    "endpoint_native_token_not_native": EndpointCode(
        "Native request signed with mn or role",
        "warning",
        "{case}: asked with neither meetingNumber nor role (a native SDK's token), the token has {claims}. Zoom's "
        "sample then signs a native token, without them.",
        "Sign mn and role only when the request has them: the sample's payload takes them from the body as given "
        "(JSON.stringify leaves out the undefined ones).",
    ),
    "endpoint_stale_iat": EndpointCode(
        "iat older than the request",
        "warning",
        "{case}: iat is {seconds} s before the request was sent. Some endpoints set iat a few minutes back on "
        "purpose, so that a server clock ahead of Zoom's never makes a token look issued in the future: developers "
        "on Zoom's forum (thread 82045) backdate it by 120 to 400 s, and Zoom accepts such tokens. If this "
        "endpoint does not, the token was signed before the request (a cache) or its clock runs late.",
        "If the backdating is on purpose, keep it to a few minutes and exp − iat between 1800 and 172800 s "
        "(the sample signs iat = now today and used now − 30 s until 2023-12). Otherwise set iat = "
        "Math.floor(Date.now() / 1000) when signing, and sync the server clock (NTP).",
    ),
    "endpoint_accepts_invalid": EndpointCode(
        "Invalid request signed",
        "error",
        "{case}: HTTP {status} with a signature for a request the official sample refuses; the bad token fails "
        "later, at join() ({why}).",
        "Validate the request as the sample does: meetingNumber and role together, role 0 or 1, expirationSeconds "
        "1800 to 172800, a JSON body; answer HTTP 400 {{errors: [...]}} otherwise.",
    ),
    "endpoint_keeps_meeting_number_text": EndpointCode(
        "Meeting number signed as typed",
        "info",
        "{case}: the meeting number with spaces was signed as it came (mn {signed}); at join() {zoom_answer}. "
        "The official sample does the same: it is the app's job to send digits only.",
        "Send meetingNumber as digits only from the app (or strip non-digits in the endpoint before signing).",
    ),
    "endpoint_leaks_secret": EndpointCode(
        "Answer carries a secret",
        "error",
        "{case}: the answer carries {what}. Anyone who can call the endpoint now has it.",
        "Answer only {{signature, sdkKey}}, and rotate the Client Secret in the Zoom App Marketplace: treat "
        "it as public since the endpoint sent it.",
    ),
    "endpoint_no_cors": EndpointCode(
        "No CORS header",
        "error",
        "{case}: no Access-Control-Allow-Origin header for the origin {origin}; a browser app on another origin "
        "never sees the answer (fetch fails with a CORS error, a TypeError).",
        "Enable CORS as the sample does: app.use(cors()) and app.options('*', cors()) (or allow your app's origin).",
    ),
    "endpoint_cors_wrong_origin": EndpointCode(
        "CORS allows another origin",
        "error",
        "{case}: Access-Control-Allow-Origin is `{allowed}`, not `{origin}` or `*`; the browser blocks the answer.",
        "Allow the origin your web app is served from (cors({{origin: 'https://your.app'}})) or every origin.",
    ),
    "endpoint_preflight_fails": EndpointCode(
        "CORS preflight refused",
        "error",
        "{case}: the OPTIONS preflight answered HTTP {status}; the browser never sends the POST.",
        "Answer OPTIONS with 204 and the CORS headers: app.options('*', cors()).",
    ),
    "endpoint_preflight_blocks_request": EndpointCode(
        "Preflight forbids the request",
        "error",
        "{case}: the preflight does not allow {what}; the browser never sends the JSON POST.",
        "Allow method POST and header Content-Type in the preflight (cors() does by default).",
    ),
}


def zoom_answer(finding_code: str) -> str:
    """What Zoom answers to a token with the Token doctor's finding `finding_code`, as the rule book says (the
    doctor's table for its own codes, such as mn_mismatch): an error code only where the fact base has one."""
    rule = RULES.get(finding_code)
    code = rule.zoom_error if rule else FINDING_CODES[finding_code].zoom_error
    return ZOOM_ERRORS[code].answer if code is not None else UNDOCUMENTED_ERROR
