"""The Video SDK's own claims in a Video SDK payload (app_key, tpc, role_type …): tpc and role_type missing
or wrong, a literal tpc of whitespace or with whitespace around it, version missing, user_key / session_key
longer than Zoom takes.

Only values the code writes as literals are measured; a role_type is followed to where it comes from as
role_not_number follows a role (text from the request, a conversion to text, an environment variable).
Limits and codes: the rule book's claim table (lib.zoom.families.CLAIMS, after Zoom's Video SDK auth page in
docs/zoom-signature-facts.md): tpc at most TPC_MAX_CHARS, user_key (user_identity) and session_key at most
KEY_MAX_CHARS, role_type 0 or 1.
"""

from lib.review.payload import claim_entries, judged_family, payloads
from lib.review.program import Program
from lib.review.reading import number_value, string_value
from lib.review.rules.base import ReviewRule
from lib.review.rules.role_not_number import text_role
from lib.zoom.families import CLAIMS, FAMILIES, TEXT, VIDEO
from lib.zoom.rules import js_length

TPC_MAX_CHARS = CLAIMS["tpc"].max_length
KEY_MAX_CHARS = CLAIMS["user_key"].max_length
ROLE_TYPES = (0, 1)
# The Video SDK's text claims with a length limit (tpc, user_key, its former name user_identity, session_key).
LIMITED_CLAIMS = tuple(
    name for name in FAMILIES[VIDEO].claims if CLAIMS[name].kind == TEXT and CLAIMS[name].max_length is not None
)


def check(program: Program):
    for literal in payloads(program):
        if judged_family(program, literal) == "video":
            check_payload(program, literal)


def check_payload(program: Program, literal):
    claims = claim_entries(literal)
    whole = not (literal.open or literal.placeholder)  # `{...base, tpc}` may hold the rest
    for claim, code, says in (
        ("tpc", "missing_tpc", "The payload has no tpc: the session name the client passes to join()."),
        ("role_type", "missing_role_type", "The payload has no role_type: 1 to host the session, 0 to join it."),
        ("version", "missing_version", "The payload has no version; Zoom's Video SDK auth page lists version: 1."),
    ):
        if claim not in claims and whole:
            if code == "missing_role_type" and "role" in claims:
                says = "The payload has role, the Meeting SDK's name; the Video SDK reads role_type (1 host, 0 join)."
            program.hit(code, literal.node, says)
    if "tpc" in claims and claims["tpc"][1] is not None:
        topic = program.resolve(claims["tpc"][1])
        text = string_value(program.parsed, topic)
        if text == "":
            program.hit("missing_tpc", topic, "tpc is empty: Zoom needs the session name the client passes to join().")
        elif text is not None and text != text.strip():
            says = (
                "tpc is only whitespace: most likely not the session name meant (what Zoom does with it is not "
                "documented)."
                if not text.strip()
                else "tpc has whitespace around the name: join() must pass the same spaces (Zoom ignores case only)."
            )
            program.hit("tpc_whitespace", topic, says)
    for claim in LIMITED_CLAIMS:
        if claim in claims:
            check_length(program, claims[claim][1], claim)
    if "role_type" in claims and claims["role_type"][1] is not None:
        check_role_type(program, claims["role_type"][1])


def check_length(program: Program, node, claim: str):
    """A literal longer than the claim table's limit for this claim, under the table's too_long code."""
    limit, code = CLAIMS[claim].max_length, CLAIMS[claim].codes["too_long"]
    text = string_value(program.parsed, program.resolve(node)) if node is not None else None
    length = js_length(text) if text is not None else 0  # counted as the rule book and the SDK count: UTF-16 units
    if length > limit:
        program.hit(code, program.resolve(node), f"{claim} is {length} characters; Zoom takes at most {limit}.")


def check_role_type(program: Program, node):
    value = program.resolve(node)
    text, number = string_value(program.parsed, value), number_value(program.parsed, value)
    if text is not None:
        says = f"role_type is the text {text[:10]!r}; it must be the number 0 or 1."
        program.hit("role_type_not_number", value, says)
    elif number is not None and number not in ROLE_TYPES:
        program.hit("role_type_out_of_range", value, f"role_type is {number:g}; it must be 0 (join) or 1 (host).")
    elif number is None:
        found = text_role(program, node)
        if found:
            reason, where = found
            program.hit("role_type_not_number", where if where is not None else value, reason)


# The Video SDK's own codes, from its family record; tpc_mismatch needs the session name passed to join(),
# which code does not show.
RULE = ReviewRule(codes=tuple(sorted(FAMILIES[VIDEO].codes - {"tpc_mismatch"})), check=check)
