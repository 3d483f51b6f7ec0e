"""Join a meeting: try a token against a real meeting with the Web SDK, and explain what Zoom answers."""

import secrets
import time

import streamlit as st

from lib import widget_keys
from lib.join.outcome import explain_outcome, read_outcome
from lib.join.plan import HOST_JS, JoinForm, component_data, plan_join
from lib.navigation import page_path
from lib.present.display import escape_markdown
from lib.zoom.facts import ROLE_LABELS, WEB_SDK_LANGUAGES, WEB_SDK_VERSION, WEB_SDK_VERSIONS

KEYS = widget_keys.JOIN
ATTEMPT = "join_attempt"  # server-side: the current attempt's plan, nonce and last outcome

meeting_frame = st.components.v2.component("signature_lab.join_meeting", js=HOST_JS)


def show_inspector_button(token):
    """The token goes to the Token doctor through session state, never through a URL."""
    inspector = page_path("inspector")
    if (
        token
        and inspector
        and st.button("Open this token in the Token doctor", key=KEYS["inspect"], icon=":material/search:")
    ):
        st.session_state[widget_keys.SHARED_TOKEN] = token
        st.switch_page(inspector)


st.title("Join a meeting")
st.caption(
    "Tries a signature for real: Zoom's Web SDK (Component View) joins your meeting in a frame below, and when "
    "Zoom says no, this page says why. Only the token goes to your browser, never the secret."
)

builder_token = st.session_state.get(widget_keys.SHARED_TOKEN)
shared_form = st.session_state.get(widget_keys.SHARED_FORM)

with st.form(KEYS["form"]):
    st.header("Signature")
    pasted = st.text_area(
        "Token (leave empty to use the one you signed on the builder page)",
        key=KEYS["token"],
        height=90,
        placeholder="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
    )
    if builder_token:
        st.caption("Token from the builder in this session:")
        st.code(builder_token, language=None, wrap_lines=True)
    st.header("Meeting")
    left, middle, right = st.columns(3)
    meeting_number = left.text_input(
        "Meeting number",
        value=shared_form.meeting_number if shared_form else "",
        key=KEYS["meeting_number"],
        help="The digits of the meeting ID; spaces, dashes or a join link are accepted.",
    )
    passcode = middle.text_input("Passcode", key=KEYS["passcode"], help="As the host shared it; empty if none.")
    role = right.selectbox(
        "Role",
        list(ROLE_LABELS),
        index=shared_form.role if shared_form and shared_form.role in ROLE_LABELS else 0,
        format_func=ROLE_LABELS.get,
        key=KEYS["role"],
        help="Must be the role the token was signed with. Starting as host (1) also needs the host's ZAK.",
    )
    left, right = st.columns(2)
    user_name = left.text_input("Display name", value="Signature Lab", key=KEYS["user_name"])
    user_email = right.text_input("Email (optional; webinars may require it)", key=KEYS["user_email"])
    with st.expander("Host and external meetings: ZAK or OBF token, registration"):
        zak = st.text_input("Host's ZAK (to start as host)", key=KEYS["zak"])
        obf_token = st.text_input(
            "OBF token (to join meetings outside the app's account)",
            key=KEYS["obf_token"],
            help="Either a ZAK or an OBF token, not both.",
        )
        registrant_token = st.text_input(
            "Registrant token (tk), for meetings with registration", key=KEYS["registrant_token"]
        )
    with st.expander("Web SDK source"):
        left, middle = st.columns(2)
        sdk_version = left.selectbox(
            "SDK version",
            WEB_SDK_VERSIONS,
            index=WEB_SDK_VERSIONS.index(WEB_SDK_VERSION),
            key=KEYS["sdk_version"],
            accept_new_options=True,
            help="Type another version number if you need one.",
        )
        language = middle.selectbox("Language", WEB_SDK_LANGUAGES, key=KEYS["language"])
        sdk_base = st.text_input(
            "Self-hosted base URL (empty: Zoom's CDN, source.zoom.us)",
            key=KEYS["sdk_base"],
            placeholder="http://localhost:9000",
            help="For offline or locked-down networks: the URL where you serve the dist/ folder of the npm "
            "package @zoom/meetingsdk (docs/self-hosting-sdk.md). The version is then the one you installed.",
        )
    send_anyway = st.checkbox(
        "Send the token to Zoom even if the checks find mistakes, to see Zoom's answer", key=KEYS["send_anyway"]
    )
    submitted = st.form_submit_button("Join", type="primary", key=KEYS["submit"], icon=":material/video_call:")

if submitted:
    form = JoinForm(
        token=pasted if pasted.strip() else builder_token or "",
        meeting_number=meeting_number,
        user_name=user_name,
        passcode=passcode,
        user_email=user_email,
        role=role,
        zak=zak,
        obf_token=obf_token,
        registrant_token=registrant_token,
        sdk_version=sdk_version or "",
        self_hosted_base=sdk_base,
        language=language,
        send_anyway=send_anyway,
    )
    st.session_state[ATTEMPT] = {
        "plan": plan_join(form, int(time.time())),
        "nonce": secrets.token_urlsafe(12),
        "outcome": None,
    }

attempt = st.session_state.get(ATTEMPT)
if attempt:
    plan = attempt["plan"]
    with st.container(key=KEYS["checks"]):
        for problem in plan.problems:
            # severities are named as Streamlit's boxes: st.error / st.warning / st.info / st.success
            getattr(st, problem.severity)(f"**{problem.field}** — {escape_markdown(problem.text)}")
        for finding in plan.diagnosis.findings:
            if finding.severity != "info":
                text = escape_markdown(f"{finding.message} {finding.fix}")
                getattr(st, finding.severity)(f"**{escape_markdown(finding.title)}** — {text}")
        if plan.blocked:
            st.error(
                "Not sent to Zoom: fix the errors above. To see what Zoom answers to a token with these mistakes, "
                "tick *Send the token to Zoom even if the checks find mistakes*."
            )
            show_inspector_button(plan.diagnosis.token)
        elif plan.token_errors:
            st.warning("Sent to Zoom although the checks found mistakes, as you asked.")
    if not plan.blocked:
        outcome_box = st.container(key=KEYS["outcome"])
        outcome = attempt["outcome"]
        if outcome is None or not outcome.final or outcome.status == "joined":
            data = component_data(plan, attempt["nonce"], st.get_option("server.baseUrlPath"))
            result = meeting_frame(key=KEYS["meeting"], data=data, on_outcome_change=lambda: None)
            outcome = read_outcome(result.get("outcome"), attempt["nonce"]) or outcome
            attempt["outcome"] = outcome
        with outcome_box:
            if outcome is None:
                st.info("Loading the Web SDK…")
            else:
                explanation = explain_outcome(outcome, plan.sdk)
                getattr(st, explanation.severity)(escape_markdown(explanation.headline))
                if explanation.causes:
                    st.markdown(f"**Why:** {escape_markdown(explanation.causes)}")
                if explanation.fix:
                    st.markdown(f"**Fix:** {escape_markdown(explanation.fix)}")
                if explanation.bugs:
                    with st.expander(f"Known mistakes that give this answer ({len(explanation.bugs)})"):
                        for bug in explanation.bugs:
                            st.markdown(f"**{escape_markdown(bug.title)}** (`{bug.id}`) — {escape_markdown(bug.fix)}")
                if explanation.inspect_token:
                    show_inspector_button(plan.options["signature"])
        if st.button("Leave and close the meeting frame", key=KEYS["leave"], icon=":material/call_end:"):
            del st.session_state[ATTEMPT]
            st.rerun()
