"""Find the bug: a seeded set of exercises from the bug catalogue.

On their own, a learner's answers and score live only in this browser session (st.session_state) and can be
downloaded. In a class (a trainer's join code), each answer is stored in the class's database the moment it
is given, and the page's address carries the learner's resume key, so a reload or the same link later
continues where they were, on any server of the room.
"""

import time

import streamlit as st

from lib import widget_keys
from lib.classroom.database import ClassroomUnavailable
from lib.classroom.store import (
    NAME_FIELD_CHARACTERS,
    ClassroomError,
    as_attempt,
    earlier_answer_note,
    join_class,
    learner_answers,
    learner_by_key,
    open_class,
    record_answer,
    secrets_typed,
    shown_join_code,
)
from lib.mistakes.catalogue import BUGS
from lib.present.display import escape_markdown
from lib.training.exercises import (
    DEFAULT_SEED,
    DIFFICULTIES,
    POINTS_PER_EXERCISE,
    corrected_code,
    exercise_set,
    grade,
    results_json,
    score,
)
from lib.training.signers import SIGNERS
from ui.classroom import open_database
from ui.credentials import configured_zoom_credentials

KEYS = widget_keys.EXERCISES
# A set is the same for every learner (it depends on seed, difficulty and size only): built once per server,
# not on every run. Bounded, since the seed is the user's number.
exercises_of = st.cache_resource(exercise_set, max_entries=64, show_spinner=False)
PROBLEM = KEYS["class_problem"]


def join():
    try:
        engine = open_database()
        session = open_class(engine, st.session_state[KEYS["class_code"]], time.time())
        typed = secrets_typed(st.session_state.items(), configured_zoom_credentials())
        key = join_class(engine, session, st.session_state[KEYS["class_name"]], time.time(), typed)
    except (ClassroomError, ClassroomUnavailable) as problem:
        st.session_state[PROBLEM] = str(problem)
        return
    st.query_params[widget_keys.LEARNER_PARAM] = key


def leave():
    st.query_params.pop(widget_keys.LEARNER_PARAM, None)


def answer(exercise, learner):
    """Grade on submit, before the script runs, so the score at the top already counts this answer. In a class
    the answer counts once the database has it; if it could not be stored, the form stays for another try."""
    causes = st.session_state.get(KEYS["causes"].format(exercise_id=exercise.id), [])
    fixes = st.session_state.get(KEYS["fixes"].format(exercise_id=exercise.id), [])
    attempt = grade(exercise, causes, fixes)
    if learner is None:
        st.session_state[KEYS["attempts"]][exercise.id] = attempt
        return
    shown = st.session_state.get(KEYS["shown_at"], {}).get(exercise.id)
    now = time.time()
    try:
        stored = record_answer(open_database(), learner, attempt, None if shown is None else now - shown, now)
    except (ClassroomError, ClassroomUnavailable) as problem:
        st.session_state[PROBLEM] = f"Your answer was not saved. {problem}"
        return
    if note := earlier_answer_note(stored, attempt, now):
        st.session_state[PROBLEM] = note


def move(set_key, position):
    st.session_state[KEYS["position"]][set_key] = position


def named(bug_ids, attribute):
    """The entries' titles or fixes, quoted: fixes have commas and semicolons of their own."""
    return ", ".join(f"“{getattr(BUGS[i], attribute)}”" for i in bug_ids) or "nothing"


st.title("Find the bug")
learner, session = None, None
learner_key = st.query_params.get(widget_keys.LEARNER_PARAM)
if learner_key:
    try:
        engine = open_database()
        member = learner_by_key(engine, learner_key)
        if member is not None:
            learner, session = member
            stored = learner_answers(engine, learner)
    except ClassroomUnavailable as problem:
        st.error(f"{problem}", icon=":material/cloud_off:")
        st.button("Try again", key=KEYS["class_join"], type="primary")
        st.stop()
    if learner is None:
        st.warning(
            "This page's address names a class place that does not exist (the class was deleted, or the link "
            "was cut). Ask your trainer for the join code to join again.",
            icon=":material/link_off:",
        )
        st.button("Practise on my own", key=KEYS["class_leave"], on_click=leave)
        st.stop()

problem = st.session_state.pop(PROBLEM, None)
if session is None:
    st.caption(
        "Each exercise hides one or two mistakes from the catalogue. Pick the cause and the fix: one point each. "
        "The same seed gives everyone the same set; your answers stay in this browser session."
    )
    with st.expander("In a class? Join it with your trainer's code", expanded=bool(problem), icon=":material/group:"):
        with st.form(KEYS["class_form"], border=False):
            left, right = st.columns(2)
            left.text_input("Join code", placeholder="7KQM-3XHT", max_chars=12, key=KEYS["class_code"])
            right.text_input(
                "Display name (the trainer sees it)", max_chars=NAME_FIELD_CHARACTERS, key=KEYS["class_name"]
            )
            st.form_submit_button("Join the class", type="primary", key=KEYS["class_join"], on_click=join)
        if problem:
            st.error(problem, icon=":material/error:")
    left, right = st.columns(2)
    seed = int(
        left.number_input("Seed (your trainer may give one)", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["seed"])
    )
    difficulty = right.selectbox(
        "Difficulty", list(DIFFICULTIES), format_func=lambda d: DIFFICULTIES[d].label, key=KEYS["difficulty"]
    )
    exercises = exercises_of(seed, difficulty)
    attempts = st.session_state.setdefault(KEYS["attempts"], {})
    set_key = (seed, difficulty)
else:
    with st.container(key=KEYS["class_banner"], border=True):
        st.markdown(
            f"**{escape_markdown(session.title)}** · you are **{escape_markdown(learner.display_name)}** · "
            f"join code `{shown_join_code(session.join_code)}`"
        )
        st.caption(
            "Each answer is saved for your trainer as you give it. Keep this page's address (bookmark it) to "
            "continue later, on this computer or another; do not share it: it opens your place in the class."
        )
        st.button("Leave the class (your answers stay saved)", key=KEYS["class_leave"], on_click=leave)
    if not session.open_at(time.time()):
        st.info(f"This class is {session.state_at(time.time())}: your answers are kept, new ones are not taken.")
    exercises = exercises_of(session.seed, session.difficulty, session.exercise_count)
    attempts = {
        exercises[number - 1].id: as_attempt(given, exercises[number - 1])
        for number, given in stored.items()
        if number <= len(exercises)
    }
    set_key = ("learner", learner.id)  # another learner joining in this tab starts at their own place
    if set_key not in st.session_state.setdefault(KEYS["position"], {}):
        # Continue at the first exercise not answered yet (the last one once all are).
        unanswered = [index for index, e in enumerate(exercises) if e.id not in attempts]
        st.session_state[KEYS["position"]][set_key] = unanswered[0] if unanswered else len(exercises) - 1
position = st.session_state.setdefault(KEYS["position"], {}).get(set_key, 0)

in_set = score(attempts[e.id] for e in exercises if e.id in attempts)
with st.container(key=KEYS["score"]):
    st.metric(
        "Score in this class" if session else "Score in this set",
        f"{in_set.points} / {POINTS_PER_EXERCISE * len(exercises)}",
        help=f"{in_set.answered} of {len(exercises)} exercises answered",
    )
    if session is None:
        in_session = score(attempts.values())
        st.caption(
            f"This session: {in_session.points} of {in_session.possible} points over {in_session.answered} answers."
        )

exercise = exercises[position]
count = len(exercise.bug_ids)
with st.container(key=KEYS["exercise"], border=True):
    st.header(f"Exercise {exercise.number} of {len(exercises)}")
    what = "this token (what the signer handed to join())" if exercise.kind == "token" else "this signer"
    what += f" ({SIGNERS[exercise.language].label})" if exercise.language else ""
    st.markdown(f"{count} mistake{'s' if count > 1 else ''} hide{'' if count > 1 else 's'} in {what}.")
    st.code(exercise.shown, language=exercise.language, wrap_lines=True)
    if exercise.decoded:
        st.caption("Its header and payload, decoded:")
        st.code(exercise.decoded, language="json", wrap_lines=True)
    st.markdown("\n".join(f"- {line}" for line in exercise.context))

attempt = attempts.get(exercise.id)
if session is not None:
    st.session_state.setdefault(KEYS["shown_at"], {}).setdefault(exercise.id, time.time())
    if problem:
        st.error(problem, icon=":material/error:")
if attempt is None:
    with st.form(KEYS["form"].format(exercise_id=exercise.id)):
        st.multiselect(
            f"Cause — pick {count}",
            exercise.cause_options,
            format_func=lambda i: BUGS[i].title,
            key=KEYS["causes"].format(exercise_id=exercise.id),
            max_selections=count,
            select_all=False,
        )
        st.multiselect(
            f"Fix — pick {count}",
            exercise.fix_options,
            format_func=lambda i: BUGS[i].fix,
            key=KEYS["fixes"].format(exercise_id=exercise.id),
            max_selections=count,
            select_all=False,
        )
        st.form_submit_button(
            "Check",
            type="primary",
            key=KEYS["check"],
            on_click=answer,
            args=(exercise, learner),
            disabled=session is not None and not session.open_at(time.time()),
        )
        st.caption("An empty answer counts as 'I don't know': it scores nothing and shows the explanation.")
else:
    if session is not None:
        with st.container(key=KEYS["saved"]):
            st.caption(":material/cloud_done: Saved for your trainer.")
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
        for bug_id in exercise.bug_ids:
            bug = BUGS[bug_id]
            st.markdown(f"**{bug.title}.** {bug.why}  \n**Fix.** {bug.fix}")
            if corrected := corrected_code(exercise, bug_id):
                st.code(corrected[1], language=corrected[0], wrap_lines=True)

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
