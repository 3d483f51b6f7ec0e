"""Code doctor: paste the code that signs, see each mistake marked on its line, and the code to use instead."""

from pathlib import PurePath

import streamlit as st

from lib import widget_keys
from lib.present.code_review import review_report
from lib.present.display import markdown_text
from lib.present.html import marked_code_html
from lib.review import ReviewInputError, review_code
from lib.review.corrected import corrections, reference_signer
from lib.review.syntax import GRAMMARS

KEYS = widget_keys.CODE_DOCTOR
RESULT = "code_doctor_result"
AUTO = "Detect from the code"
EXTENSIONS = sorted({extension.lstrip(".") for grammar in GRAMMARS.values() for extension in grammar.extensions})
LANGUAGE_OF_EXTENSION = {e: g.name for g in GRAMMARS.values() for e in g.extensions}

st.title("Code doctor")
st.caption(
    "Paste the function that makes your Meeting SDK signature (JavaScript, TypeScript, Python, PHP, Go, Java, C# "
    "or Ruby), or upload the file. The code is parsed on this server, never run, and each known mistake is marked "
    "on its line with the Token doctor's name for it, its fix and the corrected code."
)

with st.form(KEYS["form"]):
    pasted = st.text_area("Your signing code", key=KEYS["code"], height=260, placeholder="function generateSignature(…")
    left, right = st.columns(2)
    uploaded = left.file_uploader("…or upload the file", type=EXTENSIONS, key=KEYS["upload"])
    chosen = right.selectbox(
        "Language", [AUTO, *(g.label for g in GRAMMARS.values())], key=KEYS["language"], help="Or let it be detected."
    )
    submitted = st.form_submit_button("Review", type="primary", key=KEYS["submit"])

if submitted:
    language = next((g.name for g in GRAMMARS.values() if g.label == chosen), None)
    text = pasted
    if uploaded is not None:
        try:
            text = uploaded.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            text = None
            st.error(f"{uploaded.name} is not UTF-8 text: save it as UTF-8, or paste the function instead.")
        language = language or LANGUAGE_OF_EXTENSION.get(PurePath(uploaded.name).suffix.lower())
    st.session_state.pop(RESULT, None)
    if text is not None and not text.strip():
        st.warning("Paste the code that builds the signature, or upload its file.")
    elif text is not None:
        try:
            review = review_code(text, language)
        except ReviewInputError as exc:
            st.error(f"Cannot review this: {exc}")
        else:
            st.session_state[RESULT] = {"review": review, "report": review_report(review)}

shown = st.session_state.get(RESULT)
if shown:
    review = shown["review"]
    label = GRAMMARS[review.language].label
    with st.container(key=KEYS["verdict"]):
        getattr(st, review.worst_severity or "success")(f"**{label}:** {markdown_text(review.verdict)}")
    if review.secrets_masked:
        with st.container(key=KEYS["secret_warning"]):
            st.warning(
                f"Your code holds {review.secrets_masked} secret literal(s): they are masked (•) everywhere on this "
                "page and in the report. A secret that has been in code, a repository or a forum post is exposed: "
                "**regenerate it** in the Zoom App Marketplace (App Credentials) and read it from the server's "
                "environment."
            )
    mine, corrected = st.columns(2)
    with mine.container(key=KEYS["marked"]):
        st.subheader("Your code, marked")
        st.html(marked_code_html(review.masked_text, review.findings))
    with corrected.container(key=KEYS["corrected"]):
        st.subheader(f"A correct signer in {label}")
        st.code(reference_signer(review.language), language=review.language, line_numbers=True)
        for fix in corrections((f.bug_id for f in review.findings), review.language):
            st.markdown(f"**{markdown_text(fix.title)}** (`{fix.bug_id}`)")
            st.code(fix.as_code(review.language), language=review.language)
    with st.container(key=KEYS["findings"]):
        st.subheader("Findings")
        if not review.findings:
            st.success("No known mistake: this code signs the way Zoom's sample does.")
        for finding in review.findings:
            text = (
                f"**Line {finding.line}: {markdown_text(finding.title)}** (`{finding.code}`) — "
                f"{markdown_text(finding.message)}"
            )
            if finding.fix:
                text += f"\n\n**Fix:** {markdown_text(finding.fix)}"
            if finding.bug_id:
                text += f"\n\nKnown mistake: `{finding.bug_id}` (see Lessons)"
            getattr(st, finding.severity)(text)
    st.download_button(
        "Download the review (Markdown, secrets masked)",
        data=shown["report"],
        file_name="signing-code-review.md",
        mime="text/markdown",
        key=KEYS["report"],
    )
