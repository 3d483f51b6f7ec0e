"""Trainer: run a 45-minute session from the app — presenter view, agenda, a live class and a printable handout.

The live class lives in the classroom database (lib.classroom), not in this browser session: its views
(ui.classroom) read it afresh every few seconds, so they show what learners answer on any server of the room.
With `?class=<join code>` the page is the projector view alone; with `?trainer=<key>` (the trainer link) the
live class is the trainer's console.
"""

import streamlit as st

from lib import widget_keys
from lib.navigation import PAGES
from lib.present.html import presenter_html
from lib.training.exercises import DEFAULT_SEED
from lib.training.trainer import AGENDA, SESSION_MINUTES, handout_file_name, handout_markdown, presenter_slides
from lib.zoom.families import SDK_FAMILIES
from ui.classroom import difficulty_box, exercise_sdk_box, live_class, projector_view

KEYS = widget_keys.TRAINER
SLIDES = presenter_slides()
PAGE_PATHS = {entry.url_path: entry.path for entry in PAGES}


def move_by(delta):
    st.session_state[KEYS["slide_index"]] = min(max(st.session_state[KEYS["slide_index"]] + delta, 0), len(SLIDES) - 1)


projected = st.query_params.get(KEYS["projector_param"])
if projected and not st.query_params.get(KEYS["link_param"]):
    projector_view(projected)
    st.stop()

st.title("Trainer")
st.caption(
    f"A ready-made {SESSION_MINUTES}-minute session. Put this page on the projector and press Next to reveal "
    "one point at a time; each block links to the page to show. During a class, project its projector view "
    "and keep the console on your own screen."
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
live_class()

st.header("Handout")
st.caption(
    "The exercise set as Markdown, answers on a separate page. Give the room the same seed, difficulty and SDK: "
    "the Find the bug page then shows exactly these exercises."
)
left, middle, right = st.columns(3)
seed = int(left.number_input("Seed", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["handout_seed"]))
difficulty = difficulty_box(middle, KEYS["handout_difficulty"])
family = SDK_FAMILIES[exercise_sdk_box(right, KEYS["handout_family"])]
st.download_button(
    "Download the handout (Markdown)",
    data=handout_markdown(seed, difficulty, family=family),
    file_name=handout_file_name(seed, difficulty, family),
    mime="text/markdown",
    key=KEYS["handout"],
    on_click="ignore",
    icon=":material/download:",
)
