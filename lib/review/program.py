"""What every check reads: the parsed program with its calls, bindings and literals, and the names
of the calls, encodings and times the checks recognise."""

import re
from dataclasses import dataclass, field

from lib.review.reading import (
    Binding,
    Call,
    bindings,
    call_of,
    calls,
    calls_within,
    function_name,
    identifier,
    maps,
    unwrap,
)
from lib.review.syntax import Parsed, node_text, squeeze

TIMEISH = re.compile(r"iat|exp|now|time|stamp|^ts$|issued|current", re.I)


EXPIRYISH = re.compile(r"^(exp|token_?exp|expir|expires|expiry)", re.I)


MEETINGISH = re.compile(r"^(mn|meeting)", re.I)


ROLEISH = re.compile(r"^role$|_role$|Role$", re.I)


MEETING_CLAIMS = ("appKey", "sdkKey", "mn", "meetingNumber", "role", "iat", "exp", "tokenExp")
VIDEO_CLAIMS = ("app_key", "tpc", "role_type", "version", "user_identity", "user_key", "session_key")
# The claims of a Meeting SDK or Video SDK payload, by their lower-case spelling (Go and C# write AppKey, TokenExp).
CLAIMS = {c.lower(): c for c in (*MEETING_CLAIMS, *VIDEO_CLAIMS)}


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
    {"subtle.sign"},  # Web Crypto: crypto.subtle.sign("HMAC", key, data)
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


# Calls that percent-encode text for a URL, by language: qualified names, and names that count only when called bare
# (`quote` is urllib's when imported from it, not shlex.quote).
URL_ENCODERS = CallNames(
    {"urllib.parse.quote", "parse.quote", "urllib.parse.quote_plus", "parse.quote_plus", "querystring.escape"},
    {"URLEncoder.encode", "Uri.EscapeDataString", "Uri.EscapeUriString", "HttpUtility.UrlEncode"},
    {"WebUtility.UrlEncode", "url.QueryEscape", "url.PathEscape", "CGI.escape", "URI.encode_www_form_component"},
    {"URI.encode", "URI.escape", "Util.url_encode", "Utils.escape", "qs.escape"},
)
BARE_URL_ENCODERS = frozenset({"encodeURIComponent", "encodeURI", "escape", "quote", "quote_plus"})
BARE_URL_ENCODERS |= {"urlencode", "rawurlencode", "url_encode"}
# Those that write a space as + rather than %20 (form encoding).
PLUS_FOR_SPACE = CallNames(
    {"quote_plus", "urlencode", "URLEncoder.encode", "HttpUtility.UrlEncode", "WebUtility.UrlEncode"},
    {"url.QueryEscape", "CGI.escape", "URI.encode_www_form_component", "Utils.escape"},
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
    sdk: str | None = None  # the SDK the user says joins with the token (web, native, video); None: from the claims
    calls: list = field(default_factory=list)
    bindings: list = field(default_factory=list)
    maps: list = field(default_factory=list)
    functions: dict = field(default_factory=dict)  # name -> function node
    hits: list = field(default_factory=list)
    secret_literals: list = field(default_factory=list)  # string literal nodes in a secret's place

    call_at: dict = field(default_factory=dict)  # node id -> Call, for every call node
    binding_at: dict = field(default_factory=dict)  # value node id -> the Binding that names it
    bindings_named: dict = field(default_factory=dict)  # name -> its Bindings with a value, in source order
    names_at: dict = field(default_factory=dict)  # node id -> the variable names its expression uses
    hmac_at: dict = field(default_factory=dict)  # node id -> whether its value is the bare HMAC
    has_hmac: bool = False  # the code computes an HMAC itself (rather than through a JWT library)

    @classmethod
    def read(cls, parsed: Parsed, sdk: str | None = None):
        program = cls(parsed, sdk)
        program.calls = calls(parsed)
        program.call_at = {call.node.id: call for call in program.calls}
        program.has_hmac = any(matches(call, HMAC_CALLS) for call in program.calls)
        program.bindings = bindings(parsed)
        program.binding_at = {b.value.id: b for b in program.bindings if b.value is not None}
        for binding in program.bindings:
            if binding.value is not None:
                program.bindings_named.setdefault(binding.name, []).append(binding)
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
        found = self.bindings_named.get(name, [])
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
            key = current.child_by_field_name("key") if current.type == "pair" else None  # { signature: jwt }
            stack.extend(c for c in current.named_children if c != key)
        return found


def matches(call: Call, names: CallNames) -> bool:
    """Whether the dotted callee is one of `names` or ends with one of them after a dot."""
    return call.name in names.last and not call.suffixes.isdisjoint(names)


SECRET_ABBREVIATION = re.compile(r"(api|sdk|client|app)_?sec(?![a-z])", re.I)  # ZOOM_API_SEC, sdkSec


def is_secretish(text: str) -> bool:
    """A name or expression that speaks of the secret (sdkSecret, ZOOM_SECRET, client_secret, ZOOM_API_SEC)."""
    return "secret" in text.lower() or bool(SECRET_ABBREVIATION.search(text))


def looks_like_secret(value: str) -> bool:
    """A literal a Client Secret could be: long, no spaces, not a placeholder or an encoding's name."""
    return (
        len(value) >= 16
        and not any(c.isspace() for c in value)
        and not PLACEHOLDER.search(value)
        and "secret" not in value.lower()
        and len(set(value)) > 4
    )


def receiver_of(program: Program, node):
    """The object a method is called on: `a.b` for `a.b.c()`, the receiver in Ruby and Java."""
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
