"""The verdict of a check: the first thing a page shows after its form, in a container tests find by key."""

import streamlit as st


def verdict_box(level: str, text: str, key: str) -> None:
    """`level` is a Streamlit box name: "error", "warning", "info" or "success"."""
    with st.container(key=key):
        getattr(st, level)(text)
