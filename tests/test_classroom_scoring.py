"""One score for one answer: the learner's verdict, the answer read back after a reload, the trainer's table
and chart, the room's score and the CSV all come from lib.training.scoring.judge, and agree for every shape
of answer (none, one, several, all, right, wrong)."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from lib.classroom import store
from lib.classroom.database import prepare_engine
from lib.classroom.room import learner_rows, mistake_rows, results_csv, room_results
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import exercise_set, grade
from lib.training.scoring import POINTS_PER_EXERCISE, judge, room_score

NOW = 1_800_000_000.0
COUNT = 4
SETS = {difficulty: exercise_set(7, difficulty, COUNT) for difficulty in ("easy", "hard")}


def picks(options, hidden):
    """An answer part of every shape: nothing, the hidden mistakes, one option, several, all, one wrong."""
    wrong = [option for option in options if option not in hidden]
    return st.one_of(
        st.just(()),
        st.just(tuple(hidden)),
        st.just(tuple(options)),
        st.sampled_from(options).map(lambda option: (option,)),
        st.lists(st.sampled_from(options), min_size=2, unique=True).map(tuple),
        st.just(tuple(hidden) + tuple(wrong[:1])),
    )


@st.composite
def rooms(draw):
    """A difficulty and, per learner, answers to some of the class's exercises."""
    difficulty = draw(st.sampled_from(sorted(SETS)))
    exercises = SETS[difficulty]
    learners = []
    for _ in range(draw(st.integers(1, 3))):
        numbers = draw(st.lists(st.integers(1, COUNT), unique=True, max_size=COUNT))
        picked_by_number = {}
        for number in numbers:
            exercise = exercises[number - 1]
            picked_by_number[number] = (
                draw(picks(exercise.cause_options, exercise.bug_ids)),
                draw(picks(exercise.fix_options, exercise.bug_ids)),
            )
        learners.append(picked_by_number)
    return difficulty, learners


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = prepare_engine(create_engine(f"sqlite:///{tmp_path_factory.mktemp('scoring') / 'c.sqlite3'}"))
    yield engine
    engine.dispose()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(room=rooms())
def test_every_view_of_an_answer_gives_it_the_same_score(engine, room):
    difficulty, given_by_learner = room
    exercises = SETS[difficulty]
    session = store.create_class(engine, "Scoring", 7, difficulty, COUNT, NOW).session
    verdicts, found, missed, learners = [], {}, {}, []
    for index, picked_by_number in enumerate(given_by_learner):
        learner = store.learner_by_key(engine, store.join_class(engine, session, f"L{index}", NOW))[0]
        points = 0
        for number, (causes, fixes) in picked_by_number.items():
            exercise = exercises[number - 1]
            verdict = grade(exercise, causes, fixes)  # what the learner's page says on Check
            stored = store.record_answer(engine, learner, verdict, 1.0, NOW)
            reread = store.as_attempt(stored, exercise)  # what it says after a reload, on any server
            assert (reread.causes_right, reread.fixes_right, reread.points) == (
                verdict.causes_right,
                verdict.fixes_right,
                verdict.points,
            )
            judgement = judge(exercise.bug_ids, causes, fixes)
            assert judgement.points == verdict.points
            # An answer scores full points exactly when it finds every hidden mistake; a wrong pick finds none.
            assert (judgement.points == POINTS_PER_EXERCISE) == (len(judgement.found) == len(exercise.bug_ids))
            if not set(causes) | set(fixes) <= set(exercise.bug_ids):
                assert judgement.found == ()
            for bug_id in judgement.found:
                found[bug_id] = found.get(bug_id, 0) + 1
            for bug_id in judgement.missed:
                missed[bug_id] = missed.get(bug_id, 0) + 1
            verdicts.append(judgement)
            points += verdict.points
        learners.append((f"L{index}", picked_by_number, points))

    results = room_results(engine, session)
    table = {row["learner"]: row["score"] for row in learner_rows(results, NOW)}
    assert table == {name: f"{points} / {POINTS_PER_EXERCISE * COUNT}" for name, _, points in learners}
    chart = {row["mistake"]: (row["right"], row["missed"]) for row in mistake_rows(results)}
    assert chart == {
        BUGS[bug_id].title: (found.get(bug_id, 0), missed.get(bug_id, 0)) for bug_id in set(found) | set(missed)
    }
    assert results.score == room_score(verdicts, len(given_by_learner) * COUNT)
    answered = len(verdicts)
    assert results.score.possible == POINTS_PER_EXERCISE * answered  # unanswered exercises are not counted
    assert results.score.unanswered == len(given_by_learner) * COUNT - answered
    rows = list(csv.DictReader(io.StringIO(results_csv(engine, session))))
    by_answer = {(row["display_name"], int(row["exercise"])): int(row["points"]) for row in rows if row["exercise"]}
    assert {row["display_name"] for row in rows} == {name for name, _, _ in learners}  # the silent ones too
    assert by_answer == {
        (name, number): judge(exercises[number - 1].bug_ids, *picked).points
        for name, picked_by_number, _ in learners
        for number, picked in picked_by_number.items()
    }
    store.delete_class(engine, session.id)


@pytest.mark.parametrize(
    "causes, fixes, points, found",
    [
        ((), (), 0, ()),
        (("a",), ("a",), 2, ("a",)),
        (("a", "b"), ("a",), 1, ()),  # "Select all" in a pick-1 box: the cause is wrong, and nothing is found
        (("b",), ("a",), 1, ()),
        (("a", "a"), ("a",), 2, ("a",)),
    ],
)
def test_one_hidden_mistake_is_found_only_by_an_answer_that_picks_nothing_wrong(causes, fixes, points, found):
    judgement = judge(("a",), causes, fixes)
    assert (judgement.points, judgement.found) == (points, found)


def test_the_room_s_score_counts_answered_exercises_only():
    right, wrong = judge(("a",), ("a",), ("a",)), judge(("a",), ("b",), ("b",))
    assert room_score([], 6).percent is None
    assert room_score([right], 6).percent == 100 and room_score([right], 6).unanswered == 5
    assert room_score([right, wrong], 2).percent == 50 and room_score([right, wrong], 2).unanswered == 0
