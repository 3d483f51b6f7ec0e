"""Expanders whose body is drawn only while open: highlighting code nobody opened costs the browser more
than the page's own work."""

import inspect

import streamlit as st


def lazy_expander(label: str, key: str, container=st):
    """The expander if it is open (draw into it), else None. Opening or closing it reruns the script."""
    box = container.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def source_expander(label: str, key: str, *functions, container=st) -> None:
    """The Python source of `functions`, one code block each, in a lazy expander."""
    box = lazy_expander(label, key, container)
    if box is not None:
        for function in functions:
            box.code(inspect.getsource(function), language="python")
