"""Token doctor: paste a signature, see what is wrong with it, which bug made it and how to fix it."""

import time

import streamlit as st

from lib import widget_keys
from lib.present.cards import finding_markdown
from lib.present.display import markdown_text
from lib.present.family import (
    SESSION_NAME_HELP,
    SESSION_NAME_LABEL,
    asks_meeting,
    asks_session_name,
    family_sentence,
    prediction_note,
)
from lib.present.html import colour_token_html
from lib.present.inspection import claim_rows, findings_by_stage, verdict_level, verification_status
from lib.present.tables import markdown_table
from lib.present.token_doctor import token_doctor_result
from lib.signing.encoding import secret_fingerprint
from ui.credentials import KeptSecret
from ui.family import family_selector
from ui.findings import finding_card
from ui.source import lazy_expander
from ui.verdict import verdict_box

KEYS = widget_keys.INSPECTOR
MAX_COLOURED_CHARS = 5000
MAX_TABLE_ROWS = 30  # a payload with more members scrolls inside the claims table
secret = KeptSecret(KEYS["secret"], KEYS["kept_secret"], KEYS["typed_now"])


def load_builder_token():
    st.session_state[KEYS["token"]] = st.session_state[widget_keys.SHARED_TOKEN]


st.title("Token doctor")
st.caption(
    "Paste a Zoom SDK signature (Meeting SDK for web or native apps, or Video SDK) as you have it: the bare token, "
    "in quotes, after `Bearer `, in your endpoint's JSON answer, wrapped over lines, or the old dotted format. The "
    "doctor decodes it, checks every claim by its SDK's rules, verifies the signature if you give the secret, and "
    "names the known mistake that made it."
)

shared_form = st.session_state.get(widget_keys.SHARED_FORM)
if st.session_state.get(widget_keys.SHARED_TOKEN):
    st.button("Inspect the builder's last token", key=KEYS["load_builder_token"], on_click=load_builder_token)

sdk = family_selector(KEYS["sdk"])  # outside the form: it decides which of the fields below can matter
with st.form(KEYS["form"]):
    pasted = st.text_area("Token", key=KEYS["token"], height=130, placeholder="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…")
    left, right = st.columns(2)
    secret.field(
        "SDK secret (optional: to verify the signature)",
        "Sent once to this server, never back to your browser; the field empties after each check.",
        left,
    )
    use_shared_secret = shared_form is not None and left.checkbox(
        f"Use the builder's secret ({secret_fingerprint(shared_form.sdk_secret)})", key=KEYS["use_shared_secret"]
    )
    sdk_key = right.text_input("SDK key / Client ID (optional)", key=KEYS["sdk_key"])
    left, right = st.columns(2)
    meeting_number, host, session_name = "", False, ""
    if asks_meeting(sdk):  # a meeting: its number, and who starts it
        meeting_number = left.text_input("Meeting number you will join (optional)", key=KEYS["meeting_number"])
        host = right.checkbox("I start the meeting as host (with the host's ZAK)", key=KEYS["host"])
    if asks_session_name(sdk):  # a Video SDK session: tpc must be its name
        session_name = st.text_input(SESSION_NAME_LABEL, key=KEYS["session_name"], help=SESSION_NAME_HELP)
    submitted = st.form_submit_button("Diagnose", type="primary", key=KEYS["submit"], on_click=secret.keep_typed)

secret.forget_button(KEYS["forget_secret"])

if submitted:
    st.session_state[KEYS["result"]] = token_doctor_result(
        pasted,
        typed=secret.take_typed(),
        shared=shared_form.sdk_secret if use_shared_secret and shared_form else None,
        kept=secret.kept,
        sdk_key=sdk_key,
        meeting_number=meeting_number,
        host=host,
        now=int(time.time()),
        sdk=sdk,
        session_name=session_name,
    )

shown = st.session_state.get(KEYS["result"])
if shown:
    checked, now = shown["diagnosis"], shown["now"]
    verdict_box(verdict_level(checked), markdown_text(checked.verdict), KEYS["verdict"])
    if family := family_sentence(checked.token_family, shown["sdk"]):
        st.container(key=KEYS["family"]).markdown(family)
    with st.container(key=KEYS["verification"]):
        level, sentence = verification_status(checked)  # a verified signature takes the verdict's colour
        getattr(st, level)(sentence)
        st.caption(shown["secret_note"])
    if checked.token:
        with st.container(key=KEYS["segments"]):
            st.header("Segments")
            st.html(colour_token_html(checked.token[:MAX_COLOURED_CHARS]))
    rows = claim_rows(checked, now)
    if rows:
        with st.container(key=KEYS["claims"]):
            st.header("Decoded header and payload")
            # A static table: a handful of rows wrap their long values, and no data-grid bundle loads per check.
            height = "content" if len(rows) <= MAX_TABLE_ROWS else 600
            st.table(markdown_table(rows), hide_index=True, height=height)
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
        for title, findings in findings_by_stage(checked):
            st.markdown(f"**{title}**")
            for finding in findings:
                note = f"Known bug: `{finding.bug_id}`" if finding.bug_id else None
                notes = [note, prediction_note(checked, finding)]
                text = finding_markdown(finding.title, finding.message, code=finding.code, fix=finding.fix, notes=notes)
                finding_card(text, finding.severity)
    st.header("Share it safely")
    st.caption(
        "The report leaves out the signature, the raw token and the secret, and masks the SDK key: you can post "
        "it on the developer forum as it is."
    )
    st.download_button(
        "Download the redacted report (Markdown)",
        data=shown["report"],
        file_name="signature-diagnosis.md",
        mime="text/markdown",
        key=KEYS["report"],
    )
    preview = lazy_expander("Preview the report", KEYS["report_preview"])
    if preview is not None:  # drawn only when asked for: highlighting it costs the browser more than the whole check
        preview.code(shown["report"], language="markdown", wrap_lines=True)
