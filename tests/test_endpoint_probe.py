"""The probe against real endpoints on 127.0.0.1: Zoom's sample contract in Node (express, cors, jsrsasign)
and in Python, each correct and deliberately broken. The correct ones get a clean matrix; every breakage
is named by its code, in the requests that show it, with a fix."""

import json
import re
from dataclasses import replace
from pathlib import Path

import jwt
import pytest

from lib.doctor.findings import FINDING_CODES
from lib.endpoint import codes as endpoint_codes
from lib.endpoint.browser import browser_request, explain_outcome
from lib.endpoint.codes import ENDPOINT_CODES, zoom_answer
from lib.endpoint.probe import REMOVED, ProbeSettings, contract_matrix, judge, probe, redact_answer
from lib.endpoint.report import markdown_report, matrix_rows, result_as_dict
from lib.endpoint.safety import Answer, allow_list
from lib.zoom.rules import RULES
from support import pages
from support.endpoint_servers import (
    ENDPOINT_SDK_KEY,
    ENDPOINT_SDK_SECRET,
    NODE_BACKDATE_SECONDS,
    NODE_VARIANTS,
    PYTHON_VARIANTS,
    node_endpoint,
    python_endpoint,
)
from support.paths import ROOT

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
    "native",
    "repeat",
)
SIGNED_WEB = tuple(case for case in SIGNED if case != "native")
NATIVE_NOT_NATIVE = {"endpoint_native_token_not_native": ("native",)}  # signs mn or role into the native token
# variant -> {code: the matrix cases it must be seen in} (errors and warnings; info findings are not breakages)
EXPECTED = {
    "correct": {},
    "no_cors": {
        "endpoint_no_cors": SIGNED,  # CORS matters on the answers the app must read
        "endpoint_preflight_fails": ("preflight",),
    },
    "wrong_origin": {"endpoint_cors_wrong_origin": None},
    "mac_only": {"endpoint_bad_token": None},
    "ignores_role": {"endpoint_ignores_role": ("role_1", "role_as_string"), **NATIVE_NOT_NATIVE},
    "ignores_meeting_number": {"endpoint_ignores_meeting_number": SIGNED_WEB, **NATIVE_NOT_NATIVE},
    "ignores_expiration": {"endpoint_ignores_expiration": ("expiration_min", "expiration_max")},
    "ignores_webrtc_mode": {"endpoint_ignores_webrtc_mode": ("webrtc_mode_1",)},
    "cached": {
        "endpoint_caches_signature": ("repeat",),
        "endpoint_ignores_role": ("role_1", "role_as_string"),
        "endpoint_ignores_expiration": ("expiration_min", "expiration_max"),
        "endpoint_ignores_webrtc_mode": ("webrtc_mode_1",),
        **NATIVE_NOT_NATIVE,  # the first token again: with mn and role
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
        ),
        "endpoint_token_warning": ("role_as_string",),  # no parseInt either: role "1" is signed as a string
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
    "role_as_text": {  # role_not_number on every token: not green; the native one gets role "undefined"
        "endpoint_token_warning": SIGNED_WEB,
        "endpoint_bad_token": ("native",),
        **NATIVE_NOT_NATIVE,
    },
    "backdated_iat": {"endpoint_stale_iat": SIGNED},
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


@pytest.mark.node
@pytest.mark.parametrize("variant", NODE_VARIANTS)
def test_node_endpoint_variant_is_named(variant):
    with node_endpoint(variant) as url:
        result = probe(url, SETTINGS)
    check_named(result, NODE_EXPECTED[variant])


@pytest.mark.node
def test_the_official_sample_contract_gives_a_clean_matrix_with_verified_tokens():
    with node_endpoint() as url:
        result = probe(url, SETTINGS)
    assert result.verdict.startswith("The endpoint passes the contract matrix: 16 requests")
    assert [r.verdict for r in result.cases] == ["ok"] * 16
    statuses = {r.case.id: r.answer.status for r in result.cases}
    assert statuses["missing_role"] == statuses["expiration_below_min"] == statuses["body_not_json"] == 400
    assert statuses["preflight"] == 204
    signed = [r for r in result.cases if r.token]
    assert len(signed) == 10
    for checked in signed:  # PyJWT as the independent check of what the doctor verified
        assert checked.diagnosis.verified is True
        claims = jwt.decode(checked.token, ENDPOINT_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        assert claims["appKey"] == ENDPOINT_SDK_KEY
        assert ({"mn", "role"} <= set(claims)) == (checked.case.id != "native")  # native: neither
    rows = {row["case"]: row for row in result_as_dict(result)["matrix"]}
    assert rows["native"]["token_family"] == "meeting_native" and rows["role_0"]["token_family"] == "meeting_web"
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
    assert len(finding.cases) == 10


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
    assert len(matrix) == 16
    assert matrix["native"].body == {} and matrix["native"].family == "meeting_native"
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
    assert text.count("\n| ") == 17  # the header and 16 requests
    assert "`endpoint_leaks_secret`" in text and "Fix: Answer only {signature, sdkKey}" in text
    assert len(matrix_rows(result)) == 16


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


# ------------------------------------------------------------- issue 21 item 3: every token finding, as sent


@pytest.mark.node
def test_an_endpoint_that_signs_role_as_text_gets_a_warning_not_the_samples_verdict():
    """Node, after the sample, with role: String(role): the Token doctor's role_not_number (a warning) on every
    token is reported as a warning, in every request that shows it, and the verdict is not green."""
    with node_endpoint("role_as_text") as url:
        result = probe(url, SETTINGS)
    signed = [r for r in result.cases if r.token and r.case.id != "native"]
    assert len(signed) == 9
    for checked in signed:  # PyJWT: the endpoint really signed a string
        claims = jwt.decode(checked.token, ENDPOINT_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        assert isinstance(claims["role"], str) and checked.verdict == "warning"
    (warned,) = [f for f in result.findings if f.code == "endpoint_token_warning"]
    assert (warned.code, warned.severity, warned.cases) == ("endpoint_token_warning", "warning", SIGNED_WEB)
    assert "role_not_number (role is not a number)" in warned.message and "parseInt" in warned.fix
    assert "as the official sample does" not in result.verdict
    assert result.verdict.startswith("1 error(s), 2 warning(s): ")  # the native request's token: role "undefined"
    row = result_as_dict(result)["matrix"][0]
    assert {"code": "role_not_number", "severity": "warning", "not_counted": None} in row["token_findings"]
    assert row["token_codes"] == [f["code"] for f in row["token_findings"]]  # the old field stays as it was
    assert matrix_rows(result)[0]["token findings"] == "⚠ role_not_number, ℹ signature_valid"


@pytest.mark.node
def test_every_token_finding_is_in_the_matrix_with_its_severity_and_why_it_does_not_count():
    with node_endpoint() as url:
        result = probe(url, SETTINGS)
    rows = {row["case"]: row for row in result_as_dict(result)["matrix"]}
    assert rows["role_1"]["token_findings"] == [
        {"code": "role_host_needs_zak", "severity": "info", "not_counted": None},
        {"code": "signature_valid", "severity": "info", "not_counted": None},
    ]
    spaced = rows["meeting_number_with_spaces"]["token_findings"]
    assert spaced[0] == {"code": "mn_not_digits", "severity": "error", "not_counted": "the request asks for it"}
    assert rows["missing_role"]["token_findings"] is None  # refused: no token
    cells = {row["request"]: row["token findings"] for row in matrix_rows(result)}
    assert cells["meetingNumber with spaces"].startswith("✖ mn_not_digits (the request asks for it)")


def test_the_official_samples_contract_keeps_its_clean_verdict_with_every_token_finding_counted():
    with python_endpoint() as server:
        result = probe(server.url, SETTINGS)
    assert result.verdict.startswith("The endpoint passes the contract matrix")
    assert all(f.severity == "info" for r in result.cases for f in r.token_findings if f.not_counted is None)


@pytest.mark.parametrize("node", [pytest.param(True, marks=pytest.mark.node), False])
def test_an_old_iat_is_a_warning_that_explains_deliberate_backdating(node):
    """Node backdates iat by 5 minutes on purpose (forum thread 82045); Python signs with a clock 10 minutes late.
    Both are warnings (a public severity changed by issue 21), and the message names backdating as a cause."""
    endpoint = node_endpoint("backdated_iat") if node else python_endpoint("stale_iat")
    with endpoint as server:
        result = probe(server if node else server.url, SETTINGS)
    (stale,) = [f for f in result.findings if f.severity != "info"]
    assert stale.code == "endpoint_stale_iat" and stale.severity == ENDPOINT_CODES[stale.code].severity == "warning"
    assert "on purpose" in stale.message and "82045" in stale.message and "Zoom accepts such tokens" in stale.message
    assert "a cache" in stale.message and "NTP" in stale.fix and "a few minutes" in stale.fix
    late = int(stale.evidence["seconds"])
    expected = NODE_BACKDATE_SECONDS if node else 600
    # The server signs after the probe sends (within its timeout), so its iat is that much later than the
    # backdated one: the lateness measured can only fall short of what the server backdated, in whole seconds.
    assert expected - SETTINGS.timeout - 1 <= late <= expected
    assert "as the official sample does" not in result.verdict and "1 warning(s)" in result.verdict
    signed = [r for r in result.cases if r.token]
    assert {r.diagnosis.payload["exp"] - r.diagnosis.payload["iat"] for r in signed} >= {1800, 7200, 172800}


@pytest.mark.parametrize(("variant", "shown"), [("correct", "*"), ("wrong_origin", "https://other-app.example")])
def test_the_cors_header_is_shown_as_sent(variant, shown):
    with python_endpoint(variant) as server:
        result = probe(server.url, SETTINGS)
    rows = matrix_rows(result)
    assert rows[0]["CORS"] == shown and "•" not in rows[0]["CORS"]
    assert result_as_dict(result)["matrix"][0]["cors"] == shown
    assert f"| `{shown}` |" in markdown_report(result, 1_800_000_000)


@pytest.mark.node
def test_node_cors_star_is_shown_as_a_star():
    with node_endpoint() as url:
        result = probe(url, SETTINGS)
    assert {row["CORS"] for row in matrix_rows(result)} == {"*", "none"}  # none: express's HTML 400 to broken JSON


def refuse_to_resolve(host, port):
    raise AssertionError(f"the probe resolved {host}: it must not call a URL it refuses")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("localhost:4000", "http://localhost:4000"),
        ("example.com/api", "http://example.com/api"),
        ("127.0.0.1:4000/", "http://127.0.0.1:4000/"),
        ("[::1]:4000", "http://[::1]:4000"),
        (" Localhost:4000/signature?x=1 ", "http://Localhost:4000/signature?x=1"),
        ("http//localhost:4000", "http://localhost:4000"),
        ("https:/signing.example.com", "https://signing.example.com"),
    ],
)
def test_a_url_typed_without_its_scheme_is_told_to_add_http(typed, written):
    result = probe(typed, replace(SETTINGS, resolver=refuse_to_resolve))
    (finding,) = result.findings
    assert finding.code == "endpoint_bad_url" and "scheme" in finding.message
    assert f"`{written}`" in finding.fix
    assert all(r.answer is None for r in result.cases)


def test_a_url_without_scheme_to_a_running_endpoint_sends_nothing():
    with python_endpoint() as server:
        typed = server.url.removeprefix("http://")
        result = probe(typed, SETTINGS)
        assert server.received == []
    assert result.codes == ["endpoint_bad_url"] and f"`http://{typed}`" in result.findings[0].fix
    assert "Add http:// in front" in markdown_report(result, 1_800_000_000)


@pytest.mark.parametrize("typed", ["http://[::1", "http://[::1:4000/"])
def test_a_url_that_cannot_be_parsed_is_a_finding_not_a_traceback(typed):
    result = probe(typed, replace(SETTINGS, resolver=refuse_to_resolve))
    assert result.codes == ["endpoint_bad_url"]
    assert browser_request(typed, contract_matrix("85746065432")[0], 5.0) is None


# ------------------------------------------------------ issue 21 item 3: Zoom error codes from the rule book


ZOOM_CODE = re.compile(r"\b3[0-9]{3}\b")


def test_the_endpoint_texts_write_no_zoom_error_code_of_their_own():
    """Every prediction comes from the rule book through zoom_answer; none is written in the endpoint's sources."""
    sources = [*Path(endpoint_codes.__file__).parent.glob("*.py"), ROOT / pages.ENDPOINT.path]
    assert len(sources) >= 7
    for source in sources:
        assert not ZOOM_CODE.search(source.read_text()), source


@pytest.mark.parametrize(
    ("rule_code", "case_id"),
    [
        ("missing_role", "missing_role"),
        ("missing_mn", "missing_meeting_number"),
        ("lifetime_too_short", "expiration_below_min"),
        ("lifetime_too_long", "expiration_above_max"),
    ],
)
def test_what_zoom_answers_an_invalid_request_is_read_from_the_rule_book(monkeypatch, rule_code, case_id):
    def why():
        return {case.id: case for case in contract_matrix("85746065432")}[case_id].why_invalid

    stated = RULES[rule_code].zoom_error
    assert (str(stated) in why()) if stated else ("not documented" in why() and not ZOOM_CODE.search(why()))
    monkeypatch.setitem(RULES, rule_code, replace(RULES[rule_code], zoom_error=None))
    assert "Zoom refuses it; which code it answers is not documented" in why() and not ZOOM_CODE.search(why())
    monkeypatch.setitem(RULES, rule_code, replace(RULES[rule_code], zoom_error=3705))
    assert "Zoom answers 3705 “The signature has expired”" in why()


def test_an_ignored_meeting_number_says_what_the_doctors_table_says(monkeypatch):
    with python_endpoint("ignores_meeting_number") as server:
        result = probe(server.url, SETTINGS)
    (ignored,) = [f for f in result.findings if f.code == "endpoint_ignores_meeting_number"]
    assert zoom_answer("mn_mismatch") in ignored.message
    monkeypatch.setitem(FINDING_CODES, "mn_mismatch", replace(FINDING_CODES["mn_mismatch"], zoom_error=None))
    assert zoom_answer("mn_mismatch") == "Zoom refuses it; which code it answers is not documented"


def test_an_ignored_role_predicts_no_error_code():
    with python_endpoint("ignores_role") as server:
        result = probe(server.url, SETTINGS)
    (ignored,) = [f for f in result.findings if f.code == "endpoint_ignores_role"]
    assert not ZOOM_CODE.search(ignored.message + ignored.fix) and "a role it did not ask for" in ignored.message


# ---------------------------------------------------------- issue 21 item 4 through the probe: the secret given


def test_a_wrong_secret_alone_puts_the_secret_given_in_doubt():
    settings = replace(SETTINGS, sdk_secret="the-test-apps-client-secret-0123456789abcd")
    with python_endpoint() as server:
        result = probe(server.url, settings)
    (bad,) = [f for f in result.findings if f.code == "endpoint_bad_token"]
    assert bad.message.endswith("signature_mismatch (Signature does not match the secret).")
    assert bad.fix.startswith("Check the secret typed here first")
    sound = [r for r in result.cases if r.token and not r.case.tolerated]  # "857 4606 5432" is wrong in itself
    assert len(sound) == 9 and all(r.diagnosis.secret_in_doubt and r.diagnosis.zoom_error is None for r in sound)
