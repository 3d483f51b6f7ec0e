"""The checks: each reads the parsed program (lib.review.reading) and reports the mistakes it sees.

Values are followed where the mistake depends on them: a payload literal built in one statement and
completed (`payload.tokenExp = exp`) or signed (`jwt.sign(payload, …, {expiresIn})`) in another; a
time read once (`const now = Date.now()`) and divided or rounded later; the value a name was given
(`const signature = HMACSHA256(…)`, `function HMACSHA256() { return …HmacSHA256… }`).
"""

import re
from dataclasses import dataclass, field

from lib.review.reading import (
    NAMED_ARGUMENTS,
    Binding,
    Call,
    binary,
    bindings,
    call_of,
    calls,
    calls_within,
    function_name,
    identifier,
    maps,
    number_value,
    parameter_names,
    returns_within,
    string_parts,
    string_value,
    unwrap,
)
from lib.review.syntax import COMMENT_TYPES, MapLiteral, Parsed, node_text, squeeze
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS

TIMEISH = re.compile(r"iat|exp|now|time|stamp|^ts$|issued|current", re.I)
EXPIRYISH = re.compile(r"^(exp|token_?exp|expir|expires|expiry)", re.I)
MEETINGISH = re.compile(r"^(mn|meeting)", re.I)
ROLEISH = re.compile(r"^role$|_role$|Role$", re.I)
# The claims of a Meeting SDK payload, by their lower-case spelling (Go and C# write AppKey, TokenExp).
CLAIMS = {c.lower(): c for c in ("appKey", "sdkKey", "mn", "meetingNumber", "role", "iat", "exp", "tokenExp")}
JOIN_OPTIONS = frozenset({"signature", "username", "password", "passcode", "useremail", "zak", "tk", "leaveurl"})
PUBLIC_PREFIXES = ("NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "GATSBY_", "PUBLIC_")
PUBLIC_ENV = re.compile(rf"({'|'.join(PUBLIC_PREFIXES)})\w*SECRET", re.I)
SIGNING_NAME = re.compile(r"sign|token|jwt", re.I)
BROWSER_STORAGE = re.compile(
    r"getCookie|document\.cookie|Cookies\.get|localStorage|sessionStorage|getElementById|querySelector|"
    r"\.val\(\)|URLSearchParams|location\.(search|hash)|window\.",
)
BROWSER_API = re.compile(r"^(document|window|localStorage|sessionStorage|navigator|ZoomMtg|ZoomMtgEmbedded)\.")
ENCODING_NAMES = frozenset({"utf8", "utf-8", "ascii", "latin1", "base64", "hex", "binary", "sha256", "hs256"})
PLACEHOLDER = re.compile(
    r"your|xxx|<|>|\{|change|replace|example|placeholder|todo|insert|dummy|fake|\*\*\*|\.\.\.", re.I
)


class CallNames(frozenset):
    """Dotted names of calls; `last` holds their last segments, a cheap first test for matches()."""

    def __new__(cls, *groups):
        names = super().__new__(cls, frozenset().union(*groups))
        names.last = frozenset(name.rsplit(".", 1)[-1] for name in names)
        return names


HMAC_CALLS = CallNames(
    {"HmacSHA256", "createHmac", "hmac.new", "hmac.digest", "hash_hmac", "HMAC.digest", "HMAC.hexdigest"},
    {"HMAC.base64digest", "hmac.New", "new HMACSHA256", "doFinal", "new KJUR.crypto.Mac", "hmac.HMAC"},
)
# Calls that make a whole token: their result is not a bare MAC.
TOKEN_CALLS = re.compile(
    r"((jwt|jws|jsonwebtoken)\.(sign|encode)|\.compact|SignedString|WriteToken|CreateToken|CreateEncodedJwt)$", re.I
)
# The argument that is the HMAC or signing key, by call.
KEY_ARGUMENT = {
    "HmacSHA256": 1,
    "createHmac": 1,
    "hmac.new": 0,
    "hash_hmac": 2,
    "HMAC.digest": 1,
    "HMAC.hexdigest": 1,
    "HMAC.base64digest": 1,
    "hmac.New": 1,
    "new HMACSHA256": 0,
    "new SecretKeySpec": 0,
    "jwt.sign": 1,
    "jsonwebtoken.sign": 1,
    "jwt.encode": 1,
    "JWT.encode": 1,
    "JWT::encode": 1,
    "JWS.sign": 3,
    "SignedString": 0,
    "signWith": -1,
    "hmacShaKeyFor": 0,
    "HMAC256": 0,
    "new SymmetricSecurityKey": 0,
}
KEY_ARGUMENT_LAST = frozenset(name.rsplit(".", 1)[-1] for name in KEY_ARGUMENT)
STANDARD_BASE64 = CallNames(
    {"btoa", "enc.Base64.stringify", "b64encode", "standard_b64encode", "encodebytes", "encodestring"},
    {"base64_encode", "Convert.ToBase64String", "Base64.encodeBase64String", "printBase64Binary"},
    {"StdEncoding.EncodeToString", "Base64.strict_encode64", "Base64.encode64", "getEncoder().encodeToString"},
    {"getEncoder().encode"},
)
URL_CONVERTERS = frozenset({"replace", "replaceAll", "Replace", "tr", "strtr", "str_replace", "gsub", "translate"})
READ_FILE = CallNames(
    {"readFileSync", "readFile", "read", "read_text", "file_get_contents", "ReadFile", "readString"},
    {"ReadAllText", "File.read", "readAllBytes", "readAllLines"},
)
TRIMS = frozenset({"trim", "strip", "rstrip", "TrimSpace", "Trim", "TrimEnd", "chomp", "chop", "trimEnd", "rtrim"})
FLOORS = frozenset({"floor", "round", "trunc", "ceil", "parseInt", "int", "intval", "Floor", "Round", "Truncate"})
FLOORS |= {"Ceiling", "ToInt64", "ToInt32", "to_i", "Integer", "toInt", "int64", "int32", "floorDiv", "Number.parseInt"}
INTEGER_DIVISION = frozenset({"java", "go", "csharp", "ruby"})
DATE_FROM_MILLISECONDS = CallNames(
    {"new Date", "Date.from", "ofEpochMilli", "FromUnixTimeMilliseconds", "setTime"},
    {"time.UnixMilli", "Time.at", "new java.util.Date"},
)
MILLISECOND_CALLS = CallNames({"Date.now", "getTime", "currentTimeMillis", "ToUnixTimeMilliseconds", "UnixMilli"})
DATE_CONSTRUCTORS = CallNames({"new Date", "Date.from", "new java.util.Date"})
JSONWEBTOKEN_SIGN = CallNames({"jwt.sign", "jsonwebtoken.sign"})
TOKEN_SIGNERS = CallNames(HMAC_CALLS, {"jwt.sign", "JWS.sign"})
NOW_CALLS = re.compile(
    r"(Date\.now|getTime|currentTimeMillis|time\.time|Time\.now|UtcNow|DateTime\.Now|Instant\.now|"
    r"utcnow|datetime\.now|time\.Now|ToUnixTimeSeconds|microtime|Unix|^time\(\)$)"
)
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
REQUEST_INPUT = re.compile(
    r"^(req|request|ctx|context|event|r|c)\.(body|query|params|args|form|json|values|GET|POST|data|"
    r"getParameter|FormValue|URL|Query|input|param)|^(_POST|_GET|_REQUEST|params)\b|searchParams\.get|"
    r"^Request\.(Query|Form)"
)
SIGNER_NAMES = re.compile(r"^(generate_?signature|generateSignature|generate_sdk_signature|sign_?signature)$", re.I)
ZOOM_SIGNER_PARAMETERS = ("key", "secret", "meetingNumber", "role")  # generateSignature's in the forum and docs


# Whole epoch seconds, UTC, in each language: the fix for every time mistake.
NOW_SECONDS = {
    "javascript": "Math.floor(Date.now() / 1000)",
    "typescript": "Math.floor(Date.now() / 1000)",
    "python": "int(time.time())",
    "php": "time()",
    "go": "time.Now().Unix()",
    "java": "Instant.now().getEpochSecond()",
    "csharp": "DateTimeOffset.UtcNow.ToUnixTimeSeconds()",
    "ruby": "Time.now.to_i",
}


@dataclass
class Hit:
    """A finding before it has its excerpt: the node it is about, the code, what to say."""

    code: str
    node: object
    message: str
    fix: str = ""
    severity: str | None = None
    step: str | None = None


@dataclass
class Program:
    """A parsed program and what every check asks of it, read once."""

    parsed: Parsed
    calls: list = field(default_factory=list)
    bindings: list = field(default_factory=list)
    maps: list = field(default_factory=list)
    functions: dict = field(default_factory=dict)  # name -> function node
    hits: list = field(default_factory=list)
    secret_literals: list = field(default_factory=list)  # string literal nodes in a secret's place

    call_at: dict = field(default_factory=dict)  # node id -> Call, for every call node
    binding_at: dict = field(default_factory=dict)  # value node id -> the Binding that names it
    names_at: dict = field(default_factory=dict)  # node id -> the variable names its expression uses
    hmac_at: dict = field(default_factory=dict)  # node id -> whether its value is the bare HMAC
    has_hmac: bool = False  # the code computes an HMAC itself (rather than through a JWT library)

    @classmethod
    def read(cls, parsed: Parsed):
        program = cls(parsed)
        program.calls = calls(parsed)
        program.call_at = {call.node.id: call for call in program.calls}
        program.has_hmac = any(matches(call, HMAC_CALLS) for call in program.calls)
        program.bindings = bindings(parsed)
        program.binding_at = {b.value.id: b for b in program.bindings if b.value is not None}
        program.maps = maps(parsed, program.calls, program.bindings)
        for node in parsed.of("function"):
            name = function_name(parsed, node)
            if name:
                program.functions.setdefault(name, node)
        return program

    def call(self, node) -> Call:
        """The call a call node makes (read once per node)."""
        found = self.call_at.get(node.id)
        return found if found is not None else call_of(self.parsed, node)

    def text(self, node) -> str:
        return squeeze(node_text(node))

    def hit(self, code, node, message, fix="", **extra):
        self.hits.append(Hit(code, node, message, fix, **extra))

    def time_fix(self) -> str:
        return (
            f"Use {NOW_SECONDS[self.parsed.grammar.name]} for iat (whole seconds since 1970, UTC) and exp = iat + 7200."
        )

    def bound_value(self, name: str, before=None):
        """The value `name` was last given before `before` (or anywhere, if it was given none before)."""
        found = [b for b in self.bindings if b.name == name and b.value is not None]
        if before is not None:
            earlier = [b for b in found if b.target.start_byte < before.start_byte]
            found = earlier or found
        return found[-1].value if found else None

    def resolve(self, node, depth=3):
        """Follow a plain name to the expression it was given, a few steps deep."""
        node = unwrap(node)
        while depth and node is not None:
            name = identifier(self.parsed, node)
            value = self.bound_value(name, node) if name else None
            if value is None or value == node:
                return node
            node, depth = value, depth - 1
        return node

    def calls_in(self, node) -> list[Call]:
        return calls_within(self.parsed, node, self.calls) if node is not None else []

    def ancestors(self, node, stop_at_statement=True):
        """The node's parents up to its statement."""
        node = node.parent
        while node is not None:
            yield node
            if stop_at_statement and (node.type.endswith(("statement", "declaration")) or node.type == "assignment"):
                return
            node = node.parent

    def binding_of(self, node) -> Binding | None:
        """The innermost binding whose value contains the node (the statement that names its result)."""
        while node is not None:
            if node.id in self.binding_at:
                return self.binding_at[node.id]
            node = node.parent
        return None

    def uses(self, node, name: str) -> bool:
        """Whether the expression uses the variable `name` (its text is searched before its tree is walked)."""
        return name in node_text(node) and name in self.names_used_in(node)

    def names_used_in(self, node) -> set[str]:
        if node.id in self.names_at:
            return self.names_at[node.id]
        found = self.names_at[node.id] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            name = identifier(self.parsed, current)
            if name:
                found.add(name)
            stack.extend(current.named_children)
        return found


def matches(call: Call, names: CallNames) -> bool:
    """Whether the dotted callee is one of `names` or ends with one of them after a dot."""
    return call.name in names.last and not call.suffixes.isdisjoint(names)


def is_secretish(text: str) -> bool:
    """A name or expression that speaks of the secret (sdkSecret, ZOOM_SECRET, client_secret)."""
    return "secret" in text.lower()


def looks_like_secret(value: str) -> bool:
    """A literal a Client Secret could be: long, no spaces, not a placeholder or an encoding's name."""
    return (
        len(value) >= 16
        and not any(c.isspace() for c in value)
        and not PLACEHOLDER.search(value)
        and "secret" not in value.lower()
        and len(set(value)) > 4
    )


# -- the payload ---------------------------------------------------------------------------------


def claim_entries(literal: MapLiteral) -> dict:
    """The payload's claims by their canonical name (appKey for AppKey), with their key and value nodes."""
    return {CLAIMS[k.lower()]: v for k, v in literal.entries.items() if k.lower() in CLAIMS}


SIGNED_ONLY = frozenset({"appkey", "sdkkey", "iat", "exp", "tokenexp"})  # claims a request body does not carry


def is_payload(literal: MapLiteral) -> bool:
    keys = {k.lower() for k in literal.entries}
    return len(keys & CLAIMS.keys()) >= 2 and bool(keys & SIGNED_ONLY) and not keys & JOIN_OPTIONS


def jsonwebtoken_options(program: Program, literal: MapLiteral):
    """The options map of a `jwt.sign(payload, secret, options)` call that signs this literal, if any."""
    for call in program.calls:
        if not (matches(call, JSONWEBTOKEN_SIGN) and call.args):
            continue
        if program.resolve(call.args[0]) == literal.node:
            options = program.resolve(call.args[2]) if len(call.args) > 2 else None
            return next((m for m in program.maps if m.node == options), MapLiteral(call.node))
    return None


def check_payloads(program: Program):
    for literal in program.maps:
        keys = {k.lower() for k in literal.entries}
        if "iss" in keys and "exp" in keys and not keys & {"appkey", "sdkkey", "mn", "meetingnumber", "role"}:
            program.hit(
                "wrong_token_kind",
                literal.node,
                "This payload has iss and exp only: the token of a JWT app for Zoom's REST API, not a Meeting SDK "
                "signature (appKey, mn, role, iat, exp, tokenExp).",
                "Sign the Meeting SDK payload of Zoom's auth endpoint sample with a Meeting SDK app's credentials.",
            )
        if is_payload(literal):
            check_payload(program, literal)


def check_payload(program: Program, literal: MapLiteral):
    claims = claim_entries(literal)
    options = jsonwebtoken_options(program, literal)
    present = set(claims)
    if options is not None:  # jsonwebtoken adds iat itself, and exp from expiresIn
        keys = {k: v for k, v in options.entries.items()}
        if "noTimestamp" not in keys:
            present.add("iat")
        if "expiresIn" in keys:
            present.add("exp")
    if "meetingNumber" in claims:
        program.hit(
            "meeting_number_claim_name",
            claims["meetingNumber"][0],
            "The meeting number goes into a claim named meetingNumber; Zoom reads only mn (meetingNumber is the "
            "name of the join() parameter, not of the claim).",
            "Rename the claim to mn: { ..., mn: meetingNumber, ... }.",
        )
    if not literal.open:
        wanted = ("iat", "exp", "tokenExp") if literal.placeholder else ("appKey", "mn", "role", "iat", "exp")
        wanted += ("tokenExp",) if not literal.placeholder else ()
        for claim in wanted:
            if claim in present or claim == "mn" and "meetingNumber" in present:
                continue
            code = {"appKey": "missing_app_key", "tokenExp": "missing_token_exp"}.get(claim, f"missing_{claim}")
            severity = "warning" if claim == "appKey" and "sdkKey" in present else None
            program.hit(code, literal.node, f"The payload has no {claim} claim.", severity=severity)
    for claim in ("appKey", "sdkKey"):
        if claim in claims and claims[claim][1] is not None:
            value = claims[claim][1]
            if is_secretish(node_text(value)) or is_secretish(node_text(program.resolve(value))):
                program.hit(
                    "app_key_is_secret",
                    value,
                    f"{claim} is given the secret: the token's payload is readable by anyone, so the secret leaks.",
                    "Put the Client ID (SDK key) in appKey and sdkKey; sign with the secret. Rotate the leaked secret.",
                )
    if "role" in claims and claims["role"][1] is not None:
        check_role_value(program, claims["role"][1])
    if "mn" in claims and claims["mn"][1] is not None:
        check_meeting_number_value(program, program.resolve(claims["mn"][1]))


ROLE_FROM_REQUEST = (
    "The role is taken from the request as it came: form fields and query strings are text, so the token gets "
    '"1" instead of 1.'
)


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


def request_input_unconverted(program: Program, value) -> bool:
    """A value read from the request (form, query, JSON body) as it came: text, not yet a number."""
    value = unwrap(value)
    if value is None or value.type in ("cast_expression", "unary_expression"):
        return False
    if value.type in program.parsed.grammar.call:
        call = program.call(value)
        if call.name in FLOORS or call.name in ("Number", "Atoi", "parse", "Parse", "parseInt", "to_i", "valueOf"):
            return False
    if value.type not in program.parsed.grammar.member and value.type not in program.parsed.grammar.call:
        return False
    return bool(REQUEST_INPUT.search(program.text(value)))


def check_role_bindings(program: Program):
    for binding in program.bindings:
        last = binding.name.rsplit(".", 1)[-1]
        if ROLEISH.search(last) and request_input_unconverted(program, binding.value):
            program.hit("role_not_number", binding.value, ROLE_FROM_REQUEST)


SPACED_MEETING_NUMBER = re.compile(r"^\d{3}[\s-]+\d{3,4}[\s-]+\d{3,4}$")


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


# -- base64 and the returned value ----------------------------------------------------------------


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


def converted_to_base64url(program: Program, call: Call) -> bool:
    """Whether the statement (or a later use of its result) turns standard base64 into base64url."""

    def converts(node) -> bool:
        converter = program.call(node)
        if converter.name in URL_CONVERTERS:
            return any("+" in node_text(a) or "/" in node_text(a) for a in converter.args)
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


# -- time ------------------------------------------------------------------------------------------


def _divided_by_1000(program: Program, node):
    """The ancestor dividing this value by 1000 within its statement, if any."""
    for parent in program.ancestors(node):
        parts = binary(program.parsed, parent)
        if parts and parts[1] in ("/", "//", "div") and number_value(program.parsed, parts[2]) in (1000, 1e3):
            return parent
    return None


def _floored(program: Program, node) -> bool:
    for parent in program.ancestors(node):
        if parent.type in ("cast_expression", "unary_expression") and "~~" in node_text(parent)[:3]:
            return True
        if parent.type == "cast_expression":
            return True
        if parent.type in program.parsed.grammar.call and program.call(parent).name in FLOORS:
            return True
        parts = binary(program.parsed, parent)
        if parts and parts[1] in ("|", ">>", ">>>", "//") and number_value(program.parsed, parts[2]) in (0, 1000):
            return True
    return False


def _later_uses(program: Program, name: str, after) -> list:
    """Expressions after `after` that use `name`: call arguments, bound values and divisions."""
    found = []
    for node in [*program.parsed.of("binary"), *program.parsed.of("call")]:
        if node.start_byte > after.start_byte and program.uses(node, name):
            found.append(node)
    return found


def _in_time_claim(program: Program, node, name: str | None) -> bool:
    for literal in program.maps:
        for claim, (_, value) in claim_entries(literal).items():
            if claim not in ("iat", "exp", "tokenExp") or value is None:
                continue
            if value.start_byte <= node.start_byte and node.end_byte <= value.end_byte:
                return True
            if name and program.uses(value, name):
                return True
    return False


def _millisecond_sources(program: Program):
    for call in program.calls:
        if matches(call, MILLISECOND_CALLS):
            yield call.node
        elif call.name in ("toEpochMilli", "UnixNano", "time_ns") or call.name == "valueOf" and "Date" in call.callee:
            yield call.node
    for node in program.parsed.of("binary"):
        operator = node.child_by_field_name("operator")
        if operator is None or operator.type != "*":
            continue
        parts = binary(program.parsed, node)
        if parts and 1000 in (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2])):
            if NOW_CALLS.search(node_text(node)):
                yield node


def check_milliseconds(program: Program):
    language = program.parsed.grammar.name
    for source in _millisecond_sources(program):
        if any(
            p.type in program.parsed.grammar.call and matches(program.call(p), DATE_FROM_MILLISECONDS)
            for p in program.ancestors(source)
        ):
            continue
        if source.parent is not None and source.parent.type in program.parsed.grammar.binary:
            outer = binary(program.parsed, source.parent)
            if outer and outer[1] == "*" and source.type in program.parsed.grammar.binary:
                continue  # counted as the larger product
        division = _divided_by_1000(program, source)
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if division is None and name:
            later = [
                n
                for n in _later_uses(program, name, binding.target)
                if _divided_by_1000(program, n) or _is_division(program, n)
            ]
            division = later[0] if later else None
        if division is not None:
            target = division if _is_division(program, division) else _divided_by_1000(program, division)
            if language not in INTEGER_DIVISION and not _floored(program, target):
                divided_name = program.binding_of(target)
                rounded_later = divided_name and any(
                    n.type in program.parsed.grammar.call and program.call(n).name in FLOORS
                    for n in _later_uses(program, divided_name.name, divided_name.target)
                )
                if not rounded_later and "//" not in node_text(target):
                    program.hit(
                        "timestamp_not_integer",
                        target,
                        "Milliseconds divided by 1000 leave a fraction (1733050000.123); JWT times are whole seconds.",
                        program.time_fix(),
                    )
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or _in_time_claim(program, source, name):
            program.hit(
                "timestamp_milliseconds",
                source,
                f"{node_text(source)[:60]} counts milliseconds; iat and exp are seconds, so the token claims to be "
                "issued some 50,000 years from now.",
                program.time_fix(),
            )


def _is_division(program: Program, node) -> bool:
    parts = binary(program.parsed, node)
    return bool(parts and parts[1] in ("/", "//") and number_value(program.parsed, parts[2]) in (1000, 1e3))


FRACTIONAL_SECONDS = {
    "python": lambda c: c.callee in ("time.time",) or c.name == "timestamp",
    "ruby": lambda c: c.name == "to_f" and "Time" in c.callee,
    "php": lambda c: c.callee == "microtime",
}


def check_fractional_seconds(program: Program):
    language = program.parsed.grammar.name
    if language in ("javascript", "typescript"):
        for node in program.parsed.of("member"):
            if node_text(node).endswith(".getTime") and not (
                node.parent is not None and node.parent.type == "call_expression"
            ):
                program.hit(
                    "timestamp_not_integer",
                    node,
                    "getTime without parentheses is the function itself, not the time: the claim becomes NaN (null).",
                    "Call it: Math.floor(new Date().getTime() / 1000), or Math.floor(Date.now() / 1000).",
                )
    sources = []
    if language in FRACTIONAL_SECONDS:
        sources = [c.node for c in program.calls if FRACTIONAL_SECONDS[language](c)]
    if language == "csharp":
        sources = [n for n in program.parsed.of("member") if node_text(n).endswith(".TotalSeconds")]
    for source in sources:
        if _floored(program, source) or _scaled_to_milliseconds(program, source):
            continue
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if name and any(
            n.type in program.parsed.grammar.call and program.call(n).name in FLOORS | {"to_i"}
            for n in _later_uses(program, name, binding.target)
        ):
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or _in_time_claim(program, source, name):
            program.hit(
                "timestamp_not_integer",
                source,
                f"{node_text(source)[:60]} has a fractional part; iat and exp must be whole seconds.",
                program.time_fix(),
            )


def _scaled_to_milliseconds(program: Program, node) -> bool:
    for parent in program.ancestors(node):
        parts = binary(program.parsed, parent)
        if (
            parts
            and parts[1] == "*"
            and 1000 in (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2]))
        ):
            return True
    return False


def check_local_time(program: Program):
    """Local time read as UTC: the token's iat lands hours off, in the future east of Greenwich."""
    for call in program.calls:
        if call.name not in ("timestamp", "mktime", "timegm", "toInstant", "toEpochSecond"):
            continue
        text = program.text(call.node)
        local = (
            call.name == "timestamp"
            and "utcnow()" in call.callee
            or call.callee in ("time.mktime",)
            and "utcnow" in text
            or call.callee.endswith("timegm")
            and "datetime.now()" in text
            or call.name in ("toInstant", "toEpochSecond")
            and "LocalDateTime.now()" in call.callee
        )
        if local:
            program.hit(
                "iat_in_future",
                call.node,
                f"{text[:70]} reads the clock's local time as if it were UTC: on a server east of UTC the token is "
                "issued hours in the future (west of it, already old).",
                program.time_fix(),
            )
    if program.parsed.grammar.name == "csharp":
        for node in program.parsed.of("binary"):
            parts = binary(program.parsed, node)
            if parts and parts[1] == "-" and node_text(parts[0]) == "DateTime.Now" and "1970" in node_text(parts[2]):
                program.hit(
                    "iat_in_future",
                    node,
                    "DateTime.Now is local time; subtracting the UTC epoch from it puts iat hours off.",
                    program.time_fix(),
                )


# -- lifetimes -------------------------------------------------------------------------------------


def constant_seconds(program: Program, node, depth=3) -> float | None:
    """The value of a constant duration expression in seconds (60 * 60 * 2, time.Hour * 2, timedelta(hours=2))."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    number = number_value(program.parsed, node)
    if number is not None:
        return number
    parts = binary(program.parsed, node)
    if parts:
        left, operator, right = parts
        a, b = constant_seconds(program, left, depth), constant_seconds(program, right, depth)
        if a is None or b is None:
            return None
        return {"*": a * b, "+": a + b, "-": a - b, "/": a / b if b else None}.get(operator)
    text = program.text(node)
    unit = re.fullmatch(r"(?:time|TimeUnit|ChronoUnit)\.(Second|Minute|Hour)s?", text, re.I)
    if unit:
        return UNIT_SECONDS[unit.group(1).lower()]
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name == "timedelta":
            units = dict(
                zip(
                    ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"),
                    call.args,
                    strict=False,
                )
            )
            units |= call.kwargs
            total = 0.0
            for unit_name, value in units.items():
                amount = constant_seconds(program, value, depth - 1)
                scale = {"microseconds": 1e-6, "milliseconds": 1e-3}.get(
                    unit_name, UNIT_SECONDS.get(unit_name.rstrip("s"), 1)
                )
                if amount is None:
                    return None
                total += amount * scale
            return total
        unit = re.fullmatch(r"(?:of|From|plus|Add)?(Second|Minute|Hour|Day|Week)s?", call.name, re.I)
        if unit and call.args:
            amount = constant_seconds(program, call.args[0], depth - 1)
            return None if amount is None else amount * UNIT_SECONDS[unit.group(1).lower()]
        if unit and program.parsed.grammar.name == "ruby":  # 2.hours
            receiver = node.child_by_field_name("receiver")
            amount = constant_seconds(program, receiver, depth - 1)
            return None if amount is None else amount * UNIT_SECONDS[unit.group(1).lower()]
    name = identifier(program.parsed, node)
    if name:
        return constant_seconds(program, program.bound_value(name, node), depth - 1)
    return None


def is_now(program: Program, node, depth=3) -> bool:
    node = unwrap(node)
    if node is None or depth == 0:
        return False
    if NOW_CALLS.search(node_text(node)):
        return True
    if node.type in program.parsed.grammar.call:  # int(now), Math.floor(now)
        call = program.call(node)
        return call.name in FLOORS and len(call.args) == 1 and is_now(program, call.args[0], depth - 1)
    if node.type == "cast_expression":
        return is_now(program, node.child_by_field_name("value"), depth - 1)
    name = identifier(program.parsed, node)
    if name is None:
        return False
    bound = program.bound_value(name, node)
    return is_now(program, bound, depth - 1) if bound is not None else bool(TIMEISH.search(name))


def lifetime_seconds(program: Program, node, depth=3) -> float | None:
    """exp − iat, where the code writes exp as now + a constant (in any of the eight languages' idioms)."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    in_milliseconds = False
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if matches(call, DATE_CONSTRUCTORS) and call.args:
            node, in_milliseconds = unwrap(call.args[0]), call.callee != "Date.from"
        elif call.name in ("Unix", "to_i", "getEpochSecond", "ToUnixTimeSeconds", "timestamp", "getTime") and (
            node.child_by_field_name("function") is not None
            or node.child_by_field_name("receiver") is not None
            or node.child_by_field_name("object") is not None
        ):
            inner = _receiver(program, node)
            return lifetime_seconds(program, inner, depth - 1) if inner is not None else None
        elif re.fullmatch(r"(Add|plus)(Seconds|Minutes|Hours|Days)?|from_now", call.name):
            receiver = _receiver(program, node)
            if call.name == "from_now":
                return constant_seconds(program, receiver)
            if receiver is not None and is_now(program, receiver):
                amount = constant_seconds(program, call.args[0]) if call.args else None
                unit = re.search(r"(Second|Minute|Hour|Day)", call.name)
                return None if amount is None else amount * (UNIT_SECONDS[unit.group(1).lower()] if unit else 1)
            return None
    parts = binary(program.parsed, node)
    if parts and parts[1] == "+":
        left, _, right = parts
        for base, delta in ((left, right), (right, left)):
            if is_now(program, base) and not _counts_milliseconds(program, base) ^ in_milliseconds:
                seconds = constant_seconds(program, delta)
                if seconds is not None:
                    return seconds / 1000 if in_milliseconds else seconds
        return None
    name = identifier(program.parsed, node)
    if name:
        return lifetime_seconds(program, program.bound_value(name, node), depth - 1)
    return None


def _receiver(program: Program, node):
    for field_name in ("receiver", "object"):
        found = node.child_by_field_name(field_name)
        if found is not None:
            return found
    function = node.child_by_field_name("function")
    if function is not None and function.type in program.parsed.grammar.member:
        return (
            function.child_by_field_name("object")
            or function.child_by_field_name("operand")
            or (function.child_by_field_name("expression"))
        )
    return None


def _counts_milliseconds(program: Program, node) -> bool:
    text = node_text(program.resolve(node))
    return bool(
        re.search(r"Date\.now\(\)|getTime\(\)|currentTimeMillis|Milliseconds|UnixMilli", text)
    ) and not re.search(r"/\s*1000|/1e3", text)


EXPIRES_IN = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)?\s*$", re.I
)


def expires_in_seconds(program: Program, node) -> float | None:
    """jsonwebtoken's expiresIn: a number of seconds, or a string as the `ms` package reads it."""
    text = string_value(program.parsed, node)
    if text is None:
        return constant_seconds(program, node)
    found = EXPIRES_IN.match(text)
    if not found:
        return None
    amount, unit = float(found.group(1)), (found.group(2) or "ms").lower()
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    return amount * scale.get(unit[0] if unit != "ms" else "ms", 1)


def check_lifetimes(program: Program):
    seen = set()
    expiries = {}  # the expression an expiry is computed by -> how to read it as a lifetime
    for literal in program.maps:
        for key, (_, value) in literal.entries.items():
            if value is not None and key == "expiresIn":
                expiries[value] = expires_in_seconds
            elif value is not None and key.lower() in ("exp", "tokenexp", "expires", "expiration", "expiresat"):
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for binding in program.bindings:
        if binding.value is not None and EXPIRYISH.search(binding.name.rsplit(".", 1)[-1]):
            expiries.setdefault(binding.value, lifetime_seconds)
    for call in program.calls if program.parsed.grammar.name in NAMED_ARGUMENTS else ():
        for key, value in call.kwargs.items():
            if key.lower() in ("expires", "exp") and value is not None:
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for node, lifetime in expiries.items():
        if node is None or node.start_point[0] in seen:
            continue
        line, seconds = node.start_point[0], lifetime(program, node)
        if seconds is None:
            continue
        if seconds < MIN_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_short",
                node,
                f"The token lives {seconds:g} s; Zoom refuses lifetimes under {MIN_LIFETIME_SECONDS} s (30 minutes).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (two hours, the sample's default).",
            )
        elif seconds > MAX_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_long",
                node,
                f"The token lives {seconds:g} s; Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 hours).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} and sign a fresh token per join.",
            )


# -- formats -------------------------------------------------------------------------------------------


def _dotted_pieces(program: Program, node) -> list | None:
    parts = string_parts(program.parsed, node)
    if parts is None and node.type in program.parsed.grammar.call:
        call = program.call(node)
        separator = next(
            (string_value(program.parsed, a) for a in call.args if string_value(program.parsed, a) == "."), None
        )
        if call.name in ("join", "Join", "implode") and (separator or call.name == "join" and "." in call.callee):
            items = [a for a in call.args if string_value(program.parsed, a) != "."]
            receiver = _receiver(program, node)
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


# -- the secret -------------------------------------------------------------------------------------------


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
        function = program.functions.get(call.name)
        parameters = parameter_names(program.parsed, function) if function is not None else []
        if function is None and "sign" in call.name.lower() and SIGNER_NAMES.match(call.name):
            parameters = list(ZOOM_SIGNER_PARAMETERS)
        for parameter, argument in zip(parameters, call.args if parameters else (), strict=False):
            if is_secretish(parameter):
                yield argument


# Calls whose first argument names where a value is (a variable, cookie, file or element), not the value.
NAME_LOOKUPS = frozenset({"getCookie", "get", "getenv", "Getenv", "GetEnvironmentVariable", "getItem", "fetch"})
NAME_LOOKUPS |= {"getProperty", "getParameter", "env", "config", "querySelector", "getElementById", "Get", "open"}
NAME_LOOKUPS |= READ_FILE | {"Path", "LookupEnv", "getString", "environ.get", "require"}


def _string_nodes(program: Program, node):
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
            receiver = _receiver(program, current)
            stack.extend([receiver] if receiver is not None else [])
        else:
            stack.extend(current.named_children)


def check_secret_literals(program: Program):
    seen = set()
    for place in secret_places(program):
        place = unwrap(place)
        if place is None:
            continue
        for literal in _string_nodes(program, place):
            value = string_value(program.parsed, literal)
            if value is None or value.lower() in ENCODING_NAMES or literal.id in seen:
                continue
            seen.add(literal.id)
            if len(value) >= 4:
                program.secret_literals.append(literal)
            if looks_like_secret(value):
                program.hit(
                    "hardcoded_secret",
                    literal,
                    "A Client Secret is written in the code. Anyone who can read the code (a repository, a forum "
                    "post, a browser) can sign tokens for your app: rotate it in the Marketplace now.",
                    "Regenerate the secret, then read it from the server's environment or secret store "
                    "(process.env.ZOOM_MEETING_SDK_SECRET, os.environ[...]).",
                )


def check_secret_in_browser(program: Program):
    fix = "Sign on your server (Zoom's auth endpoint sample) and send only the token; regenerate the exposed secret."
    for binding in program.bindings:
        if (
            is_secretish(binding.name)
            and binding.value is not None
            and BROWSER_STORAGE.search(node_text(binding.value))
        ):
            program.hit(
                "secret_in_browser",
                binding.value,
                "The secret is read from the browser (a cookie, storage or the page): whoever opens the page has it.",
                fix,
            )
    upper = program.parsed.text.upper()  # a cheap look first; which nodes say so is read from the tree
    public = "SECRET" in upper and any(prefix in upper for prefix in PUBLIC_PREFIXES)
    for node in [*program.parsed.of("member"), *program.parsed.of("string")] if public else ():
        if PUBLIC_ENV.search(node_text(node)) and not (
            node.parent is not None and node.parent.type in program.parsed.grammar.member
        ):
            program.hit(
                "secret_in_browser",
                node,
                "A NEXT_PUBLIC_/VITE_/REACT_APP_ variable is built into the JavaScript sent to the browser: "
                "a secret there is public.",
                fix,
            )
    scripts = "<script" in program.parsed.text.lower()  # which string writes it is read from the tree
    for node in [*program.parsed.of("string"), *program.parsed.of("binary")] if scripts else ():
        if "<script" not in node_text(node).lower():
            continue
        parts = string_parts(program.parsed, node)
        if parts and any(isinstance(p, str) and "<script" in p.lower() for p in parts):
            if any(not isinstance(p, str) and is_secretish(node_text(p)) for p in parts):
                program.hit("secret_in_browser", node, "The secret is written into a page's script.", fix)
    if program.parsed.grammar.name in ("javascript", "typescript"):
        signing = [c for c in program.calls if matches(c, TOKEN_SIGNERS)]
        browser = signing and (
            any(BROWSER_API.search(c.callee) for c in program.calls)
            or any(BROWSER_API.search(program.text(n)) for n in program.parsed.of("member"))
        )
        if browser and signing and not any(h.code == "secret_in_browser" for h in program.hits):
            program.hit(
                "secret_in_browser",
                signing[0].node,
                "This signs in code that also uses the browser's page (document, window, ZoomMtg): the secret it "
                "signs with is shipped to every visitor.",
                fix,
            )


def check_swapped_credentials(program: Program):
    for call in program.calls:
        if matches(call, HMAC_CALLS) or not SIGNING_NAME.search(call.name):
            continue
        positional = iter(call.args)
        first = call.kwargs.get("key") or call.kwargs.get("sdk_key") or next(positional, None)
        second = call.kwargs.get("secret") or call.kwargs.get("sdk_secret") or next(positional, None)
        if first is None or second is None:
            continue
        if is_secretish(node_text(first)) and not is_secretish(node_text(second)):
            program.hit(
                "app_key_is_secret",
                first,
                "The secret is passed where the key goes (and the key where the secret goes): the token carries the "
                "secret in its readable payload and is signed with the public key.",
                "Pass the Client ID as the key and the Client Secret as the secret; then rotate the leaked secret.",
            )


def check_secret_from_file(program: Program):
    for binding in program.bindings:
        if not is_secretish(binding.name) or binding.value is None:
            continue
        inner = program.calls_in(binding.value)
        if not any(c.name in READ_FILE or matches(c, READ_FILE) for c in inner):
            continue
        if any(c.name in TRIMS for c in inner):
            continue
        later = [
            b for b in program.bindings if b.name == binding.name and b.target.start_byte > binding.target.start_byte
        ]
        if any(any(c.name in TRIMS for c in program.calls_in(b.value)) for b in later if b.value is not None):
            continue
        program.hit(
            "secret_whitespace",
            binding.value,
            "The secret is read from a file as it is: a final newline (editors and echo add one) becomes part of "
            "the HMAC key.",
            "Trim it where you read it: .trim() / .strip() / strings.TrimSpace.",
        )


DECODES = CallNames(
    {"b64decode", "standard_b64decode", "FromBase64String", "DecodeString", "base64_decode"},
    {"decode64", "strict_decode64", "Base64.parse", "getDecoder().decode", "parseBase64Binary"},
)


def check_decoded_secret(program: Program):
    for call in program.calls:
        decodes = matches(call, DECODES) or (
            call.callee == "Buffer.from"
            and len(call.args) > 1
            and string_value(program.parsed, call.args[1]) == "base64"
        )
        if decodes and call.args and is_secretish(node_text(call.args[0])):
            program.hit(
                "base64_decoded_secret",
                call.node,
                "The secret is base64-decoded before signing; Zoom signs with the secret's own bytes (UTF-8).",
                "Use the secret as text: its UTF-8 bytes are the HMAC key.",
            )
        if call.name == "signWith" and len(call.args) == 2 and "SignatureAlgorithm." in node_text(call.args[0]):
            key = node_text(call.args[1])
            if not re.search(r"getBytes|Keys\.|SecretKeySpec|TextCodec|Base64|Key\b", key):
                program.hit(
                    "base64_decoded_secret",
                    call.node,
                    "jjwt 0.9's signWith(SignatureAlgorithm, String) base64-decodes the String: the HMAC key is not "
                    "the secret's bytes.",
                    "Pass the bytes: signWith(SignatureAlgorithm.HS256, secret.getBytes(StandardCharsets.UTF_8)), or "
                    "jjwt 0.11+: signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8))).",
                )


def check_argument_shift(program: Program):
    for call in program.calls:
        function = program.functions.get(call.name)
        parameters = parameter_names(program.parsed, function) if function is not None else []
        if function is None and "sign" in call.name.lower() and SIGNER_NAMES.match(call.name):
            parameters = list(ZOOM_SIGNER_PARAMETERS)
        if len(parameters) < 4 or len(call.args) >= len(parameters) or call.kwargs or not call.args:
            continue
        if not re.search(r"key", parameters[0], re.I) or not MEETINGISH.search(
            squeeze(node_text(call.args[0])).rsplit(".", 1)[-1]
        ):
            continue
        program.hit(
            "app_key_is_meeting_number",
            call.node,
            f"{call.name} takes ({', '.join(parameters)}) but is called with {len(call.args)} arguments: the meeting "
            "number becomes the key and the role the secret.",
            "Pass all four arguments — better, fetch the signature from your server, which holds key and secret.",
        )


def check_cached_token(program: Program):
    for function in program.parsed.of("function"):
        name = function_name(program.parsed, function) or ""
        decorated = (
            function.parent if function.parent is not None and function.parent.type == "decorated_definition" else None
        )
        if decorated is not None and re.search(r"sign|token", name, re.I):
            for decorator in decorated.named_children:
                if decorator.type == "decorator" and re.search(r"\b(cache|lru_cache|cached)\b", node_text(decorator)):
                    program.hit(
                        "expired",
                        decorator,
                        f"{name} is cached: the same token is handed out after its exp has passed.",
                        "Sign a fresh token for each join; never cache tokens beyond their exp.",
                    )
    for binding in program.bindings:
        if re.search(r"cache", binding.name, re.I) and binding.value is not None:
            if any(re.search(r"sign|token", c.name, re.I) for c in program.calls_in(binding.value)):
                program.hit(
                    "expired",
                    binding.value,
                    "The token is kept in a cache and handed out again: once its exp has passed, Zoom refuses it.",
                    "Sign a fresh token for each join; never cache tokens beyond their exp.",
                )


CHECKS = (
    check_payloads,
    check_role_bindings,
    check_meeting_number_bindings,
    check_standard_base64,
    check_returned_mac,
    check_milliseconds,
    check_fractional_seconds,
    check_local_time,
    check_lifetimes,
    check_legacy_format,
    check_secret_literals,
    check_secret_in_browser,
    check_swapped_credentials,
    check_secret_from_file,
    check_decoded_secret,
    check_argument_shift,
    check_cached_token,
)


def run_checks(parsed: Parsed) -> Program:
    program = Program.read(parsed)
    for check in CHECKS:
        check(program)
    if any(hit.code == "legacy_signature_format" for hit in program.hits):
        program.hits = [hit for hit in program.hits if hit.code != "standard_base64"]  # the legacy format's own base64
    return program
