"""The classroom's storage on SQLite and PostgreSQL alike: the schema Alembic makes, the rules the database
itself enforces, join codes, the limits of names and classes, and clear messages
when the database cannot be used."""

import contextlib
import csv
import io
import math
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, func, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from lib.classroom import database, store
from lib.classroom.access import console_class
from lib.classroom.database import (
    ClassroomUnavailable,
    current_revision,
    head_revision,
    prepare_engine,
    upgrade_schema,
)
from lib.classroom.room import results_csv, room_results
from lib.classroom.schema import MAX_EXERCISES, NAME_LENGTH, answers, classes, learners, metadata
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import EXERCISE_FAMILIES, exercise_set, grade
from lib.zoom.families import MEETING_NATIVE, MEETING_WEB

NOW = 1_800_000_000.0
SECRET = "Wq8sL0xN3vR7tY2uI9oP4aS6dF1gH5jK"  # a 32-character SDK secret typed on another page


def new_class(engine, count=3, difficulty="easy", now=NOW):
    return store.create_class(engine, "Team training", 42, difficulty, count, now)


def learner_of(engine, session, name="Ann"):
    key = store.join_class(engine, session, name, NOW)
    return store.learner_by_key(engine, key)[0]


def right_attempt(session, number):
    exercise = exercise_set(session.seed, session.difficulty, session.exercise_count)[number - 1]
    return grade(exercise, exercise.bug_ids, exercise.bug_ids)


def answer_row(learner_id, exercise_number):
    """An answers row written straight to the table, past lib's checks: what the database alone allows."""
    return {
        "learner_id": learner_id,
        "exercise_number": exercise_number,
        "mistakes": "a",
        "causes": "",
        "fixes": "",
        "causes_right": False,
        "fixes_right": False,
        "answered_at": NOW,
    }


def count(engine, table):
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


# ------------------------------------------------------------------------------------------ schema


def test_the_migrations_make_exactly_the_tables_lib_describes(classroom_engine):
    assert current_revision(classroom_engine) == head_revision()
    with classroom_engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_every_revision_goes_down_and_up_again(classroom_engine):
    """A maintainer's new revision is checked the same way: its downgrade undoes it, and the upgrade redoes it."""
    from alembic import command

    from lib.classroom.database import _alembic_config

    with classroom_engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert set(inspect(connection).get_table_names()) == {"alembic_version"}
        command.upgrade(config, "head")
    with classroom_engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_upgrading_a_current_database_changes_nothing(classroom_engine):
    session = new_class(classroom_engine).session
    upgrade_schema(classroom_engine)
    assert store.find_class(classroom_engine, session.join_code) == session


def test_two_servers_upgrading_at_once_make_one_schema(classroom_url, monkeypatch):
    """Every server first sees an empty database, and only then may any go on to take the lock (a barrier,
    not luck in thread timing): one upgrades, the others wait for its lock and find the schema current."""
    from alembic import command

    engines = [create_engine(classroom_url) for _ in range(3)]
    all_looked = threading.Barrier(len(engines))
    problems, first_looks, upgrades = [], [], []
    look, upgrade_to = database.current_revision, command.upgrade

    def look_then_wait_for_the_others(engine):
        revision = look(engine)
        first_looks.append(revision)
        all_looked.wait(timeout=120)  # a safety net: a broken barrier fails the test instead of hanging it
        return revision

    def counted_upgrade(config, revision):
        upgrades.append(revision)
        upgrade_to(config, revision)

    monkeypatch.setattr(database, "current_revision", look_then_wait_for_the_others)
    monkeypatch.setattr(command, "upgrade", counted_upgrade)

    def upgrade(engine):
        try:
            prepare_engine(engine)
        except Exception as error:  # noqa: BLE001 - any failure of a concurrent upgrade is the finding
            problems.append(repr(error))

    threads = [threading.Thread(target=upgrade, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert first_looks == [None, None, None]  # all three found no schema: the race really happened
    assert upgrades == ["head"]  # and only one of them upgraded
    assert {current_revision(engine) for engine in engines} == {head_revision()}
    for engine in engines:
        engine.dispose()


def test_a_new_sqlite_file_is_switched_to_wal_only_under_its_file_lock(tmp_path, monkeypatch):
    """The cause of a flaky failure of the test above: each new connection switched the file to WAL itself, and
    two connections switching a new file at once each held the shared lock the other needed to upgrade to
    exclusive, until one failed with 'database is locked' after the busy timeout. The switch now happens once,
    under the file lock: every statement that sets the journal mode is traced while the lock is held."""
    held, traced = [], []
    real_lock = database._sqlite_file_lock

    @contextlib.contextmanager
    def watched_lock(engine):
        with real_lock(engine):
            held.append(True)
            try:
                yield
            finally:
                held.pop()

    monkeypatch.setattr(database, "_sqlite_file_lock", watched_lock)
    engine = create_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    event.listen(
        engine, "connect", lambda dbapi, _: dbapi.set_trace_callback(lambda sql: traced.append((sql, bool(held))))
    )
    prepare_engine(engine)
    switches = [under_lock for sql, under_lock in traced if "journal_mode" in sql.lower()]
    assert switches and all(switches)
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    engine = prepare_engine(create_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()


# ------------------------------------------------------------------------------------------ rules in the database


def test_the_database_refuses_a_second_answer_to_one_exercise(classroom_engine):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    row = answer_row(learner.id, 1)
    with classroom_engine.begin() as connection:
        connection.execute(insert(answers), row)
    with pytest.raises(IntegrityError), classroom_engine.begin() as connection:
        connection.execute(insert(answers), row)


def test_the_database_refuses_an_answer_of_no_learner(classroom_engine):
    row = answer_row(999, 1)
    with pytest.raises(IntegrityError), classroom_engine.begin() as connection:
        connection.execute(insert(answers), row)


@pytest.mark.parametrize("number, stored", [(0, False), (1, True), (MAX_EXERCISES, True), (MAX_EXERCISES + 1, False)])
def test_the_database_keeps_exercise_numbers_in_range(classroom_engine, number, stored):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    row = answer_row(learner.id, number)
    if stored:
        with classroom_engine.begin() as connection:
            connection.execute(insert(answers), row)
    else:
        with pytest.raises(IntegrityError), classroom_engine.begin() as connection:
            connection.execute(insert(answers), row)


def test_deleting_a_class_leaves_no_learner_or_answer(classroom_engine):
    session = new_class(classroom_engine).session
    other = new_class(classroom_engine).session
    for name in ("Ann", "Bo"):
        store.record_answer(
            classroom_engine, learner_of(classroom_engine, session, name), right_attempt(session, 1), 5, NOW
        )
    kept = learner_of(classroom_engine, other, "Cy")
    store.record_answer(classroom_engine, kept, right_attempt(other, 1), 5, NOW)
    store.delete_class(classroom_engine, session.id)
    assert store.find_class(classroom_engine, session.join_code) is None
    assert (count(classroom_engine, classes), count(classroom_engine, learners), count(classroom_engine, answers)) == (
        1,
        1,
        1,
    )


# ------------------------------------------------------------------------------------------ join codes


def test_join_codes_carry_at_least_30_random_bits():
    assert len(store.JOIN_CODE_ALPHABET) == len(set(store.JOIN_CODE_ALPHABET)) == 32
    assert math.log2(len(store.JOIN_CODE_ALPHABET)) * len(store.new_join_code()) == store.JOIN_CODE_BITS >= 30
    codes = {store.new_join_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert set("".join(codes)) == set(store.JOIN_CODE_ALPHABET)  # every sign is drawn


@pytest.mark.parametrize("typed", ["7kqm-3xht", " 7KQM 3XHT ", "7KQM3XHT"])
def test_a_join_code_is_read_as_people_type_it(typed):
    assert store.normalised_join_code(typed) == "7KQM3XHT"


@pytest.mark.parametrize(
    "typed, says",
    [
        ("", "Type the join code"),
        ("7KQM-3XH", "has 8 signs; this one has 7"),
        ("7KQM-3XHTA", "has 8 signs; this one has 9"),
        ("7KQM-3XH0", "never 0, 1, I or O; found 0"),
        ("OKQM-3XHI", "found I O"),
    ],
)
def test_a_wrong_join_code_says_what_is_wrong(typed, says):
    with pytest.raises(store.ClassroomError, match=says):
        store.normalised_join_code(typed)


def test_a_code_no_class_has_does_not_join(classroom_engine):
    new_class(classroom_engine)
    with pytest.raises(store.ClassroomError, match="No class has this join code"):
        store.open_class(classroom_engine, "2222-2222", NOW)


TWELVE_HOURS = 12 * 3600  # the README's promise, written out: not the constant under test


@pytest.mark.parametrize("after, joins", [(-1, True), (0, False), (1, False)])
def test_a_join_code_expires_12_hours_after_its_class_starts(classroom_engine, after, joins):
    session = new_class(classroom_engine).session
    assert session.created_at == NOW and session.expires_at == NOW + TWELVE_HOURS
    at = NOW + TWELVE_HOURS + after  # open_class reads the stored expiry, not the one returned above
    if joins:
        assert store.open_class(classroom_engine, session.join_code, at) == session
    else:
        with pytest.raises(store.ClassroomError, match="This class is expired"):
            store.open_class(classroom_engine, session.join_code, at)


def test_a_closed_class_takes_no_joins_and_no_answers(classroom_engine):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    store.close_class(classroom_engine, session.id, NOW + 10)
    with pytest.raises(store.ClassroomError, match="This class is closed"):
        store.open_class(classroom_engine, session.join_code, NOW + 11)
    with pytest.raises(store.ClassroomError, match="answers are no longer taken"):
        store.record_answer(classroom_engine, learner, right_attempt(session, 1), 3, NOW + 11)
    assert count(classroom_engine, answers) == 0


def test_a_closed_class_can_be_reopened_and_takes_answers_again(classroom_engine):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    store.close_class(classroom_engine, session.id, NOW + 10)
    store.reopen_class(classroom_engine, session.id, NOW + 20)
    assert store.class_by_id(classroom_engine, session.id).state_at(NOW + 21) == "open"
    assert store.record_answer(classroom_engine, learner, right_attempt(session, 1), 3, NOW + 21).points == 2
    store.reopen_class(classroom_engine, session.id, NOW + 22)  # an open class: nothing changes
    assert store.class_by_id(classroom_engine, session.id).closed_at is None


@pytest.mark.parametrize("after, reopens", [(-1, True), (0, False), (1, False)])
def test_a_class_can_be_reopened_until_it_expires(classroom_engine, after, reopens):
    session = new_class(classroom_engine).session
    store.close_class(classroom_engine, session.id, NOW + 10)
    at = NOW + TWELVE_HOURS + after
    if reopens:
        store.reopen_class(classroom_engine, session.id, at)
        assert store.class_by_id(classroom_engine, session.id).closed_at is None
    else:
        with pytest.raises(store.ClassroomError, match="expired on 2027-01-15 20:00 UTC and cannot be reopened"):
            store.reopen_class(classroom_engine, session.id, at)
        assert store.class_by_id(classroom_engine, session.id).closed_at == NOW + 10


# ------------------------------------------------------------------------------------------ learners and names


@pytest.mark.parametrize("length, accepted", [(NAME_LENGTH - 1, True), (NAME_LENGTH, True), (NAME_LENGTH + 1, False)])
def test_display_names_have_at_most_forty_characters(classroom_engine, length, accepted):
    session = new_class(classroom_engine).session
    name = "é" * length  # characters, not bytes: a PostgreSQL VARCHAR(40) counts the same way
    if accepted:
        assert learner_of(classroom_engine, session, name).display_name == name
    else:
        with pytest.raises(store.ClassroomError, match=f"at most {NAME_LENGTH} characters; this one has {length}"):
            store.join_class(classroom_engine, session, name, NOW)


@pytest.mark.parametrize(
    "name, says",
    [
        ("   ", "Type a display name"),
        ("Ann\u200b", "control or invisible"),
        ("Ann\x1b[31m", "control or invisible"),
        (f"me {SECRET}", "contains an SDK secret"),
        (SECRET[:12], "contains an SDK secret"),
        ("eyJhbGciOiJIUzI1NiJ9.eyJ9.c2ln", "looks like a token"),
    ],
)
def test_a_display_name_that_cannot_be_stored_says_why(classroom_engine, name, says):
    session = new_class(classroom_engine).session
    with pytest.raises(store.ClassroomError, match=says):
        store.join_class(classroom_engine, session, name, NOW, [SECRET])
    assert count(classroom_engine, learners) == 0


def test_names_are_stored_as_typed_markup_and_all(classroom_engine):
    session = new_class(classroom_engine).session
    name = "<img src=x onerror=alert(1)> *Eve*"
    assert learner_of(classroom_engine, session, f"  {name}  ").display_name == name


def test_one_name_per_class(classroom_engine):
    session = new_class(classroom_engine).session
    other = new_class(classroom_engine).session
    learner_of(classroom_engine, session, "Ann")
    with pytest.raises(store.ClassroomError, match="already uses the name 'Ann'"):
        store.join_class(classroom_engine, session, "Ann", NOW)
    assert learner_of(classroom_engine, other, "Ann").display_name == "Ann"


def class_at_revision(connection, revision, **row):
    """A database upgraded to an older revision, with one class in it as that revision stored it: its id."""
    from alembic import command

    from lib.classroom.database import _alembic_config

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
    row = {"join_code": "ABCDEFGH", "title": "t", "difficulty": "easy", "pin_salt": "s", "pin_hash": "h"} | row
    row |= {"created_at": NOW, "expires_at": NOW + 60}
    connection.execute(
        text(
            "INSERT INTO classes (join_code, title, seed, difficulty, exercise_count, pin_salt, pin_hash, "
            "created_at, expires_at) VALUES (:join_code, :title, :seed, :difficulty, :exercise_count, "
            ":pin_salt, :pin_hash, :created_at, :expires_at)"
        ),
        row,
    )
    return connection.execute(text("SELECT id FROM classes")).scalar_one()


@pytest.mark.parametrize("second", ["dee", " Dee ", "DEE", "Dee"])
def test_names_that_read_the_same_are_one_name(classroom_engine, second):
    """Issue 23: "Dee" and " dee " were two learners of one class."""
    session = new_class(classroom_engine).session
    learner_of(classroom_engine, session, "Dee")
    with pytest.raises(store.ClassroomError, match="already uses the name"):
        store.join_class(classroom_engine, session, second, NOW)
    assert learner_of(classroom_engine, session, "Dée").display_name == "Dée"  # another letter: another name


def test_names_stored_before_case_folding_keep_their_learners(classroom_url):
    """A database of revision 0001 holding "Dee" and "dee" in one class upgrades: both learners stay."""
    engine = create_engine(classroom_url)
    try:
        with engine.begin() as connection:
            class_id = class_at_revision(connection, "0001", seed=1, exercise_count=1)
            for number, name in enumerate(("Dee", "dee")):
                connection.execute(
                    text("INSERT INTO learners (class_id, display_name, key_hash, joined_at) VALUES (:c, :n, :k, :t)"),
                    {"c": class_id, "n": name, "k": f"{number:064d}", "t": NOW},
                )
        prepare_engine(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            stored = connection.execute(select(learners.c.display_name, learners.c.name_key).order_by(learners.c.id))
            first, second = stored.all()
        assert first == ("Dee", "dee") and second.display_name == "dee" and second.name_key != "dee"
    finally:
        engine.dispose()


def test_only_a_hash_of_the_resume_key_is_stored_and_a_wrong_key_finds_no_one(classroom_engine):
    session = new_class(classroom_engine).session
    key = store.join_class(classroom_engine, session, "Ann", NOW)
    assert len(key) >= 32
    with classroom_engine.connect() as connection:
        assert key not in " ".join(str(v) for v in connection.execute(select(learners)).one())
    assert store.learner_by_key(classroom_engine, key[:-1] + ("A" if key[-1] != "A" else "B")) is None


def test_secrets_typed_elsewhere_are_found_in_session_state():
    class Form:
        sdk_secret = SECRET

    typed = store.secrets_typed(
        [("builder_sdk_secret", "s1"), ("inspector_secret", "s2"), ("shared_form_input", Form()), ("seed", "42")]
    )
    assert typed == ["s1", "s2", SECRET]


# ------------------------------------------------------------------------------------------ answers


def test_an_answer_given_after_another_tab_s_says_when_and_what_was_kept(classroom_engine):
    """Issue 23: an old tab answering an exercise answered elsewhere showed the other answer's verdict as its own."""
    session = new_class(classroom_engine).session
    ann = learner_of(classroom_engine, session)
    exercise = exercise_set(session.seed, session.difficulty, session.exercise_count)[0]
    first = grade(exercise, exercise.bug_ids, exercise.bug_ids)
    stored = store.record_answer(classroom_engine, ann, first, 2, NOW)
    assert store.earlier_answer_note(stored, first, NOW) is None  # this answer is the one kept
    later = grade(exercise, [], [])
    kept = store.record_answer(classroom_engine, ann, later, 2, NOW + 60)
    note = store.earlier_answer_note(kept, later, NOW + 60)
    (bug_id,) = exercise.bug_ids
    assert note.startswith("Already answered on 2027-01-15 08:00:00 UTC: cause “" + BUGS[bug_id].title)


def test_an_answer_is_stored_once_and_a_retry_returns_the_first(classroom_engine):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    first = store.record_answer(classroom_engine, learner, right_attempt(session, 1), 12.5, NOW)
    exercise = exercise_set(42, "easy", 3)[0]
    again = store.record_answer(classroom_engine, learner, grade(exercise, [], []), 1.0, NOW + 5)
    assert again == first and first.points == 2 and first.seconds_taken == 12.5
    assert count(classroom_engine, answers) == 1


@pytest.mark.parametrize("number, stored", [(0, False), (1, True), (3, True), (4, False)])
def test_answers_are_taken_for_the_class_s_exercises_only(classroom_engine, number, stored):
    session = new_class(classroom_engine, count=3).session
    learner = learner_of(classroom_engine, session)
    attempt = right_attempt(session, 1)
    attempt = type(attempt)(**{**attempt.__dict__, "number": number})
    if stored:
        assert store.record_answer(classroom_engine, learner, attempt, None, NOW).exercise_number == number
    else:
        with pytest.raises(store.ClassroomError, match="exercises 1 to 3"):
            store.record_answer(classroom_engine, learner, attempt, None, NOW)


def test_a_learner_reads_only_their_own_answers(classroom_engine):
    session = new_class(classroom_engine).session
    ann, bo = learner_of(classroom_engine, session, "Ann"), learner_of(classroom_engine, session, "Bo")
    store.record_answer(classroom_engine, ann, right_attempt(session, 1), 3, NOW)
    store.record_answer(classroom_engine, ann, right_attempt(session, 2), 3, NOW)
    assert sorted(store.learner_answers(classroom_engine, ann)) == [1, 2]
    assert store.learner_answers(classroom_engine, bo) == {}


def test_an_answer_to_a_deleted_class_says_so(classroom_engine):
    session = new_class(classroom_engine).session
    learner = learner_of(classroom_engine, session)
    store.delete_class(classroom_engine, session.id)
    with pytest.raises(store.ClassroomError, match="deleted by its trainer"):
        store.record_answer(classroom_engine, learner, right_attempt(session, 1), 3, NOW)


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("title", "", "title of 1 to 120"),
        ("title", "x" * 121, "title of 1 to 120"),
        ("count", 0, "1 to 12 exercises"),
        ("count", MAX_EXERCISES + 1, "1 to 12 exercises"),
        ("difficulty", "expert", "Difficulty is one of easy, medium, hard"),
        ("seed", -1, "whole number from 0"),
        ("family", "web", "one of meeting_web, meeting_native, video"),
        ("family", "cobrowse", "one of meeting_web, meeting_native, video"),
    ],
)
def test_a_class_that_cannot_be_made_says_why(classroom_engine, field, value, says):
    values = {"title": "T", "seed": 1, "difficulty": "easy", "count": 3, "family": MEETING_WEB} | {field: value}
    with pytest.raises(store.ClassroomError, match=says):
        store.create_class(
            classroom_engine,
            values["title"],
            values["seed"],
            values["difficulty"],
            values["count"],
            NOW,
            values["family"],
        )


@pytest.mark.parametrize("family", EXERCISE_FAMILIES)
def test_a_class_keeps_the_sdk_of_its_exercises(classroom_engine, family):
    """Stored with the class and read back by every way in: the join code, the learner's key, the trainer link."""
    started = store.create_class(classroom_engine, "T", 5, "medium", 4, NOW, family)
    assert started.session.family == family
    assert store.find_class(classroom_engine, started.session.join_code) == started.session
    key = store.join_class(classroom_engine, started.session, "Ann", NOW)
    assert store.learner_by_key(classroom_engine, key)[1].family == family
    assert console_class(classroom_engine, started.trainer_key).family == family
    exercise = exercise_set(5, "medium", 4, family)[0]  # the family's set, answered
    ann = store.learner_by_key(classroom_engine, key)[0]
    store.record_answer(classroom_engine, ann, grade(exercise, exercise.bug_ids, ()), 3, NOW)
    store.join_class(classroom_engine, started.session, "Bo", NOW)  # and a learner who answered nothing
    rows = list(csv.DictReader(io.StringIO(results_csv(classroom_engine, started.session))))
    assert [(row["display_name"], row["mistakes"], row["token_family"]) for row in rows] == [
        ("Ann", " ".join(exercise.bug_ids), family),
        ("Bo", "", family),
    ]


def test_the_database_refuses_a_family_no_sdk_has(classroom_engine):
    session = new_class(classroom_engine).session
    with pytest.raises(IntegrityError), classroom_engine.begin() as connection:
        connection.execute(classes.update().where(classes.c.id == session.id).values(family="cobrowse"))


def test_a_class_made_at_0003_upgrades_to_the_web_s_exercises_and_keeps_its_learners_and_answers(classroom_url):
    """A database of revision 0003 with a class, a learner and an answer in it: 0004 gives the class the Meeting SDK
    for web's set (the only sets there were), its learner still opens it and the answer is still theirs."""
    engine = create_engine(classroom_url)
    try:
        with engine.begin() as connection:
            class_id = class_at_revision(connection, "0003", seed=42, exercise_count=3)
            connection.execute(
                text(
                    "INSERT INTO learners (class_id, display_name, name_key, key_hash, joined_at) "
                    "VALUES (:c, 'Ann', 'ann', :k, :t)"
                ),
                {"c": class_id, "k": store.key_hash("ann-resume-key"), "t": NOW},
            )
            learner_id = connection.execute(text("SELECT id FROM learners")).scalar_one()
            connection.execute(insert(answers), answer_row(learner_id, 1))
        assert current_revision(engine) == "0003"
        prepare_engine(engine)
        assert current_revision(engine) == head_revision()
        learner, session = store.learner_by_key(engine, "ann-resume-key")
        assert (session.join_code, session.family, learner.display_name) == ("ABCDEFGH", MEETING_WEB, "Ann")
        assert list(store.learner_answers(engine, learner)) == [1]
        assert store.create_class(engine, "new", 1, "easy", 1, NOW, MEETING_NATIVE).session.family == MEETING_NATIVE
    finally:
        engine.dispose()


@pytest.mark.parametrize("title_length, exercises", [(120, 1), (1, MAX_EXERCISES)])
def test_the_limits_of_a_class_are_accepted(classroom_engine, title_length, exercises):
    session = store.create_class(classroom_engine, "t" * title_length, 0, "hard", exercises, NOW).session
    assert (len(session.title), session.exercise_count) == (title_length, exercises)


# ------------------------------------------------------------------------------------------ the room


def test_the_room_counts_right_and_missed_mistakes_per_learner_and_mistake(classroom_engine):
    session = new_class(classroom_engine, count=3).session
    exercises = exercise_set(42, "easy", 3)
    ann, bo = learner_of(classroom_engine, session, "Ann"), learner_of(classroom_engine, session, "Bo")
    learner_of(classroom_engine, session, "Cy")  # joined, no answer yet
    store.record_answer(classroom_engine, ann, right_attempt(session, 1), 3, NOW + 1)
    store.record_answer(classroom_engine, ann, right_attempt(session, 2), 3, NOW + 2)
    store.record_answer(classroom_engine, bo, grade(exercises[0], [], []), 3, NOW + 3)
    results = room_results(classroom_engine, session)
    assert [(p.display_name, p.answered, p.points) for p in results.learners] == [
        ("Ann", 2, 4),
        ("Bo", 1, 0),
        ("Cy", 0, 0),
    ]
    tallies = {t.bug_id: (t.right, t.missed) for t in results.mistakes}
    assert tallies[exercises[0].bug_ids[0]] == (1, 1)
    assert tallies[exercises[1].bug_ids[0]] == (1, 0)
    assert results.mistakes[0].bug_id == exercises[0].bug_ids[0]  # the most missed comes first
    assert results.answers == 3


def test_the_csv_has_every_answer_and_no_cell_a_spreadsheet_would_run(classroom_engine):
    session = new_class(classroom_engine).session
    for name in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "Ann"):
        store.record_answer(
            classroom_engine, learner_of(classroom_engine, session, name), right_attempt(session, 1), 2, NOW
        )
    rows = results_csv(classroom_engine, session).splitlines()
    assert len(rows) == 6
    names = [row.split(",")[0].strip('"') for row in rows[1:]]
    assert names == ['\'=HYPERLINK(""http://x"")', "'+1", "'-2", "'@SUM(A1)", "Ann"]


def test_the_csv_has_titles_iso_times_and_a_row_for_a_learner_without_answers(classroom_engine):
    """Issue 23: the CSV had epoch times, ids alone, and no row for learners who answered nothing."""
    import csv
    import io

    session = new_class(classroom_engine).session
    store.record_answer(
        classroom_engine, learner_of(classroom_engine, session, "Ann"), right_attempt(session, 1), 2, NOW
    )
    learner_of(classroom_engine, session, "Bo")
    rows = list(csv.DictReader(io.StringIO(results_csv(classroom_engine, session))))
    (bug_id,) = exercise_set(42, "easy", 3)[0].bug_ids
    assert [row["display_name"] for row in rows] == ["Ann", "Bo"]
    assert rows[0]["mistakes"] == bug_id and rows[0]["mistake_titles"] == BUGS[bug_id].title
    assert rows[0]["answered_at"] == "2027-01-15T08:00:00+00:00"  # NOW, 1.8e9 s after the epoch
    assert rows[1]["exercise"] == "" and rows[1]["points"] == ""


# ------------------------------------------------------------------------------------------ an unusable database


@pytest.mark.postgres
def test_an_unreachable_database_gives_a_clear_message_without_its_password(postgres_server_url):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_server_url).set(port=1, password="hunter2-db-password")
    engine = create_engine(url)
    with pytest.raises(ClassroomUnavailable) as raised:
        prepare_engine(engine)
    message = str(raised.value)
    assert "cannot be reached" in message and "127.0.0.1:1" in message and "Nothing was saved" in message
    assert "hunter2" not in message


def test_a_locked_sqlite_database_says_busy_and_loses_nothing_acknowledged(tmp_path, monkeypatch):
    import lib.classroom.database as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # wait a fifth of a second, not five, for the writer
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    engine = prepare_engine(create_engine(url))
    session = new_class(engine).session
    learner = learner_of(engine, session)
    kept = store.record_answer(engine, learner, right_attempt(session, 1), 3, NOW)
    blocker = create_engine(url, isolation_level="AUTOCOMMIT")
    with blocker.connect() as connection:
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
        with pytest.raises(ClassroomUnavailable, match="busy"):
            store.record_answer(engine, learner, right_attempt(session, 2), 3, NOW)
        connection.exec_driver_sql("ROLLBACK")
    assert store.record_answer(engine, learner, right_attempt(session, 2), 3, NOW).exercise_number == 2
    assert store.learner_answers(engine, learner)[1] == kept
    assert count(engine, answers) == 2
    engine.dispose()
    blocker.dispose()


def test_a_database_url_that_cannot_be_read_says_how_to_write_one():
    from lib.classroom.database import connection_settings

    with pytest.raises(ClassroomUnavailable, match="dialect\\+driver://user:password@host/name"):
        connection_settings({"SIGNATURE_LAB_CLASSROOM_URL": "not a url"}, False, None)


def test_the_environment_wins_over_secrets_and_sqlite_comes_last(tmp_path):
    from lib.classroom.database import URL_VARIABLE, connection_settings

    assert connection_settings({URL_VARIABLE: "postgresql+psycopg://a@h/d"}, True, tmp_path)["url"].startswith(
        "postgresql"
    )
    assert "url" not in connection_settings({}, True, tmp_path)  # st.connection reads [connections.classroom]
    assert connection_settings({}, False, tmp_path)["url"] == f"sqlite:///{tmp_path.resolve() / 'classroom.sqlite3'}"
