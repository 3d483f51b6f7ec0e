"""Values followed through the code: the bare HMAC, standard base64 and its conversion, where the secret goes."""

import re

from lib.review.program import (
    HMAC_CALLS,
    KEY_ARGUMENT,
    KEY_ARGUMENT_LAST,
    READ_FILE,
    SIGNER_NAMES,
    STANDARD_BASE64,
    TOKEN_CALLS,
    URL_CONVERTERS,
    ZOOM_SIGNER_PARAMETERS,
    CallNames,
    Program,
    is_secretish,
    matches,
    receiver_of,
)
from lib.review.reading import (
    NAMED_ARGUMENTS,
    Call,
    binary,
    function_name,
    identifier,
    parameter_names,
    returns_within,
    string_parts,
    string_value,
    unwrap,
)
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


def is_padded_base64url(program: Program, call: Call) -> bool:
    """Java's Base64.getUrlEncoder() without withoutPadding(): base64url, but with '=' padding, unless what it
    encodes is a constant whose length is a multiple of 3 (a header that never pads) or the '=' is stripped."""
    if call.name not in ("encodeToString", "encode") or "getUrlEncoder()" not in call.callee:
        return False
    if "withoutPadding" in call.callee or not call.args:
        return False
    constant = constant_bytes(program, call.args[0])
    if constant is not None and len(constant) % 3 == 0:
        return False
    statement = program.binding_of(call.node)
    later = [c for c in program.calls if statement and c.node.start_byte > statement.target.start_byte]
    strips = [c for c in later if statement and program.uses(c.node, statement.name)] + list(
        program.ancestors(call.node)
    )
    return not any(re.search(r"""["']=|=\+?\$|replace\(\s*/=""", node_text(getattr(c, "node", c))) for c in strips)


def constant_bytes(program: Program, node) -> bytes | None:
    """The bytes of `"text".getBytes()` or of a name given a string literal, escapes read; None if not constant."""
    node = program.resolve(node)
    if node is not None and node.type in program.parsed.grammar.call:
        receiver = receiver_of(program, node)
        node = program.resolve(receiver) if receiver is not None else None
    text = string_value(program.parsed, node) if node is not None else None
    if text is None:
        return None
    try:
        return text.encode("utf-8").decode("unicode_escape").encode("utf-8")
    except UnicodeDecodeError:
        return None


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
    """Whether the statement, a later use of its result, or every caller of the helper that returns it
    turns standard base64 into base64url."""
    return _converted(program, call.node, depth=2)


def _converts(program: Program, node) -> bool:
    if node.type not in program.parsed.grammar.call:
        return False
    converter = program.call(node)
    if converter.name in URL_CONVERTERS:  # replacing '+' or '/', not only stripping '='
        searched = [a for a in converter.args[:2] if a is not None and a.type not in program.parsed.grammar.call]
        return any(map(replaces_plus_or_slash, searched))  # PHP's strtr($s, '+/', '-_') searches its 2nd
    return "url" in converter.name.lower()


def _converted(program: Program, node, depth: int) -> bool:
    if any(_converts(program, p) for p in program.ancestors(node)):
        return True
    binding = program.binding_of(node)
    if binding is not None:
        for other in program.calls:
            if other.node.start_byte > binding.target.start_byte and _converts(program, other.node):
                if program.uses(other.node, binding.name):
                    return True
        return False
    function = returned_by(program, node)
    name = function_name(program.parsed, function) if function is not None and depth else None
    callers = [c for c in program.calls if name and c.name == name and not _within(c.node, function)]
    return bool(callers) and all(_converted(program, c.node, depth - 1) for c in callers)


def _within(node, outer) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def returned_by(program: Program, node):
    """The function that returns this expression (`return btoa(binary)`, an arrow's body), or None."""
    for function in program.parsed.of("function"):
        if _within(node, function):
            for value in returns_within(program.parsed, function):
                if _within(node, value):
                    return function
    return None


def is_hmac_value(program: Program, node, depth=4) -> bool:
    """Whether a value is (an encoding of) the HMAC itself, following names and local functions."""
    if third_part_of_token(program, program.resolve(node)):
        return True
    if not program.has_hmac:
        return False
    node = program.resolve(node)
    if node is None or depth == 0:
        return False
    if node.id not in program.hmac_at:
        program.hmac_at[node.id] = False  # while it is being decided: a name that leads back to itself is not
        program.hmac_at[node.id] = _is_hmac_value(program, node, depth)
    return program.hmac_at[node.id]


INDEXING = frozenset({"subscript_expression", "subscript", "index_expression", "element_reference"})


def third_part_of_token(program: Program, node) -> bool:
    """`token.split('.')[2]`, `….split('.').pop()`: the signature cut out of a whole token."""
    node = unwrap(node)
    if node is None:
        return False
    if node.type in program.parsed.grammar.call and program.call(node).name in ("pop", "last"):
        inner = receiver_of(program, node)
    elif node.type in (
        "subscript_expression",
        "subscript",
        "index_expression",
        "element_reference",
        "element_access_expression",
    ):
        inner = node.named_children[0] if node.named_child_count > 1 else None
        index = node_text(node.named_children[-1]).strip("[] ") if inner is not None else ""
        if index not in ("2", "-1"):
            return False
    else:
        return False
    inner = unwrap(inner)
    if inner is None or inner.type not in program.parsed.grammar.call:
        return False
    split = program.call(inner)
    return split.name in ("split", "Split", "explode") and any(
        string_value(program.parsed, a) == "." for a in split.args
    )


def is_whole_token(program: Program, node) -> bool:
    """A value built as header.payload.signature, or made by a JWT library."""
    node = program.resolve(node)
    if node is None:
        return False
    parts = text_parts(program, node)
    if parts and sum(isinstance(p, str) and p.count(".") for p in parts) >= 2:
        return True
    return any(TOKEN_CALLS.search(c.callee) for c in program.calls_in(node))


def _is_hmac_value(program: Program, node, depth) -> bool:
    if node.type in program.parsed.grammar.map or node.type in program.parsed.grammar.number:
        return False
    parts = text_parts(program, node)
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


def is_helper(program: Program, name: str) -> bool:
    """A function whose result the code puts into a token itself (an HMAC or encoding helper)."""
    for call in program.calls:
        if call.name != name:
            continue
        for parent in program.ancestors(call.node):
            parts = text_parts(program, parent)
            if parts and any(isinstance(p, str) and "." in p for p in parts):
                return True
    return False


FORMAT_CALLS = frozenset({"Format", "format", "Sprintf", "sprintf", "vsprintf", "formatted"})
PLACEHOLDER_FIELD = re.compile(r"\{(\d*)(?::[^}]*)?\}|%[-+ 0#]*\d*(?:\.\d+)?[sdifvqxXu]")


def text_parts(program: Program, node) -> list | None:
    """What a string is made of (lib.review.reading.string_parts), format strings included:
    String.Format("{0}.{1}", a, b), fmt.Sprintf("%s.%s", a, b), "{}.{}".format(a, b), "%s.%s" % (a, b)."""
    parts = string_parts(program.parsed, node)
    if parts is not None or node is None:
        return parts
    node = unwrap(node)
    template, values = None, []
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name not in FORMAT_CALLS:
            return None
        receiver = receiver_of(program, node)
        if receiver is not None and string_value(program.parsed, receiver) is not None:
            template, values = string_value(program.parsed, receiver), list(call.args)  # "{}.{}".format(a, b)
        elif call.args and string_value(program.parsed, call.args[0]) is not None:
            template, values = string_value(program.parsed, call.args[0]), list(call.args[1:])
    else:
        split = binary(program.parsed, node)
        if split and split[1] == "%" and string_value(program.parsed, split[0]) is not None:
            right = unwrap(split[2])
            template = string_value(program.parsed, split[0])
            values = (
                [c for c in right.named_children if c.type not in COMMENT_TYPES] if right.named_child_count else [right]
            )
    if template is None:
        return None
    pieces, position, following = [], 0, 0
    for field in PLACEHOLDER_FIELD.finditer(template):
        pieces.append(template[position : field.start()])
        index = int(field.group(1)) if field.group(1) else following
        following += 1
        if index < len(values) and values[index] is not None:
            pieces.append(values[index])
        position = field.end()
    pieces.append(template[position:])
    return [p for p in pieces if p != ""]


def dotted_pieces(program: Program, node) -> list | None:
    parts = text_parts(program, node)
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


def signer_parameters(program: Program, call: Call) -> list[str]:
    """The parameter names of the function called: its definition in the code, or Zoom's documented
    generateSignature(key, secret, meetingNumber, role) for a call by that name defined elsewhere."""
    function = program.functions.get(call.name)
    if function is not None:
        return parameter_names(program.parsed, function)
    if "sign" in call.name.lower() and SIGNER_NAMES.match(call.name):
        return list(ZOOM_SIGNER_PARAMETERS)
    return []


def secret_places(program: Program):
    """(value node, why) for every expression in the place of the secret: assigned to a name with 'secret',
    passed as a `secret` parameter or keyword, or used as the key of an HMAC or a JWT library."""
    for binding in program.bindings:
        if is_secretish(binding.name) and binding.value is not None:
            yield binding.value
    for literal in program.maps:
        for key, (_, value) in literal.entries.items():
            if is_secretish(key) and value is not None:
                yield value
    named = program.parsed.grammar.name in NAMED_ARGUMENTS
    for call in program.calls:
        for key, value in call.kwargs.items() if named else ():
            if is_secretish(key) and value is not None:
                yield value
        index = None
        if call.name in KEY_ARGUMENT_LAST:
            index = next((KEY_ARGUMENT[suffix] for suffix in call.suffixes if suffix in KEY_ARGUMENT), None)
        if index is not None and call.args and -len(call.args) <= index < len(call.args):
            yield call.args[index]
        parameters = signer_parameters(program, call)
        for parameter, argument in zip(parameters, call.args if parameters else (), strict=False):
            if is_secretish(parameter):
                yield argument


# Calls whose first argument names where a value is (a variable, cookie, file or element), not the value.
NAME_LOOKUPS = frozenset({"getCookie", "get", "getenv", "Getenv", "GetEnvironmentVariable", "getItem", "fetch"})


NAME_LOOKUPS |= {"getProperty", "getParameter", "env", "config", "querySelector", "getElementById", "Get", "open"}


NAME_LOOKUPS |= READ_FILE | {"Path", "LookupEnv", "getString", "environ.get", "require"}


def string_nodes(program: Program, node):
    """The string literals that make up a value: not the names of variables, cookies or files it is read from."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in program.parsed.grammar.string:
            yield current
        elif current.type in program.parsed.grammar.member:
            continue  # os.environ["ZOOM_SECRET"], ENV['X']: the index is a name
        elif current.type in program.parsed.grammar.call:
            call = program.call(current)
            arguments = call.args[1:] if call.name in NAME_LOOKUPS else call.args
            stack.extend(a for a in arguments if a is not None)
            receiver = receiver_of(program, current)
            stack.extend([receiver] if receiver is not None else [])
        else:
            stack.extend(current.named_children)


DECODES = CallNames(
    {"b64decode", "standard_b64decode", "FromBase64String", "DecodeString", "base64_decode"},
    {"decode64", "strict_decode64", "Base64.parse", "getDecoder().decode", "parseBase64Binary"},
)
