"""secret_logged: the secret written to a log or the console (console.log, print, a logger, fmt.Println,
Console.WriteLine, System.out.println, puts/p, error_log/var_dump/echo).

A warning, not an error: the token still works, and the line is often debugging output pasted along with
the signer; but logs are kept, shipped to services and read by others, so a secret there is leaked.
What counts as the secret: a name, property, environment variable or key that says so (sdkSecret,
process.env.ZOOM_SDK_SECRET, os.environ["ZOOM_SECRET"]), a name given such a value, and text or objects
made of it. Its length, a boolean made of it or a fingerprint of it are not the secret.
"""

import re

from lib.review.program import Program, is_secretish
from lib.review.reading import identifier, string_value, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.syntax import COMMENT_TYPES, node_text
from lib.review.values import text_parts

LOG_CALL = re.compile(
    r"^(console\.(log|error|warn|info|debug|trace|dir|table)|print|pprint|println|printf|puts|p|pp|"
    r"fmt\.(Print|Println|Printf|Fprint|Fprintln|Fprintf)|log\.(Print|Println|Printf|Fatal|Fatalf|Fatalln|Panicf)|"
    r"Console\.(WriteLine|Write|Error\.WriteLine)|Debug\.(WriteLine|Log)|Trace\.(WriteLine|TraceInformation)|"
    r"System\.(out|err)\.(println|print|printf)|error_log|var_dump|var_export|print_r|printf|dd|dump|"
    r"(\w+\.)*(logger|log|logging|_logger|LOGGER|LOG|Log|Logger|Rails\.logger|winston|pino|"
    r"structlog)\.(log|debug|info|warn|warning|error|critical|exception|fatal|trace|Debug|Info|Warn|Error|"
    r"LogDebug|LogInformation|LogWarning|LogError|LogCritical|LogTrace|Debugf|Infof|Warnf|Errorf|Printf))$"
)
# Conversions that keep the secret's text: logging their result logs the secret.
KEEPS_TEXT = frozenset({"str", "String", "repr", "stringify", "toString", "ToString", "to_s", "inspect", "format"})
KEEPS_TEXT |= {"dumps", "Sprint", "Sprintf", "strval", "trim", "strip", "TrimSpace", "Trim", "decode", "encode"}
# Reading an environment variable or a setting by its name: the value is the secret when the name says so.
READS_BY_NAME = frozenset({"getenv", "Getenv", "GetEnvironmentVariable", "get", "fetch", "getProperty", "env"})
NOT_THE_SECRET = re.compile(r"^(length|size|Length|Count|len|count|isEmpty|empty)$")
# Names of facts about the secret (hasSecret, secretLength, is_secret_set), not of the secret.
ABOUT_THE_SECRET = re.compile(
    r"^(has|is)[A-Z_]|len|length|count|size|exists|present|configured|missing|[_a-z]set$", re.I
)
PHP_OUTPUT = frozenset({"echo_statement", "print_intrinsic"})


def check(program: Program):
    for call in program.calls:
        if not LOG_CALL.match(call.callee):
            continue
        arguments = [*call.args, *call.kwargs.values()]
        if any(is_secret(program, argument) for argument in arguments if argument is not None):
            report(program, call.node, call.callee)
    if program.parsed.grammar.name == "php" and re.search(r"\b(echo|print)\b", program.parsed.text):
        for node in php_output(program.parsed.tree.root_node):
            named = [c for c in node.named_children if c.type not in COMMENT_TYPES]
            if any(is_secret(program, child) for child in named):
                report(program, node, node_text(node).split(None, 1)[0].rstrip("("))


def report(program: Program, node, how: str):
    program.hit(
        "secret_logged",
        node,
        f"The secret is written out by {how[:40]}: logs and consoles are kept, shipped to services and read by "
        "others, so the secret is leaked there.",
        "Log whether the secret is set, or a fingerprint of it (the first characters of its SHA-256), never the "
        "secret; rotate it if these logs were kept.",
    )


def php_output(root):
    """PHP's echo and print, which are statements rather than calls."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in PHP_OUTPUT:
            yield node
        else:
            stack.extend(node.named_children)


def is_a_fact_about(program: Program, node) -> bool:
    """A value that tells something about the secret without being it: !!secret, secret != null, len(secret)."""
    node = unwrap(node)
    if node.type in ("unary_expression", "not_operator", "unary_operator", "comparison_operator", "boolean_operator"):
        return True
    if node.type in program.parsed.grammar.binary and node_text(node.child_by_field_name("operator") or node) in (
        "==",
        "!=",
        "===",
        "!==",
        "&&",
        "||",
        "and",
        "or",
        ">",
        "<",
    ):
        return True
    if node.type in program.parsed.grammar.number or node.type in ("true", "false", "boolean", "ternary_expression"):
        return True
    return node.type in program.parsed.grammar.call and bool(NOT_THE_SECRET.match(program.call(node).name))


def is_secret(program: Program, node, depth=3) -> bool:
    """Whether the value logged is the secret or text made of it."""
    node = unwrap(node)
    if node is None or depth == 0:
        return False
    if node.type in ("parenthesized_expression", "argument"):
        return any(is_secret(program, c, depth) for c in node.named_children)
    parts = text_parts(program, node)
    if parts is not None:
        return any(not isinstance(p, str) and is_secret(program, p, depth - 1) for p in parts)
    if node.type in program.parsed.grammar.map:
        literal = next((m for m in program.maps if m.node == node), None)
        values = [value for _, value in literal.entries.values()] if literal is not None else []
        return any(value is not None and is_secret(program, value, depth - 1) for value in values)
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name in READS_BY_NAME and call.args:
            return is_secretish(string_value(program.parsed, call.args[0]) or "")
        if call.name in KEEPS_TEXT:
            receiver = node.child_by_field_name("object") or node.child_by_field_name("receiver")
            inside = [*call.args, *([receiver] if receiver is not None and call.name != "format" else [])]
            return any(is_secret(program, a, depth - 1) for a in inside if a is not None)
        return False
    name = identifier(program.parsed, node)
    if name is not None:
        bound = program.bound_value(name, node)
        bound = bound if bound is not None and bound != node else None
        if is_secretish(name) and not ABOUT_THE_SECRET.search(name):
            return bound is None or not is_a_fact_about(program, bound)
        return bound is not None and is_secret(program, bound, depth - 1)
    if node.type in program.parsed.grammar.member or node.type in ("attribute", "member_expression"):
        text = program.text(node)
        last = re.split(r"[.\[\]'\"]+", text.strip("[]'\" "))[-1] if text else ""
        index = string_value(program.parsed, node.named_children[-1]) if node.named_child_count else None
        return is_secretish(last) or (index is not None and is_secretish(index))
    return False


RULE = ReviewRule(codes=("secret_logged",), check=check)
