"""`review PATH...` on real files: the three formats, the exit statuses, which files are walked, SARIF that the
OASIS schema and GitHub accept, and no secret in any output."""

import base64
import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.review_tree import build_tree
from lib.cli import main
from lib.gate.files import LANGUAGE_OF_EXTENSION, might_sign
from lib.gate.report import MAX_FILE_BYTES, fails, review_paths
from lib.gate.sarif import FINGERPRINT, MAX_RESULTS, ReviewedFile, sarif_log
from lib.javascript.forum import FORUM_SNIPPET
from lib.mistakes.catalogue import BUGS
from lib.review import MAX_CODE_CHARS, review_code
from lib.review.codes import CodeFinding
from lib.review.syntax import GRAMMARS
from support import pages
from support.cli import run_cli
from support.paths import DATA, ROOT
from support.sarif_checks import assert_valid_sarif, schema_errors

FORUM_CODE = "\n".join(line.js for line in FORUM_SNIPPET) + "\n"
CORRECT_PY = (ROOT / "lib/review/reference/signer.py").read_text(encoding="utf-8")
WARNING_ONLY_PY = CORRECT_PY.replace('        "tokenExp": exp,\n', "")  # missing_token_exp, a warning
PLAIN_PY = "def add(a, b):\n    return a + b\n"
TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) (?P<code>\w+) .+$"
)


def run_review(*args, cwd, command="review"):
    """`python -m lib review ...` run in `cwd` (our lib found through PYTHONPATH), as a CI job runs it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "lib", command, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def write(folder: Path, files: dict) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def git_init(folder: Path):
    for command in (["init", "-q"], ["config", "user.email", "test@example.com"], ["config", "user.name", "Test"]):
        subprocess.run(["git", *command], cwd=folder, check=True, timeout=60)


def text_findings(stdout: str):
    rows = []
    for line in stdout.splitlines():
        match = TEXT_LINE.match(line)
        assert match, line
        rows.append((match["path"], int(match["line"]), int(match["column"]), match["severity"], match["code"]))
    return rows


def expected_rows(path: str, code: str, language: str):
    return [(path, f.line, f.column, f.severity, f.code) for f in review_code(code, language).findings]


# --- text, and the exit status -------------------------------------------------------------------------------


def test_text_prints_each_finding_on_its_line_and_exits_1_on_an_error(tmp_path):
    write(tmp_path, {"web/forum.js": FORUM_CODE, "server/signer.py": CORRECT_PY, "util/plain.py": PLAIN_PY})
    process = run_review(".", cwd=tmp_path)
    assert process.returncode == 1, process.stderr
    assert text_findings(process.stdout) == expected_rows("web/forum.js", FORUM_CODE, "javascript")
    assert "2 files reviewed, 1 without signing code passed over: 7 errors, 1 warning." in process.stderr


@pytest.mark.parametrize(
    ("code", "fail_on", "status"),
    [
        (FORUM_CODE, None, 1),  # PATHs: --fail-on error unless told otherwise
        (FORUM_CODE, "error", 1),
        (FORUM_CODE, "warning", 1),
        (FORUM_CODE, "never", 0),
        (WARNING_ONLY_PY, None, 0),
        (WARNING_ONLY_PY, "error", 0),
        (WARNING_ONLY_PY, "warning", 1),
        (WARNING_ONLY_PY, "never", 0),
        (CORRECT_PY, "warning", 0),
    ],
)
def test_the_exit_status_follows_fail_on(tmp_path, code, fail_on, status):
    name = "signer.js" if code == FORUM_CODE else "signer.py"
    write(tmp_path, {name: code})
    process = run_review(name, *(["--fail-on", fail_on] if fail_on else []), cwd=tmp_path)
    assert process.returncode == status, process.stdout + process.stderr
    assert bool(process.stdout) == (code != CORRECT_PY)  # findings are printed whether or not they fail the run


def test_fails_at_or_above_the_threshold_only():
    assert [fails(["info"], level) for level in ("error", "warning", "never")] == [False, False, False]
    assert [fails(["warning"], level) for level in ("error", "warning", "never")] == [False, True, False]
    assert [fails(["error"], level) for level in ("error", "warning", "never")] == [True, True, False]
    assert [fails([], level) for level in ("error", "warning", "never")] == [False, False, False]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "PATH"),
        (["forum.js", "--input", "-"], "not both"),
        (["--input", "-", "--format", "sarif"], "--format text and sarif are for PATHs"),
        (["forum.js", "--fail-on", "info"], "invalid choice"),
        (["forum.js", "--format", "html"], "invalid choice"),
        (["forum.js", "--help-base-url", "javascript:alert(1)"], "http:// or https://"),
    ],
)
def test_usage_errors_exit_2_and_say_what_to_change(tmp_path, args, said):
    write(tmp_path, {"forum.js": FORUM_CODE})
    process = run_review(*args, cwd=tmp_path)
    assert process.returncode == 2 and said in process.stderr and "Traceback" not in process.stderr
    assert process.stdout == ""


def test_an_unreadable_file_exits_2_and_the_others_are_still_reviewed(tmp_path):
    write(tmp_path, {"src/forum.js": FORUM_CODE})
    (tmp_path / "src/gone.py").symlink_to(tmp_path / "nowhere.py")  # a walked file that cannot be opened
    for args in (["src"], ["src/forum.js", "missing.ts"]):
        process = run_review(*args, cwd=tmp_path)
        assert process.returncode == 2, args
        assert "cannot read" in process.stderr and "No such file or directory" in process.stderr
        assert text_findings(process.stdout) == expected_rows("src/forum.js", FORUM_CODE, "javascript")
        assert "Traceback" not in process.stderr


def test_a_file_too_long_to_review_or_in_another_language_is_said_and_not_failed(tmp_path):
    files = {
        "at.js": "// jwt\n" + "x" * (MAX_CODE_CHARS - 8) + "\n",
        "over.js": "// jwt\n" + "x" * (MAX_CODE_CHARS - 7) + "\n",
    }
    files |= {"huge.js": "// jwt\n" + "x" * MAX_FILE_BYTES, "notes.md": "the secret is in the vault"}
    write(tmp_path, files)
    process = run_review(*files, cwd=tmp_path)
    assert process.returncode == 0
    assert "at.js" not in process.stderr and "1 file reviewed" in process.stderr  # at the limit: reviewed
    assert "over.js: not reviewed: the code is 200,001 characters" in process.stderr
    assert f"huge.js: not reviewed: {MAX_FILE_BYTES + 7:,} bytes" in process.stderr  # not even read
    assert "notes.md: not reviewed: the Code doctor reads files ending in" in process.stderr


# --- which files -----------------------------------------------------------------------------------------------


def test_folders_skip_what_git_ignores_vendored_folders_and_bundles_but_not_files_named(tmp_path):
    files = {
        "src/forum.js": FORUM_CODE,
        ".gitignore": "generated/\n*.local.js\n",
        "generated/forum.js": FORUM_CODE,
        "src/settings.local.js": FORUM_CODE,
        "node_modules/zoom-helper/forum.js": FORUM_CODE,
        "vendor/forum.php": FORUM_CODE,
        ".venv/lib/forum.py": FORUM_CODE,
        "dist/forum.js": FORUM_CODE,
        "build/forum.js": FORUM_CODE,
        "public/app.min.js": FORUM_CODE,
        "docs/forum.md": FORUM_CODE,
    }
    write(tmp_path, files)
    git_init(tmp_path)
    process = run_review(".", cwd=tmp_path)
    assert {row[0] for row in text_findings(process.stdout)} == {"src/forum.js"}
    named = run_review("src", "generated/forum.js", cwd=tmp_path)  # named on the command line: reviewed
    assert {row[0] for row in text_findings(named.stdout)} == {"src/forum.js", "generated/forum.js"}
    inside = run_review(".", cwd=tmp_path / "src")  # a folder below the root: git's rules still apply
    assert {row[0] for row in text_findings(inside.stdout)} == {"forum.js"}


def test_outside_a_git_work_tree_gitignore_files_mean_nothing(tmp_path):
    write(tmp_path, {".gitignore": "generated/\n", "generated/forum.js": FORUM_CODE})
    process = run_review(str(tmp_path), cwd=tmp_path.parent)
    assert {row[0] for row in text_findings(process.stdout)} == {f"{tmp_path.name}/generated/forum.js"}


def corpus():
    """(name, text, language) of every file and catalogue snippet the Code doctor is tested on."""
    items = []
    for folder in (DATA / "review", DATA / "signers", ROOT / "lib/review/reference"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and path.suffix.lower() in LANGUAGE_OF_EXTENSION:  # not the data, nor a __pycache__
                items.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), None))
    for bug in BUGS.values():
        items += [
            (f"{bug.id} (JavaScript)", bug.js_before, "javascript"),
            (f"{bug.id} (Python)", bug.py_before, "python"),
        ]
    items.append(("the forum snippet", FORUM_CODE, "javascript"))
    return items


def test_the_prefilter_never_passes_over_a_file_the_code_doctor_flags():
    flagged = [(name, text) for name, text, language in corpus() if review_code(text, language).findings]
    assert len(flagged) >= 40  # the corpus and the catalogue's mistakes, not an empty list
    assert [name for name, text in flagged if not might_sign(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        PLAIN_PY,
        "export function sum(xs) { return xs.reduce((a, b) => a + b, 0); }\nObject.assign(target, design);\n",
        'package main\n\nimport "fmt"\n\nfunc main() { columns := 3; fmt.Println(columns) }\n',
        "class Expression { int export() { return 0; } }\n",
        "<?php\nfunction render($user) { return htmlspecialchars($user->name); }\n",
    ],
)
def test_the_prefilter_passes_over_code_without_a_word_of_signing(text):
    assert not might_sign(text)


# --- JSON Lines -------------------------------------------------------------------------------------------------


def test_jsonl_is_the_input_commands_object_plus_the_path(tmp_path):
    write(tmp_path, {"a/forum.js": FORUM_CODE, "b/signer.py": CORRECT_PY, "c/plain.py": PLAIN_PY})
    process = run_review(".", "--format", "jsonl", cwd=tmp_path)
    outputs = [json.loads(line) for line in process.stdout.splitlines()]
    _, by_input = run_cli("review", [{"code": FORUM_CODE, "language": "javascript"}, {"code": CORRECT_PY}])
    assert outputs == [{"path": "a/forum.js", **by_input[0]}, {"path": "b/signer.py", **by_input[1]}]
    assert process.returncode == 1


def test_input_keeps_its_exit_status_unless_fail_on_is_given():
    lines = [{"code": FORUM_CODE}, {"code": WARNING_ONLY_PY, "language": "python"}]
    assert run_cli("review", lines)[0].returncode == 0  # today's contract: whatever the findings
    assert run_cli("review", lines, "--fail-on", "error")[0].returncode == 1
    assert run_cli("review", lines[1:], "--fail-on", "error")[0].returncode == 0
    assert run_cli("review", lines[1:], "--fail-on", "warning")[0].returncode == 1
    assert run_cli("review", [*lines, "not json"], "--fail-on", "never")[0].returncode == 1  # a bad line still fails


def test_diagnose_and_probe_gate_on_fail_on_too(tmp_path):
    secret = "diagnose-gate-secret-0123456789abcdef"
    claims = {"appKey": "key", "sdkKey": "key", "mn": "85746065432", "role": 0, "iat": 1_700_000_000}
    warned = jwt.encode(claims | {"exp": 1_700_007_200}, secret, algorithm="HS256")  # no tokenExp: a warning
    wrong = jwt.encode(claims | {"exp": 1_700_000_600, "tokenExp": 1_700_000_600}, secret, algorithm="HS256")
    line = {"token": wrong, "sdkSecret": secret, "now": 1_700_000_100}
    assert run_cli("diagnose", [line])[0].returncode == 0  # unchanged without --fail-on
    assert run_cli("diagnose", [line], "--fail-on", "error")[0].returncode == 1
    assert run_cli("diagnose", [line], "--fail-on", "never")[0].returncode == 0
    warned_line = {"token": warned, "sdkSecret": secret, "now": 1_700_000_100}
    assert run_cli("diagnose", [warned_line], "--fail-on", "error")[0].returncode == 0
    assert run_cli("diagnose", [warned_line], "--fail-on", "warning")[0].returncode == 1
    closed = [{"url": "http://127.0.0.1:1/", "timeout": 1}]  # nothing listens on port 1: endpoint_unreachable
    process, outputs = run_cli("probe", closed)
    assert process.returncode == 0 and "endpoint_unreachable" in {f["code"] for f in outputs[0]["findings"]}
    assert run_cli("probe", closed, "--fail-on", "error")[0].returncode == 1


# --- SARIF ------------------------------------------------------------------------------------------------------


def sarif_of(*args, cwd) -> tuple[subprocess.CompletedProcess, dict]:
    process = run_review(*args, "--format", "sarif", cwd=cwd)
    return process, json.loads(process.stdout)


def test_sarif_of_the_corpus_is_valid_and_says_what_github_shows():
    process, log = sarif_of("tests/data/review", "--help-base-url", "https://lab.example.com/", cwd=ROOT)
    assert process.returncode == 1
    assert_valid_sarif(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    results = run["results"]
    assert set(rules) == {result["ruleId"] for result in results}
    assert run["tool"]["driver"]["name"] == "Signature Lab" and run["tool"]["driver"]["version"]
    assert run["tool"]["driver"]["informationUri"] == "https://lab.example.com/"
    base64 = rules["standard_base64"]
    assert BUGS["standard_base64_segments"].fix in base64["help"]["text"]
    assert BUGS["standard_base64_segments"].why in base64["help"]["text"]
    assert (
        base64["helpUri"] == f"https://lab.example.com/{pages.LESSONS.url_path}" and base64["name"] == "StandardBase64"
    )
    assert "security-severity" not in base64["properties"]
    assert float(rules["secret_in_browser"]["properties"]["security-severity"]) >= 9.0
    assert {"security", "external/cwe/cwe-798"} <= set(rules["hardcoded_secret"]["properties"]["tags"])
    go = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("buggy.go")]
    location = go[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "tests/data/review/buggy.go", "uriBaseId": "%SRCROOT%"}
    finding = review_code((DATA / "review/buggy.go").read_text(), "go").findings[0]
    assert location["region"] == {
        "startLine": finding.line,
        "startColumn": finding.column,
        "snippet": {"text": finding.excerpt},
    }
    assert go[0]["level"] == "error" and go[0]["message"]["text"] == finding.message


def test_sarif_without_findings_or_help_address_is_valid(tmp_path):
    write(tmp_path, {"signer.py": CORRECT_PY})
    process, log = sarif_of(".", cwd=tmp_path)
    assert process.returncode == 0
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == [] and "informationUri" not in log["runs"][0]["tool"]["driver"]


def test_sarif_fingerprints_stay_when_lines_move_and_change_when_the_line_does(tmp_path):
    write(tmp_path, {"forum.js": FORUM_CODE})
    _, before = sarif_of("forum.js", cwd=tmp_path)
    moved = "// signing helpers\n\n\n" + "\n".join("    " + line for line in FORUM_CODE.splitlines()) + "\n"
    write(tmp_path, {"forum.js": moved})
    _, after = sarif_of("forum.js", cwd=tmp_path)
    for log in (before, after):
        assert_valid_sarif(log)

    def prints(log):
        return {
            r["partialFingerprints"][FINGERPRINT]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in log["runs"][0]["results"]
        }

    assert prints(before).keys() == prints(after).keys() and len(prints(before)) == 8
    assert all(prints(after)[key] == line + 3 for key, line in prints(before).items())
    changed = FORUM_CODE.replace("btoa(JSON.stringify(oHeader))", "btoa(JSON.stringify(header))")
    write(tmp_path, {"forum.js": changed})
    _, edited = sarif_of("forum.js", cwd=tmp_path)
    assert len(prints(before).keys() - prints(edited).keys()) == 1  # only the edited line's finding is new


def test_sarif_files_outside_the_root_and_unreadable_files_are_said(tmp_path):
    repository, outside = tmp_path / "repo", tmp_path / "elsewhere"
    write(repository, {"forum.js": FORUM_CODE})
    write(outside, {"forum.js": FORUM_CODE})
    git_init(repository)
    process, log = sarif_of("forum.js", str(outside / "forum.js"), "missing.py", cwd=repository)
    assert process.returncode == 2
    assert schema_errors(log) == []  # GitHub would not place the file outside the repository: valid SARIF still
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"forum.js", (outside / "forum.js").resolve().as_uri()}
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "cannot read missing.py" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def many_findings(count: int):
    finding = CodeFinding("standard_base64", "error", 1, 1, "btoa(x)", "btoa writes standard base64.", "", None)
    warning = CodeFinding("missing_token_exp", "warning", 2, 1, "{}", "No tokenExp.", "", "no_token_exp")
    return [ReviewedFile(f"src/f{n}.js", (warning if n % 2 else finding,)) for n in range(count)]


@pytest.mark.parametrize("count", [10, 11])
def test_sarif_keeps_a_limit_of_results_and_drops_the_least_severe(count):
    log = sarif_log(many_findings(count), root_uri="file:///work/", max_results=10)
    assert_valid_sarif(log)
    run = log["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    levels = [result["level"] for result in run["results"]]
    if count == 10:
        assert notes == [] and levels.count("warning") == 5
    else:
        assert "1 findings left out: GitHub accepts at most 10 results" in notes[0]["message"]["text"]
        assert levels.count("error") == 6 and levels.count("warning") == 4


def test_sarif_keeps_githubs_own_limit_of_25000_results():
    log = sarif_log(many_findings(MAX_RESULTS + 1), root_uri="file:///work/")
    assert MAX_RESULTS == 25_000 and len(log["runs"][0]["results"]) == MAX_RESULTS
    assert_valid_sarif(log)


# --- no secret in any output --------------------------------------------------------------------------------------

TEMPLATES = {
    "signer.py": 'import hmac, hashlib\nSDK_SECRET = "{secret}"\n\n\ndef sign(message):\n'
    "    return hmac.new(SDK_SECRET.encode(), message, hashlib.sha256).digest()\n",
    "sign.js": 'const jwt = require("jsonwebtoken");\n'
    'const token = jwt.sign(payload, "{secret}", {{ algorithm: "HS256" }});\n',
    "mac.js": 'const mac = require("crypto").createHmac("sha256", "{secret}").update(data).digest("base64url");\n',
    "main.go": 'package main\n\nvar sdkSecret = "{secret}"\n',
    "sign.php": '<?php\n$secret = "{secret}";\n$sig = hash_hmac("sha256", $data, $secret, true);\n',
    "sign.rb": 'SECRET = "{secret}"\nsig = OpenSSL::HMAC.digest("SHA256", SECRET, data)\n',
    "Signer.java": 'class Signer {{ static final String SDK_SECRET = "{secret}"; }}\n',
    "Signer.cs": 'class Signer {{ const string ClientSecret = "{secret}"; }}\n',
    "config.ts": 'export const clientSecret: string = "{secret}";\n',
}
# Secrets as the Marketplace makes them: long and random-looking (the Code doctor reads a run of one character
# or an alphabet as a placeholder), drawn as a hash of Hypothesis's bytes, base64url, 24 to 43 characters.
SECRETS = st.tuples(st.binary(max_size=32), st.integers(24, 43)).map(
    lambda drawn: base64.urlsafe_b64encode(hashlib.sha256(drawn[0]).digest()).decode().rstrip("=")[: drawn[1]]
)


def run_main(argv, cwd: Path):
    """The command line in this process (Hypothesis runs it many times): exit status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@settings(max_examples=25)
@given(secret=SECRETS, template=st.sampled_from(sorted(TEMPLATES)))
def test_no_secret_written_in_code_appears_in_any_format(tmp_path_factory, secret, template):
    folder = tmp_path_factory.mktemp("secret")
    write(folder, {template: TEMPLATES[template].format(secret=secret)})
    for output_format in ("text", "jsonl", "sarif"):
        status, out, err = run_main(["review", ".", "--format", output_format], folder)
        assert status == 1 and "hardcoded_secret" in out  # the secret was found, so it had to be masked
        assert secret not in out and secret not in err
        for piece in (secret[:12], secret[-12:]):  # nor a long run of it
            assert piece not in out
        if output_format == "sarif":
            assert_valid_sarif(json.loads(out))


# --- the console script ------------------------------------------------------------------------------------------


def test_the_console_script_imports_our_lib_where_the_project_has_its_own(tmp_path):
    write(tmp_path, {"lib/__init__.py": 'raise SystemExit("their lib was imported")\n', "web/forum.js": FORUM_CODE})
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([".", str(ROOT)]))  # the project's folder first, as in CI
    shadowed = subprocess.run(
        [sys.executable, "-m", "lib", "review", "web"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert "their lib was imported" in shadowed.stderr  # what the wrapper is for
    process = subprocess.run(
        [sys.executable, "-m", "signature_lab", "review", "web"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert process.returncode == 1, process.stderr
    assert text_findings(process.stdout) == expected_rows("web/forum.js", FORUM_CODE, "javascript")
    usage = subprocess.run(
        [sys.executable, "-m", "signature_lab", "review"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert usage.returncode == 2 and usage.stderr.startswith("usage: signature-lab review")


def test_the_benchmark_tree_is_nine_tenths_code_passed_over_and_one_tenth_signers(tmp_path):
    files = build_tree(tmp_path, 80)
    outcome = review_paths([tmp_path])
    assert outcome.passed_over == 72 and len(outcome.reviewed) == 8
    assert {language for language, _ in files} == set(GRAMMARS)
    assert {source.path.parts[-2] for source, _ in outcome.reviewed} == {"signing"}
