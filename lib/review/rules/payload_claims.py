"""missing_* and meeting_number_claim_name: the claims a Meeting SDK payload lacks or misnames."""

from lib.review.payload import claim_entries, jsonwebtoken_options, payloads
from lib.review.program import Program
from lib.review.rules.base import ReviewRule
from lib.review.syntax import MapLiteral


def check(program: Program):
    for literal in payloads(program):
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


RULE = ReviewRule(
    codes=(
        "meeting_number_claim_name",
        "missing_app_key",
        "missing_mn",
        "missing_role",
        "missing_iat",
        "missing_exp",
        "missing_token_exp",
    ),
    check=check,
)
