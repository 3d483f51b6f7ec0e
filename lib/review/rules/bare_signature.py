"""bare_signature: a function that returns the HMAC alone where join() needs the whole token."""

import re

from lib.review.program import Program
from lib.review.reading import identifier, returns_within, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.values import is_helper, is_hmac_value


def check(program: Program):
    for name, function in program.functions.items():
        if re.search(r"hmac|hash|mac$|digest|base64|encode|^b64", name, re.I):
            continue
        for value in returns_within(program.parsed, function):
            if is_hmac_value(program, value) and not is_helper(program, name):
                program.hit(
                    "bare_signature",
                    value.parent if value.parent is not None else value,
                    f"{name} returns the HMAC alone; join() needs the whole token header.payload.signature.",
                    "Return the assembled token: header + '.' + payload + '.' + signature.",
                )
    if program.functions:
        return
    for node in program.parsed.of("ret"):  # a fragment: `return signature`
        value = unwrap(node.named_children[0]) if node.named_child_count else None
        name = identifier(program.parsed, value) if value is not None else None
        if name and re.fullmatch(r"(signature|sig|hash|hmac|mac|digest)", name, re.I):
            bound = program.bound_value(name)
            if bound is None or is_hmac_value(program, bound):
                program.hit(
                    "bare_signature",
                    node,
                    f"This returns {name}, the HMAC alone; join() needs the whole token header.payload.signature.",
                    "Return the assembled token: header + '.' + payload + '.' + signature.",
                )


RULE = ReviewRule(codes=("bare_signature",), check=check)
