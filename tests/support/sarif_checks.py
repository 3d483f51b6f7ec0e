"""SARIF checks the tests share: the OASIS 2.1.0 schema (tests/data/sarif-schema-2.1.0.json), then what GitHub
code scanning asks of an upload on top of it.

GitHub's rules, from its documentation ("SARIF support for code scanning" and "SARIF results exceed limits",
docs.github.com/en/code-security): at most 20 runs a file, 25,000 results and 25,000 rules a run, 20 tags a rule,
1,000 locations a result, 10 MB (gzip-compressed) a file; `runs[].tool.driver.name`; each result's `ruleId` and
`message.text`, a `physicalLocation` whose `artifactLocation.uri` is relative to the repository's root and a
`region.startLine`; `partialFingerprints` to match alerts across runs; `security-severity` a score 0.0-10.0 on a
rule tagged `security`.
"""

import gzip
import json
import re

import jsonschema

from support.paths import DATA

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
GITHUB_LIMITS = {"runs": 20, "results": 25_000, "rules": 25_000, "tags": 20, "locations": 1_000, "bytes": 10_000_000}


def schema_errors(log: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in VALIDATOR.iter_errors(log)]


def github_problems(log: dict) -> list[str]:
    """What GitHub code scanning would refuse or mis-file in this log (an empty list: nothing)."""
    problems = []
    if log.get("version") != "2.1.0" or "$schema" not in log:
        problems.append("version must be 2.1.0, with $schema")
    if len(gzip.compress(json.dumps(log).encode())) > GITHUB_LIMITS["bytes"]:
        problems.append("larger than 10 MB compressed")
    runs = log.get("runs", [])
    if len(runs) > GITHUB_LIMITS["runs"]:
        problems.append(f"{len(runs)} runs")
    for run in runs:
        driver = run["tool"]["driver"]
        if not driver.get("name"):
            problems.append("runs[].tool.driver.name is missing")
        rules = driver.get("rules", [])
        ids = [rule["id"] for rule in rules]
        if len(set(ids)) != len(ids) or len(rules) > GITHUB_LIMITS["rules"]:
            problems.append("rule ids repeat, or too many rules")
        for rule in rules:
            properties = rule.get("properties", {})
            if len(properties.get("tags", [])) > GITHUB_LIMITS["tags"]:
                problems.append(f"{rule['id']}: more than 20 tags")
            if "security-severity" in properties:
                score = float(properties["security-severity"])
                if not 0.0 <= score <= 10.0 or "security" not in properties.get("tags", []):
                    problems.append(f"{rule['id']}: security-severity outside 0-10, or no security tag")
            if not (rule.get("shortDescription", {}).get("text") and rule.get("help", {}).get("text")):
                problems.append(f"{rule['id']}: no shortDescription or help")
        results = run.get("results", [])
        if len(results) > GITHUB_LIMITS["results"]:
            problems.append(f"{len(results)} results")
        for number, result in enumerate(results):
            where = f"results[{number}]"
            if (
                result.get("ruleId") not in ids
                or ids[result.get("ruleIndex", ids.index(result["ruleId"]))] != (result["ruleId"])
            ):
                problems.append(f"{where}: ruleId without its rule")
            if not result.get("message", {}).get("text"):
                problems.append(f"{where}: no message.text")
            locations = result.get("locations", [])
            if not 1 <= len(locations) <= GITHUB_LIMITS["locations"]:
                problems.append(f"{where}: {len(locations)} locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if re.match(r"^[a-z]+:|^/", uri) or "\\" in uri or not uri:
                    problems.append(f"{where}: uri {uri!r} is not relative to the repository's root")
                if physical.get("region", {}).get("startLine", 0) < 1:
                    problems.append(f"{where}: no region.startLine")
            if not result.get("partialFingerprints"):
                problems.append(f"{where}: no partialFingerprints")
    return problems


def assert_valid_sarif(log: dict):
    """Valid against the OASIS schema and acceptable to GitHub code scanning."""
    assert schema_errors(log) == []
    assert github_problems(log) == []
