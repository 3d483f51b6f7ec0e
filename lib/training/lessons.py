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
from lib.mistakes.catalogue import BUGS
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
from lib.zoom.rules import check_claims

JWT_PART = "The JWT"
DEMO_FORM = FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0)
# A claim whose standard base64 has all three characters a JWT may not contain: '+', '/' and '='.
BASE64_DEMO_TEXT = '{"appKey":"key~?~?"}'


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

# The parts of the mistakes' path, in teaching order; each catalogue entry says its part and place (Bug.lesson).
BUG_PARTS = ("Encoding and format", "Claims", "Times", "Credentials and where to sign")


def _bug_lesson(bug) -> Lesson:
    taught = bug.lesson
    return Lesson(
        bug.id,
        bug.title,
        taught.part,
        bug_id=bug.id,
        look_at=taught.look_at,
        reveal_sdk_key=taught.reveal_sdk_key,
        public_credentials=bug.demo_credentials,
    )


BUG_LESSONS = tuple(
    _bug_lesson(bug)
    for bug in sorted(
        (bug for bug in BUGS.values() if bug.lesson),
        key=lambda bug: (BUG_PARTS.index(bug.lesson.part), bug.lesson.place),
    )
)
LESSONS = JWT_LESSONS + BUG_LESSONS
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


def compare_with_mistake(bug_id: str, form: FormInput, now: int) -> Comparison:
    """The builder's correct signature of the form next to the buggy signer's with this one mistake."""
    request = read_form(form, now).request
    return side_by_side(build_signature_steps(request), sign_with_bugs(request, (bug_id,)), (bug_id,))


def bug_demo(lesson: Lesson, form: FormInput, now: int) -> BugDemo:
    """Compare the correct signature with the one carrying this lesson's mistake.

    A mistake that would print the secret runs on the demo credentials; a mistake the learner's inputs
    happen not to show runs again with an input that does.
    """
    notes = []
    if lesson.public_credentials and form.sdk_secret != DEMO_SDK_SECRET:
        form = replace(form, sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET)
        notes.append("This mistake writes the secret into the readable payload, so the demo uses the demo credentials.")
    comparison = compare_with_mistake(lesson.bug_id, form, now)
    if lesson.reveal_sdk_key and all(row.same for row in comparison.steps):
        form = replace(form, sdk_key=lesson.reveal_sdk_key)
        comparison = compare_with_mistake(lesson.bug_id, form, now)
        notes.append(
            f"Your inputs happen not to show this mistake, so the demo uses the SDK key {lesson.reveal_sdk_key}."
        )
    return BugDemo(comparison, tuple(notes) + comparison.notes)
