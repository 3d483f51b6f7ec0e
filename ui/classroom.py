"""The classroom as the pages draw it: one database opener, so the trainer and the learners read the same room,
and the Trainer page's live class in its three views.

- The projector view (`?class=<join code>`): the join code large, the title, the counts and the chart. Nothing
  in it opens the console or destroys anything, so it is safe to project.
- The trainer's console (`?trainer=<key>`, the trainer link): the same figures, the learners' table, and Close,
  Reopen, Results (CSV) and Delete, the destructive two only once their confirmation is ticked. The key rides
  in the address, so a reload keeps the console; it appears in the page only in the link shown once at the start.
- The forms: start a class, or open its console with the join code and PIN when the link is lost
  (lib.classroom.access limits the PIN tries per browser session and per source).
"""

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from lib import widget_keys
from lib.classroom.access import PinGuesses, WrongPin, console_class, open_console_with_pin
from lib.classroom.database import ClassroomUnavailable, classroom_engine
from lib.classroom.room import learner_rows, mistake_chart, mistake_rows, results_csv, room_results
from lib.classroom.schema import MAX_EXERCISES
from lib.classroom.store import (
    ClassroomError,
    close_class,
    create_class,
    delete_class,
    find_class,
    normalised_join_code,
    reopen_class,
    shown_join_code,
)
from lib.present.display import escape_markdown
from lib.present.html import join_code_html
from lib.training.exercises import DEFAULT_SEED, DIFFICULTIES, EXERCISE_SDKS, SET_SIZE
from lib.training.trainer import AGENDA_DIFFICULTY, handout_file_name, handout_markdown
from lib.zoom.families import SDK_FAMILIES
from ui.family import family_selector

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KEYS = widget_keys.TRAINER
LINK_PARAM, PROJECTOR_PARAM = KEYS["link_param"], KEYS["projector_param"]
ROOM_REFRESH_SECONDS = 3
LOCAL_SOURCE = "local"  # st.context.ip_address is None for a browser on the server's own machine


def open_database():
    """The classroom's SQLAlchemy engine: secrets.toml's [connections.classroom], the environment, else SQLite
    under the project (lib.classroom.database decides; a refusal raises ClassroomUnavailable)."""
    return classroom_engine(st.connection, st.secrets, os.environ, PROJECT_ROOT)


def client_source() -> str:
    """Where this browser session connects from, for the PIN tries per source: the address of its websocket as
    Streamlit sees it (st.context.ip_address). Behind a reverse proxy that is the proxy's address; on this
    machine, or where Streamlit knows none (a test's AppTest), it is LOCAL_SOURCE."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else LOCAL_SOURCE


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


# ------------------------------------------------------------------------------------------ callbacks


def _class_action(action):
    """Run a database action from a button; a refusal or an unreachable database becomes the page's message."""
    try:
        action(open_database())
    except (ClassroomError, ClassroomUnavailable) as problem:
        st.session_state[KEYS["class_problem"]] = str(problem)


def _start(engine):
    started = create_class(
        engine,
        st.session_state[KEYS["new_title"]],
        int(st.session_state[KEYS["new_seed"]]),
        st.session_state[KEYS["new_difficulty"]],
        int(st.session_state[KEYS["new_count"]]),
        time.time(),
        SDK_FAMILIES[st.session_state[KEYS["new_family"]]],
    )
    st.query_params[LINK_PARAM] = started.trainer_key
    st.session_state[KEYS["new_pin"]] = started.pin


def _open_with_pin(engine):
    code, pin = st.session_state[KEYS["open_code"]], st.session_state[KEYS["open_pin"]]
    st.session_state[KEYS["open_pin"]] = ""  # the PIN field is emptied whatever the outcome
    guesses = st.session_state.get(KEYS["pin_guesses"], PinGuesses())
    try:
        _, trainer_key = open_console_with_pin(engine, code, pin, client_source(), guesses, time.time())
    except WrongPin as refused:
        st.session_state[KEYS["pin_guesses"]] = refused.guesses
        raise
    st.session_state[KEYS["pin_guesses"]] = PinGuesses()
    st.query_params[LINK_PARAM] = trainer_key
    st.session_state[KEYS["new_link"]] = True


def _leave():
    """Back to the forms; the trainer link still opens the console later."""
    st.query_params.pop(LINK_PARAM, None)
    _leave_link_shown()


def _close(class_id):
    _class_action(lambda engine: close_class(engine, class_id, time.time()))


def _reopen(class_id):
    _class_action(lambda engine: reopen_class(engine, class_id, time.time()))


def _delete(class_id):
    _class_action(lambda engine: delete_class(engine, class_id))
    if KEYS["class_problem"] not in st.session_state:
        _leave()


# ------------------------------------------------------------------------------------------ drawing


def difficulty_box(container, key):
    """The difficulty of a class or a handout, the agenda's by default."""
    return container.selectbox(
        "Difficulty",
        list(DIFFICULTIES),
        index=list(DIFFICULTIES).index(AGENDA_DIFFICULTY),
        format_func=lambda d: DIFFICULTIES[d].label,
        key=key,
    )


def exercise_sdk_box(container, key):
    """Which SDK's exercises a class or a handout holds (the Meeting SDK for web's by default)."""
    return family_selector(key, container, allow_unknown=False, label="Which SDK's exercises?", sdks=EXERCISE_SDKS)


def _figures(results):
    """The room's three numbers: learners, answers, and the score of the answered exercises."""
    people, answered, points = st.columns(3)
    people.metric("Learners", len(results.learners))
    answered.metric("Answers", f"{results.answers} / {len(results.learners) * results.session.exercise_count}")
    room = results.score
    points.metric(
        "Room's score",
        "—" if room.percent is None else f"{room.percent} %",
        help="Of the answered exercises' points: an exercise not answered yet counts for nothing either way.",
    )
    points.caption(f"{room.points} of {room.possible} points · {room.unanswered} not answered yet")


def _chart(results):
    with st.container(key=KEYS["room_chart"]):
        if results.mistakes:
            st.caption("Per mistake: answers that named it (cause and fix) and answers that missed it.")
            data, spec = mistake_chart(mistake_rows(results))
            st.vega_lite_chart(data, spec, width="stretch")
        else:
            st.caption("The chart of right and missed mistakes appears with the first answer.")


def _read_room(read):
    """The class and its results, read by `read(engine)`; None (with a message) if the database is unreachable."""
    try:
        engine = open_database()
        session = read(engine)
        return engine, session, None if session is None else room_results(engine, session)
    except ClassroomUnavailable as problem:
        st.error(f"{problem} The view tries again every {ROOM_REFRESH_SECONDS} s.", icon=":material/cloud_off:")
        return None


@st.fragment(run_every=ROOM_REFRESH_SECONDS)
def projector_view(typed_code):
    """What the room may see, read again every few seconds: the join code large, the title, counts and chart."""
    try:
        code = normalised_join_code(typed_code)
    except ClassroomError as problem:
        st.error(f"This projector address has no class's code: {problem}", icon=":material/link_off:")
        return
    read = _read_room(lambda engine: find_class(engine, code))
    if read is None:
        return
    _, session, results = read
    if session is None:
        st.warning("No class has this join code: it was deleted, or the address was cut.", icon=":material/delete:")
        return
    with st.container(key=KEYS["projector"]):
        st.title(f"{escape_markdown(session.title)} · {session.state_at(time.time())}", anchor=False)
        with st.container(key=KEYS["projector_code"]):
            st.markdown("Join code", help=None)
            st.markdown(join_code_html(shown_join_code(session.join_code)), unsafe_allow_html=True)
        st.caption(
            "Open *Find the bug*, expand *In a class?*, and type this code and your name. "
            f"Exercises for the {session.sdk_title}."
        )
        _figures(results)
        _chart(results)


def _link_once(trainer_key):
    """The trainer link (and, at the start, the PIN) shown once, with a copy button (st.code's own)."""
    pin = st.session_state.get(KEYS["new_pin"])
    if not (pin or st.session_state.get(KEYS["new_link"])):
        return
    with st.container(key=KEYS["room_link"], border=True):
        st.markdown("**Your trainer link** opens this console on any computer or server. Keep it to yourself:")
        st.code(f"{st.context.url or '/trainer'}?{LINK_PARAM}={trainer_key}", language=None, wrap_lines=True)
        if pin:
            st.markdown(
                f"If the link is lost: the join code and the trainer PIN **`{pin}`** open the console again and "
                "give a new link (the old one then stops working). Both are shown this once."
            )
        st.button("I have kept them: hide", key=KEYS["room_link_hide"], on_click=_leave_link_shown)


def _leave_link_shown():
    for key in (KEYS["new_pin"], KEYS["new_link"]):
        st.session_state.pop(key, None)


def _console_actions(session, results, engine, state):
    """Close and Delete, each enabled only once its confirmation is ticked; Reopen; Results (CSV)."""
    close, download, remove = st.columns(3)
    if state == "open":
        sure = close.checkbox(
            f"Yes, close it (it can be reopened until {_when(session.expires_at)})", key=KEYS["room_close_confirm"]
        )
        close.button(
            "Close the class",
            key=KEYS["room_close"],
            on_click=_close,
            args=(session.id,),
            disabled=not sure,
            help="No one can join or answer after this; the results stay.",
        )
    else:
        expired = time.time() >= session.expires_at
        close.button(
            "Reopen the class",
            key=KEYS["room_reopen"],
            on_click=_reopen,
            args=(session.id,),
            disabled=expired,
            help=f"Joins and answers are taken again until the class expires ({_when(session.expires_at)})."
            if not expired
            else f"This class expired on {_when(session.expires_at)}: start a new one.",
        )
    download.download_button(
        "Results (CSV)",
        data=lambda: results_csv(engine, session),  # read from the database when pressed, not every 3 s
        file_name=f"class-{session.join_code}.csv",
        mime="text/csv",
        key=KEYS["room_csv"],
        on_click="ignore",
        icon=":material/download:",
    )
    sure = remove.checkbox(
        f"Yes, delete the class, its {len(results.learners)} learners and their {results.answers} answers",
        key=KEYS["room_delete_confirm"],
    )
    remove.button(
        "Delete the class's data",
        key=KEYS["room_delete"],
        on_click=_delete,
        args=(session.id,),
        disabled=not sure,
        type="primary",
        help="This cannot be undone: download the results first if you need them.",
    )


@st.fragment(run_every=ROOM_REFRESH_SECONDS)
def console_view(trainer_key):
    """The trainer's console, read again every few seconds; its buttons rerun only this part of the page."""
    if st.query_params.get(LINK_PARAM) != trainer_key:  # left or deleted: the whole page shows the forms again
        st.rerun()
    read = _read_room(lambda engine: console_class(engine, trainer_key))
    if read is None:
        return
    engine, session, results = read
    if session is None:
        st.warning(
            "This trainer link opens no class: the class was deleted, or its PIN gave a newer link.",
            icon=":material/link_off:",
        )
        st.button("Start or open another class", key=KEYS["room_leave"], on_click=_leave)
        return
    problem = st.session_state.pop(KEYS["class_problem"], None)  # of a button of this part, run alone
    if problem:
        st.error(problem, icon=":material/error:")
    now = time.time()
    state = session.state_at(now)
    _link_once(trainer_key)
    with st.container(key=KEYS["room"], border=True):
        st.markdown(f"### {escape_markdown(session.title)} · {state}")
        left, right = st.columns([2, 3])
        left.markdown(f"### Join code: `{shown_join_code(session.join_code)}`")
        left.caption(
            f"Seed {session.seed} · {session.difficulty} · {session.exercise_count} exercises · "
            f"for the {session.sdk_title}"
        )
        right.link_button(
            "Open the projector view",
            f"?{PROJECTOR_PARAM}={session.join_code}",
            icon=":material/co_present:",
            help="Put that page on the projector: the code, the counts and the chart; no PIN, link or button.",
        )
        right.download_button(
            "This class's handout (Markdown)",
            data=lambda: handout_markdown(  # when pressed
                session.seed, session.difficulty, session.exercise_count, session.family
            ),
            file_name=handout_file_name(session.seed, session.difficulty, session.family, session.exercise_count),
            mime="text/markdown",
            key=KEYS["room_handout"],
            on_click="ignore",
            icon=":material/download:",
        )
        _figures(results)
        with st.container(key=KEYS["room_learners"]):
            if results.learners:
                st.dataframe(learner_rows(results, now), hide_index=True)
            else:
                st.caption("No one has joined yet.")
        _chart(results)
        _console_actions(session, results, engine, state)
        st.button("Leave the console (the class goes on)", key=KEYS["room_leave"], on_click=_leave)


def class_forms():
    """Start a class, or open one's console with its join code and PIN."""
    st.caption(
        "Start a class: learners join with its code on *Find the bug*, and their answers appear here as they "
        "give them, kept in the classroom database (they survive reloads and restarts)."
    )
    start, reopen = st.tabs(["Start a class", "Lost the trainer link? Open with the PIN"])
    with start.form(KEYS["new_form"], border=False):
        st.text_input("Title", value="Signature Lab training", max_chars=120, key=KEYS["new_title"])
        left, middle, right = st.columns(3)
        left.number_input("Seed", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["new_seed"])
        difficulty_box(middle, KEYS["new_difficulty"])
        right.number_input(
            "Exercises", min_value=1, max_value=MAX_EXERCISES, value=SET_SIZE, step=1, key=KEYS["new_count"]
        )
        exercise_sdk_box(st, KEYS["new_family"])
        st.form_submit_button(
            "Start the class", type="primary", key=KEYS["new_submit"], on_click=_class_action, args=(_start,)
        )
    with reopen.form(KEYS["open_form"], border=False):
        left, right = st.columns(2)
        left.text_input("Join code", max_chars=12, key=KEYS["open_code"])
        right.text_input("Trainer PIN", type="password", max_chars=12, key=KEYS["open_pin"])
        st.form_submit_button(
            "Open the console", key=KEYS["open_submit"], on_click=_class_action, args=(_open_with_pin,)
        )


def live_class():
    """The console when the address holds a trainer link, else the forms; a failed action's message first."""
    problem = st.session_state.pop(KEYS["class_problem"], None)
    if problem:
        st.error(problem, icon=":material/error:")
    trainer_key = st.query_params.get(LINK_PARAM)
    if trainer_key:
        console_view(trainer_key)
    else:
        class_forms()
