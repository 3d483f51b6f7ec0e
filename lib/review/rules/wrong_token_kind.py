"""wrong_token_kind: a payload of iss and exp only, the token of a JWT app for Zoom's REST API."""

from lib.review.program import Program
from lib.review.rules.base import ReviewRule


def check(program: Program):
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


RULE = ReviewRule(codes=("wrong_token_kind",), check=check)
