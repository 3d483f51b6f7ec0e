"""hardcoded_secret: a Client Secret written in the code. Every literal in a secret's place is also
remembered for masking (program.secret_literals), whether or not it looks like a real secret."""

from lib.review.program import ENCODING_NAMES, Program, looks_like_secret
from lib.review.reading import string_value, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.values import secret_places, string_nodes


def check(program: Program):
    seen = set()
    for place in secret_places(program):
        place = unwrap(place)
        if place is None:
            continue
        for literal in string_nodes(program, place):
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


RULE = ReviewRule(codes=("hardcoded_secret",), check=check)
