"""A class session kept in a database: the trainer creates it, learners join with its code, each answer
is stored the moment it is given, and the trainer (with the trainer link, lib.classroom.access) reads the
room's results.

Every function takes the engine and returns plain values, so each server of a room, and every test,
sees the same state: nothing about a class is kept in this module or in one server's memory.
Learners are known by a random resume key (only its SHA-256 is stored), which their browser keeps in
the page's address: a reload, or the same link later, continues where they were.
"""

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from lib.classroom.database import unavailable_as_message
from lib.classroom.schema import JOIN_CODE_LENGTH, MAX_EXERCISES, NAME_LENGTH, TITLE_LENGTH, answers, classes, learners
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import DIFFICULTIES, EXERCISE_FAMILIES, Attempt, Exercise
from lib.training.scoring import Judgement, judge
from lib.zoom.families import FAMILIES, MEETING_WEB

JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 signs, none that reads as another (0/O, 1/I)
JOIN_CODE_BITS = 40  # 8 signs of 5 bits: a guessed code joins one of 10^12, no class
PIN_DIGITS = 6
PIN_ITERATIONS = 100_000
TRAINER_KEY_BYTES = 32  # the trainer link's key: 256 random bits (secrets.token_urlsafe)
CLASS_HOURS = 12  # a class's code stops joining this long after it was created, or when it is closed


class ClassroomError(ValueError):
    """Input or a class's state that refuses the request; the message says what to do."""


@dataclass(frozen=True)
class ClassSession:
    id: int
    join_code: str
    title: str
    seed: int
    difficulty: str
    exercise_count: int
    created_at: float
    expires_at: float
    closed_at: float | None
    family: str = MEETING_WEB  # which SDK's exercise set (lib.zoom.families)

    @property
    def sdk_title(self) -> str:
        """The SDK whose exercises the class does, in the words of the family selector."""
        return FAMILIES[self.family].title

    def open_at(self, now: float) -> bool:
        return self.closed_at is None and now < self.expires_at

    def state_at(self, now: float) -> str:
        if self.closed_at is not None:
            return "closed"
        return "open" if now < self.expires_at else "expired"


@dataclass(frozen=True)
class Learner:
    id: int
    class_id: int
    display_name: str


@dataclass(frozen=True)
class StoredAnswer:
    exercise_number: int
    mistakes: tuple[str, ...]
    causes: tuple[str, ...]
    fixes: tuple[str, ...]
    seconds_taken: float | None
    answered_at: float

    @property
    def judgement(self) -> Judgement:
        """Judged again from the picks, by the one rule every view reads (never the stored verdict)."""
        return judge(self.mistakes, self.causes, self.fixes)

    @property
    def points(self) -> int:
        return self.judgement.points


# ------------------------------------------------------------------------------------------ codes, PINs


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def shown_join_code(code: str) -> str:
    """ABCD-EFGH: easier to read aloud and to type."""
    return f"{code[:4]}-{code[4:]}"


def normalised_join_code(typed: str) -> str:
    """What the learner typed, without spaces and dashes, in capitals; a clear error if it cannot be a code."""
    code = "".join(typed.split()).replace("-", "").upper()
    if not code:
        raise ClassroomError("Type the join code your trainer shows, for example 7KQM-3XHT.")
    wrong = sorted({sign for sign in code if sign not in JOIN_CODE_ALPHABET})
    if wrong:
        raise ClassroomError(
            f"A join code has only capital letters and digits 2–9, never 0, 1, I or O; found {' '.join(wrong)}."
        )
    if len(code) != JOIN_CODE_LENGTH:
        raise ClassroomError(f"A join code has {JOIN_CODE_LENGTH} signs; this one has {len(code)}.")
    return code


def new_pin() -> str:
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def new_trainer_key() -> str:
    return secrets.token_urlsafe(TRAINER_KEY_BYTES)


def pin_hash(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), PIN_ITERATIONS).hex()


def key_hash(key: str) -> str:
    """What is stored of a learner's resume key or a trainer link's key: its SHA-256."""
    return hashlib.sha256(key.encode()).hexdigest()


def checked_display_name(name: str, secrets_seen=()) -> str:
    """The name as stored: trimmed, 1..40 printable characters, and never a secret or token typed elsewhere
    in this browser session (a learner's name is shown to the trainer and kept in the database)."""
    name = " ".join(name.split())
    if not name:
        raise ClassroomError("Type a display name: the trainer sees it next to your answers.")
    if len(name) > NAME_LENGTH:
        raise ClassroomError(f"A display name has at most {NAME_LENGTH} characters; this one has {len(name)}.")
    if any(unicodedata.category(sign).startswith("C") for sign in name):
        raise ClassroomError("A display name cannot contain control or invisible characters.")
    if any(len(value) >= 8 and (value in name or name in value) for value in secrets_seen if value):
        raise ClassroomError(
            "That name contains an SDK secret typed on another page. Pick another name: secrets are never stored."
        )
    if name.count(".") == 2 and name.startswith("eyJ"):
        raise ClassroomError("That name looks like a token. Pick another name: tokens are never stored.")
    return name


NAME_FIELD_CHARACTERS = 4 * NAME_LENGTH  # the name field takes a longer paste, so it gets a message, not a cut


def name_key(name: str) -> str:
    """What makes two display names one in a class: trimmed, inner spaces collapsed, case-folded."""
    return " ".join(name.split()).casefold()


# ------------------------------------------------------------------------------------------ classes


def class_from(row) -> ClassSession:
    return ClassSession(
        row.id,
        row.join_code,
        row.title,
        row.seed,
        row.difficulty,
        row.exercise_count,
        row.created_at,
        row.expires_at,
        row.closed_at,
        row.family,
    )


CLASS_COLUMNS = (
    classes.c.id,
    classes.c.join_code,
    classes.c.title,
    classes.c.seed,
    classes.c.difficulty,
    classes.c.exercise_count,
    classes.c.created_at,
    classes.c.expires_at,
    classes.c.closed_at,
    classes.c.family,
)


class StartedClass(NamedTuple):
    """A class just created, with what opens its console: both shown once, only their hashes stored."""

    session: ClassSession
    pin: str  # the way back when the link is lost
    trainer_key: str  # the trainer link's key


def create_class(
    engine: Engine,
    title: str,
    seed: int,
    difficulty: str,
    exercise_count: int,
    now: float,
    family: str = MEETING_WEB,
) -> StartedClass:
    """A new class doing the exercise set of this seed, difficulty, size and token family, its trainer PIN and its
    trainer link's key."""
    title = " ".join(title.split())
    if not title or len(title) > TITLE_LENGTH:
        raise ClassroomError(f"Give the class a title of 1 to {TITLE_LENGTH} characters.")
    if difficulty not in DIFFICULTIES:
        raise ClassroomError(f"Difficulty is one of {', '.join(DIFFICULTIES)}.")
    if not 1 <= exercise_count <= MAX_EXERCISES:
        raise ClassroomError(f"A class has 1 to {MAX_EXERCISES} exercises.")
    if seed < 0:
        raise ClassroomError("The seed is a whole number from 0.")
    if family not in EXERCISE_FAMILIES:
        raise ClassroomError(f"The SDK of a class's exercises is one of {', '.join(EXERCISE_FAMILIES)}.")
    pin, salt, trainer_key = new_pin(), secrets.token_hex(16), new_trainer_key()
    with unavailable_as_message(engine):
        for _ in range(5):  # a code already taken (one chance in 10^12 per class) is drawn again
            code = new_join_code()
            try:
                with engine.begin() as connection:
                    class_id = connection.execute(
                        insert(classes).returning(classes.c.id),
                        {
                            "join_code": code,
                            "title": title,
                            "seed": seed,
                            "difficulty": difficulty,
                            "family": family,
                            "exercise_count": exercise_count,
                            "pin_salt": salt,
                            "pin_hash": pin_hash(pin, salt),
                            "trainer_key_hash": key_hash(trainer_key),
                            "created_at": now,
                            "expires_at": now + CLASS_HOURS * 3600,
                        },
                    ).scalar_one()
                break
            except IntegrityError:
                continue
        else:
            raise ClassroomError("Could not draw a free join code; try again.")
    expires_at = now + CLASS_HOURS * 3600
    session = ClassSession(class_id, code, title, seed, difficulty, exercise_count, now, expires_at, None, family)
    return StartedClass(session, pin, trainer_key)


def find_class(engine: Engine, join_code: str) -> ClassSession | None:
    with unavailable_as_message(engine), engine.connect() as connection:
        row = connection.execute(select(*CLASS_COLUMNS).where(classes.c.join_code == join_code)).first()
    return None if row is None else class_from(row)


def class_by_id(engine: Engine, class_id: int) -> ClassSession | None:
    with unavailable_as_message(engine), engine.connect() as connection:
        row = connection.execute(select(*CLASS_COLUMNS).where(classes.c.id == class_id)).first()
    return None if row is None else class_from(row)


def open_class(engine: Engine, typed_code: str, now: float) -> ClassSession:
    """The class a learner may join with this code, or an error saying why not."""
    session = find_class(engine, normalised_join_code(typed_code))
    if session is None:
        raise ClassroomError("No class has this join code. Check it with your trainer.")
    if not session.open_at(now):
        raise ClassroomError(f"This class is {session.state_at(now)}: its code no longer joins.")
    return session


def close_class(engine: Engine, class_id: int, now: float) -> None:
    """Stop joins and answers; the results stay for the trainer until deleted."""
    with unavailable_as_message(engine), engine.begin() as connection:
        connection.execute(
            update(classes).where(classes.c.id == class_id, classes.c.closed_at.is_(None)).values(closed_at=now)
        )


def reopen_class(engine: Engine, class_id: int, now: float) -> None:
    """Take joins and answers again, until the class expires (12 hours after it started)."""
    with unavailable_as_message(engine), engine.begin() as connection:
        reopened = connection.execute(
            update(classes)
            .where(classes.c.id == class_id, classes.c.closed_at.is_not(None), classes.c.expires_at > now)
            .values(closed_at=None)
        ).rowcount
    session = class_by_id(engine, class_id)
    if not reopened and session is not None and now >= session.expires_at:
        when = datetime.fromtimestamp(session.expires_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
        raise ClassroomError(f"This class expired on {when} and cannot be reopened; start a new class.")


def delete_class(engine: Engine, class_id: int) -> None:
    """The class, its learners and their answers (the foreign keys cascade)."""
    with unavailable_as_message(engine), engine.begin() as connection:
        connection.execute(delete(classes).where(classes.c.id == class_id))


# ------------------------------------------------------------------------------------------ learners


def join_class(engine: Engine, session: ClassSession, display_name: str, now: float, secrets_seen=()) -> str:
    """Add a learner; returns their resume key (kept by their browser, never shown to anyone else)."""
    name = checked_display_name(display_name, secrets_seen)
    key = secrets.token_urlsafe(24)
    try:
        with unavailable_as_message(engine), engine.begin() as connection:
            connection.execute(
                insert(learners),
                {
                    "class_id": session.id,
                    "display_name": name,
                    "name_key": name_key(name),
                    "key_hash": key_hash(key),
                    "joined_at": now,
                },
            )
    except IntegrityError:
        raise ClassroomError(
            f"Someone in this class already uses the name {name!r}. Pick another one; "
            "to continue as yourself, open the link this page gave you when you joined."
        ) from None
    return key


def learner_by_key(engine: Engine, key: str) -> tuple[Learner, ClassSession] | None:
    """The learner this resume key belongs to, with their class; None for an unknown or deleted one."""
    with unavailable_as_message(engine), engine.connect() as connection:
        row = connection.execute(
            select(learners.c.id.label("learner_id"), learners.c.display_name, *CLASS_COLUMNS)
            .join(classes, classes.c.id == learners.c.class_id)
            .where(learners.c.key_hash == key_hash(key))
        ).first()
    if row is None:
        return None
    return Learner(row.learner_id, row.id, row.display_name), class_from(row)


def stored_answer(row) -> StoredAnswer:
    """An answer row (ANSWER_COLUMNS) as the learner's page and the trainer's room read it."""
    return StoredAnswer(
        row.exercise_number,
        tuple(row.mistakes.split()),
        tuple(row.causes.split()),
        tuple(row.fixes.split()),
        row.seconds_taken,
        row.answered_at,
    )


ANSWER_COLUMNS = (  # what an answer is, to its learner and in the trainer's results
    answers.c.exercise_number,
    answers.c.mistakes,
    answers.c.causes,
    answers.c.fixes,
    answers.c.seconds_taken,
    answers.c.answered_at,
)


def learner_answers(engine: Engine, learner: Learner) -> dict[int, StoredAnswer]:
    """This learner's own answers by exercise number (no one else's: the query is by their id)."""
    with unavailable_as_message(engine), engine.connect() as connection:
        rows = connection.execute(select(*ANSWER_COLUMNS).where(answers.c.learner_id == learner.id)).all()
    return {row.exercise_number: stored_answer(row) for row in rows}


def record_answer(
    engine: Engine, learner: Learner, attempt: Attempt, seconds_taken: float | None, now: float
) -> StoredAnswer:
    """Store the answer, and return what is stored. Answering again (a retry after a lost acknowledgement,
    a second server) returns the first answer: the database keeps one per learner and exercise."""
    with unavailable_as_message(engine):
        session = class_by_id(engine, learner.class_id)
        if session is None:
            raise ClassroomError("This class was deleted by its trainer; your answers are gone with it.")
        if not session.open_at(now):
            raise ClassroomError(f"This class is {session.state_at(now)}: answers are no longer taken.")
        if not 1 <= attempt.number <= session.exercise_count:
            raise ClassroomError(f"This class has exercises 1 to {session.exercise_count}.")
        try:
            with engine.begin() as connection:
                connection.execute(
                    insert(answers),
                    {
                        "learner_id": learner.id,
                        "exercise_number": attempt.number,
                        "mistakes": " ".join(attempt.answer),
                        "causes": " ".join(attempt.causes),
                        "fixes": " ".join(attempt.fixes),
                        "causes_right": attempt.causes_right,
                        "fixes_right": attempt.fixes_right,
                        "seconds_taken": seconds_taken,
                        "answered_at": now,
                    },
                )
        except IntegrityError:
            pass  # this exercise was answered before: keep and return that answer
        with engine.connect() as connection:
            row = connection.execute(
                select(*ANSWER_COLUMNS).where(
                    answers.c.learner_id == learner.id, answers.c.exercise_number == attempt.number
                )
            ).first()
    if row is None:  # the learner's row went between the insert and the read: the class was deleted
        raise ClassroomError("This class was deleted by its trainer; your answers are gone with it.")
    return stored_answer(row)


def earlier_answer_note(stored: StoredAnswer, attempt: Attempt, now: float) -> str | None:
    """What to tell a learner whose answer is not the one kept (the exercise was answered before, on another
    tab or server): when, and what that answer picked. None when this answer is the one stored."""
    if stored.answered_at == now and (stored.causes, stored.fixes) == (tuple(attempt.causes), tuple(attempt.fixes)):
        return None
    when = datetime.fromtimestamp(stored.answered_at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    def named(bug_ids, attribute):
        return ", ".join(f"“{getattr(BUGS[i], attribute)}”" for i in bug_ids if i in BUGS) or "nothing"

    return (
        f"Already answered on {when}: cause {named(stored.causes, 'title')}; fix {named(stored.fixes, 'fix')}. "
        "That answer is the one kept; the verdict below is its own."
    )


def as_attempt(stored: StoredAnswer, exercise: Exercise) -> Attempt:
    """A stored answer in the form the exercises page grades and explains."""
    judgement = stored.judgement
    return Attempt(
        exercise.id,
        exercise.seed,
        exercise.difficulty,
        exercise.number,
        stored.mistakes,
        stored.causes,
        stored.fixes,
        judgement.causes_right,
        judgement.fixes_right,
    )


def secrets_typed(values, configured=None) -> list[str]:
    """SDK secrets this browser session typed on other pages (session-state values: a builder form's
    sdk_secret, a secret field's text) and the server's configured one, so a display name that holds one
    can be refused before it is stored."""
    found = [] if configured is None else [configured.sdk_secret]
    for key, value in values:
        if isinstance(value, str) and "secret" in str(key).lower():
            found.append(value)
        elif isinstance(getattr(value, "sdk_secret", None), str):
            found.append(value.sdk_secret)
    return found
