"""lib.training.practice: Find the bug's work without Streamlit (where a learner continues, the score line, the
verdict and the explanation), alone and in a class."""

from dataclasses import dataclass

import pytest

from lib.mistakes.catalogue import BUGS
from lib.training import practice
from lib.training.exercises import POINTS_PER_EXERCISE, corrected_code, exercise_set, grade
from lib.training.signers import SIGNERS
from lib.zoom.families import MEETING_WEB, VIDEO

EASY = exercise_set(42, "easy", 3)
HARD = exercise_set(7, "hard")  # two mistakes each; code and tokens
TOKEN = next(e for e in exercise_set(0, "medium") if e.kind == "token")


def right(exercise):
    return grade(exercise, exercise.bug_ids, exercise.bug_ids)


def wrong(exercise):
    other = next(b for b in exercise.cause_options if b not in exercise.bug_ids)
    return grade(exercise, [other], [other])


def solo(attempts, exercises=EASY):
    return practice.solo_practice(exercises, attempts, 42, "easy")


@dataclass(frozen=True)
class Stored:
    """A stand-in for lib.classroom.store.StoredAnswer: class_practice reads it only through `as_attempt`."""

    right: bool


def as_attempt(stored, exercise):
    return right(exercise) if stored.right else wrong(exercise)


def in_class(answered_numbers, taking_answers=True):
    stored = {number: Stored(True) for number in answered_numbers}
    return practice.class_practice(EASY, stored, as_attempt, 5, taking_answers)


@pytest.mark.parametrize(
    "answered, expected",
    [((), 0), ((1,), 1), ((2,), 0), ((1, 3), 1), ((1, 2), 2), ((1, 2, 3), 2)],
)
def test_a_class_place_resumes_at_the_first_unanswered_exercise_and_the_last_once_all_are(answered, expected):
    positions = {}
    assert in_class(answered).position(positions) == expected
    assert positions == {("learner", 5): expected}  # kept: a later run does not jump to another exercise


def test_a_class_place_already_in_the_session_is_not_moved():
    positions = {("learner", 5): 0}
    assert in_class((1, 2)).position(positions) == 0
    assert positions == {("learner", 5): 0}


def test_each_learner_in_one_tab_has_their_own_place():
    positions = {("learner", 5): 2}
    other = practice.class_practice(EASY, {}, as_attempt, 6, True)
    assert other.position(positions) == 0 and positions[("learner", 5)] == 2


def test_a_set_alone_starts_at_its_first_exercise_and_keeps_each_sets_place():
    attempts = {EASY[0].id: right(EASY[0])}
    positions = {}
    assert solo(attempts).position(positions) == 0 and positions == {}  # answered or not, a set starts at 1
    positions[(42, "easy", MEETING_WEB)] = 2
    assert solo(attempts).position(positions) == 2
    assert practice.solo_practice(HARD, attempts, 7, "hard").position(positions) == 0


def test_a_video_sdk_set_with_the_same_seed_has_its_own_place_and_answers():
    video = exercise_set(42, "easy", 3, family=VIDEO)
    attempts, positions = {EASY[0].id: right(EASY[0])}, {(42, "easy", MEETING_WEB): 2}
    run = practice.solo_practice(video, attempts, 42, "easy", VIDEO)
    assert run.place == (42, "easy", VIDEO) and run.position(positions) == 0
    assert run.in_set.answered == 0  # the web set's answer is not this set's
    attempts[video[0].id] = wrong(video[0])
    assert solo(attempts).in_set.points == POINTS_PER_EXERCISE and run.in_set.answered == 1


def test_stored_answers_become_attempts_by_exercise_id_and_numbers_outside_the_set_are_left_out():
    run = practice.class_practice(EASY, {0: Stored(True), 2: Stored(False), 4: Stored(True)}, as_attempt, 5, False)
    assert run.attempts == {EASY[1].id: wrong(EASY[1])}
    assert run.in_class and not run.taking_answers and run.place == ("learner", 5)


def test_the_score_line_alone_counts_the_set_and_the_whole_session():
    attempts = {EASY[0].id: right(EASY[0]), HARD[0].id: wrong(HARD[0]), HARD[1].id: right(HARD[1])}
    line = practice.score_line(solo(attempts))
    assert line == practice.ScoreLine(
        "Score in this set",
        f"2 / {POINTS_PER_EXERCISE * 3}",
        "1 of 3 exercises answered",
        "This session: 4 of 6 points over 3 answers.",
    )


def test_the_score_line_in_a_class_has_no_session_line():
    line = practice.score_line(in_class((1, 3)))
    assert line == practice.ScoreLine("Score in this class", "4 / 6", "2 of 3 exercises answered", None)


def test_a_set_is_complete_only_once_every_exercise_in_it_is_answered():
    assert practice.completion(in_class((1, 2))) is None
    assert practice.completion(in_class((1, 2, 3))) == "Set complete: 6 of 6 points."
    other_set = {e.id: right(e) for e in HARD}  # answers to another set do not complete this one
    assert practice.completion(solo(other_set)) is None


def test_the_task_line_says_how_many_mistakes_hide_in_what():
    code = EASY[0]
    assert practice.task_line(code) == f"1 mistake hides in this signer ({SIGNERS[code.language].label})."
    assert practice.task_line(TOKEN) == "1 mistake hides in this token (what the signer handed to join())."
    two = HARD[0]
    assert practice.task_line(two).startswith("2 mistakes hide in this ")


def test_a_right_answer_is_named_and_a_wrong_one_is_set_beside_the_answer():
    exercise = HARD[0]
    titles = ", ".join(f"“{BUGS[b].title}”" for b in exercise.bug_ids)
    fixes = ", ".join(f"“{BUGS[b].fix}”" for b in exercise.bug_ids)
    assert practice.verdicts(right(exercise)) == (
        practice.Verdict(True, f"Cause: right — {titles}."),
        practice.Verdict(True, f"Fix: right — {fixes}."),
    )
    (cause, fix) = practice.verdicts(grade(exercise, [], exercise.bug_ids))
    assert cause == practice.Verdict(False, f"Cause: not quite — you picked nothing; the answer is {titles}.")
    assert fix.right


def test_every_hidden_mistake_is_explained_with_its_corrected_lines():
    for exercise in (HARD[0], TOKEN):
        explained = practice.explanations(exercise)
        assert [e.text.split(".**")[0] for e in explained] == [f"**{BUGS[b].title}" for b in exercise.bug_ids]
        assert all(
            BUGS[b].why in e.text and BUGS[b].fix in e.text for b, e in zip(exercise.bug_ids, explained, strict=True)
        )
        assert [e.corrected for e in explained] == [corrected_code(exercise, b) for b in exercise.bug_ids]
    assert any(e.corrected for e in practice.explanations(HARD[0]))


def test_the_time_taken_counts_from_the_first_showing():
    assert practice.seconds_taken({"a": 100.0}, "a", 130.5) == 30.5
    assert practice.seconds_taken({"a": 100.0}, "b", 130.5) is None
