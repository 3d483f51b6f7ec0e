"""expired: a token cached and handed out again (an lru_cache on the signer, a variable named cache, or one that
keeps its first value: `token = token || sign(...)`)."""

import re

from lib.review.program import Program
from lib.review.reading import function_name
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text


def check(program: Program):
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
        if binding.value is None:
            continue
        keeps_first = re.match(rf"{re.escape(binding.name)}\s*(\|\||\?\?)", node_text(binding.value))
        if re.search(r"cache", binding.name, re.I) or keeps_first:
            if any(re.search(r"sign|token", c.name, re.I) for c in program.calls_in(binding.value)):
                program.hit(
                    "expired",
                    binding.value,
                    "The token is kept in a cache and handed out again: once its exp has passed, Zoom refuses it.",
                    "Sign a fresh token for each join; never cache tokens beyond their exp.",
                )


RULE = ReviewRule(codes=("expired",), check=check)
