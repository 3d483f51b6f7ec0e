"""secret_whitespace: the secret read from a file without trimming its final newline."""

from lib.review.program import READ_FILE, TRIMS, Program, is_secretish, matches
from lib.review.rules.base import ReviewRule


def check(program: Program):
    for binding in program.bindings:
        if not is_secretish(binding.name) or binding.value is None:
            continue
        inner = program.calls_in(binding.value)
        if not any(c.name in READ_FILE or matches(c, READ_FILE) for c in inner):
            continue
        if any(c.name in TRIMS for c in inner):
            continue
        later = [
            b for b in program.bindings if b.name == binding.name and b.target.start_byte > binding.target.start_byte
        ]
        if any(any(c.name in TRIMS for c in program.calls_in(b.value)) for b in later if b.value is not None):
            continue
        program.hit(
            "secret_whitespace",
            binding.value,
            "The secret is read from a file as it is: a final newline (editors and echo add one) becomes part of "
            "the HMAC key.",
            "Trim it where you read it: .trim() / .strip() / strings.TrimSpace.",
        )


RULE = ReviewRule(codes=("secret_whitespace",), check=check)
