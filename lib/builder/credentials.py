"""Where the SDK secret comes from, without ever sending it to the browser.

A configured secret (`.streamlit/secrets.toml` [zoom] or the official sample's environment
variables) stays on the server: the builder offers to use it instead of pre-filling a widget.
"""

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field

from lib.signing.encoding import secret_fingerprint
from lib.zoom.facts import DEMO_SDK_SECRET, ENV_SDK_KEY, ENV_SDK_SECRET


@dataclass(frozen=True)
class Credentials:
    sdk_key: str
    sdk_secret: str = field(repr=False)
    source: str  # where they came from, for the page to say

    @property
    def fingerprint(self):
        return secret_fingerprint(self.sdk_secret)


def configured_credentials(environ: Mapping, secrets_table: Mapping | None) -> Credentials | None:
    """The [zoom] table of secrets.toml wins over the environment; None when neither is complete."""
    table = secrets_table or {}
    if table.get("sdk_key") and table.get("sdk_secret"):
        return Credentials(str(table["sdk_key"]), str(table["sdk_secret"]), "secrets.toml [zoom]")
    if environ.get(ENV_SDK_KEY) and environ.get(ENV_SDK_SECRET):
        return Credentials(environ[ENV_SDK_KEY], environ[ENV_SDK_SECRET], f"environment ({ENV_SDK_SECRET})")
    return None


@dataclass(frozen=True)
class SecretChoice:
    secret: str = field(repr=False)
    source: str
    is_demo: bool = False


def choose_secret(typed: str, use_configured: bool, configured: Credentials | None, kept: str | None) -> SecretChoice:
    """Which secret to sign with: one typed now, the configured one if asked for, the one kept from an
    earlier submit in this session, or else the public demo secret (said loudly)."""
    if use_configured and configured is not None:
        return SecretChoice(configured.sdk_secret, f"configured on the server ({configured.source})")
    if typed:
        return SecretChoice(typed, "typed in the form")
    if kept:
        return SecretChoice(kept, "kept from your earlier submit in this session")
    return SecretChoice(DEMO_SDK_SECRET, "the public demo secret (Zoom will reject this token)", is_demo=True)


def take_typed_secret(state: MutableMapping, field_key: str, kept_key: str) -> str:
    """Move a secret typed into a password field into server-side state and empty the field, so the
    browser does not keep it (meant as a submit button's on_click). Returns what was typed."""
    typed = state.get(field_key, "")
    if typed:
        state[kept_key] = typed
    state[field_key] = ""
    return typed


def verifying_credentials(
    typed: str, kept: str | None, sdk_key: str, use_configured: bool, configured: Credentials | None
) -> tuple[str | None, str | None]:
    """(secret, key) to verify someone else's tokens with: choose_secret's order, but no demo fallback (a
    token is verified only with a secret the user gave), and the key as typed when not configured."""
    if use_configured and configured is not None:
        return configured.sdk_secret, configured.sdk_key
    return typed or kept or None, sdk_key.strip() or None
