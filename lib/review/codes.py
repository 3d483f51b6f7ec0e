"""The code doctor's vocabulary: the Token doctor's finding codes, plus the few that only code shows.

A code's title, severity and Zoom error come from lib.doctor.findings.FINDING_CODES (which takes the
claim rules' codes from lib.zoom.rules), so a mistake has one code whether it is found in a token or in
the code that made it. The mistake a code names comes from the catalogue (bug_for_finding).
"""

from dataclasses import dataclass

from lib.doctor.findings import FINDING_CODES, Code
from lib.mistakes.catalogue import bug_for_finding

# Codes the Token doctor cannot report, because nothing in a token shows them.
CODE_ONLY = {
    "secret_in_browser": Code("The secret is read in browser code", "error"),
    "hardcoded_secret": Code("A Client Secret written in the code", "error"),
    "secret_logged": Code("The secret is written to a log", "warning"),
}
REVIEW_CODES = {**CODE_ONLY, **FINDING_CODES}

# Findings whose mistake the catalogue lists under another name (its found_by lists token codes only).
_CODE_ONLY_BUGS = {"secret_in_browser": "secret_in_browser"}


@dataclass(frozen=True)
class CodeFinding:
    """One mistake seen in the code: where, the line as written (secrets masked), what and how to fix it."""

    code: str
    severity: str
    line: int
    column: int
    excerpt: str
    message: str
    fix: str
    bug_id: str | None

    @property
    def title(self) -> str:
        return REVIEW_CODES[self.code].title

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "message": self.message,
            "fix": self.fix,
            "bug_id": self.bug_id,
        }


def bug_for_code(code: str, step: str | None) -> str | None:
    """The catalogue mistake a code finding names; `step` tells the signature's base64 from the segments'."""
    return _CODE_ONLY_BUGS.get(code) or bug_for_finding(code, step or "format")
