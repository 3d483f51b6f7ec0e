"""AppTest for the Code doctor page: paste code, read the verdict, the marked code, the findings and fixes."""

import pytest

from lib.javascript.forum import FORUM_SNIPPET
from lib.review import review_code
from lib.review.corrected import reference_signer
from lib.review.runnable import runnable_review
from lib.widget_keys import CODE_DOCTOR
from lib.zoom.facts import DEMO_SDK_SECRET
from support import pages
from support.apptest import open_app_page
from support.paths import ROOT

FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET)
SECRET = "Wq4Nz7Kd2Rv9Tb6Hm3Xp8Lc5Fj1Gs0Ya"


@pytest.fixture
def doctor():
    return open_app_page(pages.CODE_DOCTOR.path, timeout=60)


def review_on_page(at, code, language=None):
    at.text_area(key=CODE_DOCTOR["code"]).set_value(code)
    if language:
        at.selectbox(key=CODE_DOCTOR["language"]).set_value(language)
    at.button(key=CODE_DOCTOR["submit"]).click().run()
    assert not at.exception, at.exception
    return at


def rendered(at):
    return "\n".join(str(element.proto) for element in at.main)


def test_the_forum_snippet_is_marked_line_by_line_with_fixes(doctor):
    review_on_page(doctor, FORUM_CODE)
    assert doctor.error[0].value.startswith("**JavaScript:** 7 errors and 1 warning")
    findings = "\n".join(e.value for e in [*doctor.error, *doctor.warning])
    for code in ("meeting_number_claim_name", "standard_base64", "bare_signature", "secret_in_browser"):
        assert f"(`{code}`)" in findings
    assert "**Line 12: The secret is read in browser code**" in findings and "**Fix:**" in findings
    page = rendered(doctor)
    assert page.count("sl-marked") == 7  # lines 5, 7, 8, 9, 11, 12 and 13
    signer = reference_signer("javascript").strip()
    assert signer not in [c.value.strip() for c in doctor.code]  # drawn only once its expander is opened
    doctor.session_state[CODE_DOCTOR["corrected_code"]] = True  # what opening the expander sends
    doctor.run()
    codes = [c.value.strip() for c in doctor.code]
    assert signer in codes  # the correct signer beside it
    assert any("CryptoJS.enc.Base64url.stringify" in code for code in codes)  # and the fix of each mistake
    assert "Standard base64 for the signature" in "\n".join(m.value for m in doctor.markdown)


def test_a_secret_literal_is_masked_on_the_page_with_a_warning_to_rotate_it(doctor):
    review_on_page(doctor, f'SDK_SECRET = "{SECRET}"\nmac = hmac.new(SDK_SECRET.encode(), msg, hashlib.sha256)')
    assert doctor.selectbox(key=CODE_DOCTOR["language"]).value == "Detect from the code"
    assert "**Python:**" in doctor.error[0].value
    assert any("regenerate it" in w.value for w in doctor.warning)
    assert SECRET not in rendered(doctor) and "••••••••" in rendered(doctor)


def test_the_language_chosen_is_the_one_read(doctor):
    review_on_page(doctor, (ROOT / "tests/data/review/buggy.rb").read_text(), "Ruby")
    assert "**Ruby:**" in doctor.error[0].value and "(`lifetime_too_long`)" in "\n".join(e.value for e in doctor.error)


def test_clean_code_gets_no_error(doctor):
    review_on_page(doctor, reference_signer("go"))
    assert doctor.success[0].value.startswith("**Go:** No known mistake") and not doctor.error


def test_nothing_pasted_says_what_to_do(doctor):
    review_on_page(doctor, "  ")
    assert "Paste the code that builds the signature" in doctor.warning[0].value


def test_only_javascript_and_typescript_can_be_run(doctor):
    review_on_page(doctor, reference_signer("python"))
    assert not [b for b in doctor.button if b.key == CODE_DOCTOR["run"]]
    review_on_page(doctor, reference_signer("typescript"))
    assert [b for b in doctor.button if b.key == CODE_DOCTOR["run"]]


def test_running_without_the_libraries_says_how_to_install_them(doctor, monkeypatch, tmp_path):
    monkeypatch.setattr("lib.review.sandbox.LIBRARY_DIRECTORY", tmp_path)
    review_on_page(doctor, FORUM_CODE)
    doctor.button(key=CODE_DOCTOR["run"]).click().run()
    assert not doctor.exception
    assert any("scripts/install-signer-libs.sh" in w.value for w in doctor.warning)


def test_the_secret_written_in_the_code_is_not_what_runs_in_the_browser():
    run = runnable_review(review_code(f'const SECRET = "{SECRET}";\nfunction sign(k) {{ return SECRET; }}'))
    assert SECRET not in run.script and f'"{DEMO_SDK_SECRET}"' in run.script


NATIVE_SIGNER = (ROOT / "tests/data/signers/js-init-token-no-mn.js").read_text()


def test_a_native_signer_gets_the_native_note_as_an_info_and_the_web_errors_when_the_web_is_named(doctor):
    review_on_page(doctor, NATIVE_SIGNER)
    assert not doctor.error
    assert any("(`meeting_native_assumed`)" in i.value and "native Meeting SDK" in i.value for i in doctor.info)
    doctor.selectbox(key=CODE_DOCTOR["sdk"]).set_value("web")
    review_on_page(doctor, NATIVE_SIGNER)
    errors = "\n".join(e.value for e in doctor.error)
    assert "(`missing_mn`)" in errors and "(`missing_role`)" in errors
    assert not any("meeting_native_assumed" in i.value for i in doctor.info)
