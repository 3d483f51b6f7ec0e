"""timestamp_milliseconds / timestamp_not_integer: times in milliseconds, or with a fraction of a second."""

from lib.review.program import DATE_FROM_MILLISECONDS, INTEGER_DIVISION, TIMEISH, Program, matches
from lib.review.reading import binary
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.times import (
    FRACTIONAL_SECONDS,
    NANOSECOND_CALLS,
    divided_into_seconds,
    divisions,
    floored,
    in_time_claim,
    later_uses,
    millisecond_sources,
    roundings,
    scaled_names,
    scaled_to_milliseconds,
)


def check(program: Program):
    check_milliseconds(program)
    check_scaled_names(program)
    check_fractional_seconds(program)


def check_milliseconds(program: Program):
    language = program.parsed.grammar.name
    for source in millisecond_sources(program):
        if any(
            p.type in program.parsed.grammar.call and matches(program.call(p), DATE_FROM_MILLISECONDS)
            for p in program.ancestors(source)
        ):
            continue
        if source.parent is not None and source.parent.type in program.parsed.grammar.binary:
            outer = binary(program.parsed, source.parent)
            if outer and outer[1] == "*" and source.type in program.parsed.grammar.binary:
                continue  # counted as the larger product
        nanoseconds = source.type in program.parsed.grammar.call and program.call(source).name in NANOSECOND_CALLS
        per_second = 1e9 if nanoseconds else 1000
        division = divided_into_seconds(program, source, per_second)
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if division is None and name:
            later = later_uses(program, name, binding.target, divisions(program, per_second))
            division = later[0] if later else None
        if division is not None:
            target = division
            if language not in INTEGER_DIVISION and not floored(program, target):
                divided_name = program.binding_of(target)
                rounded_later = divided_name and later_uses(
                    program, divided_name.name, divided_name.target, roundings(program)
                )
                if not rounded_later and "//" not in node_text(target):
                    program.hit(
                        "timestamp_not_integer",
                        target,
                        "Milliseconds divided by 1000 leave a fraction (1733050000.123); JWT times are whole seconds.",
                        program.time_fix(),
                    )
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or in_time_claim(program, source, name):
            program.hit(
                "timestamp_milliseconds",
                source,
                f"{node_text(source)[:60]} counts milliseconds; iat and exp are seconds, so the token claims to be "
                "issued some 50,000 years from now.",
                program.time_fix(),
            )


def check_scaled_names(program: Program):
    """tokenExp = exp * 1000 put into a time claim: seconds made milliseconds by hand."""
    for node in scaled_names(program):
        binding = program.binding_of(node)
        name = binding.name if binding else None
        if in_time_claim(program, node, name) and divided_into_seconds(program, node) is None:
            program.hit(
                "timestamp_milliseconds",
                node,
                f"{node_text(node)[:60]} turns seconds into milliseconds; iat, exp and tokenExp are seconds.",
                program.time_fix(),
            )


def check_fractional_seconds(program: Program):
    language = program.parsed.grammar.name
    if language in ("javascript", "typescript"):
        for node in program.parsed.of("member"):
            if node_text(node).endswith(".getTime") and not (
                node.parent is not None and node.parent.type == "call_expression"
            ):
                program.hit(
                    "timestamp_not_integer",
                    node,
                    "getTime without parentheses is the function itself, not the time: the claim becomes NaN (null).",
                    "Call it: Math.floor(new Date().getTime() / 1000), or Math.floor(Date.now() / 1000).",
                )
    sources = []
    if language in FRACTIONAL_SECONDS:
        sources = [c.node for c in program.calls if FRACTIONAL_SECONDS[language](c)]
    if language == "csharp":
        sources = [n for n in program.parsed.of("member") if node_text(n).endswith(".TotalSeconds")]
    for source in sources:
        if floored(program, source) or scaled_to_milliseconds(program, source):
            continue
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if name and later_uses(program, name, binding.target, roundings(program)):
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or in_time_claim(program, source, name):
            program.hit(
                "timestamp_not_integer",
                source,
                f"{node_text(source)[:60]} has a fractional part; iat and exp must be whole seconds.",
                program.time_fix(),
            )


RULE = ReviewRule(codes=("timestamp_milliseconds", "timestamp_not_integer"), check=check)
