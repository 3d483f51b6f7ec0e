"""The composite GitHub Action (action.yml), its steps run as a runner runs them: each `run:` block by
`bash --noprofile --norc -eo pipefail`, with the step's `env:` filled from the inputs (`${{ inputs.x }}`, defaults
where not given), GITHUB_ACTION_PATH at this checkout, RUNNER_TEMP, GITHUB_OUTPUT and the workspace as the working
directory: a temporary repository with its own lib/ package. The install step builds a virtualenv and pip-installs
this checkout (PyPI needed), once for the module.
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from lib.javascript.forum import FORUM_SNIPPET
from support import pages
from support.paths import ROOT
from support.sarif_checks import assert_valid_sarif

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
MATCHER = json.loads((ROOT / ".github/signature-lab-matcher.json").read_text(encoding="utf-8"))
FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET) + "\n"
CORRECT_PY = (ROOT / "lib/review/reference/signer.py").read_text(encoding="utf-8")
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def step(name_part: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if name_part in s["name"])


def run_step(entry: dict, inputs: dict, workspace: Path, runner_temp: Path) -> subprocess.CompletedProcess:
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    output = runner_temp / "github_output"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env |= {"GITHUB_ACTION_PATH": str(ROOT), "RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(output)}
    env |= {"GITHUB_WORKSPACE": str(workspace)}
    env |= {key: EXPRESSION.sub(lambda m: values[m[1]], value) for key, value in entry.get("env", {}).items()}
    script = runner_temp / "step.sh"
    script.write_text(entry["run"])
    assert entry["shell"] == "bash"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory):
    """RUNNER_TEMP after the action's install step: the virtualenv with the command line."""
    folder = tmp_path_factory.mktemp("runner")
    installed = run_step(step("Install"), {}, folder, folder)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return folder


@pytest.fixture
def workspace(tmp_path):
    files = {
        "lib/__init__.py": 'raise SystemExit("the project\'s own lib was imported")\n',
        "web/forum.js": FORUM_CODE,
        "server/signer.py": CORRECT_PY,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    return tmp_path


def test_the_action_declares_its_inputs_and_keeps_them_out_of_its_scripts():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "fail-on", "sarif-file", "help-base-url"}
    for entry in ACTION["runs"]["steps"]:
        assert "${{" not in entry["run"], entry["name"]  # inputs reach the shell as variables, never as script text


def test_review_writes_sarif_and_fails_on_an_error(workspace, runner_temp):
    process = run_step(step("Review"), {}, workspace, runner_temp)
    assert process.returncode == 1, process.stderr
    log = json.loads((workspace / "signature-lab.sarif").read_text())
    assert_valid_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"web/forum.js"}
    assert "sarif-file=signature-lab.sarif" in (runner_temp / "github_output").read_text()
    assert f"::add-matcher::{ROOT}/.github/signature-lab-matcher.json" in process.stdout
    assert "own lib was imported" not in process.stdout + process.stderr
    pattern = MATCHER["problemMatcher"][0]["pattern"][0]
    matched = [re.match(pattern["regexp"], line) for line in process.stdout.splitlines()]
    annotations = [
        (m[pattern["file"]], m[pattern["line"]], m[pattern["severity"]], m[pattern["code"]]) for m in matched if m
    ]
    assert ("web/forum.js", "5", "error", "meeting_number_claim_name") in annotations and len(annotations) == 8


@pytest.mark.parametrize(
    ("inputs", "status"),
    [
        ({"fail-on": "never"}, 0),
        ({"fail-on": "warning"}, 1),
        ({"paths": "server\n  lib "}, 0),  # several paths, separated by new lines and spaces
        ({"paths": "server web/missing.js"}, 2),  # a file that cannot be read
        ({"fail-on": "sometimes"}, 2),  # a usage error
    ],
)
def test_review_exit_status_follows_the_inputs(workspace, runner_temp, inputs, status):
    process = run_step(step("Review"), inputs | {"sarif-file": "out/review.sarif"}, workspace, runner_temp)
    assert process.returncode == status, process.stdout + process.stderr
    assert_valid_sarif(json.loads((workspace / "out/review.sarif").read_text()))  # written whatever the status


def test_a_wrong_help_address_fails_the_step_and_says_why(workspace, runner_temp):
    process = run_step(step("Review"), {"help-base-url": "lab.example.com"}, workspace, runner_temp)
    assert process.returncode == 2 and "--help-base-url must be an http:// or https:// address" in process.stderr


def test_review_links_rules_to_the_given_signature_lab(workspace, runner_temp):
    inputs = {"help-base-url": "https://lab.example.com", "fail-on": "never"}
    assert run_step(step("Review"), inputs, workspace, runner_temp).returncode == 0
    log = json.loads((workspace / "signature-lab.sarif").read_text())
    assert_valid_sarif(log)
    assert {rule["helpUri"] for rule in log["runs"][0]["tool"]["driver"]["rules"]} <= {
        f"https://lab.example.com/{pages.LESSONS.url_path}",
        f"https://lab.example.com/{pages.CODE_DOCTOR.url_path}",
    }


def guide_block(heading: str, language: str) -> str:
    """The first ```language block under a heading of the CI and editors guide (docs/ci-and-editors.md)."""
    guide = (ROOT / "docs" / "ci-and-editors.md").read_text(encoding="utf-8")
    section = guide.split(f"\n## {heading}\n", 1)[1]
    return section.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_the_guides_workflow_uses_the_actions_inputs_and_uploads_its_sarif():
    workflow = yaml.safe_load(guide_block("GitHub Actions", "yaml"))
    steps = workflow["jobs"]["signature-lab"]["steps"]
    ours = next(s for s in steps if s["uses"].startswith("OWNER/signature-lab@"))
    upload = next(s for s in steps if s["uses"].startswith("github/codeql-action/upload-sarif@"))
    assert set(ours["with"]) <= set(ACTION["inputs"])
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"] and "cancelled()" in upload["if"]
    assert workflow["permissions"]["security-events"] == "write"


def test_the_guides_vs_code_problem_matcher_reads_the_text_format(workspace, runner_temp):
    task = json.loads(guide_block("VS Code and Vim", "json"))["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    process = run_step(step("Review"), {"fail-on": "never"}, workspace, runner_temp)
    findings = [line for line in process.stdout.splitlines() if not line.startswith("::")]
    matched = [re.match(pattern["regexp"], line) for line in findings]
    assert len(findings) == 8 and all(matched)
    first = matched[0]
    assert (first[pattern["file"]], first[pattern["line"]], first[pattern["column"]]) == ("web/forum.js", "5", "20")
    assert (first[pattern["severity"]], first[pattern["code"]]) == ("warning", "missing_token_exp")
    assert task["command"].split()[:2] == ["signature-lab", "review"]
