"""Compare two tokens claim by claim and segment by segment: which difference breaks the signature."""

import time

import streamlit as st

from lib import widget_keys
from lib.present.display import markdown_text
from lib.present.family import (
    NO_FAMILY,
    SESSION_NAME_HELP,
    SESSION_NAME_LABEL,
    asks_session_name,
    family_sentence,
    findings_with_predictions,
)
from lib.present.html import colour_token_html
from lib.present.inspection import verification_status
from lib.present.tables import side_by_side_table
from lib.present.token_doctor import compare_pasted_tokens
from ui.credentials import KeptSecret
from ui.family import family_selector

KEYS = widget_keys.COMPARE
PASTED, BUILDER = "Paste token B", "The builder's last token"
MAX_COLOURED_CHARS = 3000
secret = KeptSecret(KEYS["secret"], KEYS["kept_secret"], KEYS["typed_now"])

st.title("Compare tokens")
st.caption(
    "Put the token that fails next to one that works, or next to the token the builder makes from the same "
    "inputs. Every claim and every segment is lined up, and each difference says why it matters."
)

shared_token = st.session_state.get(widget_keys.SHARED_TOKEN)
shared_form = st.session_state.get(widget_keys.SHARED_FORM)

sdk = family_selector(KEYS["sdk"])  # outside the form: the session name is asked only where it can matter
with st.form(KEYS["form"]):
    left, right = st.columns(2)
    token_a = left.text_area("Token A", key=KEYS["token_a"], height=150, placeholder="eyJ…")
    sources = [PASTED, BUILDER] if shared_token else [PASTED]
    b_source = right.radio("Token B", sources, key=KEYS["b_source"], horizontal=True)
    token_b = right.text_area("Token B (pasted)", key=KEYS["token_b"], height=100, placeholder="eyJ…")
    secret.field(
        "SDK secret (optional: verifies both tokens)",
        "Sent once to this server, never back to your browser. The builder's token is verified with the "
        "builder's secret.",
    )
    session_name = ""
    if asks_session_name(sdk):  # a Video SDK session: tpc must be its name
        session_name = st.text_input(SESSION_NAME_LABEL, key=KEYS["session_name"], help=SESSION_NAME_HELP)
    submitted = st.form_submit_button("Compare", type="primary", key=KEYS["submit"], on_click=secret.keep_typed)

if submitted:
    use_builder = b_source == BUILDER and shared_token
    comparison, problem = compare_pasted_tokens(
        token_a,
        shared_token if use_builder else token_b,
        typed=secret.take_typed(),
        kept=secret.kept,
        builder_secret=shared_form.sdk_secret if use_builder and shared_form else None,
        now=int(time.time()),
        sdk=sdk,
        session_name=session_name,
    )
    st.session_state[KEYS["result"]], st.session_state[KEYS["result_sdk"]] = comparison, sdk
    if problem:
        st.warning(problem)

comparison = st.session_state.get(KEYS["result"])
if comparison:
    if comparison.identical:
        st.success("The two tokens are identical.")
    with st.container(key=KEYS["verification"]):
        left, right = st.columns(2)
    for column, name, checked in ((left, "A", comparison.a), (right, "B", comparison.b)):
        with column:
            st.header(f"Token {name}")
            if checked.token:
                st.html(colour_token_html(checked.token[:MAX_COLOURED_CHARS]))
            level, sentence = verification_status(checked)  # a verified signature takes the verdict's colour
            getattr(st, level)(sentence)  # levels are named as Streamlit's boxes: st.success / warning / error / info
            st.caption(markdown_text(checked.verdict))
            st.markdown(family_sentence(checked.token_family, st.session_state.get(KEYS["result_sdk"])) or NO_FAMILY)
    tables = (("claims", comparison.claims, "claim"), ("segments", comparison.segments, "segment"))
    for name, rows, first_column in tables:
        with st.container(key=KEYS[name]):
            st.header(name.capitalize())
            # A static table: the explanations wrap instead of being cut at the column's edge.
            st.table(side_by_side_table(rows, first_column), hide_index=True)
    with st.container(key=KEYS["findings"]):
        st.header("Findings on each side")
        left, right = st.columns(2)
        for column, checked in ((left, comparison.a), (right, comparison.b)):
            column.markdown(findings_with_predictions(checked) or "No error or warning.")
