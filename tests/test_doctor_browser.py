"""The token doctor in a real browser: paste a token, read the findings, download the redacted report."""

import time

import pytest

from conftest import all_frames_html, click_and_wait, open_page
from doctor_cases import KEY, good_payload, sign
from lib.present.redaction import mask_key
from lib.widget_keys import INSPECTOR

pytestmark = pytest.mark.browser
SECRET = "browser-doctor-secret-0123456789-ABCDEFGH"


def buggy_token(secret):
    """A token with a meeting number with spaces, signed now with `secret`."""
    now = int(time.time())
    return sign(good_payload(mn="857 4606 5432", iat=now - 10, exp=now + 7190, tokenExp=now + 7190), secret=secret)


def diagnose_in_browser(page, streamlit_url, token, secret=None):
    open_page(page, streamlit_url, "token-doctor")
    page.locator(f".st-key-{INSPECTOR['token']} textarea").fill(token)
    if secret:
        page.locator(f".st-key-{INSPECTOR['secret']} input").fill(secret)
    click_and_wait(page, page.locator(f".st-key-{INSPECTOR['submit']} button"))
    page.locator(f".st-key-{INSPECTOR['findings']}").wait_for()


def test_paste_shows_verdict_segments_and_findings(page, streamlit_url):
    diagnose_in_browser(page, streamlit_url, f'  "{buggy_token(SECRET)}"\n', SECRET)
    verdict = page.locator(f".st-key-{INSPECTOR['verdict']}").inner_text()
    assert "3706" not in verdict and "mn is not digits only" in verdict  # spaces in mn: no documented code
    findings = page.locator(f".st-key-{INSPECTOR['findings']}").inner_text()
    assert "mn_not_digits" in findings and "85746065432" in findings
    assert "replace(/\\D/g, '')" in findings  # Markdown left the fix's code alone
    assert "Pasted text cleaned up" in findings  # the quotes and the newline were removed
    # Three colours (the shades of jwt.io's hues that lib.present.html.readable() gives), none the text's own
    parts = page.locator(f".st-key-{INSPECTOR['segments']} .sl-part")
    colours = parts.evaluate_all("spans => spans.map(s => getComputedStyle(s).color)")
    text_colour = parts.first.evaluate("s => getComputedStyle(s.parentElement).color")
    assert len(set(colours)) == 3 and text_colour not in colours
    assert "Signature verified" in page.locator(f".st-key-{INSPECTOR['verification']}").inner_text()
    claims = page.locator(f".st-key-{INSPECTOR['claims']}")
    claims.wait_for()
    table = claims.locator("[data-testid='stTable']")  # a static table: its text is in the DOM, wrapped
    assert table.count() == 1 and "✖" in table.inner_text() and "appKey" in table.inner_text()


def test_redacted_report_download_holds_neither_secret_nor_signature(page, streamlit_url, tmp_path):
    token = buggy_token(SECRET + "\n")  # signed with the newline: the report must explain it without the secret
    signature = token.rsplit(".", 1)[1]
    diagnose_in_browser(page, streamlit_url, token, SECRET)
    assert "Secret had whitespace" in page.locator(f".st-key-{INSPECTOR['verdict']}").inner_text()
    with page.expect_download() as download_info:
        page.locator(f".st-key-{INSPECTOR['report']} button").click()
    path = tmp_path / "report.md"
    download_info.value.save_as(path)
    report = path.read_text(encoding="utf-8")
    assert report.startswith("# Zoom Meeting SDK signature: diagnosis (redacted)")
    assert "secret_whitespace" in report and "mn_not_digits" in report
    assert SECRET not in report and signature not in report and token.split(".")[1] not in report
    assert KEY not in report and mask_key(KEY) in report
    for html in all_frames_html(page):
        assert SECRET not in html


def test_claim_values_are_shown_as_written_not_rendered_as_markdown(page, streamlit_url):
    """st.table renders cells as Markdown: a pasted token's claim must not draw an image (a beacon that would
    tell a third party the token was looked at), bold text, or a bullet where its text has *."""
    now = int(time.time())
    note = "![beacon](http://127.0.0.1:9/beacon.png) **bold** _x_ *"
    token = sign(good_payload(iat=now - 10, exp=now + 7190, tokenExp=now + 7190, note=note, star="*"), secret=SECRET)
    diagnose_in_browser(page, streamlit_url, token, SECRET)
    table = page.locator(f".st-key-{INSPECTOR['claims']} [data-testid='stTable']")
    table.wait_for()
    assert table.locator("img, strong, em, li").count() == 0
    text = table.inner_text()
    assert '"![beacon](http://127.0.0.1:9/beacon.png) **bold** _x_ *"' in text and '"*"' in text
