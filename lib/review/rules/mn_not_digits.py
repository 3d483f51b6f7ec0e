"""mn_not_digits: a meeting number written with spaces or dashes and signed as it is."""

from lib.review.payload import SPACED_MEETING_NUMBER, claim_entries, payloads, rule_book_breaches
from lib.review.program import MEETINGISH, URL_CONVERTERS, Program
from lib.review.reading import string_value
from lib.review.rules.base import ReviewRule


def check(program: Program):
    for literal in payloads(program):
        claims = claim_entries(literal)
        if "mn" in claims and claims["mn"][1] is not None:
            for breach in rule_book_breaches(program, literal, RULE.codes):
                program.hit(breach.code, program.resolve(claims["mn"][1]), breach.message, severity=breach.severity)
    check_meeting_number_bindings(program)


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


RULE = ReviewRule(codes=("mn_not_digits",), check=check)
