"""What the payload rules read: which literals are Meeting SDK payloads, their claims, jsonwebtoken's
options, request input."""

from lib.review.program import CLAIMS, FLOORS, JOIN_OPTIONS, JSONWEBTOKEN_SIGN, REQUEST_INPUT, Program, matches
from lib.review.reading import unwrap
from lib.review.syntax import MapLiteral


def claim_entries(literal: MapLiteral) -> dict:
    """The payload's claims by their canonical name (appKey for AppKey), with their key and value nodes."""
    return {CLAIMS[k.lower()]: v for k, v in literal.entries.items() if k.lower() in CLAIMS}


SIGNED_ONLY = frozenset({"appkey", "sdkkey", "iat", "exp", "tokenexp"})  # claims a request body does not carry


def is_payload(literal: MapLiteral) -> bool:
    keys = {k.lower() for k in literal.entries}
    return len(keys & CLAIMS.keys()) >= 2 and bool(keys & SIGNED_ONLY) and not keys & JOIN_OPTIONS


def payloads(program: Program) -> list[MapLiteral]:
    """The literals that are Meeting SDK payloads (not a join() options object or a request body)."""
    return [literal for literal in program.maps if is_payload(literal)]


def jsonwebtoken_options(program: Program, literal: MapLiteral):
    """The options map of a `jwt.sign(payload, secret, options)` call that signs this literal, if any."""
    for call in program.calls:
        if not (matches(call, JSONWEBTOKEN_SIGN) and call.args):
            continue
        if program.resolve(call.args[0]) == literal.node:
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
