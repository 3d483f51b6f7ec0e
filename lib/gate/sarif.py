"""The Code doctor's findings as SARIF 2.1.0, in the subset GitHub code scanning reads.

One rule (reportingDescriptor) per finding code reported, its help made of the catalogue's fix and the
lesson's explanation; one result per finding with its file relative to the repository's root (%SRCROOT%),
its line, column and the line as written (secret literals already masked by the Code doctor), and a
fingerprint that survives lines moving: GitHub matches an alert across runs by it. GitHub's upload limits
(https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit)
are kept: at most 25,000 results a run (the worst kept, the rest counted in a notification).
"""

import hashlib
from dataclasses import dataclass

import lib
from lib.mistakes.catalogue import BUGS
from lib.review.codes import REVIEW_CODES, CodeFinding, bug_for_code
from lib.zoom.rules import SEVERITIES

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "Signature Lab"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "signatureLabFinding/v1"
MAX_RESULTS = 25_000  # GitHub rejects a run with more
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Findings that put the secret where others read it: GitHub lists them as security alerts, ranked by this
# score (9.0 and above: critical; 7.0 to 8.9: high). Code read by every visitor beats code read by the team.
SECURITY_SEVERITY = {
    "secret_in_browser": 9.1,
    "secret_in_token": 9.1,
    "app_key_is_secret": 9.1,
    "hardcoded_secret": 8.1,
}
# The CWE each secret finding is an instance of (798: hard-coded credentials; 200: exposure to an unauthorised actor).
CWE_FINDINGS = {"cwe-798": "hardcoded_secret", "cwe-200": "secret_in_browser"}


@dataclass(frozen=True)
class ReviewedFile:
    uri: str  # relative to the source root, '/'-separated and percent-encoded; absolute (file:) outside it
    findings: tuple[CodeFinding, ...]


@dataclass(frozen=True)
class Notification:
    """Something about the run rather than the code: a file that could not be read or was not reviewed."""

    level: str  # "error" | "warning" | "note"
    message: str
    uri: str | None = None


def rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("_"))


def _bugs(code: str, findings) -> list:
    """The catalogue's mistakes a code was reported for in this run (the code's default one when none)."""
    ids = dict.fromkeys(f.bug_id for f in findings if f.bug_id) or dict.fromkeys([bug_for_code(code, None)])
    return [BUGS[bug_id] for bug_id in ids if bug_id in BUGS]


def rule_descriptor(code: str, findings, help_base_url: str | None) -> dict:
    """The rule of one finding code: what it means, how to fix it and why (the catalogue's lesson)."""
    known = REVIEW_CODES[code]
    bugs = _bugs(code, findings)
    zoom = f" Zoom answers {known.zoom_error}." if known.zoom_error else ""
    fixes = [bug.fix for bug in bugs] or list(dict.fromkeys(f.fix for f in findings if f.fix))
    whys = [bug.why for bug in bugs]
    text = "\n\n".join([*(f"Fix: {fix}" for fix in fixes), *(f"Why: {why}" for why in whys)]) or known.title
    markdown = [f"**{known.title}**{zoom}", *(f"**Fix.** {fix}" for fix in fixes), *(f"**Why.** {w}" for w in whys)]
    for bug in bugs:
        markdown.append(
            f"{bug.title}, before and after:\n\n```js\n{bug.js_before}\n```\n\n```js\n{bug.js_after}\n```\n\n"
            f"```python\n{bug.py_before}\n```\n\n```python\n{bug.py_after}\n```"
        )
    tags = ["zoom-meeting-sdk", "security" if code in SECURITY_SEVERITY else "correctness"]
    tags += [f"external/cwe/{cwe}" for cwe, found in CWE_FINDINGS.items() if found == code]
    properties = {"tags": tags} | ({"security-severity": SECURITY_SEVERITY[code]} if code in SECURITY_SEVERITY else {})
    rule = {
        "id": code,
        "name": rule_name(code),
        "shortDescription": {"text": known.title},
        "fullDescription": {"text": f"{known.title}.{zoom}" + (f" {whys[0]}" if whys else "")},
        "defaultConfiguration": {"level": LEVELS[known.severity]},
        "help": {"text": text, "markdown": "\n\n".join(markdown)},
        "properties": properties,
    }
    if help_base_url:
        page = "lessons" if bugs else "code-doctor"
        rule["helpUri"] = f"{help_base_url.rstrip('/')}/{page}"
    return rule


def fingerprint(code: str, uri: str, excerpt: str) -> str:
    """A hash of the code, the file and the line's text with its spacing squeezed: not of the line number,
    so an alert keeps its identity when lines are added above it or the line is re-indented."""
    line = " ".join(excerpt.split())
    return hashlib.sha256(f"{code}\0{uri}\0{line}".encode()).hexdigest()[:32]


def _location(uri: str) -> dict:
    artifact = {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": SOURCE_ROOT}
    return {"physicalLocation": {"artifactLocation": artifact}}


def _result(reviewed: ReviewedFile, finding: CodeFinding, rule_index: int, occurrence: int) -> dict:
    location = _location(reviewed.uri)
    location["physicalLocation"]["region"] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "snippet": {"text": finding.excerpt},
    }
    digest = fingerprint(finding.code, reviewed.uri, finding.excerpt)
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: f"{digest}:{occurrence}"},
    }


def sarif_log(
    files, notifications=(), *, root_uri: str, help_base_url: str | None = None, max_results: int = MAX_RESULTS
) -> dict:
    """The SARIF log of one review run. `root_uri` (a file: URI ending in '/') is where %SRCROOT% points."""
    found = [(reviewed, finding) for reviewed in files for finding in reviewed.findings]
    notifications = list(notifications)
    if len(found) > max_results:
        left_out = len(found) - max_results
        found = sorted(found, key=lambda pair: SEVERITIES.index(pair[1].severity))[:max_results]
        notifications.append(
            Notification(
                "warning",
                f"{left_out:,} findings left out: GitHub accepts at most {max_results:,} results a run, "
                "and these were the least severe. Review fewer paths at a time.",
            )
        )
    codes = sorted({finding.code for _, finding in found})
    index = {code: number for number, code in enumerate(codes)}
    results, seen = [], {}
    for reviewed, finding in found:
        key = (finding.code, reviewed.uri, " ".join(finding.excerpt.split()))
        seen[key] = seen.get(key, 0) + 1
        results.append(_result(reviewed, finding, index[finding.code], seen[key]))
    driver = {
        "name": TOOL_NAME,
        "version": lib.__version__,
        "semanticVersion": lib.__version__,
        "rules": [rule_descriptor(code, [f for _, f in found if f.code == code], help_base_url) for code in codes],
    }
    if help_base_url:
        driver["informationUri"] = help_base_url
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not any(n.level == "error" for n in notifications),
                        "toolExecutionNotifications": [_notification(n) for n in notifications],
                    }
                ],
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _notification(notification: Notification) -> dict:
    entry = {"level": notification.level, "message": {"text": notification.message}}
    if notification.uri:
        entry["locations"] = [_location(notification.uri)]
    return entry
