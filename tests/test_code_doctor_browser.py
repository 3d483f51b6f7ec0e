"""The Code doctor in a real browser: upload a signer, see its lines marked, download the masked review."""

import pytest

from lib.widget_keys import CODE_DOCTOR
from support import pages
from support.browser import all_frames_html, click_and_wait, open_page
from support.paths import ROOT

pytestmark = pytest.mark.browser
SIGNER = ROOT / "tests/data/review/jjwt09.java"
SECRET = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"  # the literal in jjwt09.java


def test_an_uploaded_signer_is_marked_on_its_lines_and_its_secret_never_shown(page, streamlit_url, tmp_path):
    assert SECRET in SIGNER.read_text()
    open_page(page, streamlit_url, pages.CODE_DOCTOR)
    page.locator(f".st-key-{CODE_DOCTOR['upload']} input[type='file']").set_input_files(str(SIGNER))
    page.locator(f".st-key-{CODE_DOCTOR['upload']}").get_by_text("jjwt09.java").wait_for()
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['submit']} button"))
    page.locator(f".st-key-{CODE_DOCTOR['findings']}").wait_for()
    assert page.locator(f".st-key-{CODE_DOCTOR['verdict']}").inner_text().startswith("Java:")
    assert "regenerate it" in page.locator(f".st-key-{CODE_DOCTOR['secret_warning']}").inner_text()
    marked = page.locator(f".st-key-{CODE_DOCTOR['marked']} tr.sl-marked")
    numbers = marked.evaluate_all("rows => rows.map(r => r.cells[0].innerText)")
    assert numbers == ["7", "10", "11", "12", "15"]
    colour = marked.first.evaluate("row => getComputedStyle(row).backgroundColor")
    assert colour == "rgb(255, 215, 215)"  # an error's mark
    notes = page.locator(f".st-key-{CODE_DOCTOR['marked']} tr.sl-note").all_inner_texts()
    assert any("base64_decoded_secret" in note for note in notes)
    with page.expect_download() as download_info:
        page.locator(f".st-key-{CODE_DOCTOR['report']} button").click()
    path = tmp_path / "review.md"
    download_info.value.save_as(path)
    report = path.read_text(encoding="utf-8")
    assert report.startswith("# Zoom Meeting SDK signing code: review") and "hardcoded_secret" in report
    assert SECRET not in report and "•" * len(SECRET) in report
    for html in all_frames_html(page):
        assert SECRET not in html
