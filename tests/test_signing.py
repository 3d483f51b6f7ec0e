"""Our step-by-step signer against the JavaScript signers' vectors and PyJWT."""

import json
import sys

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.signing import steps
from lib.signing.encoding import jsrsasign_hmac_key, jsrsasign_key_bytes
from lib.signing.jsjson import js_number, json_stringify
from lib.signing.steps import ABSENT, SIGNING_STEPS, SignatureRequest, SignatureSteps, build_signature_steps
from lib.zoom.families import ALL_FAMILIES
from support.vectors import load_vectors

SECRET = "Xy9SecretSecretSecretSecret12345-long-enough"


def request_from_vector(row):
    given_input = row["input"]
    return SignatureRequest(
        sdk_key=given_input.get("key", ABSENT),
        sdk_secret=given_input["secret"],
        meeting_number=given_input.get("meetingNumber", ABSENT),
        role=given_input.get("role", ABSENT),
        iat=given_input.get("iat", ABSENT),
        exp=given_input.get("exp", ABSENT),
        token_exp=given_input.get("tokenExp", ABSENT),
        video_webrtc_mode=given_input.get("videoWebRtcMode", ABSENT),
    )


SIGNED_ROWS = load_vectors("official")  # Zoom's sample (jsrsasign), each also verified by npm jsonwebtoken
UTF8_KEYED_ROWS = [r for r in SIGNED_ROWS if r.get("hmac_key_is_utf8_of_secret", True)]
QUIRK_ROWS = [r for r in SIGNED_ROWS if not r.get("hmac_key_is_utf8_of_secret", True)]


def test_vectors_are_present():
    assert len(UTF8_KEYED_ROWS) >= 6 and QUIRK_ROWS


@pytest.mark.parametrize("row", UTF8_KEYED_ROWS, ids=lambda r: r["id"])
def test_every_step_matches_the_javascript_signer(row):
    steps = build_signature_steps(request_from_vector(row))
    assert steps.header_json == row["header_json"]
    assert steps.payload_json == row["payload_json"]
    assert steps.header_b64 == row["encodedHeader"]
    assert steps.payload_b64 == row["encodedPayload"]
    assert steps.signing_input == row["signingInput"]
    assert steps.signature == row["signature"]
    assert steps.token == row["token"] == steps.returned
    assert steps.hmac_key_length == len(bytes.fromhex(row["hmac_key_hex"]))


@pytest.mark.parametrize("row", SIGNED_ROWS, ids=lambda r: r["id"])
def test_pyjwt_gives_the_same_bytes(row):
    steps = build_signature_steps(request_from_vector(row))
    payload = json.loads(steps.payload_json)
    assert jwt.encode(payload, row["input"]["secret"], algorithm="HS256") == steps.token


@pytest.mark.parametrize("row", QUIRK_ROWS, ids=lambda r: r["id"])
def test_hex_looking_secret_is_keyed_as_utf8_unlike_jsrsasign(row):
    """We key with UTF-8 (as PyJWT and jsonwebtoken); jsrsasign parses all-hex secrets as hex."""
    secret = row["input"]["secret"]
    ours = build_signature_steps(request_from_vector(row))
    assert ours.signature == row["signature_with_utf8_key"] != row["signature"]
    mode, key = jsrsasign_hmac_key(secret)
    assert (mode, key.hex()) == (row["hmac_key_mode"], row["hmac_key_hex"])
    official = build_signature_steps(request_from_vector(row), jsrsasign_key_bytes)
    assert official.token == row["token"]


@pytest.mark.parametrize("row", SIGNED_ROWS, ids=lambda r: r["id"])
def test_jsrsasign_key_bytes_match_every_row(row):
    assert jsrsasign_hmac_key(row["input"]["secret"])[1].hex() == row["hmac_key_hex"]


def test_tokenexp_follows_exp_unless_null():
    base = dict(sdk_key="k", sdk_secret=SECRET, meeting_number=1, role=0, iat=10, exp=7210)
    assert json.loads(build_signature_steps(SignatureRequest(**base)).payload_json)["tokenExp"] == 7210
    without = json.loads(build_signature_steps(SignatureRequest(**base, token_exp=None)).payload_json)
    assert "tokenExp" not in without
    explicit = json.loads(build_signature_steps(SignatureRequest(**base, token_exp=99)).payload_json)
    assert explicit["tokenExp"] == 99


def test_claims_keep_the_official_order_and_skip_absent_ones():
    steps = build_signature_steps(SignatureRequest("k", SECRET, "123", iat=1, exp=1801, video_webrtc_mode=1))
    assert list(json.loads(steps.payload_json)) == [
        "appKey",
        "sdkKey",
        "mn",
        "iat",
        "exp",
        "tokenExp",
        "video_webrtc_mode",
    ]


def test_non_ascii_stays_utf8_and_pyjwt_still_verifies():
    steps = build_signature_steps(SignatureRequest("clé-日本", SECRET, 85746065432, 0, 1700000000, 1700007200))
    assert '"appKey":"clé-日本"' in steps.payload_json
    assert jwt.utils.base64url_decode(steps.payload_b64).decode("utf-8") == steps.payload_json
    # PyJWT writes \\u escapes, so the bytes differ, but it verifies our token and reads the same claims.
    claims = jwt.decode(steps.token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["appKey"] == "clé-日本"


def test_secret_is_not_in_the_request_repr():
    assert SECRET not in repr(SignatureRequest("k", SECRET, 1, 0, 1, 2))


def test_lone_surrogate_is_a_clear_error_without_the_value():
    with pytest.raises(ValueError, match="unpaired UTF-16 surrogate"):
        build_signature_steps(SignatureRequest("k", "abc\ud800def", 1, 0, 1, 2))


def test_every_step_names_a_field_and_a_real_function():
    fields = set(SignatureSteps.__dataclass_fields__)
    order = list(SignatureSteps.__dataclass_fields__)
    positions = [order.index(s.field) for s in SIGNING_STEPS]
    assert positions == sorted(positions), "steps are listed in the order they are computed"
    assert all(s.field in fields and s.functions and all(map(callable, s.functions)) for s in SIGNING_STEPS)


def functions_called(run):
    """The functions (not comprehensions) that ran during run(): sys.setprofile sees every Python call."""
    called = set()

    def profile(frame, event, _arg):
        if event == "call" and not frame.f_code.co_name.startswith("<"):
            called.add(frame.f_code)

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return called


@pytest.mark.parametrize("family", ALL_FAMILIES)
def test_the_code_shown_for_the_steps_is_the_code_that_ran(family):
    """The builder shows each step's functions: every one ran to sign this family's token, and every function of
    the signer (lib/signing/steps.py) that ran is shown."""
    request = SignatureRequest("k", SECRET, 85746065432, 0, 1, 7201, family=family, session_name="s")
    called = functions_called(lambda: build_signature_steps(request))
    shown = {function.__code__ for step in SIGNING_STEPS for function in step.functions}
    signer = {code for code in called if code.co_filename == steps.__file__}
    assert signer and signer <= shown <= called


@pytest.mark.parametrize(
    ("value", "javascript"),
    [
        (1.0, "1"),
        (1e21, "1e+21"),
        (1e-7, "1e-7"),
        (0.00001, "0.00001"),
        (0.000001, "0.000001"),
        (1e16, "10000000000000000"),
        (-2.5e-8, "-2.5e-8"),
        (123.456, "123.456"),
        (2**53 + 1, "9007199254740992"),
        (float("nan"), "null"),
        (True, "true"),
    ],
)
def test_numbers_are_written_as_javascript_writes_them(value, javascript):
    assert js_number(value) == javascript


def test_json_stringify_escapes_lone_surrogates_like_es2019():
    assert json_stringify({"a": "x\ud83d", "b": [1, None, "é\n"]}) == '{"a":"x\\ud83d","b":[1,null,"é\\n"]}'


ascii_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


@settings(max_examples=150)
@given(
    key=ascii_text,
    secret=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=32, max_size=64),
    mn=st.one_of(st.integers(1, 10**12), st.from_regex(r"[0-9]{9,11}", fullmatch=True)),
    role=st.sampled_from([0, 1, "0", "1"]),
    iat=st.integers(0, 2**31),
    lifetime=st.integers(0, 200000),
    webrtc=st.sampled_from([ABSENT, 0, 1]),
)
def test_pyjwt_agrees_on_any_ascii_request(key, secret, mn, role, iat, lifetime, webrtc):
    request = SignatureRequest(key, secret, mn, role, iat, iat + lifetime, video_webrtc_mode=webrtc)
    steps = build_signature_steps(request)
    assert jwt.encode(json.loads(steps.payload_json), secret, algorithm="HS256") == steps.token
