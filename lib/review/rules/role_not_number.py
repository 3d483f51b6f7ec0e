"""role_not_number / role_out_of_range: the payload's role as text, or a number other than 0 and 1.

A literal role is judged by the rule book (lib.zoom.rules). Text that only the code shows is followed to
where it comes from: the request as it came, a conversion to text (str(role), String(role),
role.toString(), `${role}`), a parameter typed as text (role: string, role: '0' | '1'), or an
environment variable read as it is (process.env, os.environ, getenv).
"""

import re

from lib.review.payload import (
    ROLE_FROM_REQUEST,
    claim_entries,
    payloads,
    request_input_unconverted,
    rule_book_breaches,
    written_family,
)
from lib.review.program import ROLEISH, Program
from lib.review.reading import function_name, identifier, number_value, string_parts, string_value, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.syntax import COMMENT_TYPES, node_text

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
    found_payloads = payloads(program)
    for literal in found_payloads:
        claims = claim_entries(literal)
        if "role" not in claims or claims["role"][1] is None:
            continue
        value = program.resolve(claims["role"][1])
        breaches = rule_book_breaches(program, literal, RULE.codes)
        for breach in breaches:
            program.hit(breach.code, value, breach.message, severity=breach.severity)
        found = None if breaches else text_role(program, claims["role"][1])
        if found:
            reason, where = found
            program.hit("role_not_number", where if where is not None else value, reason)
    if found_payloads and all(written_family(literal) == "video" for literal in found_payloads):
        return  # a Video SDK signer's role goes into role_type: video_claims judges it
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if ROLEISH.search(last) and request_input_unconverted(program, binding.value):
            program.hit("role_not_number", binding.value, ROLE_FROM_REQUEST)


ENVIRONMENT_TEXT = "{} is text (environment variables always are); convert it: the role must be a number."


def text_role(program: Program, node, depth=4):
    """(why the role the payload gets is text, the node that makes it so) following names, parameters and
    the arguments of the function's callers a few steps back; None if it is not known to be text."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    if request_input_unconverted(program, node):
        return ROLE_FROM_REQUEST, node
    text = node_text(node)
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name in TO_TEXT and not re.search(r"parse|Number|int", call.callee, re.I):
            return f"{text[:40]} makes the role text; the token needs the number 0 or 1 (a JSON number).", node
        if call.name in ENVIRONMENT_READS and ENVIRONMENT.search(call.callee + "("):
            return ENVIRONMENT_TEXT.format(text[:40]), node
        return None
    if node.type in ("template_string", "interpolated_string_expression", "string", "encapsed_string"):
        parts = string_parts(program.parsed, node)
        if parts and any(not isinstance(p, str) for p in parts):
            return "A template string makes the role text; the token needs the number 0 or 1.", node
        return None
    if node.type in program.parsed.grammar.member or node.type in ("subscript", "element_reference"):
        if ENVIRONMENT.search(text):
            return ENVIRONMENT_TEXT.format(text[:40]), node
        return (ROLE_FROM_REQUEST, node) if read_from_request_body(program, node) else None
    if node.type == "cast_expression" and re.match(r"\(\s*string\s*\)", text):
        return f"{text[:40]} makes the role text; the token needs the number 0 or 1.", node
    name = identifier(program.parsed, node)
    if name is None or number_value(program.parsed, node) is not None or string_value(program.parsed, node):
        return None
    bound = program.bound_value(name, node)
    if bound is not None and bound != node:
        return text_role(program, bound, depth - 1)
    if destructured_from_request(program, name, node):
        return ROLE_FROM_REQUEST, node
    parameter = parameter_of(program, node, name)
    if parameter is None:
        return None
    function, index, kind = parameter
    if kind is not None and TEXT_TYPE.match(node_text(kind).strip()):
        return f"The parameter {name} is typed {node_text(kind).strip(': ')[:30]}: text, not the number 0 or 1.", kind
    called = function_name(program.parsed, function)
    for call in program.calls:  # sign(key, secret, mn, process.env.ROLE): what the callers pass
        if called and call.callee in (called, f"this.{called}", f"self.{called}") and index < len(call.args):
            found = text_role(program, call.args[index], depth - 1)
            if found:
                return found
    return None


def read_from_request_body(program: Program, node) -> bool:
    """data["role"] where data = request.get_json() / await req.json() / req.body."""
    owner = unwrap(node.named_children[0]) if node.named_child_count else None
    name = identifier(program.parsed, owner) if owner is not None else None
    bound = program.bound_value(name, node) if name else None
    return bound is not None and is_request_body(bound)


REQUEST_BODY = re.compile(
    r"(req|request|ctx\.request|event|c)\.(body|query|params|form|args|data|json)|(req|request|c)\.(json|get_json)\(\)"
)


def is_request_body(node) -> bool:
    """The request's body or query itself (awaited, or cast with `as`), not a function of it (asNumbers(req.body))."""
    text = re.sub(r"^await\s+", "", node_text(node).strip())
    text = re.sub(r"\s+as\s+[\s\S]*$", "", text)
    return bool(REQUEST_BODY.fullmatch(text))


def destructured_from_request(program: Program, name: str, node) -> bool:
    """const { meetingNumber, role } = await request.json() (or req.body, req.query), earlier in the same function."""
    scope = enclosing_function(program, node)
    for binding in program.bindings:
        pattern = binding.target
        if pattern is None or pattern.type not in ("object_pattern", "dictionary_pattern") or binding.value is None:
            continue
        if pattern.start_byte > node.start_byte or enclosing_function(program, pattern) != scope:
            continue
        names = {node_text(c) for c in pattern.named_children}
        value = node_text(binding.value)
        declared = re.search(rf"\b{re.escape(name)}\??\s*:\s*(number|0\s*\|\s*1)\b", value)  # `as { role: number }`
        if name in names and is_request_body(binding.value) and not declared:
            return True
    return False


def enclosing_function(program: Program, node):
    owner = node.parent
    while owner is not None and owner.type not in program.parsed.grammar.function:
        owner = owner.parent
    return owner


def parameter_of(program: Program, node, name: str):
    """(function, position, written type or None) of the parameter `name` of a function around the node."""
    owner = node.parent
    while owner is not None:
        if owner.type in program.parsed.grammar.function:
            parameters = owner.child_by_field_name("parameters")
            listed = [c for c in parameters.named_children if c.type not in COMMENT_TYPES] if parameters else []
            for index, parameter in enumerate(listed):
                kind = parameter.child_by_field_name("type")
                named = [c for c in parameter.named_children if c != kind] or [parameter]
                if any(identifier(program.parsed, c) == name for c in named):
                    return owner, index, kind
        owner = owner.parent
    return None


RULE = ReviewRule(codes=("role_not_number", "role_out_of_range"), check=check)
