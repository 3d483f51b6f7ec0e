"""lib.join.plan without a browser: where the SDK comes from, the pre-join checks, the exact join() options,
what the browser receives, and how each outcome the frame can report is explained."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.join.outcome import (
    CLIENT_ERRORS,
    OUTCOME_STATUSES,
    JoinOutcome,
    bugs_answered_with,
    explain_outcome,
    read_outcome,
)
from lib.join.plan import CHANNEL, FRAME_FILE, HOST_JS, JoinForm, component_data, frame_url, plan_join
from lib.join.sdk_source import sdk_source
from lib.mistakes.catalogue import BUGS
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.zoom.facts import DEMO_MEETING_NUMBER, WEB_SDK_VERSION, ZOOM_ERRORS
from support.paths import ROOT

NOW = 1_800_000_000
SECRET = "join-unit-test-secret-0123456789-abcdefgh"
MAC_ONLY = "JLYSXH_XIou9G1wvnrX-JETQ1RLr4PapY7p1pQsuXHg"


def token_for(meeting_number=DEMO_MEETING_NUMBER, role=0, iat=NOW, lifetime=7200):
    request = SignatureRequest("UnitKey0123", SECRET, meeting_number, role, iat, iat + lifetime)
    return build_signature_steps(request).token


def form(**values):
    defaults = {"token": token_for(), "meeting_number": DEMO_MEETING_NUMBER, "user_name": "Ada"}
    return JoinForm(**(defaults | values))


def codes(plan):
    return {p.code for p in plan.problems} | {f.code for f in plan.diagnosis.findings}


# --- Where the SDK comes from ------------------------------------------------------------------


def test_cdn_urls_follow_zooms_layout():
    sdk, problems = sdk_source(WEB_SDK_VERSION)
    assert problems == [] and not sdk.self_hosted
    assert sdk.scripts == (
        "https://source.zoom.us/6.2.0/lib/vendor/react.min.js",
        "https://source.zoom.us/6.2.0/lib/vendor/react-dom.min.js",
        "https://source.zoom.us/6.2.0/zoom-meeting-embedded-6.2.0.min.js",
    )
    assert sdk.asset_path == "https://source.zoom.us/6.2.0/lib/av"


@pytest.mark.parametrize(
    "base, expected",
    [
        ("http://localhost:9000/", "http://localhost:9000"),
        ("  https://sdk.example.com/zoom/6.2.0  ", "https://sdk.example.com/zoom/6.2.0"),
        ("/app/static/zoom-sdk/dist/", "/app/static/zoom-sdk/dist"),
    ],
)
def test_self_hosted_base_serves_the_npm_dist_folder(base, expected):
    sdk, problems = sdk_source("6.2.0", base)
    assert problems == [] and sdk.self_hosted and sdk.base_url == expected
    assert sdk.scripts[-1] == f"{expected}/zoom-meeting-embedded-ES5.min.js"
    assert sdk.scripts[0] == f"{expected}/lib/vendor/react.min.js"
    assert sdk.asset_path == f"{expected}/lib/av"


@pytest.mark.parametrize(
    "base",
    [
        "javascript:alert(1)",
        "ftp://files.example.com/sdk",
        "localhost:9000",
        "//evil.example.com/sdk",
        "http://user:pass@localhost:9000",
        "http://localhost:9000/?v=1",
        "http://localhost:9000/#x",
        "http://local host:9000",
        "sdk",
    ],
)
def test_unusable_base_urls_are_refused_with_a_message(base):
    sdk, problems = sdk_source("6.2.0", base)
    assert sdk is None and [p.code for p in problems] == ["sdk_base_invalid"]
    assert "self-hosted base URL" in problems[0].message


def test_plain_http_from_another_machine_is_warned_about():
    sdk, problems = sdk_source("6.2.0", "http://192.168.1.20:9000")
    assert sdk.self_hosted and [(p.code, p.severity) for p in problems] == [("sdk_base_http", "warning")]


@pytest.mark.parametrize("version", ["6.2", "latest", "6.2.0<script>", "6.2.0/../x", "", "6.2.0.1"])
def test_versions_must_be_three_numbers(version):
    sdk, problems = sdk_source(version)
    assert sdk is None and problems[0].code == "sdk_version_invalid"


# --- The pre-join checks and the join() options ------------------------------------------------


def test_a_correct_token_gives_exactly_the_join_options_zoom_documents():
    token = token_for()
    plan = plan_join(form(token=token, passcode=" 123abc ", user_email="ada@example.com"), NOW)
    assert not plan.blocked and plan.token_errors == []
    assert plan.options == {
        "signature": token,
        "meetingNumber": DEMO_MEETING_NUMBER,
        "password": "123abc",  # lower-case `password` (Component View), trimmed
        "userName": "Ada",
        "userEmail": "ada@example.com",
    }
    assert "passcode_trimmed" in codes(plan)


def test_meeting_number_is_normalized_and_checked_against_mn():
    plan = plan_join(form(meeting_number="857 4606 5432"), NOW)
    assert not plan.blocked and plan.options["meetingNumber"] == DEMO_MEETING_NUMBER
    other = plan_join(form(meeting_number="12345678901"), NOW)
    assert other.blocked and "mn_mismatch" in codes(other)


@pytest.mark.parametrize(
    "token, code",
    [
        (MAC_ONLY, "bare_signature"),
        (token_for(iat=NOW - 10_000), "expired"),
        (token_for(lifetime=600), "lifetime_too_short"),
        ("not a token at all", "malformed_token"),
    ],
)
def test_obvious_failures_are_stopped_before_the_sdk(token, code):
    plan = plan_join(form(token=token), NOW)
    assert plan.blocked and plan.options is None
    assert code in codes(plan)
    with pytest.raises(ValueError):
        component_data(plan, "nonce")


def test_send_anyway_lets_a_token_with_mistakes_reach_the_sdk():
    plan = plan_join(form(token=MAC_ONLY, send_anyway=True), NOW)
    assert not plan.blocked and plan.options["signature"] == MAC_ONLY
    assert [f.code for f in plan.token_errors] == ["bare_signature"]


def test_form_errors_block_even_when_sending_anyway():
    plan = plan_join(form(user_name="  ", zak="zak-value", obf_token="obf-value", send_anyway=True), NOW)
    assert plan.blocked
    assert {"name_missing", "zak_and_obf"} <= codes(plan)


def test_zak_or_obf_token_and_registrant_token_are_passed_on():
    with_zak = plan_join(form(token=token_for(role=1), role=1, zak=" zak-value "), NOW)
    assert with_zak.options["zak"] == "zak-value" and "obfToken" not in with_zak.options
    with_obf = plan_join(form(obf_token="obf-value", registrant_token="tk-value"), NOW)
    assert with_obf.options["obfToken"] == "obf-value" and with_obf.options["tk"] == "tk-value"
    assert "zak" not in with_obf.options and "sdkKey" not in with_obf.options


def test_the_chosen_role_must_be_the_signed_role():
    plan = plan_join(form(token=token_for(role=0), role=1), NOW)
    assert plan.blocked and "role_differs" in codes(plan)
    assert "sign a new one with role 1" in next(p.message for p in plan.problems if p.code == "role_differs")


@pytest.mark.parametrize(
    "values, code",
    [
        ({"token": "   "}, "token_missing"),
        ({"meeting_number": "meeting"}, "mn_invalid"),
        ({"user_name": "x" * 129}, "name_too_long"),
        ({"user_email": "not an email"}, "email_invalid"),
        ({"language": "xx-XX"}, "language_invalid"),
        ({"sdk_version": "six"}, "sdk_version_invalid"),
        ({"self_hosted_base": "javascript:alert(1)"}, "sdk_base_invalid"),
    ],
)
def test_each_form_mistake_has_its_message(values, code):
    plan = plan_join(form(**values), NOW)
    assert plan.blocked and code in codes(plan)


# --- What the browser receives -----------------------------------------------------------------


def test_component_data_carries_the_token_and_meeting_number_and_nothing_secret():
    name = "</script><script>alert(1)</script>"
    plan = plan_join(form(user_name=name), NOW)
    data = component_data(plan, "nonce-1")
    text = json.dumps(data)
    assert plan.options["signature"] in text and DEMO_MEETING_NUMBER in text
    assert SECRET not in text
    assert data["frameUrl"] == "/app/static/join-frame.html" and data["channel"] == CHANNEL
    assert data["config"]["join"]["userName"] == name  # data, never markup: the frame is a static file
    assert data["config"]["scripts"][-1].endswith("zoom-meeting-embedded-6.2.0.min.js")


@pytest.mark.parametrize(
    "base_url_path, url",
    [
        ("", "/app/static/join-frame.html"),
        ("lab", "/lab/app/static/join-frame.html"),
        ("/a/b/", "/a/b/app/static/join-frame.html"),
    ],
)
def test_frame_url_follows_the_servers_base_path(base_url_path, url):
    assert frame_url(base_url_path) == url


def test_the_frame_is_a_static_page_with_what_the_host_checks_for():
    frame = (ROOT / "static" / FRAME_FILE).read_text()
    assert 'id="join-status"' in frame and "join-status" in HOST_JS
    assert "postMessage" in frame and "location.origin" in frame
    assert "innerHTML" not in frame and "innerHTML" not in HOST_JS


# --- What the frame reports and how it is explained --------------------------------------------


def test_read_outcome_keeps_only_this_attempts_well_formed_reports():
    report = {"nonce": "n1", "status": "failed", "errorCode": 3712, "reason": "Signature is invalid.", "x": 1}
    assert read_outcome(report, "n1") == JoinOutcome("failed", 3712, "Signature is invalid.")
    assert read_outcome(report, "n2") is None
    assert read_outcome({**report, "status": "hacked"}, "n1") is None
    assert read_outcome({**report, "errorCode": True}, "n1").error_code is None
    assert len(read_outcome({**report, "reason": "r" * 10_000}, "n1").reason) == 500
    assert read_outcome(None, "n1") is None and read_outcome("failed", "n1") is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=10,
)


@settings(max_examples=300)
@given(
    st.fixed_dictionaries(
        {"nonce": st.just("n"), "status": st.sampled_from([*OUTCOME_STATUSES, "other"])},
        optional={"errorCode": json_values, "reason": json_values, "errorType": json_values, "detail": json_values},
    )
    | json_values
)
def test_any_report_from_the_browser_is_read_or_ignored_never_raises(value):
    outcome = read_outcome(value, "n")
    if outcome is not None:
        explanation = explain_outcome(outcome)
        assert explanation.headline and explanation.severity in ("success", "info", "warning", "error")


@pytest.mark.parametrize("code", sorted(ZOOM_ERRORS))
def test_every_known_zoom_error_is_explained_with_a_fix(code):
    explanation = explain_outcome(JoinOutcome("failed", code, ZOOM_ERRORS[code].message))
    assert explanation.severity == "error" and str(code) in explanation.headline
    assert explanation.fix and explanation.zoom_message == ZOOM_ERRORS[code].message
    assert explanation.bugs == bugs_answered_with(code)


def test_3712_names_the_catalogues_mistakes_and_points_to_the_inspector():
    explanation = explain_outcome(JoinOutcome("failed", 3712, "Signature is invalid."))
    ids = {bug.id for bug in explanation.bugs}
    assert {"standard_base64_segments", "standard_base64_signature", "secret_trailing_newline"} <= ids
    assert "key_secret_swapped" not in ids  # appKey holding the secret: 3704 is as likely (the fact base)
    # SDK 6.2.0 refuses a bare MAC and the pre-2022 format in the browser: they never get a 3712
    assert not ids & {"mac_only", "legacy_format"}
    assert all(BUGS[i].zoom_error == 3712 for i in ids)
    assert explanation.inspect_token and "Token doctor" in explanation.fix


def test_unknown_codes_are_explained_by_their_range():
    meeting_level = explain_outcome(JoinOutcome("failed", 3999, "Something"))
    assert "meeting-level" in meeting_level.causes and meeting_level.bugs == ()
    unknown = explain_outcome(JoinOutcome("failed", 12345, ""))
    assert "not a code this app knows" in unknown.causes


@pytest.mark.parametrize(
    "error_type, reason, client_error",
    [
        ("TypeError", "Cannot read properties of undefined (reading 'replace')", "token_without_dots"),
        ("Error", "appKey can not empty in the signature", "token_without_app_key"),
        ("URIError", "URI malformed", "payload_not_utf8"),
        ("InvalidCharacterError", "Failed to execute 'atob' on 'Window': not correctly encoded.", "payload_not_base64"),
        ("SyntaxError", "Unexpected token 'x', \"x\" is not valid JSON", "payload_not_json"),
        ("Error", "zak and obfToken are mutually exclusive. Please provide only one.", "zak_and_obf"),
    ],
)
def test_errors_the_sdk_raises_in_the_browser_are_recognised(error_type, reason, client_error):
    known = next(e for e in CLIENT_ERRORS if e.id == client_error)
    explanation = explain_outcome(JoinOutcome("failed", None, reason, error_type))
    assert "before asking Zoom" in explanation.headline and reason in explanation.headline
    assert explanation.causes == known.causes and explanation.fix == known.fix
    assert tuple(bug.id for bug in explanation.bugs) == known.bug_ids


def test_client_error_bug_ids_are_catalogue_ids():
    assert all(bug_id in BUGS for known in CLIENT_ERRORS for bug_id in known.bug_ids)
    assert ("mac_only",) <= next(e.bug_ids for e in CLIENT_ERRORS if e.id == "token_without_dots")


def test_an_unknown_browser_error_is_shown_as_it_is():
    explanation = explain_outcome(JoinOutcome("failed", None, "Something odd", "RangeError"))
    assert "RangeError: Something odd" in explanation.headline and explanation.bugs == ()


def test_the_other_outcomes():
    assert explain_outcome(JoinOutcome("joined")).severity == "success"
    assert explain_outcome(JoinOutcome("joining")).severity == "info"
    insecure = explain_outcome(JoinOutcome("insecure_context", detail="http://192.168.1.20:8501"))
    assert "not a secure context" in insecure.headline and "localhost" in insecure.fix and "HTTPS" in insecure.fix
    cdn, _ = sdk_source("6.2.0")
    own, _ = sdk_source("6.2.0", "http://localhost:9000")
    missing = JoinOutcome("load_failed", detail="https://source.zoom.us/9.9.9/lib/vendor/react.min.js")
    assert "Zoom's CDN" in explain_outcome(missing, cdn).headline
    assert "self-hosted" in explain_outcome(missing, own).headline
    frame = explain_outcome(JoinOutcome("frame_missing", detail="/app/static/join-frame.html"))
    assert "enableStaticServing" in frame.fix
