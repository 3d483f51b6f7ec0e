"""The trainer's way into a class (lib.classroom.access), on SQLite and PostgreSQL: the trainer link opens the
console and only its hash is stored; the PIN is the way back and issues a fresh link; PIN tries are limited
per browser session and per source with a delay that grows, and no guessing ever touches the link."""

import threading

import pytest
from alembic import command
from sqlalchemy import create_engine, event, inspect, select, text

from lib.classroom import access, store
from lib.classroom.access import PinGuesses, WrongPin, console_class, delay_after, open_console_with_pin
from lib.classroom.database import _alembic_config, current_revision, head_revision, prepare_engine
from lib.classroom.schema import classes, pin_guesses

NOW = 1_800_000_000.0
LEARNER, TRAINER = "192.0.2.10", "198.51.100.7"  # two sources (documentation addresses)
FREE_TRIES = 5  # the limits docs/classroom.md promises, written out: not the constants under test
FIRST_DELAY, MAX_DELAY = 30, 3600


def source_wait(engine, source, now):
    """Seconds before this source's next PIN try is taken, as the database holds it (0: at once)."""
    with engine.connect() as connection:
        until = connection.execute(
            select(pin_guesses.c.blocked_until).where(pin_guesses.c.source_hash == store.key_hash(source))
        ).scalar_one_or_none()
    return max(0.0, (until or 0.0) - now)


def new_class(engine):
    return store.create_class(engine, "Team training", 42, "easy", 3, NOW)


def wrong(pin):
    return f"{(int(pin) + 1) % 10**6:06d}"


def try_pin(engine, started, pin, source=LEARNER, guesses=None, now=NOW):
    """One PIN try; the session's count after it (refused) or the fresh key (opened)."""
    try:
        session, key = open_console_with_pin(
            engine, started.session.join_code, pin, source, guesses or PinGuesses(), now
        )
    except WrongPin as refused:
        return refused.guesses, str(refused)
    assert session == started.session
    return None, key


# ------------------------------------------------------------------------------------------ the trainer link


def test_the_trainer_link_opens_its_console_and_only_hashes_are_stored(classroom_engine):
    started = new_class(classroom_engine)
    assert store.TRAINER_KEY_BYTES * 8 >= 128 and len(started.trainer_key) >= 43  # token_urlsafe(32)
    assert console_class(classroom_engine, started.trainer_key) == started.session
    with classroom_engine.connect() as connection:
        row = " ".join(str(value) for value in connection.execute(select(classes)).one())
    assert started.trainer_key not in row and started.pin not in row
    assert store.key_hash(started.trainer_key) in row


@pytest.mark.parametrize("key", [None, "", "a-key-no-class-has", "cut"])
def test_no_key_or_an_unknown_one_opens_nothing(classroom_engine, key):
    started = new_class(classroom_engine)
    assert console_class(classroom_engine, key) is None
    assert console_class(classroom_engine, started.trainer_key[:-1]) is None


def test_two_classes_have_two_links(classroom_engine):
    first, second = new_class(classroom_engine), new_class(classroom_engine)
    assert first.trainer_key != second.trainer_key
    assert console_class(classroom_engine, second.trainer_key) == second.session


# ------------------------------------------------------------------------------------------ the PIN, the way back


def test_the_pin_opens_the_console_with_a_fresh_link_that_replaces_the_old(classroom_engine):
    started = new_class(classroom_engine)
    guesses, key = try_pin(classroom_engine, started, started.pin)
    assert guesses is None and key != started.trainer_key and len(key) >= 43
    assert console_class(classroom_engine, key) == started.session
    assert console_class(classroom_engine, started.trainer_key) is None  # the lost link no longer opens it


def test_a_pin_is_compared_in_constant_time(classroom_engine, monkeypatch):
    started = new_class(classroom_engine)
    compared = []
    real = access.hmac.compare_digest
    monkeypatch.setattr(access.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    try_pin(classroom_engine, started, started.pin)
    assert len(compared) == 1


def test_a_wrong_pin_or_code_says_the_same_and_changes_no_link(classroom_engine):
    started = new_class(classroom_engine)
    for code, typed in ((started.session.join_code, wrong(started.pin)), ("2222-2222", started.pin)):
        with pytest.raises(WrongPin, match="^This join code and PIN do not open a class.$"):
            open_console_with_pin(classroom_engine, code, typed, LEARNER, PinGuesses(), NOW)
    assert console_class(classroom_engine, started.trainer_key) == started.session


def test_an_empty_pin_or_an_unreadable_code_says_what_to_type_and_counts_for_nothing(classroom_engine):
    started = new_class(classroom_engine)
    for _ in range(FREE_TRIES + 1):
        with pytest.raises(store.ClassroomError, match="Type the 6-digit trainer PIN") as refused:
            open_console_with_pin(classroom_engine, started.session.join_code, "  ", LEARNER, PinGuesses(), NOW)
        assert not isinstance(refused.value, WrongPin)
        with pytest.raises(store.ClassroomError, match="never 0, 1, I or O"):
            open_console_with_pin(classroom_engine, "0000-0000", started.pin, LEARNER, PinGuesses(), NOW)
    assert try_pin(classroom_engine, started, started.pin)[0] is None


# ------------------------------------------------------------------------------------------ the delay


@pytest.mark.parametrize(
    "tries, delay",
    [
        (0, 0),
        (FREE_TRIES - 1, 0),
        (FREE_TRIES, FIRST_DELAY),
        (FREE_TRIES + 1, 2 * FIRST_DELAY),
        (FREE_TRIES + 2, 4 * FIRST_DELAY),
        (FREE_TRIES + 6, 64 * FIRST_DELAY),  # 1920 s: below the cap
        (FREE_TRIES + 7, MAX_DELAY),  # 3840 s capped: at it
        (FREE_TRIES + 30, MAX_DELAY),  # above
    ],
)
def test_the_delay_starts_after_the_free_tries_and_doubles_up_to_an_hour(tries, delay):
    assert delay_after(tries) == delay


@pytest.mark.parametrize("tries, opens", [(FREE_TRIES - 1, True), (FREE_TRIES, False), (FREE_TRIES + 1, False)])
def test_a_browser_session_waits_after_its_free_tries_whatever_its_source(classroom_engine, tries, opens):
    """Each try from another source: only the session's own count can hold it back."""
    started = new_class(classroom_engine)
    guesses, now = PinGuesses(), NOW
    for number in range(tries):
        now = max(now, guesses.blocked_until)  # a try past the free ones waits its delay first
        guesses, said = try_pin(classroom_engine, started, wrong(started.pin), f"203.0.113.{number}", guesses, now)
        assert said == access.WRONG
    assert guesses.tries == tries
    refused, said = try_pin(classroom_engine, started, started.pin, "203.0.113.200", guesses, now)
    if opens:
        assert refused is None
    else:
        assert refused == guesses and said.startswith("Too many PIN tries from this browser or this network")
        assert f"in {int(delay_after(tries)) + 1} s" in said
        assert (
            try_pin(classroom_engine, started, started.pin, "203.0.113.200", guesses, guesses.blocked_until)[0] is None
        )


@pytest.mark.parametrize("tries, opens", [(FREE_TRIES - 1, True), (FREE_TRIES, False), (FREE_TRIES + 1, False)])
def test_a_source_waits_after_its_free_tries_whatever_its_sessions(classroom_engine, tries, opens):
    """Each try from a new browser session (a new tab, cleared cookies): the source's count holds it back."""
    started = new_class(classroom_engine)
    now = NOW
    for _ in range(tries):
        now += source_wait(classroom_engine, LEARNER, now)
        assert try_pin(classroom_engine, started, wrong(started.pin), LEARNER, PinGuesses(), now)[1] == access.WRONG
    refused, said = try_pin(classroom_engine, started, started.pin, LEARNER, PinGuesses(), now)
    assert (refused is None) == opens
    if not opens:
        assert source_wait(classroom_engine, LEARNER, now) == delay_after(tries)
        assert try_pin(classroom_engine, started, started.pin, TRAINER)[0] is None  # another source opens it


@pytest.mark.parametrize("after, opens", [(-1, False), (0, True), (1, True)])
def test_a_source_s_wait_ends_after_its_seconds(classroom_engine, after, opens):
    started = new_class(classroom_engine)
    for _ in range(FREE_TRIES):
        try_pin(classroom_engine, started, wrong(started.pin))
    at = NOW + FIRST_DELAY + after
    assert (try_pin(classroom_engine, started, started.pin, now=at)[0] is None) == opens


def test_a_source_s_wait_doubles_with_each_try_past_the_free_ones(classroom_engine):
    started = new_class(classroom_engine)
    now, waits = NOW, []
    for _ in range(FREE_TRIES + 3):
        now += source_wait(classroom_engine, LEARNER, now)
        try_pin(classroom_engine, started, wrong(started.pin), now=now)
        waits.append(source_wait(classroom_engine, LEARNER, now))
    assert waits == [0] * (FREE_TRIES - 1) + [FIRST_DELAY, 2 * FIRST_DELAY, 4 * FIRST_DELAY, 8 * FIRST_DELAY]


def test_a_try_that_waits_is_not_counted_and_the_right_pin_clears_the_count(classroom_engine):
    started = new_class(classroom_engine)
    for _ in range(FREE_TRIES):
        try_pin(classroom_engine, started, wrong(started.pin))
    for _ in range(3):  # refused without a check: the wait does not grow
        assert try_pin(classroom_engine, started, wrong(started.pin), now=NOW + 1)[1].startswith("Too many")
    assert source_wait(classroom_engine, LEARNER, NOW) == FIRST_DELAY
    assert try_pin(classroom_engine, started, started.pin, now=NOW + FIRST_DELAY)[0] is None
    with classroom_engine.connect() as connection:
        assert connection.execute(select(pin_guesses)).all() == []
    for _ in range(FREE_TRIES - 1):  # the count starts again from nothing
        try_pin(classroom_engine, started, wrong(started.pin), now=NOW + FIRST_DELAY)
    assert source_wait(classroom_engine, LEARNER, NOW + FIRST_DELAY) == 0


def test_a_source_s_count_is_forgotten_twelve_hours_after_its_last_try(classroom_engine):
    started = new_class(classroom_engine)
    for _ in range(FREE_TRIES):
        try_pin(classroom_engine, started, wrong(started.pin))
    later = NOW + 12 * 3600 + 1
    try_pin(classroom_engine, started, wrong(started.pin), source=TRAINER, now=later)  # any try sweeps old counts
    with classroom_engine.connect() as connection:
        assert connection.execute(select(pin_guesses.c.source_hash)).scalars().all() == [store.key_hash(TRAINER)]


def test_guessing_never_touches_the_trainer_link(classroom_engine):
    started = new_class(classroom_engine)
    now = NOW
    for _ in range(FREE_TRIES + 4):
        now += source_wait(classroom_engine, LEARNER, now)
        try_pin(classroom_engine, started, wrong(started.pin), now=now)
    assert source_wait(classroom_engine, LEARNER, now) > 0
    assert console_class(classroom_engine, started.trainer_key) == started.session


def test_tries_sent_at_once_from_one_source_are_each_counted_before_the_check(classroom_url, monkeypatch):
    """Ten sessions of one source try at the same moment: only the free tries reach a PIN check."""
    engine = prepare_engine(create_engine(classroom_url, pool_size=10))
    started = new_class(engine)
    checked, lock, outcomes = [], threading.Lock(), []
    real_hash = access.pin_hash
    all_ready = threading.Barrier(10)

    def counted_hash(pin, salt):
        with lock:
            checked.append(pin)
        return real_hash(pin, salt)

    def one_try():
        all_ready.wait(timeout=60)
        outcomes.append(try_pin(engine, started, wrong(started.pin))[1])

    monkeypatch.setattr(access, "pin_hash", counted_hash)
    threads = [threading.Thread(target=one_try) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    assert len(checked) == FREE_TRIES
    assert sorted(outcome == access.WRONG for outcome in outcomes) == [False] * 5 + [True] * 5


# ------------------------------------------------------------------------------------------ an older database


def test_a_class_made_before_trainer_links_upgrades_and_its_pin_issues_one(classroom_url):
    """A database of revision 0002 (per-class PIN counters, no link) holding a class: it upgrades, the class
    stays, and its PIN opens the console with a link."""
    engine = create_engine(classroom_url)
    salt = "ab" * 16
    try:
        with engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO classes (join_code, title, seed, difficulty, exercise_count, pin_salt, pin_hash, "
                    "pin_failures, pin_blocked_until, created_at, expires_at) VALUES ('ABCDEFGH', 'Old class', 7, "
                    "'easy', 3, :salt, :hash, 4, :blocked, :now, :expires)"
                ),
                {
                    "salt": salt,
                    "hash": store.pin_hash("123456", salt),
                    "blocked": NOW + 30,
                    "now": NOW,
                    "expires": NOW + 3600,
                },
            )
        prepare_engine(engine)
        assert current_revision(engine) == head_revision()
        assert "pin_failures" not in {column["name"] for column in inspect(engine).get_columns("classes")}
        old = store.find_class(engine, "ABCDEFGH")
        assert old.title == "Old class" and old.exercise_count == 3
        session, key = open_console_with_pin(engine, "ABCD-EFGH", "123456", TRAINER, PinGuesses(), NOW)
        assert session == old and console_class(engine, key) == old
    finally:
        engine.dispose()


def test_a_first_try_counted_by_another_server_meanwhile_is_not_lost(classroom_url):
    """PostgreSQL: another server inserts this source's row between this try's UPDATE (no row yet) and its
    SELECT. The try must then be counted on that row, not let through uncounted."""
    if classroom_url.startswith("sqlite"):
        pytest.skip("SQLite holds the write lock from the UPDATE on: no other writer can come between")
    engine, other_server = prepare_engine(create_engine(classroom_url)), create_engine(classroom_url)
    started = new_class(engine)
    inserted = []

    def insert_after_the_empty_update(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE PIN_GUESSES") and cursor.rowcount == 0 and not inserted:
            inserted.append(True)
            with other_server.begin() as other:
                other.execute(
                    pin_guesses.insert(),
                    {"source_hash": store.key_hash(LEARNER), "tries": 1, "blocked_until": NOW, "last_try_at": NOW},
                )

    event.listen(engine, "after_cursor_execute", insert_after_the_empty_update)
    try:
        try_pin(engine, started, wrong(started.pin))
        with engine.connect() as connection:
            assert connection.execute(select(pin_guesses.c.tries)).scalar_one() == 2  # theirs and this one
    finally:
        engine.dispose()
        other_server.dispose()
