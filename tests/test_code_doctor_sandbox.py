"""The Code doctor's sandboxed run in a real browser: the pasted function runs in a frame that can reach
neither the network nor the app's page, a never-ending loop is stopped, and what it returns is diagnosed.

What it runs is checked against Node: every JavaScript and TypeScript signer of the app and of the tests (the
reference signers, the exercise signers with each catalogue mistake, tests/data/review, tests/data/sandbox with
every import style of jsrsasign, crypto-js, js-base64, Node's crypto and Buffer, jsonwebtoken) runs in Chromium,
many to a page, and on Node with the real libraries, the same frozen clock and credentials: the same token
comes out, or the same error. What the sandbox cannot do is reported as the sandbox's limit."""

import http.server
import json
import os
import subprocess
import threading
import uuid

import jwt
import pytest

from lib.javascript.forum import FORUM_SNIPPET, forum_generate_signature
from lib.mistakes.catalogue import BUGS
from lib.review.runnable import NotRunnable, Runnable, runnable
from lib.review.sandbox import LIBRARY_DIRECTORY, LOAD_SECONDS, TIMEOUT_SECONDS, read_result, sandbox_document
from lib.training.signers import SIGNERS
from lib.widget_keys import CODE_DOCTOR
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET
from support import pages
from support.browser import click_and_wait, open_page
from support.paths import DATA, ROOT
from support.vectors import load_vectors

pytestmark = pytest.mark.browser
FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET).replace("generateSignature(mn, 1)", "null")
NOW = 1_765_000_000  # the frozen clock of every run here
REFERENCE = ROOT / "lib" / "review" / "reference"
LANGUAGE_OF = {".js": "javascript", ".ts": "typescript"}
NODE_RUNNER = ROOT / "tests" / "js" / "run_sandboxed_signers.js"
# Runs every document in a frame of its own, sandboxed as the app's host component does, and collects each
# frame's one message. A few at a time: each has the sandbox's 3 s, and the machine may be busy.
RUN_ALL = """async ([documents, atOnce]) => {
  const run = (srcdoc) => new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    const listen = (event) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener("message", listen);
      frame.remove();
      resolve(event.data);
    };
    window.addEventListener("message", listen);
    frame.srcdoc = srcdoc;
    document.body.appendChild(frame);
  });
  const messages = [];
  let next = 0;
  const lane = async () => {
    while (next < documents.length) {
      const index = next++;
      messages[index] = await run(documents[index]);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, lane));
  return messages;
}"""
FRAMES_AT_ONCE = 3


@pytest.fixture(scope="module", autouse=True)
def libraries_installed():
    if not (LIBRARY_DIRECTORY / "crypto-js").is_dir() or not (LIBRARY_DIRECTORY / "jsonwebtoken").is_dir():
        pytest.fail("the sandbox's libraries are missing: run scripts/install-signer-libs.sh")


def host_page(browser, url):
    """A page at url with nothing in it but the frames the tests add (Playwright answers it: nothing is served)."""
    context = browser.new_context()
    page = context.new_page()
    page.route(url, lambda route: route.fulfill(content_type="text/html", body="<!doctype html><body></body>"))
    page.goto(url)
    return context, page


@pytest.fixture(scope="module")
def blank_page(browser):
    context, page = host_page(browser, "http://127.0.0.1:9/sandbox-host")
    yield page
    context.close()


def run_in_browser(page, runs, nows=None):
    """Each Runnable run in the sandbox's frame, a few at a time on one page, its clock frozen at NOW (or at its
    own of nows): their RunResults, in order."""
    nonces = [uuid.uuid4().hex for _ in runs]
    nows = nows or [NOW] * len(runs)
    documents = [
        sandbox_document(run, nonce=nonce, now=now) for run, nonce, now in zip(runs, nonces, nows, strict=True)
    ]
    messages = page.evaluate(RUN_ALL, [documents, FRAMES_AT_ONCE])
    return [read_result(message, nonce) for message, nonce in zip(messages, nonces, strict=True)]


def run_in_node(runs):
    """Each Runnable run on Node with the real libraries: {"value": …} or {"error": "Name: message"}, in order."""
    cases = [
        {
            "script": run.script,
            "function": run.function,
            "arguments": run.arguments,
            "nowMs": NOW * 1000,
            "key": DEMO_SDK_KEY,
            "secret": DEMO_SDK_SECRET,
        }
        for run in runs
    ]
    paths = os.pathsep.join([str(LIBRARY_DIRECTORY), str(ROOT / "tests" / "js" / "node_modules")])
    process = subprocess.run(
        ["node", str(NODE_RUNNER)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "SIGNER_LIBRARY_PATHS": paths},
        timeout=120,
        check=True,
    )
    return json.loads(process.stdout)


def exercise_signers():
    """The exercise signers (lib.training.signers) in JavaScript and TypeScript, correct and with each catalogue
    mistake that can be written into them: Node's crypto and Buffer, as servers sign."""
    signers = {}
    for language in ("javascript", "typescript"):
        for bug_id in (None, *BUGS):
            code = SIGNERS[language].with_mistakes((bug_id,) if bug_id else ())
            if code is not None:
                signers[f"exercise {language} {bug_id or 'correct'}"] = (code, language)
    return signers


# The code doctor's JavaScript and TypeScript test files (named: the folder also holds rule fixtures, which are
# not whole signers).
REVIEW_SIGNERS = ("buggy-browser.js", "jsonwebtoken-short.js", "nextapi.ts", "vite-secret.ts")


def corpus():
    """name -> (code, language): every JavaScript and TypeScript signer the app and the tests have."""
    signers = {
        f"reference {path.name}": (path.read_text(), LANGUAGE_OF[path.suffix])
        for path in REFERENCE.glob("*")
        if path.suffix in LANGUAGE_OF
    }
    paths = [DATA / "review" / name for name in REVIEW_SIGNERS] + sorted((DATA / "sandbox").iterdir())
    for path in paths:
        signers[f"{path.parent.name}/{path.name}"] = (path.read_text(), LANGUAGE_OF[path.suffix])
    signers["forum snippet"] = (FORUM_CODE, "javascript")
    return signers | exercise_signers()


CORPUS = corpus()


@pytest.fixture(scope="module")
def corpus_runs(blank_page):
    names = list(CORPUS)
    runs = [runnable(*CORPUS[name]) for name in names]
    return dict(zip(names, zip(runs, run_in_browser(blank_page, runs), run_in_node(runs), strict=True), strict=True))


# Not for this Node: page code (Node has neither their page, document and getCookie, nor what the page defines
# elsewhere), and a Next.js route (no Next.js here; its token is checked with PyJWT with the other import styles).
BROWSER_CODE = ("review/buggy-browser.js", "forum snippet", "sandbox/next-app-route.ts")


@pytest.mark.node
def test_every_signer_gives_in_the_browser_what_it_gives_on_node(corpus_runs):
    different = []
    for name, (_, browser, node) in corpus_runs.items():
        if name in BROWSER_CODE:
            continue
        shown = {"value": browser.value} if browser.status == "returned" else {"error": browser.error}
        if shown != node:
            different.append((name, browser, node))
    assert not different, different
    assert len(corpus_runs) >= 50


@pytest.mark.node
def test_every_import_style_makes_a_valid_token(corpus_runs):
    """tests/data/sandbox: each signer, whatever it imports and however, makes a token PyJWT verifies with the
    demo secret, signed at the frozen clock."""
    styles = {name: result for name, (_, result, _) in corpus_runs.items() if name.startswith("sandbox/")}
    assert len(styles) == len(list((DATA / "sandbox").iterdir())) >= 20
    for name, result in styles.items():
        assert result.status == "returned" and not result.limit, (name, result)
        claims = jwt.decode(
            result.value, DEMO_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_nbf": False}
        )
        assert DEMO_SDK_KEY in (claims.get("appKey"), claims.get("sdkKey")), name
        assert str(claims["mn"]) == DEMO_MEETING_NUMBER, name
        assert NOW - 30 <= claims["iat"] <= NOW, name


@pytest.mark.node
def test_the_app_own_signers_run(corpus_runs):
    """The reference signers and the correct exercise signers make a valid token, with no limit of the sandbox."""
    for name in (
        "reference signer.js",
        "reference signer.ts",
        "exercise javascript correct",
        "exercise typescript correct",
    ):
        _, result, _ = corpus_runs[name]
        assert result.status == "returned" and not result.limit and not result.top_level, (name, result)
        jwt.decode(result.value, DEMO_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})


# Node's crypto and Buffer as signers use them, and at their edges (a third of the cases a run).
NODE_APIS = (ROOT / "tests" / "js" / "sandbox_node_apis.js").read_text()


@pytest.mark.node
def test_node_crypto_and_buffer_give_what_node_gives_byte_for_byte(blank_page):
    runs = [runnable(NODE_APIS.replace("{part}", str(part)), "javascript") for part in range(3)]
    assert runs[0].function == "generateSignature" and runs[0].libraries == ("crypto-js",)
    compared = 0
    for browser, node in zip(run_in_browser(blank_page, runs), run_in_node(runs), strict=True):
        assert browser.status == "returned", browser
        browser_values, node_values = json.loads(browser.value), json.loads(node["value"])
        assert len(browser_values) == len(node_values)
        different = [(b, n) for b, n in zip(browser_values, node_values, strict=True) if b != n]
        assert not different, different[:10]
        compared += len(node_values)
    assert compared > 600


KJUR_SIGNER = """
function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const payload = { appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret)
}"""
# Code that fails because of the sandbox, and what the sandbox says it lacks.
SANDBOX_LIMITS = {
    "fs": (
        "const fs = require('fs')\nfunction generateSignature() { return fs.readFileSync('secret.txt', 'utf8') }",
        "the sandbox cannot read or write files (fs.readFileSync)",
    ),
    "fs named import": (
        "import { readFileSync } from 'node:fs'\nexport function sign() { return readFileSync('k') }",
        "the sandbox cannot read or write files (fs.readFileSync)",
    ),
    "an npm module": (
        "const axios = require('axios')\nasync function getSignature() { return axios.post('/api') }",
        'the sandbox cannot load "axios"',
    ),
    "another file": (
        "const { check } = require('./validations')\nfunction sign(body) { check(body) }",
        'the sandbox has only the code pasted, not the file it requires ("./validations")',
    ),
    "fetch": (
        "async function getSignature() { const r = await fetch('/api/signature'); return r.json() }",
        'the sandbox has no network: fetch("/api/signature") was not sent',
    ),
    "later, in a timer": (
        "function getSignature() { setTimeout(() => fetch('/x')); return new Promise(() => {}) }",
        'the sandbox has no network: fetch("/x") was not sent',
    ),
    "XMLHttpRequest": (
        "function getSignature() { const x = new XMLHttpRequest(); x.open('POST', '/sig') }",
        "the sandbox has no network (XMLHttpRequest)",
    ),
    "process.exit": ("function generateSignature() { process.exit(1) }", "the sandbox cannot exit (process.exit)"),
    "jwt.verify": (
        "const jwt = require('jsonwebtoken')\nfunction sign(token) { return jwt.verify(token, 'k') }",
        "the sandbox has jsonwebtoken's sign only, not jwt.verify",
    ),
    "jwt RS256": (
        "import jwt from 'jsonwebtoken'\nexport function sign() { return jwt.sign({}, 'k', { algorithm: 'RS256' }) }",
        "the sandbox signs with jsonwebtoken in HS256 only, not RS256",
    ),
    "another digest": (
        "const c = require('crypto')\nfunction sign(secret) { return c.createHmac('sha3-256', secret) }",
        'the sandbox cannot crypto.createHmac("sha3-256")',
    ),
    "Web Crypto beyond HMAC": (
        "async function sign() { return crypto.subtle.encrypt({ name: 'AES-GCM' }) }",
        "the sandbox has no crypto.subtle.encrypt",
    ),
    "the page": ("function getSignature() { return document.cookie }", 'the sandbox has no "document"'),
    "what the page defines": (
        "function getSignature(mn) { return signWith(SDK_SECRET, mn) }",
        'the sandbox has no "signWith"',
    ),
    "a top level the sandbox stopped": (
        "const redis = require('redis')\nconst { KJUR } = require('jsrsasign')\n" + KJUR_SIGNER,
        'the sandbox cannot load "redis"',
    ),
}


def test_a_run_the_sandbox_cannot_finish_says_so(blank_page):
    names = list(SANDBOX_LIMITS)
    runs = [runnable(SANDBOX_LIMITS[name][0], "javascript") for name in names]
    for name, result in zip(names, run_in_browser(blank_page, runs), strict=True):
        said = SANDBOX_LIMITS[name][1]
        assert result.status in ("threw", "no_function") and result.limit.startswith(said), (name, result)


def test_code_that_finishes_within_its_seconds_is_not_stopped(blank_page):
    """Below the 3 s stop (the endless loop above it is test_a_loop_that_never_ends_is_stopped_with_a_message)."""
    busy = "function generateSignature() { const end = performance.now() + 1000; while (performance.now() < end) {}\n"
    busy += "  return 'finished' }"
    [result] = run_in_browser(blank_page, [runnable(busy, "javascript")])
    assert (result.status, result.value) == ("returned", "finished"), result


def test_libraries_that_do_not_load_in_time_are_the_sandbox_limit(blank_page, monkeypatch):
    monkeypatch.setattr("lib.review.sandbox.LOAD_SECONDS", 0)
    [result] = run_in_browser(blank_page, [runnable(CORPUS["sandbox/jsrsasign-destructured.js"][0], "javascript")])
    assert result.limit == "the sandbox could not load the libraries within 0 s", result


def test_server_code_runs_its_signing_function_and_never_serves(blank_page):
    """An Express app: its server is built and never started; the named signing function runs and the token is
    the one Node makes. With no named function, the sandbox says it cannot run a web server."""
    app = (
        "require('dotenv').config()\nconst express = require('express')\nconst cors = require('cors')\n"
        "const bodyParser = require('body-parser')\nconst KJUR = require('jsrsasign')\nconst app = express()\n"
        "app.use(bodyParser.json(), cors())\napp.options('*', cors())\n"
        "app.post('/', (req, res) => {\n  const { meetingNumber, role } = req.body\n"
        "  res.json({ signature: generateSignature(meetingNumber, role) })\n})\n"
        "app.listen(process.env.PORT || 4000, () => console.log('listening'))\n"
    )
    named = app + KJUR_SIGNER.replace("(key, secret, meetingNumber, role)", "(meetingNumber, role)").replace(
        "key, sdkKey: key", "process.env.ZOOM_MEETING_SDK_KEY, sdkKey: process.env.ZOOM_MEETING_SDK_KEY"
    ).replace("), secret)", "), process.env.ZOOM_MEETING_SDK_SECRET)")
    [result] = run_in_browser(blank_page, [runnable(named, "javascript")])
    assert result.status == "returned" and not result.limit and not result.top_level, result
    claims = jwt.decode(result.value, DEMO_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["appKey"] == DEMO_SDK_KEY and claims["iat"] == NOW - 30
    assert result.unset == ("PORT",)  # read, and left unset: said beside the result
    handler_only = app.replace("generateSignature(meetingNumber, role)", "'…'")
    with pytest.raises(NotRunnable, match="the sandbox cannot run a web server"):
        runnable(handler_only, "javascript")


def test_a_parameter_no_demo_value_fits_is_named():
    run = runnable("function sign(config, secret) { return config.key + secret }", "javascript")
    assert run.arguments == [None, DEMO_SDK_SECRET] and run.unknown_parameters == ("config",)


def test_read_result_keeps_the_sandbox_limit_apart_from_the_code_error():
    nonce = "n"
    stopped = {"name": "SandboxLimit", "message": "m", "limit": "the sandbox cannot load"}

    def read(status, error=None, **more):
        return read_result({"nonce": nonce, "status": status, "error": error, **more}, nonce)

    # The top level stopped before `const KJUR = …`: the function's error comes from the sandbox.
    unset = read(
        "threw", {"name": "ReferenceError", "message": "Cannot access 'KJUR' before initialization"}, topLevel=stopped
    )
    assert unset.limit == "the sandbox cannot load"
    assert unset.error == "ReferenceError: Cannot access 'KJUR' before initialization"
    assert read("no_function", topLevel=stopped).limit == "the sandbox cannot load"
    # An error of the function's own stays its own, whatever its top level did after it.
    own = read("threw", {"name": "TypeError", "message": "key.clamp is not a function"}, topLevel=stopped)
    assert (own.limit, own.error, own.top_level) == ("", "TypeError: key.clamp is not a function", "SandboxLimit: m")
    assert read("threw", {"name": "SandboxLimit", "message": "m", "limit": "the sandbox has no network"}).limit
    returned = read("returned", value="t", unset=["PORT", 3], topLevel=stopped)
    assert (returned.value, returned.limit, returned.unset) == ("t", "", ("PORT",))  # what it returned stands
    assert read_result({"nonce": "other", "status": "returned"}, nonce) is None
    assert read("threw", "x", limit=["x"]).limit == ""  # malformed parts from the browser are ignored


def test_the_forum_snippet_gives_what_the_public_vectors_recorded(blank_page):
    """tests/data/js-signers.jsonl, recorded on Node with crypto-js: the forum snippet called as the vectors call it
    (right, with an emoji btoa refuses, with the arguments shifted) returns the same MAC or throws the same error,
    a real error of the code, not a limit of the sandbox."""
    vectors = load_vectors("forum", "forum_called_wrong", "btoa_unicode")
    base = runnable(FORUM_CODE, "javascript")
    runs = [
        Runnable(base.script, "generateSignature", list(vector["called_as"].values()), base.libraries)
        for vector in vectors
    ]
    results = run_in_browser(blank_page, runs, [vector["input"]["iat"] + 30 for vector in vectors])
    for vector, result in zip(vectors, results, strict=True):
        if vector.get("returned") is not None:
            assert (result.status, result.value) == ("returned", vector["returned"]), vector["id"]
        else:  # Chromium words btoa's refusal its own way; the name is the same
            expected = vector["error"]["name"] + ("" if vector["error"]["name"] == "InvalidCharacterError" else ": ")
            assert result.status == "threw" and result.error.startswith(expected), (vector["id"], result)
            assert vector["error"]["message"] in result.error or vector["variant"] == "btoa_unicode"
            assert result.limit == "", vector["id"]


@pytest.mark.node
def test_page_code_runs_with_the_page_it_expects_or_says_what_the_sandbox_lacks(corpus_runs):
    forum = corpus_runs["forum snippet"][1]  # the secret from getCookie, CryptoJS as a <script> tag gives it
    iat = NOW - 30
    expected = forum_generate_signature(DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0, iat, iat + 7200)
    assert (forum.status, forum.value, forum.limit) == ("returned", expected.returned, "")
    buggy = corpus_runs["review/buggy-browser.js"][1]  # ZOOM_KEY is defined elsewhere on its page
    assert buggy.status == "threw" and buggy.limit.startswith('the sandbox has no "ZOOM_KEY"'), buggy


def review_and_run(page, streamlit_url, code, *, returns_a_value=False):
    open_page(page, streamlit_url, pages.CODE_DOCTOR)
    page.locator(f".st-key-{CODE_DOCTOR['code']} textarea").fill(code)
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['submit']} button"))
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['run']} button"))
    result = page.locator(f".st-key-{CODE_DOCTOR['run_result']}")
    result.wait_for(timeout=(LOAD_SECONDS + TIMEOUT_SECONDS + 15) * 1000)
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
    """fetch, importScripts and XMLHttpRequest say the sandbox has no network; the browser's own ones, reached
    around them, are stopped by the frame's Content-Security-Policy: nothing arrives."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/leak"
    code = f"""
    async function generateSignature(key, secret) {{
      const tried = [], scope = Object.getPrototypeOf(self), RawRequest = Object.getPrototypeOf(XMLHttpRequest);
      const attempt = async (what, request) => {{
        try {{ await request(); tried.push(what + " reached"); }} catch (e) {{ tried.push(what + " " + e.name); }}
      }};
      await attempt("fetch", () => fetch("{url}?fetch"));
      await attempt("raw fetch", () => scope.fetch.call(self, "{url}?raw-fetch"));
      await attempt("import", () => importScripts("{url}?import"));
      await attempt("raw import", () => scope.importScripts.call(self, "{url}?raw-import"));
      await attempt("xhr", () => {{ const x = new XMLHttpRequest(); x.open("GET", "{url}?xhr", false); x.send(); }});
      await attempt("raw xhr", () => {{
        const x = new RawRequest(); x.open("GET", "{url}?raw-xhr", false); x.send();
      }});
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
    assert "fetch SandboxLimit" in shown and "import SandboxLimit" in shown and "xhr SandboxLimit" in shown, shown
    assert "raw fetch TypeError" in shown and "raw import NetworkError" in shown, shown
    assert "raw xhr NetworkError" in shown, shown
    assert "undefined | undefined" in shown  # the worker has neither the page's document nor a parent
    assert Recorder.requests == []
    assert page_access == "SecurityError" and storage_access == "SecurityError"


def test_the_app_own_signer_runs_on_the_page(page, streamlit_url):
    """The reference signer (`const KJUR = require('jsrsasign')`) once ended in "Identifier 'KJUR' has already
    been declared": its token now goes to the Token doctor."""
    shown = review_and_run(page, streamlit_url, (REFERENCE / "signer.js").read_text(), returns_a_value=True)
    assert "What it returned" in shown and "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." in shown, shown
    assert "already been declared" not in shown and "could not be found" not in shown


def test_a_sandbox_limit_is_said_as_such_never_as_what_join_would_get(page, streamlit_url):
    shown = review_and_run(page, streamlit_url, SANDBOX_LIMITS["fs"][0])
    assert "Not run to the end: the sandbox cannot read or write files (fs.readFileSync)" in shown, shown
    assert "limit of the sandbox, not a finding about your code" in shown
    assert "join() would get" not in shown and "What it returned" not in shown


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
