"""Buggy vs correct: the same inputs through the correct signer and a buggy one, step by step.

The catalogue's prose, verdicts and the walkthrough are the project's own Markdown (tests keep it free
of stray Markdown characters); anything derived from the user's input is escaped.
"""

import dataclasses
import time

import streamlit as st

from lib import widget_keys
from lib.mistakes.catalogue import BUGS
from lib.present.buggy_vs_correct import (
    CUSTOM,
    DEMO_FORM,
    PRESET_LABELS,
    compare_signers,
    credentials_for,
    outcome_level,
    preset_ticks,
    python_that_ran,
    walkthrough,
)
from lib.present.display import escape_markdown
from lib.present.html import fragments_html
from lib.signing.encoding import secret_fingerprint
from lib.zoom.facts import ROLE_LABELS
from ui.source import source_expander

KEYS = widget_keys.BUGGY


def apply_preset():
    """A preset ticks exactly its bugs."""
    ticks = preset_ticks(st.session_state[KEYS["preset"]])
    for bug_id, ticked in (ticks or {}).items():
        st.session_state[KEYS["bug"].format(bug_id=bug_id)] = ticked


def switch_to_custom():
    st.session_state[KEYS["preset"]] = CUSTOM


if KEYS["preset"] not in st.session_state:
    st.session_state[KEYS["preset"]] = "forum"
    apply_preset()

st.title("Buggy vs correct")
st.caption(
    "The same inputs go through the correct signer (Zoom's official sample) and through a buggy one. Every step "
    "is shown side by side; marked characters are where the two differ."
)

shared = st.session_state.get(widget_keys.SHARED_FORM)
form = shared or DEMO_FORM
with st.form(KEYS["inputs_form"]):
    left, middle, right = st.columns(3)
    sdk_key = left.text_input("SDK key (Client ID)", value=form.sdk_key, key=KEYS["sdk_key"])
    meeting_number = middle.text_input("Meeting number", value=form.meeting_number, key=KEYS["meeting_number"])
    roles = list(ROLE_LABELS)
    role = right.selectbox("Role", roles, index=roles.index(form.role), format_func=ROLE_LABELS.get, key=KEYS["role"])
    origin = "your last builder submit" if shared else "the demo values"
    st.caption(
        f"Inputs from {origin}; secret {secret_fingerprint(form.sdk_secret)} (set it in the builder). "
        "Try a key with an emoji to see btoa throw, or one ending in `~?~?` to see `+` and `/` appear."
    )
    st.form_submit_button("Compare with these inputs", key=KEYS["compare"])
form = dataclasses.replace(form, sdk_key=sdk_key, meeting_number=meeting_number, role=role)

st.selectbox(
    "Buggy signer", list(PRESET_LABELS), format_func=PRESET_LABELS.get, key=KEYS["preset"], on_change=apply_preset
)
with st.expander("Bugs switched on (combine freely)", expanded=st.session_state[KEYS["preset"]] == CUSTOM):
    columns = st.columns(3)
    for index, (bug_id, bug) in enumerate(BUGS.items()):
        columns[index % 3].checkbox(
            bug.title, key=KEYS["bug"].format(bug_id=bug_id), on_change=switch_to_custom, help=bug.why
        )
selected = tuple(bug_id for bug_id in BUGS if st.session_state[KEYS["bug"].format(bug_id=bug_id)])
chosen = st.session_state[KEYS["preset"]]

form, replaced = credentials_for(form, selected)
if replaced:
    st.info(replaced)
compared = compare_signers(form, chosen, selected, int(time.time()))
for problem in compared.problems:
    st.caption(f"Input note — {escape_markdown(problem.field)}: {escape_markdown(problem.text)}")
if compared.error:
    st.error(compared.error)
    st.stop()
comparison, walk_steps = compared.comparison, compared.walkthrough

header_left, header_right = st.columns(2)
header_left.header("Correct")
header_right.header("Buggy")
for row in comparison.steps:
    with st.container(key=KEYS["row"].format(step=row.step), border=True):
        mark = ":material/check_circle:" if row.same else ":material/error:"
        st.markdown(f"{mark} **{row.label}** — {row.verdict}")
        left, right = st.columns(2)
        left.html(fragments_html(row.correct_marked, "correct"))
        right.html(fragments_html(row.buggy_marked, "buggy"))
        for detail in row.details:
            right.caption(escape_markdown(detail))

outcome = comparison.outcome
with st.container(key=KEYS["outcome"], border=True):
    st.markdown("**What happens next** (Web SDK 6.2.0 and Zoom's server)")
    getattr(st, outcome_level(outcome))(f"Caught by: {outcome.caught_by} — {outcome.message}")
    if outcome.detail:
        st.caption(outcome.detail)
for note in comparison.notes:
    st.info(escape_markdown(note))

if selected:
    st.header("The bugs in this comparison")
for bug_id in selected:
    bug = BUGS[bug_id]
    with st.expander(f"{bug.title} (`{bug_id}`)"):
        st.markdown(f"**Why it fails.** {bug.why}")
        st.markdown(f"**Symptom.** {bug.symptom}")
        st.markdown(f"**Caught by:** {bug.caught_by} · **Fix.** {bug.fix}")
        before, after = st.columns(2)
        before.caption("Before (JavaScript, Python)")
        before.code(bug.js_before, language="javascript", wrap_lines=True)
        before.code(bug.py_before, language="python", wrap_lines=True)
        after.caption("After")
        after.code(bug.js_after, language="javascript", wrap_lines=True)
        after.code(bug.py_after, language="python", wrap_lines=True)
        st.caption(f"Source: {bug.source}")

st.header("The forum snippet, line by line")
with st.container(key=KEYS["walkthrough"]):
    st.caption(
        "From Zoom developer forum thread 98154, condensed. The values are what each line produced for the inputs "
        "above" + (", called as generateSignature(mn, 1)." if chosen == "forum_call" else ".")
    )
    for line in walkthrough(walk_steps):
        st.code(line.js, language="javascript", wrap_lines=True)
        st.markdown(line.markdown)
        if line.value is not None:
            st.code(line.value, language=None, wrap_lines=True)
        elif line.never_ran:
            st.markdown(line.never_ran)

source_expander("The Python that ran", KEYS["python"], *python_that_ran(chosen, selected))  # drawn only when open
