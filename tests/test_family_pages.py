"""Every page that judges a token takes all three token families (issue 20, item 4): a valid Meeting SDK web,
native and Video SDK token, made with our signer and checked by PyJWT, gets no error and no predicted Zoom error
on each page, with and without saying which SDK joins with it; a token given for the other product's SDK is
wrong_token_kind; a Video SDK token's tpc is checked against the session name."""

import json
import re
import time

import pytest

from lib.doctor.diagnosis import diagnose
from lib.endpoint.safety import ENV_ALLOWED_HOSTS
from lib.present.family import (
    IN_DOUBT,
    NOT_DOCUMENTED,
    family_sentence,
    findings_with_predictions,
    predicted_errors,
    prediction_note,
)
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.widget_keys import BATCH, CODE_DOCTOR, COMPARE, ENDPOINT, INSPECTOR, JOIN, SHARED_TOKEN
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials
from support.doctor_cases import KEY, SECRET
from support.endpoint_servers import ENDPOINT_SDK_KEY, ENDPOINT_SDK_SECRET, python_endpoint, python_video_endpoint
from support.family_tokens import FAMILY_REQUESTS, HINTS, SESSION, TITLES, family_token
from support.paths import DATA


def texts(elements):
    return "\n".join(str(element.value) for element in elements)


def shown(elements):
    """texts as the reader sees them: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", texts(elements))


def page_text(at):
    return "\n".join(str(element.proto) for element in at.main)


# ---------------------------------------------------------------------------------------------- Token doctor


def doctor(token, sdk=None, session_name="", secret=SECRET):
    at = open_app_page(pages.TOKEN_DOCTOR.path, timeout=60)
    at.selectbox(key=INSPECTOR["sdk"]).set_value(sdk).run()
    at.text_area(key=INSPECTOR["token"]).set_value(token)
    at.text_input(key=INSPECTOR["secret"]).set_value(secret)
    if session_name:
        at.text_input(key=INSPECTOR["session_name"]).set_value(session_name)
    at.button(key=INSPECTOR["submit"]).click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("stated", [False, True], ids=["worked_out", "stated"])
@pytest.mark.parametrize("family", list(FAMILY_REQUESTS))
def test_token_doctor_judges_a_valid_token_of_each_family_right(family, stated):
    at = doctor(family_token(family), HINTS[family] if stated else None, SESSION if family == "video" else "")
    checked = at.session_state[INSPECTOR["result"]]["diagnosis"]
    assert not at.error and checked.token_family == family and checked.zoom_error is None
    assert not checked.platform_errors and "Predicted platform error" not in page_text(at)
    assert "Signature verified" in texts(at.success)
    [named] = [m.value for m in at.markdown if m.value.startswith("**Token family:**")]
    how = "as you stated" if stated else "worked out from its claims"
    assert named.startswith(f"**Token family:** {TITLES[family]}") and how in named


def test_token_doctor_offers_the_meeting_fields_or_the_session_name_as_the_sdk_needs():
    at = open_app_page(pages.TOKEN_DOCTOR.path, timeout=60)
    assert at.selectbox(key=INSPECTOR["sdk"]).label == "Which SDK joins with this token?"
    assert at.selectbox(key=INSPECTOR["sdk"]).value is None  # "Work it out from the token"
    shown = {sdk: set() for sdk in (None, "web", "native", "video")}
    for sdk in shown:
        at.selectbox(key=INSPECTOR["sdk"]).set_value(sdk).run()
        shown[sdk] = {key for key in ("meeting_number", "host", "session_name") if _has_widget(at, INSPECTOR[key])}
    assert shown == {
        None: {"meeting_number", "host", "session_name"},
        "web": {"meeting_number", "host"},
        "native": {"meeting_number", "host"},
        "video": {"session_name"},
    }


def _has_widget(at, key):
    return any(getattr(element, "key", None) == key for element in at.main)


def test_token_doctor_names_tpc_mismatch_with_its_platform_error_and_source():
    at = doctor(family_token("video"), "video", "Other Session")
    checked = at.session_state[INSPECTOR["result"]]["diagnosis"]
    assert "tpc_mismatch" in checked.codes
    cards = texts(at.error)
    assert "`tpc_mismatch`" in cards
    assert "native Video SDK: 1507 Errors_JoinSession_Token_MismatchedSessionName" in cards
    assert "source: `video-native-1507` in docs/zoom-signature-facts.md" in cards
    report = at.session_state[INSPECTOR["result"]]["report"]
    assert report.startswith("# Zoom Video SDK token") and "video-native-1507" in report
    assert SECRET not in report


def test_token_doctor_same_session_name_in_another_case_is_no_mismatch():
    at = doctor(family_token("video"), None, SESSION.upper())
    assert "tpc_mismatch" not in at.session_state[INSPECTOR["result"]]["diagnosis"].codes and not at.error


@pytest.mark.parametrize(
    ("family", "sdk"), [("meeting_web", "video"), ("meeting_native", "video"), ("video", "web"), ("video", "native")]
)
def test_token_doctor_a_token_given_for_the_other_products_sdk_is_wrong_token_kind(family, sdk):
    at = doctor(family_token(family), sdk)
    checked = at.session_state[INSPECTOR["result"]]["diagnosis"]
    assert checked.codes[0] == "wrong_token_kind" and checked.findings[0].severity == "error"
    cards = texts(at.error)
    assert "`wrong_token_kind`" in cards and "Predicted platform error: not documented" in cards
    [named] = [m.value for m in at.markdown if m.value.startswith("**Token family:**")]
    assert "worked out from its claims" in named and "you said the" in named


def test_token_doctor_web_error_predicts_the_web_sdk_code_with_its_source():
    now = int(time.time())
    request = SignatureRequest(KEY, SECRET, meeting_number=85746065432, role=0, iat=now - 9000, exp=now - 1800)
    at = doctor(build_signature_steps(request).token, "web")
    assert "Meeting SDK for web: 3705" in texts(at.error) and "source: `exp-past`" in texts(at.error)


# ---------------------------------------------------------------------------------------------- Compare tokens


def compare(token_a, token_b, sdk=None, session_name=""):
    at = open_app_page(pages.COMPARE_TOKENS.path, timeout=60)
    at.selectbox(key=COMPARE["sdk"]).set_value(sdk).run()
    at.text_area(key=COMPARE["token_a"]).set_value(token_a)
    at.text_area(key=COMPARE["token_b"]).set_value(token_b)
    at.text_input(key=COMPARE["secret"]).set_value(SECRET)
    if session_name:
        at.text_input(key=COMPARE["session_name"]).set_value(session_name)
    at.button(key=COMPARE["submit"]).click().run()
    assert not at.exception, at.exception
    return at, at.session_state[COMPARE["result"]]


@pytest.mark.parametrize("stated", [False, True], ids=["worked_out", "stated"])
@pytest.mark.parametrize("family", list(FAMILY_REQUESTS))
def test_compare_judges_two_valid_tokens_of_each_family_right(family, stated):
    sdk = HINTS[family] if stated else None
    at, comparison = compare(family_token(family), family_token(family), sdk, SESSION if sdk in (None, "video") else "")
    for checked in (comparison.a, comparison.b):
        assert checked.token_family == family and not checked.severity_count("error") and not checked.platform_errors
    assert not at.error and "Predicted platform error" not in page_text(at)
    named = [m.value for m in at.markdown if m.value.startswith("**Token family:**")]
    assert len(named) == 2 and all(TITLES[family] in text for text in named)


def test_compare_shows_tpc_mismatch_and_its_source_on_each_side():
    at, comparison = compare(family_token("video"), family_token("video"), "video", "Another Session")
    assert comparison.a.has("tpc_mismatch") and comparison.b.has("tpc_mismatch")
    findings = texts(at.markdown)
    assert findings.count("`tpc_mismatch`") == 2 and findings.count("source: `video-native-1507`") == 2


@pytest.mark.parametrize(("family", "sdk"), [("meeting_web", "video"), ("video", "web")])
def test_compare_a_token_of_the_other_product_is_wrong_token_kind(family, sdk):
    at, comparison = compare(family_token(family), family_token(family), sdk)
    assert comparison.a.codes[0] == "wrong_token_kind" and comparison.b.codes[0] == "wrong_token_kind"
    assert "Predicted platform error: not documented" in texts(at.markdown)


# ---------------------------------------------------------------------------------------------- Batch check


def batch(text, sdk=None, session_name=""):
    at = open_app_page(pages.BATCH.path, timeout=60)
    at.selectbox(key=BATCH["sdk"]).set_value(sdk).run()
    if session_name:
        at.text_input(key=BATCH["session_name"]).set_value(session_name)
    at.text_area(key=BATCH["paste"]).set_value(text)
    at.button(key=BATCH["run"]).click().run()
    assert not at.exception, at.exception
    return at, at.session_state[BATCH["result"]]["results"]


@pytest.mark.parametrize("stated", [False, True], ids=["worked_out", "stated"])
@pytest.mark.parametrize("family", list(FAMILY_REQUESTS))
def test_batch_judges_a_file_of_valid_tokens_of_each_family_right(family, stated):
    sdk = HINTS[family] if stated else None
    lines = [json.dumps({"token": family_token(family), "sdkSecret": SECRET}) for _ in range(3)]
    at, results = batch("\n".join(lines), sdk, SESSION if sdk in (None, "video") else "")
    assert list(results["token_family"]) == [family] * 3 and results["errors"].sum() == 0
    assert results["zoom_error"].isna().all() and not at.warning
    [counted] = [line for line in texts(at.caption).splitlines() if "Token families:" in line]
    assert counted.split("Token families: ")[1].startswith(TITLES[family]) and counted.endswith(" × 3")
    assert not _has_container(at, BATCH["outliers"])


def _has_container(at, key):
    """A keyed container (a Block with that key) is drawn on the page."""

    def keys(node):
        yield getattr(node, "key", None)
        for child in getattr(node, "children", {}).values():
            yield from keys(child)

    return key in keys(at.main)


def test_batch_shows_the_tokens_of_one_session_file_that_name_another_session():
    tokens = [family_token("video") for _ in range(3)]
    tokens += [family_token("video", session_name="Other Session"), family_token("video", session_key="room-9")]
    at, results = batch("\n".join(tokens), "video")
    assert _has_container(at, BATCH["outliers"])
    [outliers] = [frame.value for frame in at.dataframe if "usual" in frame.value.columns]
    assert outliers[["line", "claim", "value", "usual"]].values.tolist() == [
        [4, "tpc", "Other Session", SESSION],
        [5, "session_key", "room-9", "room-7"],
    ]


def test_batch_session_name_for_the_file_and_a_lines_own_fields():
    records = [
        {"token": family_token("video")},  # judged against the page's session name
        {"token": family_token("video"), "sessionName": SESSION},  # its own session name wins
        {"token": family_token("meeting_web"), "sdk": "web"},  # its own sdk wins over the page's "video"
    ]
    at, results = batch("\n".join(map(json.dumps, records)), "video", "Another Session")
    assert ["tpc_mismatch" in codes for codes in results["codes"]] == [True, False, False]
    assert list(results["errors"]) == [1, 0, 0] and list(results["token_family"]) == ["video", "video", "meeting_web"]


@pytest.mark.parametrize(("family", "sdk"), [("meeting_web", "video"), ("meeting_native", "video"), ("video", "web")])
def test_batch_tokens_of_the_other_product_are_wrong_token_kind(family, sdk):
    at, results = batch(family_token(family), sdk)
    assert results["codes"][0].split()[0] == "wrong_token_kind" and results["errors"][0] >= 1


# ---------------------------------------------------------------------------------------------- Code doctor

# Signers of the test corpus (tests/data/signers/manifest.json says where each was published), one per family.
FAMILY_SIGNERS = {
    "meeting_web": "js-zoom-auth-endpoint-sample.js",
    "meeting_native": "js-init-token-no-mn.js",
    "video": "js-videosdk-endpoint-sample.js",
}


def review(family, sdk=None):
    at = open_app_page(pages.CODE_DOCTOR.path, timeout=60)
    assert at.selectbox(key=CODE_DOCTOR["sdk"]).label == "Which SDK is this code for?"
    at.text_area(key=CODE_DOCTOR["code"]).set_value((DATA / "signers" / FAMILY_SIGNERS[family]).read_text())
    at.selectbox(key=CODE_DOCTOR["sdk"]).set_value(sdk)
    at.button(key=CODE_DOCTOR["submit"]).click().run()
    assert not at.exception, at.exception
    return at, at.session_state[CODE_DOCTOR["result"]]


@pytest.mark.parametrize("stated", [False, True], ids=["worked_out", "stated"])
@pytest.mark.parametrize("family", list(FAMILY_SIGNERS))
def test_code_doctor_names_the_family_a_correct_signer_signs(family, stated):
    at, shown = review(family, HINTS[family] if stated else None)
    reviewed = shown["review"]
    assert reviewed.token_family == family and not at.error
    notes = ["meeting_native_assumed"] if family == "meeting_native" and not stated else []  # judged native, said so
    assert reviewed.codes == notes and all(f.severity == "info" for f in reviewed.findings)
    [named] = [m.value for m in at.markdown if m.value.startswith("**Token family it signs:**")]
    assert TITLES[family] in named and ("as you stated" if stated else "worked out from its claims") in named
    assert "Token family it signs:** " + TITLES[family] in shown["report"]


@pytest.mark.parametrize(("family", "sdk"), [("meeting_web", "video"), ("video", "web"), ("video", "native")])
def test_code_doctor_a_signer_for_the_other_products_sdk_is_wrong_token_kind(family, sdk):
    at, shown = review(family, sdk)
    assert "wrong_token_kind" in [f.code for f in shown["review"].findings]
    assert "`wrong_token_kind`" in texts(at.error) and "you said the" in texts(at.markdown)


# ---------------------------------------------------------------------------------------------- Endpoint tester


@pytest.fixture
def endpoint_page(monkeypatch):
    clear_configured_credentials(monkeypatch)
    monkeypatch.delenv(ENV_ALLOWED_HOSTS, raising=False)
    return open_app_page(pages.ENDPOINT.path, timeout=60)


def run_probe(at, url, sdk="web", session_name=None):
    at.radio(key=ENDPOINT["sdk"]).set_value(sdk).run()
    at.text_input(key=ENDPOINT["url"]).set_value(url)
    at.text_input(key=ENDPOINT["sdk_secret"]).set_value(ENDPOINT_SDK_SECRET)
    at.text_input(key=ENDPOINT["sdk_key"]).set_value(ENDPOINT_SDK_KEY)
    if session_name is not None:
        at.text_input(key=ENDPOINT["session_name"]).set_value(session_name)
    at.button(key=ENDPOINT["run"]).click().run()
    assert not at.exception, at.exception
    return at


def test_endpoint_page_offers_a_meeting_sdk_or_a_video_sdk_endpoint(endpoint_page):
    assert endpoint_page.radio(key=ENDPOINT["sdk"]).value == "web"
    assert _has_widget(endpoint_page, ENDPOINT["meeting_number"])
    assert not _has_widget(endpoint_page, ENDPOINT["session_name"])
    assert "`{meetingNumber, role}`" in texts(endpoint_page.caption)
    endpoint_page.radio(key=ENDPOINT["sdk"]).set_value("video").run()
    assert _has_widget(endpoint_page, ENDPOINT["session_name"])
    assert not _has_widget(endpoint_page, ENDPOINT["meeting_number"])
    assert "`{sessionName, role}`" in texts(endpoint_page.caption)


def test_a_correct_video_sdk_endpoint_passes_the_video_sdk_samples_contract(endpoint_page):
    with python_video_endpoint() as server:
        at = run_probe(endpoint_page, server.url, "video", "Cool Cars")
        requests = b"\n".join(server.received)
    assert "passes the contract matrix" in texts(at.success) and not at.error and not at.warning
    result = at.session_state[ENDPOINT["result"]]["result"]
    assert result.sdk == "video" and result.session_name == "Cool Cars"
    assert result.cases[0].diagnosis.token_family == "video" and result.cases[0].diagnosis.payload["tpc"] == "Cool Cars"
    assert b'"sessionName": "Cool Cars"' in requests and b"meetingNumber" not in requests
    assert ENDPOINT_SDK_SECRET.encode() not in requests
    assert not _has_container(at, ENDPOINT["native"])  # the Video SDK has no native request
    assert '"token_family": "video"' in at.session_state[ENDPOINT["result"]]["json"]


def test_a_video_sdk_endpoint_that_signs_meeting_tokens_is_wrong_token_kind(endpoint_page):
    with python_video_endpoint("meeting_token") as server:
        at = run_probe(endpoint_page, server.url, "video", "Cool Cars")
    assert "wrong_token_kind" in shown(at.error)


@pytest.mark.parametrize("session_name", ["", "s" * 201])
def test_a_session_name_the_sample_refuses_is_named_before_any_request(endpoint_page, session_name):
    with python_video_endpoint() as server:
        at = run_probe(endpoint_page, server.url, "video", session_name)
        assert server.received == []
    assert "sessionName must be text of 1 to 200 characters" in texts(at.error)
    assert ENDPOINT["result"] not in at.session_state


def test_a_session_name_of_200_characters_is_asked_for(endpoint_page):
    with python_video_endpoint() as server:
        at = run_probe(endpoint_page, server.url, "video", "s" * 200)
    assert at.session_state[ENDPOINT["result"]]["result"].session_name == "s" * 200 and not at.error


def test_a_meeting_sdk_endpoint_shows_that_its_native_request_got_a_native_token(endpoint_page):
    with python_endpoint() as server:
        at = run_probe(endpoint_page, server.url)
    assert _has_container(at, ENDPOINT["native"])
    [note] = [box.value for box in at.success if box.value.startswith("**The native request**")]
    assert "got a native token" in note and "`tokenExp`" in note and "`mn`" not in note
    native = next(c for c in at.session_state[ENDPOINT["result"]]["result"].cases if c.case.id == "native")
    assert native.diagnosis.token_family == "meeting_native" and not native.diagnosis.severity_count("error")


def test_a_meeting_sdk_endpoint_that_signs_a_role_into_the_native_token_is_told(endpoint_page):
    with python_endpoint("ignores_role") as server:
        at = run_probe(endpoint_page, server.url)
    [note] = [box.value for box in at.warning if box.value.startswith("**The native request**")]
    assert "got 200" in note and "Native request signed with mn or role" in note


# ---------------------------------------------------------------------------------------------- Join a meeting


def join(token):
    at = open_app_page(pages.JOIN.path, timeout=60)
    at.text_area(key=JOIN["token"]).set_value(token)
    at.text_input(key=JOIN["meeting_number"]).set_value("85746065432")
    at.button(key=JOIN["submit"]).click().run()
    assert not at.exception, at.exception
    return at, at.session_state[JOIN["attempt"]]["plan"]


def meeting_frames(at):
    return [e for e in at.main if getattr(e, "type", "") == "bidi_component"]


def test_join_takes_a_web_token():
    at, plan = join(family_token("meeting_web"))
    assert not plan.blocked and not at.error and len(meeting_frames(at)) == 1


def test_join_stops_a_video_sdk_token_before_any_sdk_is_loaded_and_says_where_it_belongs():
    token = family_token("video")
    at, plan = join(token)
    assert plan.blocked and not meeting_frames(at)  # no SDK loaded
    assert plan.diagnosis.codes[0] == "wrong_token_kind" and plan.diagnosis.findings[0].severity == "error"
    errors = shown(at.error)
    assert "`wrong_token_kind`" in errors and "the Video SDK's join()" in errors
    assert "Token doctor with *Which SDK joins with this token?* set to *Video SDK*" in errors
    at.button(key=JOIN["inspect"]).click().run()  # the Token doctor opens with "Video SDK" chosen
    assert [title.value for title in at.title] == ["Token doctor"]
    assert at.session_state[SHARED_TOKEN] == token and at.selectbox(key=INSPECTOR["sdk"]).value == "video"


def test_join_says_a_native_token_lacks_what_the_web_sdk_needs_in_the_rule_books_words():
    at, plan = join(family_token("meeting_native"))
    assert plan.blocked and not meeting_frames(at)
    assert {"missing_mn", "missing_role"} <= set(plan.diagnosis.codes)
    errors = shown(at.error)
    assert "the Web SDK needs the meeting number in the signature (only the native SDKs may leave it out)" in errors
    [note] = [box.value for box in at.info if "**A token of the Meeting SDK for native apps" in box.value]
    assert "which needs both" in note


# ---------------------------------------------------------------------------------------------- lib.present.family


def diagnosed(token, secret=SECRET, **context):
    return diagnose(token, secret=secret, now=int(time.time()), **context)


def test_family_sentence_says_stated_or_worked_out_and_nothing_for_no_token():
    assert family_sentence(None, "video") is None
    assert family_sentence("video", None) == "**Token family:** Video SDK (worked out from its claims)."
    assert family_sentence("video", "video") == "**Token family:** Video SDK (as you stated)."
    crossed = family_sentence("video", "web")
    assert crossed.endswith("(worked out from its claims); you said the Meeting SDK for web joins with it.")
    assert family_sentence("meeting_web", "web", "Token family it signs").startswith("**Token family it signs:**")


def expired(family):
    now = int(time.time())
    return family_token(family, iat=now - 9000, exp=now - 1800)


@pytest.mark.parametrize(
    ("family", "sdk", "predicted"),
    [
        ("meeting_web", None, "Meeting SDK for web: 3705 “"),
        ("video", None, "Web Video SDK: 200 SESSION_FETCH_INFO_ERROR “The token has expired"),
        ("meeting_native", None, "not documented"),
        ("meeting_native", "native", "not documented"),
    ],
)
def test_each_family_predicts_its_own_platforms_error_for_an_expired_token(family, sdk, predicted):
    checked = diagnosed(expired(family), sdk=sdk)
    [finding] = [f for f in checked.findings if f.code == "expired"]
    note = prediction_note(checked, finding)
    assert predicted in note and ("source: `" in note) == (family != "meeting_native")


def test_no_platform_error_is_predicted_while_the_secret_is_in_doubt():
    checked = diagnosed(family_token("video"), secret="another-secret-of-32-bytes-or-more-0123")
    assert checked.secret_in_doubt
    [mismatch] = checked.findings[-1:]
    assert mismatch.code == "signature_mismatch" and prediction_note(checked, mismatch) == IN_DOUBT
    assert predicted_errors(checked, "signature_mismatch") == []


def test_warnings_and_infos_predict_nothing():
    checked = diagnosed(family_token("video", version=None))  # missing_version: a warning at most
    assert not checked.severity_count("error") and checked.has("missing_version")
    assert [prediction_note(checked, f) for f in checked.findings] == [None] * len(checked.findings)
    listed = findings_with_predictions(checked)
    assert "**warning** `missing_version`" in listed and "Predicted" not in listed and "info" not in listed


@pytest.mark.parametrize(("family", "sdk"), [("video", "web"), ("video", "native"), ("meeting_native", "video")])
def test_a_token_given_to_the_other_products_sdk_predicts_none_of_its_own_platforms_errors(family, sdk):
    """The SDK that joins is the stated one: the token's own family's answers (the native Video SDK's 1507 for a
    tpc mismatch, a native Meeting SDK's auth result) are not what it reports, and no source says what it does."""
    checked = diagnosed(family_token(family), sdk=sdk, session_name="Another Session")
    assert checked.codes[0] == "wrong_token_kind" and checked.platform_errors == [] and checked.zoom_error is None
    assert "would refuse it" not in checked.verdict and "1507" not in checked.verdict
    assert {prediction_note(checked, f) for f in checked.findings if f.severity == "error"} == {NOT_DOCUMENTED}
