"""A progress bar that a lib function advances through its progress callback, emptied when the work ends."""

import contextlib
from dataclasses import dataclass

import streamlit as st


@dataclass
class Progress:
    bar: object  # the st.progress element
    template: str  # str.format of done, total and item (what the callback was told about), e.g. "{done} of {total}"

    def step(self, done: int, total: int, item=None) -> None:
        """The callback: pass `progress.step` to the lib function."""
        self.bar.progress(done / total, text=self.template.format(done=done, total=total, item=item))


@contextlib.contextmanager
def progress_bar(text: str, template: str, key: str | None = None):
    """A bar that says `text` until the first step, then `template`; it disappears when the block ends."""
    container = st.container(key=key) if key else st
    progress = Progress(container.progress(0.0, text=text), template)
    try:
        yield progress
    finally:
        progress.bar.empty()
