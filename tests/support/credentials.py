"""The credentials a test server is configured with, and a server configured with none."""

from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET

# A configured credential set the server knows and the browser must never see.
SERVER_SDK_KEY = "ServerConfiguredKey0123"
SERVER_SDK_SECRET = "server-side-secret-NEVER-in-browser-7f3a9c"


def clear_configured_credentials(monkeypatch):
    """The server has no Meeting SDK credentials in its environment, whatever the developer's shell has."""
    monkeypatch.delenv(ENV_SDK_KEY, raising=False)
    monkeypatch.delenv(ENV_SDK_SECRET, raising=False)
