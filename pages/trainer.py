"""Trainer: run a 45-minute session from the app — presenter view, agenda, and a printable handout."""

import streamlit as st

from lib import widget_keys
from lib.navigation import PAGES
from lib.present.html import presenter_html
from lib.training.exercises import DEFAULT_SEED, DIFFICULTIES
from lib.training.trainer import (
    AGENDA,
    AGENDA_DIFFICULTY,
    SESSION_MINUTES,
    handout_markdown,
    presenter_slides,
)

KEYS = widget_keys.TRAINER
SLIDES = presenter_slides()
PAGE_PATHS = {entry.url_path: entry.path for entry in PAGES}


def move_by(delta):
    st.session_state[KEYS["slide_index"]] = min(max(st.session_state[KEYS["slide_index"]] + delta, 0), len(SLIDES) - 1)


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

st.subheader("Handout")
st.caption(
    "The exercise set as Markdown, answers on a separate page. Give the room the same seed and difficulty: "
    "the Find the bug page then shows exactly these exercises."
)
left, right = st.columns(2)
seed = int(left.number_input("Seed", min_value=0, value=DEFAULT_SEED, step=1, key=KEYS["handout_seed"]))
difficulty = right.selectbox(
    "Difficulty",
    list(DIFFICULTIES),
    index=list(DIFFICULTIES).index(AGENDA_DIFFICULTY),
    format_func=lambda d: DIFFICULTIES[d].label,
    key=KEYS["handout_difficulty"],
)
st.download_button(
    "Download the handout (Markdown)",
    data=handout_markdown(seed, difficulty),
    file_name=f"find-the-bug-seed-{seed}-{difficulty}.md",
    mime="text/markdown",
    key=KEYS["handout"],
    on_click="ignore",
    icon=":material/download:",
)
