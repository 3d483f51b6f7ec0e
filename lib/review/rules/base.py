"""What a Code doctor rule is: the finding codes it reports, those it holds back, and its check."""

from collections.abc import Callable
from dataclasses import dataclass

from lib.review.program import Program


@dataclass(frozen=True)
class ReviewRule:
    """One rule, self-contained as in ruff or Semgrep: its module is named after its code, its fixtures
    are tests/data/review/rules/<module>/ (lines marked must-fire / must-not-fire)."""

    codes: tuple[str, ...]  # every code it reports; each code belongs to one rule
    check: Callable[[Program], None]  # reads the program, adds its hits
    suppresses: frozenset[str] = frozenset()  # codes that are false alarms where this rule fires
