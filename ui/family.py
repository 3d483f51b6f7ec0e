"""The question every page that judges or builds a token asks: which SDK joins with it?

One selector, so every page offers the same choices in the same words; its answer is the `sdk` hint lib
takes (`None` = work it out from the token's claims, else "web", "native" or "video")."""

import streamlit as st

from lib.zoom.families import FAMILIES, SDK_FAMILIES

WORK_IT_OUT = "Work it out from the token"
QUESTION = "Which SDK joins with this token?"


def sdk_label(sdk: str | None) -> str:
    """The choice's words: the family's title, or 'work it out' for no hint."""
    return WORK_IT_OUT if sdk is None else FAMILIES[SDK_FAMILIES[sdk]].title


def family_selector(
    key: str, container=st, *, allow_unknown: bool = True, label: str = QUESTION, help=None, sdks=tuple(SDK_FAMILIES)
):
    """A select box of the SDKs `sdks` (every one unless a page offers fewer; `allow_unknown` adds 'work it out
    from the token' first, the default); returns the chosen `sdk` hint: None, "web", "native" or "video"."""
    options = ([None] if allow_unknown else []) + list(sdks)
    return container.selectbox(label, options, format_func=sdk_label, key=key, help=help)
