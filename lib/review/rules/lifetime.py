"""lifetime_too_short / lifetime_too_long / token_exp_too_short: exp − iat written as now + a constant
(through names: now; iat = now - 30; exp = iat + 300), or jsonwebtoken's expiresIn, outside Zoom's limits;
a tokenExp of its own too soon after iat, as the rule book (lib.zoom.rules) judges it."""

from lib.review.program import EXPIRYISH, Program
from lib.review.reading import NAMED_ARGUMENTS, string_value
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.times import expires_in_seconds, lifetime_seconds, now_offset
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS
from lib.zoom.rules import check_claims

EXPIRY_KEYS = ("exp", "tokenexp", "expires", "expiration", "expiresat")
_NOW = 1_733_000_000  # any time: the rule book is asked about distances from iat, not about a clock


def check(program: Program):
    seen = set()
    expiries = {}  # the expression an expiry is computed by -> (how to read it, the iat it counts from, tokenExp?)
    for literal in program.maps:
        entries = {key.lower(): value for key, (_, value) in literal.entries.items()}
        iat = entries.get("iat")
        exp = program.resolve(entries["exp"]) if entries.get("exp") is not None else None
        for key, (_, value) in literal.entries.items():
            if value is not None and key == "expiresIn":
                expiries[value] = (expires_in_seconds, None, False)
            elif value is not None and key.lower() in EXPIRY_KEYS:
                resolved = program.resolve(value)
                own_token_exp = key.lower() == "tokenexp" and not same_value(resolved, exp)
                if key.lower() == "tokenexp" and not own_token_exp:
                    continue  # tokenExp = exp, the sample's way: judged as exp
                expiries.setdefault(resolved, (lifetime_seconds, iat, own_token_exp))
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if binding.value is not None and EXPIRYISH.search(last):
            iat = program.bound_value("iat", binding.value)
            expiries.setdefault(binding.value, (lifetime_seconds, iat, last.lower().replace("_", "") == "tokenexp"))
    for call in program.calls if program.parsed.grammar.name in NAMED_ARGUMENTS else ():
        for key, value in call.kwargs.items():
            if key.lower() in ("expires", "exp") and value is not None:
                expiries.setdefault(program.resolve(value), (lifetime_seconds, None, False))
    for node, (lifetime, iat, token_exp) in expiries.items():
        if node is None or node.start_point[0] in seen:
            continue
        line, seconds = node.start_point[0], lifetime(program, node)
        if seconds is None:
            continue
        seconds -= (now_offset(program, iat) or 0) if iat is not None else 0
        if token_exp:
            for breach in check_claims(
                {"iat": _NOW, "exp": _NOW + DEFAULT_LIFETIME_SECONDS, "tokenExp": _NOW + int(seconds)}, _NOW
            ):
                if breach.code == "token_exp_too_short":
                    seen.add(line)
                    program.hit(breach.code, node, breach.message, severity=breach.severity)
        elif seconds < MIN_LIFETIME_SECONDS:
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


def same_value(node, other) -> bool:
    """tokenExp written as exp itself, or as the same expression."""
    return other is not None and node is not None and (node == other or node_text(node) == node_text(other))


MILLISECOND_STRING = (
    ' jsonwebtoken reads a string of digits without a unit as milliseconds (its README: "120" is "120ms"); '
    'write the number 7200 or "2h".'
)


def digits_only(program: Program, node) -> bool:
    """expiresIn: "1800": a numeric string, which jsonwebtoken (through the ms package) reads as milliseconds."""
    text = string_value(program.parsed, node)
    return text is not None and text.strip().replace(".", "", 1).isdigit()


RULE = ReviewRule(codes=("lifetime_too_short", "lifetime_too_long", "token_exp_too_short"), check=check)
