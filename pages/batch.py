"""Batch check: diagnose a whole file of tokens (server logs, a class's submissions) and count the mistakes."""

import time

import streamlit as st

from lib import widget_keys
from lib.doctor.batch import read_batch
from lib.doctor.batch_results import batch_result, finding_counts, problem_rows, session_outliers, summary
from lib.mistakes.samples import demo_jsonl
from lib.present.batch import family_counts_text, with_page_context
from lib.present.family import SESSION_NAME_HELP, SESSION_NAME_LABEL, asks_session_name
from lib.present.html import problem_bars_html
from ui.family import family_selector
from ui.progress import progress_bar

KEYS = widget_keys.BATCH
SAMPLE_SIZE = 1000
SHOWN_ROWS = 5000

st.title("Batch check")
st.caption(
    "Upload a file of tokens: plain text with one token per line (log lines are fine: the token is found in "
    "them), CSV with a `token` column, or JSON Lines as the command line reads them (`token`, optional "
    "`sdkSecret`, `sdkKey`, `meetingNumber`, `now`, `sdk`, `sessionName`). Secrets in the file are used to verify "
    "and are never shown or written to the results. A line's own `sdk` or `sessionName` wins over the choice below."
)

uploaded = st.file_uploader("Tokens file", type=["txt", "log", "csv", "jsonl", "ndjson", "json"], key=KEYS["upload"])
pasted = st.text_area("…or paste tokens, one per line", key=KEYS["paste"], height=100)
left, right = st.columns(2)
sdk = family_selector(KEYS["sdk"], left, help="For every token whose line does not say (`sdk`).")
session_name = ""
if asks_session_name(sdk):  # one session's Video SDK tokens: tpc must be its name
    help = f"{SESSION_NAME_HELP} For every token whose line does not say (`sessionName`)."
    session_name = right.text_input(SESSION_NAME_LABEL, key=KEYS["session_name"], help=help)
left, right = st.columns(2)
use_sample = left.button(f"Try a generated sample ({SAMPLE_SIZE} tokens)", key=KEYS["sample"])
run = right.button("Check all", type="primary", key=KEYS["run"])

if run or use_sample:
    now = int(time.time())
    if use_sample:
        source = read_batch(demo_jsonl(SAMPLE_SIZE, now), "sample.jsonl")
    elif uploaded is not None:
        source = read_batch(uploaded.getvalue(), uploaded.name)
    else:
        source = read_batch(pasted)
    source = with_page_context(source, sdk, session_name)
    st.session_state.pop(KEYS["result"], None)
    if not source.items:
        st.warning("No token found: upload a file or paste tokens, one per line.")
    else:
        with progress_bar("Diagnosing…", "Diagnosed {done:,} of {total:,} tokens") as progress:
            st.session_state[KEYS["result"]] = batch_result(source, now, on_progress=progress.step)

shown = st.session_state.get(KEYS["result"])
if shown:
    results = shown["results"]
    numbers = summary(results)
    with st.container(key=KEYS["summary"]):
        st.header("Summary")
        columns = st.columns(4)
        columns[0].metric("Tokens", f"{numbers['tokens']:,}")
        columns[1].metric("Correct", f"{numbers['clean']:,}")
        columns[2].metric("Zoom would reject", f"{numbers['with_errors']:,}")
        columns[3].metric("Warnings only", f"{numbers['with_warnings_only']:,}")
        if numbers["zoom_errors"]:
            st.caption(
                "Most likely Zoom errors: " + ", ".join(f"{code} × {n:,}" for code, n in numbers["zoom_errors"].items())
            )
        st.caption(f"Read as {shown['format']}. {family_counts_text(numbers['token_families'])}")
    for line, message in shown["problems"][:20]:
        st.warning(f"Line {line} skipped: {message}")
    counts = finding_counts(results)
    with st.container(key=KEYS["counts"]):
        st.header("Findings")
        st.dataframe(counts, hide_index=True, width="stretch")
    bars = problem_bars_html(counts, numbers["tokens"])
    if bars:
        with st.container(key=KEYS["chart"]):
            st.caption("Tokens per problem, and their share of all tokens (errors red, warnings amber)")
            st.html(bars)
    outliers = session_outliers(results)
    if len(outliers):
        with st.container(key=KEYS["outliers"]):
            st.header("Tokens for another session")
            st.caption(
                "In a file of one session's Video SDK tokens, these name another session (tpc, ignoring case) or "
                "another session_key than most of the file's: they join, or are counted in, another session."
            )
            st.dataframe(outliers, hide_index=True, width="stretch")
    with st.container(key=KEYS["results"]):
        st.header("Tokens with a problem")
        shown_rows = problem_rows(results, SHOWN_ROWS)
        st.dataframe(shown_rows, hide_index=True, width="stretch")
        st.caption(f"{len(shown_rows):,} shown (at most {SHOWN_ROWS:,}); the CSV has every token.")
    st.download_button(
        "Download the results (CSV)",
        data=shown["csv"],
        file_name="signature-batch.csv",
        mime="text/csv",
        key=KEYS["download"],
    )
