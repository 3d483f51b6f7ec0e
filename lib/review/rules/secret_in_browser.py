"""secret_in_browser: the secret read or used in code that runs in the browser: read from the page or
storage, in a NEXT_PUBLIC_/VITE_/REACT_APP_ variable, written into a page's script, in an Angular
environment file, or signed with in code the frameworks ship to the browser ('use client', import.meta.env,
the Zoom Web SDK imported beside the signing, the page's document and window)."""

import re

from lib.review.program import (
    BROWSER_API,
    BROWSER_STORAGE,
    PUBLIC_ENV,
    PUBLIC_PREFIXES,
    TOKEN_SIGNERS,
    Program,
    is_secretish,
    matches,
)
from lib.review.reading import function_name, string_parts, string_value, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text


def check(program: Program):
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
    check_template_context(program, fix)
    for call in program.calls:  # ZoomMtg.generateSignature({ apiSecret, … }): the old Web SDK signing in the page
        if BROWSER_API.search(call.callee + ".") and any(holds_secret(program, a) for a in call.args):
            program.hit(
                "secret_in_browser",
                call.node,
                f"{call.callee} gets the secret in the browser: whoever opens the page has it.",
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
        check_angular_environment(program, fix)
        signing = [c for c in program.calls if signs(c) and not on_the_server(program, c.node)]
        browser = signing and browser_marker(program)
        if browser and not any(h.code == "secret_in_browser" for h in program.hits):
            program.hit(
                "secret_in_browser",
                signing[0].node,
                f"This signs in code that runs in the browser ({browser}): the secret it signs with is shipped to "
                "every visitor.",
                fix,
            )
        if not any(h.code == "secret_in_browser" for h in program.hits):
            check_angular_secret_read(program, fix)


# Calls that hand values to a page template (Django, Flask, Express, Laravel, Rails, Spring's model).
TEMPLATE_CALLS = frozenset({"render", "render_template", "render_to_response", "TemplateResponse", "view", "make"})
TEMPLATE_CALLS |= {"addAttribute", "render_to_string"}


def check_template_context(program: Program, fix: str):
    """The secret handed to a page template: whatever the template writes, the browser gets."""
    for call in program.calls:
        if call.name not in TEMPLATE_CALLS:
            continue
        if any(holds_secret(program, argument) for argument in [*call.args, *call.kwargs.values()]) or any(
            is_secretish(key) for key in call.kwargs
        ):
            program.hit(
                "secret_in_browser",
                call.node,
                "The secret is handed to a page template: what a template holds reaches the browser.",
                fix,
            )


def holds_secret(program: Program, node, depth=2) -> bool:
    """A name that says it is the secret, or a dict/object/dict(...) with a key or value that does."""
    node = unwrap(node)
    if node is None or depth == 0:
        return False
    if node.type in program.parsed.grammar.identifier or node.type in program.parsed.grammar.member:
        return is_secretish(node_text(node))
    if node.type in program.parsed.grammar.string:
        return False
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        return any(is_secretish(key) for key in call.kwargs) or any(
            holds_secret(program, value, depth - 1) for value in [*call.args, *call.kwargs.values()]
        )
    literal = next((m for m in program.maps if m.node == node), None)
    return literal is not None and any(
        is_secretish(key) or value is not None and holds_secret(program, value, depth - 1)
        for key, (_, value) in literal.entries.items()
    )


CLIENT_DIRECTIVE = re.compile(r"^(\s*(//[^\n]*|/\*.*?\*/))*\s*['\"]use client['\"]", re.S)
SERVER_DIRECTIVE = re.compile(r"^(\s*(//[^\n]*|/\*.*?\*/))*\s*['\"]use server['\"]", re.S)
BROWSER_PACKAGES = re.compile(r"""['"](@zoom/meetingsdk|@zoom/videosdk|@zoomus/websdk)(/[^'"]*)?['"]""")
SERVER_FUNCTIONS = frozenset(
    {"getServerSideProps", "getStaticProps", "GET", "POST", "PUT", "handler", "loader", "action"}
)


def signs(call) -> bool:
    """An HMAC, a JWT library's sign, or jose's new SignJWT(…).sign(…)."""
    return matches(call, TOKEN_SIGNERS) or call.callee == "new SignJWT"


def on_the_server(program: Program, node) -> bool:
    """Signing inside a Next.js server function (getServerSideProps, a route handler) or a 'use server' file."""
    if SERVER_DIRECTIVE.match(program.parsed.text):
        return True
    owner = node.parent
    while owner is not None:
        if owner.type in program.parsed.grammar.function and function_name(program.parsed, owner) in SERVER_FUNCTIONS:
            return True
        owner = owner.parent
    return False


def browser_marker(program: Program) -> str | None:
    """What says this JavaScript runs in the browser, as the message names it; None if nothing does."""
    text = program.parsed.text
    if CLIENT_DIRECTIVE.match(text):
        return "a 'use client' component"
    if "import.meta.env" in text:
        return "import.meta.env: a Vite build for the browser"
    package = BROWSER_PACKAGES.search(text)
    if package:
        return f"it imports {package.group(1)}, the Zoom SDK for the browser"
    if re.search(r"""from\s+['"]@angular/core['"]""", text):
        return "an Angular component or service, built for the browser"
    if any(BROWSER_API.search(c.callee) for c in program.calls) or any(
        BROWSER_API.search(program.text(n)) for n in program.parsed.of("member")
    ):
        return "it uses the page: document, window or ZoomMtg"
    return None


ANGULAR_ENVIRONMENT = re.compile(r"\benvironment\.\w*secret", re.I)


def check_angular_environment(program: Program, fix: str):
    """Angular builds src/environments/environment.ts into the browser bundle: a secret there is public."""
    for binding in program.bindings:
        if binding.name != "environment" or binding.value is None:
            continue
        literal = next((m for m in program.maps if m.node == binding.value), None)
        for key, (_, value) in literal.entries.items() if literal is not None else ():
            if is_secretish(key) and value is not None and string_value(program.parsed, value) != "":
                program.hit(
                    "secret_in_browser",
                    value,
                    "Angular builds environment.ts into the JavaScript sent to the browser: a secret there is public.",
                    fix,
                )


def check_angular_secret_read(program: Program, fix: str):
    """environment.zoomSdkSecret read where nothing else shows the browser: the read is the finding."""
    for node in program.parsed.of("member"):
        if ANGULAR_ENVIRONMENT.match(program.text(node)) and not program.text(node).startswith("process."):
            program.hit(
                "secret_in_browser",
                node,
                "The secret is read from Angular's environment, which is built into the browser bundle.",
                fix,
            )


RULE = ReviewRule(codes=("secret_in_browser",), check=check)
