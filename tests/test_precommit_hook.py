"""The pre-commit hook for real: pre-commit clones this repository, builds its own virtualenv, pip-installs the
package (pyproject.toml: the command line's dependencies only) and runs the `signature-lab` console script on the
staged files of a project that has a `lib/` package of its own.

`pre-commit try-repo` takes this checkout's HEAD plus its uncommitted changes to tracked files (new files only
once committed); the installed hook takes HEAD, as a project pins a tag. Each builds one environment (PyPI is
needed, as for any pre-commit user), about half a minute.
"""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from lib.javascript.forum import FORUM_SNIPPET
from lib.review.syntax import GRAMMARS
from support.paths import ROOT

FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET) + "\n"
CORRECT_PY = (ROOT / "lib/review/reference/signer.py").read_text(encoding="utf-8")
THEIR_LIB = 'raise SystemExit("the project\'s own lib was imported")\n'
FORUM_FINDING = "forum.js:5:48: error meeting_number_claim_name "  # path:line:column: severity code, then the message


def git(*args, cwd: Path, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path):
    """A project's git repository with its own lib/ package (importing it would fail the hook)."""
    folder = tmp_path / "project"
    (folder / "lib").mkdir(parents=True)
    (folder / "lib/__init__.py").write_text(THEIR_LIB)
    for command in (["init", "-q"], ["config", "user.email", "dev@example.com"], ["config", "user.name", "Dev"]):
        assert git(*command, cwd=folder).returncode == 0
    return folder


def pre_commit(*args, cwd: Path, home: Path):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def test_try_repo_of_this_checkout_refuses_the_forum_snippet_with_its_findings(project, tmp_path):
    (project / "forum.js").write_text(FORUM_CODE)
    assert git("add", "forum.js", "lib/__init__.py", cwd=project).returncode == 0
    process = pre_commit("try-repo", str(ROOT), "signature-lab-review", cwd=project, home=tmp_path / "cache")
    output = process.stdout + process.stderr
    assert process.returncode == 1, output
    assert FORUM_FINDING in output and "- exit code: 1" in output
    assert "own lib was imported" not in output
    assert "1 file reviewed, 1 without signing code passed over: 7 errors, 1 warning." in output


def test_the_installed_hook_refuses_a_commit_of_the_forum_snippet_and_accepts_a_correct_signer(project, tmp_path):
    head = git("rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    config = f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: signature-lab-review\n"
    (project / ".pre-commit-config.yaml").write_text(config)
    home = tmp_path / "cache"
    assert pre_commit("install", cwd=project, home=home).returncode == 0
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)

    (project / "forum.js").write_text(FORUM_CODE)
    git("add", "forum.js", ".pre-commit-config.yaml", "lib/__init__.py", cwd=project)
    refused = git("commit", "-m", "sign in the browser", cwd=project, env=env)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert FORUM_FINDING in refused.stdout + refused.stderr
    assert git("rev-parse", "--verify", "HEAD", cwd=project).returncode != 0  # nothing was committed

    git("rm", "-q", "--cached", "forum.js", cwd=project)
    (project / "signer.py").write_text(CORRECT_PY)
    git("add", "signer.py", cwd=project)
    accepted = git("commit", "-m", "sign on the server", cwd=project, env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"Signature Lab \(Zoom Meeting SDK signing code\)\.+Passed", accepted.stdout + accepted.stderr)
    assert git("log", "--format=%s", cwd=project).stdout.split("\n")[0] == "sign on the server"


def test_the_hook_reads_the_files_of_the_code_doctors_languages_and_no_other():
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    assert hook["id"] == "signature-lab-review" and hook["language"] == "python"
    assert (
        hook["entry"].split()[0]
        == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"].popitem()[0]
    )
    extensions = {extension for grammar in GRAMMARS.values() for extension in grammar.extensions}
    for extension in extensions:
        assert re.search(hook["files"], f"src/signer{extension}"), extension
    for other in (".json", ".md", ".jsonl", ".py.txt", ".css", ".vue", ".pyc"):
        assert not re.search(hook["files"], f"src/signer{other}"), other


def test_the_package_needs_only_the_parsers_pinned_as_the_app_pins_them():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert declared == [pin for pin in pins if pin.startswith("tree-sitter")]
