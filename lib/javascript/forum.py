"""The forum snippet, replayed with JavaScript semantics, and the JavaScript pieces it is made of.

Zoom developer forum thread 98154 posted a browser-side `generateSignature(key, secret,
meetingNumber, role)` built from `btoa`, crypto-js and `JSON.stringify`, and called it as
`generateSignature(mn, 1)`. This module reproduces what those calls really do, byte for byte and
error for error (checked against tests/data/js-signers.jsonl and against crypto-js 4.2.0 and Node's
`btoa` in tests/test_forum_node.py), so the app can show exactly where the snippet goes wrong.

JavaScript's `undefined` is lib.signing.steps.ABSENT here; JSON `null` is None.
"""

from dataclasses import dataclass, field

from lib.signing.encoding import standard_base64_encode, utf8_bytes, utf16_code_units
from lib.signing.jsjson import js_number, json_stringify
from lib.signing.steps import ABSENT, SignatureRequest, build_header, hmac_sha256


class JsError(Exception):
    """An exception JavaScript would throw: its `name`, exact `message`, optional `code`, and
    `failed_at`, the call that threw (the vectors' wording, e.g. "btoa(payload)")."""

    def __init__(self, name, message, failed_at, code=None):
        super().__init__(f"{name}: {message}")
        self.name, self.message, self.failed_at, self.code = name, message, failed_at, code

    def __eq__(self, other):
        return isinstance(other, JsError) and (self.as_dict(), self.failed_at) == (other.as_dict(), other.failed_at)

    def __hash__(self):
        return hash((self.name, self.message, self.failed_at))

    def as_dict(self):
        """The error object exactly as the public vectors write it."""
        error = {"name": self.name, "message": self.message}
        if self.code is not None:
            error["code"] = self.code
        return error


@dataclass(frozen=True)
class LatinOneViolation:
    """A UTF-16 code unit btoa refuses: where it is in the text and which unit it is."""

    index: int
    code_unit: str  # "U+D83D"


class BtoaError(JsError):
    def __init__(self, failed_at, violations):
        # Node's DOMException text (the vectors were made with Node); Chromium says "Failed to execute
        # 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range."
        super().__init__("InvalidCharacterError", "Invalid character", failed_at, code=5)
        self.violations = violations


@dataclass(frozen=True)
class BuggySteps:
    """The intermediate values of a buggy signer, named as in lib.signing.steps.SignatureSteps.

    A step that was never reached (JavaScript threw first) or that the format does not have
    (the legacy signature has no header) is None. `error` is what JavaScript threw, if it did.
    """

    header_json: str | None = None
    header_b64: str | None = None
    payload_json: str | None = None
    payload_b64: str | None = None
    signing_input: str | None = None
    hmac_key_length: int | None = None
    hmac_hex: str | None = None
    signature: str | None = None
    token: str | None = None
    returned: str | None = None
    error: JsError | None = None
    notes: tuple[str, ...] = ()
    # The HMAC key bytes: the secret itself (or whatever was passed as the secret). Only for checks
    # against the vectors; never shown, logged or written out.
    hmac_key_hex: str | None = field(default=None, repr=False)

    @property
    def failed_at(self):
        return self.error.failed_at if self.error else None


def drop_undefined(props: dict) -> dict:
    """A JavaScript object literal: properties whose value is undefined are left out by JSON.stringify."""
    return {name: value for name, value in props.items() if value is not ABSENT}


def js_to_string(value) -> str:
    """String(value), for the JSON values and undefined (used by string concatenation and templates)."""
    if value is ABSENT:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)):
        return js_number(value)
    if isinstance(value, (list, tuple)):
        return ",".join("" if item is None or item is ABSENT else js_to_string(item) for item in value)
    return "[object Object]"


def js_btoa(text: str, what: str) -> str:
    """btoa(text): each UTF-16 code unit must fit one Latin-1 byte, which is then base64'd.

    Code units above U+00FF (anything beyond Latin-1, including both halves of an emoji) throw
    InvalidCharacterError; U+0080–U+00FF become single bytes, which is not UTF-8.
    """
    units = utf16_code_units(text)
    violations = [LatinOneViolation(i, f"U+{unit:04X}") for i, unit in enumerate(units) if unit > 0xFF]
    if violations:
        raise BtoaError(f"btoa({what})", violations)
    return standard_base64_encode(bytes(units))


def cryptojs_key_bytes(key) -> bytes:
    """The key bytes CryptoJS.HmacSHA256(message, key) uses, or the exception it throws.

    crypto-js 4.2.0 converts only strings (Utf8.parse, i.e. unescape(encodeURIComponent(key))); any
    other value is taken to be a WordArray, so it fails on `key.sigBytes` or `key.clamp()`.
    """
    where = "CryptoJS.HmacSHA256"
    if isinstance(key, str):
        try:
            return utf8_bytes(key)
        except ValueError:  # encodeURIComponent refuses an unpaired surrogate
            raise JsError("URIError", "URI malformed", where) from None
    if key is ABSENT or key is None:
        what = "undefined" if key is ABSENT else "null"
        raise JsError("TypeError", f"Cannot read properties of {what} (reading 'sigBytes')", where)
    if isinstance(key, dict) and "sigBytes" in key:
        # An object posing as a WordArray takes other paths inside crypto-js; not replayed here.
        raise ValueError("a key object with a sigBytes property is not emulated")
    raise JsError("TypeError", "key.clamp is not a function", where)


def cryptojs_hmac_sha256(message: str, key) -> tuple[bytes, bytes]:
    """CryptoJS.HmacSHA256(message, key) for an ASCII message: (key bytes, MAC)."""
    key_bytes = cryptojs_key_bytes(key)
    return key_bytes, hmac_sha256(key_bytes, message)


def forum_generate_signature(key, secret, meeting_number, role, iat, exp) -> BuggySteps:
    """The forum's generateSignature(key, secret, meetingNumber, role), statement by statement.

    iat and exp are parameters here so that runs are repeatable; the snippet reads the clock
    (iat = Math.floor(Date.now() / 1000) - 30, exp = iat + 2 h).
    """
    done = {}
    try:
        o_header = build_header()
        o_payload = drop_undefined(
            {"appKey": key, "sdkKey": key, "meetingNumber": meeting_number, "role": role, "iat": iat, "exp": exp}
        )
        done["header_json"] = json_stringify(o_header)
        done["header_b64"] = encoded_header = js_btoa(done["header_json"], "header")
        done["payload_json"] = json_stringify(o_payload)
        done["payload_b64"] = encoded_payload = js_btoa(done["payload_json"], "payload")
        done["signing_input"] = message = encoded_header + "." + encoded_payload
        key_bytes, mac = cryptojs_hmac_sha256(message, secret)  # HMACSHA256(secret, message)
        done.update(hmac_key_length=len(key_bytes), hmac_key_hex=key_bytes.hex(), hmac_hex=mac.hex())
        done["signature"] = signature = standard_base64_encode(mac)  # CryptoJS.enc.Base64.stringify
        done["token"] = message + "." + signature  # what the caller would have needed
        done["returned"] = signature  # return signature;
    except JsError as error:
        return BuggySteps(**done, error=error)
    return BuggySteps(**done)


def forum_signature(request: SignatureRequest) -> BuggySteps:
    """The snippet called as its author meant: generateSignature(key, secret, meetingNumber, role).

    tokenExp and video_webrtc_mode are not parameters of the snippet, so they never reach it.
    """
    return forum_generate_signature(
        request.sdk_key, request.sdk_secret, request.meeting_number, request.role, request.iat, request.exp
    )


def forum_call(request: SignatureRequest) -> BuggySteps:
    """The forum's actual call generateSignature(mn, role): the meeting number lands in `key`, the role
    in `secret`, and meetingNumber and role are undefined."""
    return forum_generate_signature(request.meeting_number, request.role, ABSENT, ABSENT, request.iat, request.exp)


@dataclass(frozen=True)
class SnippetLine:
    """One line of the forum snippet for the line-by-line walkthrough."""

    js: str
    does: str
    wrong: str | None = None  # None: this line is fine
    bug_ids: tuple[str, ...] = ()
    step: str | None = None  # the BuggySteps field this line produces


# The thread's code, condensed (comments and blank lines dropped); the explanations are ours.
FORUM_SNIPPET = (
    SnippetLine(
        "function generateSignature(key, secret, meetingNumber, role) {",
        "Signs in the browser page, with the secret at hand.",
        "Whatever runs in the browser can be read by anyone who opens the page: the secret leaks.",
        ("secret_in_browser",),
    ),
    SnippetLine(
        "  const iat = Math.floor(Date.now() / 1000) - 30;",
        "Issued-at in seconds, 30 s early to absorb clock skew.",
    ),
    SnippetLine("  const exp = iat + 60 * 60 * 2;", "Expires two hours later: inside Zoom's 30 min – 48 h window."),
    SnippetLine('  const oHeader = { alg: "HS256", typ: "JWT" };', "The standard JWT header.", step="header_json"),
    SnippetLine(
        "  const oPayload = { appKey: key, sdkKey: key, meetingNumber: meetingNumber, role: role, iat, exp };",
        "The claims. JSON.stringify leaves out properties that are undefined.",
        "The meeting number must be the claim `mn`; `meetingNumber` means nothing to Zoom. `tokenExp` is missing "
        "too (the Web SDK does not need it; the official sample always sets it).",
        ("meeting_number_claim", "no_token_exp"),
        "payload_json",
    ),
    SnippetLine(
        "  function HMACSHA256(key, message) { const hash = CryptoJS.HmacSHA256(message, key);",
        "HMAC-SHA256 with crypto-js. A string key is used as UTF-8; anything else throws.",
        "Fine for a string secret; with the forum's call the `secret` is the number 1 and this line throws.",
        ("argument_shift",),
        "hmac_hex",
    ),
    SnippetLine(
        "    return CryptoJS.enc.Base64.stringify(hash); }",
        "Encodes the 32-byte MAC.",
        "Standard base64 (`+`, `/`, and always a trailing `=`) instead of base64url without padding.",
        ("standard_base64_signature",),
        "signature",
    ),
    SnippetLine(
        "  const encodedHeader = btoa(JSON.stringify(oHeader));",
        "Encodes the header JSON.",
        "btoa is standard base64, not base64url. For this fixed header both happen to agree.",
        ("standard_base64_segments",),
        "header_b64",
    ),
    SnippetLine(
        "  const encodedPayload = btoa(JSON.stringify(oPayload));",
        "Encodes the payload JSON.",
        "Standard base64: `+`, `/` and `=` appear for some payloads only, so the failure looks random. "
        "btoa also throws on any character beyond Latin-1 and writes é as one Latin-1 byte, not UTF-8.",
        ("standard_base64_segments",),
        "payload_b64",
    ),
    SnippetLine(
        '  const signature = HMACSHA256(secret, encodedHeader + "." + encodedPayload);',
        "Signs header.payload with the secret.",
        step="signing_input",
    ),
    SnippetLine(
        "  return signature; }",
        "Hands back the MAC.",
        "join() needs the whole token header.payload.signature, not the MAC alone.",
        ("mac_only",),
        "returned",
    ),
    SnippetLine(
        'const secret = getCookie("secretCookie");',
        "Reads the SDK secret from a browser cookie.",
        "The secret is in the browser: anyone can copy it and sign host tokens for your app.",
        ("secret_in_browser",),
    ),
    SnippetLine(
        "const generatedSignature = generateSignature(mn, 1);",
        "Calls the function with two arguments.",
        "The function takes (key, secret, meetingNumber, role): mn becomes the key, 1 becomes the secret, "
        "meetingNumber and role are undefined.",
        ("argument_shift",),
    ),
    SnippetLine(
        "// Role (0 for a host, 1 for a participant)",
        "The comment next to the role argument.",
        "Backwards: 0 is participant/attendee, 1 is host.",
        ("role_inverted",),
    ),
    SnippetLine(
        "client.join({ sdkKey: clientID, signature: generatedSignature, meetingNumber, password, userName, zak });",
        "Joins with Component View.",
        "`sdkKey` in join() is ignored since Web SDK 4.0.0 (the key comes from the token). "
        "The credentials were Server-to-Server OAuth ones, which cannot sign Meeting SDK tokens.",
        ("wrong_app_type",),
    ),
)
