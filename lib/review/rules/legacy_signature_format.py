"""legacy_signature_format: the pre-2022 signature key.meetingNumber.timestamp.role.hash.

That format has its own encoding (standard base64) and no JWT, so the JWT-only
findings are held back where it is found."""

import re

from lib.mistakes.catalogue import BUGS
from lib.review.codes import REVIEW_CODES
from lib.review.program import Program
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.values import FORMAT_CALLS, dotted_pieces


def check(program: Program):
    for call in program.calls:
        if call.callee.endswith("ZoomMtg.generateSignature"):
            program.hit(
                "legacy_signature_format",
                call.node,
                "ZoomMtg.generateSignature is the old Web SDK's own signer: it makes the pre-2022 signature "
                "key.meetingNumber.timestamp.role.hash, in the browser, from the API secret. Web SDKs since 2022 take "
                "only the HS256 JWT.",
                "Sign the HS256 JWT on your server (Zoom's auth endpoint sample) and pass only the token to join().",
            )
    if "role" not in program.parsed.text.lower():
        return  # the legacy message always joins the role: no need to read every string
    joins = [c.node for c in program.calls if c.name in ("join", "Join", "implode") or c.name in FORMAT_CALLS]
    interpolated = [node for node in program.parsed.of("string") if node.child_count > 3]  # not a plain "…"
    candidates = [*interpolated, *program.parsed.of("binary"), *joins]
    for node in candidates:
        if node.parent is not None and node.parent.type in program.parsed.grammar.binary:
            continue
        if "role" not in node_text(node).lower():
            continue  # the legacy message always joins the role
        pieces = dotted_pieces(program, node)
        if not pieces:
            continue
        values = [p for p in pieces if not isinstance(p, str)]
        separators = [p for p in pieces if isinstance(p, str)]
        names = " ".join(node_text(v) for v in values)
        if (
            len(values) >= 4
            and sum(s.count(".") for s in separators) >= 3
            and all(set(s) <= {"."} for s in separators if s)
            and re.search(r"role", names, re.I)
            and re.search(r"meeting|mn|number", names, re.I)
        ):
            program.hit(
                "legacy_signature_format",
                node,
                "This builds the pre-2022 signature key.meetingNumber.timestamp.role.hash; Web SDKs since 2022 "
                "take only the HS256 JWT (its own milliseconds and standard base64 are not reported: they belong "
                "to that format).",
                "Sign the HS256 JWT of Zoom's current auth endpoint sample.",
            )


# The findings of the catalogue's JWT-only mistakes (milliseconds, standard base64, the bare MAC, tokenExp …):
# the pre-2022 format is written that way on purpose. And the role as text: that format joins it into text.
JWT_ONLY = frozenset(code.partition("@")[0] for bug in BUGS.values() if bug.jwt_only for code in bug.found_by)
JWT_ONLY |= {"role_not_number"}
RULE = ReviewRule(codes=("legacy_signature_format",), check=check, suppresses=JWT_ONLY & REVIEW_CODES.keys())
