"""No path takes a secret to the user (the Code doctor's paths are tested in test_review*.py): for any secret of
8 to 64 characters, pasted with whitespace around it, carried by the token as a claim, nested in another
literal, base64-encoded or as a claim's name, or sent back by an endpoint, none of the Token doctor's
findings, its verdict, its Markdown report, the batch CSV, the comparison of two tokens, the endpoint
tester's findings and reports, nor the pages' HTML holds a run of 8 or more of its characters (nor of its
base64 form, where that is how it travelled).

The secrets are drawn from blocks that each hold an upper-case letter, a lower-case letter and a digit, so
every run of 8 of them does too: such a run in English text, a JSON number or a fingerprint is the secret,
never a coincidence.
"""

import base64
import json
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lib.cli import compare_record
from lib.doctor.batch import BatchItem
from lib.doctor.batch_results import diagnose_all, results_csv
from lib.doctor.diagnosis import _texts as texts_in  # every string in a finding's parts
from lib.doctor.diagnosis import diagnose
from lib.endpoint.probe import ProbeResult, ProbeSettings, contract_matrix, judge, merge_findings, redact_answer
from lib.endpoint.report import markdown_report, matrix_rows, result_as_dict
from lib.endpoint.safety import Answer, allow_list
from lib.present.redaction import redacted_report
from lib.signing.secret_scan import SECRET_RUN
from lib.widget_keys import BUILDER, INSPECTOR
from lib.zoom.facts import HEADER
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials
from support.doctor_cases import KEY, NOW, good_payload, sign

OTHER_SECRET = "Other-signing-secret-4f9Q2x7K1m8Z3c6V"  # signs the tokens that were not made with the secret
BLOCKS = st.permutations(
    [
        st.sampled_from(string.ascii_uppercase),
        st.sampled_from(string.ascii_lowercase),
        st.sampled_from(string.digits),
        st.sampled_from(string.ascii_letters + string.digits + "-_"),
    ]
).flatmap(lambda parts: st.tuples(*parts).map("".join))
SECRETS = (
    st.lists(BLOCKS, min_size=2, max_size=16)
    .map("".join)
    .flatmap(lambda text: st.integers(SECRET_RUN, min(64, len(text))).map(lambda length: text[:length]))
)
WHITESPACE = st.sampled_from(["", " ", "\n", "\r\n", "\t", "  \n", "\n\n"])
PLACES = (
    "nowhere",  # the token only signed with it
    "key_claims",  # appKey and sdkKey: key and secret swapped
    "claim",
    "nested_literal",  # inside a longer string
    "nested_structure",
    "base64",
    "base64_in_literal",
    "claim_name",
    "header",
)


def runs(text: str) -> set:
    return {text[i : i + SECRET_RUN] for i in range(len(text) - SECRET_RUN + 1)}


def encodings(secret: str) -> tuple:
    raw = secret.encode()
    return (base64.b64encode(raw).decode().rstrip("="), base64.urlsafe_b64encode(raw).decode().rstrip("="))


def assert_no_run(shown: str, secret: str, where: str):
    """No run of SECRET_RUN characters of the secret, nor of its base64 forms, in what is shown."""
    found = sorted(run for form in (secret, *encodings(secret)) for run in runs(form) if run in shown)
    assert not found, f"{where} shows {len(found)} run(s) of the secret"


def carrying_token(secret: str, place: str, signer: str) -> str:
    """A token that carries the secret at `place`, signed with `signer`."""
    encoded = base64.b64encode(secret.encode()).decode()
    header = {"kid": secret} if place == "header" else {}
    changes = {
        "nowhere": {},
        "key_claims": {"appKey": secret, "sdkKey": secret},
        "claim": {"debug": secret},
        "nested_literal": {"note": f"env=prod;secret={secret};region=us"},
        "nested_structure": {"config": {"zoom": [1, {"clientSecret": secret}]}},
        "base64": {"blob": encoded},
        "base64_in_literal": {"note": f"Basic {encoded}"},
        "claim_name": {secret: True},
        "header": {},
    }[place]
    return sign(good_payload(**changes), signer, header={**HEADER, **header})


PASTED = st.tuples(SECRETS, WHITESPACE, WHITESPACE)
CASES = st.tuples(PASTED, st.sampled_from(PLACES), st.booleans(), st.booleans())


def pasted_forms(case):
    (secret, before, after), place, signed_with_it, also_as_key = case
    pasted = before + secret + after
    token = carrying_token(secret, place, secret if signed_with_it else OTHER_SECRET)
    return secret, pasted, token, (pasted if also_as_key else KEY)


LIB_SETTINGS = settings(max_examples=60)


@LIB_SETTINGS
@given(CASES)
def test_the_token_doctors_findings_verdict_and_report_hold_no_run_of_the_secret(case):
    secret, pasted, token, sdk_key = pasted_forms(case)
    checked = diagnose(token, secret=pasted, sdk_key=sdk_key, now=NOW)
    if case[1] != "nowhere":
        assert {"secret_in_token", "app_key_is_secret"} & set(checked.codes)  # found, so the test means something
    findings = json.dumps([{**f.as_dict(), "title": f.title} for f in checked.findings], ensure_ascii=False)
    assert_no_run(findings, secret, "the findings")
    assert_no_run(checked.verdict, secret, "the verdict")
    assert_no_run(redacted_report(checked, NOW, secret=pasted, sdk_key=sdk_key), secret, "the report")


@LIB_SETTINGS
@given(CASES)
def test_the_batch_csv_holds_no_run_of_the_secret(case):
    secret, pasted, token, sdk_key = pasted_forms(case)
    results = diagnose_all([BatchItem(1, token, secret=pasted, sdk_key=sdk_key)], NOW)
    assert_no_run(results_csv(results), secret, "the batch CSV")


@LIB_SETTINGS
@given(CASES)
def test_the_comparison_of_two_tokens_holds_no_run_of_the_secret(case):
    secret, pasted, token, sdk_key = pasted_forms(case)
    clean = sign(good_payload(), secret)
    for first, second in ((token, clean), (clean, token)):
        record = {"a": first, "b": second, "sdkSecret": pasted, "sdkKey": sdk_key}
        assert_no_run(json.dumps(compare_record(record, NOW), ensure_ascii=False), secret, "the comparison")


ANSWER_PLACES = (
    "secret_field",
    "other_field",
    "nested_literal",
    "error_text",
    "base64_field",
    "cors_header",
    "location_header",
    "content_type",
)


def endpoint_answer(secret: str, place: str) -> tuple:
    """(case id, Answer) of an endpoint that sends the secret back at `place`."""
    encoded = base64.b64encode(secret.encode()).decode()
    token = sign(good_payload(mn="85746065432"), secret)
    json_type = ("content-type", "application/json")
    bodies = {
        "secret_field": {"signature": token, "clientSecret": secret},
        "other_field": {"signature": token, "debug": secret},
        "nested_literal": {"signature": token, "debug": {"env": [f"ZOOM_SECRET={secret}; NODE_ENV=dev"]}},
        "error_text": {"errors": [f"cannot sign with {secret}"]},
        "base64_field": {"signature": token, "auth": f"Basic {encoded}"},
    }
    if place in bodies:
        body = json.dumps(bodies[place]).encode()
        status = 400 if place == "error_text" else 200
        return "role_0", Answer(status, (json_type, ("access-control-allow-origin", "*")), body, 0.01)
    body = json.dumps({"signature": token}).encode()
    if place == "cors_header":
        return "role_0", Answer(200, (json_type, ("access-control-allow-origin", secret)), body, 0.01)
    if place == "location_header":
        return "role_0", Answer(307, (json_type, ("location", f"http://sign.example/?s={secret}")), b"", 0.01)
    return "role_0", Answer(200, (("content-type", f"text/plain; s={secret}"),), b"not json", 0.01)


@LIB_SETTINGS
@given(PASTED, st.sampled_from(ANSWER_PLACES), st.booleans())
def test_the_endpoint_testers_findings_and_reports_hold_no_run_of_the_secret(pasted, place, secret_given):
    secret, before, after = pasted
    typed = before + secret + after if secret_given else None  # the page passes the secret as typed
    assume(secret_given or place == "secret_field")  # without the secret, only a field's name gives it away
    settings = ProbeSettings(allow_list({}), sdk_key=KEY, sdk_secret=typed)
    case_id, answer = endpoint_answer(secret, place)
    case = next(c for c in contract_matrix("85746065432") if c.id == case_id)
    checked = judge(case, answer, NOW, settings)
    result = ProbeResult("http://127.0.0.1:4000/", settings.origin, settings.allowed.describe(), [checked], [])
    result.findings = merge_findings(result.cases)
    findings = json.dumps([{**f.as_dict(), "title": f.title} for f in result.findings], ensure_ascii=False)
    assert_no_run(findings, secret, "the probe's findings")
    assert_no_run(result.verdict, secret, "the probe's verdict")
    assert_no_run(json.dumps(matrix_rows(result), ensure_ascii=False), secret, "the matrix")
    assert_no_run(markdown_report(result, NOW, secret=typed, sdk_key=KEY), secret, "the Markdown report")
    assert_no_run(json.dumps(result_as_dict(result, secret=typed, sdk_key=KEY)), secret, "the JSON result")
    if secret_given or place == "secret_field":
        assert_no_run(redact_answer(checked.text, typed), secret, "the shown answer")


# --------------------------------------------------------------------------------------------- the pages


def page_text(at) -> str:
    """Everything the page sends to the browser, as the protobufs of its elements."""
    return "\n".join(str(element.proto) for element in at.main) + "\n".join(
        str(element.proto) for element in at.sidebar
    )


PAGE_SETTINGS = settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
# The Token doctor page shows the token it was given (its segments, its decoded claims): a token that carries
# the secret shows it there, as the user pasted it. What the page adds must not: the secret typed beside it.
TYPED_ONLY = st.tuples(PASTED, st.just("nowhere"), st.booleans(), st.booleans())


@PAGE_SETTINGS
@given(case=TYPED_ONLY)
def test_the_token_doctor_page_shows_no_run_of_the_secret(case, monkeypatch):
    clear_configured_credentials(monkeypatch)
    secret, pasted, token, sdk_key = pasted_forms(case)
    at = open_app_page(pages.TOKEN_DOCTOR.path)
    at.text_area(key=INSPECTOR["token"]).set_value(token)
    at.text_input(key=INSPECTOR["secret"]).set_value(pasted)
    at.text_input(key=INSPECTOR["sdk_key"]).set_value(sdk_key)
    at.button(key=INSPECTOR["submit"]).click().run()
    assert not at.exception, at.exception
    assert_no_run(page_text(at), secret, "the Token doctor page")


@PAGE_SETTINGS
@given(pasted=PASTED, as_key_too=st.booleans())
def test_the_builder_page_shows_no_run_of_the_secret(pasted, as_key_too, monkeypatch):
    clear_configured_credentials(monkeypatch)
    secret, before, after = pasted
    at = open_app_page(pages.BUILDER.path)
    at.text_input(key=BUILDER["sdk_key"]).set_value(before + secret + after if as_key_too else KEY)
    at.text_input(key=BUILDER["sdk_secret"]).set_value(before + secret + after)
    at.button(key=BUILDER["submit"]).click().run()
    assert not at.exception, at.exception
    assert_no_run(page_text(at), secret, "the builder page")


ESCAPED_SECRETS = (  # a character repr() escapes in every run of 8, inside it: only the slow path finds them
    "Ap'os'Se'cr'et'4f'9Q'2x'7K'1m'8Z",  # repr() escapes ' in a text that also holds a "
    "Ba\\ck\\Sl\\as\\h4\\f9\\Q2\\x7\\K1\\m8",
    "Ctl\x7fSecr\x7fet4f9\x7fQ2x7K\x7f1m8Z3\x7fc6V",
    "Ümlaut-Secret-Ü4f9Q2x7KÜ1m8Z3c6V",
)
CARRIED = ("{}", "it's {}", 'say "{}"')


@pytest.mark.parametrize("as_name", [False, True], ids=["value", "name"])
@pytest.mark.parametrize("carried", CARRIED)
@pytest.mark.parametrize("secret", ESCAPED_SECRETS)
def test_a_secret_with_characters_repr_escapes_is_found_in_the_evidence_too(secret, carried, as_name):
    """The fast scan reads the evidence as its repr(): a secret with quotes, backslashes or non-printable
    characters would hide there, so such a secret takes the slow path, which reads every string as it is."""
    text = carried.format(secret)
    token = sign(good_payload(**({text: True} if as_name else {"role": text})), secret)
    checked = diagnose(token, secret=secret, now=NOW)
    assert "secret_in_token" in checked.codes
    shown = [checked.verdict, *(text for f in checked.findings for text in texts_in((f.message, f.fix, f.evidence)))]
    assert_no_run("\n".join(shown), secret, "the findings")
