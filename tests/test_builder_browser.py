"""The builder in a real browser (Debian chromium via Playwright) against `streamlit run app.py`."""

import jwt
import pytest

from lib.widget_keys import BUILDER
from support.browser import all_frames_html, click_and_wait
from support.credentials import SERVER_SDK_KEY, SERVER_SDK_SECRET

pytestmark = pytest.mark.browser
TYPED_SECRET = "browser-typed-secret-0123456789-ABCDEFGH"


def fill(page, name, value):
    page.locator(f".st-key-{BUILDER[name]} input").fill(value)


def sign(page):
    click_and_wait(page, page.locator(f".st-key-{BUILDER['submit']} button"))  # the demo token is drawn already
    token_box = page.locator(f".st-key-{BUILDER['token']} code")
    token_box.wait_for()
    return token_box.inner_text().strip()


def test_fill_submit_and_verify_with_pyjwt(page):
    fill(page, "sdk_secret", TYPED_SECRET)
    fill(page, "meeting_number", "857 4606 5432")
    token = sign(page)
    claims = jwt.decode(token, TYPED_SECRET, algorithms=["HS256"])
    assert claims["mn"] == "85746065432" and claims["role"] == 0
    assert page.get_by_text("Spaces and dashes removed").count() == 1


def test_typed_secret_leaves_the_browser_after_submit(page):
    fill(page, "sdk_secret", TYPED_SECRET)
    token = sign(page)
    assert jwt.decode(token, TYPED_SECRET, algorithms=["HS256"])
    assert page.locator(f".st-key-{BUILDER['sdk_secret']} input").input_value() == ""
    for html in all_frames_html(page):
        assert TYPED_SECRET not in html


def test_configured_secret_is_nowhere_in_the_page(page):
    requests = []
    page.on("request", lambda request: requests.append(request.url + (request.post_data or "")))
    page.locator(f".st-key-{BUILDER['use_configured']} label").click()
    token = sign(page)
    assert jwt.decode(token, SERVER_SDK_SECRET, algorithms=["HS256"])["appKey"] == SERVER_SDK_KEY
    for html in all_frames_html(page):
        assert SERVER_SDK_SECRET not in html
    assert not any(SERVER_SDK_SECRET in r for r in requests)


def test_opening_a_step_expander_draws_the_code_that_computed_it(page):
    """The source is drawn only once its expander is opened (on_change="rerun"): the click must reach the server."""
    expander = page.locator(f".st-key-{BUILDER['step_code'].format(field='hmac_hex')}")
    assert "def hmac_sha256(" not in expander.text_content()  # not even hidden in the collapsed expander
    click_and_wait(page, expander.locator("summary"))
    expander.locator("code", has_text="def hmac_sha256(").wait_for()
    assert "def build_header(" not in page.locator(".stMain").text_content()  # the other expanders stay empty
