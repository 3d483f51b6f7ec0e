"""Visit every page in both themes: no Streamlit exception, no browser console error, a screenshot each.

Screenshots go to test-artifacts/sweep/ (ignored by git; CI keeps them as artifacts) to look at
layout, contrast and anything cut off.
"""

import pytest

from conftest import ROOT, wait_for_app
from lib.navigation import PAGES, browser_path

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
        page.goto(page_url)
        wait_for_app(page)
        page.get_by_role("heading", name=entry.title).first.wait_for()
        assert page.locator("[data-testid='stException']").count() == 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{entry.url_path}-{scheme}.png", full_page=True)
        assert problems == []
    finally:
        context.close()
