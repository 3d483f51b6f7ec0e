"""The main request sent from the user's browser (issue 14, item 2), to see CORS exactly as the Web SDK
app sees it: the browser, not this server, decides whether the page may read the answer.

The request goes from the user's browser to wherever the user's browser can reach (their own localhost,
say), so it needs no allow list: it gives this server no way into its own network. Only the URL and the
request body go to the browser; the secret never does, and only the status and whether a signature came
back return to the server.
"""

import urllib.parse
import uuid
from pathlib import Path

from lib.endpoint.probe import Case, plain

FETCH_JS = (Path(__file__).with_name("web") / "endpoint_fetch.js").read_text(encoding="utf-8")


def browser_request(url: str, main: Case, timeout: float) -> dict | None:
    """The component's data for one attempt, or None for a URL a browser cannot fetch (not http/https)."""
    try:
        scheme = urllib.parse.urlsplit(url.strip()).scheme
    except ValueError:  # an unclosed [ of an IPv6 address: the probe's finding says so
        return None
    if scheme not in ("http", "https"):
        return None
    return {"nonce": uuid.uuid4().hex, "url": url.strip(), "body": main.body, "timeoutMs": int(timeout * 1000)}


def explain_outcome(outcome, nonce: str) -> tuple[str, str]:
    """(Streamlit box, Markdown text) for what the browser saw in the attempt `nonce`. The outcome comes from
    the browser: every value is checked and shown as plain text."""
    if not isinstance(outcome, dict) or outcome.get("nonce") != nonce:
        return "info", "Calling the endpoint from your browser…"
    origin = outcome.get("origin", "unknown")
    took = f" after {outcome['ms']} ms" if isinstance(outcome.get("ms"), int) else ""
    if outcome.get("aborted"):
        return "error", f"Your browser got no answer{took}: the endpoint is too slow (the request was cancelled)."
    if "error" in outcome:
        return "error", (
            f"Your browser (origin `{plain(origin)}`) could not read the answer{took}: `{plain(outcome['error'])}`. "
            "This is what the Web SDK app sees when CORS is missing or wrong, or the endpoint is not reachable "
            "from your machine; the browser console names the reason. The server-side findings above give the "
            "details."
        )
    status = outcome.get("status")
    if outcome.get("type") == "opaqueredirect" or status == 0:
        return "error", f"Your browser got a redirect{took}; it was not followed (see `endpoint_redirects`)."
    if not isinstance(status, int):
        return "warning", "Your browser's answer could not be read."
    if outcome.get("signature") is True and 200 <= status < 300:
        return "success", (
            f"Your browser (origin `{plain(origin)}`) got HTTP {status} with a `signature`{took}: CORS lets the app "
            "read the answer."
        )
    what = "no JSON" if outcome.get("signature") is None else "JSON without a `signature`"
    return "error", f"Your browser read HTTP {status} with {what}{took}."
