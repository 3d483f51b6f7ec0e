"""The classroom tests' PostgreSQL: a database of its own for a test, on the server scripts/test.sh started."""

import contextlib
import secrets
import time

POSTGRES_URL_VARIABLE = "SIGNATURE_LAB_TEST_POSTGRES_URL"  # set by scripts/test.sh (scripts/start-postgres.sh)


@contextlib.contextmanager
def new_postgres_database(server_url):
    """A database of its own on the tests' PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"classroom_{secrets.token_hex(6)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, name)
        admin.dispose()


def _drop_database(admin, name, patience=30.0):
    """DROP DATABASE ... WITH (FORCE) ends our own connections to it; a backend of another role on it (an
    autovacuum worker that has just started) it may not end, so then wait until that backend has left, and
    drop again."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    deadline = time.monotonic() + patience
    while True:
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError as error:
            if "must be a member of the role" not in str(error.orig) or time.monotonic() > deadline:
                raise
        with admin.connect() as connection:
            while (
                time.monotonic() < deadline
                and connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = :name AND usename IS DISTINCT FROM current_user"
                    ),
                    {"name": name},
                ).scalar()
            ):
                time.sleep(0.05)  # polls for the other backend's exit, the event this waits for
