"""Visit every page in both themes: no Streamlit exception, no browser console error, a screenshot each.

Each page is shot as it opens and after its main form is submitted (bench/pages.py's PAGE_FORMS).
Screenshots go to test-artifacts/sweep/ (ignored by git; CI keeps them as artifacts) to look at
layout, contrast and anything cut off. A last test walks one session through every page with a
known secret typed and configured, and scans what the browser got for it.
"""

import base64

import pytest

from bench.browser import wait_rendered
from bench.pages import PAGE_FORMS
from lib.navigation import PAGES, browser_path
from lib.widget_keys import BUILDER
from support import pages
from support.browser import all_frames_html, click_and_wait, goto_app, open_app, record_traffic
from support.credentials import SERVER_SDK_SECRET
from support.paths import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "sweep"


def is_streamlit_base_path_probe(message, page_url):
    """Opened at /<page>, Streamlit's frontend first probes /<page>/_stcore/health and host-config,
    gets 404, and falls back to the server root: its own behaviour, not an error of ours."""
    return message.location.get("url", "").startswith(f"{page_url}/_stcore/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("entry", PAGES, ids=lambda e: e.url_path)
def test_page_renders_cleanly(browser, streamlit_url, entry, scheme):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    page_url = f"{streamlit_url}/{browser_path(entry)}"
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not is_streamlit_base_path_probe(message, page_url)
            and problems.append(f"{message.text} ({message.location.get('url')})")
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        goto_app(page, page_url)
        page.get_by_role("heading", name=entry.title).first.wait_for()
        assert page.locator("[data-testid='stException']").count() == 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        screenshot_whole_app(page, SHOTS / f"{entry.url_path}-{scheme}.png")
        submit_main_form(page, PAGE_FORMS[entry.url_path])
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot_whole_app(page, SHOTS / f"{entry.url_path}-{scheme}-result.png")
        assert problems == []
    finally:
        context.close()


def screenshot_whole_app(page, path):
    """Streamlit scrolls inside its main section, so full_page alone shows one screen: grow the viewport."""
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(max(height, 1000), 12000)})
    wait_rendered(page)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1400, "height": 1000})


def submit_main_form(page, form, secret=None):
    """Fill the page's main form (and every password field with secret, if given), submit, wait for the result."""
    for key, text in form.fields.items():
        page.locator(f".st-key-{key} input, .st-key-{key} textarea").first.fill(text)
    if secret is not None:
        wait_rendered(page)  # a page still drawing its first run replaces its fields under the filling
        for field in page.locator("input[type='password']:visible").all():  # not the trainer PIN in a closed tab
            field.fill(secret)
    click_and_wait(page, page.locator(f".st-key-{form.submit} button"))
    page.locator(f".st-key-{form.result}").first.wait_for()


TYPED_SECRET = "typed-secret-for-the-browser-scan-0123456789"


def download_everything(page):
    """Press every download button on the page (the report, the results, the handout); how many there were."""
    buttons = page.locator("[data-testid='stDownloadButton'] button").all()
    for button in buttons:
        with page.expect_download():
            button.click()
    return len(buttons)


def forms_of(secret):
    """What would give the secret away: the text itself, its base64 and hex, in bytes."""
    return [form.encode() for form in (secret, base64.b64encode(secret.encode()).decode(), secret.encode().hex())]


def test_no_page_sends_a_secret_to_the_browser(browser, streamlit_url):
    """One session signs with a typed secret and with the server's, then submits every page's main form
    with the secret typed into each password field. Neither secret may come back: not in any frame's
    HTML, any request, or any websocket frame the server sent."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    traffic = record_traffic(context)
    try:
        page = open_app(context, streamlit_url)
        page.locator(f".st-key-{BUILDER['use_configured']} label").click()
        submit_main_form(page, PAGE_FORMS[pages.BUILDER.url_path])  # signed with the server's configured secret
        page.locator(f".st-key-{BUILDER['use_configured']} label").click()
        submit_main_form(
            page, PAGE_FORMS[pages.BUILDER.url_path], TYPED_SECRET
        )  # then with a typed one, shared onwards
        html = all_frames_html(page)
        downloads = download_everything(page)
        for entry in PAGES[1:]:  # in-app navigation: one session, the builder's secret in its state
            click_and_wait(page, page.locator(f"[data-testid='stSidebarNavLink'][href$='/{entry.url_path}']"))
            submit_main_form(page, PAGE_FORMS[entry.url_path], TYPED_SECRET)
            downloads += download_everything(page)
            html += all_frames_html(page)
    finally:
        context.close()
    assert any(TYPED_SECRET.encode() in frame for frame in traffic.sent)  # the recorder sees the websocket
    assert len(traffic.downloads) == downloads > 0 and traffic.unread == []  # and every file the server sent
    assert any(b"/_stcore/host-config" in response for response in traffic.responses)
    assert traffic.hosts() == {"127.0.0.1"}, "the app asked another machine for something (a font, an icon?)"
    everything = b"\n".join(traffic.requests) + traffic.from_server() + "\n".join(html).encode()
    for secret in (TYPED_SECRET, SERVER_SDK_SECRET):
        for form in forms_of(secret):
            assert form not in everything, f"{form[:16]!r}… reached the browser"
