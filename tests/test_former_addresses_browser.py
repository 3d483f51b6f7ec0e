"""An address a page had before still lands on that page: an old bookmark of /inspector opens the Token
doctor at its address now, with its query kept (lib.navigation's former_addresses, app.py's forwarding)."""

import pytest

from lib.navigation import PAGES
from support.browser import goto_app

pytestmark = pytest.mark.browser
FORMER = [(old, entry) for entry in PAGES for old in entry.former_addresses]


def test_the_token_doctors_old_address_is_kept():
    assert ("inspector", next(e for e in PAGES if e.title == "Token doctor")) in FORMER


@pytest.mark.parametrize("old, entry", FORMER, ids=[old for old, _ in FORMER])
def test_a_former_address_opens_the_page_now_serving_it(browser, streamlit_url, old, entry):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20000)
    goto_app(page, f"{streamlit_url}/{old}?from=bookmark")
    page.get_by_role("heading", name=entry.title, level=1).wait_for()
    page.wait_for_url(f"{streamlit_url}/{entry.url_path}?from=bookmark")
    assert page.get_by_text("Page not found").count() == 0
    context.close()
