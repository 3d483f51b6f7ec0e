"""The code doctor: signing code in, the Token doctor's findings out, each on its line.

`review_code(text, language=None)` parses the code with its language's tree-sitter grammar (or finds
the language), runs lib.review.rules and returns the findings with their line, column and the line
as written — any secret literal masked, there and in `masked_text`, so nothing downstream can show it.
"""

from dataclasses import dataclass

from lib.review.codes import REVIEW_CODES, CodeFinding, bug_for_code
from lib.review.payload import judged_family, payloads
from lib.review.reading import string_value
from lib.review.rules import run_rules
from lib.review.syntax import GRAMMARS, Parsed, language_id
from lib.zoom.families import family_of
from lib.zoom.rules import RULES, SEVERITIES

MASK = "•"
MAX_EXCERPT = 200
MAX_CODE_CHARS = 200_000
SDKS = ("web", "native", "video")  # what the user may say joins with the token (the CLI's `sdk` field)


class ReviewInputError(ValueError):
    """Input the code doctor cannot review; the message says what to change."""


@dataclass(frozen=True)
class Review:
    language: str
    findings: tuple[CodeFinding, ...]
    verdict: str
    masked_text: str  # the code as given, every secret literal replaced by MASK characters
    secrets_masked: int  # how many secret literals were masked
    recognised: bool = True  # the code builds or signs something: "no finding" then means "looks right"
    token_family: str | None = None  # meeting_web, meeting_native or video: the payload's; None: no payload seen

    @property
    def codes(self):
        return [f.code for f in self.findings]

    @property
    def worst_severity(self) -> str | None:
        return min((f.severity for f in self.findings), key=SEVERITIES.index, default=None)

    def as_dict(self):
        return {
            "language": self.language,
            "token_family": self.token_family,
            "findings": [f.as_dict() for f in self.findings],
            "verdict": self.verdict,
        }


def detect_language(text: str) -> str:
    """The grammar that parses the code with the fewest errors; ties go to the language whose tokens it uses."""
    if "<?php" in text:
        return "php"
    scores = []
    for order, grammar in enumerate(GRAMMARS.values()):
        errors = Parsed(text, grammar).error_count
        hints = sum(text.count(hint) for hint in grammar.hints)
        scores.append((errors, -hints, order, grammar.name))
    return min(scores)[3]


LEAK_RUN = 8  # this many of a secret's characters in a row, anywhere shown, is a leak


def secret_forms(values) -> list[str]:
    """Each secret as written and as it may be shown: without the whitespace around it, or any (a callee
    in a message is written without spaces); longest first, so a secret that contains another is masked whole."""
    forms = set()
    for value in values:
        forms |= {value, value.strip(), "".join(value.split())}
    return sorted((form for form in forms if form), key=len, reverse=True)


def mask_secrets(text: str, values) -> str:
    for value in secret_forms(values):
        text = text.replace(value, MASK * len(value))
    return text


def mask_runs(text: str, values) -> str:
    """mask_secrets, then every run of LEAK_RUN or more of a secret's characters (a message that quotes
    code cut short holds a piece of the secret, not the whole). For short texts: messages and fixes."""
    text = mask_secrets(text, values)
    secrets = [form for form in secret_forms(values) if len(form) >= LEAK_RUN]
    hidden = set()
    for secret in secrets:
        for start in range(len(text) - LEAK_RUN + 1):
            end = start + LEAK_RUN
            if text[start:end] in secret:
                while end < len(text) and text[start : end + 1] in secret:
                    end += 1
                hidden.update(range(start, end))
    return "".join(MASK if index in hidden else char for index, char in enumerate(text))


def review_code(text: str, language: str | None = None, sdk: str | None = None) -> Review:
    """Review signing code; `sdk` is the SDK the user says joins with its token (web, native, video), None to
    work it out from the claims. Raises ReviewInputError for input the code doctor cannot review."""
    if not isinstance(text, str):
        raise ReviewInputError("the code must be text")
    if sdk is not None and sdk not in SDKS:
        raise ReviewInputError(f"unknown sdk {str(sdk)[:20]!r}; use web, native or video, or leave it out.")
    if len(text) > MAX_CODE_CHARS:
        raise ReviewInputError(f"the code is {len(text):,} characters; paste at most {MAX_CODE_CHARS:,} (one file).")
    if language:
        found = language_id(language)
        if found is None:
            known = ", ".join(g.label for g in GRAMMARS.values())
            raise ReviewInputError(f"unknown language {language!r}; use one of: {known}.")
    else:
        found = detect_language(text)
    text = text.replace("\r\n", "\n")
    parsed = Parsed(text, GRAMMARS[found])
    program = run_rules(parsed, sdk)
    secrets = [string_value(parsed, node) for node in program.secret_literals]
    secrets = [s for s in secrets if s]
    masked = mask_secrets(text, secrets)
    lines = masked.split("\n")
    findings, seen = [], set()
    for hit in program.hits:
        line, column = parsed.line_column(hit.node)
        if (hit.code, line) in seen:
            continue
        seen.add((hit.code, line))
        code = REVIEW_CODES[hit.code]
        excerpt = lines[line - 1] if line <= len(lines) else ""
        excerpt = excerpt if len(excerpt) <= MAX_EXCERPT else excerpt[: MAX_EXCERPT - 1] + "…"
        findings.append(
            CodeFinding(
                hit.code,
                hit.severity or code.severity,
                line,
                column,
                excerpt,
                mask_runs(hit.message, secrets),
                mask_runs(hit.fix or _rule_fix(hit.code), secrets),
                bug_for_code(hit.code, hit.step),
            )
        )
    findings.sort(key=lambda f: (f.line, f.column, SEVERITIES.index(f.severity)))
    recognised = bool(program.maps or program.calls)
    verdict = verdict_of(findings, recognised)
    return Review(found, tuple(findings), verdict, masked, len(set(secrets)), recognised, family_of_code(program))


def family_of_code(program) -> str | None:
    """The token family of the code's first payload (as it is judged), else the one the user names."""
    found = payloads(program)
    if found:
        return judged_family(program, found[0])
    return family_of({}, program.sdk) if program.sdk else None


def _rule_fix(code: str) -> str:
    return RULES[code].fix if code in RULES else ""


def verdict_of(findings, recognised: bool) -> str:
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    if errors:
        first = errors[0]
        return (
            f"{len(errors)} error{'s' * (len(errors) != 1)}"
            + (f" and {len(warnings)} warning{'s' * (len(warnings) != 1)}" if warnings else "")
            + f": start with line {first.line}, {first.title}."
        )
    if warnings:
        return f"{len(warnings)} warning{'s' * (len(warnings) != 1)}, no error: see line {warnings[0].line}."
    if not recognised:
        return "No signing code recognised: paste the function that builds the signature."
    return "No known mistake found in this code."
