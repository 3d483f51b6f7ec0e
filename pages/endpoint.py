"""Test your endpoint: call the developer's own signature endpoint as a Web SDK app does, run the
contract matrix of Zoom's sample against it, and say what is wrong with each answer and how to fix it."""

import os
import time

import streamlit as st

from lib import widget_keys
from lib.builder.credentials import verifying_credentials
from lib.endpoint.browser import FETCH_JS, browser_request, explain_outcome
from lib.endpoint.probe import DEFAULT_ORIGIN, DEFAULT_SESSION_NAME, DEFAULT_URL, ProbeSettings, probe
from lib.endpoint.report import matrix_rows, probe_outputs, verdict_level
from lib.endpoint.safety import SECRETS_TABLE, allow_list_note, server_allow_list
from lib.present.cards import finding_markdown
from lib.present.display import markdown_text
from lib.present.endpoint import ENDPOINT_KINDS, REQUESTS, native_request_note, probe_settings
from lib.present.tables import markdown_table
from lib.zoom.facts import DEMO_MEETING_NUMBER
from ui.credentials import KeptSecret, configured_table, configured_zoom_credentials
from ui.findings import finding_card
from ui.progress import progress_bar
from ui.source import lazy_expander
from ui.verdict import verdict_box

KEYS = widget_keys.ENDPOINT
fetch_from_browser = st.components.v2.component("signature_lab.endpoint_fetch", js=FETCH_JS)
secret = KeptSecret(KEYS["sdk_secret"], KEYS["kept_secret"], KEYS["typed_now"])

st.title("Test your endpoint")
sdk = st.radio("Which endpoint?", list(ENDPOINT_KINDS), format_func=ENDPOINT_KINDS.get, key=KEYS["sdk"])
st.caption(
    f"Your app never signs: it {REQUESTS[sdk]}. This page sends that endpoint the requests of Zoom's official "
    "sample's contract — good ones, odd ones and wrong ones — and checks every answer: status, CORS, JSON shape, "
    "and the token itself through the Token doctor with the request as context. No secret is sent to the endpoint."
)

try:
    allowed = server_allow_list(os.environ, configured_table(SECRETS_TABLE), st.get_option("server.address"))
except ValueError as exc:
    st.error(f"The server's list of allowed hosts is wrong, so the probe is off: {exc}")
    st.stop()
level, note = allow_list_note(allowed)
getattr(st, level)(note)

configured = configured_zoom_credentials()
with st.form(KEYS["form"]):
    url = st.text_input("Endpoint URL", value=DEFAULT_URL, key=KEYS["url"], help="The sample listens on port 4000.")
    left, right = st.columns(2)
    origin = left.text_input(
        "Your web app's origin (sent as Origin)",
        value=DEFAULT_ORIGIN,
        key=KEYS["origin"],
        help="CORS is checked for this origin; the default is the Web SDK sample app's address.",
    )
    meeting_number = session_name = ""
    if sdk == "video":
        session_name = right.text_input("Session name to ask for", DEFAULT_SESSION_NAME, key=KEYS["session_name"])
    else:
        meeting_number = right.text_input("Meeting number to ask for", DEMO_MEETING_NUMBER, key=KEYS["meeting_number"])
    left, right = st.columns(2)
    sdk_key = left.text_input("SDK key / Client ID (optional: checks appKey)", key=KEYS["sdk_key"])
    secret.field(
        "SDK secret (optional: verifies the tokens)",
        "Used on this server to verify the answers; never sent to the endpoint nor back to your browser.",
        right,
    )
    use_configured = configured is not None and st.checkbox(
        f"Verify with the credentials configured on the server ({configured.source}): secret {configured.fingerprint}",
        key=KEYS["use_configured"],
    )
    submitted = st.form_submit_button(
        "Run the contract matrix", type="primary", key=KEYS["run"], on_click=secret.keep_typed
    )

secret.forget_button(KEYS["forget_secret"])

if submitted:
    verifying, verifying_key = verifying_credentials(
        secret.take_typed(), secret.kept, sdk_key, use_configured, configured
    )
    try:
        asked = dict(sdk=sdk, meeting_number=meeting_number, session_name=session_name, origin=origin)
        settings = probe_settings(allowed, sdk_key=verifying_key, sdk_secret=verifying, **asked)
    except ValueError as exc:
        st.error(markdown_text(str(exc)))
        st.session_state.pop(KEYS["result"], None)
    else:
        with progress_bar("Calling the endpoint…", "{done} of {total}: {item.title}", KEYS["progress"]) as progress:
            result = probe(url, settings, progress.step)
        st.session_state[KEYS["result"]] = probe_outputs(
            result, int(time.time()), secret=verifying, sdk_key=verifying_key
        )

shown = st.session_state.get(KEYS["result"])
if shown:
    result = shown["result"]
    verdict_box(verdict_level(result), markdown_text(result.verdict), KEYS["verdict"])
    with st.container(key=KEYS["browser"]):
        st.header("From your browser")
        st.caption(
            "Your browser sends the main request itself, from this page's origin, as the Web SDK app does: only "
            "the browser shows whether CORS lets the app read the answer. It reaches what your machine reaches "
            "(your own localhost too), and only the status comes back here."
        )
        request = browser_request(result.url, result.cases[0].case, ProbeSettings(allowed).timeout)
        st.button(
            "Send the main request from my browser",
            key=KEYS["from_browser"],
            disabled=request is None,
            on_click=lambda: shown.update(browser=request),
        )
        if shown["browser"]:
            state = fetch_from_browser(key=KEYS["fetch"], data=shown["browser"], on_outcome_change=lambda: None)
            level, text = explain_outcome(state.get("outcome"), shown["browser"]["nonce"])
            getattr(st, level)(text)
    with st.container(key=KEYS["matrix"]):
        st.header("The matrix")
        st.table(markdown_table(matrix_rows(result)), hide_index=True)
    if native := native_request_note(result):
        getattr(st.container(key=KEYS["native"]), native[0])(native[1])
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
        for finding in result.findings:
            note = f"Seen in: {', '.join(finding.cases)}" if finding.cases else None
            text = finding_markdown(finding.title, finding.message, code=finding.code, fix=finding.fix, notes=[note])
            finding_card(text, finding.severity)
        if not result.findings:
            st.success("Nothing to fix: every answer is what the official sample answers.")
    answers = lazy_expander("The raw answers (untrusted text, shown as text, secrets removed)", KEYS["answers"])
    if answers is not None:  # drawn only when opened
        for heading, text in shown["answers"]:
            answers.markdown(heading)
            answers.code(text, language=None, wrap_lines=True)
    st.header("Share it safely")
    st.caption("The reports leave out the tokens, the answers and the secret, and mask the SDK key.")
    downloads = (
        ("Download the report (Markdown)", shown["markdown"], "endpoint-probe.md", "text/markdown", "report_markdown"),
        ("Download the result (JSON)", shown["json"], "endpoint-probe.json", "application/json", "report_json"),
    )
    for column, (label, data, file_name, mime, key) in zip(st.columns(2), downloads, strict=True):
        column.download_button(label, data=data, file_name=file_name, mime=mime, key=KEYS[key])
