"""The eight languages' syntax trees seen the same way: calls, bindings, key/value literals, strings.

Each language is parsed by its published tree-sitter grammar. A `Grammar` names the node types that
play each part (a call, an assignment, a map literal …) in that grammar, and one tree-sitter query per
language collects them all in one pass in C, so the rules in lib/review/rules/ never walk the tree
node by node in Python and read every language through the same few questions: what does this call
call, with which arguments; what value was this name given; which keys does this literal hold.
"""

import functools
from dataclasses import dataclass, field

import tree_sitter

COMMENT_TYPES = frozenset({"comment", "line_comment", "block_comment"})


def node_text(node) -> str:
    return node.text.decode("utf-8", "replace")


def squeeze(text: str) -> str:
    """A callee or member path as one dotted name: whitespace gone, `->`, `::` and `?.` read as `.`."""
    for separator in ("?->", "->", "::", "?."):
        if separator in text:
            text = text.replace(separator, ".")
    return "".join(text.split()).replace("$", "").replace("@", "")


@dataclass(frozen=True)
class Grammar:
    """What each part of a program is called in one language's tree-sitter grammar."""

    name: str  # our language id
    label: str
    extensions: tuple[str, ...]
    load: object  # () -> the grammar's language pointer
    call: tuple[str, ...]  # calls and object creations
    assign: tuple[str, ...]
    map: tuple[str, ...]  # literals of key/value pairs
    string: tuple[str, ...]  # string literals, plain or interpolated
    number: tuple[str, ...]
    binary: tuple[str, ...]
    member: tuple[str, ...]  # a.b and a[b]
    ret: tuple[str, ...]
    function: tuple[str, ...]
    identifier: tuple[str, ...]
    interpolation: tuple[str, ...] = ()  # the ${…} / {…} / #{…} pieces of an interpolated string
    hints: tuple[str, ...] = ()  # tokens that break a tie when detecting the language
    load_bare: object = None  # PHP: the grammar of code pasted without its <?php tag (a function, a few lines)

    def bare(self, text: str) -> bool:
        """Whether this text is read with load_bare: PHP code without an opening tag."""
        return self.load_bare is not None and "<?" not in text

    @functools.cached_property
    def language(self):
        return tree_sitter.Language(self.load())

    @functools.cached_property
    def bare_language(self):
        return tree_sitter.Language(self.load_bare())

    @functools.cached_property
    def query(self):
        return tree_sitter.Query(self.language, self._query_source())

    @functools.cached_property
    def bare_query(self):
        return tree_sitter.Query(self.bare_language, self._query_source())

    def _query_source(self) -> str:
        parts = ("call", "assign", "map", "string", "binary", "member", "ret", "function")
        alternatives = {part: " ".join(f"({kind})" for kind in getattr(self, part)) for part in parts}
        source = " ".join(f"[{kinds}] @{part}" for part, kinds in alternatives.items() if kinds)
        return source + " [(ERROR) (MISSING)] @error"


def _grammar_loader(module: str, attribute: str):
    def load():
        return getattr(__import__(module), attribute)()

    return load


_JS = dict(
    call=("call_expression", "new_expression"),
    assign=("variable_declarator", "assignment_expression"),
    map=("object",),
    string=("string", "template_string"),
    number=("number",),
    binary=("binary_expression",),
    member=("member_expression", "subscript_expression"),
    ret=("return_statement",),
    function=("function_declaration", "function_expression", "arrow_function", "method_definition"),
    identifier=("identifier", "property_identifier", "shorthand_property_identifier"),
    interpolation=("template_substitution",),
)

GRAMMARS = {
    grammar.name: grammar
    for grammar in (
        Grammar(
            "javascript",
            "JavaScript",
            (".js", ".mjs", ".cjs", ".jsx"),
            _grammar_loader("tree_sitter_javascript", "language"),
            hints=("const ", "let ", "=>", "function ", "require(", "console."),
            **_JS,
        ),
        Grammar(
            "typescript",
            "TypeScript",
            (".ts", ".tsx", ".mts"),
            _grammar_loader("tree_sitter_typescript", "language_tsx"),
            hints=(": string", ": number", "interface ", "import type", ": Promise<", " as "),
            **_JS,
        ),
        Grammar(
            "python",
            "Python",
            (".py",),
            _grammar_loader("tree_sitter_python", "language"),
            call=("call",),
            assign=("assignment",),
            map=("dictionary",),
            string=("string",),
            number=("integer", "float"),
            binary=("binary_operator",),
            member=("attribute", "subscript"),
            ret=("return_statement",),
            function=("function_definition",),
            identifier=("identifier",),
            interpolation=("interpolation",),
            hints=(
                "def ",
                "import ",
                "self.",
                "None",
                "True",
                "elif ",
                "hashlib",
                ".encode()",
                "os.environ",
                "time.time",
            ),
        ),
        Grammar(
            "php",
            "PHP",
            (".php",),
            _grammar_loader("tree_sitter_php", "language_php"),
            call=(
                "function_call_expression",
                "member_call_expression",
                "nullsafe_member_call_expression",
                "scoped_call_expression",
                "object_creation_expression",
            ),
            assign=("assignment_expression",),
            map=("array_creation_expression",),
            string=("string", "encapsed_string"),
            number=("integer", "float"),
            binary=("binary_expression",),
            member=("member_access_expression", "subscript_expression", "class_constant_access_expression"),
            ret=("return_statement",),
            function=("function_definition", "method_declaration", "anonymous_function", "arrow_function"),
            identifier=("variable_name", "name"),
            interpolation=("variable_name",),
            hints=("<?php", "$", "->", "=>", "function "),
            load_bare=_grammar_loader("tree_sitter_php", "language_php_only"),
        ),
        Grammar(
            "go",
            "Go",
            (".go",),
            _grammar_loader("tree_sitter_go", "language"),
            call=("call_expression",),
            assign=("short_var_declaration", "assignment_statement", "var_spec", "const_spec"),
            map=("composite_literal",),
            string=("interpreted_string_literal", "raw_string_literal"),
            number=("int_literal", "float_literal"),
            binary=("binary_expression",),
            member=("selector_expression", "index_expression"),
            ret=("return_statement",),
            function=("function_declaration", "method_declaration", "func_literal"),
            identifier=("identifier", "field_identifier", "package_identifier"),
            hints=("package ", "func ", ":=", "import (", "err != nil"),
        ),
        Grammar(
            "java",
            "Java",
            (".java",),
            _grammar_loader("tree_sitter_java", "language"),
            call=("method_invocation", "object_creation_expression"),
            assign=("variable_declarator", "assignment_expression"),
            map=(),
            string=("string_literal",),
            number=("decimal_integer_literal", "decimal_floating_point_literal"),
            binary=("binary_expression",),
            member=("field_access", "array_access"),
            ret=("return_statement",),
            function=("method_declaration", "lambda_expression", "constructor_declaration"),
            identifier=("identifier",),
            hints=("public ", "String ", "System.", "import java", "final ", "Jwts", "getBytes"),
        ),
        Grammar(
            "csharp",
            "C#",
            (".cs",),
            _grammar_loader("tree_sitter_c_sharp", "language"),
            call=("invocation_expression", "object_creation_expression"),
            assign=("variable_declarator", "assignment_expression"),
            map=("initializer_expression", "anonymous_object_creation_expression"),
            string=(
                "string_literal",
                "verbatim_string_literal",
                "interpolated_string_expression",
                "raw_string_literal",
            ),
            number=("integer_literal", "real_literal"),
            binary=("binary_expression",),
            member=("member_access_expression", "element_access_expression"),
            ret=("return_statement",),
            function=("method_declaration", "local_function_statement", "lambda_expression"),
            identifier=("identifier",),
            interpolation=("interpolation",),
            hints=("using System", "var ", "namespace ", "Convert.", "DateTime", "string ", "Encoding."),
        ),
        Grammar(
            "ruby",
            "Ruby",
            (".rb",),
            _grammar_loader("tree_sitter_ruby", "language"),
            call=("call",),
            assign=("assignment",),
            map=("hash",),
            string=("string",),
            number=("integer", "float"),
            binary=("binary",),
            member=("element_reference",),
            ret=("return",),
            function=("method", "lambda", "block", "do_block"),
            identifier=("identifier", "constant", "instance_variable", "global_variable"),
            interpolation=("interpolation",),
            hints=("def ", "end", "require '", "Time.now", ".to_i", "puts ", "=> "),
        ),
    )
}
LANGUAGE_ALIASES = {"js": "javascript", "ts": "typescript", "py": "python", "c#": "csharp", "cs": "csharp"}
LANGUAGE_ALIASES |= {"golang": "go", "rb": "ruby", "node": "javascript", "c-sharp": "csharp"}


def language_id(name: str) -> str | None:
    """Our id for a language name as people write it ("JS", "C#", "golang"), or None if unknown."""
    key = name.strip().lower()
    key = LANGUAGE_ALIASES.get(key, key)
    return key if key in GRAMMARS else next((g.name for g in GRAMMARS.values() if g.label.lower() == key), None)


@dataclass
class MapLiteral:
    """Key/value pairs written in the code: an object, dict, hash, array or claim builder."""

    node: object
    entries: dict = field(default_factory=dict)  # key -> (key node, value node or None)
    open: bool = False  # a spread or splat of unknown content: other keys may be there
    placeholder: bool = False  # pseudo-code `...` standing for "the usual claims"


class Parsed:
    """One parse of the source and the parts the checks ask about, collected by one query."""

    def __init__(self, text: str, grammar: Grammar):
        self.text, self.grammar = text, grammar
        self.source = text.encode("utf-8", "surrogatepass")
        bare = grammar.bare(text)
        self.tree = tree_sitter.Parser(grammar.bare_language if bare else grammar.language).parse(self.source)
        captures = tree_sitter.QueryCursor(grammar.bare_query if bare else grammar.query).captures(self.tree.root_node)
        self.nodes = captures  # in the query's match order; bindings are put in source order where they are read
        self.error_count = len(self.nodes.get("error", ()))

    def of(self, part):
        return self.nodes.get(part, ())

    def line_column(self, node) -> tuple[int, int]:
        """1-based line and character column of a node's start."""
        row, byte_column = node.start_point
        line_start = node.start_byte - byte_column
        column = len(self.source[line_start : node.start_byte].decode("utf-8", "replace"))
        return row + 1, column + 1
