"""iat_in_future: local time read as if it were UTC (datetime.utcnow().timestamp(), DateTime.Now − epoch)."""

from lib.review.program import Program
from lib.review.reading import binary
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text


def check(program: Program):
    """Local time read as UTC: the token's iat lands hours off, in the future east of Greenwich."""
    for call in program.calls:
        if call.name not in ("timestamp", "mktime", "timegm", "toInstant", "toEpochSecond"):
            continue
        text = program.text(call.node)
        local = (
            call.name == "timestamp"
            and "utcnow()" in call.callee
            or call.callee in ("time.mktime",)
            and "utcnow" in text
            or call.callee.endswith("timegm")
            and "datetime.now()" in text
            or call.name in ("toInstant", "toEpochSecond")
            and "LocalDateTime.now()" in call.callee
        )
        if local:
            program.hit(
                "iat_in_future",
                call.node,
                f"{text[:70]} reads the clock's local time as if it were UTC: on a server east of UTC the token is "
                "issued hours in the future (west of it, already old).",
                program.time_fix(),
            )
    if program.parsed.grammar.name == "csharp":
        for node in program.parsed.of("binary"):
            parts = binary(program.parsed, node)
            if parts and parts[1] == "-" and node_text(parts[0]) == "DateTime.Now" and "1970" in node_text(parts[2]):
                program.hit(
                    "iat_in_future",
                    node,
                    "DateTime.Now is local time; subtracting the UTC epoch from it puts iat hours off.",
                    program.time_fix(),
                )


RULE = ReviewRule(codes=("iat_in_future",), check=check)
