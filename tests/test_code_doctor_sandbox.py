"""The Code doctor's sandboxed run in a real browser: the pasted function runs in a frame that can reach
neither the network nor the app's page, a never-ending loop is stopped, and what it returns is diagnosed."""

import http.server
import threading

import pytest

from conftest import click_and_wait, open_page
from lib.javascript.forum import FORUM_SNIPPET
from lib.review.runnable import runnable
from lib.review.sandbox import LIBRARY_DIRECTORY, TIMEOUT_SECONDS
from lib.widget_keys import CODE_DOCTOR

pytestmark = pytest.mark.browser
FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET).replace("generateSignature(mn, 1)", "null")


@pytest.fixture(scope="module", autouse=True)
def libraries_installed():
    if not (LIBRARY_DIRECTORY / "crypto-js").is_dir():
        pytest.fail("the sandbox's libraries are missing: run scripts/install-signer-libs.sh")


def review_and_run(page, streamlit_url, code, *, returns_a_value=False):
    open_page(page, streamlit_url, "code-doctor")
    page.locator(f".st-key-{CODE_DOCTOR['code']} textarea").fill(code)
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['submit']} button"))
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['run']} button"))
    result = page.locator(f".st-key-{CODE_DOCTOR['run_result']}")
    result.wait_for(timeout=(TIMEOUT_SECONDS + 15) * 1000)
    if returns_a_value:  # the returned text is a code block, drawn once the highlighter has loaded
        result.locator("pre").first.wait_for()
    return result.inner_text()


def test_the_forum_snippet_runs_and_its_mac_goes_to_the_token_doctor(page, streamlit_url):
    shown = review_and_run(page, streamlit_url, FORUM_CODE)
    assert "bare_signature" in shown and "Only the HMAC, not a JWT" in shown  # the doctor's verdict on it
    assert "standard_base64" in shown  # beside the static findings


class Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b"reached")

    def log_message(self, *args):
        pass


def test_the_code_reaches_neither_the_network_nor_the_page(page, streamlit_url):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/leak"
    code = f"""
    async function generateSignature(key, secret) {{
      const tried = [];
      try {{ await fetch("{url}?fetch"); tried.push("fetch reached"); }} catch (e) {{ tried.push("fetch " + e.name); }}
      try {{ importScripts("{url}?import"); tried.push("import reached"); }}
      catch (e) {{ tried.push("import " + e.name); }}
      try {{ const x = new XMLHttpRequest(); x.open("GET", "{url}?xhr", false); x.send(); tried.push("xhr reached"); }}
      catch (e) {{ tried.push("xhr " + e.name); }}
      tried.push(typeof document, typeof parent);
      return tried.join(" | ");
    }}"""
    try:
        shown = review_and_run(page, streamlit_url, code, returns_a_value=True)
        frame = next(f for f in page.frames if f.url == "about:srcdoc")
        page_access = frame.evaluate("() => { try { return parent.document.title } catch (e) { return e.name } }")
        storage_access = frame.evaluate(
            "() => { try { return String(localStorage.length) } catch (e) { return e.name } }"
        )
    finally:
        server.shutdown()
    assert "fetch TypeError" in shown and "import NetworkError" in shown and "xhr NetworkError" in shown, shown
    assert "undefined | undefined" in shown  # the worker has neither the page's document nor a parent
    assert Recorder.requests == []
    assert page_access == "SecurityError" and storage_access == "SecurityError"


def test_a_loop_that_never_ends_is_stopped_with_a_message(page, streamlit_url):
    shown = review_and_run(page, streamlit_url, "function generateSignature(key, secret) { while (true) {} }")
    assert f"Stopped after {TIMEOUT_SECONDS} s" in shown
    assert page.locator(f".st-key-{CODE_DOCTOR['findings']}").is_visible()  # the page itself kept working


def test_typescript_is_run_with_its_types_erased():
    script = runnable(
        "import { KJUR } from 'jsrsasign'\nexport function sign(mn: string, role: number): string {\n"
        "  const p = { mn } as Record<string, unknown>\n"
        "  return KJUR.jws.JWS.sign('HS256', '{}', JSON.stringify(p), s!)\n}",
        "typescript",
    )
    assert script.script.startswith('const { KJUR } = require("jsrsasign");')
    assert ": string" not in script.script and " as Record" not in script.script and "s!" not in script.script
    assert (script.function, script.arguments, script.libraries) == ("sign", ["85746065432", 0], ("jsrsasign",))
