"""The labelled signer corpus (tests/data/signers): signers we wrote after real published ones, each with
the findings the Code doctor must report on it ("LINE code"), its source address, library and shape.

Labels say what is true of the code, not what the engine reports today; a row the engine gets wrong
fails here until lib/review learns it. The signers labelled correct are also run (Node for JavaScript,
Python in-process) with fixed credentials and a fixed clock, and their tokens checked with PyJWT, so a
"correct" label cannot hide a broken signer.
"""

import json
import os
import re
import subprocess
import textwrap
import time
from collections import Counter
from contextlib import nullcontext
from unittest import mock

import jwt
import pytest

from lib.review import detect_language, review_code
from lib.review.codes import REVIEW_CODES
from lib.review.syntax import GRAMMARS
from support.paths import DATA, ROOT

CORPUS = DATA / "signers"
ROWS = json.loads((CORPUS / "manifest.json").read_text())
BY_FILE = {row["file"]: row for row in ROWS}
NEW_CODES = {"secret_logged"}  # issue 21: public code to come; the engine may not know it yet
# What only a JWT can get wrong: the pre-2022 format has milliseconds, standard base64 and no JWT at all.
JWT_ONLY = {"timestamp_milliseconds", "standard_base64", "bare_signature", "missing_token_exp", "role_not_number"}
SERVER_ONLY = re.compile(r"require\(|from ['\"](crypto|jsrsasign|express|jsonwebtoken|next/server)|Buffer\.")
IN_A_BROWSER = re.compile(r"\b(window|document)\.|use client|(NEXT_PUBLIC|VITE|REACT_APP)_\w*SECRET")

KEY = "CorpusKey0123456789abc"
SECRET = "CorpusSecret0123456789abcdefGHIJ"  # 32 bytes
MEETING = "85746065432"
NOW = 1_800_000_000


def text_of(row) -> str:
    return (CORPUS / row["file"]).read_text()


def found(row) -> list[str]:
    return [f"{f.line} {f.code}" for f in review_code(text_of(row), row["language"]).findings]


def problems(row) -> list[str]:
    """The row's labels that are errors or warnings (an info, such as meeting_native_assumed, is a note)."""
    return [label for label in row["findings"] if REVIEW_CODES[label.split(" ")[1]].severity != "info"]


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_each_signer_gets_exactly_its_labelled_findings(name):
    row = BY_FILE[name]
    assert Counter(found(row)) == Counter(row["findings"]), row["note"]


FAMILY_ROWS = sorted(row["file"] for row in ROWS if "family" in row)  # family null: no Zoom token at all


@pytest.mark.parametrize("name", FAMILY_ROWS)
def test_each_video_and_native_signer_is_reviewed_as_its_token_family(name):
    row = BY_FILE[name]
    assert review_code(text_of(row), row["language"]).token_family == row["family"]


NATIVE_ROWS = sorted(row["file"] for row in ROWS if row.get("family") == "meeting_native")


@pytest.mark.parametrize("name", NATIVE_ROWS)
def test_a_native_signer_is_noted_as_native_unless_the_user_names_its_sdk(name):
    """No SDK named: the Token doctor's note (meeting_native_assumed, an info); the Web SDK named: its missing mn
    and role errors; the native SDK named: no note, and no error the row is not labelled with."""
    row = BY_FILE[name]
    text, language = text_of(row), row["language"]
    assumed = [label for label in row["findings"] if label.endswith(" meeting_native_assumed")]
    assert len(assumed) == 1
    line = int(assumed[0].split()[0])
    web = review_code(text, language, sdk="web")
    assert {(f.line, f.code) for f in web.findings} >= {(line, "missing_mn"), (line, "missing_role")}
    assert "meeting_native_assumed" not in web.codes and web.token_family == "meeting_web"
    native = review_code(text, language, sdk="native")
    assert Counter(f"{f.line} {f.code}" for f in native.findings) == Counter(row["findings"]) - Counter(assumed)


def test_the_corpus_holds_video_sdk_and_native_signers_the_issue_asks_for():
    video = [row for row in ROWS if row.get("family") == "video"]
    native = [row for row in ROWS if row.get("family") == "meeting_native"]
    assert len(video) + len(native) >= 15 and len(native) >= 3
    assert len({row["language"] for row in video + native}) >= 4
    assert any(problems(row) for row in video) and any(not problems(row) for row in video)
    assert any(row.get("node") for row in video) and any(row.get("python") for row in video + native)


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_each_signer_is_read_as_its_language_when_none_is_given(name):
    row = BY_FILE[name]
    text = text_of(row)
    assert detect_language(text) == row["language"]
    assert Counter(f"{f.line} {f.code}" for f in review_code(text).findings) == Counter(row["findings"])


def test_the_manifest_lists_every_file_with_a_source_and_the_counts_the_issue_asks_for():
    files = {path.name for path in CORPUS.iterdir() if path.is_file()} - {"manifest.json", "ruff.toml"}
    assert files == set(BY_FILE)
    assert len(BY_FILE) == len(ROWS)
    for row in ROWS:
        assert re.fullmatch(r"https?://[^\s/]+/\S+", row["source"]), row["file"]
        assert row["library"] and row["shape"] and row["note"], row["file"]
        assert row["language"] in GRAMMARS, row["file"]
        assert len(text_of(row).splitlines()) <= 60, row["file"]
        for label in row["findings"]:
            line, code = label.split(" ")
            assert code in REVIEW_CODES or code in NEW_CODES, label
            assert 1 <= int(line) <= len(text_of(row).splitlines()), label
    legacy = [row for row in ROWS if row.get("legacy")]
    php_bare = [row for row in ROWS if row["language"] == "php" and "<?php" not in text_of(row)]
    node = [row for row in ROWS if row.get("server_only") and row["language"] == "javascript"]
    assert len(ROWS) >= 80
    assert len(legacy) >= 10
    assert len(php_bare) >= 5
    assert len(node) >= 5
    assert {row["language"] for row in ROWS} == set(GRAMMARS)
    assert sum(1 for row in ROWS if not problems(row)) >= 10  # a good share of correct signers


def test_the_flags_of_a_row_match_its_code():
    for row in ROWS:
        text = text_of(row)
        assert row.get("legacy", False) == ("legacy_signature_format" in " ".join(row["findings"])), row["file"]
        if row.get("legacy"):  # the JWT-only checks are held back on the pre-2022 format
            assert not {label.split(" ")[1] for label in row["findings"]} & JWT_ONLY, row["file"]
        if row.get("server_only"):
            assert SERVER_ONLY.search(text) and not IN_A_BROWSER.search(text), row["file"]
        if row.get("php_open_tag") is False:
            assert "<?php" not in text, row["file"]


def precision_recall(rows):
    """Per code: labels found at their line (true positives), reported but not labelled, labelled but missed."""
    counts = {}
    for row in rows:
        expected, got = Counter(row["findings"]), Counter(found(row))
        for label in expected | got:
            code = label.split(" ")[1]
            hit = min(expected[label], got[label])
            tp, fp, fn = counts.get(code, (0, 0, 0))
            counts[code] = (tp + hit, fp + got[label] - hit, fn + expected[label] - hit)
    return counts


def test_precision_and_recall_per_code_over_the_corpus():
    counts = precision_recall(ROWS)
    lines = [f"{'code':32} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for code, (tp, fp, fn) in sorted(counts.items()):
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        lines.append(f"{code:32} {tp:>4} {fp:>4} {fn:>4} {precision:>9} {recall:>7}")
    right = sum(1 for row in ROWS if Counter(found(row)) == Counter(row["findings"]))
    lines.append(f"rows exactly right: {right} of {len(ROWS)}")
    print("\n" + "\n".join(lines))
    labelled = {label.split(" ")[1] for row in ROWS for label in row["findings"]}
    assert labelled <= set(counts)  # every labelled code has its line in the table


def test_precision_and_recall_count_a_wrong_line_as_a_miss_and_a_false_alarm():
    row = {"findings": ["3 hardcoded_secret"], "file": "x", "language": "javascript"}
    with mock.patch(f"{__name__}.found", return_value=["4 hardcoded_secret", "9 standard_base64"]):
        assert precision_recall([row]) == {"hardcoded_secret": (0, 1, 1), "standard_base64": (0, 1, 0)}


# ---- the signers labelled correct, run -------------------------------------------------------------

NODE_HARNESS = textwrap.dedent(
    r"""
    const Module = require('module'), path = require('path'), fs = require('fs')
    const [file, specText] = process.argv.slice(2)
    const spec = JSON.parse(specText)
    const RealDate = Date
    global.Date = class extends RealDate {
      constructor(...args) { super(...(args.length ? args : [spec.now * 1000])) }
      static now() { return spec.now * 1000 }
    }
    Object.assign(process.env, spec.env)
    let route = null
    const app = () => {}
    for (const verb of ['use', 'options', 'listen', 'get', 'all']) app[verb] = () => app
    app.post = (...args) => { route = args[args.length - 1]; return app }
    const express = () => app
    express.json = () => () => {}
    express.Router = () => app
    const stubs = {
      express, cors: () => () => {}, dotenv: { config: () => ({}) }, 'body-parser': { json: () => () => {} },
    }
    const load = Module.createRequire(path.join(spec.modules, 'index.js'))
    const fakeRequire = (name) => (name in stubs ? stubs[name] : load(name))
    let source = fs.readFileSync(file, 'utf8').replace(/^#!.*\n/, '')
    source = source
      .replace(/^import\s+(\{[^}]*\}|\w+)\s+from\s+['"]([^'"]+)['"];?$/gm, 'const $1 = require("$2")')
      .replace(/^export default (async )?function /gm, '$1function ')
      .replace(/^export default \w+;?$/gm, '')
      .replace(/^export (const|function|async function) /gm, '$1 ')
    const target = spec.call || spec.handler || 'null'
    const module_ = { exports: {} }
    const tail = `\n;return typeof ${target} === 'undefined' ? null : ${target}`
    const found = new Function('require', 'module', 'exports', source + tail)(fakeRequire, module_, module_.exports)
    ;(async () => {
      let token
      if (spec.call) {
        token = await found(...spec.args)
      } else {
        let answer = null
        const res = { status: () => res, json: (body) => { answer = body; return res }, setHeader: () => {} }
        await (spec.handler ? found : route)({ body: spec.body, headers: {} }, res)
        token = answer.signature
      }
      process.stdout.write(JSON.stringify({ token }))
    })()
    """
)

SESSION = "Corpus session 7"
PLACEHOLDERS = {"KEY": KEY, "SECRET": SECRET, "MN": MEETING, "SESSION": SESSION}


def filled(value):
    if isinstance(value, str):
        return PLACEHOLDERS.get(value, value)
    if isinstance(value, list):
        return [filled(v) for v in value]
    if isinstance(value, dict):
        return {k: filled(v) for k, v in value.items()}
    return value


def assert_a_right_token(token: str, role: int | None, now: float, slack: int, family: str = "meeting_web"):
    """A token of its family PyJWT accepts: the Meeting SDK's claims (native: without mn and role) or the
    Video SDK's (app_key, tpc, role_type, version), times in whole seconds inside Zoom's limits."""
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "HS256"
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})
    assert isinstance(claims["iat"], int) and isinstance(claims["exp"], int)
    assert now - slack <= claims["iat"] <= now + 1
    assert 1800 <= claims["exp"] - claims["iat"] <= 172800
    if family == "video":
        assert claims["app_key"] == KEY and claims["tpc"] == SESSION and claims["version"] == 1
        assert claims["role_type"] == role and isinstance(claims["role_type"], int)
        assert not {"appKey", "mn", "role", "tokenExp"} & set(claims)
        return
    assert claims["appKey"] == KEY
    assert claims["tokenExp"] >= claims["iat"] + 1800
    if family == "meeting_native":
        assert not {"mn", "role"} & set(claims)
        return
    assert str(claims["mn"]) == MEETING
    assert claims["role"] == role and isinstance(claims["role"], int)


NODE_ROWS = sorted(row["file"] for row in ROWS if row.get("node"))


@pytest.mark.node
@pytest.mark.parametrize("name", NODE_ROWS)
def test_a_correct_node_signer_makes_a_token_pyjwt_accepts(name, tmp_path):
    row = BY_FILE[name]
    # correct, or signing the role as the request gives it: a JSON number here, so the token must be right
    assert all(label.split()[1] == "role_not_number" for label in problems(row)) and row.get("server_only")
    spec = filled(row["node"])
    spec["env"] = {"ZOOM_MEETING_SDK_KEY": KEY, "ZOOM_MEETING_SDK_SECRET": SECRET} | spec.get("env", {})
    spec |= {"now": NOW, "modules": str(ROOT / "tests" / "js" / "node_modules")}
    harness = tmp_path / "harness.js"
    harness.write_text(NODE_HARNESS)
    run = subprocess.run(
        ["node", str(harness), str(CORPUS / name), json.dumps(spec)], capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0, run.stderr
    body = spec.get("body") or {}
    role = int(body.get("role", spec.get("args", [0, 0, 0, 0])[-1] if spec.get("call") else 0))
    assert_a_right_token(json.loads(run.stdout)["token"], role, NOW, slack=60, family=row.get("family", "meeting_web"))


@pytest.mark.node
def test_the_node_check_runs_enough_signers_and_fails_a_broken_one(tmp_path):
    assert len(NODE_ROWS) >= 5
    broken = tmp_path / "broken.js"
    broken.write_text(text_of(BY_FILE[NODE_ROWS[0]]).replace("60 * 60", "60"))
    spec = filled(BY_FILE[NODE_ROWS[0]]["node"]) | {"now": NOW, "modules": str(ROOT / "tests/js/node_modules")}
    spec["env"] = {"ZOOM_MEETING_SDK_KEY": KEY, "ZOOM_MEETING_SDK_SECRET": SECRET} | spec.get("env", {})
    harness = tmp_path / "harness.js"
    harness.write_text(NODE_HARNESS)
    run = subprocess.run(["node", str(harness), str(broken), json.dumps(spec)], capture_output=True, text=True)
    with pytest.raises(AssertionError):
        assert_a_right_token(json.loads(run.stdout)["token"], 1, NOW, slack=60)


PYTHON_ROWS = sorted(row["file"] for row in ROWS if row.get("python"))


@pytest.mark.parametrize("name", PYTHON_ROWS)
def test_a_correct_python_signer_makes_a_token_pyjwt_accepts(name):
    row = BY_FILE[name]
    assert problems(row) == []
    spec = filled(row["python"])
    namespace = {"__name__": "corpus_signer"}
    fixed = spec["clock"] == "time"
    with (
        mock.patch("time.time", return_value=float(NOW)) if fixed else nullcontext(),
        mock.patch.dict(os.environ, spec.get("env", {})),
    ):
        exec(compile(text_of(row), name, "exec"), namespace)  # our own corpus file, written for this test
        if "config" in spec:
            namespace[spec["config"]].update(CLIENT_ID=KEY, CLIENT_SECRET=SECRET)
        now = NOW if fixed else time.time()
        token = namespace[spec["call"]](*spec["args"])
    if spec.get("returns") == "pair":  # (token, exp)
        token = token[0]
    args = spec["args"]
    role = next((a["role"] for a in args if isinstance(a, dict)), spec.get("role"))
    role = role if role is not None else next((a for a in args if isinstance(a, int)), 1)
    assert_a_right_token(token, role, now, slack=60, family=row.get("family", "meeting_web"))
