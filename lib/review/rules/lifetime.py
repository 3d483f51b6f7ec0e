"""lifetime_too_short / lifetime_too_long: exp − iat written as now + a constant (or jsonwebtoken's
expiresIn) outside Zoom's limits."""

from lib.review.program import EXPIRYISH, Program
from lib.review.reading import NAMED_ARGUMENTS, string_value
from lib.review.rules.base import ReviewRule
from lib.review.times import expires_in_seconds, lifetime_seconds
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS


def check(program: Program):
    seen = set()
    expiries = {}  # the expression an expiry is computed by -> how to read it as a lifetime
    for literal in program.maps:
        for key, (_, value) in literal.entries.items():
            if value is not None and key == "expiresIn":
                expiries[value] = expires_in_seconds
            elif value is not None and key.lower() in ("exp", "tokenexp", "expires", "expiration", "expiresat"):
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for binding in program.bindings:
        if binding.value is not None and EXPIRYISH.search(binding.name.rsplit(".", 1)[-1]):
            expiries.setdefault(binding.value, lifetime_seconds)
    for call in program.calls if program.parsed.grammar.name in NAMED_ARGUMENTS else ():
        for key, value in call.kwargs.items():
            if key.lower() in ("expires", "exp") and value is not None:
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for node, lifetime in expiries.items():
        if node is None or node.start_point[0] in seen:
            continue
        line, seconds = node.start_point[0], lifetime(program, node)
        if seconds is None:
            continue
        if seconds < MIN_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_short",
                node,
                f"The token lives {seconds:g} s; Zoom refuses lifetimes under {MIN_LIFETIME_SECONDS} s (30 minutes)."
                + (MILLISECOND_STRING if digits_only(program, node) else ""),
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (two hours, the sample's default).",
            )
        elif seconds > MAX_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_long",
                node,
                f"The token lives {seconds:g} s; Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 hours).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} and sign a fresh token per join.",
            )


MILLISECOND_STRING = (
    ' jsonwebtoken reads a string of digits without a unit as milliseconds (its README: "120" is "120ms"); '
    'write the number 7200 or "2h".'
)


def digits_only(program: Program, node) -> bool:
    """expiresIn: "1800": a numeric string, which jsonwebtoken (through the ms package) reads as milliseconds."""
    text = string_value(program.parsed, node)
    return text is not None and text.strip().replace(".", "", 1).isdigit()


RULE = ReviewRule(codes=("lifetime_too_short", "lifetime_too_long"), check=check)
