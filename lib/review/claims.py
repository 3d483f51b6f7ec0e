"""Checks of the payload the code builds: its claims, their names and values (mn, role, appKey)."""

import re

from lib.review.program import (
    CLAIMS,
    FLOORS,
    JOIN_OPTIONS,
    JSONWEBTOKEN_SIGN,
    MEETINGISH,
    REQUEST_INPUT,
    ROLEISH,
    URL_CONVERTERS,
    Program,
    is_secretish,
    matches,
)
from lib.review.reading import number_value, string_value, unwrap
from lib.review.syntax import MapLiteral, node_text


def claim_entries(literal: MapLiteral) -> dict:
    """The payload's claims by their canonical name (appKey for AppKey), with their key and value nodes."""
    return {CLAIMS[k.lower()]: v for k, v in literal.entries.items() if k.lower() in CLAIMS}


SIGNED_ONLY = frozenset({"appkey", "sdkkey", "iat", "exp", "tokenexp"})  # claims a request body does not carry


def is_payload(literal: MapLiteral) -> bool:
    keys = {k.lower() for k in literal.entries}
    return len(keys & CLAIMS.keys()) >= 2 and bool(keys & SIGNED_ONLY) and not keys & JOIN_OPTIONS


def jsonwebtoken_options(program: Program, literal: MapLiteral):
    """The options map of a `jwt.sign(payload, secret, options)` call that signs this literal, if any."""
    for call in program.calls:
        if not (matches(call, JSONWEBTOKEN_SIGN) and call.args):
            continue
        if program.resolve(call.args[0]) == literal.node:
            options = program.resolve(call.args[2]) if len(call.args) > 2 else None
            return next((m for m in program.maps if m.node == options), MapLiteral(call.node))
    return None


def check_payloads(program: Program):
    for literal in program.maps:
        keys = {k.lower() for k in literal.entries}
        if "iss" in keys and "exp" in keys and not keys & {"appkey", "sdkkey", "mn", "meetingnumber", "role"}:
            program.hit(
                "wrong_token_kind",
                literal.node,
                "This payload has iss and exp only: the token of a JWT app for Zoom's REST API, not a Meeting SDK "
                "signature (appKey, mn, role, iat, exp, tokenExp).",
                "Sign the Meeting SDK payload of Zoom's auth endpoint sample with a Meeting SDK app's credentials.",
            )
        if is_payload(literal):
            check_payload(program, literal)


def check_payload(program: Program, literal: MapLiteral):
    claims = claim_entries(literal)
    options = jsonwebtoken_options(program, literal)
    present = set(claims)
    if options is not None:  # jsonwebtoken adds iat itself, and exp from expiresIn
        keys = {k: v for k, v in options.entries.items()}
        if "noTimestamp" not in keys:
            present.add("iat")
        if "expiresIn" in keys:
            present.add("exp")
    if "meetingNumber" in claims:
        program.hit(
            "meeting_number_claim_name",
            claims["meetingNumber"][0],
            "The meeting number goes into a claim named meetingNumber; Zoom reads only mn (meetingNumber is the "
            "name of the join() parameter, not of the claim).",
            "Rename the claim to mn: { ..., mn: meetingNumber, ... }.",
        )
    if not literal.open:
        wanted = ("iat", "exp", "tokenExp") if literal.placeholder else ("appKey", "mn", "role", "iat", "exp")
        wanted += ("tokenExp",) if not literal.placeholder else ()
        for claim in wanted:
            if claim in present or claim == "mn" and "meetingNumber" in present:
                continue
            code = {"appKey": "missing_app_key", "tokenExp": "missing_token_exp"}.get(claim, f"missing_{claim}")
            severity = "warning" if claim == "appKey" and "sdkKey" in present else None
            program.hit(code, literal.node, f"The payload has no {claim} claim.", severity=severity)
    for claim in ("appKey", "sdkKey"):
        if claim in claims and claims[claim][1] is not None:
            value = claims[claim][1]
            if is_secretish(node_text(value)) or is_secretish(node_text(program.resolve(value))):
                program.hit(
                    "app_key_is_secret",
                    value,
                    f"{claim} is given the secret: the token's payload is readable by anyone, so the secret leaks.",
                    "Put the Client ID (SDK key) in appKey and sdkKey; sign with the secret. Rotate the leaked secret.",
                )
    if "role" in claims and claims["role"][1] is not None:
        check_role_value(program, claims["role"][1])
    if "mn" in claims and claims["mn"][1] is not None:
        check_meeting_number_value(program, program.resolve(claims["mn"][1]))


ROLE_FROM_REQUEST = (
    "The role is taken from the request as it came: form fields and query strings are text, so the token gets "
    '"1" instead of 1.'
)


def check_role_value(program: Program, node):
    value = program.resolve(node)
    text = string_value(program.parsed, value)
    if text is not None:
        program.hit("role_not_number", value, f'The role is the string "{text[:10]}"; Zoom expects the number 0 or 1.')
        return
    if request_input_unconverted(program, value):
        program.hit("role_not_number", value, ROLE_FROM_REQUEST)
        return
    number = number_value(program.parsed, value)
    if number is not None and number not in (0, 1):
        program.hit("role_out_of_range", value, f"The role is {number:g}; it must be 0 (participant) or 1 (host).")


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


def check_role_bindings(program: Program):
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if ROLEISH.search(last) and request_input_unconverted(program, binding.value):
            program.hit("role_not_number", binding.value, ROLE_FROM_REQUEST)


SPACED_MEETING_NUMBER = re.compile(r"^\d{3}[\s-]+\d{3,4}[\s-]+\d{3,4}$")


def check_meeting_number_value(program: Program, node):
    text = string_value(program.parsed, node)
    if text is None or not SPACED_MEETING_NUMBER.match(text.strip()):
        return
    if any(
        p.type in program.parsed.grammar.call and program.call(p).name in URL_CONVERTERS | {"sub"}
        for p in program.ancestors(node)
    ):
        return
    program.hit(
        "mn_not_digits",
        node,
        f'The meeting number "{text}" has separators; the token needs the bare digits.',
    )


def check_meeting_number_bindings(program: Program):
    for binding in program.bindings:
        if MEETINGISH.search(binding.name.rsplit(".", 1)[-1]):
            check_meeting_number_value(program, binding.value)
