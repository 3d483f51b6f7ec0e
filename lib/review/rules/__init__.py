"""The Code doctor's rules, one module each (named after its code), run in this order.

Adding a rule: its module here (codes, what it holds back, its check), its fixtures in
tests/data/review/rules/<module>/, and one line below. tests/test_review_rules.py checks that every code
belongs to exactly one rule and that every fixture's marks match the findings.
"""

from lib.review.program import Program
from lib.review.rules import (
    app_key_is_meeting_number,
    app_key_is_secret,
    bare_signature,
    base64_decoded_secret,
    expired,
    hardcoded_secret,
    legacy_signature_format,
    lifetime,
    local_time,
    mn_not_digits,
    payload_claims,
    role_not_number,
    secret_in_browser,
    secret_logged,
    secret_whitespace,
    standard_base64,
    timestamp_units,
    tpc_mismatch,
    video_claims,
    wrong_token_kind,
)
from lib.review.rules.base import ReviewRule  # noqa: F401  (re-exported)
from lib.review.syntax import Parsed

RULE_MODULES = (
    wrong_token_kind,
    payload_claims,
    app_key_is_secret,
    role_not_number,
    video_claims,
    tpc_mismatch,
    mn_not_digits,
    standard_base64,
    bare_signature,
    timestamp_units,
    local_time,
    lifetime,
    legacy_signature_format,
    hardcoded_secret,
    secret_in_browser,
    secret_logged,
    secret_whitespace,
    base64_decoded_secret,
    app_key_is_meeting_number,
    expired,
)
REVIEW_RULES: dict[str, ReviewRule] = {module.__name__.rsplit(".", 1)[-1]: module.RULE for module in RULE_MODULES}
RULE_OF_CODE = {code: name for name, rule in REVIEW_RULES.items() for code in rule.codes}


def run_rules(parsed: Parsed, sdk: str | None = None) -> Program:
    """Every rule's check on the program, then each firing rule's false alarms held back; `sdk` is the SDK
    the user says joins with the token (web, native, video), None to work it out from the claims."""
    program = Program.read(parsed, sdk)
    for rule in REVIEW_RULES.values():
        rule.check(program)
    fired = {hit.code for hit in program.hits}
    held_back = set().union(*(rule.suppresses for rule in REVIEW_RULES.values() if fired & set(rule.codes)))
    program.hits = [hit for hit in program.hits if hit.code not in held_back]
    return program
