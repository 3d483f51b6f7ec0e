"""A shared link works on a freshly started server: a page's own address opened first shows the app.

Each page gets its own new `streamlit run app.py` (all started together, so the file costs one
start-up, not nine) that no other session has touched: the first script run of that process is this
page's address. Without app.py's st.App lifespan, Streamlit ran the file of pages/ on its own there
(its automatic menu of file names, the narrow layout) or said "Page not found".
"""

import pytest

from bench.browser import streamlit_servers, wait_rendered
from lib.navigation import PAGES, browser_path

pytestmark = pytest.mark.browser
MENU_LABELS = "[data-testid='stSidebarNavLink'] [label]"
MAIN_BLOCK = "[data-testid='stMainBlockContainer']"


@pytest.fixture(scope="module")
def fresh_servers():
    """A new server for each page, keyed by the page; each test opens only its own, once."""
    with streamlit_servers(len(PAGES), ["run", "app.py"]) as urls:
        yield dict(zip(PAGES, urls, strict=True))


@pytest.mark.parametrize("entry", PAGES, ids=[entry.url_path for entry in PAGES])
def test_a_page_opened_first_on_a_new_server_shows_the_apps_menu_and_layout(browser, fresh_servers, entry):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{fresh_servers[entry]}/{browser_path(entry)}")
    page.get_by_role("heading", name=entry.title, level=1).wait_for()
    wait_rendered(page)

    menu = page.locator(MENU_LABELS).evaluate_all("labels => labels.map(label => label.getAttribute('label'))")
    assert menu == [other.title for other in PAGES], "the router's menu, not Streamlit's list of files"
    assert page.locator(MAIN_BLOCK).evaluate("block => getComputedStyle(block).maxWidth") == "none", (
        "the wide layout of app.py's set_page_config, not the narrow default"
    )
    assert page.get_by_text("Page not found").count() == 0
    assert page.url.rstrip("/") == f"{fresh_servers[entry]}/{browser_path(entry)}".rstrip("/")
    context.close()
