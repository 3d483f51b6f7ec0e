"""A class under load, on more than one server, and through a server crash (issue 15, "Measure").

Learners speak Streamlit's websocket protocol (tests/support/streamlit_session.py): each joins through the join form
of Find the bug, then answers exercise after exercise as a browser would (picks in the two multiselects,
Check, Next). An answer counts as acknowledged only once the page shows the "Saved for your trainer"
container, and the database must then hold exactly the acknowledged answers: none lost, none twice, each
with the picks sent. The time from pressing Check to that acknowledgement is printed and written to
test-artifacts/classroom-load.json. LOAD_SECONDS shortens the load (60 s by default; CI runs 30 s,
.ci/run).
"""

import asyncio
import collections
import concurrent.futures
import contextlib
import json
import os
import signal
import statistics
import subprocess
import time
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, select

from bench.browser import free_port, start_streamlit, streamlit_servers, wait_healthy
from lib import widget_keys
from lib.classroom.database import URL_VARIABLE, prepare_engine
from lib.classroom.schema import MAX_EXERCISES, answers, learners
from lib.classroom.store import create_class, shown_join_code
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import exercise_set
from support import pages
from support.paths import ROOT
from support.postgres import new_postgres_database
from support.streamlit_session import StreamlitSession

pytestmark = pytest.mark.load
LEARNERS = 50
SERVE_A_ROOM = ["run", "app.py", "--server.fileWatcherType", "none"]
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
SEED, DIFFICULTY = 42, "medium"
PAGE = pages.EXERCISES.url_path
KEYS = widget_keys.EXERCISES
TRAINER = widget_keys.TRAINER
CAUSES_PREFIX = KEYS["causes"].format(exercise_id="")
REPORT = ROOT / "test-artifacts" / "classroom-load.json"


class LearnerError(Exception):
    """What a learner saw go wrong: the load test's error list names it."""


@dataclass(frozen=True)
class Ack:
    """An answer the page acknowledged as stored, with what the learner picked."""

    name: str
    number: int
    causes: frozenset
    fixes: frozenset


@dataclass
class Room:
    """One class and what its learners saw: acknowledged answers, Check → saved times, errors, resume keys."""

    class_id: int
    code: str
    exercises: tuple
    acks: list
    latencies: list
    errors: list
    keys: dict  # display name -> resume key (the learner's query string)


def new_room(database_url, exercise_count=MAX_EXERCISES):
    engine = prepare_engine(create_engine(database_url))
    try:
        started = create_class(engine, "Load test", SEED, DIFFICULTY, exercise_count, time.time())
    finally:
        engine.dispose()
    session = started.session
    room = Room(session.id, session.join_code, exercise_set(SEED, DIFFICULTY, exercise_count), [], [], [], {})
    return room, started.trainer_key


def server_env(database_url):
    return {**os.environ, URL_VARIABLE: database_url}


def shown_exercise(room, shown):
    """The exercise whose answer form the run shows (its multiselect keys carry the exercise's id)."""
    keys = shown.keys_starting(CAUSES_PREFIX)
    if len(keys) != 1:
        raise LearnerError(f"expected one answer form, the page shows {keys} (alerts: {shown.alerts})")
    exercise_id = keys[0].removeprefix(CAUSES_PREFIX)
    return next(e for e in room.exercises if e.id == exercise_id)


def picks(exercise, shown):
    """The right causes (by their titles) and the last fixes offered: a mix of right and wrong answers."""
    count = len(exercise.bug_ids)
    causes = [BUGS[bug_id].title for bug_id in exercise.bug_ids]
    fixes = shown.options[KEYS["fixes"].format(exercise_id=exercise.id)][-count:]
    fix_ids = {BUGS[bug_id].fix: bug_id for bug_id in exercise.fix_options}
    values = {
        KEYS["causes"].format(exercise_id=exercise.id): causes,
        KEYS["fixes"].format(exercise_id=exercise.id): fixes,
    }
    return values, frozenset(exercise.bug_ids), frozenset(fix_ids[text] for text in fixes)


async def join(session, room, name):
    """Open Find the bug, fill the class's join form and press Join, as a learner does."""
    opened = await session.run(PAGE)
    joined = await session.press(
        PAGE, opened, KEYS["class_join"], {KEYS["class_code"]: shown_join_code(room.code), KEYS["class_name"]: name}
    )
    if joined.exceptions or not joined.has_block(KEYS["class_banner"]):
        raise LearnerError(f"{name} could not join: {joined.exceptions or joined.alerts}")
    if not session.query_string.startswith(f"{widget_keys.LEARNER_PARAM}="):
        raise LearnerError(f"{name} joined, but the page did not put the resume key in its address")
    room.keys[name] = session.query_string
    return joined


async def answer(session, room, name, shown):
    """Answer the exercise shown; returns the run after Check once the page acknowledged the stored answer."""
    exercise = shown_exercise(room, shown)
    values, causes, fixes = picks(exercise, shown)
    started = time.monotonic()
    checked = await session.press(PAGE, shown, KEYS["check"], values)
    if checked.exceptions or not checked.has_block(KEYS["saved"]):
        raise LearnerError(f"{name}, exercise {exercise.number}: no ack ({checked.exceptions or checked.alerts})")
    room.latencies.append(time.monotonic() - started)
    room.acks.append(Ack(name, exercise.number, causes, fixes))
    return exercise, checked


async def answer_until(session, room, name, shown, deadline):
    """Answer exercise after exercise until the deadline or the last exercise; True when the set is done."""
    while time.monotonic() < deadline:
        exercise, checked = await answer(session, room, name, shown)
        if exercise.number == len(room.exercises):
            return True
        shown = await session.press(PAGE, checked, KEYS["next"])
        if shown_exercise(room, shown).number != exercise.number + 1:
            raise LearnerError(f"{name}: Next after exercise {exercise.number} did not show the next one")
    return False


async def learner(url, room, number, deadline, on_sent=None):
    """One learner's place: join, answer until the deadline; after the last exercise, someone new joins."""
    generation = 0
    try:
        while time.monotonic() < deadline:
            name = f"learner {number}" + (f" ({generation})" if generation else "")
            generation += 1
            async with StreamlitSession(url, on_sent=on_sent) as session:  # a new browser tab for each new learner
                if not await answer_until(session, room, name, await join(session, room, name), deadline):
                    return
    except Exception as exc:  # a dropped connection or a protocol failure is an error of the load test
        room.errors.append(f"learner {number}: {type(exc).__name__}: {exc}")


def in_thread(coroutine):
    """Run the coroutine in a thread of its own: Playwright's sync API (a browser test run earlier in the
    session) keeps an event loop running in the main thread, and asyncio.run refuses to nest."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def run_learners(urls, room, seconds):
    """LEARNERS learners answering for `seconds`, spread over the servers in turn."""
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(learner(urls[n % len(urls)], room, n, deadline) for n in range(LEARNERS)))


def stored_answers(database_url, room):
    """(display name, exercise number) -> (causes, fixes) of every answer the class has in the database."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(learners.c.display_name, answers.c.exercise_number, answers.c.causes, answers.c.fixes)
                .join(learners, learners.c.id == answers.c.learner_id)
                .where(learners.c.class_id == room.class_id)
            ).all()
    finally:
        engine.dispose()
    stored = collections.Counter((row.display_name, row.exercise_number) for row in rows)
    assert max(stored.values(), default=1) == 1, "the database holds two answers to one exercise"
    return {
        (row.display_name, row.exercise_number): (frozenset(row.causes.split()), frozenset(row.fixes.split()))
        for row in rows
    }


def acknowledged(room):
    """The acknowledged answers as the database should hold them (an exercise acknowledged twice fails)."""
    counted = collections.Counter((ack.name, ack.number) for ack in room.acks)
    assert max(counted.values(), default=1) == 1, "the page acknowledged one exercise twice"
    return {(ack.name, ack.number): (ack.causes, ack.fixes) for ack in room.acks}


def report(configuration, room, rows, servers):
    """The figures, added to test-artifacts/classroom-load.json under this configuration."""
    acked = acknowledged(room)
    enough = len(room.latencies) >= 2  # a run that failed early still reports what it saw
    figures = {
        "learners": LEARNERS,
        "servers": servers,
        "seconds": SECONDS,
        "learners_joined": len(room.keys),
        "answers_acknowledged": len(room.acks),
        "answer_rows": len(rows),
        "lost": len(acked.keys() - rows.keys()),  # acknowledged, not in the database
        "unacknowledged_rows": len(rows.keys() - acked.keys()),
        "errors": len(room.errors),
        "median_ms": round(statistics.median(room.latencies) * 1000, 1) if enough else None,
        "p95_ms": round(statistics.quantiles(room.latencies, n=20)[-1] * 1000, 1) if enough else None,
        "load_average": round(os.getloadavg()[0], 1),  # the machine is shared: how busy it was
    }
    REPORT.parent.mkdir(exist_ok=True)
    everything = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    REPORT.write_text(json.dumps(everything | {configuration: figures}, indent=2))
    return figures


def check_load(database_url, room, servers, configuration, capsys):
    urls, log = servers
    in_thread(run_learners(urls, room, SECONDS))
    rows = stored_answers(database_url, room)
    figures = report(configuration, room, rows, len(urls))
    with capsys.disabled():  # in CI's log too, not only in the artifact
        print(f"\nclassroom load ({configuration}): {json.dumps(figures)}")
    assert room.errors == [], f"the servers said:\n{log.read_text()[-3000:]}"
    assert len(room.acks) >= LEARNERS
    assert rows == acknowledged(room)  # none lost, none unacknowledged (stored_answers: none twice), picks as sent


@contextlib.contextmanager
def servers_on(database_url, count, folder):
    """`count` servers of the app on this classroom database, started as README's "Running a classroom" says
    to serve a room (no file watcher): their URLs, and the file with their output."""
    log_path = folder / "servers.log"
    with open(log_path, "w") as log:
        with streamlit_servers(count, SERVE_A_ROOM, server_env(database_url), log) as urls:
            yield urls, log_path


@pytest.fixture(scope="module")
def postgres_servers(postgres_server_url, tmp_path_factory):
    """Two servers on two ports sharing one PostgreSQL database: ((their URLs, their output), the database URL)."""
    with new_postgres_database(postgres_server_url) as database_url:
        engine = prepare_engine(create_engine(database_url))  # the schema, before both servers start
        engine.dispose()
        with servers_on(database_url, 2, tmp_path_factory.mktemp("postgres-servers")) as servers:
            yield servers, database_url


def test_fifty_learners_on_one_server_with_sqlite(tmp_path, capsys):
    database_url = f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    room, _ = new_room(database_url)  # the file and its schema, before the server opens it
    with servers_on(database_url, 1, tmp_path) as servers:
        check_load(database_url, room, servers, "sqlite_one_server", capsys)


@pytest.mark.postgres
def test_fifty_learners_on_two_servers_sharing_postgresql(postgres_servers, capsys):
    servers, database_url = postgres_servers
    room, _ = new_room(database_url)
    check_load(database_url, room, servers, "postgresql_two_servers", capsys)


# ------------------------------------------------------------------------------------------ two servers, one class


def trainer_link(trainer_key):
    """The query string of the trainer link (lib.classroom.access): it opens the console on any server."""
    return f"{TRAINER['link_param']}={trainer_key}"


async def open_trainer_view(session):
    """The trainer page's console of the class, opened on the trainer link."""
    view = await session.run(pages.TRAINER.url_path)
    assert view.has_block(TRAINER["room"]), view.alerts
    return view


def progress(view):
    """The trainer's learners table: display name -> (answered, score)."""
    (table,) = view.tables
    return {row["learner"]: (row["answered"], row["score"]) for row in table}


async def refreshed(session, view):
    """The live view as its timed refresh (st.fragment(run_every=...)) redraws it, as the browser asks."""
    (fragment_id,) = view.auto_reruns
    return await session.run(pages.TRAINER.url_path, fragment_id=fragment_id)


async def learners_and_trainers_on_two_servers(urls, room, trainer_key):
    server_a, server_b = urls
    async with StreamlitSession(server_a) as ann, StreamlitSession(server_b) as bob:
        checked = (await answer(ann, room, "Ann", await join(ann, room, "Ann")))[1]
        await answer(ann, room, "Ann", await ann.press(PAGE, checked, KEYS["next"]))
        await answer(bob, room, "Bob", await join(bob, room, "Bob"))
    async with StreamlitSession(server_b) as someone:  # one name per class, whichever server Ann joined on
        opened = await someone.run(PAGE)
        refused = await someone.press(
            PAGE, opened, KEYS["class_join"], {KEYS["class_code"]: room.code, KEYS["class_name"]: "Ann"}
        )
        assert not refused.has_block(KEYS["class_banner"])
        assert any("already uses the name" in alert for alert in refused.alerts), refused.alerts
    link = trainer_link(trainer_key)
    async with StreamlitSession(server_a, link) as trainer_a, StreamlitSession(server_b, link) as trainer_b:
        views = [await open_trainer_view(trainer_a), await open_trainer_view(trainer_b)]
        for view in views:
            assert (view.metrics["Learners"], view.metrics["Answers"]) == ("2", "3 / 6")
            assert {name: answered for name, (answered, _) in progress(view).items()} == {
                "Ann": "2 / 3",
                "Bob": "1 / 3",
            }
        assert progress(views[0]) == progress(views[1])
        # Ann's link opens her place on the other server: the first exercise she has not answered
        async with StreamlitSession(server_b, room.keys["Ann"]) as ann_on_b:
            shown = await ann_on_b.run(PAGE)
            assert ann_on_b.query_string == room.keys["Ann"]
            assert shown.has_block(KEYS["class_banner"]) and shown_exercise(room, shown).number == 3
            await answer(ann_on_b, room, "Ann", shown)
        # both trainer views show it at their next refresh
        for session, view in ((trainer_a, views[0]), (trainer_b, views[1])):
            now = await refreshed(session, view)
            assert (now.metrics["Learners"], now.metrics["Answers"]) == ("2", "4 / 6")
            assert progress(now)["Ann"][0] == "3 / 3"


@pytest.mark.postgres
def test_learners_and_trainers_on_two_servers_see_one_class(postgres_servers):
    (urls, _), database_url = postgres_servers
    room, trainer_key = new_room(database_url, exercise_count=3)
    in_thread(learners_and_trainers_on_two_servers(urls, room, trainer_key))
    assert stored_answers(database_url, room) == acknowledged(room)


# ------------------------------------------------------------------------------------------ a server killed mid-class

KILLED_LEARNERS = 10
KILL_AFTER_ACKS = 2  # answers each learner has acknowledged before the kill, which lands on a Check in flight
DROPPED = ("ConnectionClosed", "ConnectionRefusedError")  # what a learner sees of a server that died


@contextlib.contextmanager
def server_process(database_url, port, log):
    """`streamlit run app.py` on this port and database, healthy; yields its process, killed on leaving."""
    process = start_streamlit(SERVE_A_ROOM, port, server_env(database_url), log)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process=process)
        yield process
    finally:
        process.kill()
        process.wait()


async def answer_until_killed(url, room, process):
    """KILLED_LEARNERS learners answer; once each has KILL_AFTER_ACKS answers acknowledged, the next Check
    sent to the server is followed at once by SIGKILL, so the server dies mid-session with an answer in flight."""

    def kill_on_check(request):
        pressed = {state.id.rsplit("-", 1)[1] for state in request.widget_states.widgets if state.trigger_value}
        acked = collections.Counter(ack.name for ack in room.acks)
        everyone = sum(count >= KILL_AFTER_ACKS for count in acked.values()) >= KILLED_LEARNERS
        if KEYS["check"] in pressed and everyone and process.poll() is None:
            process.kill()

    give_up = time.monotonic() + 120  # the learners stop when the server dies under them, or give up
    await asyncio.gather(*(learner(url, room, n, give_up, kill_on_check) for n in range(KILLED_LEARNERS)))


async def continue_after_restart(url, room, stored):
    """Each learner opens their link again: the page shows the first exercise the database has no answer to,
    and the answer to it is stored."""
    for name, key in room.keys.items():
        async with StreamlitSession(url, key) as session:
            shown = await session.run(PAGE)
            answered = {number for (who, number) in stored if who == name}
            first_open = min(set(range(1, len(room.exercises) + 1)) - answered)
            assert shown.has_block(KEYS["class_banner"]), (name, shown.alerts)
            assert shown_exercise(room, shown).number == first_open, name
            await answer(session, room, name, shown)


def test_a_killed_server_loses_no_acknowledged_answer_and_learners_continue(classroom_url, tmp_path, capsys):
    room, _ = new_room(classroom_url)
    port = free_port()
    with open(tmp_path / "servers.log", "w") as log:
        with server_process(classroom_url, port, log) as process:
            in_thread(answer_until_killed(f"http://127.0.0.1:{port}", room, process))
            with contextlib.suppress(subprocess.TimeoutExpired):  # exiting after SIGKILL takes a moment
                process.wait(timeout=30)
            assert process.returncode == -signal.SIGKILL, room.errors  # the kill ended the learners, no error
        assert len(room.errors) == KILLED_LEARNERS, room.errors  # every learner lost the server mid-session
        assert all(any(dropped in error for dropped in DROPPED) for error in room.errors), room.errors
        acked = acknowledged(room)
        stored = stored_answers(classroom_url, room)
        assert acked.items() <= stored.items()  # every acknowledged answer survived, with its picks
        in_flight = stored.keys() - acked.keys()  # stored, but the server died before it could say so
        assert len(in_flight) <= KILLED_LEARNERS
        with server_process(classroom_url, port, log):  # the same address: the learners' links work again
            in_thread(continue_after_restart(f"http://127.0.0.1:{port}", room, stored))
    assert stored_answers(classroom_url, room) == acknowledged(room) | {key: stored[key] for key in in_flight}
    with capsys.disabled():
        print(f"\nkilled server: {len(acked)} answers acknowledged before SIGKILL, {len(in_flight)} stored in flight")
