"""The probe against real endpoints on 127.0.0.1: Zoom's sample contract in Node (express, cors, jsrsasign)
and in Python, each correct and deliberately broken. The correct ones get a clean matrix; every breakage
is named by its code, in the requests that show it, with a fix."""

import json
import re
from dataclasses import replace
from pathlib import Path

import jwt
import pytest

from endpoint_servers import (
    ENDPOINT_SDK_KEY,
    ENDPOINT_SDK_SECRET,
    NODE_VARIANTS,
    PYTHON_VARIANTS,
    node_endpoint,
    python_endpoint,
)
from lib.endpoint.browser import browser_request, explain_outcome
from lib.endpoint.codes import ENDPOINT_CODES
from lib.endpoint.probe import REMOVED, ProbeSettings, contract_matrix, judge, probe, redact_answer
from lib.endpoint.report import markdown_report, matrix_rows, result_as_dict
from lib.endpoint.safety import Answer, allow_list

SETTINGS = ProbeSettings(allow_list({}), sdk_key=ENDPOINT_SDK_KEY, sdk_secret=ENDPOINT_SDK_SECRET, timeout=2)

SIGNED = (  # the requests the official sample signs
    "role_0",
    "role_1",
    "meeting_number_as_number",
    "meeting_number_with_spaces",
    "role_as_string",
    "expiration_min",
    "expiration_max",
    "webrtc_mode_1",
    "repeat",
)
# variant -> {code: the matrix cases it must be seen in} (errors and warnings; info findings are not breakages)
EXPECTED = {
    "correct": {},
    "no_cors": {
        "endpoint_no_cors": SIGNED,  # CORS matters on the answers the app must read
        "endpoint_preflight_fails": ("preflight",),
    },
    "wrong_origin": {"endpoint_cors_wrong_origin": None},
    "mac_only": {"endpoint_bad_token": None},
    "ignores_role": {"endpoint_ignores_role": ("role_1", "role_as_string")},
    "ignores_meeting_number": {"endpoint_ignores_meeting_number": None},
    "ignores_expiration": {"endpoint_ignores_expiration": ("expiration_min", "expiration_max")},
    "ignores_webrtc_mode": {"endpoint_ignores_webrtc_mode": ("webrtc_mode_1",)},
    "cached": {
        "endpoint_caches_signature": ("repeat",),
        "endpoint_ignores_role": ("role_1", "role_as_string"),
        "endpoint_ignores_expiration": ("expiration_min", "expiration_max"),
        "endpoint_ignores_webrtc_mode": ("webrtc_mode_1",),
    },
    "role_string_500": {"endpoint_server_error": ("role_as_string",)},
    "leaks_secret": {"endpoint_leaks_secret": None},
    "html_page": {"endpoint_not_json": None},
    "html_error": {"endpoint_not_json": None, "endpoint_server_error": None},
    "accepts_invalid": {
        "endpoint_accepts_invalid": (
            "missing_role",
            "missing_meeting_number",
            "expiration_below_min",
            "expiration_above_max",
        )
    },
    "slow": {"endpoint_timeout": ("role_0",)},
    "redirect": {"endpoint_redirects": None},
    "too_large": {"endpoint_answer_too_large": None},
    "stale_iat": {"endpoint_stale_iat": SIGNED},
    "number_only": {
        "endpoint_rejects_valid": ("role_0", "role_1", "expiration_min", "expiration_max", "webrtc_mode_1", "repeat")
    },
    "no_signature": {"endpoint_no_signature": SIGNED},
    "slow_preflight": {"endpoint_timeout": ("preflight",)},
}
NODE_EXPECTED = {**EXPECTED, "no_cors": {"endpoint_no_cors": None, "endpoint_preflight_blocks_request": ("preflight",)}}


def breakages(result):
    return {f.code: f.cases for f in result.findings if f.severity != "info"}


def check_named(result, expected):
    found = breakages(result)
    assert set(found) == set(expected), [f.message for f in result.findings]
    for code, cases in expected.items():
        if cases is not None:
            assert found[code] == cases
    for finding in result.findings:
        assert finding.fix and finding.message, finding
        assert not re.search(r"(?<![{$])\{[a-z_]+\}", finding.message + finding.fix), "unfilled placeholder"


@pytest.mark.parametrize("variant", PYTHON_VARIANTS)
def test_python_endpoint_variant_is_named(variant):
    settings = replace(SETTINGS, timeout=0.5) if variant.startswith("slow") else SETTINGS
    with python_endpoint(variant) as server:
        result = probe(server.url, settings)
    check_named(result, EXPECTED[variant])
    if variant == "slow_preflight":  # a timeout stops the matrix: the repeat is not sent
        assert [r.verdict for r in result.cases[-2:]] == ["error", "skipped"]


def test_every_endpoint_code_is_produced_by_some_test():
    tests = "".join(path.read_text() for path in Path(__file__).parent.glob("test_endpoint_*.py"))
    assert [code for code in ENDPOINT_CODES if f'"{code}"' not in tests] == []


@pytest.mark.parametrize("variant", NODE_VARIANTS)
def test_node_endpoint_variant_is_named(variant):
    with node_endpoint(variant) as url:
        result = probe(url, SETTINGS)
    check_named(result, NODE_EXPECTED[variant])


def test_the_official_sample_contract_gives_a_clean_matrix_with_verified_tokens():
    with node_endpoint() as url:
        result = probe(url, SETTINGS)
    assert result.verdict.startswith("The endpoint passes the contract matrix: 15 requests")
    assert [r.verdict for r in result.cases] == ["ok"] * 15
    statuses = {r.case.id: r.answer.status for r in result.cases}
    assert statuses["missing_role"] == statuses["expiration_below_min"] == statuses["body_not_json"] == 400
    assert statuses["preflight"] == 204
    signed = [r for r in result.cases if r.token]
    assert len(signed) == 9
    for checked in signed:  # PyJWT as the independent check of what the doctor verified
        assert checked.diagnosis.verified is True
        claims = jwt.decode(checked.token, ENDPOINT_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        assert claims["appKey"] == ENDPOINT_SDK_KEY
    lifetimes = {r.case.id: r.diagnosis.payload["exp"] - r.diagnosis.payload["iat"] for r in signed}
    assert lifetimes["expiration_min"] == 1800 and lifetimes["expiration_max"] == 172800
    assert lifetimes["role_0"] == 7200
    info = [f.code for f in result.findings]
    assert info == ["endpoint_keeps_meeting_number_text"]  # the sample signs "857 4606 5432" as it comes


def test_a_wrong_secret_or_key_is_named_through_the_token_doctor():
    settings = ProbeSettings(SETTINGS.allowed, sdk_key="AnotherClientId0000000", sdk_secret="x" * 40)
    with python_endpoint() as server:
        result = probe(server.url, settings)
    (finding,) = [f for f in result.findings if f.code == "endpoint_bad_token"]
    assert "signature_mismatch" in finding.message and "app_key_mismatch" in finding.message
    assert len(finding.cases) == 9


def test_mac_only_is_named_as_a_bare_signature():
    with python_endpoint("mac_only") as server:
        result = probe(server.url, SETTINGS)
    assert "bare_signature" in result.findings[0].message


def test_a_secret_like_field_is_named_even_without_the_secret_and_removed_from_the_shown_answer():
    with python_endpoint("leaks_secret") as server:
        result = probe(server.url, ProbeSettings(SETTINGS.allowed))
    assert "`clientSecret`" in result.findings[0].message
    assert "the SDK secret you gave" not in result.findings[0].message
    shown = redact_answer(result.cases[0].text, None)
    assert ENDPOINT_SDK_SECRET not in shown and REMOVED in shown
    assert json.loads(shown)["signature"] == result.cases[0].token


def test_the_given_secret_is_found_anywhere_in_the_answer():
    text = f"<html>debug: secret={ENDPOINT_SDK_SECRET}</html>"
    assert ENDPOINT_SDK_SECRET not in redact_answer(text, ENDPOINT_SDK_SECRET)
    escaped = json.dumps({"note": ENDPOINT_SDK_SECRET + '"'})
    assert ENDPOINT_SDK_SECRET not in redact_answer(escaped, ENDPOINT_SDK_SECRET)


@pytest.mark.parametrize("typed", [ENDPOINT_SDK_SECRET + "\n", " " + ENDPOINT_SDK_SECRET + "\r\n"])
def test_a_secret_typed_with_a_line_break_is_still_found_in_a_leaking_answer(typed):
    """The page passes the secret as typed: a pasted newline must not hide the leak."""
    with python_endpoint("leaks_secret") as server:
        result = probe(server.url, replace(SETTINGS, sdk_secret=typed))
    (leak,) = [f for f in result.findings if f.code == "endpoint_leaks_secret"]
    assert "the SDK secret you gave" in leak.message
    main = contract_matrix("85746065432")[0]
    body = json.dumps({"error": "no", "note": ENDPOINT_SDK_SECRET}).encode()  # no secret-like field name
    answer = Answer(400, (("content-type", "application/json"),), body, 0.01)
    (leak,) = judge(main, answer, 1_800_000_000, replace(SETTINGS, sdk_secret=typed)).findings[:1]
    assert leak.code == "endpoint_leaks_secret" and "the SDK secret you gave" in leak.message
    short = ENDPOINT_SDK_SECRET[21:27]  # 6 characters: found whole only, not by runs of 8
    answer = Answer(400, (("content-type", "application/json"),), json.dumps({"note": short}).encode(), 0.01)
    short_typed = typed.replace(ENDPOINT_SDK_SECRET, short)
    (leak,) = judge(main, answer, 1_800_000_000, replace(SETTINGS, sdk_secret=short_typed)).findings[:1]
    assert leak.code == "endpoint_leaks_secret" and "the SDK secret you gave" in leak.message


def test_a_204_preflight_without_an_allow_origin_header_is_reported():
    """A preflight the browser fails on although its status is fine: no Access-Control-Allow-Origin."""
    preflight = next(case for case in contract_matrix("85746065432") if case.id == "preflight")
    allowed = (("access-control-allow-methods", "POST"), ("access-control-allow-headers", "content-type"))
    checked = judge(preflight, Answer(204, allowed, b"", 0.01), 1_800_000_000, SETTINGS)
    assert [(f.code, f.cases) for f in checked.findings] == [("endpoint_no_cors", ("preflight",))]
    with_origin = judge(
        preflight, Answer(204, (*allowed, ("access-control-allow-origin", "*")), b"", 0.01), 0, SETTINGS
    )
    assert with_origin.findings == [] and with_origin.verdict == "ok"


def test_the_matrix_asks_what_the_issue_lists():
    matrix = {case.id: case for case in contract_matrix("85746065432")}
    assert len(matrix) == 15
    assert matrix["meeting_number_with_spaces"].body["meetingNumber"] == "857 4606 5432"
    assert matrix["meeting_number_as_number"].body["meetingNumber"] == 85746065432
    assert [matrix[f"expiration_{n}"].body["expirationSeconds"] for n in ("below_min", "min", "max", "above_max")] == [
        1799,
        1800,
        172800,
        172801,
    ]
    assert "role" not in matrix["missing_role"].body and "meetingNumber" not in matrix["missing_meeting_number"].body
    with pytest.raises(ValueError):
        json.loads(matrix["body_not_json"].body)
    assert matrix["preflight"].method == "OPTIONS"


def test_every_code_has_a_title_severity_message_and_fix():
    for code, spec in ENDPOINT_CODES.items():
        assert code.startswith("endpoint_")
        assert spec.severity in ("error", "warning", "info")
        assert spec.title and spec.message and spec.fix


def test_the_reports_hold_the_matrix_and_fixes_but_no_token_secret_or_key():
    with python_endpoint("leaks_secret") as server:
        result = probe(server.url, SETTINGS)
    text = markdown_report(result, 1_800_000_000, secret=ENDPOINT_SDK_SECRET, sdk_key=ENDPOINT_SDK_KEY)
    data = json.dumps(result_as_dict(result, secret=ENDPOINT_SDK_SECRET, sdk_key=ENDPOINT_SDK_KEY))
    for shared in (text, data):
        assert ENDPOINT_SDK_SECRET not in shared
        assert ENDPOINT_SDK_KEY not in shared
        for checked in result.cases:
            assert not checked.token or checked.token not in shared
        assert "eyJ" not in shared
    assert text.count("\n| ") == 16  # the header and 15 requests
    assert "`endpoint_leaks_secret`" in text and "Fix: Answer only {signature, sdkKey}" in text
    assert len(matrix_rows(result)) == 15


def test_untrusted_header_values_cannot_leave_their_code_span():
    location = "http://x/`![pixel](http://tracker.example/p.png)`\x1b[31m"
    answer = Answer(302, (("location", location),), b"", 0.01)
    checked = judge(contract_matrix("85746065432")[0], answer, 1_800_000_000, SETTINGS)
    (finding,) = checked.findings
    assert finding.code == "endpoint_redirects"
    assert finding.message.count("`") == 2 and "\x1b" not in finding.message
    assert "?![pixel](http://tracker.example/p.png)?" in finding.message


@pytest.mark.parametrize(
    ("outcome", "level", "words"),
    [
        (None, "info", "Calling the endpoint"),
        ({"nonce": "old", "status": 200, "signature": True}, "info", "Calling the endpoint"),
        ({"nonce": "n", "status": 200, "signature": True, "origin": "http://app.test", "ms": 12}, "success", "12 ms"),
        ({"nonce": "n", "error": "TypeError: Failed to fetch", "origin": "http://app.test"}, "error", "CORS"),
        ({"nonce": "n", "error": "AbortError: x", "aborted": True}, "error", "too slow"),
        ({"nonce": "n", "status": 0, "type": "opaqueredirect"}, "error", "redirect"),
        ({"nonce": "n", "status": 500, "signature": None}, "error", "HTTP 500 with no JSON"),
        ({"nonce": "n", "status": 200, "signature": False}, "error", "JSON without a `signature`"),
        ({"nonce": "n", "status": "200", "signature": True}, "warning", "could not be read"),
    ],
)
def test_what_the_browser_saw_is_explained(outcome, level, words):
    shown_level, text = explain_outcome(outcome, "n")
    assert shown_level == level and words in text


def test_the_browser_outcome_is_plain_text():
    _, text = explain_outcome({"nonce": "n", "error": "`![x](http://t.example/)`", "origin": "`o`"}, "n")
    assert text.count("`") == 4  # the two code spans of the message, none from the browser


def test_the_browser_gets_the_main_request_and_no_secret():
    main = contract_matrix("85746065432")[0]
    request = browser_request(" http://localhost:4000 ", main, 5.0)
    assert request["url"] == "http://localhost:4000" and request["body"] == {"meetingNumber": "85746065432", "role": 0}
    assert request["timeoutMs"] == 5000
    assert browser_request("javascript:alert(1)", main, 5.0) is None
    assert browser_request("file:///etc/passwd", main, 5.0) is None
