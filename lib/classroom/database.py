"""Where the classroom's data lives, and keeping its schema current.

The app hands lib an SQLAlchemy engine (pages/ builds it with st.connection, so lib/ never imports
Streamlit). By default it is a SQLite file next to the app, created on first use in WAL mode, so
readers never wait for the writer; a shared deployment names a PostgreSQL database instead (README,
"Running a classroom"). The schema is versioned with Alembic and upgraded when a server first opens
the database; two servers starting together take a lock, so only one of them upgrades.
"""

import fcntl
import hashlib
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

CONNECTION_NAME = "classroom"  # [connections.classroom] in .streamlit/secrets.toml, as st.connection reads it
URL_VARIABLE = "SIGNATURE_LAB_CLASSROOM_URL"  # or the database URL in this environment variable
DEFAULT_FILE = "classroom.sqlite3"
BUSY_TIMEOUT_MS = 5000  # how long a SQLite writer waits for another before the page says "busy"
MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_CHECKED = "signature_lab_schema_checked"  # an engine's execution option, once its schema is current
_UPGRADE_LOCK = int.from_bytes(hashlib.sha256(b"signature-lab classroom schema").digest()[:4], "big")


class ClassroomUnavailable(Exception):
    """The database could not be reached or was busy: the message says so in words a trainer can act on,
    and never carries the URL's password."""


def default_url(folder: Path) -> str:
    return f"sqlite:///{(folder / DEFAULT_FILE).resolve()}"


def connection_settings(environ, configured_in_secrets: bool, folder: Path) -> dict:
    """Keyword arguments for st.connection(CONNECTION_NAME, type="sql", ...), Streamlit's own way to name a
    database: the environment variable wins; then [connections.classroom] in secrets.toml (url, or dialect,
    host, ...), which st.connection reads itself; then the SQLite file in `folder`."""
    url = environ.get(URL_VARIABLE) or (None if configured_in_secrets else default_url(folder))
    settings = {"pool_pre_ping": True}  # a connection the database dropped (a restart) is replaced, not used
    return settings | ({"url": checked_url(url)} if url else {})


def checked_url(url: str) -> str:
    """The URL if SQLAlchemy can read it; a clear error (with the password hidden) if not."""
    try:
        make_url(url)
    except ArgumentError:
        raise ClassroomUnavailable(
            "The classroom's database URL cannot be read. Write it as dialect+driver://user:password@host/name, "
            "for example postgresql+psycopg://lab:…@db.example/signature_lab."
        ) from None
    return url


def classroom_engine(connect, secrets, environ, folder: Path) -> Engine:
    """The classroom's engine, schema current. The page hands in st.connection and st.secrets (lib/ never
    imports Streamlit); st.connection keeps one engine per process, and the schema check is one read."""
    configured = secrets.load_if_toml_exists() and CONNECTION_NAME in secrets.get("connections", {})
    return prepare_engine(
        connect(CONNECTION_NAME, type="sql", **connection_settings(environ, configured, folder)).engine
    )


def _sqlite_pragmas(dbapi_connection, _record):
    """Each connection's settings. WAL mode is the file's, set once by prepare_engine under the file lock."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite checks foreign keys only when asked, per connection
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged answer survives a power cut, not only a crash
    cursor.close()


def prepare_engine(engine: Engine) -> Engine:
    """Set SQLite's per-connection settings and bring the schema up to date, once per engine: the engine
    remembers it in a user-defined execution option (st.connection keeps one engine per process)."""
    if engine.get_execution_options().get(SCHEMA_CHECKED):
        return engine
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _sqlite_pragmas):
        event.listen(engine, "connect", _sqlite_pragmas)
    with unavailable_as_message(engine):
        _use_wal(engine)
        upgrade_schema(engine)
    engine.update_execution_options(**{SCHEMA_CHECKED: True})
    return engine


def _alembic_config():
    from alembic.config import Config  # Alembic (0.2 s to import) only once a class page opens the database

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _sqlite_file_lock(engine: Engine):
    """Between connections and processes on one SQLite file: a lock file beside it (flock: each open() is a
    lock of its own, so threads of one server wait for each other too), held until the WAL switch or the
    upgrade is committed."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        yield
        return
    with open(f"{engine.url.database}.upgrade-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _use_wal(engine: Engine) -> None:
    """Put a SQLite file in WAL mode (readers go on while one learner's answer is written), one connection at
    a time: switching takes a shared lock and then an exclusive one, so two connections switching a new file
    at once (two sessions or two servers opening it together) each hold the lock the other waits for, until
    one gives up 'database is locked' after the busy timeout. A file already in WAL mode stays as it is."""
    if engine.dialect.name != "sqlite":
        return
    with _sqlite_file_lock(engine), engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")


def upgrade_schema(engine: Engine) -> None:
    """Upgrade to the newest revision; cheap when the database is current (one read of alembic_version).

    Only one server upgrades at a time, and each looks again once it holds the lock: PostgreSQL's advisory
    lock lasts until the upgrade's transaction commits; SQLite's lock file is released only after the commit.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    if current_revision(engine) == head:
        return
    with _sqlite_file_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def unavailable_as_message(engine: Engine):
    """Turn the driver's errors for 'cannot connect' and 'busy' into ClassroomUnavailable."""
    try:
        yield
    except OperationalError as error:
        raise ClassroomUnavailable(_describe(engine, error)) from None
    except DBAPIError as error:
        if error.connection_invalidated:
            raise ClassroomUnavailable(_describe(engine, error)) from None
        raise


def _describe(engine: Engine, error: DBAPIError) -> str:
    where = engine.url.render_as_string(hide_password=True)
    reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
    if "locked" in reason or "busy" in reason:
        return (
            f"The classroom database is busy (another writer held it for over {BUSY_TIMEOUT_MS // 1000} s). "
            "Nothing was saved: try again in a moment."
        )
    return (
        f"The classroom database at {where} cannot be reached ({reason}). Nothing was saved: "
        "check that the database server is running and that the URL is right, then try again."
    )
