"""Token doctor: paste a signature, see what is wrong with it, which bug made it and how to fix it."""

import time

import pandas as pd
import streamlit as st

from lib import widget_keys
from lib.builder.credentials import take_typed_secret
from lib.doctor.diagnosis import diagnose
from lib.present.display import escape_markdown, markdown_text
from lib.present.html import colour_token_html
from lib.present.inspection import claim_rows, findings_by_stage, verdict_level, verification_status
from lib.present.redaction import redacted_report
from lib.signing.encoding import secret_fingerprint

KEYS = widget_keys.INSPECTOR
KEPT_SECRET = "inspector_kept_secret"  # server-side only: the secret typed in an earlier submit
TYPED_NOW = "inspector_typed_now"
RESULT = "inspector_result"
MAX_COLOURED_CHARS = 5000
MAX_TABLE_ROWS = 30  # a payload with more members scrolls inside the claims table


def keep_typed_secret():
    st.session_state[TYPED_NOW] = take_typed_secret(st.session_state, KEYS["secret"], KEPT_SECRET)


def load_builder_token():
    st.session_state[KEYS["token"]] = st.session_state[widget_keys.SHARED_TOKEN]


def forget_secret():
    st.session_state.pop(KEPT_SECRET, None)


st.title("Token doctor")
st.caption(
    "Paste a Meeting SDK signature as you have it: the bare token, in quotes, after `Bearer `, in your "
    "endpoint's JSON answer, wrapped over lines, or the old dotted format. The doctor decodes it, checks every "
    "claim, verifies the signature if you give the secret, and names the known mistake that made it."
)

shared_form = st.session_state.get(widget_keys.SHARED_FORM)
kept = st.session_state.get(KEPT_SECRET)
if st.session_state.get(widget_keys.SHARED_TOKEN):
    st.button("Inspect the builder's last token", key=KEYS["load_builder_token"], on_click=load_builder_token)

with st.form(KEYS["form"]):
    pasted = st.text_area("Token", key=KEYS["token"], height=130, placeholder="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…")
    left, right = st.columns(2)
    left.text_input(
        "SDK secret (optional: to verify the signature)",
        type="password",
        key=KEYS["secret"],
        placeholder=f"kept on the server: {secret_fingerprint(kept)}" if kept else "not given",
        help="Sent once to this server, never back to your browser; the field empties after each check.",
    )
    use_shared_secret = (
        left.checkbox(
            f"Use the builder's secret ({secret_fingerprint(shared_form.sdk_secret)})", key=KEYS["use_shared_secret"]
        )
        if shared_form
        else False
    )
    sdk_key = right.text_input("SDK key / Client ID (optional)", key=KEYS["sdk_key"])
    left, right = st.columns(2)
    meeting_number = left.text_input("Meeting number you will join (optional)", key=KEYS["meeting_number"])
    host = right.checkbox("I start the meeting as host (with the host's ZAK)", key=KEYS["host"])
    submitted = st.form_submit_button("Diagnose", type="primary", key=KEYS["submit"], on_click=keep_typed_secret)

if kept:
    st.button("Forget the kept secret", key=KEYS["forget_secret"], on_click=forget_secret)

if submitted:
    now = int(time.time())
    typed = st.session_state.pop(TYPED_NOW, "")
    shared_secret = shared_form.sdk_secret if use_shared_secret and shared_form else None
    secret = typed or shared_secret or kept or None
    checked = diagnose(pasted, secret=secret, sdk_key=sdk_key, meeting_number=meeting_number, now=now, host=host)
    st.session_state[RESULT] = {
        "diagnosis": checked,
        "now": now,
        "report": redacted_report(checked, now, secret=secret, sdk_key=sdk_key),
        "secret_note": f"Secret used: {secret_fingerprint(secret)}" if secret else "No secret given.",
    }

shown = st.session_state.get(RESULT)
if shown:
    checked, now = shown["diagnosis"], shown["now"]
    with st.container(key=KEYS["verdict"]):
        getattr(st, verdict_level(checked))(markdown_text(checked.verdict))  # levels are named as Streamlit's boxes
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
            # st.table renders cells as Markdown: escaped, a pasted claim cannot draw an image, a link or a bullet.
            st.table(
                pd.DataFrame(rows).map(escape_markdown),  # verdicts carry ✖ / ⚠ / ✔
                hide_index=True,
                height="content" if len(rows) <= MAX_TABLE_ROWS else 600,
            )
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
        for title, findings in findings_by_stage(checked):
            st.markdown(f"**{title}**")
            for finding in findings:
                text = f"**{markdown_text(finding.title)}** (`{finding.code}`) — {markdown_text(finding.message)}"
                if finding.fix:
                    text += f"\n\n**Fix:** {markdown_text(finding.fix)}"
                if finding.bug_id:
                    text += f"\n\nKnown bug: `{finding.bug_id}`"
                getattr(st, finding.severity)(text)
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
    preview = st.expander("Preview the report", key=KEYS["report_preview"], on_change="rerun")
    if preview.open:  # drawn only when asked for: highlighting it costs the browser more than the whole check
        preview.code(shown["report"], language="markdown", wrap_lines=True)
