"""role_not_number / role_out_of_range: the payload's role as text, or a number other than 0 and 1."""

from lib.review.payload import (
    ROLE_FROM_REQUEST,
    claim_entries,
    payloads,
    request_input_unconverted,
)
from lib.review.program import ROLEISH, Program
from lib.review.reading import number_value, string_value
from lib.review.rules.base import ReviewRule


def check(program: Program):
    for literal in payloads(program):
        claims = claim_entries(literal)
        if "role" in claims and claims["role"][1] is not None:
            check_role_value(program, claims["role"][1])
    check_role_bindings(program)


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


def check_role_bindings(program: Program):
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if ROLEISH.search(last) and request_input_unconverted(program, binding.value):
            program.hit("role_not_number", binding.value, ROLE_FROM_REQUEST)


RULE = ReviewRule(codes=("role_not_number", "role_out_of_range"), check=check)
