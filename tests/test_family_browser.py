"""The Token doctor's 'Which SDK joins with this token?' in a real browser: choosing the Video SDK swaps the
meeting's fields for the session name, and a token whose tpc is another session gets tpc_mismatch."""

import pytest

from lib.widget_keys import INSPECTOR
from support import pages
from support.browser import click_and_wait, open_page
from support.doctor_cases import SECRET
from support.family_tokens import SESSION, family_token

pytestmark = pytest.mark.browser


def test_choosing_the_video_sdk_asks_for_the_session_name_and_checks_tpc(page, streamlit_url):
    open_page(page, streamlit_url, pages.TOKEN_DOCTOR)
    selector = page.locator(f".st-key-{INSPECTOR['sdk']}")
    assert "Which SDK joins with this token?" in selector.inner_text()
    assert selector.locator("input").input_value() == "Work it out from the token"
    page.locator(f".st-key-{INSPECTOR['meeting_number']} input").wait_for()
    selector.locator("input").click()
    click_and_wait(page, page.get_by_role("option", name="Video SDK", exact=True))
    page.locator(f".st-key-{INSPECTOR['meeting_number']}").wait_for(state="detached")
    page.locator(f".st-key-{INSPECTOR['token']} textarea").fill(family_token("video"))
    page.locator(f".st-key-{INSPECTOR['secret']} input").fill(SECRET)
    page.locator(f".st-key-{INSPECTOR['session_name']} input").fill(SESSION + " (other)")
    click_and_wait(page, page.locator(f".st-key-{INSPECTOR['submit']} button"))
    page.locator(f".st-key-{INSPECTOR['findings']}").wait_for()
    assert "Video SDK (as you stated)" in page.locator(f".st-key-{INSPECTOR['family']}").inner_text()
    findings = page.locator(f".st-key-{INSPECTOR['findings']}").inner_text()
    assert "tpc_mismatch" in findings and "video-native-1507" in findings
    assert "1507" in page.locator(f".st-key-{INSPECTOR['verdict']}").inner_text()
