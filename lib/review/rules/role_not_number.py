"""role_not_number / role_out_of_range: the payload's role as text, or a number other than 0 and 1.

A literal role is judged by the rule book (lib.zoom.rules). Text that only the code shows is followed to
where it comes from: the request as it came, a conversion to text (str(role), String(role),
role.toString(), `${role}`), a parameter typed as text (role: string, role: '0' | '1'), or an
environment variable read as it is (process.env, os.environ, getenv).
"""

import re

from lib.review.payload import ROLE_FROM_REQUEST, claim_entries, payloads, request_input_unconverted, rule_book_breaches
from lib.review.program import ROLEISH, Program
from lib.review.reading import identifier, number_value, string_parts, string_value, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text

# Calls that turn a value into text, by their last name (String.valueOf, Integer.toString, strconv.Itoa …).
TO_TEXT = frozenset({"str", "String", "toString", "ToString", "to_s", "strval", "Itoa", "FormatInt", "Sprint"})
TO_TEXT |= {"Sprintf", "valueOf", "format", "toFixed"}
ENVIRONMENT = re.compile(
    r"process\.env\b|import\.meta\.env\b|os\.environ\b|\bgetenv\b|\bGetenv\b|LookupEnv|GetEnvironmentVariable|"
    r"^ENV\b|\$_ENV\b|\$_SERVER\b|\benv\(|Deno\.env"
)
ENVIRONMENT_READS = frozenset({"getenv", "Getenv", "get", "GetEnvironmentVariable", "env", "fetch"})
TEXT_TYPE = re.compile(r"^:?\s*(string|str|String|\?string)\s*$|^:?\s*(['\"]\d['\"]\s*\|?\s*)+$")


def check(program: Program):
    for literal in payloads(program):
        claims = claim_entries(literal)
        if "role" not in claims or claims["role"][1] is None:
            continue
        value = program.resolve(claims["role"][1])
        breaches = rule_book_breaches(program, literal, RULE.codes)
        for breach in breaches:
            program.hit(breach.code, value, breach.message, severity=breach.severity)
        reason = None if breaches else text_role(program, claims["role"][1])
        if reason:
            program.hit("role_not_number", value, reason)
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if ROLEISH.search(last) and request_input_unconverted(program, binding.value):
            program.hit("role_not_number", binding.value, ROLE_FROM_REQUEST)


def text_role(program: Program, node, depth=4) -> str | None:
    """Why the role the payload gets is text, following names a few steps back; None if it is not known to be."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    if request_input_unconverted(program, node):
        return ROLE_FROM_REQUEST
    text = node_text(node)
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name in TO_TEXT and not re.search(r"parse|Number|int", call.callee, re.I):
            return f"{text[:40]} makes the role text; the token needs the number 0 or 1 (a JSON number)."
        if call.name in ENVIRONMENT_READS and ENVIRONMENT.search(call.callee + "("):
            return f"{text[:40]} is text (environment variables always are); convert it: the role must be a number."
        return None
    if node.type in ("template_string", "interpolated_string_expression", "string", "encapsed_string"):
        parts = string_parts(program.parsed, node)
        if parts and any(not isinstance(p, str) for p in parts):
            return "A template string makes the role text; the token needs the number 0 or 1."
        return None
    if node.type in program.parsed.grammar.member or node.type in ("subscript", "element_reference"):
        if ENVIRONMENT.search(text):
            return f"{text[:40]} is text (environment variables always are); convert it: the role must be a number."
        return None
    if node.type == "cast_expression" and re.match(r"\(\s*string\s*\)", text):
        return f"{text[:40]} makes the role text; the token needs the number 0 or 1."
    name = identifier(program.parsed, node)
    if name is None or number_value(program.parsed, node) is not None or string_value(program.parsed, node):
        return None
    bound = program.bound_value(name, node)
    if bound is not None and bound != node:
        return text_role(program, bound, depth - 1)
    typed = parameter_type(program, node, name)
    if typed is not None and TEXT_TYPE.match(typed.strip()):
        return f"The parameter {name} is typed {typed.strip(': ')[:30]}: text, not the number 0 or 1."
    return None


def parameter_type(program: Program, node, name: str) -> str | None:
    """The written type of the parameter `name` of a function around the node."""
    owner = node.parent
    while owner is not None:
        if owner.type in program.parsed.grammar.function:
            parameters = owner.child_by_field_name("parameters")
            for parameter in parameters.named_children if parameters is not None else ():
                kind = parameter.child_by_field_name("type")
                named = [c for c in parameter.named_children if c != kind]
                if kind is not None and any(identifier(program.parsed, c) == name for c in named):
                    return node_text(kind)
        owner = owner.parent
    return None


RULE = ReviewRule(codes=("role_not_number", "role_out_of_range"), check=check)
