"""What the payload rules read: which literals are Meeting SDK or Video SDK payloads, their token family,
their claims, jsonwebtoken's options, request input."""

import re

from lib.review.program import (
    CLAIMS,
    FLOORS,
    JOIN_OPTIONS,
    JSONWEBTOKEN_SIGN,
    REQUEST_INPUT,
    VIDEO_CLAIMS,
    Program,
    matches,
)
from lib.review.reading import number_value, string_value, unwrap
from lib.review.syntax import MapLiteral
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS
from lib.zoom.families import MEETING_NATIVE, family_of
from lib.zoom.rules import check_claims


def claim_entries(literal: MapLiteral) -> dict:
    """The payload's claims by their canonical name (appKey for AppKey), with their key and value nodes."""
    return {CLAIMS[k.lower()]: v for k, v in literal.entries.items() if k.lower() in CLAIMS}


# Claims a request body does not carry (a Video SDK body sends sessionName and role, the token tpc and role_type).
SIGNED_ONLY = frozenset({"appkey", "sdkkey", "iat", "exp", "tokenexp", "app_key", "tpc", "role_type"})


def is_payload(literal: MapLiteral) -> bool:
    keys = {k.lower() for k in literal.entries}
    return len(keys & CLAIMS.keys()) >= 2 and bool(keys & SIGNED_ONLY) and not keys & JOIN_OPTIONS


def payloads(program: Program) -> list[MapLiteral]:
    """The literals that are Meeting SDK or Video SDK payloads (not a join() options object, a request body, or
    the input of a local function that builds the payload from it)."""
    found = [literal for literal in program.maps if is_payload(literal)]
    return [literal for literal in found if not feeds_a_payload_builder(program, literal, found)]


def feeds_a_payload_builder(program: Program, literal: MapLiteral, found) -> bool:
    """`buildPayload({ iat, tpc, role_type })`: an argument of a function of this code that writes a payload of
    its own (the one signed), so the argument is only some of its values."""
    arguments = literal.node.parent
    call = arguments.parent if arguments is not None else None
    if call is None or call.type not in program.parsed.grammar.call:
        return False
    callee = program.call(call).callee
    builder = program.functions.get(callee.removeprefix("this.").removeprefix("self."))
    return builder is not None and any(
        other is not literal and builder.start_byte <= other.node.start_byte < builder.end_byte for other in found
    )


def written_family(literal: MapLiteral) -> str:
    """The token family the payload's own claims make (lib.zoom.families.family_of), whatever the user says."""
    return family_of(claim_entries(literal))


def judged_family(program: Program, literal: MapLiteral) -> str:
    """The family the payload is judged by: the one the user names (program.sdk) unless that crosses
    between the Meeting SDK and the Video SDK (then wrong_token_kind, and the claims' own family)."""
    written = written_family(literal)
    stated = family_of(claim_entries(literal), program.sdk) if program.sdk else written
    return written if crosses_sdk(written, stated) else stated


def crosses_sdk(one: str, other: str) -> bool:
    """One family is the Video SDK's and the other a Meeting SDK's."""
    return (one == "video") != (other == "video")


def jsonwebtoken_options(program: Program, literal: MapLiteral):
    """The options map of a `jwt.sign(payload, secret, options)` call that signs this literal, if any: the call
    given the literal (or a name for it), else the code's only jwt.sign call when that one is given no literal of
    its own (a helper `sign(payload, secret)` called with a payload built elsewhere)."""
    signs = [call for call in program.calls if matches(call, JSONWEBTOKEN_SIGN) and call.args]
    signed = [call for call in signs if program.resolve(call.args[0]) == literal.node]
    if not signed and len(signs) == 1 and program.resolve(signs[0].args[0]).type not in program.parsed.grammar.map:
        signed = signs
    for call in signed:
        options = program.resolve(call.args[2]) if len(call.args) > 2 else None
        return next((m for m in program.maps if m.node == options), MapLiteral(call.node))
    return None


ROLE_FROM_REQUEST = (
    "The role is taken from the request as it came: form fields and query strings are text, so the token gets "
    '"1" instead of 1.'
)


def request_input_unconverted(program: Program, value) -> bool:
    """A value read from the request (form, query, JSON body) as it came: text, not yet a number."""
    value = unwrap(value)
    if value is None or value.type in ("cast_expression", "unary_expression"):
        return False
    if value.type in program.parsed.grammar.call:
        call = program.call(value)
        if call.name in FLOORS or call.name in ("Number", "Atoi", "parse", "Parse", "parseInt", "to_i", "valueOf"):
            return False
    if value.type not in program.parsed.grammar.member and value.type not in program.parsed.grammar.call:
        return False
    return bool(REQUEST_INPUT.search(program.text(value)))


SPACED_MEETING_NUMBER = re.compile(r"^\d{3}[\s-]+\d{3,4}[\s-]+\d{3,4}$")
_NOW = 1_733_000_000  # any time: the rule book is asked about the claims the code writes, not about its clock
# A value that breaks no rule, for each claim whose value the code does not write as a literal.
_SOUND = {"appKey": "ClientID", "sdkKey": "ClientID", "mn": 85746065432, "role": 0, "iat": _NOW}
_SOUND |= {"exp": _NOW + DEFAULT_LIFETIME_SECONDS, "tokenExp": _NOW + DEFAULT_LIFETIME_SECONDS}


def written_payload(program: Program, literal: MapLiteral) -> dict:
    """The payload as JSON would hold it: role and mn as the code writes them where they are literals
    (a string stays a string), every other claim a value that breaks no rule. jsonwebtoken's iat and exp
    (added by jwt.sign itself) count as written."""
    claims = claim_entries(literal)
    payload = {claim: _SOUND.get(claim, _SOUND["mn"]) for claim in claims if claim not in VIDEO_CLAIMS}
    if "app_key" in claims:  # the Video SDK's key claim (the payload is then judged as a Video SDK token)
        payload["app_key"] = _SOUND["appKey"]
    for claim in ("role", "mn"):
        value = program.resolve(claims[claim][1]) if claim in claims and claims[claim][1] is not None else None
        text, number = string_value(program.parsed, value), number_value(program.parsed, value)
        if claim == "mn" and text is not None and not SPACED_MEETING_NUMBER.match(text.strip()):
            text = None  # a placeholder or a name: only separators between digit groups are read as a mistake
        if text is not None:
            payload[claim] = text
        elif number is not None and number == int(number):
            payload[claim] = int(number)
    options = jsonwebtoken_options(program, literal)
    if options is not None:
        if "noTimestamp" not in options.entries:
            payload.setdefault("iat", _NOW)
        if "expiresIn" in options.entries:
            payload.setdefault("exp", _SOUND["exp"])
    return payload


def rule_book_breaches(program: Program, literal: MapLiteral, codes) -> list:
    """The rule book's breaches (lib.zoom.rules.check_claims) of the payload the code writes, of these codes,
    judged as a token of the family the payload is judged by (the rule book knows which claims it has). When the
    user names no SDK and the claims make a native token, the rule book works the family out itself, so its
    note that it assumed native (meeting_native_assumed) comes in its own words."""
    family = judged_family(program, literal)
    assumed = program.sdk is None and family == MEETING_NATIVE
    breaches = check_claims(written_payload(program, literal), _NOW, family=None if assumed else family)
    return [b for b in breaches if b.code in codes]
