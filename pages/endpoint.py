"""Test your endpoint: call the developer's own signature endpoint as a Web SDK app does, run the
contract matrix of Zoom's sample against it, and say what is wrong with each answer and how to fix it."""

import json
import os
import time

import pandas as pd
import streamlit as st

from lib import widget_keys
from lib.builder.credentials import configured_credentials, take_typed_secret
from lib.endpoint.browser import FETCH_JS, browser_request, explain_outcome
from lib.endpoint.probe import (
    DEFAULT_ORIGIN,
    DEFAULT_URL,
    ProbeSettings,
    meeting_digits,
    probe,
    redact_answer,
    web_origin,
)
from lib.endpoint.report import markdown_report, matrix_rows, result_as_dict
from lib.endpoint.safety import ENV_ALLOWED_HOSTS, SECRETS_KEY, SECRETS_TABLE, server_allow_list
from lib.present.display import escape_markdown, markdown_text
from lib.signing.encoding import secret_fingerprint
from lib.zoom.facts import DEMO_MEETING_NUMBER

KEYS = widget_keys.ENDPOINT
KEPT_SECRET = "endpoint_kept_secret"  # server-side only: the secret typed in an earlier run
TYPED_NOW = "endpoint_typed_now"
RESULT = "endpoint_result"
fetch_from_browser = st.components.v2.component("signature_lab.endpoint_fetch", js=FETCH_JS)


def keep_typed_secret():
    st.session_state[TYPED_NOW] = take_typed_secret(st.session_state, KEYS["sdk_secret"], KEPT_SECRET)


def forget_secret():
    st.session_state.pop(KEPT_SECRET, None)


def secrets_table(name):
    try:
        return st.secrets.get(name)
    except Exception:  # no secrets.toml at all: Streamlit raises instead of returning None
        return None


st.title("Test your endpoint")
st.caption(
    "Your Web SDK app never signs: it POSTs `{meetingNumber, role}` to your own auth endpoint and joins with "
    "the `signature` it answers. This page sends that endpoint the requests of Zoom's official sample's "
    "contract — good ones, odd ones and wrong ones — and checks every answer: status, CORS, JSON shape, and "
    "the token itself through the Token doctor with the request as context. No secret is sent to the endpoint."
)

try:
    allowed = server_allow_list(os.environ, secrets_table(SECRETS_TABLE), st.get_option("server.address"))
except ValueError as exc:
    st.error(f"The server's list of allowed hosts is wrong, so the probe is off: {exc}")
    st.stop()
if allowed.entries:
    st.caption(
        f"This server calls only: `{allowed.describe()}` ({allowed.source}). A shared server must not become a "
        f"way into its own network, so other hosts need the operator: `{ENV_ALLOWED_HOSTS}` or `{SECRETS_KEY}` "
        f"in `[{SECRETS_TABLE}]` of secrets.toml. Your browser's own request (below) reaches what your machine "
        "reaches."
    )
else:
    st.warning(
        f"The server-side probe is off ({allowed.source}): on a shared server it would let anyone here make "
        "this server call its own services. To test a training endpoint from this server, the operator lists "
        f"that endpoint alone: `{ENV_ALLOWED_HOSTS}=localhost:4000` in the server's environment, or "
        f'`{SECRETS_KEY} = ["localhost:4000"]` in `[{SECRETS_TABLE}]` of `.streamlit/secrets.toml`. Meanwhile '
        "run the matrix anyway: this server sends nothing, and your browser can send the main request itself "
        "(it reaches what your machine reaches, your own localhost too)."
    )

configured = configured_credentials(os.environ, secrets_table("zoom"))
kept = st.session_state.get(KEPT_SECRET)
with st.form(KEYS["form"]):
    url = st.text_input("Endpoint URL", value=DEFAULT_URL, key=KEYS["url"], help="The sample listens on port 4000.")
    left, right = st.columns(2)
    origin = left.text_input(
        "Your web app's origin (sent as Origin)",
        value=DEFAULT_ORIGIN,
        key=KEYS["origin"],
        help="CORS is checked for this origin; the default is the Web SDK sample app's address.",
    )
    meeting_number = right.text_input(
        "Meeting number to ask for", value=DEMO_MEETING_NUMBER, key=KEYS["meeting_number"]
    )
    left, right = st.columns(2)
    sdk_key = left.text_input("SDK key / Client ID (optional: checks appKey)", key=KEYS["sdk_key"])
    right.text_input(
        "SDK secret (optional: verifies the tokens)",
        type="password",
        key=KEYS["sdk_secret"],
        placeholder=f"kept on the server: {secret_fingerprint(kept)}" if kept else "not given",
        help="Used on this server to verify the answers; never sent to the endpoint nor back to your browser.",
    )
    use_configured = (
        st.checkbox(
            f"Verify with the credentials configured on the server ({configured.source}): secret "
            f"{configured.fingerprint}",
            key=KEYS["use_configured"],
        )
        if configured
        else False
    )
    submitted = st.form_submit_button(
        "Run the contract matrix", type="primary", key=KEYS["run"], on_click=keep_typed_secret
    )

if kept:
    st.button("Forget the kept secret", key=KEYS["forget_secret"], on_click=forget_secret)

if submitted:
    typed = st.session_state.pop(TYPED_NOW, "")
    if use_configured and configured:
        secret, key = configured.sdk_secret, configured.sdk_key
    else:
        secret, key = typed or kept or None, sdk_key.strip() or None
    try:
        digits, app_origin = meeting_digits(meeting_number), web_origin(origin or DEFAULT_ORIGIN)
    except ValueError as exc:
        st.error(markdown_text(str(exc)))
        st.session_state.pop(RESULT, None)
    else:
        settings = ProbeSettings(allowed, sdk_key=key, sdk_secret=secret, meeting_number=digits, origin=app_origin)
        with st.container(key=KEYS["progress"]):
            progress = st.progress(0.0, text="Calling the endpoint…")

        def show_progress(done, total, case):
            progress.progress(done / total, text=f"{done} of {total}: {case.title}")

        result = probe(url, settings, show_progress)
        progress.empty()
        now = int(time.time())
        st.session_state[RESULT] = {
            "result": result,
            "markdown": markdown_report(result, now, secret=secret, sdk_key=key),
            "json": json.dumps(result_as_dict(result, secret=secret, sdk_key=key), indent=2, ensure_ascii=False),
            "answers": [
                (checked.case.title, checked.answer, redact_answer(checked.text, secret))
                for checked in result.cases
                if checked.answer is not None
            ],
            "browser": None,  # the browser's own request, once asked for
        }

shown = st.session_state.get(RESULT)
if shown:
    result = shown["result"]
    severities = {finding.severity for finding in result.findings}
    with st.container(key=KEYS["verdict"]):
        level = "error" if "error" in severities else "warning" if "warning" in severities else "success"
        getattr(st, level)(markdown_text(result.verdict))  # levels are named as Streamlit's boxes
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
        # st.table renders its cells as Markdown: escaped, a CORS header `*` shows as *, not as a bullet, and
        # the endpoint's own header values cannot draw links or images
        st.table(pd.DataFrame(matrix_rows(result)).map(escape_markdown), hide_index=True)
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
        for finding in result.findings:
            text = f"**{markdown_text(finding.title)}** (`{finding.code}`) — {markdown_text(finding.message)}"
            text += f"\n\n**Fix:** {markdown_text(finding.fix)}"
            if finding.cases:
                text += f"\n\nSeen in: {', '.join(finding.cases)}"
            getattr(st, finding.severity)(text)
        if not result.findings:
            st.success("Nothing to fix: every answer is what the official sample answers.")
    answers = st.expander(
        "The raw answers (untrusted text, shown as text, secrets removed)", key=KEYS["answers"], on_change="rerun"
    )
    if answers.open:
        for title, answer, text in shown["answers"]:
            status = answer.status or answer.error
            headers = "\n".join(f"{name}: {value}" for name, value in answer.headers)
            answers.markdown(f"**{markdown_text(title)}**: {status}, {answer.seconds * 1000:.0f} ms")
            answers.code(f"{headers}\n\n{text}", language=None, wrap_lines=True)
    st.header("Share it safely")
    st.caption("The reports leave out the tokens, the answers and the secret, and mask the SDK key.")
    downloads = (
        ("Download the report (Markdown)", shown["markdown"], "endpoint-probe.md", "text/markdown", "report_markdown"),
        ("Download the result (JSON)", shown["json"], "endpoint-probe.json", "application/json", "report_json"),
    )
    for column, (label, data, file_name, mime, key) in zip(st.columns(2), downloads, strict=True):
        column.download_button(label, data=data, file_name=file_name, mime=mime, key=KEYS[key])
