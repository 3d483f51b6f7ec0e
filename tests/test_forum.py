"""The forum snippet's emulation against the public vectors, byte for byte, through lib and the CLI."""

import base64
import hashlib
import hmac
import json

import jwt
import pytest

from lib.javascript.forum import (
    BtoaError,
    JsError,
    cryptojs_key_bytes,
    drop_undefined,
    forum_call,
    forum_signature,
    js_btoa,
    js_to_string,
)
from lib.signing.steps import ABSENT, SignatureRequest
from support.cli import run_cli
from support.vectors import load_vectors

FORUM_VARIANTS = ("forum", "forum_called_wrong", "btoa_unicode")
# vector field -> BuggySteps attribute
STEP_FIELDS = {
    "header_json": "header_json",
    "payload_json": "payload_json",
    "encodedHeader": "header_b64",
    "encodedPayload": "payload_b64",
    "signingInput": "signing_input",
    "signature": "signature",
    "returned": "returned",
    "assembled_token": "token",
    "hmac_key_hex": "hmac_key_hex",
}
# vector field -> CLI output field
CLI_FIELDS = {**{k: v for k, v in STEP_FIELDS.items() if k != "hmac_key_hex"}, "failed_at": "step"}


def forum_rows():
    return [row for variant in FORUM_VARIANTS for row in load_vectors(variant)]


def request_of(row):
    given = row["input"]
    return SignatureRequest(
        given.get("key", ABSENT),
        given.get("secret", ABSENT),
        given.get("meetingNumber", ABSENT),
        given.get("role", ABSENT),
        given.get("iat", ABSENT),
        given.get("exp", ABSENT),
    )


def replay(row):
    signer = forum_call if row["variant"] == "forum_called_wrong" else forum_signature
    return signer(request_of(row))


def test_there_are_rows_of_every_forum_variant():
    assert {row["variant"] for row in forum_rows()} == set(FORUM_VARIANTS)


@pytest.mark.parametrize("row", forum_rows(), ids=lambda row: row["id"])
def test_vector_row_byte_for_byte(row):
    steps = replay(row)
    for field, attr in STEP_FIELDS.items():
        if field in row:
            assert getattr(steps, attr) == row[field], field
        else:
            assert getattr(steps, attr) is None, f"{attr} computed although JavaScript threw before it"
    if "error" in row:
        assert steps.error.as_dict() == row["error"]
        assert steps.failed_at == row["failed_at"]
    else:
        assert steps.error is None and steps.failed_at is None


@pytest.mark.parametrize("row", load_vectors("btoa_unicode"), ids=lambda row: row["id"])
def test_btoa_reports_the_code_units_it_refuses(row):
    error = replay(row).error
    assert isinstance(error, BtoaError)
    assert [{"index": v.index, "code_unit": v.code_unit} for v in error.violations] == row["code_units_above_0xFF"]


# The forum's call signs with the key "1": a short key is the point of that row.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("row", [r for r in forum_rows() if "signature" in r], ids=lambda row: row["id"])
def test_mac_is_hmac_sha256_of_the_signing_input_and_repairing_it_gives_the_vectors_repaired_token(row):
    steps = replay(row)
    key = bytes.fromhex(steps.hmac_key_hex)
    assert steps.hmac_hex == hmac.new(key, steps.signing_input.encode(), hashlib.sha256).hexdigest()
    repaired = steps.token.replace("+", "-").replace("/", "_").replace("=", "")
    assert repaired == row["repaired_token"]
    if row["verify"]["repaired_jsonwebtoken"]["ok"]:  # PyJWT agrees with jsonwebtoken on the repaired token
        assert jwt.decode(repaired, key, algorithms=["HS256"], options={"verify_exp": False})


def sign_cli(records):
    return run_cli("sign", records, "--now", "1700000100")


def cli_record(row):
    names = {"key": "sdkKey", "secret": "sdkSecret"}
    return {names.get(k, k): v for k, v in row["input"].items() if k != "note"}


def test_cli_reproduces_every_forum_vector_and_fails_on_throws():
    rows = forum_rows()
    process, outputs = sign_cli([cli_record(row) for row in rows])
    assert process.returncode == 1  # two rows throw in JavaScript
    assert "Traceback" not in process.stderr
    for row, output in zip(rows, outputs, strict=True):
        assert output["id"] == row["id"]
        for field, name in CLI_FIELDS.items():
            assert output.get(name) == row.get(field), (row["id"], name)
        assert output.get("error") == row.get("error")
        if "signature" in row:  # hmac_hex is the signature's bytes in hex
            assert bytes.fromhex(output["hmac_hex"]) == base64.b64decode(row["signature"])
        assert row["input"]["secret"] not in json.dumps(output)


def test_cli_forum_rows_without_a_throw_exit_zero():
    rows = [r for r in forum_rows() if "error" not in r]
    process, outputs = sign_cli([cli_record(row) for row in rows])
    assert process.returncode == 0 and len(outputs) == len(rows)


def test_cli_forum_fills_the_snippets_own_clock_and_allows_an_undefined_secret():
    _, [output] = sign_cli([{"sdkKey": "k", "meetingNumber": 1, "role": 0, "variant": "forum"}])
    payload = json.loads(output["payload_json"])
    assert (payload["iat"], payload["exp"]) == (1700000100 - 30, 1700000100 - 30 + 7200)
    assert output["error"] == {
        "name": "TypeError",
        "message": "Cannot read properties of undefined (reading 'sigBytes')",
    }
    assert output["step"] == "CryptoJS.HmacSHA256" and "returned" not in output


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (1, "key.clamp is not a function"),
        (1.5, "key.clamp is not a function"),
        (True, "key.clamp is not a function"),
        ({}, "key.clamp is not a function"),
        ([], "key.clamp is not a function"),
        (None, "Cannot read properties of null (reading 'sigBytes')"),
        (ABSENT, "Cannot read properties of undefined (reading 'sigBytes')"),
    ],
)
def test_crypto_js_key_handling_of_non_strings(key, message):
    with pytest.raises(JsError) as caught:
        cryptojs_key_bytes(key)
    assert (caught.value.name, caught.value.message, caught.value.failed_at) == (
        "TypeError",
        message,
        "CryptoJS.HmacSHA256",
    )


def test_crypto_js_string_keys_are_utf8_and_a_lone_surrogate_is_a_uri_error():
    assert cryptojs_key_bytes("é1") == "é1".encode()
    with pytest.raises(JsError) as caught:
        cryptojs_key_bytes("ab\ud800")
    assert caught.value.as_dict() == {"name": "URIError", "message": "URI malformed"}


def test_crypto_js_key_object_with_sig_bytes_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="not emulated"):
        cryptojs_key_bytes({"sigBytes": 100})


def test_btoa_is_latin1_not_utf8_and_refuses_beyond_latin1():
    assert js_btoa("é", "x") == "6Q=="  # one byte e9; UTF-8 would be w6k=
    assert js_btoa("undefined", "x") == "dW5kZWZpbmVk"
    with pytest.raises(BtoaError) as caught:
        js_btoa("aĀ", "payload")
    assert caught.value.failed_at == "btoa(payload)" and caught.value.as_dict()["code"] == 5


def test_json_stringify_escapes_lone_surrogates_so_btoa_never_sees_them():
    steps = forum_signature(SignatureRequest("k\udc00", "secret-0123456789-0123456789-abcd", 1, 0, 1, 7201))
    assert "\\udc00" in steps.payload_json and steps.error is None


def test_undefined_properties_are_dropped_and_null_is_kept():
    assert drop_undefined({"a": ABSENT, "b": None, "c": 0}) == {"b": None, "c": 0}
    steps = forum_signature(SignatureRequest("k", "secret-0123456789-0123456789-abcd", ABSENT, None, 1, 7201))
    assert json.loads(steps.payload_json) == {"appKey": "k", "sdkKey": "k", "role": None, "iat": 1, "exp": 7201}


def test_string_conversion_follows_javascript():
    values = [ABSENT, None, True, 1.0, 2**53 + 1, [1, None, [2, 3]], {"a": 1}, "x"]
    assert [js_to_string(v) for v in values] == [
        "undefined",
        "null",
        "true",
        "1",
        "9007199254740992",
        "1,,2,3",
        "[object Object]",
        "x",
    ]
