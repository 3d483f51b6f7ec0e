"""Find the bug: a seeded set of exercises from the bug catalogue. Answers and the score live only in this
browser session (st.session_state); the learner can download them."""

import streamlit as st

from lib import widget_keys
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import (
    DEFAULT_SEED,
    DIFFICULTIES,
    LANGUAGES,
    POINTS_PER_EXERCISE,
    exercise_set,
    grade,
    results_json,
    score,
)

KEYS = widget_keys.EXERCISES


def answer(exercise):
    """Grade on submit, before the script runs, so the score at the top already counts this answer."""
    causes = st.session_state.get(KEYS["causes"].format(exercise_id=exercise.id), [])
    fixes = st.session_state.get(KEYS["fixes"].format(exercise_id=exercise.id), [])
    st.session_state[KEYS["attempts"]][exercise.id] = grade(exercise, causes, fixes)


def move(set_key, position):
    st.session_state[KEYS["position"]][set_key] = position


def named(bug_ids, attribute):
    """The entries' titles or fixes, quoted: fixes have commas and semicolons of their own."""
    return ", ".join(f"“{getattr(BUGS[i], attribute)}”" for i in bug_ids) or "nothing"


st.title("Find the bug")
st.caption(
    "Each exercise hides one or two mistakes from the catalogue. Pick the cause and the fix: one point each. "
    "The same seed gives everyone the same set; your answers stay in this browser session."
)
left, right = st.columns(2)
seed = int(
    left.number_input("Seed (your trainer may give one)", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["seed"])
)
difficulty = right.selectbox(
    "Difficulty", list(DIFFICULTIES), format_func=lambda d: DIFFICULTIES[d].label, key=KEYS["difficulty"]
)
exercises = exercise_set(seed, difficulty)
attempts = st.session_state.setdefault(KEYS["attempts"], {})
set_key = (seed, difficulty)
position = st.session_state.setdefault(KEYS["position"], {}).get(set_key, 0)

in_set = score(attempts[e.id] for e in exercises if e.id in attempts)
in_session = score(attempts.values())
with st.container(key=KEYS["score"]):
    st.metric(
        "Score in this set",
        f"{in_set.points} / {POINTS_PER_EXERCISE * len(exercises)}",
        help=f"{in_set.answered} of {len(exercises)} exercises answered",
    )
    st.caption(f"This session: {in_session.points} of {in_session.possible} points over {in_session.answered} answers.")

exercise = exercises[position]
count = len(exercise.bug_ids)
with st.container(key=KEYS["exercise"], border=True):
    st.subheader(f"Exercise {exercise.number} of {len(exercises)}")
    what = "this token (what the signer handed to join())" if exercise.kind == "token" else "this code"
    st.markdown(f"{count} mistake{'s' if count > 1 else ''} hide{'' if count > 1 else 's'} in {what}.")
    st.code(exercise.shown, language=exercise.language, wrap_lines=True)
    if exercise.decoded:
        st.caption("Its header and payload, decoded:")
        st.code(exercise.decoded, language="json", wrap_lines=True)
    st.markdown("\n".join(f"- {line}" for line in exercise.context))

attempt = attempts.get(exercise.id)
if attempt is None:
    with st.form(KEYS["form"].format(exercise_id=exercise.id)):
        st.multiselect(
            f"Cause — pick {count}",
            exercise.cause_options,
            format_func=lambda i: BUGS[i].title,
            key=KEYS["causes"].format(exercise_id=exercise.id),
        )
        st.multiselect(
            f"Fix — pick {count}",
            exercise.fix_options,
            format_func=lambda i: BUGS[i].fix,
            key=KEYS["fixes"].format(exercise_id=exercise.id),
        )
        st.form_submit_button("Check", type="primary", key=KEYS["check"], on_click=answer, args=(exercise,))
        st.caption("An empty answer counts as 'I don't know': it scores nothing and shows the explanation.")
else:
    with st.container(key=KEYS["feedback"]):
        for part, right_answer, picked, attribute in (
            ("Cause", attempt.causes_right, attempt.causes, "title"),
            ("Fix", attempt.fixes_right, attempt.fixes, "fix"),
        ):
            if right_answer:
                st.success(f"{part}: right — {named(picked, attribute)}.", icon=":material/check_circle:")
            else:
                st.error(
                    f"{part}: not quite — you picked {named(picked, attribute)}; "
                    f"the answer is {named(attempt.answer, attribute)}.",
                    icon=":material/cancel:",
                )
        field = LANGUAGES[exercise.language or "javascript"][0]
        for bug_id in exercise.bug_ids:
            bug = BUGS[bug_id]
            st.markdown(f"**{bug.title}.** {bug.why}  \n**Fix.** {bug.fix}")
            st.code(getattr(bug, f"{field}_after"), language=exercise.language or "javascript", wrap_lines=True)

left, middle, right = st.columns([1, 4, 1])
left.button("Previous", key=KEYS["previous"], on_click=move, args=(set_key, position - 1), disabled=position == 0)
right.button(
    "Next",
    key=KEYS["next"],
    on_click=move,
    args=(set_key, position + 1),
    disabled=position + 1 == len(exercises),
    type="primary" if attempt else "secondary",
)
if in_set.answered == len(exercises):
    middle.success(f"Set complete: {in_set.points} of {in_set.possible} points.")
st.download_button(
    "Download my results (JSON)",
    data=results_json(attempts.values(), st.session_state.get(widget_keys.LESSONS["seen"], ())),
    file_name="signature-lab-results.json",
    mime="application/json",
    key=KEYS["download"],
    on_click="ignore",
    disabled=not attempts,
)
