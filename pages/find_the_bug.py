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
    ClassroomError,
    earlier_answer_note,
    join_class,
    open_class,
    record_answer,
    secrets_typed,
)
from lib.training.exercises import grade, results_json
from lib.training.practice import seconds_taken
from ui import exercise as draw
from ui.classroom import open_database
from ui.credentials import configured_zoom_credentials

KEYS = widget_keys.EXERCISES
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
    now = time.time()
    taken = seconds_taken(st.session_state.get(KEYS["shown_at"], {}), exercise.id, now)
    try:
        stored = record_answer(open_database(), learner, attempt, taken, now)
    except (ClassroomError, ClassroomUnavailable) as problem:
        st.session_state[PROBLEM] = f"Your answer was not saved. {problem}"
        return
    if note := earlier_answer_note(stored, attempt, now):
        st.session_state[PROBLEM] = note


def move(place, position):
    st.session_state[KEYS["position"]][place] = position


st.title("Find the bug")
learner_key = st.query_params.get(widget_keys.LEARNER_PARAM)
learner = None
if learner_key:
    learner, session, run = draw.class_practice(learner_key, on_click=leave)
problem = st.session_state.pop(PROBLEM, None)
if learner is None:
    run = draw.solo_practice(problem, on_click=join)
else:
    draw.class_banner(learner, session, on_click=leave)
position = run.position(st.session_state.setdefault(KEYS["position"], {}))
draw.score_metric(run)

exercise = run.exercises[position]
draw.exercise_card(exercise, len(run.exercises))
attempt = run.attempts.get(exercise.id)
if run.in_class:
    st.session_state.setdefault(KEYS["shown_at"], {}).setdefault(exercise.id, time.time())
    if problem:
        st.error(problem, icon=":material/error:")
if attempt is None:
    draw.answer_form(exercise, on_click=answer, args=(exercise, learner), taking_answers=run.taking_answers)
else:
    draw.feedback(exercise, attempt, saved=run.in_class)
draw.set_navigation(run, position, on_click=move, answered=attempt is not None)
st.download_button(
    "Download my results (JSON)",
    data=results_json(run.attempts.values(), st.session_state.get(widget_keys.LESSONS["seen"], ())),
    file_name="signature-lab-results.json",
    mime="application/json",
    key=KEYS["download"],
    on_click="ignore",
    disabled=not run.attempts,
)
