"""The checks: each reads the parsed program (lib.review.reading) and reports the mistakes it sees.

Values are followed where the mistake depends on them: a payload literal built in one statement and
completed (`payload.tokenExp = exp`) or signed (`jwt.sign(payload, …, {expiresIn})`) in another; a
time read once (`const now = Date.now()`) and divided or rounded later; the value a name was given
(`const signature = HMACSHA256(…)`, `function HMACSHA256() { return …HmacSHA256… }`).
"""

from lib.review.claims import check_meeting_number_bindings, check_payloads, check_role_bindings
from lib.review.clock import check_fractional_seconds, check_lifetimes, check_local_time, check_milliseconds
from lib.review.credentials import (
    check_argument_shift,
    check_cached_token,
    check_decoded_secret,
    check_secret_from_file,
    check_secret_in_browser,
    check_secret_literals,
    check_swapped_credentials,
)
from lib.review.encoding import check_legacy_format, check_returned_mac, check_standard_base64
from lib.review.program import Program
from lib.review.syntax import Parsed

CHECKS = (
    check_payloads,
    check_role_bindings,
    check_meeting_number_bindings,
    check_standard_base64,
    check_returned_mac,
    check_milliseconds,
    check_fractional_seconds,
    check_local_time,
    check_lifetimes,
    check_legacy_format,
    check_secret_literals,
    check_secret_in_browser,
    check_swapped_credentials,
    check_secret_from_file,
    check_decoded_secret,
    check_argument_shift,
    check_cached_token,
)


def run_checks(parsed: Parsed) -> Program:
    program = Program.read(parsed)
    for check in CHECKS:
        check(program)
    if any(hit.code == "legacy_signature_format" for hit in program.hits):
        program.hits = [hit for hit in program.hits if hit.code != "standard_base64"]  # the legacy format's own base64
    return program
