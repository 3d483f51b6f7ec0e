"""'Find the bug' exercises (lib.training.exercises): coverage of the catalogue, seeds, evidence, grading, results."""

import base64
import json
import random
import subprocess
import sys

import jwt
import pytest

from lib.doctor.diagnosis import diagnose
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import (
    DEFAULT_SEED,
    DIFFICULTIES,
    POINTS_PER_EXERCISE,
    SET_SIZE,
    build_exercise,
    code_languages,
    exercise_pool,
    exercise_set,
    found_mistakes,
    grade,
    results_json,
    score,
    signer_outcome,
)
from lib.training.signers import SIGNERS
from lib.zoom.facts import DEMO_SDK_SECRET
from support.paths import ROOT

# The mistakes a careful reader cannot find in a token alone: they need the code, or the secret.
# (wrong_app_type can be: the learner is told the SDK key, and the token carries another app's key.)
NEED_THE_CODE = {
    "secret_trailing_newline",
    "secret_key_bytes",
    "key_secret_swapped",
    "argument_shift",
    "secret_in_browser",
}


def one(bug_ids, difficulty, seed=0):
    return build_exercise(seed, DIFFICULTIES[difficulty], 1, bug_ids, random.Random(seed))


@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_every_catalogue_entry_is_in_the_pool_of_every_difficulty(difficulty):
    assert set().union(*exercise_pool(difficulty)) == set(BUGS)


def test_the_easy_level_draws_every_mistake_a_signer_shows_and_the_others_draw_every_mistake():
    easy = {bug_id for (bug_id,) in exercise_pool("easy") if code_languages(DIFFICULTIES["easy"], (bug_id,))}
    assert easy == {bug_id for language in DIFFICULTIES["easy"].languages for bug_id in SIGNERS[language].mistakes}
    medium = {bug_id for bug_id in BUGS if any(one((bug_id,), "medium", seed) is not None for seed in range(4))}
    assert medium == set(BUGS)


@pytest.mark.parametrize("difficulty", ["easy", "medium"])
@pytest.mark.parametrize("bug_id", list(BUGS))
def test_every_catalogue_entry_makes_a_solvable_exercise(bug_id, difficulty):
    # Fails when an entry is added to lib.mistakes.catalogue.BUGS that no exercise can be built from (no signer
    # shows it and no token either, ...). At the easy level only a signer can show it.
    exercise = one((bug_id,), difficulty)
    level = DIFFICULTIES[difficulty]
    if exercise is None:
        assert difficulty == "easy" and not code_languages(level, (bug_id,))
        return
    assert exercise.bug_ids == (bug_id,)
    assert exercise.shown.strip()
    assert len(exercise.cause_options) == len(set(exercise.cause_options)) == level.options
    assert set(exercise.fix_options) == set(exercise.cause_options) and bug_id in exercise.cause_options
    assert any(line.startswith("What happens: ") for line in exercise.context)
    assert grade(exercise, [bug_id], [bug_id]).points == POINTS_PER_EXERCISE
    assert grade(exercise, [], []).points == 0
    if exercise.kind == "code":
        assert exercise.shown == SIGNERS[exercise.language].with_mistakes((bug_id,))
        assert exercise.language in level.languages


def test_which_mistakes_are_shown_as_a_token():
    shown_as_token = {
        bug_id for bug_id in BUGS if any(one((bug_id,), "medium", seed).kind == "token" for seed in range(8))
    }
    assert shown_as_token == set(BUGS) - NEED_THE_CODE
    assert {one((bug_id,), "easy").kind for bug_id in BUGS if one((bug_id,), "easy")} == {"code"}


@pytest.mark.parametrize("seed", range(12))
def test_a_token_exercise_holds_exactly_its_mistakes_for_what_the_learner_is_told(seed):
    for exercise in exercise_set(seed, "hard") + exercise_set(seed, "medium"):
        if exercise.kind != "token":
            continue
        join = exercise.join
        assert all(line in exercise.context for line in join.lines())
        diagnosis = diagnose(
            exercise.shown, sdk_key=join.sdk_key, meeting_number=join.meeting_number, now=join.now, host=join.host
        )
        assert found_mistakes(diagnosis) == set(exercise.bug_ids)
        if exercise.decoded:  # the decoded JSON is what the token's segments really hold
            header_b64, payload_b64, _ = exercise.shown.split(".")
            decoded = [
                base64.b64decode(s.replace("-", "+").replace("_", "/") + "==") for s in (header_b64, payload_b64)
            ]
            assert [json.loads(d) for d in decoded] == [json.loads(line) for line in exercise.decoded.splitlines()]


def test_a_token_without_a_signature_mistake_verifies_with_pyjwt():
    exercise = next(e for seed in range(8) if (e := one(("meeting_number_claim",), "medium", seed)).kind == "token")
    lenient = {"verify_exp": False, "verify_iat": False}
    claims = jwt.decode(exercise.shown, DEMO_SDK_SECRET, algorithms=["HS256"], options=lenient)
    assert "meetingNumber" in claims and "mn" not in claims


@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_a_seeded_set_is_reproducible_and_another_seed_differs(difficulty):
    first = exercise_set(DEFAULT_SEED, difficulty)
    assert len(first) == SET_SIZE
    assert exercise_set(DEFAULT_SEED, difficulty) == first
    assert exercise_set(DEFAULT_SEED + 1, difficulty) != first
    assert [e.bug_ids for e in exercise_set(DEFAULT_SEED + 1, difficulty)] != [e.bug_ids for e in first]
    assert [e.number for e in first] == list(range(1, SET_SIZE + 1))
    assert all(len(e.bug_ids) == DIFFICULTIES[difficulty].mistakes for e in first)


def test_sets_use_no_global_random_state():
    random.seed(1)
    state = random.getstate()
    first = exercise_set(7, "hard")
    assert random.getstate() == state
    random.seed(2)
    assert exercise_set(7, "hard") == first


def test_a_seeded_set_is_the_same_in_another_python_process():
    code = "from lib.training.exercises import exercise_set; print(repr(exercise_set(42, 'hard')))"
    other = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123"},
    )
    assert other.stdout.strip() == repr(exercise_set(42, "hard"))


def test_a_code_exercise_shows_a_whole_signer_with_its_mistakes_among_correct_lines():
    exercise = one(("secret_trailing_newline", "role_string"), "hard", seed=3)
    assert exercise.kind == "code" and exercise.language in DIFFICULTIES["hard"].languages
    signer = SIGNERS[exercise.language]
    assert exercise.shown == signer.with_mistakes(exercise.bug_ids) != signer.template
    assert len(exercise.shown.splitlines()) == len(signer.template.splitlines())  # one line each, the rest correct
    assert f"What happens: {signer_outcome(exercise.language, exercise.bug_ids)}" in exercise.context
    assert not set(exercise.cause_options) - set(BUGS) and len(exercise.cause_options) == DIFFICULTIES["hard"].options


@pytest.mark.parametrize("number", [1, 3])
def test_seed_42_easy_no_longer_shows_a_lone_comment(number):
    exercise = exercise_set(DEFAULT_SEED, "easy")[number - 1]
    assert exercise.kind == "code" and len(exercise.shown.splitlines()) > 15
    assert exercise.shown == SIGNERS[exercise.language].with_mistakes(exercise.bug_ids)


def test_sets_show_every_language_of_their_level_and_only_signers_the_tests_run():
    for difficulty, level in DIFFICULTIES.items():
        shown = set()
        for seed in range(40):
            for exercise in exercise_set(seed, difficulty):
                if exercise.kind == "code":
                    assert exercise.shown == SIGNERS[exercise.language].with_mistakes(exercise.bug_ids)
                    shown.add(exercise.language)
        assert shown == set(level.languages), difficulty


def test_grading_wants_exactly_the_hidden_mistakes():
    exercise = one(("expired", "role_string"), "hard")
    other = next(b for b in exercise.cause_options if b not in exercise.bug_ids)
    assert grade(exercise, ["role_string", "expired"], ["expired", "role_string"]).points == 2
    partial = grade(exercise, ["expired"], ["expired", "role_string", other])
    assert (partial.causes_right, partial.fixes_right, partial.points) == (False, False, 0)
    assert grade(exercise, ["expired", "role_string"], ["expired"]).points == 1


def test_results_are_a_json_document_with_the_score():
    exercises = exercise_set(5, "easy")
    attempts = [grade(exercises[0], exercises[0].bug_ids, exercises[0].bug_ids), grade(exercises[1], [], [])]
    assert score(attempts).points == 2 and score(attempts).possible == 4
    document = json.loads(results_json(attempts, {"hmac", "jwt_parts"}))
    assert document["score"] == {"points": 2, "possible": 4, "answered": 2}
    assert document["lessons_seen"] == ["hmac", "jwt_parts"]
    assert document["attempts"][0]["answer_titles"] == [BUGS[b].title for b in exercises[0].bug_ids]
    assert document["attempts"][1]["points"] == 0 and document["attempts"][1]["causes"] == []
