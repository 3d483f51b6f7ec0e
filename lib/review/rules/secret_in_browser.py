"""secret_in_browser: the secret read or used in code that runs in the browser."""

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
from lib.review.reading import string_parts
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


RULE = ReviewRule(codes=("secret_in_browser",), check=check)
