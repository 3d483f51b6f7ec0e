"""Checks of how the code encodes: standard base64, the bare HMAC returned, the pre-2022 format."""

import re

from lib.review.claims import is_payload
from lib.review.program import HMAC_CALLS, STANDARD_BASE64, TOKEN_CALLS, URL_CONVERTERS, Program, matches, receiver_of
from lib.review.reading import Call, identifier, returns_within, string_parts, string_value, unwrap
from lib.review.syntax import COMMENT_TYPES, node_text


def is_standard_base64(program: Program, call: Call) -> bool:
    if matches(call, STANDARD_BASE64):
        return not (call.name in ("encode64", "strict_encode64") and "urlsafe" in call.callee)
    if call.name not in ("toString", "digest", "update", "pack") or not call.args:
        return False
    first = string_value(program.parsed, call.args[0])
    if call.name in ("toString", "digest", "update") and first == "base64":
        return True
    if call.name == "toString" and call.args and program.text(call.args[0]).endswith("enc.Base64"):
        return True
    return call.name == "pack" and first in ("m0", "m")


def replaces_plus_or_slash(argument) -> bool:
    """Whether what a replace() looks for matches '+' or '/': a regex's pattern, or a string holding one."""
    if argument is None:
        return False
    if argument.type == "regex":
        pattern = argument.child_by_field_name("pattern")
        try:
            compiled = re.compile(node_text(pattern) if pattern is not None else "")
        except re.error:
            return False
        return bool(compiled.search("+") or compiled.search("/"))
    text = node_text(argument)
    return "+" in text or "/" in text


def converted_to_base64url(program: Program, call: Call) -> bool:
    """Whether the statement (or a later use of its result) turns standard base64 into base64url."""

    def converts(node) -> bool:
        converter = program.call(node)
        if converter.name in URL_CONVERTERS:  # replacing '+' or '/', not only stripping '='
            searched = [a for a in converter.args[:2] if a is not None and a.type not in program.parsed.grammar.call]
            return any(map(replaces_plus_or_slash, searched))  # PHP's strtr($s, '+/', '-_') searches its 2nd
        return "url" in converter.name.lower()

    if any(p.type in program.parsed.grammar.call and converts(p) for p in program.ancestors(call.node)):
        return True
    binding = program.binding_of(call.node)
    if binding is None:
        return False
    for other in program.calls:
        if other.node.start_byte > binding.target.start_byte and converts(other.node):
            if program.uses(other.node, binding.name):
                return True
    return False


def is_hmac_value(program: Program, node, depth=4) -> bool:
    """Whether a value is (an encoding of) the HMAC itself, following names and local functions."""
    if not program.has_hmac:
        return False
    node = program.resolve(node)
    if node is None or depth == 0:
        return False
    if node.id not in program.hmac_at:
        program.hmac_at[node.id] = False  # while it is being decided: a name that leads back to itself is not
        program.hmac_at[node.id] = _is_hmac_value(program, node, depth)
    return program.hmac_at[node.id]


def _is_hmac_value(program: Program, node, depth) -> bool:
    if node.type in program.parsed.grammar.map or node.type in program.parsed.grammar.number:
        return False
    parts = string_parts(program.parsed, node)
    if parts and any(isinstance(p, str) and "." in p for p in parts):
        return False  # header.payload.signature
    inner = program.calls_in(node)
    if any(TOKEN_CALLS.search(c.callee) for c in inner):
        return False
    if any(matches(c, HMAC_CALLS) for c in inner):
        return True
    for call in inner:
        function = program.functions.get(call.name)
        if function is not None and not (function.start_byte <= node.start_byte < function.end_byte):
            if any(is_hmac_value(program, value, depth - 1) for value in returns_within(program.parsed, function)):
                return True
    text = node_text(node)
    bound_here = {b.name for b in program.bindings if b.name in text}  # a cheap look before the tree is walked
    names = bound_here and program.names_used_in(node) & bound_here - {identifier(program.parsed, node)}
    return any(is_hmac_value(program, program.bound_value(name, node), depth - 1) for name in names or ())


def check_standard_base64(program: Program):
    encoders = [call for call in program.calls if is_standard_base64(program, call)]
    signs = encoders and (program.has_hmac or any(map(is_payload, program.maps)))
    for call in encoders:
        if converted_to_base64url(program, call):
            continue
        statement_text = node_text(next(iter(reversed(list(program.ancestors(call.node)))), call.node))
        if "Basic" in statement_text or re.search(r"['\"`]:['\"`]|:\$\{|\}:", statement_text):
            continue  # HTTP Basic authorization (client_id:secret) is standard base64 by definition
        about = " ".join(node_text(a) for a in call.args) + " " + node_text(call.node)
        binding = program.binding_of(call.node)
        about += " " + (binding.name if binding else "")
        if not (signs or re.search(r"payload|header|sig|hash|hmac|mac|json|token|digest|claims", about, re.I)):
            continue
        receiver_is_mac = call.name in ("toString", "digest") and any(
            matches(c, HMAC_CALLS) for c in program.calls_in(call.node)
        )
        named_mac = re.search(r"sig|hash|mac|digest", (binding.name if binding else "") + " " + about, re.I)
        serialised = re.search(r"json|stringify|marshal", about, re.I)  # JSON text: a header or payload segment
        on_mac = (
            receiver_is_mac or bool(named_mac) or not serialised and any(is_hmac_value(program, a) for a in call.args)
        )
        program.hit(
            "standard_base64",
            call.node,
            f"{call.callee}(…) writes standard base64 (+, / and = padding); a JWT "
            + ("signature" if on_mac else "segment")
            + " must be base64url without padding.",
            "Use base64url without '=' (Node: .toString('base64url'); Python: base64.urlsafe_b64encode(…)"
            ".rstrip(b'=')), or let a JWT library encode.",
            step="signature" if on_mac else None,
        )


def check_returned_mac(program: Program):
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


def is_helper(program: Program, name: str) -> bool:
    """A function whose result the code puts into a token itself (an HMAC or encoding helper)."""
    for call in program.calls:
        if call.name != name:
            continue
        for parent in program.ancestors(call.node):
            parts = string_parts(program.parsed, parent)
            if parts and any(isinstance(p, str) and "." in p for p in parts):
                return True
    return False


def _dotted_pieces(program: Program, node) -> list | None:
    parts = string_parts(program.parsed, node)
    if parts is None and node.type in program.parsed.grammar.call:
        call = program.call(node)
        separator = next(
            (string_value(program.parsed, a) for a in call.args if string_value(program.parsed, a) == "."), None
        )
        if call.name in ("join", "Join", "implode") and (separator or call.name == "join" and "." in call.callee):
            items = [a for a in call.args if string_value(program.parsed, a) != "."]
            receiver = receiver_of(program, node)
            if receiver is not None and string_value(program.parsed, receiver) == ".":
                items = call.args
            elif receiver is not None and receiver.type not in program.parsed.grammar.string:
                items = [receiver]
            flat = []
            for item in items:
                item = unwrap(item)
                flat += (
                    [c for c in item.named_children if c.type not in COMMENT_TYPES]
                    if item.named_child_count
                    else [item]
                )
            pieces = []
            for item in flat:
                pieces += [item, "."]
            return pieces[:-1]
    return parts


def check_legacy_format(program: Program):
    if "role" not in program.parsed.text.lower():
        return  # the legacy message always joins the role: no need to read every string
    joins = [c.node for c in program.calls if c.name in ("join", "Join", "implode")]
    interpolated = [node for node in program.parsed.of("string") if node.child_count > 3]  # not a plain "…"
    candidates = [*interpolated, *program.parsed.of("binary"), *joins]
    for node in candidates:
        if node.parent is not None and node.parent.type in program.parsed.grammar.binary:
            continue
        if "role" not in node_text(node).lower():
            continue  # the legacy message always joins the role
        pieces = _dotted_pieces(program, node)
        if not pieces:
            continue
        values = [p for p in pieces if not isinstance(p, str)]
        separators = [p for p in pieces if isinstance(p, str)]
        names = " ".join(node_text(v) for v in values)
        if (
            len(values) >= 4
            and sum(s.count(".") for s in separators) >= 3
            and all(set(s) <= {"."} for s in separators if s)
            and re.search(r"role", names, re.I)
            and re.search(r"meeting|mn|number", names, re.I)
        ):
            program.hit(
                "legacy_signature_format",
                node,
                "This builds the pre-2022 signature key.meetingNumber.timestamp.role.hash; Web SDKs since 2022 "
                "take only the HS256 JWT.",
                "Sign the HS256 JWT of Zoom's current auth endpoint sample.",
            )
