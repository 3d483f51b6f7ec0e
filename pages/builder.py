"""Signature builder: sign any Zoom SDK token family as its official sample does, every step shown with its code."""

import time

import streamlit as st

from lib import widget_keys
from lib.builder.form import claim_fields
from lib.builder.result import BuilderFields, sign_builder_form, step_rows
from lib.present.display import describe_time, escape_markdown
from lib.present.html import colour_token_html
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, DEMO_SDK_KEY
from lib.zoom.families import FAMILIES, SDK_FAMILIES
from ui.claims import claim_inputs
from ui.credentials import KeptSecret, configured_zoom_credentials
from ui.family import family_selector
from ui.findings import finding_card
from ui.source import source_expander

KEYS = widget_keys.BUILDER
secret = KeptSecret(KEYS["sdk_secret"], KEYS["kept_secret"], KEYS["typed_now"])
IAT_CHOICES = {False: "now (current official sample)", True: "now − 30 s (clock-skew allowance)"}

st.title("Signature builder")
st.caption(
    "Builds a Zoom SDK signature exactly as Zoom's official auth endpoint samples do, and shows every step. "
    "It opens on the demo values, which are fake: the page works without a Zoom account. Choose the SDK, change "
    "the inputs and press **Sign**."
)

configured = configured_zoom_credentials()
family = FAMILIES[
    SDK_FAMILIES[family_selector(KEYS["family"], allow_unknown=False, label="Which SDK will join with this token?")]
]

with st.form(KEYS["form"]):
    st.header("Credentials")
    use_configured = configured is not None and st.checkbox(
        f"Use the credentials configured on the server ({configured.source}): key `{configured.sdk_key}`, "
        f"secret {configured.fingerprint}",
        key=KEYS["use_configured"],
        help="The configured secret stays on the server; it is never sent to your browser.",
    )
    left, right = st.columns(2)
    sdk_key = left.text_input(
        "SDK key (Client ID)",
        value=DEMO_SDK_KEY,
        key=KEYS["sdk_key"],
        help="Meeting SDK: the Client ID of a General app with Features → Embed → Meeting SDK switched on. "
        "Video SDK: the SDK key of a Video SDK app.",
    )
    secret.field(
        "SDK secret (Client Secret)",
        "Sent once to this server, never back to the browser; the field empties after signing.",
        right,
        empty="empty: the public demo secret",
    )
    st.header("Claims")
    values = claim_inputs(
        claim_fields(family.id),
        KEYS["claim"].format(family=family.id, claim="{claim}"),
        "More claims (most apps leave these to Zoom)",
        KEYS["more_claims"].format(family=family.id),
    )
    left, right = st.columns(2)
    lifetime = left.number_input(
        f"Lifetime in seconds (exp − iat), Zoom allows {family.min_lifetime}..{family.max_lifetime}",
        min_value=1,
        max_value=10**9,
        value=DEFAULT_LIFETIME_SECONDS,
        step=600,
        key=KEYS["lifetime"],
    )
    iat_skew = right.radio(
        "iat (issued at)",
        list(IAT_CHOICES),
        format_func=IAT_CHOICES.get,
        key=KEYS["iat_skew"],
        help="If your server's clock runs ahead of Zoom's, a token issued 'now' looks like it comes from the "
        "future and is refused. The official sample used iat = now − 30 until 2023 to absorb such skew.",
    )
    sign_anyway = st.checkbox("Sign anyway, to see what breaks", key=KEYS["sign_anyway"])
    submitted = st.form_submit_button("Sign", type="primary", key=KEYS["submit"], on_click=secret.keep_typed)

shown = st.session_state.get(KEYS["result"])
# a first visit, or another family chosen, opens on that family's form as it stands, every step shown
if submitted or shown is None or shown["family"] != family.id:
    fields = BuilderFields(family.id, sdk_key, values, lifetime, iat_skew, sign_anyway)
    chosen = configured if use_configured else None
    shown, signed = sign_builder_form(fields, secret.take_typed(), secret.kept, chosen, int(time.time()))
    st.session_state[KEYS["result"]] = shown
    if submitted and signed is not None:  # only what the user signed goes to other pages
        st.session_state[widget_keys.SHARED_FORM] = signed
        st.session_state[widget_keys.SHARED_TOKEN] = shown["steps"].token

for problem in shown["problems"]:
    finding_card(f"**{problem.field}** — {escape_markdown(problem.text)}", problem.severity)
if shown["blocked"]:
    st.error("Not signed: fix the errors above, or tick **Sign anyway** to see what the mistake produces.")
st.caption(f"Secret used: {shown['secret_source']} · {shown['fingerprint']}")
if shown["secret_is_demo"]:
    st.warning("Signed with the public demo secret: fine for learning, but Zoom will refuse the token.")
steps = shown["steps"]
if steps is not None:
    st.header("Token")
    with st.container(key=KEYS["token"]):
        st.html(colour_token_html(steps.token))
        st.code(steps.token, language=None, wrap_lines=True)
    now = shown["now"]
    st.markdown(  # escaped: a time's ":28:" would make the browser load Streamlit's emoji table (260 KB)
        f"- **token_family** `{shown['token_family']}` ({escape_markdown(FAMILIES[shown['token_family']].title)})\n"
        f"- **iat** {escape_markdown(describe_time(shown['iat'], now))}\n"
        f"- **exp** {escape_markdown(describe_time(shown['exp'], now))}\n"
        f"- HMAC key: {steps.hmac_key_length} bytes"
    )
    st.header("Every step")
    for number, step, value, explanation in step_rows(shown):
        st.markdown(f"**{number}. {step.title}**")
        st.code(value, language="json" if step.field.endswith("_json") else None, wrap_lines=True)
        st.caption(explanation)
        # drawn only when opened: highlighting eight functions nobody opened costs the browser ~75 ms per submit
        source_expander(
            f"Code that computed it: {', '.join(f'`{function.__name__}`' for function in step.functions)}",
            KEYS["step_code"].format(field=step.field),
            *step.functions,
        )

with st.expander("Why does Zoom's sample give another token for some secrets? (the jsrsasign quirk)"):
    st.markdown(
        "Zoom's official samples sign with the jsrsasign library, which turns a text secret into key bytes in "
        "its own way. A secret of an even number of characters made only of hex digits (0-9, a-f) is read as "
        "hex, so `0123abcd` becomes the four bytes 01 23 ab cd instead of eight characters. Any other secret "
        "keeps only the low byte of each character, so `é` is the single byte e9 instead of UTF-8's c3 a9. "
        "PyJWT, npm jsonwebtoken and this page use UTF-8, as the JWT standard says. Real Client Secrets are "
        "plain ASCII letters and digits, so both give the same token; the difference only shows with test "
        "secrets like the ones above."
    )
