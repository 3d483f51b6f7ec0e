"""Token families (issue 20): the Meeting SDK for web, for native apps and the Video SDK, each judged by its own
rules from one claim table (lib/zoom/families.py), through the rule book, `diagnose`, `sign` and batch."""

import json

import jwt
import pytest
from test_fact_sources import SOURCES

from lib.doctor.batch import BatchItem
from lib.doctor.batch_results import diagnose_all, session_outliers, summary
from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.zoom.families import (
    ALL_FAMILIES,
    CLAIMS,
    FAMILIES,
    MEETING_NATIVE,
    MEETING_WEB,
    SDK_FAMILIES,
    VIDEO,
    family_of,
)
from lib.zoom.rules import RULES, check_claims
from support.cli import run_cli
from support.doctor_cases import DROP, KEY, NOW, SECRET, good_payload, native_payload, sign, video_payload

# ------------------------------------------------------------------------------------------ the detector


@pytest.mark.parametrize(
    ("claims", "family"),
    [
        (video_payload(), VIDEO),
        ({"tpc": "x"}, VIDEO),
        ({"role_type": 1}, VIDEO),
        ({"app_key": KEY}, VIDEO),
        ({"appKey": KEY, "tpc": "x"}, VIDEO),  # Video SDK claims make it a Video SDK token missing its key
        (good_payload(), MEETING_WEB),
        (good_payload(role=DROP), MEETING_WEB),  # one of mn and role: a web token missing the other
        (good_payload(mn=DROP), MEETING_WEB),
        (good_payload(mn=DROP, meetingNumber=1), MEETING_WEB),  # the misnamed mn counts as mn
        (native_payload(), MEETING_NATIVE),
        ({}, MEETING_NATIVE),
    ],
)
def test_the_family_is_worked_out_from_the_claims(claims, family):
    assert family_of(claims) == family


@pytest.mark.parametrize(("sdk", "family"), sorted(SDK_FAMILIES.items()))
def test_the_user_can_state_the_family(sdk, family):
    assert family_of(video_payload(), sdk) == family_of(good_payload(), sdk) == family


@pytest.mark.parametrize("sdk", ["Web", "meeting", "", 1, ["web"]])
def test_an_unknown_sdk_is_refused_with_the_names_it_takes(sdk):
    with pytest.raises(ValueError, match="web, native, video"):
        family_of({}, sdk)


def test_each_family_lists_its_claims_in_the_samples_order_from_the_one_claim_table():
    assert FAMILIES[VIDEO].claims[:6] == ("app_key", "role_type", "tpc", "version", "iat", "exp")
    assert FAMILIES[MEETING_WEB].claims == FAMILIES[MEETING_NATIVE].claims
    for family in FAMILIES.values():
        assert set(family.claims) <= set(CLAIMS) and family.required | family.recommended <= set(family.claims)
        assert family.min_lifetime == 1800 and family.max_lifetime == 172800
    assert FAMILIES[MEETING_NATIVE].required == {"appKey", "iat", "exp"}


def test_every_rule_names_known_families_and_every_family_code_exists():
    for rule in RULES.values():
        assert rule.families and set(rule.families) <= set(ALL_FAMILIES), rule.code
    for family in FAMILIES.values():
        assert family.codes <= set(FINDING_CODES), family.id
        assert set(family.errors) <= set(FINDING_CODES), family.id


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_a_platform_error_is_predicted_only_with_a_fact_base_row_that_says_so(family):
    for code, errors in family.errors.items():
        for error in errors:
            assert error.source in SOURCES and error.code in SOURCES[error.source], (code, error)


# ------------------------------------------------------------------------------------------ valid tokens


VALID = {
    "native": (native_payload(), MEETING_NATIVE, "native"),
    "video": (video_payload(), VIDEO, "video"),
    "video_sample_names": (video_payload(user_key=DROP, user_identity="user123"), VIDEO, "video"),
    "web": (good_payload(), MEETING_WEB, "web"),
}


@pytest.mark.parametrize("name", sorted(VALID))
@pytest.mark.parametrize("hinted", [False, True])
def test_a_valid_token_of_each_family_gets_no_error_and_no_predicted_failure(name, hinted):
    payload, family, sdk = VALID[name]
    checked = diagnose(sign(payload), secret=SECRET, now=NOW, sdk=sdk if hinted else None)
    errors = [f.code for f in checked.findings if f.severity == "error"]
    assert errors == [] and checked.zoom_error is None and checked.platform_errors == []
    assert checked.token_family == family and checked.verified is True
    assert ("meeting_native_assumed" in checked.codes) == (name == "native" and not hinted)


def test_a_native_token_judged_without_a_hint_says_the_web_sdk_would_need_mn_and_role():
    [finding] = [f for f in diagnose(sign(native_payload()), now=NOW).findings if f.code == "meeting_native_assumed"]
    assert finding.severity == "info" and "mn" in finding.message and "role" in finding.message
    assert "web" in finding.message.lower() and finding.fix


def test_the_same_token_for_the_web_sdk_lacks_mn_and_role():
    checked = diagnose(sign(native_payload()), now=NOW, sdk="web")
    assert {"missing_mn", "missing_role"} <= set(checked.codes) and checked.token_family == MEETING_WEB
    assert "meeting_native_assumed" not in checked.codes


@pytest.mark.parametrize("sdk", [None, "native"])
def test_a_native_token_without_token_exp_is_a_warning_with_the_native_reason(sdk):
    checked = diagnose(sign(native_payload(tokenExp=DROP)), now=NOW, sdk=sdk)
    [finding] = [f for f in checked.findings if f.code == "missing_token_exp"]
    assert finding.severity == "warning" and "native" in finding.message
    assert checked.zoom_error is None and not [f for f in checked.findings if f.severity == "error"]


def test_a_native_token_with_an_error_names_the_native_auth_results_but_no_code():
    checked = diagnose(sign(native_payload(exp=NOW - 100)), now=NOW)
    assert checked.has("expired") and checked.zoom_error is None
    assert "AUTHRET_JWTTOKENWRONG" in checked.verdict and "not documented" in checked.verdict


# ------------------------------------------------------------------------------------------ wrong kinds


@pytest.mark.parametrize("sdk", ["web", "native"])
def test_a_video_sdk_token_for_the_meeting_sdk_is_the_wrong_kind_with_the_fix(sdk):
    checked = diagnose(sign(video_payload()), secret=SECRET, now=NOW, sdk=sdk)
    [finding] = [f for f in checked.findings if f.code == "wrong_token_kind"]
    assert finding.severity == "error" and finding.evidence == {"kind": "video_sdk", "sdk": sdk}
    assert "Meeting SDK" in finding.fix and 'sdk: "video"' in finding.fix
    assert checked.token_family == VIDEO and checked.codes[0] == "wrong_token_kind"


def test_a_meeting_sdk_token_for_the_video_sdk_is_the_wrong_kind_with_the_fix():
    checked = diagnose(sign(good_payload()), secret=SECRET, now=NOW, sdk="video")
    [finding] = [f for f in checked.findings if f.code == "wrong_token_kind"]
    assert finding.evidence == {"kind": "meeting_sdk", "sdk": "video"}
    assert "app_key" in finding.fix and "tpc" in finding.fix and "Video SDK" in finding.message
    assert checked.token_family == MEETING_WEB


def test_meeting_sdk_claims_in_a_video_sdk_token_are_named():
    payload = video_payload(app_key=DROP, role_type=DROP, appKey=KEY, role=1, mn=85746065432)
    checked = diagnose(sign(payload), now=NOW)
    messages = {f.code: f.message for f in checked.findings}
    assert "appKey" in messages["missing_app_key"] and "role" in messages["missing_role_type"]
    assert "the Meeting SDK's" in messages["unknown_claims"]


# ------------------------------------------------------------------------------------------ each limit


def video_codes(now=NOW, **changes):
    return {b.code: b.severity for b in check_claims(video_payload(**changes), now, family=VIDEO)}


def video_rule_codes(**changes):
    """The codes of the rule book, diagnose and sign for one Video SDK token: the three must agree."""
    by_rule = set(video_codes(**changes))
    by_doctor = set(diagnose(sign(video_payload(**changes)), now=NOW).codes) - {"signature_not_verified"}
    return by_rule, by_doctor


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"tpc": "t" * 199}, None),
        ({"tpc": "t" * 200}, None),
        ({"tpc": "t" * 201}, "tpc_too_long"),
        ({"tpc": "é" * 200}, None),
        ({"tpc": "😀" * 100}, None),  # 200 UTF-16 units, as JavaScript's .length counts them
        ({"tpc": "😀" * 100 + "a"}, "tpc_too_long"),
        ({"tpc": DROP}, "missing_tpc"),
        ({"tpc": ""}, "missing_tpc"),
        ({"tpc": 7}, "missing_tpc"),
        ({"user_key": "u" * 35}, None),
        ({"user_key": "u" * 36}, None),
        ({"user_key": "u" * 37}, "user_key_too_long"),
        ({"user_key": "😀" * 18}, None),  # 36 UTF-16 units
        ({"user_key": "😀" * 18 + "u"}, "user_key_too_long"),
        ({"user_key": DROP, "user_identity": "u" * 35}, None),
        ({"user_key": DROP, "user_identity": "u" * 36}, None),
        ({"user_key": DROP, "user_identity": "u" * 37}, "user_key_too_long"),
        ({"session_key": "s" * 35}, None),
        ({"session_key": "s" * 36}, None),
        ({"session_key": "s" * 37}, "session_key_too_long"),
        ({"role_type": 0}, None),
        ({"role_type": 1}, None),
        ({"role_type": 2}, "role_type_out_of_range"),
        ({"role_type": -1}, "role_type_out_of_range"),
        ({"role_type": "1"}, "role_type_not_number"),
        ({"role_type": "0"}, "role_type_not_number"),
        ({"role_type": True}, "role_type_not_number"),
        ({"role_type": DROP}, "missing_role_type"),
        ({"version": DROP}, "missing_version"),
        ({"exp": NOW - 10 + 1799}, "lifetime_too_short"),
        ({"exp": NOW - 10 + 1800}, None),
        ({"exp": NOW - 10 + 1801}, None),
        ({"exp": NOW - 10 + 172799}, None),
        ({"exp": NOW - 10 + 172800}, None),
        ({"exp": NOW - 10 + 172801}, "lifetime_too_long"),
        ({"app_key": DROP}, "missing_app_key"),
    ],
    ids=repr,
)
def test_each_video_sdk_limit_below_at_and_above_through_the_rule_and_diagnose(changes, code):
    by_rule, by_doctor = video_rule_codes(**changes)
    if code is None:
        assert by_rule == set() and by_doctor == set(), (by_rule, by_doctor)
    else:
        assert by_rule == {code} and by_doctor == {code}, (by_rule, by_doctor)
        assert FINDING_CODES[code].severity == video_codes(**changes)[code]


def test_the_native_note_is_the_rule_books_only_without_a_hint():
    """meeting_native_assumed: the rule book notes it when it works the family out, not when it is told."""
    assert {b.code: b.severity for b in check_claims(native_payload(), NOW)} == {"meeting_native_assumed": "info"}
    assert check_claims(native_payload(), NOW, family=MEETING_NATIVE) == []
    assert "meeting_native_assumed" not in {b.code for b in check_claims(good_payload(role=DROP), NOW)}  # mn: web


def test_missing_version_is_a_warning_at_most():
    checked = diagnose(sign(video_payload(version=DROP)), secret=SECRET, now=NOW)
    assert checked.codes == ["missing_version", "signature_valid"] and checked.verdict.startswith("No error")


@pytest.mark.parametrize(
    ("session_name", "mismatch"),
    [("Cool Cars", False), ("cool cars", False), ("COOL CARS", False), ("Cool Car", True), ("Cool Cars ", True)],
)
def test_tpc_is_compared_with_the_session_name_ignoring_case(session_name, mismatch):
    checked = diagnose(sign(video_payload()), now=NOW, session_name=session_name)
    assert checked.has("tpc_mismatch") == mismatch
    if mismatch:
        assert [e["code"] for e in checked.platform_errors] == [1507] and "1507" in checked.verdict


def test_a_role_type_error_names_each_platforms_answer_with_its_source():
    checked = diagnose(sign(video_payload(role_type=3)), now=NOW)
    said = {(e["platform"], e["code"], e["source"]) for e in checked.platform_errors}
    assert said == {("Web Video SDK", 3010, "video-web-3010"), ("native Video SDK", 1509, "video-native-1509")}
    assert checked.zoom_error is None  # a Meeting SDK for web code: never for a Video SDK token
    assert "3010" in checked.verdict and "1509" in checked.verdict


def test_a_video_sdk_error_without_a_source_predicts_nothing():
    checked = diagnose(sign(video_payload(role_type="1", session_key="s" * 40)), now=NOW)
    assert checked.platform_errors == [] and checked.zoom_error is None and "Zoom would" not in checked.verdict


# ------------------------------------------------------------------------------------------ the signer


NO_CLOCK = {"verify_exp": False, "verify_iat": False}  # the tokens are signed at the test's clock, not now


def video_request(**changes):
    values = dict(
        sdk_key=KEY,
        sdk_secret=SECRET,
        role=1,
        iat=NOW,
        exp=NOW + 7200,
        family=VIDEO,
        session_name="Cool Cars",
        user_key="user123",
        session_key="session123",
    )
    return SignatureRequest(**{**values, **changes})


def test_the_video_sdk_signer_writes_the_samples_claims_in_its_order_and_pyjwt_agrees():
    steps = build_signature_steps(video_request(claims={"geo_regions": "US,DE", "audio_webrtc_mode": 1}))
    payload = json.loads(steps.payload_json)
    assert list(payload) == [
        "app_key",
        "role_type",
        "tpc",
        "version",
        "iat",
        "exp",
        "user_key",
        "session_key",
        "geo_regions",
        "audio_webrtc_mode",
    ]
    assert payload["version"] == 1 and payload["role_type"] == 1 and payload["tpc"] == "Cool Cars"
    decoded = jwt.decode(steps.token, SECRET, algorithms=["HS256"], options=NO_CLOCK)
    assert decoded == payload
    assert jwt.encode(payload, SECRET, algorithm="HS256") == steps.token  # PyJWT signs the same bytes


def test_the_native_signer_leaves_out_mn_and_role_and_pyjwt_agrees():
    request = SignatureRequest(KEY, SECRET, iat=NOW, exp=NOW + 7200, family=MEETING_NATIVE)
    steps = build_signature_steps(request)
    payload = json.loads(steps.payload_json)
    assert payload == {"appKey": KEY, "sdkKey": KEY, "iat": NOW, "exp": NOW + 7200, "tokenExp": NOW + 7200}
    assert jwt.encode(payload, SECRET, algorithm="HS256") == steps.token
    assert jwt.decode(steps.token, SECRET, algorithms=["HS256"], options=NO_CLOCK) == payload


def test_a_video_token_without_version_when_told():
    payload = json.loads(build_signature_steps(video_request(version=None)).payload_json)
    assert "version" not in payload


SIGN_LINE = {"sdk": "video", "sdkKey": KEY, "sdkSecret": SECRET, "role": 1, "sessionName": "Cool Cars"}


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({}, None),
        ({"sessionName": "t" * 199}, None),
        ({"sessionName": "t" * 200}, None),
        ({"sessionName": "t" * 201}, "tpc_too_long"),
        ({"sessionName": DROP}, "missing_tpc"),
        ({"sessionName": ""}, "missing_tpc"),
        ({"userKey": "u" * 35}, None),
        ({"userKey": "u" * 36}, None),
        ({"userKey": "u" * 37}, "user_key_too_long"),
        ({"userIdentity": "u" * 36}, None),
        ({"userIdentity": "u" * 37}, "user_key_too_long"),
        ({"sessionKey": "s" * 35}, None),
        ({"sessionKey": "s" * 36}, None),
        ({"sessionKey": "s" * 37}, "session_key_too_long"),
        ({"role": 0}, None),
        ({"role": "1"}, "role_type_not_number"),
        ({"role": -1}, "role_type_out_of_range"),
        ({"role": 2}, "role_type_out_of_range"),
        ({"role": DROP}, "missing_role_type"),
        ({"iat": NOW, "exp": NOW + 1799}, "lifetime_too_short"),
        ({"iat": NOW, "exp": NOW + 1800}, None),
        ({"iat": NOW, "exp": NOW + 1801}, None),
        ({"iat": NOW, "exp": NOW + 172799}, None),
        ({"iat": NOW, "exp": NOW + 172800}, None),
        ({"iat": NOW, "exp": NOW + 172801}, "lifetime_too_long"),
        ({"role": None}, "role_type_not_number"),
        ({"version": None}, "missing_version"),
    ],
    ids=repr,
)
def test_sign_gives_the_video_sdk_codes_at_and_above_each_limit(changes, code):
    line = {k: v for k, v in {**SIGN_LINE, **changes}.items() if v is not DROP}
    _, [output] = run_cli("sign", [line], "--now", str(NOW))
    assert output["token_family"] == VIDEO
    said = {w["code"] for w in output["warnings"]}
    assert said == ({code} if code else set()), said
    payload = json.loads(output["payload_json"])
    assert jwt.decode(output["token"], SECRET, algorithms=["HS256"], options=NO_CLOCK) == payload


def test_sign_without_sdk_makes_a_video_token_from_a_session_name_and_a_native_one_without_mn():
    lines = [
        {key: value for key, value in SIGN_LINE.items() if key != "sdk"},
        {"sdkKey": KEY, "sdkSecret": SECRET},
        {"sdkKey": KEY, "sdkSecret": SECRET, "sdk": "native"},
        {"sdkKey": KEY, "sdkSecret": SECRET, "meetingNumber": 85746065432, "role": 0},
    ]
    _, outputs = run_cli("sign", lines, "--now", str(NOW))
    assert [o["token_family"] for o in outputs] == [VIDEO, MEETING_NATIVE, MEETING_NATIVE, MEETING_WEB]
    assert [sorted(w["code"] for w in o["warnings"]) for o in outputs] == [[], ["meeting_native_assumed"], [], []]


def test_an_unknown_sdk_is_a_clear_error_on_its_line():
    process, [output] = run_cli("sign", [{**SIGN_LINE, "sdk": "ios"}])
    assert process.returncode == 1 and "sdk must be one of" in output["error"]["message"]
    process, [output] = run_cli("diagnose", [{"token": sign(video_payload()), "sdk": "ios"}])
    assert process.returncode == 1 and "sdk must be one of" in output["error"]["message"]


def test_diagnose_and_compare_carry_the_token_family():
    records = [
        {"id": 1, "token": sign(video_payload()), "sessionName": "other", "now": NOW},
        {"id": 2, "token": sign(native_payload()), "now": NOW},
        {"id": 3, "token": sign(good_payload()), "sdk": "video", "now": NOW},
    ]
    _, outputs = run_cli("diagnose", records)
    assert [o["token_family"] for o in outputs] == [VIDEO, MEETING_NATIVE, MEETING_WEB]
    assert "tpc_mismatch" in {f["code"] for f in outputs[0]["findings"]}
    assert outputs[0]["platform_errors"][0]["code"] == 1507
    assert "wrong_token_kind" in {f["code"] for f in outputs[2]["findings"]}
    _, [compared] = run_cli(
        "compare", [{"a": sign(video_payload()), "b": sign(video_payload(tpc="Other")), "now": NOW}]
    )
    assert compared["a"]["token_family"] == compared["b"]["token_family"] == VIDEO
    [row] = [row for row in compared["claims"] if not row["same"]]
    assert row["claim"] == "tpc" and "session" in row["explanation"]


# ------------------------------------------------------------------------------------------ batch


def test_batch_reports_the_video_sdk_tokens_of_another_session():
    payloads = [video_payload(user_key=f"user{n}") for n in range(4)]
    payloads += [video_payload(tpc="COOL CARS"), video_payload(tpc="Other Cars"), video_payload(session_key="x")]
    items = [BatchItem(line, sign(payload)) for line, payload in enumerate(payloads, start=1)]
    items.append(BatchItem(99, sign(good_payload())))
    results = diagnose_all(items, NOW)
    outliers = session_outliers(results)
    assert list(zip(outliers["line"], outliers["claim"], outliers["value"], strict=True)) == [
        (6, "tpc", "Other Cars"),
        (7, "session_key", "x"),
    ]
    assert set(outliers["usual"]) == {"Cool Cars", "session123"}
    numbers = summary(results)
    assert numbers["token_families"] == {VIDEO: 7, MEETING_WEB: 1} and numbers["session_outliers"] == 2


def test_one_sessions_tokens_have_no_outliers():
    items = [BatchItem(n, sign(video_payload(user_key=f"u{n}"))) for n in range(3)]
    assert session_outliers(diagnose_all(items, NOW)).empty
