"""The endpoint tester in Chromium: the server-side matrix drawn, then the main request sent by the browser
itself, where a missing CORS header shows up exactly as a Web SDK app meets it (fetch's TypeError)."""

import pytest
from playwright.sync_api import expect

from lib.widget_keys import ENDPOINT
from support import pages
from support.browser import all_frames_html, click_and_wait, open_page
from support.endpoint_servers import ENDPOINT_SDK_SECRET, python_endpoint

pytestmark = pytest.mark.browser


def run_matrix(page, streamlit_url, url, secret=None):
    open_page(page, streamlit_url, pages.ENDPOINT)
    page.locator(f".st-key-{ENDPOINT['url']} input").fill(url)
    if secret:
        page.locator(f".st-key-{ENDPOINT['sdk_secret']} input").fill(secret)
    click_and_wait(page, page.locator(f".st-key-{ENDPOINT['run']} button"))
    page.locator(f".st-key-{ENDPOINT['matrix']}").wait_for()


def column_texts(page, name):
    """The cells of one column of the matrix as Chromium draws them."""
    table = page.locator(f".st-key-{ENDPOINT['matrix']} table")
    index = [text.strip() for text in table.locator("thead th").all_inner_texts()].index(name)
    return [row.locator("td").nth(index).inner_text().strip() for row in table.locator("tbody tr").all()]


def fetch_from_browser(page):
    """Press the button; the outcome arrives with a second script run once the browser's fetch settles."""
    click_and_wait(page, page.locator(f".st-key-{ENDPOINT['from_browser']} button"))
    outcome = page.locator(f".st-key-{ENDPOINT['browser']} [data-testid='stAlert']")
    expect(outcome).not_to_contain_text("Calling the endpoint from your browser", timeout=20000)
    return outcome.inner_text()


def test_a_correct_endpoint_answers_the_browser_too(page, streamlit_url):
    with python_endpoint() as server:
        run_matrix(page, streamlit_url, server.url, ENDPOINT_SDK_SECRET)
        verdict = page.locator(f".st-key-{ENDPOINT['verdict']}").inner_text()
        assert "passes the contract matrix: 16 requests" in verdict
        assert page.locator(f".st-key-{ENDPOINT['matrix']} tbody tr").count() == 16
        # the header value * drawn as *, not as a Markdown bullet; our own titles keep their parentheses
        assert column_texts(page, "CORS") == ["*"] * 16
        assert page.locator(f".st-key-{ENDPOINT['matrix']} li").count() == 0
        assert 'role "1" (a string)' in column_texts(page, "request")
        assert column_texts(page, "token findings")[0] == "ℹ signature_valid"
        answered = fetch_from_browser(page)
        from_browser = [r for r in server.received if b"SignatureLab-endpoint-probe" not in r]
    assert "got HTTP 200 with a signature" in answered
    assert "CORS lets the app read the answer" in answered
    assert len(from_browser) == 2  # the browser's preflight and its POST
    assert from_browser[0].startswith(b"OPTIONS") and from_browser[1].startswith(b"POST")
    assert f"Origin: {streamlit_url}".encode() in from_browser[1]
    assert ENDPOINT_SDK_SECRET.encode() not in b"".join(server.received)
    for html in all_frames_html(page):
        assert ENDPOINT_SDK_SECRET not in html


def test_without_cors_the_browser_cannot_read_the_answer(page, streamlit_url):
    with python_endpoint("no_cors") as server:
        run_matrix(page, streamlit_url, server.url)
        findings = page.locator(f".st-key-{ENDPOINT['findings']}").inner_text()
        assert "endpoint_no_cors" in findings and "app.use(cors())" in findings
        blocked = fetch_from_browser(page)
        from_browser = [r for r in server.received if b"SignatureLab-endpoint-probe" not in r]
    assert "could not read the answer" in blocked and "TypeError: Failed to fetch" in blocked
    assert [r.split(b" ")[0] for r in from_browser] == [b"OPTIONS"]  # the preflight failed: no POST was sent
