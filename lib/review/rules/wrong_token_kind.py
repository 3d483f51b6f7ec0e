"""wrong_token_kind: a payload of another kind of token than the SDK joining with it takes: a JWT app's iss
and exp (Zoom's REST API), Meeting SDK and Video SDK claims mixed in one payload, or a payload of one SDK
when the user says the other joins with it."""

from lib.review.payload import claim_entries, payloads, written_family
from lib.review.program import MEETING_CLAIMS, VIDEO_CLAIMS, Program
from lib.review.rules.base import ReviewRule
from lib.zoom.families import family_of

SDK_NAMES = {
    "meeting_web": "the Meeting SDK for web",
    "meeting_native": "a native Meeting SDK",
    "video": "the Video SDK",
}
# Claims only one SDK's token has (iat and exp are both's; a Video SDK payload's `role` is role_type misnamed,
# which video_claims reports as missing_role_type).
MEETING_ONLY = frozenset(MEETING_CLAIMS) - {"iat", "exp", "role"}
VIDEO_ONLY = frozenset(VIDEO_CLAIMS) - {"version"}
SDK_CLAIMS = frozenset(claim.lower() for claim in (*MEETING_ONLY, *VIDEO_ONLY, "role"))  # a JWT app's token has none


def check(program: Program):
    for literal in program.maps:
        keys = {k.lower() for k in literal.entries}
        if "iss" in keys and "exp" in keys and not keys & SDK_CLAIMS:
            program.hit(
                "wrong_token_kind",
                literal.node,
                "This payload has iss and exp only: the token of a JWT app for Zoom's REST API, not a Meeting SDK "
                "signature (appKey, mn, role, iat, exp, tokenExp) or a Video SDK token (app_key, tpc, role_type …).",
                "Sign the payload of Zoom's auth endpoint sample for your SDK with that SDK app's credentials.",
            )
    for literal in payloads(program):
        check_payload(program, literal)


def check_payload(program: Program, literal):
    claims = set(claim_entries(literal))
    meeting, video = sorted(claims & MEETING_ONLY), sorted(claims & VIDEO_ONLY)
    written = written_family(literal)
    if meeting and video:
        program.hit(
            "wrong_token_kind",
            literal.node,
            f"This payload mixes Meeting SDK claims ({', '.join(meeting)}) with Video SDK claims ({', '.join(video)}): "
            "each SDK reads its own claims, so the token is neither SDK's.",
            "Meeting SDK: appKey, mn, role, iat, exp, tokenExp. Video SDK: app_key, tpc, role_type, version, iat, "
            "exp. Sign the claims of the SDK that joins, with that SDK app's credentials.",
        )
    elif program.sdk and (family_of(claims, program.sdk) == "video") != (written == "video"):
        stated = family_of(claims, program.sdk)
        program.hit(
            "wrong_token_kind",
            literal.node,
            f"This payload is a token for {SDK_NAMES[written]}, but {SDK_NAMES[stated]} is said to join with it: "
            "that SDK reads other claims and refuses it.",
            f"Sign {SDK_NAMES[stated]}'s payload with that SDK app's credentials, or join with {SDK_NAMES[written]}.",
        )


RULE = ReviewRule(codes=("wrong_token_kind",), check=check)
