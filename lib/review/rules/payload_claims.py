"""missing_* and meeting_number_claim_name: the claims a Meeting SDK payload lacks or misnames; and, when the user
names no SDK, meeting_native_assumed: a payload without mn and role is judged native, as the Token doctor judges
its token (the Web SDK would need both)."""

from lib.review.payload import claim_entries, judged_family, payloads, rule_book_breaches
from lib.review.program import Program
from lib.review.rules.base import ReviewRule
from lib.review.syntax import MapLiteral


def check(program: Program):
    for literal in payloads(program):
        check_payload(program, literal)


TIME_CLAIMS = {"missing_iat", "missing_exp", "missing_token_exp"}


def check_payload(program: Program, literal: MapLiteral):
    """The rule book's verdict on the claims written, each on the line that writes them."""
    claims = claim_entries(literal)
    for breach in rule_book_breaches(program, literal, RULE_CODES):
        if breach.code == "meeting_number_claim_name":
            node = claims["meetingNumber"][0]
        elif literal.open or literal.placeholder and breach.code not in TIME_CLAIMS:
            continue  # `{...base, mn}` may hold the rest; pseudo-code `{..., "iat": iat}` shows only the times
        else:
            node = literal.node
        message = breach.message
        if breach.code == "missing_app_key" and judged_family(program, literal) == "video":
            message = VIDEO_APP_KEY
        program.hit(breach.code, node, message, severity=breach.severity)


VIDEO_APP_KEY = "The payload has no app_key: the Video SDK's Client ID (SDK key), which Zoom reads to find the app."


RULE_CODES = (
    "meeting_number_claim_name",
    "missing_app_key",
    "missing_mn",
    "missing_role",
    "missing_iat",
    "missing_exp",
    "missing_token_exp",
    "meeting_native_assumed",
)
RULE = ReviewRule(codes=RULE_CODES, check=check)
