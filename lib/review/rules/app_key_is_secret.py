"""app_key_is_secret: the secret put where the key goes: into the payload's appKey/sdkKey, or passed as the
key argument of a signer (with the key as its secret)."""

import re

from lib.review.payload import claim_entries, payloads
from lib.review.program import HMAC_CALLS, SIGNING_NAME, Program, is_secretish, matches
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.values import signer_parameters


def check(program: Program):
    for literal in payloads(program):
        claims = claim_entries(literal)
        for claim in ("appKey", "sdkKey", "app_key"):
            if claim in claims and claims[claim][1] is not None:
                value = claims[claim][1]
                if is_secretish(node_text(value)) or is_secretish(node_text(program.resolve(value))):
                    program.hit(
                        "app_key_is_secret",
                        value,
                        f"{claim} is given the secret: the token's payload is readable by anyone, so the secret leaks.",
                        "Put the Client ID (SDK key) in appKey and sdkKey; sign with the secret. Rotate the leaked "
                        "secret.",
                    )
    check_swapped_credentials(program)


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


RULE = ReviewRule(codes=("app_key_is_secret",), check=check)
