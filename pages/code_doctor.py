"""Code doctor: paste the code that signs, see each mistake marked on its line, and the code to use instead."""

import time

import streamlit as st

from lib import widget_keys
from lib.present.cards import finding_markdown
from lib.present.code_review import explain_run, prepare_run, review_level, review_report
from lib.present.display import markdown_text
from lib.present.family import family_sentence
from lib.present.html import marked_code_html
from lib.review import ReviewInputError, review_code
from lib.review.corrected import corrections, reference_signer
from lib.review.runnable import RUNNABLE_LANGUAGES, NotRunnable
from lib.review.sandbox import CHANNEL, HOST_JS, TIMEOUT_SECONDS, LibrariesMissing, read_result
from lib.review.submission import LANGUAGE_CHOICES, UPLOAD_EXTENSIONS, read_submission
from lib.review.syntax import GRAMMARS
from ui.family import family_selector
from ui.findings import finding_card
from ui.source import lazy_expander
from ui.verdict import verdict_box

KEYS = widget_keys.CODE_DOCTOR
sandbox_frame = st.components.v2.component("signature_lab.code_sandbox", js=HOST_JS)

st.title("Code doctor")
st.caption(
    "Paste the function that makes your Meeting SDK or Video SDK signature (JavaScript, TypeScript, Python, PHP, "
    "Go, Java, C# or Ruby), or upload the file. The code is parsed on this server, never run, and each known "
    "mistake is marked on its line with the Token doctor's name for it, its fix and the corrected code."
)

with st.form(KEYS["form"]):
    pasted = st.text_area("Your signing code", key=KEYS["code"], height=260, placeholder="function generateSignature(…")
    left, right = st.columns(2)
    uploaded = left.file_uploader("…or upload the file", type=UPLOAD_EXTENSIONS, key=KEYS["upload"])
    chosen = right.selectbox("Language", LANGUAGE_CHOICES, key=KEYS["language"], help="Or let it be detected.")
    sdk = family_selector(KEYS["sdk"], label="Which SDK is this code for?")
    submitted = st.form_submit_button("Review", type="primary", key=KEYS["submit"])

if submitted:
    st.session_state.pop(KEYS["result"], None)
    st.session_state.pop(KEYS["run_attempt"], None)
    if uploaded is None:
        submission = read_submission(pasted, chosen)
    else:
        submission = read_submission(pasted, chosen, uploaded.name, uploaded.getvalue())
    if submission.problem:
        level, problem = submission.problem
        getattr(st, level)(problem)
    else:
        try:
            review = review_code(submission.text, submission.language, sdk)
        except ReviewInputError as exc:
            st.error(f"Cannot review this: {exc}")
        else:
            st.session_state[KEYS["result"]] = {"review": review, "report": review_report(review, sdk), "sdk": sdk}

shown = st.session_state.get(KEYS["result"])
if shown:
    review = shown["review"]
    label = GRAMMARS[review.language].label
    verdict_box(review_level(review), f"**{label}:** {markdown_text(review.verdict)}", KEYS["verdict"])
    if family := family_sentence(review.token_family, shown["sdk"], "Token family it signs"):
        st.container(key=KEYS["family"]).markdown(family)
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
        st.header("Your code, marked")
        st.html(marked_code_html(review.masked_text, review.findings))
    with corrected.container(key=KEYS["corrected"]):
        st.header(f"A correct signer in {label}")
        signer_box = lazy_expander(
            f"The whole correct signer, and the fix of each mistake found, in {label}", KEYS["corrected_code"]
        )
        if signer_box is not None:  # highlighting code nobody opened costs the browser more than the review itself
            signer_box.code(reference_signer(review.language), language=review.language, line_numbers=True)
            for fix in corrections((f.bug_id for f in review.findings), review.language):
                signer_box.markdown(f"**{markdown_text(fix.title)}** (`{fix.bug_id}`)")
                signer_box.code(fix.as_code(review.language), language=review.language)
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
        if not review.findings:
            st.success("No known mistake: this code signs the way Zoom's sample does.")
        for finding in review.findings:
            note = f"Known mistake: `{finding.bug_id}` (see Lessons)" if finding.bug_id else None
            text = finding_markdown(
                finding.title, finding.message, code=finding.code, fix=finding.fix, notes=[note], line=finding.line
            )
            finding_card(text, finding.severity)
    st.download_button(
        "Download the review (Markdown, secrets masked)",
        data=shown["report"],
        file_name="signing-code-review.md",
        mime="text/markdown",
        key=KEYS["report"],
    )

if shown and shown["review"].language in RUNNABLE_LANGUAGES:
    st.header("Run it in your browser")
    st.caption(
        f"Runs your function in a frame of this page sandboxed away from it, with no network, the demo credentials "
        f"and a frozen clock, stopped after {TIMEOUT_SECONDS} s; what it returns goes to the Token doctor. "
        "Nothing runs on the server."
    )
    if st.button("Run it (sandboxed, demo credentials)", key=KEYS["run"], icon=":material/play_arrow:"):
        try:
            st.session_state[KEYS["run_attempt"]] = prepare_run(shown["review"], int(time.time()))
        except (NotRunnable, LibrariesMissing) as exc:
            st.session_state.pop(KEYS["run_attempt"], None)
            st.warning(str(exc))
    attempt = st.session_state.get(KEYS["run_attempt"])
    if attempt and attempt["result"] is None:
        data = {"document": attempt["document"], "nonce": attempt["nonce"], "channel": CHANNEL}
        data["title"] = "Your code, running sandboxed"
        state = sandbox_frame(key=KEYS["sandbox"], data=data, on_result_change=lambda: None)
        attempt["result"] = read_result(state.get("result"), attempt["nonce"])
    if attempt and attempt["result"] is not None:
        explanation = explain_run(attempt["result"], attempt["unknown"], attempt["now"])
        with st.container(key=KEYS["run_result"]):
            for level, text in explanation.notes:
                getattr(st, level)(text)
            checked = explanation.diagnosis
            if checked is not None:
                static, dynamic = st.columns(2)
                static.markdown("**What the code shows** (static review)")
                static.markdown(", ".join(f"`{f.code}`" for f in shown["review"].findings) or "no finding")
                dynamic.markdown("**What it returned**, diagnosed by the Token doctor")
                getattr(dynamic, "error" if checked.severity_count("error") else "success")(
                    markdown_text(checked.verdict)
                )
                dynamic.markdown(", ".join(f"`{code}`" for code in checked.codes) or "no finding")
                dynamic.code(attempt["result"].value, wrap_lines=True)
