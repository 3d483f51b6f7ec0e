"""Tokens for the doctor's tests: a correct one, and one per finding code with exactly that mistake."""

import base64

from lib.signing.encoding import base64url_encode
from lib.signing.jsjson import json_stringify
from lib.signing.steps import SignatureRequest, build_signature_steps, hmac_sha256
from lib.zoom.facts import HEADER
from support.vectors import load_vectors

NOW = 1_800_000_000
KEY = "abcDEF123ghiJKL456mnoP"
SECRET = "Xy9SecretSecretSecretSecret12345-long-enough"
MN = 85746065432


class LeftOut:
    """A claim left out of good_payload. Its repr is its name, so a test id that shows it is the same in every
    process: pytest-xdist's workers must collect the same ids (scripts/test.sh)."""

    def __repr__(self):
        return "DROP"


DROP = LeftOut()


def good_payload(**changes):
    payload = {
        "appKey": KEY,
        "sdkKey": KEY,
        "mn": MN,
        "role": 0,
        "iat": NOW - 10,
        "exp": NOW - 10 + 7200,
        "tokenExp": NOW - 10 + 7200,
    }
    payload.update(changes)
    return {k: v for k, v in payload.items() if v is not DROP}


def video_payload(**changes):
    """A correct Video SDK payload, in the order Zoom's videosdk-auth-endpoint-sample writes it."""
    payload = {
        "app_key": KEY,
        "role_type": 0,
        "tpc": "Cool Cars",
        "version": 1,
        "iat": NOW - 10,
        "exp": NOW - 10 + 7200,
        "user_key": "user123",
        "session_key": "session123",
    }
    payload.update(changes)
    return {k: v for k, v in payload.items() if v is not DROP}


def native_payload(**changes):
    """A correct native Meeting SDK payload: the sample's answer to a request without meetingNumber and role."""
    return good_payload(mn=DROP, role=DROP, **changes)


def sign(payload, secret=SECRET, header=HEADER, encode=base64url_encode, encode_signature=base64url_encode):
    """A token over any payload, with the segment and signature encodings a bug might use."""
    signing_input = f"{encode(json_stringify(header).encode())}.{encode(json_stringify(payload).encode())}"
    return f"{signing_input}.{encode_signature(hmac_sha256(secret.encode(), signing_input))}"


def official_token(**changes):
    values = dict(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MN, role=0, iat=NOW - 10, exp=NOW - 10 + 7200)
    return build_signature_steps(SignatureRequest(**{**values, **changes})).token


def legacy_signature():
    mac = base64.b64encode(hmac_sha256(SECRET.encode(), "anything")).decode()
    return base64.b64encode(f"{KEY}.{MN}.1700000000000.0.{mac}".encode()).decode()


FORUM = load_vectors("forum")[0]
CALLED_WRONG = next(r for r in load_vectors("forum_called_wrong") if r.get("assembled_token"))
HEADER_B64 = base64url_encode(json_stringify(HEADER).encode())

# finding code -> (pasted text, keyword arguments of diagnose)
CASES = {
    "bare_signature": (FORUM["returned"], {}),
    "malformed_token": ("hello world", {}),
    "standard_base64": (FORUM["assembled_token"], {}),
    "invalid_json": (f"{base64url_encode(b'not json')}.{base64url_encode(b'{}')}.{'A' * 43}", {}),
    "legacy_signature_format": (legacy_signature(), {}),
    "wrong_alg": (sign(good_payload(), header={"alg": "HS512", "typ": "JWT"}), {}),
    "wrong_token_kind": (sign({"iss": KEY, "exp": NOW + 3600}), {}),
    "meeting_native_assumed": (sign(native_payload()), {}),
    "missing_tpc": (sign(video_payload(tpc=DROP)), {}),
    "tpc_too_long": (sign(video_payload(tpc="t" * 201)), {}),
    "tpc_whitespace": (sign(video_payload(tpc=" Cool Cars")), {}),
    "tpc_mismatch": (sign(video_payload()), {"session_name": "Other Cars"}),
    "missing_role_type": (sign(video_payload(role_type=DROP)), {}),
    "role_type_not_number": (sign(video_payload(role_type="1")), {}),
    "role_type_out_of_range": (sign(video_payload(role_type=2)), {}),
    "missing_version": (sign(video_payload(version=DROP)), {}),
    "user_key_too_long": (sign(video_payload(user_key="u" * 37)), {}),
    "session_key_too_long": (sign(video_payload(session_key="s" * 37)), {}),
    "missing_app_key": (sign(good_payload(appKey=DROP, sdkKey=DROP)), {}),
    "app_key_not_text": (sign(good_payload(appKey=12)), {}),
    "app_key_sdk_key_differ": (sign(good_payload(sdkKey="another")), {}),
    "app_key_is_meeting_number": (CALLED_WRONG["assembled_token"], {}),
    "meeting_number_claim_name": (sign(good_payload(mn=DROP, meetingNumber=MN)), {}),
    "missing_mn": (sign(good_payload(mn=DROP)), {}),
    "mn_not_digits": (sign(good_payload(mn="857 4606 5432")), {}),
    "missing_role": (sign(good_payload(role=DROP)), {}),
    "role_not_number": (sign(good_payload(role="1")), {}),
    "role_out_of_range": (sign(good_payload(role=2)), {}),
    "role_host_needs_zak": (sign(good_payload(role=1)), {}),
    "role_participant_for_host": (sign(good_payload(role=0)), {"host": True}),
    "missing_iat": (sign(good_payload(iat=DROP)), {}),
    "iat_in_future": (sign(good_payload(iat=NOW + 600, exp=NOW + 7800, tokenExp=NOW + 7800)), {}),
    "timestamp_milliseconds": (sign(good_payload(iat=NOW * 1000, exp=(NOW + 7200) * 1000)), {}),
    "timestamp_not_integer": (sign(good_payload(iat=NOW + 0.5)), {}),
    "missing_exp": (sign(good_payload(exp=DROP)), {}),
    "expired": (sign(good_payload(iat=NOW - 9000, exp=NOW - 1800, tokenExp=NOW - 1800)), {}),
    "lifetime_too_short": (sign(good_payload(exp=NOW + 600, tokenExp=NOW + 600)), {}),
    "lifetime_too_long": (sign(good_payload(exp=NOW + 3 * 86400, tokenExp=NOW + 3 * 86400)), {}),
    "missing_token_exp": (sign(good_payload(tokenExp=DROP)), {}),
    "token_exp_too_short": (sign(good_payload(tokenExp=NOW + 60)), {}),
    "webrtc_mode_invalid": (sign(good_payload(video_webrtc_mode=2)), {}),
    "unknown_claims": (sign(good_payload(userName="x")), {}),
    "input_cleaned": (f'"{official_token()}"', {}),
    "secret_trimmed": (official_token(), {"secret": SECRET + "\n"}),
    "secret_not_usable": (official_token(), {"secret": "bad\ud800secret"}),
    "app_key_mismatch": (official_token(), {"sdk_key": "OtherAppKey0123456789"}),
    "app_key_is_secret": (sign(good_payload(appKey=SECRET), secret=KEY), {"secret": SECRET}),
    "secret_in_token": (sign(good_payload(debug={"note": "signed with " + SECRET[3:14]})), {"secret": SECRET}),
    "mn_mismatch": (official_token(), {"meeting_number": "123 456 7890"}),
    "meeting_number_unreadable": (official_token(), {"meeting_number": "abc"}),
    "signature_not_verified": (official_token(), {}),
    "signature_valid": (official_token(), {"secret": SECRET}),
    "signature_mismatch": (official_token(), {"secret": "another-secret-of-the-same-length-0123456"}),
    "signature_wrong_length": (official_token().rsplit(".", 1)[0] + "." + "ab" * 32, {}),
}
