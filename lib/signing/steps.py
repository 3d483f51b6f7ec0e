"""The correct signer for every Zoom SDK token family, one visible step at a time.

Each step is its own small function so the builder page can show the exact code that ran.
The result matches Zoom's official sample (jsrsasign) byte for byte for ASCII secrets that are
not all-hex, and PyJWT's jwt.encode for any payload with ASCII-only text.
"""

import hashlib
import hmac
import time
from dataclasses import asdict, dataclass, field

from lib.signing.encoding import base64url_encode, utf8_bytes
from lib.signing.jsjson import json_stringify
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, HEADER
from lib.zoom.families import CLAIMS, FAMILIES, KEY, MEETING_WEB, ROLE, VIDEO


class Absent:
    """Marks a field that is left out of the payload (different from JSON null)."""

    def __repr__(self):
        return "ABSENT"

    def __bool__(self):
        return False


ABSENT = Absent()


@dataclass(frozen=True)
class SignatureRequest:
    """What the signer is asked to sign: the family's claims from these values. Values keep the JSON types they
    were given (a "1" role stays a string) so wrong inputs can be demonstrated; ABSENT leaves a claim out.
    `family`: the token family (lib.zoom.families); None is a Meeting SDK token whose family the rule book works
    out (web with mn and role, native without). `claims`: any other claim by its name (a Video SDK option, or a
    claim of the wrong family to demonstrate that mistake), signed after the family's own."""

    sdk_key: object
    sdk_secret: object = field(repr=False)  # never in a repr, a log or an exception message
    meeting_number: object = ABSENT
    role: object = ABSENT
    iat: object = ABSENT
    exp: object = ABSENT
    token_exp: object = ABSENT  # ABSENT: equal to exp; None: no tokenExp claim
    video_webrtc_mode: object = ABSENT
    family: str | None = None
    session_name: object = ABSENT  # the Video SDK's tpc
    version: object = ABSENT  # the Video SDK's version: ABSENT signs 1 as the sample does; None leaves it out
    user_key: object = ABSENT
    session_key: object = ABSENT
    claims: dict = field(default_factory=dict)


# The request's attribute for each claim that has one (the key and the role go by their kind, whatever the family
# names them); any other claim travels in `claims` by its name.
CLAIM_ATTRIBUTES = {
    "mn": "meeting_number",
    "iat": "iat",
    "exp": "exp",
    "video_webrtc_mode": "video_webrtc_mode",
    "tpc": "session_name",
    "version": "version",
    "user_key": "user_key",
    "session_key": "session_key",
}
KIND_ATTRIBUTES = {KEY: "sdk_key", ROLE: "role"}


def request_from_claims(family: str | None, sdk_secret, claims: dict) -> SignatureRequest:
    """A request that signs exactly `claims` (name -> value) for the family: each claim goes to the request's
    attribute for it, any other by its name; a claim not given is left out (`version` too)."""
    named, others = {"version": None}, {}
    for name, value in claims.items():
        known = CLAIMS.get(name)
        attribute = CLAIM_ATTRIBUTES.get(name) or (known and KIND_ATTRIBUTES.get(known.kind))
        if attribute:
            named[attribute] = value
        else:
            others[name] = value
    return SignatureRequest(
        sdk_key=named.pop("sdk_key", ABSENT), sdk_secret=sdk_secret, family=family, claims=others, **named
    )


# The steps of a signature (its rows on every page), in the order they are computed; `returned` is what
# the signing function hands back (the token, or for a buggy signer sometimes the MAC alone).
STEPS = (
    "header_json",
    "payload_json",
    "header_b64",
    "payload_b64",
    "signing_input",
    "hmac_hex",
    "signature",
    "token",
    "returned",
)


@dataclass(frozen=True)
class SignatureSteps:
    """Every intermediate value of a signature, in the order they are computed."""

    header_json: str
    header_b64: str
    payload_json: str
    payload_b64: str
    signing_input: str
    hmac_key_length: int
    hmac_hex: str
    signature: str
    token: str
    returned: str

    def as_dict(self):
        return asdict(self)


def default_times(now=None, lifetime=DEFAULT_LIFETIME_SECONDS, skew=0):
    """iat and exp as the official sample sets them: iat = now (minus an optional skew allowance)."""
    iat = int(time.time() if now is None else now) - skew
    return iat, iat + lifetime


def build_header():
    return dict(HEADER)


def build_payload(request: SignatureRequest) -> dict:
    """The family's claims in its official sample's order, then any other claims given; tokenExp (Meeting SDK)
    follows exp and version (Video SDK) is 1 unless told otherwise."""
    family = FAMILIES[request.family or MEETING_WEB]
    token_exp = request.exp if request.token_exp is ABSENT else request.token_exp
    by_kind = {kind: getattr(request, attribute) for kind, attribute in KIND_ATTRIBUTES.items()}
    values = {claim: getattr(request, attribute) for claim, attribute in CLAIM_ATTRIBUTES.items()}
    values.update(
        tokenExp=ABSENT if request.token_exp is None else token_exp,
        version=version_claim(request.version, family),
        **request.claims,
    )
    payload = {}
    for claim in family.claims:
        value = values.get(claim, by_kind.get(CLAIMS[claim].kind, ABSENT))
        if value is not ABSENT:
            payload[claim] = value
    payload.update((claim, value) for claim, value in request.claims.items() if value is not ABSENT)
    return payload


def version_claim(version, family):
    """The Video SDK's version claim: the sample's 1 unless given; None leaves it out."""
    if version is ABSENT:
        return 1 if family.id == VIDEO else ABSENT
    return ABSENT if version is None else version


def encode_segment(obj: dict) -> tuple[str, str]:
    """JSON text as JSON.stringify writes it, then base64url of its UTF-8 bytes."""
    text = json_stringify(obj)
    return text, base64url_encode(utf8_bytes(text))


def hmac_sha256(key: bytes, signing_input: str) -> bytes:
    """HMAC-SHA256 over the ASCII signing input."""
    return hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()


def build_signature_steps(request: SignatureRequest, secret_to_key=utf8_bytes) -> SignatureSteps:
    """Sign a request the correct way and keep every intermediate value.

    `secret_to_key` turns the secret into HMAC key bytes: UTF-8 (PyJWT, jsonwebtoken), or
    `jsrsasign_key_bytes` to reproduce the official sample's quirks for hex and non-ASCII secrets.
    """
    if not isinstance(request.sdk_secret, str):
        raise TypeError(f"the SDK secret must be text, not {type(request.sdk_secret).__name__}")
    header_json, header_b64 = encode_segment(build_header())
    payload_json, payload_b64 = encode_segment(build_payload(request))
    signing_input = f"{header_b64}.{payload_b64}"
    key = secret_to_key(request.sdk_secret)
    mac = hmac_sha256(key, signing_input)
    signature = base64url_encode(mac)
    token = f"{signing_input}.{signature}"
    return SignatureSteps(
        header_json=header_json,
        header_b64=header_b64,
        payload_json=payload_json,
        payload_b64=payload_b64,
        signing_input=signing_input,
        hmac_key_length=len(key),
        hmac_hex=mac.hex(),
        signature=signature,
        token=token,
        returned=token,
    )


@dataclass(frozen=True)
class StepInfo:
    """How to present one signing step: the SignatureSteps field, a title, the functions that
    compute it (their source is shown to the user) and why the step exists."""

    field: str
    title: str
    functions: tuple
    explanation: str


SIGNING_STEPS = (
    StepInfo(
        "header_json",
        "Header JSON",
        (build_header,),
        "Always the same two members, written with no spaces as JSON.stringify does: HS256 means "
        "HMAC with SHA-256, the only algorithm Zoom accepts for SDK signatures.",
    ),
    StepInfo(
        "header_b64",
        "Header, base64url",
        (encode_segment,),
        "The UTF-8 bytes of the header JSON in base64url: '-' and '_' instead of '+' and '/', and no '=' "
        "padding. Standard base64 (btoa) is the most common reason Zoom refuses a signature (the Web Meeting "
        "SDK's 3712).",
    ),
    StepInfo(
        "payload_json",
        "Payload JSON",
        (build_payload, version_claim),
        "The claims in the order Zoom's official sample writes them. Meeting SDK: appKey is the Client ID of a "
        "Meeting SDK app, mn the meeting number (digits only; native apps leave mn and role out), role 0 for a "
        "participant or 1 for a host, iat/exp/tokenExp epoch seconds. Video SDK: app_key, role_type, tpc (the "
        "session name), version 1, iat, exp. Non-ASCII text stays UTF-8, as in JavaScript.",
    ),
    StepInfo(
        "payload_b64",
        "Payload, base64url",
        (encode_segment,),
        "Same encoding as the header. Any change to the payload, even a space, changes the signature.",
    ),
    StepInfo(
        "signing_input",
        "Signing input",
        (build_signature_steps,),
        "The two encoded segments joined by a dot. This exact ASCII text is what gets signed, so the "
        "encoding has to be right before the HMAC is computed, not fixed up afterwards.",
    ),
    StepInfo(
        "hmac_hex",
        "HMAC-SHA256",
        (hmac_sha256,),
        "HMAC-SHA256 of the signing input, keyed with the SDK secret's UTF-8 bytes: 32 bytes, shown in hex. "
        "Only someone holding the secret can compute it; Zoom's server recomputes it to check the token.",
    ),
    StepInfo(
        "signature",
        "Signature, base64url",
        (base64url_encode,),
        "The 32 HMAC bytes in base64url: always 43 characters with no '='. CryptoJS.enc.Base64 gives 44 "
        "characters ending in '=', which Zoom rejects.",
    ),
    StepInfo(
        "token",
        "Token",
        (build_signature_steps,),
        "header.payload.signature: the whole JWT is what you pass to join() (the Meeting SDK's `signature`, "
        "the Video SDK's token). Returning only the HMAC is a classic mistake.",
    ),
)
