"""The code exercises' signers (lib.training.signers), checked for every language and every combination of
mistakes the exercise sets can draw: no code exercise can be unsolvable or ambiguous.

- JavaScript and TypeScript run on Node (all cases in one process), Python in-process (our own templates only);
  each is given exactly the inputs lib.training.exercises.code_inputs tells the learner. The token it returns is
  diagnosed by the Token doctor, which must find exactly the hidden mistakes; a signer that throws must throw
  what the exercise's "What happens" says.
- The code doctor (lib.review) must find exactly the hidden mistakes in every language, and nothing in the
  correct signers, which make a valid token (checked with PyJWT).
"""

import json
import re
import shutil
import subprocess
from types import SimpleNamespace
from unittest import mock

import jwt
import pytest
from test_exercises import rule_book_outcome

from lib.doctor.diagnosis import diagnose
from lib.mistakes.buggy_signer import sign_with_bugs
from lib.mistakes.catalogue import BUGS, EXCLUSIVE
from lib.review import review_code
from lib.review.runnable import runnable
from lib.training.exercises import (
    CODE_REQUEST,
    DIFFICULTIES,
    SERVER_UPTIME_DAYS,
    Join,
    code_inputs,
    exercise_pool,
    found_mistakes,
    signer_outcome,
)
from lib.training.signers import KEY_VARIABLE, PUBLIC_SECRET_VARIABLE, SECRET_FILE, SIGNERS
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET
from support.paths import ROOT

JS_DIR = ROOT / "tests" / "js"
RUNNABLE = ("javascript", "typescript", "python")
EARLIER = CODE_REQUEST.iat - SERVER_UPTIME_DAYS * 86400  # the server's first token for this meeting
FORM = {"meetingNumber": CODE_REQUEST.meeting_number, "role": str(CODE_REQUEST.role)}
# What the catalogue has that no signer shows, and why.
NOT_IN_SIGNERS = {
    "role_inverted": "0 and 1 are both valid code: which one a user should get is the caller's decision",
    "iat_in_future": "the catalogue's case is a server clock running fast; the code is right",
    "wrong_app_type": "Server-to-Server OAuth credentials look exactly like Meeting SDK ones",
    "meeting_number_spaces": "the handler takes the number the page posts; the code doctor sees spaces only in a "
    "literal, and a literal meeting number in a signer would be a mistake of its own",
    "no_token_exp": "tokenExp is optional for the Web SDK: no web exercise counts it as a mistake (the native sets "
    "show tokens)",
    "legacy_format": "the code doctor also reports the legacy format's millisecond timestamp and bare hash, which "
    "are right for that format: the answer would be ambiguous",
    "tpc_not_session_name": "the signers are the Meeting SDK for web's: the Video SDK's sets show tokens",
    "user_key_too_long": "the signers are the Meeting SDK for web's: the Video SDK's sets show tokens",
    "meeting_claims_in_video_token": "the signers are the Meeting SDK for web's: the Video SDK's sets show tokens",
    "video_claims_in_meeting_token": "a Video SDK signer in a web exercise: the doctor names the token only as another "
    "kind, which the web sets do not tell apart from another app type's",
    "token_exp_minimum": "the signers are the Meeting SDK for web's: the native sets show tokens",
}


_SHARED = {
    "key_secret_swapped",
    "lifetime_too_long",
    "lifetime_too_short",
    "meeting_number_claim",
    "secret_key_bytes",
    "secret_trailing_newline",
    "standard_base64_segments",
    "standard_base64_signature",
    "timestamps_milliseconds",
}
# The mistakes each language's signer shows, on its own: a mistake a signer stops showing fails here, not silently.
MATRIX = {
    "javascript": _SHARED | {"mac_only", "role_string", "expired", "secret_in_browser", "argument_shift"},
    "typescript": _SHARED | {"mac_only", "role_string", "expired", "secret_in_browser"},
    "python": _SHARED | {"mac_only", "role_string", "expired"},
    "php": _SHARED | {"mac_only", "role_string"},
    "go": _SHARED,
    "java": _SHARED | {"mac_only"},
    "csharp": _SHARED | {"mac_only"},
}
# Comment markers of the seven languages: no signer has a comment, so none can name its mistake.
COMMENT = re.compile(r"^\s*(//|#|/\*|\*)|\s//\s|\s#\s")
# What only JavaScript says: never after another language's code.
JAVASCRIPT_ERRORS = re.compile(r"is not a function|ERR_[A-Z_]+|InvalidCharacterError|btoa|crypto-js|Cannot read prop")


def drawn():
    """(language, mistakes) for every signer an exercise set can show: its level's languages and pool."""
    cases = set()
    for level in DIFFICULTIES.values():
        for bug_ids in exercise_pool(level.key):
            for language in level.languages:
                if SIGNERS[language].with_mistakes(bug_ids) is not None:
                    cases.add((language, tuple(sorted(bug_ids))))
    return sorted(cases)


DRAWN = drawn()


def described_server(code: str) -> tuple[dict, dict]:
    """(environment variables, files) of the server the exercise describes to the learner for this code, read from
    the words of its context (lib.training.exercises.code_inputs)."""
    told = code_inputs(CODE_REQUEST, code)[0]
    environment = {
        name: DEMO_SDK_SECRET if value == "the Client Secret" else value.strip("`")
        for name, value in re.findall(r"`([A-Z_]+)` = (`[^`]*`|the Client Secret)", told)
    }
    ending = "\n" if "with a final newline" in told else ""
    files = {name: DEMO_SDK_SECRET + ending for name in re.findall(r"the Client Secret in `([^`]+)`", told)}
    return environment, files


def run_python(code: str):
    """Our own Python template, executed with the inputs the learner is told about."""
    namespace = {}
    exec(compile(code, "<signer>", "exec"), namespace)  # noqa: S102 - a template of lib/training/signers.py
    request = SimpleNamespace(form=FORM)
    try:
        for now in (EARLIER, CODE_REQUEST.iat):
            with mock.patch("time.time", return_value=float(now)):
                token = namespace["signature_for"](request)
    except Exception as error:  # noqa: BLE001 - what the signer throws is the result
        return {"error": f"{type(error).__name__}: {error}"}
    return {"token": token}


@pytest.fixture(scope="module")
def run_all(tmp_path_factory):
    return run_signers(tmp_path_factory)


def server_directory(tmp_path_factory, files: dict) -> str:
    """A working directory holding exactly these files."""
    directory = tmp_path_factory.mktemp("server")
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return str(directory)


def run_signers(tmp_path_factory):
    """Every drawn JavaScript, TypeScript and Python signer and the correct ones, each run on the server its
    exercise describes: (language, ids) -> result."""
    cases = [(language, ()) for language in RUNNABLE] + [case for case in DRAWN if case[0] in RUNNABLE]
    if shutil.which("node") is None:
        pytest.fail("needs node: run bash scripts/test.sh")
    directories, servers = {}, {}
    for case in cases:
        environment, files = described_server(SIGNERS[case[0]].with_mistakes(case[1]))
        key = json.dumps(files, sort_keys=True)
        directories.setdefault(key, server_directory(tmp_path_factory, files))
        servers[case] = environment, directories[key]
    node_cases = [case for case in cases if case[0] != "python"]
    scripts = []
    for language, bug_ids in node_cases:
        code = SIGNERS[language].with_mistakes(bug_ids)
        if language == "typescript":  # types erased as the code doctor's sandbox does; tsc would export the same
            code = runnable(code, "typescript").script + "\nmodule.exports = { signatureFor }\n"
        environment, directory = servers[language, bug_ids]
        scripts.append(
            {"code": code, "earlier": EARLIER, "now": CODE_REQUEST.iat, "body": FORM, "env": environment}
            | {"cwd": directory}
        )
    process = subprocess.run(
        ["node", str(JS_DIR / "run_signers.js")],
        input=json.dumps(scripts),
        capture_output=True,
        text=True,
        env={"PATH": shutil.os.environ["PATH"]},
        timeout=120,
        check=True,
    )
    results = dict(zip(node_cases, json.loads(process.stdout), strict=True))
    for language, bug_ids in cases:
        if language == "python":
            environment, directory = servers[language, bug_ids]
            with mock.patch.dict("os.environ", environment, clear=True), pytest.MonkeyPatch.context() as patch:
                patch.chdir(directory)
                results[language, bug_ids] = run_python(SIGNERS[language].with_mistakes(bug_ids))
    return results


def token_shows(bug_ids) -> set:
    """What the Token doctor must find in the token the signer returns: every hidden mistake, except that
    - a bare MAC (mac_only) has no header or payload: the other mistake is only in the code;
    - the secret read in the browser leaves a valid token;
    - a secret passed as the key also makes appKey another app's key (wrong_app_type's finding)."""
    if "mac_only" in bug_ids:
        return {"mac_only"}
    shown = {bug_id for bug_id in bug_ids if not BUGS[bug_id].undetectable}
    return shown | ({"wrong_app_type"} if "key_secret_swapped" in bug_ids else set())


@pytest.mark.node
def test_the_correct_signers_make_a_valid_token(run_all):
    for language in RUNNABLE:
        token = run_all[language, ()]["token"]
        claims = jwt.decode(token, DEMO_SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
        assert claims["appKey"] == DEMO_SDK_KEY and claims["mn"] == CODE_REQUEST.meeting_number, language
        assert claims["role"] == 0 and claims["exp"] - claims["iat"] == 7200, language
        assert token == sign_with_bugs(CODE_REQUEST, ()).returned, language


@pytest.mark.parametrize("language", list(SIGNERS))
def test_the_code_doctor_finds_nothing_in_the_correct_signers(language):
    review = review_code(SIGNERS[language].template, language)
    assert review.recognised and review.findings == ()


@pytest.mark.node
def test_every_drawn_signer_run_as_described_does_what_its_exercise_says(run_all):
    """Run on the server its context describes, each signer throws what "What happens" says, or makes a token with
    exactly its mistakes whose outcome by the rule book is what "What happens" says. Issue 23: hard exercise 3 of
    seed 7 put the secret in a file while its code read NEXT_PUBLIC_ZOOM_MEETING_SDK_SECRET, and threw on Node."""
    wrong = []
    join = Join(DEMO_SDK_KEY, CODE_REQUEST.meeting_number, CODE_REQUEST.iat, host=False)
    for (language, bug_ids), result in run_all.items():
        if not bug_ids:
            continue
        said = signer_outcome(language, bug_ids)
        if "error" in result:
            thrown = f"the signer throws {result['error']}; no token is made, and join() is never called."
            if said != thrown:
                wrong.append((language, bug_ids, result["error"], said))
            continue
        diagnosis = diagnose(
            result["token"],
            secret=DEMO_SDK_SECRET,
            sdk_key=DEMO_SDK_KEY,
            meeting_number=CODE_REQUEST.meeting_number,
            now=CODE_REQUEST.iat,
            host=False,
        )
        if found_mistakes(diagnosis) != token_shows(bug_ids) or rule_book_outcome(result["token"], join, said) != said:
            wrong.append((language, bug_ids, sorted(found_mistakes(diagnosis)), said))
    assert wrong == []


def test_every_drawn_signer_gets_exactly_its_mistakes_from_the_code_doctor():
    wrong = []
    for language, bug_ids in DRAWN:
        review = review_code(SIGNERS[language].with_mistakes(bug_ids), language)
        found = {f.bug_id for f in review.findings if f.severity in ("error", "warning")}
        if found != set(bug_ids):
            wrong.append((language, bug_ids, sorted(found)))
    assert wrong == []


def test_what_the_signers_show_and_what_they_leave_to_tokens():
    shown = {bug_id for signer in SIGNERS.values() for bug_id in signer.mistakes}
    assert set(BUGS) - shown == set(NOT_IN_SIGNERS)
    hard = {bug_ids for language, bug_ids in DRAWN if len(bug_ids) == 2}
    excluded = {tuple(sorted(g)) for g in EXCLUSIVE}
    assert not hard & excluded


def test_the_inputs_the_learner_is_told_are_the_ones_the_signers_get():
    for signer in SIGNERS.values():
        told = " ".join(code_inputs(CODE_REQUEST, signer.template))
        for value in (KEY_VARIABLE, DEMO_SDK_KEY, SECRET_FILE, FORM["meetingNumber"], f"`{FORM['role']}`"):
            assert value in told
        assert f"{SERVER_UPTIME_DAYS} days" in told and str(CODE_REQUEST.iat) in told
        assert KEY_VARIABLE in signer.template and SECRET_FILE in signer.template


def test_every_drawn_signers_context_names_where_its_code_reads_the_secret():
    """Issue 23: a context said the secret was in a file while the code read an environment variable."""
    wrong = []
    for language, bug_ids in DRAWN:
        code = SIGNERS[language].with_mistakes(bug_ids)
        environment, files = described_server(code)
        read = {source for source in (SECRET_FILE, PUBLIC_SECRET_VARIABLE) if source in code}
        if read != set(files) | (set(environment) - {KEY_VARIABLE}) or environment.get(KEY_VARIABLE) != DEMO_SDK_KEY:
            wrong.append((language, bug_ids, environment, files))
    assert wrong == []
    assert any(PUBLIC_SECRET_VARIABLE in SIGNERS[language].with_mistakes(ids) for language, ids in DRAWN)


@pytest.mark.node
def test_every_token_a_signer_returns_is_the_catalogues_buggy_signers_so_what_happens_is_about_it(run_all):
    # "What happens" comes from lib.mistakes.catalogue.sign_with_bugs; these are byte for byte its tokens. Apart:
    # a cached token is older than the catalogue's, and Python's b64decode skips the '-' Node reads as base64url.
    differ = [
        (language, bug_ids)
        for (language, bug_ids), result in run_all.items()
        if "token" in result
        and "expired" not in bug_ids
        and not (language == "python" and "secret_key_bytes" in bug_ids)
        and result["token"] != sign_with_bugs(CODE_REQUEST, bug_ids).returned
    ]
    assert differ == []
    assert sum("token" in result for result in run_all.values()) > 200


def test_each_language_shows_the_mistakes_of_its_row_in_the_matrix():
    shown = {
        language: {bug_id for bug_id in signer.mistakes if signer.with_mistakes((bug_id,)) is not None}
        for language, signer in SIGNERS.items()
    }
    assert shown == MATRIX
    assert {language for language, bug_ids in DRAWN} == set(SIGNERS)


def test_no_signer_an_exercise_can_show_has_a_comment():
    commented = [
        (language, bug_ids, line)
        for language, bug_ids in [(language, ()) for language in SIGNERS] + DRAWN
        for line in SIGNERS[language].with_mistakes(bug_ids).splitlines()
        if COMMENT.search(line)
    ]
    assert commented == []


def test_every_go_signer_uses_each_package_it_imports():
    """Go refuses to compile an unused import, so an exercise with one would be broken code (and a hint)."""
    unused = []
    for language, bug_ids in [("go", ())] + [case for case in DRAWN if case[0] == "go"]:
        code = SIGNERS[language].with_mistakes(bug_ids)
        imports = re.search(r"import \((.*?)\)", code, re.S).group(1).split()
        body = code.split(")", 1)[1]
        packages = [path.strip('"').rsplit("/", 1)[-1] for path in imports]
        unused += [(bug_ids, package) for package in packages if f"{package}." not in body]
    assert unused == []


def test_what_happens_after_code_names_no_error_of_another_language():
    for language, bug_ids in DRAWN:
        said = signer_outcome(language, bug_ids)
        if language != "javascript":
            assert not JAVASCRIPT_ERRORS.search(said), (language, bug_ids, said)
        if language not in RUNNABLE:  # the code doctor's languages: what Zoom or the browser does with the token
            assert "throws" not in said, (language, bug_ids, said)


def test_a_corrected_snippet_marks_every_gap_with_an_ellipsis():
    """Issue 23: corrected snippets dropped lines without "…". Each run of the snippet between "…" lines is a run of
    consecutive lines of the correct signer, and the runs are apart there."""
    wrong = []
    for language, signer in SIGNERS.items():
        template = [line.strip() for line in signer.template.splitlines()]
        for bug_id in signer.mistakes:
            runs = [run.strip("\n").splitlines() for run in f"\n{signer.corrected_lines(bug_id)}\n".split("\n…\n")]
            starts = []
            for run in runs:
                run = [line.strip() for line in run]
                found = [i for i in range(len(template)) if template[i : i + len(run)] == run]
                starts.append(found[0] if len(found) == 1 else None)
            apart = all(
                a is not None and b is not None and b > a + len(run)
                for a, b, run in zip(starts, starts[1:], runs, strict=False)
            )
            if None in starts or not apart:
                wrong.append((language, bug_id, signer.corrected_lines(bug_id)))
    assert wrong == []
    assert any("…" in signer.corrected_lines(bug_id) for signer in SIGNERS.values() for bug_id in signer.mistakes)
