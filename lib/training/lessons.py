"""The Lessons page's guided path: first the JWT itself, then every mistake of the bug catalogue.

The order and the prose live here; every live value is computed by the functions the builder and
the buggy-vs-correct page use (lib.signing.steps, lib.mistakes.buggy_signer.sign_with_bugs,
lib.mistakes.buggy_vs_correct), on the learner's own builder inputs when there are any.
"""

import json
from dataclasses import dataclass, replace

from lib.builder.form import FormInput, read_form
from lib.mistakes.buggy_signer import sign_with_bugs
from lib.mistakes.buggy_vs_correct import Comparison, side_by_side
from lib.mistakes.catalogue import BUGS, VIDEO_PART
from lib.signing.encoding import NOT_IN_BASE64URL, base64url_encode, standard_base64_encode, utf8_bytes
from lib.signing.jsjson import json_stringify
from lib.signing.steps import SignatureSteps, build_signature_steps
from lib.zoom.facts import (
    CLAIM_ORDER,
    DEMO_MEETING_NUMBER,
    DEMO_SDK_KEY,
    DEMO_SDK_SECRET,
    MAX_LIFETIME_SECONDS,
    MIN_LIFETIME_SECONDS,
    RECOMMENDED_CLAIMS,
    REQUIRED_CLAIMS,
    ROLE_LABELS,
    WEBRTC_MODE_LABELS,
    ZOOM_ERRORS,
)
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO, family_of
from lib.zoom.rules import check_claims

JWT_PART = "The JWT"
DEMO_FORM = FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0)
# A claim whose standard base64 has all three characters a JWT may not contain: '+', '/' and '='.
BASE64_DEMO_TEXT = '{"appKey":"key~?~?"}'
# A Video SDK session name with a space: URL encoding changes it (the tpc lesson's demo).
DEMO_SESSION_NAME = "Team Standup"


@dataclass(frozen=True)
class Lesson:
    """One step of the path. `text` is the project's own Markdown; a bug lesson's prose comes from
    the catalogue entry `bug_id`, and `look_at` says what to watch in its live demo."""

    key: str
    title: str
    part: str
    text: str = ""
    bug_id: str | None = None
    look_at: str = ""
    reveal_sdk_key: str | None = None  # a key that makes the mistake visible when the learner's does not
    public_credentials: bool = False  # the demo would print the secret: run it on the demo credentials
    family: str = MEETING_WEB  # the token family a bug lesson's demo signs (lib.zoom.families)


JWT_LESSONS = (
    Lesson(
        "jwt_parts",
        "A signature is a JWT in three parts",
        JWT_PART,
        "The `signature` that `join()` takes is a JSON Web Token: three pieces of text joined by dots. The "
        "**header** says how it is signed, the **payload** carries the claims (which app, which meeting, which "
        "role, how long), and the **signature** proves that someone holding the app's secret wrote exactly "
        "these two. Header and payload are only encoded, not encrypted: anyone can read them. Below is the "
        "token for your inputs, coloured as on jwt.io.",
    ),
    Lesson(
        "base64url",
        "base64 or base64url",
        JWT_PART,
        "Each part is base64url: the URL-safe alphabet of RFC 4648, with `-` and `_` where standard base64 has "
        "`+` and `/`, and with the `=` padding cut off. The browser's `btoa` and `CryptoJS.enc.Base64` write "
        "standard base64. For many texts both agree, which is why the mistake looks random. Type any text and "
        "compare the two.",
    ),
    Lesson(
        "hmac",
        "HMAC-SHA256: the signature",
        JWT_PART,
        "The signature is HMAC-SHA256 of the ASCII text `header.payload`, keyed with the SDK secret. Change one "
        "byte of either — a claim, a space, a newline at the end of the secret — and all 32 bytes change. "
        "Zoom's server recomputes the HMAC with its copy of the secret and compares: any difference is 3712. "
        "The 32 bytes are written in base64url: always 43 characters, never an `=`.",
    ),
    Lesson(
        "claims",
        "The claims and their bounds",
        JWT_PART,
        "The payload carries these claims, in the order of Zoom's official sample. The table shows the value "
        "in your token and the rule Zoom applies.",
    ),
    Lesson(
        "who_checks",
        "Who checks what",
        JWT_PART,
        "Most mistakes pass the browser unnoticed: Web SDK 6.2.0 only decodes the payload to read appKey, role "
        "and video_webrtc_mode. It checks neither the HMAC nor the times nor the meeting number; Zoom's server "
        "does, and refuses the token: with one of these codes where a source says which, otherwise with a code Zoom "
        "does not document for that mistake. A few mistakes fail earlier, in your own signing code or "
        "in the SDK, and a few are caught by nobody.",
    ),
)

# The parts of the mistakes' path, in teaching order; each catalogue entry says its part and place (Bug.lessons).
BUG_PARTS = ("Encoding and format", "Claims", "Times", "Credentials and where to sign", VIDEO_PART)

# Before the Video SDK's mistakes: the three families, and what a native Meeting SDK reports for a bad token.
FAMILY_LESSONS = (
    Lesson(
        "token_families",
        "Three SDKs, three token families",
        VIDEO_PART,
        "Every Zoom SDK signs the same way: an HS256 JWT over `header.payload`, keyed with the app's secret. So "
        "everything so far (base64url, the HMAC, the times, the secret's mistakes) holds for all of them. What "
        "differs is the payload, and the lab calls each kind a *family*: the Meeting SDK for web signs `appKey`, "
        "`mn` and `role`; the Meeting SDK for native apps signs the same without `mn` and `role` (the native SDKs "
        "take the meeting in their own join call); the Video SDK signs `app_key`, `role_type`, `tpc` (the session "
        "name) and `version`. The lab tells them apart by their claims: `tpc`, `role_type` or `app_key` make a "
        "Video SDK token; a Meeting SDK token with `mn` and `role` is for web, with neither for native, with one of "
        "them a web token missing the other. Tell it which SDK joins, and a token of the other SDK is "
        "`wrong_token_kind`. Below: your inputs signed for each family, and the family the lab reads from each.",
        family=VIDEO,
    ),
    Lesson(
        "native_auth_results",
        "What a native Meeting SDK reports for a bad token",
        VIDEO_PART,
        "The Web SDK names a code per reason (3712, 3705, …). The native Meeting SDKs do not: each reports one "
        "authentication result for any JWT it refuses, and no source says which mistake gives which. So for a "
        "native token the lab names the mistake from the token itself and predicts no platform code beyond this "
        "one. Sources: the SDKs' headers and Zoom's forum, as the fact base (docs/zoom-signature-facts.md, Token "
        "families) lists them.",
        family=MEETING_NATIVE,
    ),
)

# The native Meeting SDKs' result for a bad JWT, as the fact base's table gives it (docs/zoom-signature-facts.md, "The
# Meeting SDK for native apps"); tests/test_lessons.py keeps each row equal to that table.
NATIVE_AUTH_RESULTS = (
    {
        "platform": "Windows, Linux (C++)",
        "where it arrives": "IAuthServiceEvent::onAuthenticationReturn(AuthResult)",
        "result for a bad JWT": "AUTHRET_JWTTOKENWRONG",
        "source": "auth_service_interface.h, enum AuthResult",
    },
    {
        "platform": "macOS",
        "where it arrives": "ZoomSDKAuthDelegate onZoomSDKAuthReturn:",
        "result for a bad JWT": "ZoomSDKAuthError_JwtTokenWrong",
        "source": "ZoomSDKErrors.h, enum ZoomSDKAuthError",
    },
    {
        "platform": "iOS",
        "where it arrives": "MobileRTCAuthDelegate onMobileRTCAuthReturn:",
        "result for a bad JWT": "MobileRTCAuthError_TokenWrong",
        "source": "MobileRTCConstants.h, MobileRTCAuthError",
    },
    {
        "platform": "Android",
        "where it arrives": "ZoomSDKInitializeListener.onZoomSDKInitializeResult(errorCode, internalErrorCode)",
        "result for a bad JWT": "ZOOM_ERROR_AUTHRET_TOKENWRONG",
        "source": "us.zoom.sdk.ZoomError; forum 65869 and 19355 report errorCode 1 for bad time claims",
    },
    {
        "platform": "Electron",
        "where it arrives": "the Windows or macOS result, passed through",
        "result for a bad JWT": "AUTHRET_JWTTOKENWRONG",
        "source": "zoom/zoom-sdk-electron, lib/settings.js",
    },
)


def _bug_lesson(bug, taught) -> Lesson:
    """A catalogue entry's lesson: keyed by its id, or by id and family when the entry is taught again for another."""
    key = bug.id if taught is bug.lessons[0] else f"{bug.id}_{taught.family}"
    return Lesson(
        key,
        bug.title,
        taught.part,
        bug_id=bug.id,
        look_at=taught.look_at,
        reveal_sdk_key=taught.reveal_sdk_key,
        public_credentials=bug.demo_credentials,
        family=taught.family,
    )


BUG_LESSONS = tuple(
    _bug_lesson(bug, taught)
    for bug, taught in sorted(
        ((bug, taught) for bug in BUGS.values() for taught in bug.lessons),
        key=lambda pair: (BUG_PARTS.index(pair[1].part), pair[1].place),
    )
)
LESSONS = (
    JWT_LESSONS
    + tuple(lesson for lesson in BUG_LESSONS if lesson.part != VIDEO_PART)
    + FAMILY_LESSONS
    + tuple(lesson for lesson in BUG_LESSONS if lesson.part == VIDEO_PART)
)
LESSON_KEYS = tuple(lesson.key for lesson in LESSONS)
LESSONS_BY_KEY = {lesson.key: lesson for lesson in LESSONS}


def neighbours(key: str) -> tuple[str | None, str | None]:
    """The keys of the lessons before and after this one (None at either end of the path)."""
    index = LESSON_KEYS.index(key)
    before = LESSON_KEYS[index - 1] if index > 0 else None
    after = LESSON_KEYS[index + 1] if index + 1 < len(LESSON_KEYS) else None
    return before, after


def learner_form(shared: FormInput | None) -> FormInput:
    """The learner's last builder inputs, or the demo values before they have used the builder."""
    return shared if shared is not None else DEMO_FORM


def learner_steps(form: FormInput, now: int) -> SignatureSteps:
    """The correct signature of these inputs, every step kept (the builder's signer)."""
    return build_signature_steps(read_form(form, now).request)


def in_family(form: FormInput, family: str) -> FormInput:
    """The learner's inputs signed for another family: their key and secret, a session name for the Video SDK."""
    if (form.family or MEETING_WEB) == family:
        return form
    session = {"session_name": form.session_name or DEMO_SESSION_NAME} if family == VIDEO else {}
    meeting = {"meeting_number": form.meeting_number or DEMO_MEETING_NUMBER} if family == MEETING_WEB else {}
    return replace(form, family=None if family == MEETING_WEB else family, **session, **meeting)


def family_rows(form: FormInput, now: int) -> list[dict]:
    """One row per family: its SDK, the claims its official sample signs, the payload of the learner's inputs signed
    for it, and the family the lab reads from that payload alone (lib.zoom.families.family_of)."""
    rows = []
    for family in FAMILIES.values():
        steps = learner_steps(in_family(form, family.id), now)
        payload = json.loads(steps.payload_json)
        rows.append(
            {
                "family": family.id,
                "SDK": family.title,
                "required claims": ", ".join(claim for claim in family.claims if claim in family.required),
                "your inputs signed for it": steps.payload_json,
                "the lab reads": family_of(payload),
            }
        )
    return rows


# ------------------------------------------------------------------------------------------ the JWT part


@dataclass(frozen=True)
class TokenPart:
    name: str
    encoded: str
    decoded: str
    meaning: str


def token_parts(steps: SignatureSteps) -> tuple[TokenPart, ...]:
    return (
        TokenPart("header", steps.header_b64, steps.header_json, "how it is signed: HMAC-SHA256"),
        TokenPart("payload", steps.payload_b64, steps.payload_json, "the claims: app, meeting, role, times"),
        TokenPart("signature", steps.signature, f"HMAC-SHA256, hex: {steps.hmac_hex}", "the proof of the secret"),
    )


@dataclass(frozen=True)
class Base64Comparison:
    text: str
    standard: str  # btoa / CryptoJS.enc.Base64 (for UTF-8 text: what Buffer.toString('base64') writes)
    url: str  # what a JWT needs

    @property
    def found(self) -> tuple[str, ...]:
        """The characters of NOT_IN_BASE64URL that the standard form contains."""
        return tuple(char for char in NOT_IN_BASE64URL if char in self.standard)


def base64_comparison(text: str) -> Base64Comparison:
    """Both encodings of the text's UTF-8 bytes. Raises ValueError for text with no UTF-8 form."""
    data = utf8_bytes(text)
    return Base64Comparison(text, standard_base64_encode(data), base64url_encode(data))


@dataclass(frozen=True)
class HmacView:
    signing_input: str
    key_length: int
    hmac_hex: str
    signature: str  # base64url: 43 characters
    standard_signature: str  # the same 32 bytes in standard base64: 44 characters ending in '='


def hmac_view(steps: SignatureSteps) -> HmacView:
    mac = bytes.fromhex(steps.hmac_hex)
    return HmacView(
        steps.signing_input, steps.hmac_key_length, steps.hmac_hex, steps.signature, standard_base64_encode(mac)
    )


_CLAIM_MEANINGS = {
    "appKey": "the Client ID of a General app with the Meeting SDK on",
    "sdkKey": "the same value, still written by Zoom's sample",
    "mn": "the meeting number",
    "role": "who joins",
    "iat": "issued at",
    "exp": "expires at",
    "tokenExp": "token expiry",
    "video_webrtc_mode": "WebRTC video",
}
_CLAIM_RULES = {
    "appKey": "required since Web SDK 5.0; a Server-to-Server OAuth ID is refused",
    "sdkKey": "optional; equal to appKey",
    "mn": "digits only, equal to the meetingNumber passed to join()",
    "role": " or ".join(ROLE_LABELS.values()) + ", as a number",
    "iat": "whole seconds since 1970, not in the future; a few minutes in the past is fine (the sample used "
    "now − 30, and some servers backdate it on purpose to absorb clock skew)",
    "exp": f"whole seconds; exp − iat between {MIN_LIFETIME_SECONDS} and {MAX_LIFETIME_SECONDS}",
    "tokenExp": "equal to exp in Zoom's sample; optional for the Web SDK, required by the native SDKs",
    "video_webrtc_mode": "optional: " + "; ".join(v for k, v in WEBRTC_MODE_LABELS.items() if k is not None),
}


def claim_rows(steps: SignatureSteps, now: int) -> list[dict]:
    """One row per claim of Zoom's sample: its meaning, the value in this token, whether the Web SDK needs
    it, Zoom's rule, and the verdict of the rule book (lib.zoom.rules) on this token, as the Token doctor
    gives it."""
    payload = json.loads(steps.payload_json)
    verdicts = {}
    for breach in check_claims(payload, now):
        for claim in breach.evidence["claims"]:
            verdicts.setdefault(claim, []).append(f"{breach.severity}: {breach.rule.title}")
    return [
        {
            "claim": claim,
            "means": _CLAIM_MEANINGS[claim],
            "in your token": json_stringify(payload[claim]) if claim in payload else "(not set)",
            "required": "yes" if claim in REQUIRED_CLAIMS else "recommended" if claim in RECOMMENDED_CLAIMS else "no",
            "rule": _CLAIM_RULES[claim],
            "verdict": "; ".join(verdicts.get(claim, ["ok"])),
        }
        for claim in CLAIM_ORDER
    ]


def error_rows() -> list[dict]:
    """Zoom's Web SDK error codes with their usual causes (lib.zoom.facts)."""
    return [
        {"code": code, "message": error.message, "usual causes": error.causes} for code, error in ZOOM_ERRORS.items()
    ]


def catchers() -> dict[str, list[str]]:
    """The catalogue's titles grouped by who catches the mistake first."""
    grouped = {}
    for bug in BUGS.values():
        grouped.setdefault(bug.caught_by, []).append(bug.title)
    return grouped


# ------------------------------------------------------------------------------------------ the bug part


def code_pairs(bug) -> tuple[tuple[str, str, str], ...]:
    """(language, code before, code after) of a catalogue entry, in each language it is written in."""
    return (("javascript", bug.js_before, bug.js_after), ("python", bug.py_before, bug.py_after))


@dataclass(frozen=True)
class BugDemo:
    """The live demo of one mistake: the correct and the buggy signer compared on the learner's inputs."""

    comparison: Comparison
    notes: tuple[str, ...]


def compare_with_mistake(bug_id: str, form: FormInput, now: int, family: str = MEETING_WEB) -> Comparison:
    """The builder's correct signature of the form, signed for this family, next to the buggy signer's with this one
    mistake."""
    request = read_form(in_family(form, family), now).request
    return side_by_side(build_signature_steps(request), sign_with_bugs(request, (bug_id,)), (bug_id,), family)


def bug_demo(lesson: Lesson, form: FormInput, now: int) -> BugDemo:
    """Compare the correct signature with the one carrying this lesson's mistake.

    A mistake that would print the secret runs on the demo credentials; a mistake the learner's inputs
    happen not to show runs again with an input that does.
    """
    notes = []
    if lesson.public_credentials and form.sdk_secret != DEMO_SDK_SECRET:
        form = replace(form, sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET)
        notes.append("This mistake writes the secret into the readable payload, so the demo uses the demo credentials.")
    comparison = compare_with_mistake(lesson.bug_id, form, now, lesson.family)
    if lesson.family == VIDEO and all(row.same for row in comparison.steps):
        form = replace(form, session_name=DEMO_SESSION_NAME)
        comparison = compare_with_mistake(lesson.bug_id, form, now, lesson.family)
        notes.append(
            f"Your inputs happen not to show this mistake, so the demo uses the session name {DEMO_SESSION_NAME}."
        )
    if lesson.reveal_sdk_key and all(row.same for row in comparison.steps):
        form = replace(form, sdk_key=lesson.reveal_sdk_key)
        comparison = compare_with_mistake(lesson.bug_id, form, now, lesson.family)
        notes.append(
            f"Your inputs happen not to show this mistake, so the demo uses the SDK key {lesson.reveal_sdk_key}."
        )
    return BugDemo(comparison, tuple(notes) + comparison.notes)
