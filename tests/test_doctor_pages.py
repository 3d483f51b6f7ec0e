"""AppTest for the token doctor, compare and batch pages: widgets by key, what they render."""

import time

import pytest

from conftest import open_app_page
from doctor_cases import KEY, SECRET, good_payload, sign
from lib.builder.form import FormInput
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.widget_keys import BATCH, COMPARE, INSPECTOR, SHARED_FORM, SHARED_TOKEN


def fresh_token(**changes):
    """A correct token for the real clock (the pages diagnose against time.time())."""
    now = int(time.time())
    values = dict(sdk_key=KEY, sdk_secret=SECRET, meeting_number=85746065432, role=0, iat=now - 10, exp=now + 7190)
    return build_signature_steps(SignatureRequest(**{**values, **changes})).token


def fresh_payload(**changes):
    now = int(time.time())
    return good_payload(**{"iat": now - 10, "exp": now + 7190, "tokenExp": now + 7190, **changes})


def open_page(path, **state):
    return open_app_page(path, state, timeout=60)


def texts(elements):
    return "\n".join(element.value for element in elements)


def rendered(at):
    return "\n".join(str(element.proto) for element in at.main)


# ------------------------------------------------------------------------------------------ inspector


@pytest.fixture
def inspector():
    return open_page("pages/token_doctor.py")


def diagnose_on_page(at, token, secret=""):
    at.text_area(key=INSPECTOR["token"]).set_value(token)
    at.text_input(key=INSPECTOR["secret"]).set_value(secret)
    at.button(key=INSPECTOR["submit"]).click().run()
    assert not at.exception
    return at


def test_inspector_shows_verdict_claims_findings_and_report(inspector):
    diagnose_on_page(inspector, sign(fresh_payload(mn="857 4606 5432")), SECRET)
    # no source says which code Zoom answers for spaces in mn (the fact base), so the verdict names none
    assert "3706" not in inspector.error[0].value and "mn is not digits only" in inspector.error[0].value
    claims = inspector.table[0].value.set_index("claim")
    assert claims.loc["mn", "value"] == '"857 4606 5432"' and claims.loc["mn", "verdict"].startswith("✖")
    assert "UTC" in claims.loc["exp", "time"]
    assert "`mn_not_digits`" in texts(inspector.error) and "Fix:" in texts(inspector.error)
    # the signature verifies, but on a token with an error that is no green success: it takes the verdict's colour
    assert "Signature verified" not in texts(inspector.success) and not inspector.success
    assert "Signature verified" in texts(inspector.error) and "the token has errors" in texts(inspector.error)
    [download] = inspector.get("download_button")
    assert download.proto.label.startswith("Download the redacted report")
    report = inspector.session_state["inspector_result"]["report"]
    assert SECRET not in report and "857 4606 5432" in report
    assert not [c for c in inspector.code if c.value == report.strip()]  # the preview is drawn only when opened
    inspector.session_state[INSPECTOR["report_preview"]] = True
    assert [c.language for c in inspector.run().code if c.value == report.strip()] == ["markdown"]


def test_inspector_empties_the_secret_field_and_keeps_it_on_the_server(inspector):
    token = fresh_token()
    diagnose_on_page(inspector, token, SECRET)
    assert inspector.text_input(key=INSPECTOR["secret"]).value == ""
    assert SECRET not in rendered(inspector)
    inspector.button(key=INSPECTOR["submit"]).click().run()  # the kept secret verifies again
    assert "Signature verified" in texts(inspector.success)
    inspector.button(key=INSPECTOR["forget_secret"]).click().run()
    inspector.button(key=INSPECTOR["submit"]).click().run()
    assert "not verified" in texts(inspector.info)


def test_inspector_names_the_forensic_mistake(inspector):
    diagnose_on_page(inspector, fresh_token(sdk_secret=SECRET + "\n"), SECRET)
    verdict = inspector.error[0].value
    assert "Secret had whitespace when signing" in verdict
    assert "Signature does NOT match" in texts(inspector.error)


def test_inspector_suspects_the_typed_secret_when_nothing_else_is_wrong(inspector):
    diagnose_on_page(inspector, fresh_token(), "the-test-apps-client-secret-0123456789abcd")
    verdict = inspector.error[0].value
    assert "secret typed here" in verdict and "another app's, a test app's" in verdict
    assert "the signer used another secret" in verdict and "most likely" not in verdict
    assert "that secret may be the wrong one" in texts(inspector.error)
    report = inspector.session_state["inspector_result"]["report"]
    assert "**Most likely Zoom error:** unknown: the secret given may be the wrong one" in report
    assert "the-test-apps-client-secret" not in report + rendered(inspector)


def test_inspector_shows_a_verified_token_with_warnings_in_the_warning_colour(inspector):
    diagnose_on_page(inspector, sign(fresh_payload(role="1")), SECRET)
    assert not inspector.success and not inspector.error
    assert "Signature verified" in texts(inspector.warning) and "role_not_number" in texts(inspector.warning)


def test_inspector_colours_the_segments(inspector):
    diagnose_on_page(inspector, fresh_token())
    html = "\n".join(str(element.proto) for element in inspector.get("html"))
    assert "#e8710a" in html and "#a347d1" in html and "#1e9e4a" in html


@pytest.mark.parametrize("pasted", ["", "garbage $x_y$ <b>", "a.b", "eyJ" * 5000])
def test_inspector_survives_anything(inspector, pasted):
    diagnose_on_page(inspector, pasted)
    assert inspector.error and not inspector.exception


def test_inspector_loads_and_verifies_the_builders_token():
    token = fresh_token()
    at = open_page(
        "pages/token_doctor.py",
        **{SHARED_TOKEN: token, SHARED_FORM: FormInput(KEY, SECRET, "85746065432", 0)},
    )
    at.button(key=INSPECTOR["load_builder_token"]).click().run()
    assert at.text_area(key=INSPECTOR["token"]).value == token
    at.checkbox(key=INSPECTOR["use_shared_secret"]).check()
    at.button(key=INSPECTOR["submit"]).click().run()
    assert "Correct" in at.success[0].value and "Signature verified" in texts(at.success)


# -------------------------------------------------------------------------------------------- compare


def test_compare_highlights_and_explains_differences():
    at = open_page("pages/compare_tokens.py")
    at.text_area(key=COMPARE["token_a"]).set_value(sign(fresh_payload(mn="857 4606 5432", role="1")))
    at.text_area(key=COMPARE["token_b"]).set_value(fresh_token(role=1))
    at.text_input(key=COMPARE["secret"]).set_value(SECRET)
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception
    claims = at.table[0].value.set_index("claim")
    assert claims.loc["mn", "same"] == "✖" and "digits only" in claims.loc["mn", "explanation"]
    assert "different JSON type" in claims.loc["role", "explanation"]
    assert claims.loc["appKey", "same"] == "✔"
    segments = at.table[1].value.set_index("segment")
    assert segments.loc["header", "same"] == "✔" and segments.loc["payload", "same"] == "✖"
    # both verify with the secret; A has errors (mn not digits), so only B's box is a green success
    [verified_b] = at.success
    assert verified_b.value.startswith("Signature verified")
    assert "Signature verified" in texts(at.error) and "the token has errors" in texts(at.error)
    assert at.text_input(key=COMPARE["secret"]).value == ""


def test_compare_boxes_follow_each_verdicts_colour():
    at = open_page("pages/compare_tokens.py")
    at.text_area(key=COMPARE["token_a"]).set_value(sign(fresh_payload(role="1")))  # a warning only
    at.text_area(key=COMPARE["token_b"]).set_value(fresh_token(sdk_secret="the-signers-other-secret-0123456789ab"))
    at.text_input(key=COMPARE["secret"]).set_value(SECRET)
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception and not at.success
    assert "Signature verified" in texts(at.warning)
    assert "Signature does NOT match the secret you entered: that secret may be the wrong one" in texts(at.error)
    assert "secret typed here" in texts(at.caption)


def test_compare_asks_for_a_missing_token_instead_of_comparing_nothing():
    at = open_page("pages/compare_tokens.py")
    at.text_area(key=COMPARE["token_a"]).set_value(fresh_token())
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception
    assert any("Token B is empty" in w.value for w in at.warning)
    assert not at.table


def test_compare_against_the_builders_token_uses_the_builders_secret():
    builder_token = fresh_token()
    at = open_page(
        "pages/compare_tokens.py",
        **{SHARED_TOKEN: builder_token, SHARED_FORM: FormInput(KEY, SECRET, "85746065432", 0)},
    )
    at.text_area(key=COMPARE["token_a"]).set_value(fresh_token(sdk_secret="another-secret-another-secret-01"))
    at.radio(key=COMPARE["b_source"]).set_value("The builder's last token")
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception
    assert at.session_state["compare_result"].b.token == builder_token
    assert at.session_state["compare_result"].b.verified is True
    assert at.session_state["compare_result"].a.verified is None  # no secret typed for A


# ---------------------------------------------------------------------------------------------- batch


def test_batch_sample_gives_summary_chart_table_and_download():
    at = open_page("pages/batch.py")
    at.button(key=BATCH["sample"]).click().run()
    assert not at.exception
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Tokens"] == "1,000" and metrics["Correct"] == "750"
    counts = at.dataframe[0].value.set_index("code")
    assert counts.loc["bare_signature", "tokens"] > 0 and counts.loc["secret_whitespace", "tokens"] > 0
    [bars] = [h.proto.body for h in at.get("html") if ">bare_signature</code>" in h.proto.body]
    assert ">secret_whitespace</code>" in bars and "signature_valid" not in bars
    assert (
        len(at.dataframe[1].value) == 250
        and (at.dataframe[1].value["errors"] + at.dataframe[1].value["warnings"] > 0).all()
    )
    assert [d.proto.label for d in at.get("download_button")] == ["Download the results (CSV)"]


def test_batch_of_pasted_lines():
    at = open_page("pages/batch.py")
    at.text_area(key=BATCH["paste"]).set_value(f"{fresh_token()}\nnot a token\n\n{fresh_token(role='1')}")
    at.button(key=BATCH["run"]).click().run()
    results = at.session_state["batch_result"]["results"]
    assert list(results["line"]) == [1, 2, 4]
    assert list(results["errors"]) == [0, 1, 0] and list(results["warnings"]) == [0, 0, 1]
    assert list(at.dataframe[1].value["line"]) == [2, 4]  # the table shows the tokens with a problem


def test_batch_without_tokens_says_so():
    at = open_page("pages/batch.py")
    at.button(key=BATCH["run"]).click().run()
    assert "No token found" in at.warning[0].value and not at.dataframe


BEACON = "![beacon](http://127.0.0.1:9/beacon.png)"


def test_claim_values_reach_the_tables_markdown_escaped():
    """st.table renders its cells as Markdown: a pasted claim that holds an image must arrive escaped (shown as
    text, no request to its address). tests/test_doctor_browser.py checks what Chromium draws."""
    token = sign(fresh_payload(note=BEACON))
    at = open_page("pages/token_doctor.py")
    diagnose_on_page(at, token)
    assert (
        at.table[0].value.set_index("claim").loc["note", "value"]
        == '"\\!\\[beacon\\]\\(http\\://127\\.0\\.0\\.1\\:9/beacon\\.png\\)"'
    )
    at = open_page("pages/compare_tokens.py")
    at.text_area(key=COMPARE["token_a"]).set_value(token)
    at.text_area(key=COMPARE["token_b"]).set_value(fresh_token())
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception
    cells = at.table[0].value.set_index("claim").loc["note"]
    assert cells["a"].startswith('"\\!\\[beacon\\]') and BEACON not in cells.to_string()
