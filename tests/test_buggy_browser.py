"""'Buggy vs correct' in a real browser: turn a bug on and see the difference highlighted."""

import pytest

from lib.mistakes.catalogue import BUGS
from lib.widget_keys import BUGGY
from support import pages
from support.browser import click_and_wait, open_page

pytestmark = pytest.mark.browser


def row(page, step):
    return page.locator(f".st-key-{BUGGY['row'].format(step=step)}")


def test_turning_a_bug_on_highlights_the_difference(page, streamlit_url):
    open_page(page, streamlit_url, pages.BUGGY_VS_CORRECT)
    page.locator(f".st-key-{BUGGY['preset']} input").fill(BUGS["role_inverted"].title)  # filters the list
    click_and_wait(page, page.get_by_role("option", name=f"Only: {BUGS['role_inverted'].title}"))
    assert row(page, "payload_json").locator("mark.sl-buggy").all_inner_texts() == ["1"]
    assert row(page, "payload_json").locator("mark.sl-correct").all_inner_texts() == ["0"]

    page.get_by_text("Bugs switched on (combine freely)").click()
    click_and_wait(page, page.locator(f".st-key-{BUGGY['bug'].format(bug_id='meeting_number_claim')} label"))
    payload = row(page, "payload_json")
    assert '"meetingNumber"' in payload.locator("mark.sl-buggy").all_inner_texts()
    assert '"mn"' in payload.locator("mark.sl-correct").all_inner_texts()
    assert "differs because: Claim meetingNumber instead of mn" in payload.inner_text()
    assert row(page, "header_json").locator("mark").count() == 0
    assert payload.locator("mark.sl-buggy").first.evaluate("m => getComputedStyle(m).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )
    outcome = page.locator(f".st-key-{BUGGY['outcome']}").inner_text()
    # no source gives the code for a missing mn, nor maps role 1 without a ZAK to 3708 (the fact base)
    assert "which code it answers is not documented" in outcome
    assert "3706" not in outcome and "3708" not in outcome
