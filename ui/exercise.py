"""Find the bug's drawing: the set chooser and the class's join form, the learner's place in a class, the score,
the exercise, the answer form, the verdict and the way through the set. Keys: lib.widget_keys.EXERCISES; what
is shown is worked out in lib.training.practice."""

import time

import streamlit as st

from lib import widget_keys
from lib.classroom.database import ClassroomUnavailable
from lib.classroom.store import (
    NAME_FIELD_CHARACTERS,
    as_attempt,
    learner_answers,
    learner_by_key,
    shown_join_code,
)
from lib.mistakes.catalogue import BUGS
from lib.present.display import escape_markdown
from lib.training import practice
from lib.training.exercises import DEFAULT_SEED, DIFFICULTIES, EXERCISE_SDKS, exercise_set
from lib.zoom.families import SDK_FAMILIES
from ui.classroom import open_database
from ui.family import family_selector

KEYS = widget_keys.EXERCISES
# A set is the same for every learner (it depends on seed, difficulty, size and family only): built once per server,
# not on every run. Bounded, since the seed is the user's number.
exercises_of = st.cache_resource(exercise_set, max_entries=64, show_spinner=False)


def solo_practice(problem: str | None, on_click) -> practice.Practice:
    """Practice alone: the class's join form (open while `problem`, the last join's message, is shown), the
    seed, the difficulty and the SDK whose tokens the set shows; the answers stay in this session."""
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
            st.form_submit_button("Join the class", type="primary", key=KEYS["class_join"], on_click=on_click)
        if problem:
            st.error(problem, icon=":material/error:")
    left, middle, right = st.columns(3)
    seed = int(
        left.number_input("Seed (your trainer may give one)", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["seed"])
    )
    difficulty = middle.selectbox(
        "Difficulty", list(DIFFICULTIES), format_func=lambda d: DIFFICULTIES[d].label, key=KEYS["difficulty"]
    )
    sdk = family_selector(KEYS["family"], right, allow_unknown=False, label="Which SDK?", sdks=EXERCISE_SDKS)
    family = SDK_FAMILIES[sdk]
    attempts = st.session_state.setdefault(KEYS["attempts"], {})
    exercises = exercises_of(seed, difficulty, family=family)
    return practice.solo_practice(exercises, attempts, seed, difficulty, family)


def class_practice(learner_key: str, on_click):
    """The learner's place in their class, read from its database: (learner, class session, practice). A
    database that cannot be reached, or an address naming no place, is said on the page, which stops there."""
    try:
        engine = open_database()
        member = learner_by_key(engine, learner_key)
        stored = {} if member is None else learner_answers(engine, member[0])
    except ClassroomUnavailable as problem:
        st.error(f"{problem}", icon=":material/cloud_off:")
        st.button("Try again", key=KEYS["class_join"], type="primary")
        st.stop()
    if member is None:
        st.warning(
            "This page's address names a class place that does not exist (the class was deleted, or the link "
            "was cut). Ask your trainer for the join code to join again.",
            icon=":material/link_off:",
        )
        st.button("Practise on my own", key=KEYS["class_leave"], on_click=on_click)
        st.stop()
    learner, session = member
    exercises = exercises_of(session.seed, session.difficulty, session.exercise_count, session.family)
    taking = session.open_at(time.time())
    return learner, session, practice.class_practice(exercises, stored, as_attempt, learner.id, taking)


def class_banner(learner, session, on_click) -> None:
    """Which class, under which name; how to continue later; the way out (and, once closed, that it is)."""
    with st.container(key=KEYS["class_banner"], border=True):
        st.markdown(
            f"**{escape_markdown(session.title)}** · you are **{escape_markdown(learner.display_name)}** · "
            f"join code `{shown_join_code(session.join_code)}` · exercises for the {session.sdk_title}"
        )
        st.caption(
            "Each answer is saved for your trainer as you give it. Keep this page's address (bookmark it) to "
            "continue later, on this computer or another; do not share it: it opens your place in the class."
        )
        st.button("Leave the class (your answers stay saved)", key=KEYS["class_leave"], on_click=on_click)
    if not session.open_at(time.time()):
        st.info(f"This class is {session.state_at(time.time())}: your answers are kept, new ones are not taken.")


def score_metric(run: practice.Practice) -> None:
    line = practice.score_line(run)
    with st.container(key=KEYS["score"]):
        st.metric(line.label, line.value, help=line.help)
        if line.session:
            st.caption(line.session)


def exercise_card(exercise, count: int) -> None:
    """The exercise: what to look at (code or a token and its decoded parts) and what the learner knows."""
    with st.container(key=KEYS["exercise"], border=True):
        st.header(f"Exercise {exercise.number} of {count}")
        st.markdown(practice.task_line(exercise))
        st.code(exercise.shown, language=exercise.language, wrap_lines=True)
        if exercise.decoded:
            st.caption("Its header and payload, decoded:")
            st.code(exercise.decoded, language="json", wrap_lines=True)
        st.markdown("\n".join(f"- {line}" for line in exercise.context))


def answer_form(exercise, on_click, args, taking_answers: bool) -> None:
    """Pick as many causes and fixes as there are mistakes; Check grades (`on_click(*args)`)."""
    count = len(exercise.bug_ids)
    with st.form(KEYS["form"].format(exercise_id=exercise.id)):
        for part, options, attribute, field in (
            ("Cause", exercise.cause_options, "title", "causes"),
            ("Fix", exercise.fix_options, "fix", "fixes"),
        ):
            st.multiselect(
                f"{part} — pick {count}",
                options,
                format_func=lambda bug_id, attribute=attribute: getattr(BUGS[bug_id], attribute),
                key=KEYS[field].format(exercise_id=exercise.id),
                max_selections=count,
                select_all=False,
            )
        st.form_submit_button(
            "Check", type="primary", key=KEYS["check"], on_click=on_click, args=args, disabled=not taking_answers
        )
        st.caption("An empty answer counts as 'I don't know': it scores nothing and shows the explanation.")


def feedback(exercise, attempt, saved: bool) -> None:
    """After an answer: (in a class) that it is saved, the verdict on causes and fixes, every mistake explained."""
    if saved:
        with st.container(key=KEYS["saved"]):
            st.caption(":material/cloud_done: Saved for your trainer.")
    with st.container(key=KEYS["feedback"]):
        for verdict in practice.verdicts(attempt):
            if verdict.right:
                st.success(verdict.text, icon=":material/check_circle:")
            else:
                st.error(verdict.text, icon=":material/cancel:")
        for explanation in practice.explanations(exercise):
            st.markdown(explanation.text)
            if explanation.corrected:
                st.code(explanation.corrected[1], language=explanation.corrected[0], wrap_lines=True)


def set_navigation(run: practice.Practice, position: int, on_click, answered: bool) -> None:
    """Previous and Next (`on_click(place, index)`), and the set's result once it is complete."""
    left, middle, right = st.columns([1, 4, 1])
    left.button(
        "Previous", key=KEYS["previous"], on_click=on_click, args=(run.place, position - 1), disabled=position == 0
    )
    right.button(
        "Next",
        key=KEYS["next"],
        on_click=on_click,
        args=(run.place, position + 1),
        disabled=position + 1 == len(run.exercises),
        type="primary" if answered else "secondary",
    )
    if done := practice.completion(run):
        middle.success(done)
