"""The classroom's tables, as SQLAlchemy Core: one description that runs on SQLite and PostgreSQL.

The rules a room depends on live in the database, not only in Python, so a second server, a retried
request or a crash cannot break them: one answer per learner and exercise, one display name per class,
and no learner or answer outliving its class (foreign keys with ON DELETE CASCADE). The migrations in
migrations/versions create exactly these tables (tests/test_classroom_store.py compares them).
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

from lib.zoom.families import ALL_FAMILIES, MEETING_WEB

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

JOIN_CODE_LENGTH = 8
NAME_LENGTH = 40
NAME_KEY_LENGTH = 120  # case-folding can lengthen a name (ß → ss)
TITLE_LENGTH = 120
MAX_EXERCISES = 12

classes = Table(
    "classes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("join_code", String(JOIN_CODE_LENGTH), nullable=False, unique=True),
    Column("title", String(TITLE_LENGTH), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("difficulty", String(16), nullable=False),
    # which SDK's exercise set the class does (lib.zoom.families); classes made before 0004 did the web's
    Column("family", String(16), nullable=False, server_default=MEETING_WEB),
    Column("exercise_count", Integer, nullable=False),
    Column("pin_salt", String(32), nullable=False),
    Column("pin_hash", String(64), nullable=False),
    Column("trainer_key_hash", String(64), nullable=True, unique=True),  # SHA-256 of the trainer link's key
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("closed_at", Float, nullable=True),
    CheckConstraint("difficulty IN ('easy', 'medium', 'hard')", name="difficulty"),
    CheckConstraint(f"family IN ({', '.join(repr(family) for family in ALL_FAMILIES)})", name="family"),
    CheckConstraint(f"exercise_count BETWEEN 1 AND {MAX_EXERCISES}", name="exercise_count"),
    CheckConstraint("seed >= 0", name="seed"),
)

learners = Table(
    "learners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", Integer, ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    Column("display_name", String(NAME_LENGTH), nullable=False),
    Column("name_key", String(NAME_KEY_LENGTH), nullable=False),  # the name trimmed and case-folded: one per class
    Column("key_hash", String(64), nullable=False, unique=True),  # SHA-256 of the learner's resume key
    Column("joined_at", Float, nullable=False),
    UniqueConstraint("class_id", "name_key", name="uq_learners_class_id_name_key"),
)

# Trainer PINs tried per source (the client's address, as its SHA-256): how many since the last right one, and
# until when the next try waits. Per source, not per class: guesses from one place never block another.
pin_guesses = Table(
    "pin_guesses",
    metadata,
    Column("source_hash", String(64), primary_key=True),
    Column("tries", Integer, nullable=False),
    Column("blocked_until", Float, nullable=False),
    Column("last_try_at", Float, nullable=False),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("learner_id", Integer, ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
    Column("exercise_number", Integer, nullable=False),
    Column("mistakes", String(200), nullable=False),  # the hidden catalogue ids, space-separated
    Column("causes", String(400), nullable=False),  # the ids picked as the cause
    Column("fixes", String(400), nullable=False),  # the ids picked by their fix
    Column("causes_right", Boolean, nullable=False),
    Column("fixes_right", Boolean, nullable=False),
    Column("seconds_taken", Float, nullable=True),  # from showing the exercise to the answer, when known
    Column("answered_at", Float, nullable=False),
    UniqueConstraint("learner_id", "exercise_number", name="uq_answers_learner_id_exercise_number"),
    CheckConstraint(f"exercise_number BETWEEN 1 AND {MAX_EXERCISES}", name="exercise_number"),
)
