"""The sandboxed run of pasted JavaScript: the frame's document, and reading what it reports.

The page never runs pasted code on the server. It hands the browser a document for a frame sandboxed
without allow-same-origin (lib/review/web/sandbox_host.js), whose Content-Security-Policy allows no
network (default-src 'none'); the libraries the code uses are written into it from the local install
of scripts/install-signer-libs.sh. The code runs in a Web Worker of that frame, with a frozen clock
and the demo credentials, and is stopped after TIMEOUT_SECONDS, so `while (true) {}` cannot hang
the page. The worker answers once: the value returned, the error thrown, or nothing (a timeout).
"""

import html
import json
from dataclasses import dataclass
from pathlib import Path

from lib.review.runnable import Runnable
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET

LIBRARY_DIRECTORY = Path(__file__).resolve().parents[2] / "static" / "signer-libs" / "node_modules"
LIBRARIES = {  # npm name -> its browser build, which defines the global the name maps to
    "crypto-js": "crypto-js/crypto-js.js",
    "jsrsasign": "jsrsasign/lib/jsrsasign-all-min.js",
    "js-base64": "js-base64/base64.js",
}
CHANNEL = "signature-lab/sandbox"
TIMEOUT_SECONDS = 3
MAX_REPORTED_TEXT = 20_000
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'"
)
STATUSES = ("returned", "threw", "no_function", "timeout")

WEB = Path(__file__).with_name("web")
HOST_JS = (WEB / "sandbox_host.js").read_text(encoding="utf-8")  # the v2 component that hosts the frame
WORKER = (WEB / "sandbox_worker.js").read_text(encoding="utf-8")
FRAME = (WEB / "sandbox_frame.js").read_text(encoding="utf-8")


class LibrariesMissing(RuntimeError):
    """The local install of the JavaScript libraries is missing; the message says how to install it."""


def library_sources(names) -> list[str]:
    sources = []
    for name in names:
        path = LIBRARY_DIRECTORY / LIBRARIES[name]
        if not path.is_file():
            raise LibrariesMissing(
                f"{name} is not installed for the sandbox: run scripts/install-signer-libs.sh on the server."
            )
        sources.append(path.read_text(encoding="utf-8"))
    return sources


def _script_text(text: str) -> str:
    """Text safe inside <script>…</script>: no "</" can close it."""
    return text.replace("</", "<\\/")


def sandbox_document(run: Runnable, *, nonce: str, now: int) -> str:
    """The frame's whole HTML document (for srcdoc): the job as JSON data, the worker, the runner."""
    job = {
        "channel": CHANNEL,
        "nonce": nonce,
        "timeoutSeconds": TIMEOUT_SECONDS,
        "nowMs": now * 1000,
        "key": DEMO_SDK_KEY,
        "secret": DEMO_SDK_SECRET,
        "function": run.function,
        "arguments": run.arguments,
        "libraries": library_sources(run.libraries),
        "script": run.script,
    }
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CONTENT_SECURITY_POLICY)}">'
        '</head><body style="font:13px sans-serif;margin:.4rem">'
        '<span id="status">Running your code in this sandboxed frame…</span>'
        f'<script id="job" type="application/json">{_script_text(json.dumps(job))}</script>'
        f'<script id="worker" type="text/plain">{_script_text(WORKER)}</script>'
        f"<script>{FRAME}</script></body></html>"
    )


@dataclass(frozen=True)
class RunResult:
    status: str  # one of STATUSES
    value: str = ""  # what the function returned, as text
    error: str = ""  # "Name: message" of what it threw
    top_level: str = ""  # what the code's top level threw while loading, if anything


def read_result(value, nonce: str) -> RunResult | None:
    """The frame's message, if it belongs to this run. It comes from the browser: anything malformed is ignored."""
    if not isinstance(value, dict) or value.get("nonce") != nonce or value.get("status") not in STATUSES:
        return None

    def error_text(error):
        if not isinstance(error, dict):
            return ""
        return f"{error.get('name', 'Error')}: {error.get('message', '')}"[:MAX_REPORTED_TEXT]

    returned = value.get("value")
    return RunResult(
        status=value["status"],
        value=returned[:MAX_REPORTED_TEXT] if isinstance(returned, str) else "",
        error=error_text(value.get("error")),
        top_level=error_text(value.get("topLevel")),
    )
