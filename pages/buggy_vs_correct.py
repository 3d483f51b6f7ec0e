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
    family_bugs,
    family_presets,
    outcome_level,
    preset_ticks,
    python_that_ran,
    what_happens_heading,
)
from lib.present.display import escape_markdown
from lib.present.html import fragments_html
from lib.signing.encoding import secret_fingerprint
from lib.training.lessons import in_family
from lib.zoom.facts import ROLE_LABELS
from lib.zoom.families import MEETING_NATIVE, MEETING_WEB, SDK_FAMILIES, VIDEO
from ui.family import family_selector
from ui.mistakes import forum_walkthrough, mistake_expander
from ui.source import source_expander

KEYS = widget_keys.BUGGY


def apply_preset():
    """A preset ticks exactly its bugs."""
    ticks = preset_ticks(st.session_state[KEYS["preset"]])
    for bug_id, ticked in (ticks or {}).items():
        st.session_state[KEYS["bug"].format(bug_id=bug_id)] = ticked


def switch_to_custom():
    st.session_state[KEYS["preset"]] = CUSTOM


st.title("Buggy vs correct")
st.caption(
    "The same inputs go through the correct signer (Zoom's official sample) and through a buggy one. Every step "
    "is shown side by side; marked characters are where the two differ."
)
family = SDK_FAMILIES[family_selector(KEYS["family"], allow_unknown=False, label="Which SDK?")]
presets = family_presets(family)
if st.session_state.get(KEYS["preset"]) not in presets:  # the first visit, or a preset another SDK's signer makes
    st.session_state[KEYS["preset"]] = presets[0]
    apply_preset()

shared = st.session_state.get(widget_keys.SHARED_FORM)
form = in_family(shared or DEMO_FORM, family)
with st.form(KEYS["inputs_form"]):
    left, middle, right = st.columns(3)
    typed = {"sdk_key": left.text_input("SDK key (Client ID)", value=form.sdk_key, key=KEYS["sdk_key"])}
    if family == VIDEO:
        typed["session_name"] = middle.text_input("Session name", value=form.session_name, key=KEYS["session_name"])
    elif family == MEETING_WEB:
        typed["meeting_number"] = middle.text_input(
            "Meeting number", value=form.meeting_number, key=KEYS["meeting_number"]
        )
    if family != MEETING_NATIVE:  # the native SDKs take the meeting and the role in their own join call
        roles = list(ROLE_LABELS)
        typed["role"] = right.selectbox(
            "Role", roles, index=roles.index(form.role), format_func=ROLE_LABELS.get, key=KEYS["role"]
        )
    origin = "your last builder submit" if shared else "the demo values"
    st.caption(
        f"Inputs from {origin}; secret {secret_fingerprint(form.sdk_secret)} (set it in the builder). "
        "Try a key with an emoji to see btoa throw, or one ending in `~?~?` to see `+` and `/` appear."
    )
    st.form_submit_button("Compare with these inputs", key=KEYS["compare"])
form = dataclasses.replace(form, **typed)

st.selectbox("Buggy signer", presets, format_func=PRESET_LABELS.get, key=KEYS["preset"], on_change=apply_preset)
with st.expander("Bugs switched on (combine freely)", expanded=st.session_state[KEYS["preset"]] == CUSTOM):
    columns = st.columns(3)
    for index, bug_id in enumerate(family_bugs(family)):
        columns[index % 3].checkbox(
            BUGS[bug_id].title, key=KEYS["bug"].format(bug_id=bug_id), on_change=switch_to_custom, help=BUGS[bug_id].why
        )
selected = tuple(bug_id for bug_id in family_bugs(family) if st.session_state[KEYS["bug"].format(bug_id=bug_id)])
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
    st.markdown(f"**What happens next** ({what_happens_heading(family)})")
    getattr(st, outcome_level(outcome))(f"Caught by: {outcome.caught_by} — {outcome.message}")
    if outcome.detail:
        st.caption(outcome.detail)
for note in comparison.notes:
    st.info(escape_markdown(note))

if selected:
    st.header("The bugs in this comparison")
for bug_id in selected:
    mistake_expander(BUGS[bug_id], family)
if walk_steps is not None:  # the forum snippet is a Meeting SDK web signer
    forum_walkthrough(
        walk_steps, ", called as generateSignature(mn, 1)." if chosen == "forum_call" else ".", KEYS["walkthrough"]
    )
source_expander("The Python that ran", KEYS["python"], *python_that_ran(chosen, selected))  # drawn only when open
