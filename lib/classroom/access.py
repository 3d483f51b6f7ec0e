"""How a trainer reaches a class's console, and why a learner cannot lock them out.

The console opens with the trainer link: a random key of 256 bits (only its SHA-256 is stored, like a
learner's resume key), which rides in the page's address, so a reload keeps the console. The link is
never rate-limited. The six-digit PIN is only the way back when the link is lost: join code and PIN open
the console and issue a fresh link, which replaces the old one (only one link opens a class's console).

PIN tries are limited per browser session (the page keeps a PinGuesses in its session state) and per
source (the client's address, kept in the database as its SHA-256, so every server counts). The first
FREE_PIN_TRIES tries are free; from then on each try makes the next one wait, twice as long each time, up to
MAX_DELAY_SECONDS. Every try is counted before the PIN is checked, so tries sent at once cannot slip past a
delay; the right PIN clears the count. Guessing from one session or source never blocks another, and never
the link.
"""

import hmac
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from lib.classroom.database import unavailable_as_message
from lib.classroom.schema import classes, pin_guesses
from lib.classroom.store import (
    CLASS_COLUMNS,
    CLASS_HOURS,
    PIN_DIGITS,
    ClassroomError,
    ClassSession,
    class_from,
    key_hash,
    new_trainer_key,
    normalised_join_code,
    pin_hash,
)

FREE_PIN_TRIES = 5  # PIN tries, per browser session and per source, before any wait
FIRST_DELAY_SECONDS = 30  # the wait after the first try past the free ones; each further try doubles it
MAX_DELAY_SECONDS = 3600
FORGET_SECONDS = CLASS_HOURS * 3600  # a source's count is forgotten this long after its last try
WRONG = "This join code and PIN do not open a class."


def delay_after(tries: int) -> float:
    """How long the next PIN try waits after this many tries without the right PIN."""
    if tries < FREE_PIN_TRIES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** (tries - FREE_PIN_TRIES), MAX_DELAY_SECONDS)


@dataclass(frozen=True)
class PinGuesses:
    """One browser session's PIN tries since its last right PIN, and until when its next try waits."""

    tries: int = 0
    blocked_until: float = 0.0

    def tried_at(self, now: float) -> "PinGuesses":
        tries = self.tries + 1
        return PinGuesses(tries, now + delay_after(tries))


class WrongPin(ClassroomError):
    """A refused PIN try; `guesses` is the browser session's count after it, for the page to keep."""

    def __init__(self, message: str, guesses: PinGuesses):
        super().__init__(message)
        self.guesses = guesses


def _waiting(seconds: float) -> str:
    return (
        f"Too many PIN tries from this browser or this network: the next one is taken in {int(seconds) + 1} s. "
        "The trainer link opens the console at once."
    )


def console_class(engine: Engine, trainer_key: str | None) -> ClassSession | None:
    """The class whose console this trainer link's key opens; None for no key, an unknown or replaced one."""
    if not trainer_key:
        return None
    with unavailable_as_message(engine), engine.connect() as connection:
        row = connection.execute(
            select(*CLASS_COLUMNS).where(classes.c.trainer_key_hash == key_hash(trainer_key))
        ).first()
    return None if row is None else class_from(row)


def _count_try(engine: Engine, source: str, now: float) -> float:
    """Count a PIN try from this source, unless it must wait: 0 if counted, else the seconds left to wait.

    One increment that only a source not waiting gets (an UPDATE ... WHERE blocked_until <= now), so two
    servers counting at once each see the other's try."""
    source_hash = key_hash(source)
    this_source = pin_guesses.c.source_hash == source_hash
    for _ in range(3):  # a first try of this source that another server inserted at the same moment: again
        try:
            with engine.begin() as connection:
                connection.execute(delete(pin_guesses).where(pin_guesses.c.last_try_at < now - FORGET_SECONDS))
                tries = connection.execute(
                    update(pin_guesses)
                    .where(this_source, pin_guesses.c.blocked_until <= now)
                    .values(tries=pin_guesses.c.tries + 1, last_try_at=now)
                    .returning(pin_guesses.c.tries)
                ).scalar_one_or_none()
                if tries is not None:
                    connection.execute(
                        update(pin_guesses).where(this_source).values(blocked_until=now + delay_after(tries))
                    )
                    return 0.0
                until = connection.execute(select(pin_guesses.c.blocked_until).where(this_source)).scalar_one_or_none()
                if until is not None and until > now:
                    return until - now
                if until is not None:  # another server inserted this source's row since the UPDATE: count on it
                    continue
                connection.execute(
                    insert(pin_guesses),
                    {"source_hash": source_hash, "tries": 1, "blocked_until": now + delay_after(1), "last_try_at": now},
                )
                return 0.0
        except IntegrityError:
            continue
    raise ClassroomError("Could not count this PIN try; try again.")


def open_console_with_pin(
    engine: Engine, typed_code: str, pin: str, source: str, guesses: PinGuesses, now: float
) -> tuple[ClassSession, str]:
    """The class and a fresh trainer link's key (replacing the old link), if the PIN is its trainer's.

    A try that must wait, or a wrong PIN or code, raises WrongPin with the session's count to keep; a code
    that cannot be one, or an empty PIN, says what to type and counts for nothing. The PIN is compared in
    constant time, and an unknown code takes as long to refuse as a wrong PIN."""
    code = normalised_join_code(typed_code)
    if not pin.strip():
        raise ClassroomError(f"Type the {PIN_DIGITS}-digit trainer PIN shown when the class was started.")
    if guesses.blocked_until > now:
        raise WrongPin(_waiting(guesses.blocked_until - now), guesses)
    with unavailable_as_message(engine):
        wait = _count_try(engine, source, now)
        if wait > 0:
            raise WrongPin(_waiting(wait), guesses)
        guesses = guesses.tried_at(now)
        with engine.connect() as connection:
            row = connection.execute(
                select(*CLASS_COLUMNS, classes.c.pin_salt, classes.c.pin_hash).where(classes.c.join_code == code)
            ).first()
        if row is None:
            pin_hash(pin, "00" * 16)  # as slow as a real check: the answer's timing says nothing
            raise WrongPin(WRONG, guesses)
        if not hmac.compare_digest(pin_hash(pin.strip(), row.pin_salt), row.pin_hash):
            raise WrongPin(WRONG, guesses)
        trainer_key = new_trainer_key()
        with engine.begin() as connection:
            connection.execute(
                update(classes).where(classes.c.id == row.id).values(trainer_key_hash=key_hash(trainer_key))
            )
            connection.execute(delete(pin_guesses).where(pin_guesses.c.source_hash == key_hash(source)))
    return class_from(row), trainer_key
