"""The sandboxed run of pasted JavaScript: the frame's document, and reading what it reports.

The page never runs pasted code on the server. It hands the browser a document for a frame sandboxed
without allow-same-origin (lib/review/web/sandbox_host.js), whose Content-Security-Policy allows no
network (default-src 'none'); the libraries the code uses are written into it from the local install
of scripts/install-signer-libs.sh, the very files Node loads for `require`. The code runs in a Web Worker
of that frame (lib/review/web/sandbox_worker.js: each library and the code in a scope of its own, Node's
crypto and Buffer on crypto-js), with a frozen clock and the demo credentials, and is stopped after
TIMEOUT_SECONDS, so `while (true) {}` cannot hang the page. The worker answers once: the value returned,
the error thrown, or nothing (a timeout); a failure the sandbox caused (no files, no network, a module it
does not have) comes with the sandbox's reason, so it is never taken for what the code does on a server.
"""

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lib.review.runnable import Runnable
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET

LIBRARY_DIRECTORY = Path(__file__).resolve().parents[2] / "static" / "signer-libs" / "node_modules"
LIBRARIES = {  # npm name -> the file Node's require() loads for it (crypto-js's bundle of all its parts)
    "crypto-js": "crypto-js/crypto-js.js",
    "jsrsasign": "jsrsasign/lib/jsrsasign.js",
    "js-base64": "js-base64/base64.js",
}
# The value each of crypto-js's part files returns, e.g. `return CryptoJS.enc.Base64;` in enc-base64.js.
CRYPTO_JS_PART_VALUE = re.compile(r"return (CryptoJS(?:\.\w+)*);\s*\}\)\);?\s*$")
CHANNEL = "signature-lab/sandbox"
TIMEOUT_SECONDS = 3  # the code's time, from when the worker starts it
LOAD_SECONDS = 30  # for loading the libraries first, on a slow or busy machine
MAX_REPORTED_TEXT = 20_000
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'"
)
STATUSES = ("returned", "threw", "no_function", "timeout")
UNINITIALISED = re.compile(r"^Cannot access '[^']+' before initialization$")  # V8's words for a `const` not yet set

WEB = Path(__file__).with_name("web")
HOST_JS = (WEB / "sandbox_host.js").read_text(encoding="utf-8")  # the v2 component that hosts the frame
WORKER = (WEB / "sandbox_worker.js").read_text(encoding="utf-8")
FRAME = (WEB / "sandbox_frame.js").read_text(encoding="utf-8")


class LibrariesMissing(RuntimeError):
    """The local install of the JavaScript libraries is missing; the message says how to install it."""


def _installed(relative: str) -> Path:
    path = LIBRARY_DIRECTORY / relative
    if not path.is_file():
        library = relative.split("/")[0]
        raise LibrariesMissing(
            f"{library} is not installed for the sandbox: run scripts/install-signer-libs.sh on the server."
        )
    return path


def library_sources(names) -> dict[str, str]:
    """npm name -> the source of the file Node would load for it."""
    return {name: _installed(LIBRARIES[name]).read_text(encoding="utf-8") for name in names}


def crypto_js_parts() -> dict[str, list[str]]:
    """What `require('crypto-js/<part>')` gives, as a path from CryptoJS: 'hmac-sha256' -> ['HmacSHA256']."""
    folder = _installed(LIBRARIES["crypto-js"]).parent
    parts = {}
    for path in sorted(folder.glob("*.js")):
        found = CRYPTO_JS_PART_VALUE.search(path.read_text(encoding="utf-8"))
        if found:
            parts[path.stem] = found.group(1).split(".")[1:]
    return parts


def _script_text(text: str) -> str:
    """Text safe inside <script>…</script>: no "</" can close it."""
    return text.replace("</", "<\\/")


def sandbox_document(run: Runnable, *, nonce: str, now: int) -> str:
    """The frame's whole HTML document (for srcdoc): the job as JSON data, the worker, the runner."""
    job = {
        "channel": CHANNEL,
        "nonce": nonce,
        "timeoutSeconds": TIMEOUT_SECONDS,
        "loadSeconds": LOAD_SECONDS,
        "nowMs": now * 1000,
        "key": DEMO_SDK_KEY,
        "secret": DEMO_SDK_SECRET,
        "function": run.function,
        "arguments": run.arguments,
        "libraries": library_sources(run.libraries),
        "cryptoJsParts": crypto_js_parts() if "crypto-js" in run.libraries else {},
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
    limit: str = ""  # why the run failed because of the sandbox ("the sandbox cannot …"), if it did
    unset: tuple[str, ...] = ()  # the process.env names the code read and the sandbox does not set


def _text(value) -> str:
    return value[:MAX_REPORTED_TEXT] if isinstance(value, str) else ""


def read_result(value, nonce: str) -> RunResult | None:
    """The frame's message, if it belongs to this run. It comes from the browser: anything malformed is ignored."""
    if not isinstance(value, dict) or value.get("nonce") != nonce or value.get("status") not in STATUSES:
        return None

    def error_text(error):
        if not isinstance(error, dict):
            return ""
        return f"{_text(error.get('name')) or 'Error'}: {_text(error.get('message'))}"[:MAX_REPORTED_TEXT]

    def limit_of(error):
        return _text(error.get("limit")) if isinstance(error, dict) else ""

    status, error = value["status"], value.get("error")
    limit = limit_of(error)
    # A top level the sandbox stopped leaves the function without what it declares after that point.
    unset_by_top_level = isinstance(error, dict) and UNINITIALISED.search(_text(error.get("message")))
    if status == "no_function" or (status == "threw" and unset_by_top_level):
        limit = limit or limit_of(value.get("topLevel"))
    unset = value.get("unset")
    return RunResult(
        status=status,
        value=_text(value.get("value")),
        error=error_text(value.get("error")),
        top_level=error_text(value.get("topLevel")),
        limit=limit,
        unset=tuple(_text(name) for name in unset[:20] if isinstance(name, str)) if isinstance(unset, list) else (),
    )
