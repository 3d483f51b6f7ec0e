"""Compare two tokens claim by claim and segment by segment: which difference breaks the signature."""

import time

import pandas as pd
import streamlit as st

from lib import widget_keys
from lib.builder.credentials import take_typed_secret
from lib.doctor.token_compare import compare_tokens
from lib.present.display import escape_markdown, markdown_text
from lib.present.html import colour_token_html
from lib.present.inspection import verification_status
from lib.signing.encoding import secret_fingerprint

KEYS = widget_keys.COMPARE
KEPT_SECRET = "compare_kept_secret"  # server-side only
TYPED_NOW = "compare_typed_now"
RESULT = "compare_result"
PASTED, BUILDER = "Paste token B", "The builder's last token"
DIFFERENT = "background-color: rgba(240, 170, 0, 0.25)"
MAX_COLOURED_CHARS = 3000


def keep_typed_secret():
    st.session_state[TYPED_NOW] = take_typed_secret(st.session_state, KEYS["secret"], KEPT_SECRET)


SAME_MARKS = {True: "✔", False: "✖"}


def highlight_differences(row):
    return [DIFFERENT if row["same"] == SAME_MARKS[False] else ""] * len(row)


st.title("Compare tokens")
st.caption(
    "Put the token that fails next to one that works, or next to the token the builder makes from the same "
    "inputs. Every claim and every segment is lined up, and each difference says why it matters."
)

shared_token = st.session_state.get(widget_keys.SHARED_TOKEN)
shared_form = st.session_state.get(widget_keys.SHARED_FORM)
kept = st.session_state.get(KEPT_SECRET)

with st.form(KEYS["form"]):
    left, right = st.columns(2)
    token_a = left.text_area("Token A", key=KEYS["token_a"], height=150, placeholder="eyJ…")
    sources = [PASTED, BUILDER] if shared_token else [PASTED]
    b_source = right.radio("Token B", sources, key=KEYS["b_source"], horizontal=True)
    token_b = right.text_area("Token B (pasted)", key=KEYS["token_b"], height=100, placeholder="eyJ…")
    st.text_input(
        "SDK secret (optional: verifies both tokens)",
        type="password",
        key=KEYS["secret"],
        placeholder=f"kept on the server: {secret_fingerprint(kept)}" if kept else "not given",
        help="Sent once to this server, never back to your browser. The builder's token is verified with the "
        "builder's secret.",
    )
    submitted = st.form_submit_button("Compare", type="primary", key=KEYS["submit"], on_click=keep_typed_secret)

if submitted:
    secret = st.session_state.pop(TYPED_NOW, "") or kept or None
    use_builder = b_source == BUILDER and shared_token
    token_b = shared_token if use_builder else token_b
    missing = [name for name, token in (("A", token_a), ("B", token_b)) if not token.strip()]
    if missing:
        st.session_state.pop(RESULT, None)
        st.warning(f"Token {' and '.join(missing)} is empty: paste a signature (it starts with eyJ) in each box.")
if submitted and not missing:
    st.session_state[RESULT] = compare_tokens(
        token_a,
        token_b,
        secret_a=secret,
        secret_b=shared_form.sdk_secret if use_builder and shared_form else secret,
        now=int(time.time()),
    )

comparison = st.session_state.get(RESULT)
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
    tables = (("claims", comparison.claims, "claim"), ("segments", comparison.segments, "segment"))
    for name, rows, first_column in tables:
        with st.container(key=KEYS[name]):
            st.header(name.capitalize())
            frame = pd.DataFrame(rows, columns=[first_column, "a", "b", "same", "explanation"])
            frame["same"] = frame["same"].map(SAME_MARKS)
            # A static table: the explanations wrap instead of being cut at the column's edge. Its cells are
            # Markdown: escaped, a pasted claim cannot draw an image, a link or a bullet.
            frame = frame.astype(str).map(escape_markdown)
            st.table(frame.style.apply(highlight_differences, axis=1), hide_index=True)
    with st.container(key=KEYS["findings"]):
        st.header("Findings on each side")
        left, right = st.columns(2)
        for column, checked in ((left, comparison.a), (right, comparison.b)):
            problems = [f for f in checked.findings if f.severity != "info"]
            column.markdown(
                "\n".join(f"- **{f.severity}** `{f.code}`: {markdown_text(f.title)}" for f in problems)
                or "No error or warning."
            )
