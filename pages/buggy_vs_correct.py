"""Buggy vs correct: the same inputs through the correct signer and a buggy one, step by step.

The catalogue's prose, verdicts and the walkthrough are the project's own Markdown (tests keep it free
of stray Markdown characters); anything derived from the user's input is escaped.
"""

import dataclasses
import inspect
import time

import streamlit as st

from lib import widget_keys
from lib.builder.form import FormInput, read_form
from lib.javascript.forum import FORUM_SNIPPET, cryptojs_key_bytes, forum_generate_signature, js_btoa
from lib.javascript.legacy import legacy_signature
from lib.mistakes.buggy_signer import PRESETS, BugSelectionError, buggy_request, sign_with_bugs
from lib.mistakes.buggy_vs_correct import side_by_side
from lib.mistakes.catalogue import BROWSER, BUGS, ZOOM_SERVER
from lib.present.display import escape_markdown
from lib.present.html import fragments_html
from lib.signing.encoding import secret_fingerprint
from lib.signing.steps import build_signature_steps
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET, ROLE_LABELS

KEYS = widget_keys.BUGGY
CUSTOM = "custom"
PRESET_LABELS = {"forum": "The forum snippet", "forum_call": "The forum's call generateSignature(mn, role)"}
PRESET_LABELS |= {bug_id: f"Only: {bug.title}" for bug_id, bug in BUGS.items()}
PRESET_LABELS[CUSTOM] = "Free combination (tick the bugs below)"


def bug_key(bug_id):
    return KEYS["bug"].format(bug_id=bug_id)


def apply_preset():
    """A preset ticks exactly its bugs."""
    chosen = st.session_state[KEYS["preset"]]
    if chosen != CUSTOM:
        for bug_id in BUGS:
            st.session_state[bug_key(bug_id)] = bug_id in PRESETS[chosen].bug_ids


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
form = shared or FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0)
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
        columns[index % 3].checkbox(bug.title, key=bug_key(bug_id), on_change=switch_to_custom, help=bug.why)
selected = tuple(bug_id for bug_id in BUGS if st.session_state[bug_key(bug_id)])
chosen = st.session_state[KEYS["preset"]]

if "key_secret_swapped" in selected and form.sdk_secret != DEMO_SDK_SECRET:
    st.info(
        "Key and secret swapped writes the secret into the token's readable payload, so this comparison uses the "
        "public demo credentials instead of yours."
    )
    form = dataclasses.replace(form, sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET)

now = int(time.time())
inputs = read_form(form, now)
for problem in inputs.problems:
    st.caption(f"Input note — {escape_markdown(problem.field)}: {escape_markdown(problem.text)}")
request = inputs.request
try:
    correct = build_signature_steps(request)
    preset = PRESETS.get(chosen)
    if preset is not None and set(preset.bug_ids) == set(selected):
        buggy = preset.sign(request)
    else:
        buggy = sign_with_bugs(request, selected)
    comparison = side_by_side(correct, buggy, selected)
except BugSelectionError as exc:
    st.error(f"{escape_markdown(str(exc))}.")
    st.stop()
except ValueError as exc:  # text that has no UTF-8 form: the message names the position, not the value
    st.error(f"These inputs cannot be signed: {escape_markdown(str(exc))}.")
    st.stop()

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
    show = {BROWSER: st.error, ZOOM_SERVER: st.error}.get(outcome.caught_by, st.warning)
    show(f"Caught by: {outcome.caught_by} — {outcome.message}")
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
walk_steps = PRESETS["forum_call" if chosen == "forum_call" else "forum"].sign(request)
with st.container(key=KEYS["walkthrough"]):
    st.caption(
        "From Zoom developer forum thread 98154, condensed. The values are what each line produced for the inputs "
        "above" + (", called as generateSignature(mn, 1)." if chosen == "forum_call" else ".")
    )
    for line in FORUM_SNIPPET:
        st.code(line.js, language="javascript", wrap_lines=True)
        text = line.does
        if line.wrong:
            titles = ", ".join(BUGS[i].title for i in line.bug_ids)
            text += f"  \n:material/error: {line.wrong} ({titles})"
        st.markdown(text)
        if line.step and getattr(walk_steps, line.step) is not None:
            st.code(getattr(walk_steps, line.step), language=None, wrap_lines=True)
        elif line.step and walk_steps.error:
            st.markdown(
                f":material/block: never ran: `{walk_steps.failed_at}` threw "
                f"{walk_steps.error.name}: {walk_steps.error.message}"
            )

python_box = st.expander("The Python that ran", key=KEYS["python"], on_change="rerun")
if python_box.open:  # highlighted source is drawn only when asked for
    if chosen in ("forum", "forum_call"):
        runners = [forum_generate_signature, js_btoa, cryptojs_key_bytes]
    else:
        runners = [sign_with_bugs, buggy_request] + ([legacy_signature] if "legacy_format" in selected else [])
    for runner in runners:
        python_box.code(inspect.getsource(runner), language="python")
