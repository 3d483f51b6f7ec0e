"""Pasted JavaScript or TypeScript made runnable in a plain browser worker, and how to call it.

Nothing here runs the code: it is rewritten from its syntax tree (TypeScript's types erased, `import`
turned into `require`, `export` dropped) into a CommonJS module, which the sandboxed frame of
lib/review/sandbox.py runs in a function of its own as Node would, and the signing function and its
arguments are chosen from its parameters.
"""

import re
from dataclasses import dataclass

from lib.review import MASK, Review
from lib.review.reading import function_name, parameter_names, string_value
from lib.review.syntax import GRAMMARS, Parsed, node_text
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET

RUNNABLE_LANGUAGES = ("javascript", "typescript")
# TypeScript's own syntax: removed whole.
TYPE_ONLY = frozenset(
    {"type_annotation", "type_arguments", "type_parameters", "interface_declaration", "type_alias_declaration"}
    | {"accessibility_modifier", "override_modifier", "abstract_class_declaration", "ambient_declaration"}
)
SIGNER_NAME = re.compile(r"generate_?signature|signature|sign|token|jwt", re.I)
IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
REQUIRED = re.compile(r"""\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)""")
# The library each module the code names needs loaded (Node's crypto and jsonwebtoken are built on crypto-js).
LIBRARY_OF_MODULE = {"crypto": "crypto-js", "jsonwebtoken": "crypto-js", "crypto-js": "crypto-js"}
LIBRARY_OF_MODULE |= {"jsrsasign": "jsrsasign", "js-base64": "js-base64"}
# Browser code loads them with a <script> tag and uses their globals (Web Crypto's HMAC is built on crypto-js).
LIBRARY_OF_GLOBAL = {"CryptoJS": "crypto-js", "KJUR": "jsrsasign", "subtle": "crypto-js"}
LIBRARY_OF_GLOBAL |= {"Base64.encode": "js-base64", "Base64.fromUint8Array": "js-base64"}
# What the worker passes for a parameter named like a response (lib/review/web/sandbox_worker.js records what
# the handler sends with it). One named like a request gets the demo values, also as `body` and `await req.json()`.
RESPONSE = {"$sandbox": "response"}
SERVER_CODE = re.compile(r"\bexpress\(|\bapp\.(post|get|listen)\(|createServer\(")


class NotRunnable(ValueError):
    """Code the sandbox cannot run; the message says why."""


@dataclass(frozen=True)
class Runnable:
    script: str  # the classic script the worker loads
    function: str  # the function to call
    arguments: list  # JSON values, in parameter order
    libraries: tuple[str, ...]  # npm names of the libraries it uses (lib/review/sandbox.py LIBRARIES)
    unknown_parameters: tuple[str, ...] = ()  # parameters no demo value fits: they get null


def _imports(parsed: Parsed, node) -> str:
    """`import …` as the equivalent require() lines."""
    source = node.child_by_field_name("source")
    module = string_value(parsed, source) if source is not None else None
    if module is None or node_text(node).startswith("import type"):
        return ""
    required = f"require({module!r})".replace("'", '"')
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    if clause is None:
        return f"{required};"
    lines = []
    for part in clause.named_children:
        if part.type == "identifier":
            lines.append(f"const {node_text(part)} = {required};")
        elif part.type == "namespace_import":
            lines.append(f"const {node_text(part.named_children[-1])} = {required};")
        elif part.type == "named_imports":
            names = []
            for specifier in part.named_children:
                name, alias = specifier.child_by_field_name("name"), specifier.child_by_field_name("alias")
                names.append(f"{node_text(name)}: {node_text(alias)}" if alias is not None else node_text(name))
            lines.append(f"const {{ {', '.join(names)} }} = {required};")
    return " ".join(lines)


def _edits(parsed: Parsed):
    """(start, end, replacement) byte edits that turn the module into a plain script."""
    stack = [parsed.tree.root_node]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind in TYPE_ONLY:
            yield node.start_byte, node.end_byte, ""
            continue
        if kind == "import_statement":
            yield node.start_byte, node.end_byte, _imports(parsed, node)
            continue
        if kind == "export_statement":
            declaration = node.child_by_field_name("declaration") or node.child_by_field_name("value")
            if declaration is None:
                yield node.start_byte, node.end_byte, ""  # export { a, b }
                continue
            prefix = "" if node.child_by_field_name("declaration") is not None else "module.exports.default = "
            yield node.start_byte, declaration.start_byte, prefix
        elif kind in ("as_expression", "satisfies_expression") and node.named_child_count:
            yield node.named_children[0].end_byte, node.end_byte, ""
        elif kind == "non_null_expression":
            yield node.end_byte - 1, node.end_byte, ""
        elif kind == "optional_parameter":
            mark = next((c for c in node.children if c.type == "?"), None)
            if mark is not None:
                yield mark.start_byte, mark.end_byte, ""
        elif kind == "member_expression" and node_text(node).startswith("import.meta.env"):
            yield node.start_byte, node.start_byte + len("import.meta"), "process"
            continue
        stack.extend(node.children)


def _apply(source: bytes, edits) -> str:
    pieces, position = [], 0
    for start, end, replacement in sorted(edits):
        if start < position:
            continue  # inside a piece already removed
        pieces += [source[position:start], replacement.encode()]
        position = end
    pieces.append(source[position:])
    return b"".join(pieces).decode("utf-8", "replace")


def _top_level(parsed: Parsed, node) -> bool:
    """A function of the module's own scope, which the sandbox can call by its name (not one inside another)."""
    ancestor = node.parent
    while ancestor is not None:
        if ancestor.type in parsed.grammar.function or ancestor.type == "class_body":
            return False
        ancestor = ancestor.parent
    return True


def argument_for(parameter: str):
    """The demo value a signing function's parameter gets, by its name."""
    name = parameter.lower()
    if re.fullmatch(r"res|response|reply", name):
        return RESPONSE
    if "secret" in name:
        return DEMO_SDK_SECRET
    if re.search(r"key|client_?id|clientid|appid", name):
        return DEMO_SDK_KEY
    if re.search(r"meeting|^mn$|number", name):
        return DEMO_MEETING_NUMBER
    if "role" in name:
        return 0
    if parameter.startswith("{") or re.search(r"req|body|options|params|input|data", name):
        fields = {"sdkKey": DEMO_SDK_KEY, "sdkSecret": DEMO_SDK_SECRET, "meetingNumber": DEMO_MEETING_NUMBER, "role": 0}
        return fields | {"body": {"meetingNumber": DEMO_MEETING_NUMBER, "role": 0}}
    return None


def runnable(text: str, language: str) -> Runnable:
    """The code as a script for the sandbox, the function to call and its demo arguments.

    Raises NotRunnable for another language or code without a function to call."""
    if language not in RUNNABLE_LANGUAGES:
        raise NotRunnable("only JavaScript and TypeScript run in the browser; the review above still applies.")
    parsed = Parsed(text, GRAMMARS[language])
    functions = [(function_name(parsed, node), node) for node in parsed.of("function") if _top_level(parsed, node)]
    functions = [(name, node) for name, node in functions if name and IDENTIFIER.fullmatch(name)]
    if not functions and SERVER_CODE.search(text):
        raise NotRunnable(
            "the sandbox cannot run a web server, and the token is made in a route handler with no name to call: "
            "put the signing in a named function (`function generateSignature(meetingNumber, role) {…}`) and "
            "paste that, or try the running server with the Endpoint tester."
        )
    if not functions:
        raise NotRunnable("no named function to call: paste the whole signing function.")
    chosen = next((f for f in functions if f[0].lower() in ("generatesignature", "generate_signature")), None)
    chosen = chosen or next((f for f in functions if SIGNER_NAME.search(f[0])), functions[-1])
    name, node = chosen
    parameters = parameter_names(parsed, node)
    script = _apply(parsed.source, _edits(parsed))
    needed = {LIBRARY_OF_MODULE.get(module.removeprefix("node:").split("/")[0]) for module in REQUIRED.findall(script)}
    needed |= {library for mark, library in LIBRARY_OF_GLOBAL.items() if mark in text}
    libraries = tuple(library for library in ("crypto-js", "jsrsasign", "js-base64") if library in needed)
    arguments = [argument_for(p) for p in parameters]
    unknown = tuple(p for p, argument in zip(parameters, arguments, strict=True) if argument is None)
    return Runnable(script, name, arguments, libraries, unknown)


def runnable_review(review: Review) -> Runnable:
    """The reviewed code made runnable, every masked secret literal replaced by the demo secret: the
    secret written in the code never goes back to the browser."""
    return runnable(re.sub(f"{MASK}+", DEMO_SDK_SECRET, review.masked_text), review.language)
