"""Reading a parsed program the same way in every language: what a call calls, what a name was given,
which keys a literal holds, what a string is made of, what a constant is worth.

Only the few places where the grammars differ are spelled out per language (`grammar.name`).
"""

from dataclasses import dataclass

from lib.review.syntax import COMMENT_TYPES, MapLiteral, Parsed, node_text, squeeze

_KEYWORD_ARGUMENT = {"python": "keyword_argument", "ruby": "pair"}
NAMED_ARGUMENTS = frozenset({"python", "ruby", "csharp", "php"})  # the languages with name=value arguments
_WRAPPED_ARGUMENT = frozenset({"argument", "literal_element", "expression_list", "parenthesized_expression"})


def unwrap(node):
    """The expression inside an argument, a Go literal element or parentheses."""
    while node is not None and node.type in _WRAPPED_ARGUMENT and node.named_child_count:
        named = [c for c in node.named_children if c.type not in COMMENT_TYPES]
        node = named[-1] if named else None
    return node


def identifier(parsed: Parsed, node) -> str | None:
    """The name if the node is a plain variable or constant ($ and @ dropped), else None."""
    node = unwrap(node)
    if node is None:
        return None
    kind = node.type
    if kind == "variable_name" or kind in parsed.grammar.identifier:
        return node_text(node).lstrip("$@")
    return None


def callee(parsed: Parsed, node) -> str:
    language = parsed.grammar.name
    if node.type in ("new_expression",):
        return "new " + squeeze(node_text(node.child_by_field_name("constructor")))
    if node.type == "object_creation_expression":
        kind = node.child_by_field_name("type") or next((c for c in node.named_children), None)
        return "new " + squeeze(node_text(kind)) if kind is not None else "new"
    if language == "java" or node.type in ("member_call_expression", "nullsafe_member_call_expression"):
        receiver, name = node.child_by_field_name("object"), node.child_by_field_name("name")
        path = node_text(name) if name is not None else ""
        return squeeze(f"{node_text(receiver)}.{path}") if receiver is not None else path
    if node.type == "scoped_call_expression":
        return squeeze(f"{node_text(node.child_by_field_name('scope'))}.{node_text(node.child_by_field_name('name'))}")
    if language == "ruby":
        receiver, method = node.child_by_field_name("receiver"), node.child_by_field_name("method")
        path = node_text(method) if method is not None else "call"
        return squeeze(f"{node_text(receiver)}.{path}") if receiver is not None else path
    function = node.child_by_field_name("function")
    return squeeze(node_text(function)) if function is not None else ""


class Call:
    """One call or object creation: what it calls, and its arguments (read when first asked for)."""

    def __init__(self, parsed: Parsed, node):
        self.parsed, self.node = parsed, node
        self.callee = callee(parsed, node)  # the dotted path called: "Date.now", "base64.b64encode", "new Date"
        self.name = self.callee.rsplit(".", 1)[-1]  # its last segment: "now" for Date.now
        self._suffixes = self._arguments = None

    @property
    def suffixes(self) -> frozenset:
        """Every dotted tail of the callee: a.b.c -> {"a.b.c", "b.c", "c"}, for matching names of calls."""
        if self._suffixes is None:
            parts = self.callee.split(".")
            self._suffixes = frozenset(".".join(parts[index:]) for index in range(len(parts)))
        return self._suffixes

    @property
    def args(self) -> list:
        """The positional argument nodes."""
        return (self._arguments or self._read_arguments())[0]

    @property
    def kwargs(self) -> dict:
        """Name -> value node of named arguments (Python, Ruby, C# and PHP; the others have none)."""
        return (self._arguments or self._read_arguments())[1]

    def _read_arguments(self):
        arguments = self.node.child_by_field_name("arguments")
        args, kwargs = [], {}
        keyword = _KEYWORD_ARGUMENT.get(self.parsed.grammar.name)
        for child in arguments.named_children if arguments is not None else ():
            kind = child.type
            if kind in COMMENT_TYPES:
                continue
            if kind == keyword:
                name = child.child_by_field_name("name") or child.child_by_field_name("key")
                kwargs[node_text(name).strip(":")] = child.child_by_field_name("value")
            elif kind == "argument" and child.child_by_field_name("name") is not None:
                kwargs[node_text(child.child_by_field_name("name"))] = unwrap(child)
            else:
                args.append(unwrap(child))
        self._arguments = (args, kwargs)
        return self._arguments


def call_of(parsed: Parsed, node) -> Call:
    return Call(parsed, node)


def calls(parsed: Parsed) -> list[Call]:
    return [call_of(parsed, node) for node in parsed.of("call")]


def calls_within(parsed: Parsed, node, all_calls) -> list[Call]:
    return [c for c in all_calls if node.start_byte <= c.node.start_byte and c.node.end_byte <= node.end_byte]


@dataclass(frozen=True)
class Binding:
    name: str  # the variable, or the dotted/indexed target ("payload.tokenExp", "claims[mn]")
    target: object
    value: object


def _targets_and_values(parsed: Parsed, node):
    language = parsed.grammar.name
    if node.type in ("short_var_declaration", "assignment_statement"):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return []
        return list(zip(left.named_children, right.named_children, strict=False))
    if node.type in ("var_spec", "const_spec"):
        value = node.child_by_field_name("value")
        names = [c for c in node.named_children if c.type == "identifier"]
        return list(zip(names, value.named_children, strict=False)) if value is not None else []
    if node.type == "variable_declarator":
        name = node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        if value is None and language == "csharp":
            value = next((c for c in node.named_children[1:] if c.type not in ("bracketed_argument_list",)), None)
        return [(name, value)] if name is not None and value is not None else []
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None:
        return []
    if left.type in ("pattern_list", "tuple_pattern", "left_assignment_list") and right.named_child_count:
        return list(zip(left.named_children, right.named_children, strict=False))
    return [(left, right)]


def bindings(parsed: Parsed) -> list[Binding]:
    found = []
    for node in sorted(parsed.of("assign"), key=lambda n: n.start_byte):  # the later binding wins
        for target, value in _targets_and_values(parsed, node):
            name = identifier(parsed, target) or squeeze(node_text(target))
            found.append(Binding(name, target, unwrap(value)))
    return found


def string_value(parsed: Parsed, node) -> str | None:
    """The text of a string literal without interpolation, quotes and prefixes; None for anything else."""
    node = unwrap(node)
    if node is None or node.type not in parsed.grammar.string and node.type not in ("simple_symbol",):
        return None
    if any(c.type in parsed.grammar.interpolation or c.type == "template_substitution" for c in node.named_children):
        return None
    if node.type == "simple_symbol":
        return node_text(node).lstrip(":")
    text = node_text(node)
    if parsed.grammar.name == "python":
        text = text.lstrip("rRbBuUfF")
        for quote in ('"""', "'''"):
            if len(text) >= 6 and text.startswith(quote) and text.endswith(quote):
                return text[3:-3]
    for prefix in ('@$"', '$@"', '@"', '$"'):
        if text.startswith(prefix):
            text = text[len(prefix) - 1 :]
    if len(text) >= 2 and text[0] in "\"'`" and text[-1] == text[0]:
        text = text[1:-1]
    return text


def string_parts(parsed: Parsed, node) -> list | None:
    """What an interpolated string or a `+`/`.` concatenation is made of: literal text (str) and
    expression nodes, in order; None if the node builds no string."""
    node = unwrap(node)
    if node is None:
        return None
    if node.type in parsed.grammar.string:
        value = string_value(parsed, node)
        if value is not None:
            return [value]
        parts = []
        for child in node.named_children:
            if child.type in parsed.grammar.interpolation or child.type == "template_substitution":
                inner = [c for c in child.named_children if c.type not in ("interpolation_brace", "format_specifier")]
                parts.append(inner[0] if inner and child.type != "variable_name" else child)
            elif child.type in ("string_content", "string_fragment", "escape_sequence", "string_literal_content"):
                parts.append(node_text(child))
        return parts
    if node.type in parsed.grammar.binary:
        operator = node.child_by_field_name("operator")
        if operator is not None and node_text(operator) in ("+", "."):
            left = string_parts(parsed, node.child_by_field_name("left"))
            right = string_parts(parsed, node.child_by_field_name("right"))
            if left is None and right is None:
                return None
            return (left or [node.child_by_field_name("left")]) + (right or [node.child_by_field_name("right")])
    return None


def binary(parsed: Parsed, node):
    """(left, operator, right) of a binary expression, else None."""
    node = unwrap(node)
    if node is None or node.type not in parsed.grammar.binary:
        return None
    operator = node.child_by_field_name("operator")
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if operator is None or left is None or right is None:
        return None
    return unwrap(left), operator.type, unwrap(right)  # an operator token's type is its text


def number_value(parsed: Parsed, node) -> float | None:
    node = unwrap(node)
    if node is not None and node.type not in parsed.grammar.number and node_text(node).lstrip().startswith("-"):
        operand = number_value(parsed, node.named_children[0]) if node.named_child_count == 1 else None
        return -operand if operand is not None else None  # -1: a unary minus on a number literal
    if node is None or node.type not in parsed.grammar.number:
        return None
    text = node_text(node).replace("_", "").rstrip("lLfFdDmMuU")
    try:
        return float(int(text, 0)) if text.isdigit() or text.lower().startswith(("0x", "0o", "0b")) else float(text)
    except ValueError:
        return None


def function_name(parsed: Parsed, node) -> str | None:
    name = node.child_by_field_name("name")
    if name is None and node.parent is not None and node.parent.type == "variable_declarator":
        name = node.parent.child_by_field_name("name")
    return node_text(name).lstrip("$") if name is not None else None


def parameter_names(parsed: Parsed, node) -> list[str]:
    params = node.child_by_field_name("parameters")
    if params is None:
        return []
    names = []
    for child in params.named_children:
        if child.type in COMMENT_TYPES:
            continue
        name = child.child_by_field_name("name") or child.child_by_field_name("pattern")
        target = name if name is not None else child
        found = identifier(parsed, target)
        if found is None and target.named_child_count:
            found = identifier(parsed, target.named_children[0])
        names.append(found or node_text(target))
    return names


def returns_within(parsed: Parsed, function) -> list:
    """The values returned by this function itself (not by functions nested in it)."""
    values = []
    for node in parsed.of("ret"):
        if function.start_byte <= node.start_byte and node.end_byte <= function.end_byte:
            owner = node.parent
            while owner is not None and owner.type not in parsed.grammar.function:
                owner = owner.parent
            if owner == function and node.named_child_count:
                values.append(unwrap(node.named_children[0]))
    if function.type == "arrow_function":
        body = function.child_by_field_name("body")
        if body is not None and body.type != "statement_block":
            values.append(unwrap(body))
    return values


# -- key/value literals ------------------------------------------------------------------------------

_SPREAD = frozenset({"spread_element", "dictionary_splat", "hash_splat_argument", "variadic_unpacking"})


def _key_name(parsed: Parsed, key) -> str | None:
    key = unwrap(key)
    if key is None:
        return None
    if key.type in ("hash_key_symbol", "property_identifier", "identifier", "field_identifier", "constant"):
        return node_text(key)
    return string_value(parsed, key)


def _entries_of_map(parsed: Parsed, node, literal: MapLiteral):
    language = parsed.grammar.name
    if node.type == "composite_literal":  # Go: jwt.MapClaims{...}, Claims{AppKey: ...}
        node = node.child_by_field_name("body")
        if node is None:
            return
    for child in node.named_children:
        if child.type in COMMENT_TYPES:
            continue
        if child.type in _SPREAD or child.type == "ellipsis":
            literal.open = True
        elif child.type == "shorthand_property_identifier":
            literal.entries[node_text(child)] = (child, child)
        elif child.type in ("pair", "keyed_element"):
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is not None and key.type == "ellipsis":  # Python pseudo-code `{..., "iat": iat}`
                literal.placeholder = True
                stray = next((c for c in child.named_children if c.type == "ERROR"), None)
                key = stray.named_children[0] if stray is not None and stray.named_child_count else None
            name = _key_name(parsed, key)
            if name is not None:
                literal.entries[name] = (key, unwrap(value))
        elif child.type == "array_element_initializer":
            named = [c for c in child.named_children if c.type not in COMMENT_TYPES]
            if len(named) == 2 and _key_name(parsed, named[0]) is not None:
                literal.entries[_key_name(parsed, named[0])] = (named[0], named[1])
            elif child.child_count and child.children[0].type == "...":
                literal.open = True
        elif language == "csharp" and child.type == "initializer_expression" and child.named_child_count == 2:
            key, value = child.named_children
            if _key_name(parsed, key) is not None:
                literal.entries[_key_name(parsed, key)] = (key, value)
        elif language == "csharp" and child.type == "assignment_expression":
            key = child.child_by_field_name("left")
            if key is not None and key.type == "element_binding_expression" and key.named_child_count:
                key = unwrap(key.named_children[0])
            if _key_name(parsed, key) is not None:
                literal.entries[_key_name(parsed, key)] = (key, unwrap(child.child_by_field_name("right")))
        elif language == "csharp" and child.type == "object_creation_expression":
            created = call_of(parsed, child)
            if created.name == "Claim" and len(created.args) >= 2 and _key_name(parsed, created.args[0]):
                literal.entries[_key_name(parsed, created.args[0])] = (created.args[0], created.args[1])
    if language == "csharp" and node.type == "anonymous_object_creation_expression":
        members = [c for c in node.children if c.is_named or c.type == "="]
        for index, member in enumerate(members[:-2]):
            if member.type == "identifier" and members[index + 1].type == "=":
                literal.entries[node_text(member)] = (member, members[index + 2])


# Builder methods that set a claim: (method name, claim) or method name -> the claim named by its first argument.
BUILDER_CLAIMS = {
    "setIssuedAt": "iat",
    "issuedAt": "iat",
    "withIssuedAt": "iat",
    "setIssuedAtTime": "iat",
    "setExpiration": "exp",
    "expiration": "exp",
    "withExpiresAt": "exp",
    "setExpirationTime": "exp",
    "setIssuer": "iss",
    "issuer": "iss",
    "withIssuer": "iss",
}
NAMED_CLAIM_SETTERS = frozenset({"claim", "withClaim", "put", "Add", "AddClaim", "set", "Set", "setClaim", "add"})


def _chain_root(parsed: Parsed, call: Call):
    """The receiver a method chain starts from (`Jwts.builder()` for `Jwts.builder().claim(…).compact()`)."""
    node = call.node
    field_name = {"java": "object", "ruby": "receiver", "php": "object"}.get(parsed.grammar.name)
    while True:
        inner = node.child_by_field_name(field_name) if field_name else None
        if inner is None:
            function = node.child_by_field_name("function")
            if function is None or function.type not in parsed.grammar.member:
                return node
            inner = function.child_by_field_name("object") or function.child_by_field_name("expression")
            inner = inner if inner is not None else function.child_by_field_name("operand")
        if inner is None or inner.type not in parsed.grammar.call:
            return inner if inner is not None else node
        node = inner


def maps(parsed: Parsed, all_calls: list[Call], all_bindings: list[Binding]) -> list[MapLiteral]:
    """Every literal of key/value pairs, with the keys added to it later by name
    (`payload.tokenExp = exp`, `claims["mn"] = mn`, `claims.put("mn", mn)`), and the claims set by
    builder chains (`Jwts.builder().claim("mn", mn).setIssuedAt(…)`, `new SignJWT(p).setIssuedAt()`)."""
    literals = {}
    for node in parsed.of("map"):
        if parsed.grammar.name == "csharp" and node.parent is not None and node.parent.type == "initializer_expression":
            continue  # a {key, value} pair inside a collection initializer
        literal = MapLiteral(node)
        _entries_of_map(parsed, node, literal)
        literals[node.id] = literal
    by_variable = {}
    call_at = {call.node.id: call for call in all_calls}
    for binding in all_bindings:
        value = binding.value
        if value is not None and value.type in ("object_creation_expression", "composite_literal"):
            inner = next((c for c in value.named_children if c.type in parsed.grammar.map), None)
            value = inner if inner is not None else value
        if value is not None and value.id in literals:
            by_variable[binding.name] = literals[value.id]
        elif value is not None and value.id in call_at:
            created = call_at[value.id]
            if created.callee.startswith("new ") and not created.args or created.callee in ("dict", "Hash.new"):
                literal = MapLiteral(value)
                for name, argument in created.kwargs.items():
                    literal.entries[name] = (argument, argument)
                literals[value.id] = by_variable[binding.name] = literal
        if value is not None and value.type == "array_creation_expression" and value.id not in literals:
            literals[value.id] = by_variable[binding.name] = MapLiteral(value)
    for binding in all_bindings:  # payload.tokenExp = exp; claims["mn"] = mn
        target = binding.target
        owner, key = _owner_and_key(parsed, target)
        if owner in by_variable and key is not None:
            by_variable[owner].entries.setdefault(key, (target, binding.value))
    chains = {}
    for call in all_calls:
        claim = BUILDER_CLAIMS.get(call.name)
        named = call.name in NAMED_CLAIM_SETTERS and len(call.args) >= 2
        key = string_value(parsed, call.args[0]) if named else None
        named = named and key is not None
        if call.name == "of" and call.callee.endswith("Map.of") and len(call.args) >= 2:
            literal = literals.setdefault(call.node.id, MapLiteral(call.node))
            for key_node, value in zip(call.args[::2], call.args[1::2], strict=False):
                if string_value(parsed, key_node) is not None:
                    literal.entries[string_value(parsed, key_node)] = (key_node, value)
            continue
        if not (claim or named):
            continue
        owner = call.callee.rsplit(".", 1)[0] if "." in call.callee else ""
        owner = owner.lstrip("$@")
        if owner in by_variable and named:
            by_variable[owner].entries.setdefault(key, (call.args[0], call.args[1]))
            continue
        root = _chain_root(parsed, call)
        literal = chains.setdefault(root.id, MapLiteral(root))
        if claim:
            literal.entries.setdefault(claim, (call.node, call.args[0] if call.args else None))
        else:
            literal.entries.setdefault(key, (call.args[0], call.args[1]))
    return list(literals.values()) + list(chains.values())


def _owner_and_key(parsed: Parsed, target):
    if target is None or target.type not in parsed.grammar.member:
        return None, None
    named = [c for c in target.named_children if c.type not in COMMENT_TYPES]
    if len(named) < 2:
        return None, None
    owner = identifier(parsed, named[0])
    last = unwrap(named[-1])
    if last is not None and last.type in ("index_expression", "argument_list", "bracketed_argument_list"):
        last = unwrap(last.named_children[0]) if last.named_child_count else None
    key = string_value(parsed, last)
    if key is None and target.type in ("member_expression", "attribute", "member_access_expression"):
        key = node_text(last) if last is not None else None
    return owner, key
