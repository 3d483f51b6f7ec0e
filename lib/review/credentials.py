"""Checks of where the secret comes from and goes: written in the code, read in the browser, swapped
with the key, read from a file untrimmed, base64-decoded; and the call that shifts its arguments."""

import re

from lib.review.program import (
    BROWSER_API,
    BROWSER_STORAGE,
    ENCODING_NAMES,
    HMAC_CALLS,
    KEY_ARGUMENT,
    KEY_ARGUMENT_LAST,
    MEETINGISH,
    PUBLIC_ENV,
    PUBLIC_PREFIXES,
    READ_FILE,
    SIGNER_NAMES,
    SIGNING_NAME,
    TOKEN_SIGNERS,
    TRIMS,
    ZOOM_SIGNER_PARAMETERS,
    CallNames,
    Program,
    is_secretish,
    looks_like_secret,
    matches,
    receiver_of,
)
from lib.review.reading import NAMED_ARGUMENTS, Call, function_name, parameter_names, string_parts, string_value, unwrap
from lib.review.syntax import node_text, squeeze


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
            receiver = receiver_of(program, current)
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
        if not SIGNING_NAME.search(call.name) or matches(call, HMAC_CALLS):
            continue
        parameters = signer_parameters(program, call)
        given = {p.lower(): a for p, a in zip(parameters, call.args if parameters else (), strict=False)}
        given |= {name.lower(): value for name, value in call.kwargs.items()}
        key = next((v for k, v in given.items() if "secret" not in k and re.search(r"key|client_?id", k)), None)
        secret = next((v for k, v in given.items() if "secret" in k), None)
        if key is None or secret is None:
            continue
        if is_secretish(node_text(key)) and not is_secretish(node_text(secret)):
            program.hit(
                "app_key_is_secret",
                key,
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
        parameters = signer_parameters(program, call)
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
