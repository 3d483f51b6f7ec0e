"""A Video SDK signer written as zoom/videosdk-auth-endpoint-sample signs (tests/js/videosdk_sample_signer.js:
npm jsrsasign, the request's numbers coerced with parseInt, the payload in the sample's order) against our Python
signing, byte for byte.

Our side is lib.signing's steps (encode_segment: JSON as JSON.stringify writes it, base64url; hmac_sha256; the
key bytes jsrsasign uses) over the Video SDK payload in the sample's order. `families`' Video SDK signer (issue 20)
is not on this branch: when it lands, it must give these same tokens. PyJWT is the independent check: the same
bytes for ASCII claims, and, for a non-ASCII session name, the same claims in other bytes (PyJWT escapes non-ASCII
as \\uXXXX, JSON.stringify writes UTF-8), so byte equality there needs JSON.stringify's text.
"""

import json
import subprocess

import jwt
import pytest

from lib.signing.encoding import base64url_encode, jsrsasign_key_bytes, utf8_bytes
from lib.signing.steps import encode_segment, hmac_sha256
from support.endpoint_servers import require_node
from support.paths import ROOT

pytestmark = pytest.mark.node  # every test here runs the sample's signer on Node

KEY = "VideoCrossCheckKey012345"
SECRET = "video-cross-check-secret-Qw8Er6Ty4Ui2Op0As"  # 42 bytes
NOW = 1_800_000_000
NUMBERS = ("role", "expirationSeconds")  # of the fields the sample coerces with parseInt, those these cases send
SAMPLE_ORDER = ("app_key", "role_type", "tpc", "version", "iat", "exp", "user_identity", "session_key", "geo_regions")
CASES = [
    ("ascii", {"sessionName": "Cross check", "role": 1}, SECRET),
    ("role_as_text", {"sessionName": "Cross check", "role": "0", "expirationSeconds": "3600"}, SECRET),
    ("optional_claims", {"sessionName": "s", "role": 0, "userIdentity": "u-1", "sessionKey": "k-1"}, SECRET),
    ("geo_regions", {"sessionName": "s", "role": 0, "geoRegions": "US, DE"}, SECRET),
    ("non_ascii_session", {"sessionName": "Café ☕ 会议 \U0001f600", "role": 1}, SECRET),
    ("hex_secret", {"sessionName": "s", "role": 1}, "ab" * 32),  # 64 hex digits: 32 key bytes to jsrsasign
]


def node_tokens(cases) -> list[str]:
    require_node()
    spec = [{"body": body, "now": NOW, "key": KEY, "secret": secret} for _, body, secret in cases]
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "videosdk_sample_signer.js")],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT / "tests" / "js",
    )
    assert run.returncode == 0, run.stderr
    return [result["token"] for result in json.loads(run.stdout)]


def sample_payload(body: dict) -> dict:
    """The claims the sample writes for a request body, in its order (what JSON.stringify keeps)."""
    number = {name: int(body[name]) if isinstance(body.get(name), str) else body.get(name) for name in NUMBERS}
    regions = body.get("geoRegions")
    values = {
        "app_key": KEY,
        "role_type": number["role"],
        "tpc": body["sessionName"],
        "version": 1,
        "iat": NOW,
        "exp": NOW + (number.get("expirationSeconds") or 7200),
        "user_identity": body.get("userIdentity"),
        "session_key": body.get("sessionKey"),
        "geo_regions": ",".join(r.strip() for r in regions.split(",")) if regions else None,
    }
    return {claim: values[claim] for claim in SAMPLE_ORDER if values[claim] is not None}


def our_token(payload: dict, secret: str) -> str:
    """Our signing steps over a Video SDK payload, with the HMAC key bytes jsrsasign uses."""
    _, header_b64 = encode_segment({"alg": "HS256", "typ": "JWT"})
    _, payload_b64 = encode_segment(payload)
    signing_input = f"{header_b64}.{payload_b64}"
    return f"{signing_input}.{base64url_encode(hmac_sha256(jsrsasign_key_bytes(secret), signing_input))}"


@pytest.fixture(scope="module")
def sample_tokens():
    return dict(zip([name for name, _, _ in CASES], node_tokens(CASES), strict=True))


@pytest.mark.parametrize(("name", "body", "secret"), CASES, ids=[c[0] for c in CASES])
def test_our_video_sdk_signing_matches_the_samples_token_byte_for_byte(name, body, secret, sample_tokens):
    assert our_token(sample_payload(body), secret) == sample_tokens[name]


@pytest.mark.parametrize(("name", "body", "secret"), CASES, ids=[c[0] for c in CASES])
def test_pyjwt_reads_the_samples_claims_and_agrees_byte_for_byte_on_ascii(name, body, secret, sample_tokens):
    token = sample_tokens[name]
    key = jsrsasign_key_bytes(secret)
    claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})
    assert list(claims) == list(sample_payload(body)) and claims == sample_payload(body)
    assert isinstance(claims["role_type"], int) and claims["version"] == 1
    made = jwt.encode(sample_payload(body), key, algorithm="HS256", headers={"typ": "JWT"})
    assert (made == token) == (name != "non_ascii_session")  # PyJWT writes \\uXXXX where JSON.stringify writes UTF-8


def test_the_hex_secret_is_jsrsasigns_quirk_not_utf8():
    """The sample's key for an all-hex secret is the hex decoded: a UTF-8 signer gives another token."""
    name, body, secret = CASES[-1]
    token = node_tokens([CASES[-1]])[0]
    payload = sample_payload(body)
    _, header_b64 = encode_segment({"alg": "HS256", "typ": "JWT"})
    _, payload_b64 = encode_segment(payload)
    signing_input = f"{header_b64}.{payload_b64}"
    utf8_signed = f"{signing_input}.{base64url_encode(hmac_sha256(utf8_bytes(secret), signing_input))}"
    assert utf8_signed != token == our_token(payload, secret)


def test_the_cross_check_fails_on_a_changed_claim_order(sample_tokens):
    """A test that cannot fail is a defect: the same claims in another order are other bytes."""
    payload = sample_payload(CASES[0][1])
    swapped = {"tpc": payload.pop("tpc"), **payload}
    assert our_token(swapped, SECRET) != sample_tokens["ascii"]
