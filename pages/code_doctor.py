"""Code doctor: paste the code that signs, see each mistake marked on its line, and the code to use instead."""

import time
import uuid
from pathlib import PurePath

import streamlit as st

from lib import widget_keys
from lib.doctor.diagnosis import diagnose
from lib.present.code_review import review_report
from lib.present.display import markdown_text
from lib.present.html import marked_code_html
from lib.review import ReviewInputError, review_code
from lib.review.corrected import corrections, reference_signer
from lib.review.runnable import RUNNABLE_LANGUAGES, NotRunnable, runnable_review
from lib.review.sandbox import CHANNEL, HOST_JS, TIMEOUT_SECONDS, LibrariesMissing, read_result, sandbox_document
from lib.review.syntax import GRAMMARS
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET

KEYS = widget_keys.CODE_DOCTOR
RESULT = "code_doctor_result"
RUN = "code_doctor_run_attempt"  # session state: the sandboxed run of the reviewed code
sandbox_frame = st.components.v2.component("signature_lab.code_sandbox", js=HOST_JS)
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
    st.session_state.pop(RUN, None)
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
        level = review.worst_severity or ("success" if review.recognised else "info")  # nothing to judge: no tick
        getattr(st, level)(f"**{label}:** {markdown_text(review.verdict)}")
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
        signer_box = st.expander(
            f"The whole correct signer, and the fix of each mistake found, in {label}",
            key=KEYS["corrected_code"],
            on_change="rerun",
        )
        if signer_box.open:  # highlighting code nobody opened costs the browser more than the review itself
            signer_box.code(reference_signer(review.language), language=review.language, line_numbers=True)
            for fix in corrections((f.bug_id for f in review.findings), review.language):
                signer_box.markdown(f"**{markdown_text(fix.title)}** (`{fix.bug_id}`)")
                signer_box.code(fix.as_code(review.language), language=review.language)
    with st.container(key=KEYS["findings"]):
        st.header("Findings")
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

if shown and shown["review"].language in RUNNABLE_LANGUAGES:
    st.header("Run it in your browser")
    st.caption(
        f"Runs your function in a frame of this page sandboxed away from it, with no network, the demo credentials "
        f"and a frozen clock, stopped after {TIMEOUT_SECONDS} s; what it returns goes to the Token doctor. "
        "Nothing runs on the server."
    )
    if st.button("Run it (sandboxed, demo credentials)", key=KEYS["run"], icon=":material/play_arrow:"):
        now = int(time.time())
        nonce = uuid.uuid4().hex
        try:
            run = runnable_review(shown["review"])
            document = sandbox_document(run, nonce=nonce, now=now)
        except (NotRunnable, LibrariesMissing) as exc:
            st.session_state.pop(RUN, None)
            st.warning(str(exc))
        else:
            unknown = ", ".join(f"`{name}`" for name in run.unknown_parameters)
            st.session_state[RUN] = {
                "nonce": nonce,
                "now": now,
                "document": document,
                "unknown": unknown,
                "result": None,
            }
    attempt = st.session_state.get(RUN)
    if attempt and attempt["result"] is None:
        data = {"document": attempt["document"], "nonce": attempt["nonce"], "channel": CHANNEL}
        data["title"] = "Your code, running sandboxed"
        state = sandbox_frame(key=KEYS["sandbox"], data=data, on_result_change=lambda: None)
        attempt["result"] = read_result(state.get("result"), attempt["nonce"])
    if attempt and attempt["result"] is not None:
        result = attempt["result"]
        with st.container(key=KEYS["run_result"]):
            if result.top_level and not result.limit:
                st.info(f"While loading, its top level threw {result.top_level} (the function was called anyway).")
            if result.unset:
                names = ", ".join(f"`process.env.{name}`" for name in result.unset)
                st.info(f"It read {names}, which the sandbox leaves unset (it sets only the demo key and secret).")
            if result.status == "timeout":
                st.error(
                    f"Stopped after {TIMEOUT_SECONDS} s: your code did not finish (an endless loop, or a promise "
                    "that never settles). Nothing else was affected."
                )
            elif result.limit:
                st.warning(
                    f"Not run to the end: {markdown_text(result.limit)}. This is a limit of the sandbox, not a "
                    "finding about your code; the static review above still applies. Run the signer on your server "
                    "and paste the token it returns into the Token doctor."
                )
            elif result.status == "no_function":
                st.warning("The function could not be found after the code loaded: see the error above.")
            elif result.status == "threw" and attempt["unknown"]:
                st.warning(
                    f"Your function threw `{result.error}`, but the sandbox passed `null` for "
                    f"{attempt['unknown']} (it fills parameters by their names: key, secret, meeting number, "
                    "role, request, response), so the error may come from that rather than from your code."
                )
            elif result.status == "threw":
                st.error(f"Your function threw `{result.error}`: this is what join() would get instead of a token.")
            else:
                checked = diagnose(result.value, secret=DEMO_SDK_SECRET, sdk_key=DEMO_SDK_KEY, now=attempt["now"])
                static, dynamic = st.columns(2)
                static.markdown("**What the code shows** (static review)")
                static.markdown(", ".join(f"`{f.code}`" for f in shown["review"].findings) or "no finding")
                dynamic.markdown("**What it returned**, diagnosed by the Token doctor")
                getattr(dynamic, "error" if checked.severity_count("error") else "success")(
                    markdown_text(checked.verdict)
                )
                dynamic.markdown(", ".join(f"`{code}`" for code in checked.codes) or "no finding")
                dynamic.code(result.value, wrap_lines=True)
