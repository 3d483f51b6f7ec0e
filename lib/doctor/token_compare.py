"""Two tokens side by side: which claims and which segments differ, and why that matters.

Typical pairs: the user's token next to the builder's correct one for the same inputs, or the token
that works next to the one that fails. Both are diagnosed in full; the explanations point at the
differences that change the signature or what Zoom reads.
"""

from dataclasses import dataclass

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis, json_value, shown_value
from lib.signing.secret_scan import REMOVED, SECRET_CODES, remove_secret
from lib.zoom.facts import MILLISECONDS_THRESHOLD
from lib.zoom.families import CLAIMS, EPOCH, FAMILIES, KEY, MEETING_WEB, ROLE
from lib.zoom.meeting_number import normalize_meeting_number

SEGMENT_NAMES = ("header", "payload", "signature")
_MISSING = object()
_JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}


@dataclass(frozen=True)
class Comparison:
    a: Diagnosis
    b: Diagnosis
    claims: list  # rows: claim, a, b, same, explanation
    segments: list  # rows: segment, a, b, same, explanation

    @property
    def identical(self):
        return self.a.token is not None and self.a.token == self.b.token

    @property
    def differing_claims(self):
        return [row["claim"] for row in self.claims if not row["same"]]


def _alphabet(segment: str) -> str:
    if not segment:
        return "empty"
    standard = [c for c in "+/=" if c in segment]
    return f"standard base64 ({' '.join(standard)})" if standard else "base64url"


def _json_type(value):
    return _JSON_TYPES.get(type(value), "an array" if isinstance(value, list) else "an object")


def _same_digits(a, b):
    """Both name the same meeting number once separators are removed (857 4606 5432 vs 85746065432)."""
    digits = [normalize_meeting_number(str(v)).digits if isinstance(v, str | int) else None for v in (a, b)]
    return digits[0] is not None and digits[0] == digits[1]


def explain_claim(claim: str, a, b, family: str = MEETING_WEB) -> str:
    """Why two values of one claim differ, in terms of what Zoom does with them (for a token of `family`)."""
    kind = CLAIMS[claim].kind if claim in CLAIMS else None
    if a is _MISSING or b is _MISSING:
        side = "B" if a is _MISSING else "A"
        return f"Only in {side}." + (" Zoom needs this claim." if claim in FAMILIES[family].required else "")
    if _json_type(a) != _json_type(b):
        kinds = f"A is {_json_type(a)}, B {_json_type(b)}"
        if claim == "mn" and _same_digits(a, b):
            return f"Same meeting number written differently ({kinds}): mn must be digits only, no spaces or dashes."
        if str(a) == str(b):
            return f"Same value, different JSON type ({kinds}): the JSON text differs, so the signature differs too."
        return f"Different values and types ({kinds})."
    if claim == "mn" and _same_digits(a, b):
        return "Same meeting number, but one has spaces or dashes: mn must be digits only."
    if kind == EPOCH and isinstance(a, int) and isinstance(b, int):
        if (a > MILLISECONDS_THRESHOLD) != (b > MILLISECONDS_THRESHOLD):
            return "One is in milliseconds (Date.now()), the other in seconds."
        return f"B is {b - a:+d} s from A."
    if kind == ROLE:
        return "Different roles: 0 joins as participant/attendee, 1 as host."
    if kind == KEY:
        return "Different keys: the tokens are for different apps, and one secret cannot verify both."
    if claim == "tpc":
        return "Different session names: the Video SDK joins the session the token names (ignoring case)."
    return "Different values."


def _claim_rows(a: Diagnosis, b: Diagnosis) -> list[dict]:
    payload_a, payload_b = a.payload or {}, b.payload or {}
    family = a.token_family or b.token_family or MEETING_WEB
    names = [c for c in FAMILIES[family].claims if c in payload_a or c in payload_b]  # the sample's order
    names += [c for c in {**payload_a, **payload_b} if c not in names]
    rows = []
    for claim in names:
        value_a, value_b = payload_a.get(claim, _MISSING), payload_b.get(claim, _MISSING)
        same = value_a is not _MISSING and value_b is not _MISSING and json_value(value_a) == json_value(value_b)
        rows.append(
            {
                "claim": claim,
                "a": "(missing)" if value_a is _MISSING else shown_value(value_a),
                "b": "(missing)" if value_b is _MISSING else shown_value(value_b),
                "same": same,
                "explanation": "" if same else explain_claim(claim, value_a, value_b, family),
            }
        )
    return rows


def _segment_explanation(name, a: Diagnosis, b: Diagnosis, part_a: str, part_b: str) -> str:
    alphabet_a, alphabet_b = _alphabet(part_a), _alphabet(part_b)
    if alphabet_a != alphabet_b:
        return f"Different alphabets: A is {alphabet_a}, B is {alphabet_b}. JWTs use base64url without '='."
    if name == "signature":
        return "Different signatures: any difference in header or payload, or another secret, changes all of it."
    decoded_a, decoded_b = (a.header, b.header) if name == "header" else (a.payload, b.payload)
    if decoded_a is not None and decoded_a == decoded_b:
        return "Same claims, different JSON text (order, spacing or number format): the signature differs too."
    return f"Different {name} content (see the claims above)."


def _segment_rows(a: Diagnosis, b: Diagnosis) -> list[dict]:
    rows = []
    for index, name in enumerate(SEGMENT_NAMES):
        part_a = a.segments[index] if len(a.segments) > index else ""
        part_b = b.segments[index] if len(b.segments) > index else ""
        same = part_a == part_b
        rows.append(
            {
                "segment": name,
                "a": f"{len(part_a)} chars, {_alphabet(part_a)}",
                "b": f"{len(part_b)} chars, {_alphabet(part_b)}",
                "same": same,
                "explanation": "" if same else _segment_explanation(name, a, b, part_a, part_b),
            }
        )
    return rows


def compare_tokens(
    text_a,
    text_b,
    *,
    secret_a=None,
    secret_b=None,
    sdk_key=None,
    meeting_number=None,
    now=None,
    sdk=None,
    session_name=None,
):
    """Diagnose both tokens (each with its own secret, if known) and line them up."""
    context = dict(sdk_key=sdk_key, meeting_number=meeting_number, now=now, sdk=sdk, session_name=session_name)
    a = diagnose(text_a, secret=secret_a, **context)
    b = diagnose(text_b, secret=secret_b, **context)
    return Comparison(a, b, _without_secrets(_claim_rows(a, b), a, b, (secret_a, secret_b)), _segment_rows(a, b))


def _without_secrets(rows: list, a: Diagnosis, b: Diagnosis, secrets) -> list:
    """The claim rows with the values of claims the doctor found carrying the secret removed (as text or
    base64-encoded), and any run of a given secret left in a name or value removed too."""
    carrying = {
        claim
        for checked in (a, b)
        for finding in checked.findings
        if finding.code in SECRET_CODES
        for claim in finding.evidence.get("claims", ())
    }
    given = {secret.strip() for secret in secrets if isinstance(secret, str)}
    for row in rows:
        if row["claim"] in carrying:
            row.update(a=REMOVED, b=REMOVED)
        for field in ("claim", "a", "b", "explanation"):
            for secret in given:
                row[field] = remove_secret(row[field], secret, REMOVED)
    return rows
