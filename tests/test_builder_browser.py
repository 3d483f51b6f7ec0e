"""The builder in a real browser (Debian chromium via Playwright) against `streamlit run app.py`."""

import json

import jwt
import pytest

from lib.widget_keys import BUILDER
from lib.zoom.families import VIDEO
from support.browser import all_frames_html, click_and_wait, pick
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


def test_build_a_video_sdk_token_and_read_its_steps(page):
    """The family switch reruns the page into the Video SDK's form; its claims, a region picked from the folded
    settings, are signed and every step drawn."""
    family = page.locator(f".st-key-{BUILDER['family']}")
    family.click()
    click_and_wait(page, page.get_by_role("option", name="Video SDK", exact=True))
    claim = BUILDER["claim"].format(family=VIDEO, claim="{claim}")
    page.locator(f".st-key-{claim.format(claim='tpc')} input").fill("Browser Session 1")
    page.locator(f".st-key-{claim.format(claim='user_key')} input").fill("visitor-17")
    fill(page, "sdk_secret", TYPED_SECRET)
    page.locator(f".st-key-{BUILDER['more_claims'].format(family=VIDEO)} summary").click()
    pick(page, claim.format(claim="geo_regions"), "DE — Germany")
    token = sign(page)
    claims = jwt.decode(token, TYPED_SECRET, algorithms=["HS256"])
    assert list(claims) == ["app_key", "role_type", "tpc", "version", "iat", "exp", "user_key", "geo_regions"]
    assert (claims["tpc"], claims["user_key"], claims["geo_regions"]) == ("Browser Session 1", "visitor-17", "DE")
    steps = page.locator(".stMain [data-testid='stCode']").all_inner_texts()
    header_b64, payload_b64, signature = token.split(".")
    for value in ('{"alg":"HS256","typ":"JWT"}', header_b64, payload_b64, f"{header_b64}.{payload_b64}", signature):
        assert value in [text.strip() for text in steps]
    assert json.loads(next(text for text in steps if text.strip().startswith('{"app_key"'))) == claims
    assert page.get_by_text("token_family video").count() == 1
