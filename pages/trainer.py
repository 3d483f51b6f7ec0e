"""Trainer: run a 45-minute session from the app — presenter view, agenda, a live class and a printable handout.

The live class lives in the classroom database (lib.classroom), not in this browser session: the trainer view
reads it afresh every few seconds, so it shows what learners answer on any server of the room.
"""

import time

import streamlit as st

from lib import widget_keys
from lib.classroom.database import ClassroomUnavailable
from lib.classroom.room import learner_rows, mistake_rows, results_csv, room_results
from lib.classroom.schema import MAX_EXERCISES
from lib.classroom.store import (
    ClassroomError,
    class_by_id,
    close_class,
    create_class,
    delete_class,
    shown_join_code,
    unlock_trainer_view,
)
from lib.navigation import PAGES
from lib.present.display import escape_markdown
from lib.present.html import presenter_html
from lib.training.exercises import DEFAULT_SEED, DIFFICULTIES, SET_SIZE
from lib.training.trainer import (
    AGENDA,
    AGENDA_DIFFICULTY,
    SESSION_MINUTES,
    handout_markdown,
    presenter_slides,
)
from ui.classroom import open_database

KEYS = widget_keys.TRAINER
SLIDES = presenter_slides()
PAGE_PATHS = {entry.url_path: entry.path for entry in PAGES}
ROOM_REFRESH_SECONDS = 3
PROBLEM = KEYS["class_problem"]
PARTS = {"right": "#2e7d32", "missed": "#c62828"}  # the chart's two parts and their colours


def move_by(delta):
    st.session_state[KEYS["slide_index"]] = min(max(st.session_state[KEYS["slide_index"]] + delta, 0), len(SLIDES) - 1)


def difficulty_box(container, key):
    """The difficulty of a class or a handout, the agenda's by default."""
    return container.selectbox(
        "Difficulty",
        list(DIFFICULTIES),
        index=list(DIFFICULTIES).index(AGENDA_DIFFICULTY),
        format_func=lambda d: DIFFICULTIES[d].label,
        key=key,
    )


def class_action(action):
    """Run a database action from a button; a refusal or an unreachable database becomes the page's message."""
    try:
        action(open_database())
    except (ClassroomError, ClassroomUnavailable) as problem:
        st.session_state[PROBLEM] = str(problem)


def start_class(engine):
    session, pin = create_class(
        engine,
        st.session_state[KEYS["new_title"]],
        int(st.session_state[KEYS["new_seed"]]),
        st.session_state[KEYS["new_difficulty"]],
        int(st.session_state[KEYS["new_count"]]),
        time.time(),
    )
    st.session_state[KEYS["class_id"]] = session.id
    st.session_state[KEYS["new_pin"]] = pin


def unlock(engine):
    code, pin = st.session_state[KEYS["open_code"]], st.session_state[KEYS["open_pin"]]
    st.session_state[KEYS["open_pin"]] = ""  # the PIN field is emptied whatever the outcome
    st.session_state[KEYS["class_id"]] = unlock_trainer_view(engine, code, pin, time.time()).id


def forget_class():
    for key in (KEYS["class_id"], KEYS["new_pin"]):
        st.session_state.pop(key, None)


def remove_class(engine):
    delete_class(engine, st.session_state[KEYS["class_id"]])
    forget_class()


def mistake_chart(rows):
    """Right (green) and missed (red) answers per mistake, stacked, the most missed on top, titles in full.

    Not by colour alone: each part of a bar carries its number, and the chart's description (what a screen
    reader reads for the canvas) says every figure in words."""
    import altair as alt

    counts = [{"mistake": row["mistake"], "answers": part, "count": row[part]} for row in rows for part in PARTS]
    described = "; ".join(f"{row['mistake']}: {row['right']} right, {row['missed']} missed" for row in rows)
    encoding = {
        "x": alt.X("count:Q", title="answers", stack="zero", axis=alt.Axis(tickMinStep=1)),
        "y": alt.Y("mistake:N", title=None, sort=[row["mistake"] for row in rows], axis=alt.Axis(labelLimit=360)),
        "order": alt.Order("answers:N", sort="descending"),
    }
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            color=alt.Color("answers:N", scale=alt.Scale(domain=list(PARTS), range=list(PARTS.values())), title=None),
            tooltip=["mistake:N", "answers:N", "count:Q"],
            **encoding,
        )
    )
    # White on either colour is 5:1 or more; a part with no answers has no bar and no number.
    numbers = (
        alt.Chart()
        .transform_filter("datum.count > 0")
        .mark_text(align="right", dx=-4, color="white", fontWeight="bold")
        .encode(text="count:Q", **encoding)
    )
    return alt.layer(bars, numbers, data=alt.Data(values=counts)).properties(
        description=f"Answers per mistake. {described}."
    )


@st.fragment(run_every=ROOM_REFRESH_SECONDS)
def room_view(class_id):
    """The live class: read again every few seconds; its buttons rerun only this part of the page."""
    if st.session_state.get(KEYS["class_id"]) != class_id:  # left or deleted: the whole page shows the forms again
        st.rerun()
    try:
        engine = open_database()
        session = class_by_id(engine, class_id)
        results = None if session is None else room_results(engine, session)
    except ClassroomUnavailable as problem:
        st.error(f"{problem} The view tries again every {ROOM_REFRESH_SECONDS} s.", icon=":material/cloud_off:")
        return
    if session is None:
        st.warning("This class is no longer in the database: it was deleted.", icon=":material/delete:")
        st.button("Start or open another class", key=KEYS["room_leave"], on_click=forget_class)
        return
    now = time.time()
    with st.container(key=KEYS["room"], border=True):
        state = session.state_at(now)
        st.markdown(f"### {escape_markdown(session.title)} · {state}")
        left, right = st.columns([2, 3])
        left.markdown(f"### Join code: `{shown_join_code(session.join_code)}`")  # big enough for a projector
        left.caption("Learners open *Find the bug*, expand *In a class?* and type this code and a name.")
        left.caption(f"Seed {session.seed} · {session.difficulty} · {session.exercise_count} exercises")
        left.download_button(
            "This class's handout (Markdown)",
            data=lambda: handout_markdown(session.seed, session.difficulty, session.exercise_count),  # when pressed
            file_name=f"find-the-bug-seed-{session.seed}-{session.difficulty}-{session.exercise_count}.md",
            mime="text/markdown",
            key=KEYS["room_handout"],
            on_click="ignore",
            icon=":material/download:",
        )
        pin = st.session_state.get(KEYS["new_pin"])
        if pin:
            right.info(
                f"Trainer PIN: **`{pin}`**. Note it: it is shown once, and it opens this view on another "
                "computer or server.",
                icon=":material/key:",
            )
        people, answered, points = st.columns(3)
        people.metric("Learners", len(results.learners))
        answered.metric("Answers", f"{results.answers} / {len(results.learners) * session.exercise_count}")
        room = results.score
        points.metric(
            "Room's score",
            "—" if room.percent is None else f"{room.percent} %",
            help="Of the answered exercises' points: an exercise not answered yet counts for nothing either way.",
        )
        points.caption(f"{room.points} of {room.possible} points · {room.unanswered} not answered yet")
        with st.container(key=KEYS["room_learners"]):
            if results.learners:
                st.dataframe(learner_rows(results, now), hide_index=True)
            else:
                st.caption("No one has joined yet.")
        with st.container(key=KEYS["room_chart"]):
            if results.mistakes:
                st.caption("Per mistake: answers that named it (cause and fix) and answers that missed it.")
                st.altair_chart(mistake_chart(mistake_rows(results)), width="stretch")
            else:
                st.caption("The chart of right and missed mistakes appears with the first answer.")
        close, download, remove = st.columns(3)
        close.button(
            "Close the class",
            key=KEYS["room_close"],
            on_click=class_action,
            args=(lambda engine: close_class(engine, class_id, time.time()),),
            disabled=state != "open",
            help="No one can join or answer after this; the results stay until you delete them.",
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
        confirmed = remove.checkbox("Yes, delete every answer", key=KEYS["room_delete_confirm"])
        remove.button(
            "Delete the class's data",
            key=KEYS["room_delete"],
            on_click=class_action,
            args=(remove_class,),
            disabled=not confirmed,
            type="primary",
        )
        st.button("Stop watching this class (it goes on)", key=KEYS["room_leave"], on_click=forget_class)


st.title("Trainer")
st.caption(
    f"A ready-made {SESSION_MINUTES}-minute session. Put this page on the projector and press Next to reveal "
    "one point at a time; each block links to the page to show."
)
index = st.session_state.setdefault(KEYS["slide_index"], 0)
left, middle, right = st.columns([1, 4, 1], vertical_alignment="center")
left.button("Previous", key=KEYS["previous"], on_click=move_by, args=(-1,), disabled=index == 0)
middle.caption(f"Slide {index + 1} of {len(SLIDES)}")
right.button("Next", key=KEYS["next"], on_click=move_by, args=(1,), disabled=index + 1 == len(SLIDES), type="primary")
slide = SLIDES[index]
with st.container(key=KEYS["slide"], border=True):
    st.html(presenter_html(slide, AGENDA))
    page = AGENDA[slide.block].page
    if page:
        st.page_link(PAGE_PATHS[page], label="Open the page for this block", icon=":material/open_in_new:")

with st.expander(f"Agenda — {sum(block.minutes for block in AGENDA)} minutes"):
    st.table([{"minutes": block.minutes, "block": block.title, "page": block.page or "—"} for block in AGENDA])

st.header("Live class")
problem = st.session_state.pop(PROBLEM, None)
if problem:
    st.error(problem, icon=":material/error:")
class_id = st.session_state.get(KEYS["class_id"])
if class_id is None:
    st.caption(
        "Start a class: learners join with its code on *Find the bug*, and their answers appear here as they "
        "give them, kept in the classroom database (they survive reloads and restarts)."
    )
    start, reopen = st.tabs(["Start a class", "Open a class with its PIN"])
    with start.form(KEYS["new_form"], border=False):
        st.text_input("Title", value="Signature Lab training", max_chars=120, key=KEYS["new_title"])
        left, middle, right = st.columns(3)
        left.number_input("Seed", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["new_seed"])
        difficulty_box(middle, KEYS["new_difficulty"])
        right.number_input(
            "Exercises", min_value=1, max_value=MAX_EXERCISES, value=SET_SIZE, step=1, key=KEYS["new_count"]
        )
        st.form_submit_button(
            "Start the class", type="primary", key=KEYS["new_submit"], on_click=class_action, args=(start_class,)
        )
    with reopen.form(KEYS["open_form"], border=False):
        left, right = st.columns(2)
        left.text_input("Join code", max_chars=12, key=KEYS["open_code"])
        right.text_input("Trainer PIN", type="password", max_chars=12, key=KEYS["open_pin"])
        st.form_submit_button("Open the trainer view", key=KEYS["open_submit"], on_click=class_action, args=(unlock,))
else:
    room_view(class_id)

st.header("Handout")
st.caption(
    "The exercise set as Markdown, answers on a separate page. Give the room the same seed and difficulty: "
    "the Find the bug page then shows exactly these exercises."
)
left, right = st.columns(2)
seed = int(left.number_input("Seed", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["handout_seed"]))
difficulty = difficulty_box(right, KEYS["handout_difficulty"])
st.download_button(
    "Download the handout (Markdown)",
    data=handout_markdown(seed, difficulty),
    file_name=f"find-the-bug-seed-{seed}-{difficulty}.md",
    mime="text/markdown",
    key=KEYS["handout"],
    on_click="ignore",
    icon=":material/download:",
)
