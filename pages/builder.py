"""Signature builder: sign with the official sample's rules and show every step with its code."""

import inspect
import os
import time

import streamlit as st

from lib import widget_keys
from lib.builder.credentials import choose_secret, configured_credentials, take_typed_secret
from lib.builder.form import FormInput, InputProblem, read_form
from lib.present.display import describe_time, escape_markdown
from lib.present.html import colour_token_html
from lib.signing.encoding import jsrsasign_hmac_key, secret_fingerprint
from lib.signing.steps import SIGNING_STEPS, build_signature_steps
from lib.zoom.facts import (
    DEFAULT_LIFETIME_SECONDS,
    DEMO_MEETING_NUMBER,
    DEMO_SDK_KEY,
    MAX_LIFETIME_SECONDS,
    MIN_LIFETIME_SECONDS,
    ROLE_LABELS,
    WEBRTC_MODE_LABELS,
)

KEYS = widget_keys.BUILDER
KEPT_SECRET = "builder_kept_secret"  # server-side only: the secret typed in an earlier submit
TYPED_NOW = "builder_typed_now"  # the secret typed in this submit, handed from the callback to the script
RESULT = "builder_result"


def forget_typed_secret():
    """On submit, keep the typed secret on the server and empty the field, so it leaves the browser."""
    st.session_state[TYPED_NOW] = take_typed_secret(st.session_state, KEYS["sdk_secret"], KEPT_SECRET)


st.title("Signature builder")
st.caption(
    "Builds a Meeting SDK signature exactly as Zoom's official auth endpoint sample does, and shows every "
    "step. It opens on the demo values, which are fake: the page works without a Zoom account. Change the "
    "inputs and press **Sign**."
)

try:
    secrets_table = st.secrets.get("zoom")
except Exception:  # no secrets.toml at all: Streamlit raises instead of returning None
    secrets_table = None
configured = configured_credentials(os.environ, secrets_table)
kept = st.session_state.get(KEPT_SECRET)

with st.form(KEYS["form"]):
    st.header("Credentials")
    if configured:
        use_configured = st.checkbox(
            f"Use the credentials configured on the server ({configured.source}): key `{configured.sdk_key}`, "
            f"secret {configured.fingerprint}",
            key=KEYS["use_configured"],
            help="The configured secret stays on the server; it is never sent to your browser.",
        )
    else:
        use_configured = False
    left, right = st.columns(2)
    sdk_key = left.text_input(
        "SDK key (Client ID)",
        value=DEMO_SDK_KEY,
        key=KEYS["sdk_key"],
        help="The Client ID of a General app with Features → Embed → Meeting SDK switched on.",
    )
    sdk_secret = right.text_input(
        "SDK secret (Client Secret)",
        type="password",
        key=KEYS["sdk_secret"],
        placeholder=f"kept on the server: {secret_fingerprint(kept)}" if kept else "empty: the public demo secret",
        help="Sent once to this server, never back to the browser; the field empties after signing.",
    )
    st.header("Meeting")
    left, middle, right = st.columns(3)
    meeting_number = left.text_input(
        "Meeting number",
        value=DEMO_MEETING_NUMBER,
        key=KEYS["meeting_number"],
        help="Digits only; spaces, dashes or a whole join link are accepted and normalized.",
    )
    role = middle.selectbox("Role", list(ROLE_LABELS), format_func=ROLE_LABELS.get, key=KEYS["role"])
    webrtc_mode = right.selectbox(
        "video_webrtc_mode", list(WEBRTC_MODE_LABELS), format_func=WEBRTC_MODE_LABELS.get, key=KEYS["webrtc_mode"]
    )
    left, right = st.columns(2)
    lifetime = left.number_input(
        f"Lifetime in seconds (exp − iat), Zoom allows {MIN_LIFETIME_SECONDS}..{MAX_LIFETIME_SECONDS}",
        min_value=1,
        max_value=10**9,
        value=DEFAULT_LIFETIME_SECONDS,
        step=600,
        key=KEYS["lifetime"],
    )
    iat_skew = right.radio(
        "iat (issued at)",
        [False, True],
        format_func=lambda skew: "now − 30 s (clock-skew allowance)" if skew else "now (current official sample)",
        key=KEYS["iat_skew"],
        help="If your server's clock runs ahead of Zoom's, a token issued 'now' looks like it comes from the "
        "future and is refused (3712). The official sample used iat = now − 30 until 2023 to absorb such skew.",
    )
    sign_anyway = st.checkbox("Sign anyway, to see what breaks", key=KEYS["sign_anyway"])
    submitted = st.form_submit_button("Sign", type="primary", key=KEYS["submit"], on_click=forget_typed_secret)

if submitted or RESULT not in st.session_state:  # a first visit opens on the demo signature, every step shown
    now = int(time.time())
    choice = choose_secret(st.session_state.pop(TYPED_NOW, ""), use_configured, configured, kept)
    form = FormInput(
        sdk_key=configured.sdk_key if use_configured and configured else sdk_key,
        sdk_secret=choice.secret,
        meeting_number=meeting_number,
        role=role,
        lifetime=int(lifetime),
        iat_skew=iat_skew,
        webrtc_mode=webrtc_mode,
    )
    result = read_form(form, now)
    steps = None
    if not result.errors or sign_anyway:
        try:
            steps = build_signature_steps(result.request)
        except ValueError as exc:  # an unpaired surrogate: the message names its position, not the value
            result.problems.append(InputProblem("not_encodable", "input", "error", str(exc)))
    st.session_state[RESULT] = {
        "now": now,
        "problems": result.problems,
        "steps": steps,
        "secret_source": choice.source,
        "secret_is_demo": choice.is_demo,
        "fingerprint": secret_fingerprint(result.request.sdk_secret),
        "hex_like": jsrsasign_hmac_key(result.request.sdk_secret)[0] == "hex",
        "iat": result.request.iat,
        "exp": result.request.exp,
        "blocked": bool(result.errors) and not sign_anyway,
    }
    if submitted and steps is not None and not result.errors:  # only what the user signed goes to other pages
        st.session_state[widget_keys.SHARED_FORM] = form
        st.session_state[widget_keys.SHARED_TOKEN] = steps.token

shown = st.session_state.get(RESULT)
if shown:
    for problem in shown["problems"]:
        getattr(st, problem.severity)(
            f"**{problem.field}** — {escape_markdown(problem.text)}"
        )  # st.error / warning / info
    if shown["blocked"]:
        st.error("Not signed: fix the errors above, or tick **Sign anyway** to see what the mistake produces.")
    st.caption(f"Secret used: {shown['secret_source']} · {shown['fingerprint']}")
    if shown["secret_is_demo"]:
        st.warning("Signed with the public demo secret: fine for learning, but Zoom will answer 3712.")
    steps = shown["steps"]
    if steps is not None:
        st.header("Token")
        with st.container(key=KEYS["token"]):
            st.html(colour_token_html(steps.token))
            st.code(steps.token, language=None, wrap_lines=True)
        now = shown["now"]
        st.markdown(  # escaped: a time's ":28:" would make the browser load Streamlit's emoji table (260 KB)
            f"- **iat** {escape_markdown(describe_time(shown['iat'], now))}\n"
            f"- **exp** {escape_markdown(describe_time(shown['exp'], now))}\n"
            f"- HMAC key: {steps.hmac_key_length} bytes"
        )
        st.header("Every step")
        for number, step in enumerate(SIGNING_STEPS, start=1):
            st.markdown(f"**{number}. {step.title}**")
            st.code(
                getattr(steps, step.field), language="json" if step.field.endswith("_json") else None, wrap_lines=True
            )
            st.caption(step.explanation)
            code_box = st.expander(
                f"Code that computed it: `{step.function.__name__}`",
                key=KEYS["step_code"].format(field=step.field),
                on_change="rerun",
            )
            if code_box.open:  # highlighting eight functions nobody opened costs the browser ~75 ms per submit
                code_box.code(inspect.getsource(step.function), language="python")

with st.expander("Why does Zoom's sample give another token for some secrets? (the jsrsasign quirk)"):
    st.markdown(
        "Zoom's official sample signs with the jsrsasign library, which turns a text secret into key bytes in "
        "its own way. A secret of an even number of characters made only of hex digits (0-9, a-f) is read as "
        "hex, so `0123abcd` becomes the four bytes 01 23 ab cd instead of eight characters. Any other secret "
        "keeps only the low byte of each character, so `é` is the single byte e9 instead of UTF-8's c3 a9. "
        "PyJWT, npm jsonwebtoken and this page use UTF-8, as the JWT standard says. Real Client Secrets are "
        "plain ASCII letters and digits, so both give the same token; the difference only shows with test "
        "secrets like the ones above."
    )
