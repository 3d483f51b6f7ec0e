"""`python -m lib sign`: JSON Lines in, JSON Lines out, in order, secrets never echoed."""

import json
import subprocess
import sys

import jwt
import pytest

from support.cli import run_cli
from support.paths import ROOT
from support.vectors import load_vectors

SECRET = "cli-test-secret-0123456789-abcdefghij"
VECTOR_FIELDS = {
    "header_json": "header_json",
    "payload_json": "payload_json",
    "header_b64": "encodedHeader",
    "payload_b64": "encodedPayload",
    "signing_input": "signingInput",
    "signature": "signature",
    "token": "token",
    "returned": "returned",
}
INPUT_NAMES = {"key": "sdkKey", "secret": "sdkSecret"}


def run_sign(lines, *args):
    return run_cli("sign", lines, *args)


def cli_record(row, variant=None):
    record = {INPUT_NAMES.get(k, k): v for k, v in row["input"].items() if k not in ("id", "variant", "note")}
    if variant:
        record["variant"] = variant
    return record


def ascii_rows():
    return [
        r
        for r in load_vectors("official")
        if r["input"]["secret"].isascii() and r.get("hmac_key_is_utf8_of_secret", True)
    ]


def test_cli_reproduces_every_ascii_secret_vector_in_order():
    rows = ascii_rows()
    process, outputs = run_sign([cli_record(r) for r in rows], "--now", "1700000100")
    assert process.returncode == 0, process.stderr
    assert len(outputs) == len(rows)
    for row, output in zip(rows, outputs, strict=True):
        for ours, theirs in VECTOR_FIELDS.items():
            assert output[ours] == row[theirs], (row["id"], ours)
        assert output["hmac_hex"] == jwt.utils.base64url_decode(row["signature"]).hex()


def test_official_variant_reproduces_jsrsasign_even_for_hex_secrets():
    rows = [r for r in load_vectors("official")]
    _, outputs = run_sign([cli_record(r, "official") for r in rows], "--now", "1700000100")
    assert [o["token"] for o in outputs] == [r["token"] for r in rows]


def test_types_are_kept_and_defaults_filled():
    _, [string_role, defaults] = run_sign(
        [
            {"sdkKey": "k", "sdkSecret": SECRET, "meetingNumber": "857", "role": "1", "iat": 100, "exp": 7300},
            {"sdkKey": "k", "sdkSecret": SECRET, "meetingNumber": 857, "role": 0},
        ],
        "--now",
        "1800000000",
    )
    assert '"mn":"857","role":"1"' in string_role["payload_json"]
    assert "role_not_number" in {w["code"] for w in string_role["warnings"]}
    assert "expired" in {w["code"] for w in string_role["warnings"]}
    payload = json.loads(defaults["payload_json"])
    assert (payload["iat"], payload["exp"], payload["tokenExp"]) == (1800000000, 1800007200, 1800007200)
    assert defaults["warnings"] == []


def test_missing_fields_are_absent_and_null_token_exp_drops_the_claim():
    line = {"sdkSecret": SECRET, "iat": 1, "exp": 7201, "tokenExp": None}
    _, [unstated, web] = run_sign([line, {**line, "sdk": "web"}], "--now", "1")
    assert json.loads(unstated["payload_json"]) == json.loads(web["payload_json"]) == {"iat": 1, "exp": 7201}
    # no mn and no role: a native token unless the Web SDK is said to join with it
    assert unstated["token_family"] == "meeting_native" and web["token_family"] == "meeting_web"
    assert {"missing_app_key", "meeting_native_assumed", "missing_token_exp"} <= {
        w["code"] for w in unstated["warnings"]
    }
    assert not {"missing_mn", "missing_role"} & {w["code"] for w in unstated["warnings"]}
    assert {"missing_app_key", "missing_mn", "missing_role", "missing_token_exp"} <= {
        w["code"] for w in web["warnings"]
    }


def test_bad_lines_fail_alone_and_the_exit_status_says_so():
    process, outputs = run_sign(
        [
            "{not json",
            "[1, 2]",
            {"sdkKey": "k"},
            {"sdkSecret": 7},
            {"sdkSecret": SECRET, "variant": "nope"},
            {"sdkSecret": SECRET, "sdkKey": "ok"},
        ],
    )
    assert process.returncode == 1
    assert [o.get("step") for o in outputs] == ["parse", "parse", "input", "input", "variant", None]
    assert all(set(o["error"]) == {"name", "message"} for o in outputs[:5])
    assert "token" in outputs[5]


def test_id_is_echoed_and_secret_never_printed():
    process, [output] = run_sign([{"id": "row-1", "sdkKey": "k", "sdkSecret": SECRET, "role": 9}])
    assert output["id"] == "row-1"
    assert SECRET not in process.stdout and SECRET not in process.stderr


def test_lone_surrogate_secret_is_an_error_not_a_traceback():
    process, [output] = run_sign(['{"sdkKey": "k", "sdkSecret": "ab\\ud800cd"}'])
    assert output["step"] == "encode" and "surrogate" in output["error"]["message"]
    assert "Traceback" not in process.stderr


def test_reads_a_file_and_reports_a_missing_one(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"sdkKey": "k", "sdkSecret": SECRET, "meetingNumber": 1, "role": 0}) + "\n\n")
    ok = subprocess.run(
        [sys.executable, "-m", "lib", "sign", "--input", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert ok.returncode == 0 and len(ok.stdout.splitlines()) == 1
    missing = subprocess.run(
        [sys.executable, "-m", "lib", "sign", "--input", str(tmp_path / "no")], capture_output=True, text=True, cwd=ROOT
    )
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("word", ["sdkSecret", "tokenExp", "videoWebRtcMode", "variant", "warnings", "exit status"])
def test_help_explains_the_format(word):
    help_text = subprocess.run(
        [sys.executable, "-m", "lib", "sign", "--help"], capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert word in help_text
