"""The Code doctor's rules, one module each: every rule has fixtures with lines that must fire and lines that
must not, every finding code belongs to exactly one rule, and each fixture's marks match the findings exactly.

A fixture is code in tests/data/review/rules/<rule module>/, its language told by its extension. A line ending
in a comment `must-fire: <code>` must get that finding on that line; `must-not-fire: <code>` must not (one comment
may hold both, `must-fire: a must-not-fire: b, c`). A rule
with one code may leave the code out (`must-fire`). Findings of other rules' codes are the other rules' business.
"""

import pkgutil
import re
from pathlib import Path

import pytest

from lib.review import review_code
from lib.review.codes import REVIEW_CODES
from lib.review.program import Program
from lib.review.rules import REVIEW_RULES, RULE_MODULES, ReviewRule
from lib.review.syntax import GRAMMARS, Parsed
from support.paths import DATA

FIXTURES = DATA / "review" / "rules"
LANGUAGE_OF = {".js": "javascript", ".ts": "typescript", ".py": "python", ".php": "php", ".go": "go"}
LANGUAGE_OF |= {".java": "java", ".cs": "csharp", ".rb": "ruby"}
MARK = re.compile(r"(must-fire|must-not-fire)(?::\s*(\w+(?:\s*,\s*\w+)*))?")  # one line may carry both marks


def marks(path: Path, rule: ReviewRule):
    """{(line, code)} that must fire and that must not, read from the fixture's comments."""
    fire, quiet = set(), set()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        for kind, codes in MARK.findall(line):
            named = [c.strip() for c in codes.split(",") if c.strip()] if codes else list(rule.codes)
            assert len(named) == 1 or codes, f"{path.name}:{number}: name the code, the rule has several"
            assert set(named) <= set(rule.codes), f"{path.name}:{number}: {named} is not this rule's"
            (fire if kind == "must-fire" else quiet).update((number, code) for code in named)
    return fire, quiet


def fixtures():
    for name in sorted(REVIEW_RULES):
        for path in sorted((FIXTURES / name).iterdir()) if (FIXTURES / name).is_dir() else ():
            yield pytest.param(name, path, id=f"{name}/{path.name}")


def test_every_rule_module_is_run_and_every_code_belongs_to_exactly_one_rule():
    package = Path(RULE_MODULES[0].__file__).parent
    modules = {m.name for m in pkgutil.iter_modules([str(package)])} - {"base"}
    assert modules == set(REVIEW_RULES)
    codes = [code for rule in REVIEW_RULES.values() for code in rule.codes]
    assert len(codes) == len(set(codes)), "a code claimed by two rules"
    assert set(codes) <= set(REVIEW_CODES)
    assert all(code in REVIEW_CODES for rule in REVIEW_RULES.values() for code in rule.suppresses)


@pytest.mark.parametrize("name", sorted(REVIEW_RULES))
def test_every_rule_has_lines_that_must_fire_and_lines_that_must_not(name):
    rule = REVIEW_RULES[name]
    fire, quiet = set(), set()
    paths = sorted((FIXTURES / name).iterdir()) if (FIXTURES / name).is_dir() else []
    for path in paths:
        assert path.suffix in LANGUAGE_OF, path
        found = marks(path, rule)
        fire |= {code for _, code in found[0]}
        quiet |= {code for _, code in found[1]}
    assert fire and quiet, f"{name} needs fixture lines marked must-fire and must-not-fire"
    assert fire == set(rule.codes), f"{name}: codes without a must-fire line: {set(rule.codes) - fire}"


@pytest.mark.parametrize(("name", "path"), list(fixtures()))
def test_each_fixtures_marks_match_the_findings_exactly(name, path):
    rule = REVIEW_RULES[name]
    fire, quiet = marks(path, rule)
    review = review_code(path.read_text(encoding="utf-8"), LANGUAGE_OF[path.suffix])
    found = {(f.line, f.code) for f in review.findings if f.code in rule.codes}
    assert found == fire, f"unexpected: {sorted(found - fire)}, missed: {sorted(fire - found)}"
    assert not found & quiet


@pytest.mark.parametrize(("name", "path"), list(fixtures()))
def test_a_rule_reports_only_its_own_codes(name, path):
    program = Program.read(Parsed(path.read_text(encoding="utf-8"), GRAMMARS[LANGUAGE_OF[path.suffix]]))
    for rule_name, rule in REVIEW_RULES.items():
        before = len(program.hits)
        rule.check(program)
        assert {hit.code for hit in program.hits[before:]} <= set(rule.codes), rule_name
