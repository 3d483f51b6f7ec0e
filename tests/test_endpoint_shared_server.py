"""A server that listens beyond this machine (a training room's `--server.address 0.0.0.0`) and whose operator
listed no hosts keeps its server-side probe off: its loopback would be open to everyone in the room. The page
says why and how to allow a training endpoint, sends nothing, and offers the browser's own request instead.

The real server is started on 0.0.0.0 and reached at 127.0.0.1; a local endpoint counts what reaches it.
"""

import contextlib
import os

import pytest
from playwright.sync_api import expect
from streamlit import config

from bench.browser import streamlit_server
from lib.classroom.database import URL_VARIABLE
from lib.endpoint.safety import ENV_ALLOWED_HOSTS, SECRETS_KEY
from lib.widget_keys import ENDPOINT
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET
from support import pages
from support.apptest import open_app_page
from support.browser import click_and_wait, open_app, open_page
from support.endpoint_servers import python_endpoint

PROBE_USER_AGENT = b"SignatureLab-endpoint-probe"
OFF = "The server-side probe is off"


def texts(elements):
    return "\n".join(element.value for element in elements)


@contextlib.contextmanager
def server_address(address):
    """AppTest runs the page in this process: Streamlit's server.address set for its runs, then restored."""
    previous = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        yield
    finally:
        config.set_option("server.address", previous)


def probe_from_the_page(at, url):
    at.text_input(key=ENDPOINT["url"]).set_value(url)
    at.button(key=ENDPOINT["run"]).click().run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def no_operator_list(monkeypatch):
    monkeypatch.delenv(ENV_ALLOWED_HOSTS, raising=False)
    monkeypatch.delenv(ENV_SDK_KEY, raising=False)
    monkeypatch.delenv(ENV_SDK_SECRET, raising=False)


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "192.168.1.20", "signature-lab.example"])
def test_a_server_listening_beyond_loopback_probes_nothing_and_says_how_to_allow_an_endpoint(address, no_operator_list):
    with server_address(address), python_endpoint() as endpoint:
        at = probe_from_the_page(open_app_page(pages.ENDPOINT.path), endpoint.url)
        assert endpoint.received == []
    warning = texts(at.warning)
    assert OFF in warning and f"listens on {address}" in warning
    assert f"{ENV_ALLOWED_HOSTS}=localhost:4000" in warning and SECRETS_KEY in warning  # how to allow one
    assert "your browser can send the main request itself" in warning
    assert "`endpoint_not_allowed`" in texts(at.error)
    assert not at.button(key=ENDPOINT["from_browser"]).disabled  # the browser's own request is offered


@pytest.mark.parametrize(
    ("address", "operator_list", "requests"),
    [
        ("127.0.0.1", None, 16),  # this machine only: loopback by default, as before
        ("localhost", None, 16),
        ("::1", None, 16),
        ("0.0.0.0", "127.0.0.1", 16),  # the operator listed the training endpoint: it is called
        ("0.0.0.0", "signing.example.com", 0),  # the operator's list, which does not hold it
    ],
)
def test_loopback_servers_and_operator_lists_keep_the_probe_on(
    address, operator_list, requests, no_operator_list, monkeypatch
):
    if operator_list:
        monkeypatch.setenv(ENV_ALLOWED_HOSTS, operator_list)
    with server_address(address), python_endpoint() as endpoint:
        at = probe_from_the_page(open_app_page(pages.ENDPOINT.path), endpoint.url)
        assert len(endpoint.received) == requests
    assert OFF not in texts(at.warning)


@pytest.fixture(scope="module")
def room_server_url(tmp_path_factory):
    """`streamlit run app.py --server.address 0.0.0.0` as the README tells a trainer, without an operator list
    nor credentials, reached at 127.0.0.1."""
    folder = tmp_path_factory.mktemp("room")
    hidden = (ENV_ALLOWED_HOSTS, ENV_SDK_KEY, ENV_SDK_SECRET)
    env = {name: value for name, value in os.environ.items() if name not in hidden}
    env[URL_VARIABLE] = f"sqlite:///{folder / 'classroom.sqlite3'}"
    log_path = folder / "server.log"
    with open(log_path, "w") as log, contextlib.ExitStack() as server:
        try:
            url = server.enter_context(streamlit_server(["run", "app.py"], env=env, output=log, address="0.0.0.0"))
        except RuntimeError:
            pytest.fail(f"streamlit run on 0.0.0.0 did not become healthy:\n{log_path.read_text()[-3000:]}")
        yield url


@pytest.mark.browser
def test_a_room_server_sends_no_request_and_the_browser_sends_its_own(browser, room_server_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = open_app(context, room_server_url)
        open_page(page, room_server_url, "endpoint")
        expect(page.get_by_text(OFF)).to_contain_text("listens on 0.0.0.0")
        with python_endpoint() as endpoint:
            page.locator(f".st-key-{ENDPOINT['url']} input").fill(endpoint.url)
            click_and_wait(page, page.locator(f".st-key-{ENDPOINT['run']} button"))
            page.locator(f".st-key-{ENDPOINT['matrix']}").wait_for()
            assert endpoint.received == []  # the page's probe button made the server send nothing
            assert "endpoint_not_allowed" in page.locator(f".st-key-{ENDPOINT['findings']}").inner_text()
            click_and_wait(page, page.locator(f".st-key-{ENDPOINT['from_browser']} button"))
            outcome = page.locator(f".st-key-{ENDPOINT['browser']} [data-testid='stAlert']")
            expect(outcome).to_contain_text("got HTTP 200 with a", timeout=20000)
            received = list(endpoint.received)
    finally:
        context.close()
    assert [request.split(b" ")[0] for request in received] == [b"OPTIONS", b"POST"]  # the browser's, alone
    assert not any(PROBE_USER_AGENT in request for request in received)
