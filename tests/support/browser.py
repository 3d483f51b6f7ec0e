"""Playwright on a real `streamlit run`: open a page, click and wait for the run it causes, pick from a list,
record what a browser context exchanged with the server.

Waits follow the Streamlit websocket: a click waits for the server to finish the script run it caused."""

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.browser import is_run_finished, wait_rendered
from lib.navigation import PageEntry, browser_path


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


def open_page(page, streamlit_url, where):
    """Open one of the app's pages: a PageEntry (support.pages), or a path under the server's address."""
    goto_app(page, f"{streamlit_url}/{browser_path(where) if isinstance(where, PageEntry) else where}")


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
