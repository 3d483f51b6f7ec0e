"""The join page in a real browser with the REAL Zoom Web SDK, entirely offline.

The SDK comes from the npm package @zoom/meetingsdk (scripts/install-zoom-sdk.sh, run by scripts/test.sh,
installs it into static/zoom-sdk, ignored by git) and is loaded through the page's self-hosted
setting, both ways the docs describe: from another local server (cross-origin, with CORS) and from
Streamlit's own static serving (same origin). Every request that is not for the Streamlit server or
that local copy is intercepted: the SDK's meeting-info request to Zoom is recorded and answered with
Zoom's own rejection, anything else is aborted. So the SDK really parses our token, really sends it,
and really turns Zoom's answer into its error code.
"""

import functools
import http.server
import json
import re
import threading
import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.browser import CHROMIUM, CHROMIUM_ARGS, wait_rendered
from lib.widget_keys import BUILDER, JOIN
from lib.zoom.facts import DEMO_MEETING_NUMBER, WEB_SDK_VERSION
from support import pages
from support.browser import all_frames_html, click_and_wait, goto_app
from support.credentials import SERVER_SDK_KEY, SERVER_SDK_SECRET
from support.paths import ROOT

pytestmark = pytest.mark.browser
SDK_PATH = f"zoom-sdk/{WEB_SDK_VERSION}/node_modules/@zoom/meetingsdk/dist"
SDK_DIST = ROOT / "static" / SDK_PATH
SAME_ORIGIN_SDK = f"/app/static/{SDK_PATH}"  # Streamlit serves ./static there (server.enableStaticServing)
MEETING_INFO_PATH = "/api/v1/wc/info"  # read in the 6.2.0 bundle: POST https://<webEndpoint>/api/v1/wc/info
ZOOM_REJECTION = {"status": False, "errorCode": 200, "errorMessage": "Invalid signature."}
XSS_NAMES = ["</script><script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
MAC_ONLY = "JLYSXH_XIou9G1wvnrX-JETQ1RLr4PapY7p1pQsuXHg"
ZOOM_HOSTS = ("zoom.us", "zoomus.cn", "cloudfront.net")  # the SDK's API, CDN and fallback CDNs
FINAL_OUTCOME = re.compile(
    "Zoom refused|Web SDK refused|Web SDK failed|could not be loaded|Joined|not a secure context"
)


class CorsHandler(http.server.SimpleHTTPRequestHandler):
    """A static server as docs/self-hosting-sdk.md asks for: CORS allowed, since the SDK fetch()es its workers."""

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def sdk_url():
    """The npm package's dist/ folder served by another local server: a cross-origin self-hosted base URL."""
    if not (SDK_DIST / "zoom-meeting-embedded-ES5.min.js").is_file():
        pytest.fail(
            f"The Web SDK is not installed: run bash scripts/test.sh (or scripts/install-zoom-sdk.sh {WEB_SDK_VERSION})"
        )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CorsHandler, directory=SDK_DIST))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class Network:
    """Routes every request of a browser context: local ones pass, Zoom's meeting-info request is
    recorded and answered with `answer`, anything else is aborted and remembered as leaked."""

    def __init__(self, context, local_prefixes, answer):
        self.local_prefixes = local_prefixes
        self.answer = answer
        self.seen = []  # every request: url + body
        self.meeting_info = []  # parsed bodies of the SDK's meeting-info requests
        self.blocked = []
        context.route("**/*", self.handle)

    def handle(self, route, request):
        self.seen.append(request.url + "\n" + (request.post_data or ""))
        if request.url.startswith(self.local_prefixes):
            return route.continue_()
        if request.method == "POST" and request.url.split("?")[0].endswith(MEETING_INFO_PATH):
            self.meeting_info.append({k: v[0] for k, v in parse_qs(request.post_data or "").items()})
            origin = request.headers.get("origin", "*")
            return route.fulfill(
                status=200,
                content_type="application/json",
                headers={"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true"},
                body=json.dumps(self.answer),
            )
        self.blocked.append(request.url)
        return route.abort()

    @property
    def blocked_zoom_requests(self):
        """Requests for Zoom other than the meeting-info one (Streamlit's own icon font is blocked too, harmlessly)."""
        return [url for url in self.blocked if urlsplit(url).hostname.endswith(ZOOM_HOSTS)]


@pytest.fixture
def join_page(browser, streamlit_url, sdk_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    network = Network(context, (streamlit_url, sdk_url), ZOOM_REJECTION)
    page = context.new_page()
    page.set_default_timeout(30000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    goto_app(page, streamlit_url)
    yield page, network, dialogs
    context.close()


def sign_with_configured_credentials(page):
    """The builder signs with the secret configured on the server: it never reaches the browser."""
    page.locator(f".st-key-{BUILDER['use_configured']} label").click()
    click_and_wait(page, page.locator(f".st-key-{BUILDER['submit']} button"))  # the demo token is drawn already
    token = page.locator(f".st-key-{BUILDER['token']} code").inner_text().strip()
    assert token.count(".") == 2
    return token


def open_join_page(page):
    click_and_wait(page, page.get_by_role("link", name="Join a meeting"))  # in-app navigation keeps the session
    page.get_by_role("heading", name="Join a meeting").wait_for()


def fill(page, name, value):
    page.locator(f".st-key-{JOIN[name]} input, .st-key-{JOIN[name]} textarea").first.fill(value)


def join(page, sdk_url, **values):
    page.get_by_text("Web SDK source").click()
    fill(page, "sdk_base", sdk_url)
    for name, value in values.items():
        fill(page, name, value)
    click_and_wait(page, page.locator(f".st-key-{JOIN['submit']} button"))


def outcome_text(page):
    """The explanation, once the frame has reported a final outcome, with its list of known mistakes opened."""
    box = page.locator(f".st-key-{JOIN['outcome']}")
    try:
        box.get_by_text(FINAL_OUTCOME).first.wait_for()
    except PlaywrightTimeoutError:
        frames = [(frame.url, frame.locator("#join-status").all_inner_texts()) for frame in page.frames[1:]]
        pytest.fail(f"no final outcome shown; the page says {box.all_inner_texts()}; frames: {frames}")
    wait_rendered(page)  # the run that drew the outcome has finished drawing
    mistakes = box.locator("[data-testid='stExpander']", has_text="Known mistakes that give this answer")
    if mistakes.count():
        mistakes.locator("summary").click()
        mistakes.locator("[data-testid='stExpanderDetails']").wait_for(state="visible")
    return box.inner_text()


@pytest.mark.parametrize(
    "name, same_origin",
    list(zip(XSS_NAMES, [False, True], strict=True)),
    ids=["script-name-other-server", "img-name-static"],
)
def test_real_sdk_sends_our_token_and_zooms_rejection_is_explained(
    join_page, streamlit_url, sdk_url, name, same_origin
):
    page, network, dialogs = join_page
    token = sign_with_configured_credentials(page)
    open_join_page(page)
    base = SAME_ORIGIN_SDK if same_origin else sdk_url
    join(page, base, user_name=name)

    text = outcome_text(page)
    # (a) the SDK asked Zoom about the meeting with exactly our token and meeting number
    assert len(network.meeting_info) == 1
    sent = network.meeting_info[0]
    assert sent["signature"] == token
    assert sent["meetingNumber"] == DEMO_MEETING_NUMBER
    assert sent["userName"] == name  # the hostile name arrived intact, as data
    # (b) Zoom's rejection became 3712, explained in the app's words
    assert "error 3712" in text and "Signature is invalid" in text
    assert "Token doctor" in text and "Standard base64 for header and payload (standard_base64_segments)" in text
    # (d) the hostile display name never ran, though a dialog opened in the meeting frame would be seen
    assert dialogs == []
    meeting_frame = next(frame for frame in page.frames if frame.url.endswith("/app/static/join-frame.html"))
    assert meeting_frame.frame_element().get_attribute("title") == "Zoom meeting (Web SDK Component View)"  # its name
    with page.expect_event("dialog"):
        meeting_frame.evaluate("setTimeout(() => alert('canary'))")
    assert dialogs == ["canary"]
    # (e) the secret is in no frame and in no request; nothing else left the machine
    assert len(page.frames) >= 2
    for html in all_frames_html(page):
        assert SERVER_SDK_SECRET not in html
    assert not any(SERVER_SDK_SECRET in request for request in network.seen)
    assert network.blocked_zoom_requests == []
    assert sent["apiKey"] == SERVER_SDK_KEY  # signed with the configured credentials, whose secret stayed home
    bundle = f"{streamlit_url if same_origin else ''}{base}/zoom-meeting-embedded-ES5.min.js"
    assert any(request.startswith(bundle) for request in network.seen)  # the SDK came from the chosen copy


def test_mac_only_token_is_stopped_before_the_sdk(join_page, sdk_url):
    page, network, dialogs = join_page
    open_join_page(page)
    join(page, sdk_url, token=MAC_ONLY, meeting_number=DEMO_MEETING_NUMBER)
    checks = page.locator(f".st-key-{JOIN['checks']}")
    checks.get_by_text("Not sent to Zoom").wait_for()
    assert page.locator(f".st-key-{JOIN['outcome']}").count() == 0
    assert len(page.frames) == 1
    assert not any(request.startswith(sdk_url) for request in network.seen)
    assert network.meeting_info == [] and network.blocked_zoom_requests == []


def test_mac_only_token_sent_anyway_fails_in_the_real_sdk_and_is_explained(join_page, sdk_url):
    page, network, dialogs = join_page
    open_join_page(page)
    page.locator(f".st-key-{JOIN['send_anyway']} label").click()
    join(page, sdk_url, token=MAC_ONLY, meeting_number=DEMO_MEETING_NUMBER)
    text = outcome_text(page)
    assert "reading 'replace'" in text and "mac_only" in text
    assert network.meeting_info == [] and network.blocked_zoom_requests == []


def test_insecure_context_is_detected_and_explained(browser, streamlit_url, sdk_url):
    """Opened by a LAN-style name over plain http (here mapped to 127.0.0.1), the page is not a secure
    context: the frame sees no navigator.mediaDevices, does not start the SDK and says how to fix it."""
    port = urlsplit(streamlit_url).port
    now = int(time.time())
    claims = {
        "appKey": "K",
        "mn": DEMO_MEETING_NUMBER,
        "role": 0,
        "iat": now,
        "exp": now + 7200,
        "tokenExp": now + 7200,
    }
    token = jwt.encode(claims, "insecure-context-test-secret-0123456789", algorithm="HS256")
    lan_browser = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP signature-lab.test 127.0.0.1"]
    )
    try:
        context = lan_browser.new_context(viewport={"width": 1400, "height": 1200})
        network = Network(context, (f"http://signature-lab.test:{port}", sdk_url), ZOOM_REJECTION)
        page = context.new_page()
        page.set_default_timeout(30000)
        goto_app(page, f"http://signature-lab.test:{port}/{pages.JOIN.url_path}")
        join(page, sdk_url, token=token, meeting_number=DEMO_MEETING_NUMBER)
        text = outcome_text(page)
    finally:
        lan_browser.close()
    assert "not a secure context" in text and "localhost" in text and "HTTPS" in text
    assert not any(request.startswith(sdk_url) for request in network.seen)
