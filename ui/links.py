"""Links between pages, by address (lib.navigation.PAGES): never a written-out script path."""

import streamlit as st

from lib.navigation import entry_at


def page_link(address: str, label: str, icon: str | None = None) -> None:
    """A link to the page served at `address` (a former address works too)."""
    st.page_link(entry_at(address).path, label=label, icon=icon)


def switch_to(address: str, state: dict | None = None) -> None:
    """Hand `state` (session-state key -> value) to the page at `address` and open it. Values travel in
    server-side session state, never in the URL: a token must not end up in a browser's history."""
    st.session_state.update(state or {})
    st.switch_page(entry_at(address).path)


def switch_button(address: str, label: str, key: str, state: dict | None = None, icon: str | None = None) -> None:
    """A button that opens the page at `address`, handing it `state` (see switch_to)."""
    if st.button(label, key=key, icon=icon):
        switch_to(address, state)


def _forward(entry):
    def forward():
        st.switch_page(entry.path, query_params=st.query_params.to_dict())

    return forward


def former_address_pages(entries) -> list:
    """For app.py's st.navigation: a hidden page at each former address of `entries` (PageEntry) that opens
    the page now serving it, its query kept, so an old bookmark still lands."""
    return [
        st.Page(_forward(entry), title=entry.title, url_path=former, visibility="hidden")
        for entry in entries
        for former in entry.former_addresses
    ]
