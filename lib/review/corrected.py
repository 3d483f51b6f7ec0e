"""What to put in place of the mistakes: a correct signer per language, and the catalogue's "after" code.

The reference signers (lib/review/reference/signer.*) sign as Zoom's auth endpoint sample does, each with
its language's usual JWT library; the code doctor reviews them clean (tests/test_review.py), so the page
never recommends code it would flag.
"""

from pathlib import Path
from typing import NamedTuple

from lib.mistakes.catalogue import BUGS
from lib.review.syntax import GRAMMARS

REFERENCE = Path(__file__).resolve().parent / "reference"
# The catalogue's before/after code is JavaScript and Python; TypeScript reads the JavaScript.
CATALOGUE_LANGUAGE = {"javascript": "js", "typescript": "js", "python": "py"}


class Correction(NamedTuple):
    bug_id: str
    title: str
    before: str
    after: str

    def as_code(self, language: str) -> str:
        """Before and after as one block, each headed by a comment in the language's syntax."""
        comment = "#" if language in ("python", "ruby") else "//"
        return f"{comment} before\n{self.before}\n{comment} after\n{self.after}"


def reference_signer(language: str) -> str:
    """The correct signer in this language (a language id of lib.review.syntax.GRAMMARS)."""
    extension = {"csharp": ".cs", "typescript": ".ts", "javascript": ".js"}.get(language)
    extension = extension or GRAMMARS[language].extensions[0]
    return (REFERENCE / f"signer{extension}").read_text(encoding="utf-8")


def corrections(bug_ids, language: str) -> list[Correction]:
    """The catalogue's before and after code of each mistake found, in the language's catalogue dialect."""
    dialect = CATALOGUE_LANGUAGE.get(language)
    if dialect is None:
        return []
    found = []
    for bug_id in dict.fromkeys(b for b in bug_ids if b in BUGS):
        bug = BUGS[bug_id]
        found.append(Correction(bug_id, bug.title, getattr(bug, f"{dialect}_before"), getattr(bug, f"{dialect}_after")))
    return found
