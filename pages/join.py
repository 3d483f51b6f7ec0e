"""Join a meeting: try a token against a real meeting with the Web SDK, and explain what Zoom answers."""

import time

import streamlit as st

from lib import widget_keys
from lib.join.outcome import explain_outcome, read_outcome
from lib.join.plan import HOST_JS, JoinForm, component_data
from lib.present.display import escape_markdown
from lib.present.join import new_attempt, outcome_notes, pre_join_notes, stopped_token_doctor_state, token_doctor_state
from lib.zoom.facts import ROLE_LABELS, WEB_SDK_LANGUAGES, WEB_SDK_VERSION, WEB_SDK_VERSIONS
from ui.findings import finding_card
from ui.links import switch_button

KEYS = widget_keys.JOIN
TO_TOKEN_DOCTOR = ("token-doctor", "Open this token in the Token doctor", KEYS["inspect"])  # via session state

meeting_frame = st.components.v2.component("signature_lab.join_meeting", js=HOST_JS)


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
    st.session_state[KEYS["attempt"]] = new_attempt(form, int(time.time()))

attempt = st.session_state.get(KEYS["attempt"])
if attempt:
    plan = attempt["plan"]
    with st.container(key=KEYS["checks"]):
        for level, text in pre_join_notes(plan):
            finding_card(text, level)
        if stopped := stopped_token_doctor_state(plan):
            switch_button(*TO_TOKEN_DOCTOR, stopped, ":material/search:")
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
                for element, text in outcome_notes(explanation):
                    getattr(st, element)(text)
                if explanation.bugs:
                    with st.expander(f"Known mistakes that give this answer ({len(explanation.bugs)})"):
                        for bug in explanation.bugs:
                            st.markdown(f"**{escape_markdown(bug.title)}** (`{bug.id}`) — {escape_markdown(bug.fix)}")
                if explanation.inspect_token and plan.options["signature"]:
                    state = token_doctor_state(plan, plan.options["signature"])
                    switch_button(*TO_TOKEN_DOCTOR, state, ":material/search:")
        if st.button("Leave and close the meeting frame", key=KEYS["leave"], icon=":material/call_end:"):
            del st.session_state[KEYS["attempt"]]
            st.rerun()
