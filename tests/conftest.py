"""Shared fixtures: the public JavaScript vectors, and a real browser on a real `streamlit run`.

Browser tests drive Debian's /usr/bin/chromium through Playwright (no `playwright install`).
"""

import contextlib
import json
import os
import secrets
import subprocess
import sys
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.testing.v1 import AppTest

from bench.browser import is_run_finished, launch_chromium, streamlit_server, wait_rendered
from lib.classroom.database import URL_VARIABLE
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET

POSTGRES_URL_VARIABLE = "SIGNATURE_LAB_TEST_POSTGRES_URL"  # set by scripts/test.sh (scripts/start-postgres.sh)
DATABASES = ("sqlite", "postgresql")  # every classroom test runs on both

ROOT = Path(__file__).resolve().parent.parent
APP_FILE = str(ROOT / "app.py")  # AppTest resolves relative paths against the calling test file
DATA = Path(__file__).resolve().parent / "data"
# A configured credential set the server knows and the browser must never see.
SERVER_SDK_KEY = "ServerConfiguredKey0123"
SERVER_SDK_SECRET = "server-side-secret-NEVER-in-browser-7f3a9c"


# Property tests have no deadline: Hypothesis's default (200 ms an example) would make them timing tests,
# which fail on a busy machine. Speed is measured by bench/, never asserted in a test.
settings.register_profile("signature-lab", deadline=None)
settings.load_profile("signature-lab")

# Any JSON value (hypothesis): what a decoded payload or a JSON Lines record may hold.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def run_cli(command, lines, *args):
    """`python -m lib <command> --input -` fed JSON Lines (dicts are dumped, strings sent as they are)."""
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    process = subprocess.run(
        [sys.executable, "-m", "lib", command, "--input", "-", *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    return process, [json.loads(line) for line in process.stdout.splitlines()]


def load_vectors(*variants):
    """The JavaScript vectors of these variants (every vector without any). Asking for a variant that has no
    vectors fails, so a filter cannot quietly select nothing."""
    rows = [json.loads(line) for line in (DATA / "js-signers.jsonl").read_text().splitlines() if line.strip()]
    missing = set(variants) - {row["variant"] for row in rows}
    assert not missing, f"tests/data/js-signers.jsonl has no vectors of variant {sorted(missing)}"
    return [row for row in rows if not variants or row["variant"] in variants]


@pytest.fixture(scope="session")
def streamlit_url(tmp_path_factory):
    """`streamlit run app.py` on a free localhost port, with a configured secret in its environment."""
    folder = tmp_path_factory.mktemp("streamlit")
    env = {
        **os.environ,
        "ZOOM_MEETING_SDK_KEY": SERVER_SDK_KEY,
        "ZOOM_MEETING_SDK_SECRET": SERVER_SDK_SECRET,
        URL_VARIABLE: f"sqlite:///{folder / 'classroom.sqlite3'}",  # the classroom's data stays in the test's folder
    }
    log_path = folder / "server.log"
    with open(log_path, "w") as log, contextlib.ExitStack() as server:
        try:
            url = server.enter_context(streamlit_server(["run", "app.py"], env=env, output=log))
        except RuntimeError:
            pytest.fail(f"streamlit run app.py did not become healthy within 60 s:\n{log_path.read_text()[-3000:]}")
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, streamlit_url):
    """A fresh browser context (its own Streamlit session) opened on the app."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield open_app(context, streamlit_url)
    context.close()


@dataclass
class StreamlitSocket:
    """A page's current Streamlit websocket and how many script runs the server has finished on it."""

    socket: object
    runs_finished: int = 0


STREAMLIT_SOCKETS = weakref.WeakKeyDictionary()  # page -> StreamlitSocket
TRACKED_PAGES = weakref.WeakSet()


def is_streamlit_socket(socket):
    return socket.url.endswith("/_stcore/stream")


def track_streamlit_socket(page):
    """Follow the page's Streamlit websocket and count its finished runs (call before the page's goto).

    The count starts with the socket, before any frame arrives, so a run that finished while the test was
    busy elsewhere (inside goto, say) is not missed."""
    if page in TRACKED_PAGES:
        return
    TRACKED_PAGES.add(page)

    def track(socket):
        if is_streamlit_socket(socket):
            tracked = STREAMLIT_SOCKETS[page] = StreamlitSocket(socket)

            def count(payload):
                if is_run_finished(payload):
                    tracked.runs_finished += 1

            socket.on("framereceived", count)

    page.on("websocket", track)


def goto_app(page, url):
    """Open url in this page and wait until the server has finished the new session's first script run and
    the page has drawn it (the events themselves, not a guess of how long they take)."""
    track_streamlit_socket(page)
    STREAMLIT_SOCKETS.pop(page, None)  # the address opens a new session on a new websocket
    page.goto(url)
    if page not in STREAMLIT_SOCKETS:
        page.wait_for_event("websocket", predicate=is_streamlit_socket)
    tracked = STREAMLIT_SOCKETS[page]
    if tracked.runs_finished == 0:  # checked and awaited with no Playwright call between: nothing slips by
        tracked.socket.wait_for_event("framereceived", predicate=is_run_finished)
    wait_rendered(page)


def open_app(context, url):
    """A page of this context opened on url, its Streamlit websocket tracked for click_and_wait."""
    page = context.new_page()
    page.set_default_timeout(20000)
    goto_app(page, url)
    return page


def run_finished(page):
    """A context manager that waits, on leaving, for the server to finish a script run of this page."""
    return STREAMLIT_SOCKETS[page].socket.expect_event("framereceived", predicate=is_run_finished)


def click_and_wait(page, locator):
    """Click, then wait for the server to finish the script run the click caused and the page to draw it.

    It cannot return early where an earlier run's result is already drawn. If no run finishes, the failure
    says whether the click sent the server anything (a click the page dropped) or the server never finished
    (a slow or stuck run): two different bugs."""
    socket = STREAMLIT_SOCKETS[page].socket
    sent = []

    def count_sent(frame):
        sent.append(frame)

    socket.on("framesent", count_sent)
    try:
        with run_finished(page):
            locator.click()
    except PlaywrightTimeoutError as timeout:
        what = "the server finished no run after it" if sent else "the click sent the server nothing"
        raise AssertionError(f"Clicking {locator} changed nothing: {what}.") from timeout
    finally:
        socket.remove_listener("framesent", count_sent)
    wait_rendered(page)


def open_page(page, streamlit_url, url_path):
    goto_app(page, f"{streamlit_url}/{url_path}")


NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def pick(page, key, label):
    """Choose one option of a multiselect by its label, then close the list.

    The field is scrolled into view first, and the scroll events delivered (they come with the next frame):
    the list closes on a scroll, so one that arrives just after the click would close it again."""
    field = page.locator(f".st-key-{key} input")
    field.scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAME)
    field.click()
    page.get_by_role("option", name=label, exact=True).click()
    page.keyboard.press("Escape")
    page.get_by_role("option").first.wait_for(state="detached")


@dataclass
class Traffic:
    """What a browser context exchanged with the server, as bytes."""

    requests: list = field(default_factory=list)  # each request's URL and body
    responses: list = field(default_factory=list)  # each response's URL and body
    downloads: list = field(default_factory=list)  # each downloaded file's contents
    received: list = field(default_factory=list)  # websocket frames from the server
    sent: list = field(default_factory=list)  # websocket frames to the server
    unread: list = field(default_factory=list)  # responses whose body the browser did not keep, by URL

    def from_server(self) -> bytes:
        """Everything the server sent: HTTP response bodies, downloaded files, websocket frames."""
        return b"\n".join(self.responses + self.downloads + self.received)

    def everything(self) -> bytes:
        return b"\n".join(self.requests + self.sent) + b"\n" + self.from_server()

    def hosts(self) -> set:
        """The hosts the browser sent requests to (data: and blob: URLs have none)."""
        return {urlsplit(url.decode(errors="replace")).hostname for url in self.requests} - {None}


def record_traffic(context) -> Traffic:
    """Record the requests, responses (with their bodies), downloads and websocket frames of every page this
    context opens from now on."""
    traffic = Traffic()

    def as_bytes(payload):
        return payload if isinstance(payload, bytes) else payload.encode()

    def on_socket(socket):
        socket.on("framereceived", lambda payload: traffic.received.append(as_bytes(payload)))
        socket.on("framesent", lambda payload: traffic.sent.append(as_bytes(payload)))

    def on_request(request):
        traffic.requests.append(request.url.encode() + (request.post_data_buffer or b""))

    def on_response(response):
        if 300 <= response.status < 400:  # a redirect has no body: where it points is in the next request
            return
        try:
            traffic.responses.append(response.url.encode() + b"\n" + response.body())
        except PlaywrightError:  # e.g. the body of a download, which the download event records instead
            traffic.unread.append(response.url)

    def on_download(download):
        traffic.downloads.append(Path(download.path()).read_bytes())

    def on_page(page):
        page.on("websocket", on_socket)
        page.on("download", on_download)

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("page", on_page)
    return traffic


def all_frames_html(page):
    """The HTML of the page and of every frame in it."""
    return [frame.content() for frame in page.frames]


def clear_configured_credentials(monkeypatch):
    """The server has no Meeting SDK credentials in its environment, whatever the developer's shell has."""
    monkeypatch.delenv(ENV_SDK_KEY, raising=False)
    monkeypatch.delenv(ENV_SDK_SECRET, raising=False)


def open_app_page(path, state=None, timeout=30):
    """AppTest: the app opened on the page `path`, its session state preset as earlier pages leave it."""
    at = AppTest.from_file(APP_FILE, default_timeout=timeout)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def submit_form(at, submit_key, widget_values):
    """AppTest: set each (widget, value) pair, press the form's submit button, and expect no exception."""
    for widget, value in widget_values:
        widget.set_value(value)
    at.button(key=submit_key).click().run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="session")
def postgres_server_url():
    """The URL of the tests' PostgreSQL database: from scripts/test.sh, or started here the same way."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        started = subprocess.run(
            ["bash", str(ROOT / "scripts" / "start-postgres.sh")], capture_output=True, text=True, timeout=600
        )
        if started.returncode != 0:
            pytest.fail(f"scripts/start-postgres.sh could not start PostgreSQL:\n{started.stderr[-2000:]}")
        url = started.stdout.strip()
    return url


@contextlib.contextmanager
def new_postgres_database(server_url):
    """A database of its own on the tests' PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"classroom_{secrets.token_hex(6)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def classroom_url(request, tmp_path):
    """An empty classroom database, on SQLite and on PostgreSQL (the test runs once on each)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    else:
        with new_postgres_database(request.getfixturevalue("postgres_server_url")) as url:
            yield url


@pytest.fixture
def classroom_engine(classroom_url):
    """The classroom's engine on that database, schema upgraded, disposed of after the test."""
    from sqlalchemy import create_engine

    from lib.classroom.database import prepare_engine

    engine = prepare_engine(create_engine(classroom_url))
    yield engine
    engine.dispose()
