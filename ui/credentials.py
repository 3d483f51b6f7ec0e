"""Secrets on the server: the operator's configured ones, and the one a user typed.

A typed secret is moved out of its password field into server-side session state when the form is
submitted, so the browser never gets it back; the field shows its fingerprint instead.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from lib.builder.credentials import Credentials, configured_credentials, take_typed_secret
from lib.signing.encoding import secret_fingerprint


def configured_table(name: str) -> Mapping | None:
    """The [name] table of .streamlit/secrets.toml; None when the file or the table is absent."""
    return st.secrets.get(name) if st.secrets.load_if_toml_exists() else None


def configured_zoom_credentials() -> Credentials | None:
    """The SDK key and secret the operator configured (secrets.toml [zoom], else the environment)."""
    return configured_credentials(os.environ, configured_table("zoom"))


@dataclass(frozen=True)
class KeptSecret:
    """A password field (`field_key`) whose secret is kept under `kept_key` once submitted; `typed_key`
    hands what was typed in this submit from the button's callback to the script run."""

    field_key: str
    kept_key: str
    typed_key: str

    def keep_typed(self) -> None:
        """A submit button's on_click: keep the typed secret on the server and empty the field."""
        st.session_state[self.typed_key] = take_typed_secret(st.session_state, self.field_key, self.kept_key)

    def take_typed(self) -> str:
        """The secret typed in this submit ("" if none); asked once per submit."""
        return st.session_state.pop(self.typed_key, "")

    @property
    def kept(self) -> str | None:
        return st.session_state.get(self.kept_key)

    def placeholder(self, empty: str = "not given") -> str:
        """What the emptied field says: the kept secret's fingerprint, or `empty`."""
        kept = self.kept
        return f"kept on the server: {secret_fingerprint(kept)}" if kept else empty

    def field(self, label: str, help: str, container=st, empty: str = "not given") -> None:
        """The password field, its placeholder the kept secret's fingerprint (or `empty`). Its value is read
        through keep_typed / take_typed, never from the widget."""
        container.text_input(label, type="password", key=self.field_key, placeholder=self.placeholder(empty), help=help)

    def forget(self) -> None:
        st.session_state.pop(self.kept_key, None)

    def forget_button(self, key: str) -> None:
        """A button that drops the kept secret, shown only while one is kept."""
        if self.kept:
            st.button("Forget the kept secret", key=key, on_click=self.forget)
