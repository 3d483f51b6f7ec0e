"""The classroom tests' PostgreSQL: a database of its own for a test, on the server scripts/test.sh started."""

import contextlib
import secrets

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
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
