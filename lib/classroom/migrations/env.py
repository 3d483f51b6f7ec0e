"""Alembic's entry: run the migrations on the connection lib.classroom.database hands over, or, for a
maintainer writing a new revision, on the database named by `-x url=...`:

    alembic -c lib/classroom/alembic.ini -x url=sqlite:///classroom.sqlite3 revision --autogenerate -m "..."
"""

from alembic import context
from sqlalchemy import create_engine

from lib.classroom.schema import metadata


def run_on(connection):
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    with create_engine(context.get_x_argument(as_dictionary=True)["url"]).connect() as opened:
        run_on(opened)
