"""The probe's Video SDK profile (`sdk: "video"`): zoom/videosdk-auth-endpoint-sample's contract (POST
{sessionName, role, expirationSeconds?, userIdentity?, sessionKey?} -> {signature}, 400 {errors}) against
endpoints on 127.0.0.1 written after it: in Node (express, cors, jsrsasign, tests/js/videosdk_endpoint.js)
and in Python, correct and deliberately broken."""

import json
from dataclasses import replace

import jwt
import pytest

from lib.endpoint.probe import (
    DEFAULT_SESSION_NAME,
    SAMPLE_SESSION_NAME_MAX,
    ProbeSettings,
    probe,
    settings_from_record,
    video_contract_matrix,
)
from lib.endpoint.report import markdown_report, result_as_dict
from lib.endpoint.safety import allow_list
from support.cli import run_cli
from support.endpoint_servers import (
    ENDPOINT_SDK_KEY,
    ENDPOINT_SDK_SECRET,
    VIDEO_NODE_VARIANTS,
    VIDEO_PYTHON_VARIANTS,
    node_endpoint,
    python_video_endpoint,
)

SETTINGS = ProbeSettings(
    allow_list({}), sdk_key=ENDPOINT_SDK_KEY, sdk_secret=ENDPOINT_SDK_SECRET, timeout=2, sdk="video"
)
SIGNED = (  # the requests the Video SDK sample signs
    "role_0",
    "role_1",
    "role_as_string",
    "session_name_max",
    "expiration_min",
    "expiration_max",
    "user_identity_35",
    "session_key_36",
    "repeat",
)
INVALID = (  # the requests the sample refuses (user_identity_36 may go either way: docs 36, sample 35)
    "role_2",
    "missing_role",
    "missing_session_name",
    "session_name_too_long",
    "expiration_below_min",
    "expiration_above_max",
    "user_identity_37",
    "session_key_37",
)
EXPECTED = {
    "correct": {},
    "fixed_session": {"endpoint_ignores_session_name": SIGNED},
    "no_validation": {"endpoint_accepts_invalid": INVALID},  # the signer still coerces role "1" with parseInt
    "meeting_token": {"endpoint_bad_token": SIGNED},
    "role_type_text": {"endpoint_bad_token": ("role_as_string",)},  # the doctor's role_type_not_number
    "fixed_role": {"endpoint_ignores_role": ("role_1", "role_as_string")},
    "session_name_lower_case": {},  # the Video SDK compares tpc with the join's session name ignoring case
}


def breakages(result):
    return {f.code: f.cases for f in result.findings if f.severity != "info"}


def check_named(result, expected):
    found = breakages(result)
    assert set(found) == set(expected), [f.message for f in result.findings]
    for code, cases in expected.items():
        if cases is not None:
            assert found[code] == cases, code
    assert all(f.fix and f.message for f in result.findings)


def test_the_matrix_asks_the_samples_limits_below_at_and_above():
    matrix = {case.id: case for case in video_contract_matrix("s")}
    assert set(SIGNED) | set(INVALID) | {"user_identity_36", "body_not_json", "preflight"} == set(matrix)
    assert [len(matrix[c].body["sessionName"]) for c in ("session_name_max", "session_name_too_long")] == [200, 201]
    identities = ("user_identity_35", "user_identity_36", "user_identity_37")
    assert [len(matrix[c].body["userIdentity"]) for c in identities] == [35, 36, 37]
    assert [len(matrix[c].body["sessionKey"]) for c in ("session_key_36", "session_key_37")] == [36, 37]
    assert all(case.family == "video" for case in matrix.values())
    assert "sessionName" not in matrix["missing_session_name"].body and "role" not in matrix["missing_role"].body


@pytest.mark.node
def test_the_official_samples_contract_in_node_gives_a_clean_matrix_with_video_tokens():
    with node_endpoint(script="videosdk_endpoint.js") as url:
        result = probe(url, SETTINGS)
    assert breakages(result) == {}, [f.message for f in result.findings]
    assert result.verdict.startswith("The endpoint passes the contract matrix: 20 requests")
    signed = {r.case.id: r for r in result.cases if r.token}
    assert set(signed) == {*SIGNED, "user_identity_36"} - {"user_identity_36"}
    for checked in signed.values():  # PyJWT: a Video SDK token for the session asked for
        claims = jwt.decode(checked.token, ENDPOINT_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        assert claims["app_key"] == ENDPOINT_SDK_KEY and claims["tpc"] == checked.case.body["sessionName"]
        assert claims["role_type"] in (0, 1) and claims["version"] == 1
        assert not {"appKey", "mn", "role", "tokenExp"} & set(claims)
    assert (
        jwt.decode(signed["user_identity_35"].token, options={"verify_signature": False})["user_identity"] == "u" * 35
    )
    data = result_as_dict(result, secret=ENDPOINT_SDK_SECRET, sdk_key=ENDPOINT_SDK_KEY)
    assert data["sdk"] == "video" and data["token_family"] == "video"
    assert {row["token_family"] for row in data["matrix"] if row["case"] in SIGNED} == {"video"}
    assert data["matrix"][0]["claims"]["tpc"] == DEFAULT_SESSION_NAME and "app_key" not in data["matrix"][0]["claims"]
    text = markdown_report(result, 1_800_000_000, secret=ENDPOINT_SDK_SECRET, sdk_key=ENDPOINT_SDK_KEY)
    assert text.startswith("# Zoom Video SDK auth endpoint") and ENDPOINT_SDK_KEY not in text + json.dumps(data)
    for checked in result.cases:  # judged as Video SDK tokens (diagnose's sdk), the sample's have no error
        assert not [f.code for f in checked.token_findings if f.severity == "error"], checked.case.id


@pytest.mark.node
@pytest.mark.parametrize("variant", VIDEO_NODE_VARIANTS)
def test_node_video_endpoint_variant_is_named(variant):
    with node_endpoint(variant, script="videosdk_endpoint.js") as url:
        result = probe(url, SETTINGS)
    check_named(result, EXPECTED[variant])


@pytest.mark.parametrize("variant", VIDEO_PYTHON_VARIANTS)
def test_python_video_endpoint_variant_is_named(variant):
    with python_video_endpoint(variant) as server:
        result = probe(server.url, SETTINGS)
    check_named(result, EXPECTED[variant])
    if variant == "meeting_token":
        assert "wrong_token_kind" in result.findings[0].message
    if variant == "role_type_text":  # a text role_type is the Token doctor's error, not a role ignored
        assert "role_type_not_number" in result.findings[0].message


def test_a_meeting_sdk_endpoint_probed_as_video_is_named_and_the_other_way_round():
    with python_video_endpoint() as server:
        as_meeting = probe(server.url, replace(SETTINGS, sdk="web"))
    assert "endpoint_rejects_valid" in as_meeting.codes  # no sessionName in a Meeting SDK request: 400


def test_the_command_line_probes_a_video_sdk_endpoint():
    with python_video_endpoint() as server:
        line = {"url": server.url, "sdk": "video", "sessionName": "cli session", "sdkSecret": ENDPOINT_SDK_SECRET}
        process, (output,) = run_cli("probe", [line])
    assert process.returncode == 0, process.stderr
    assert output["sdk"] == "video" and output["token_family"] == "video" and output["findings"] == []
    assert output["matrix"][0]["claims"]["tpc"] == "cli session"


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"sdk": "android"}, "sdk must be web, native or video"),
        ({"sdk": "video", "sessionName": ""}, "sessionName must be text of 1 to 200"),
        ({"sdk": "video", "sessionName": "s" * (SAMPLE_SESSION_NAME_MAX + 1)}, "sessionName must be text"),
        ({"sdk": 3}, "sdk must be a JSON string"),
    ],
)
def test_settings_say_what_to_give(record, words):
    with pytest.raises(ValueError, match=words):
        settings_from_record(record, allow_list({}))
    assert settings_from_record({"sdk": "video", "sessionName": "s" * 200}, allow_list({})).session_name == "s" * 200
