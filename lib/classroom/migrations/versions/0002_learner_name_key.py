"""Learners' names compared as people read them: "Dee" and " dee " are one name in a class.

Revision ID: 0002
Revises: 0001
Created: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NAME_KEY_LENGTH = 120  # case-folding can lengthen a 40-character name (ß → ss)


def upgrade():
    with op.batch_alter_table("learners") as batch:
        batch.add_column(sa.Column("name_key", sa.String(NAME_KEY_LENGTH), nullable=True))
    learners = sa.table(
        "learners", sa.column("id"), sa.column("class_id"), sa.column("display_name"), sa.column("name_key")
    )
    connection = op.get_bind()
    taken = set()
    for row in connection.execute(sa.select(learners).order_by(learners.c.id)).all():
        key = " ".join(row.display_name.split()).casefold()
        if (row.class_id, key) in taken:  # two names stored before this revision that now read the same
            key = f"{key}#{row.id}"
        taken.add((row.class_id, key))
        connection.execute(sa.update(learners).where(learners.c.id == row.id).values(name_key=key))
    with op.batch_alter_table("learners") as batch:
        batch.alter_column("name_key", existing_type=sa.String(NAME_KEY_LENGTH), nullable=False)
        batch.drop_constraint("uq_learners_class_id_display_name", type_="unique")
        batch.create_unique_constraint("uq_learners_class_id_name_key", ["class_id", "name_key"])


def downgrade():
    with op.batch_alter_table("learners") as batch:
        batch.drop_constraint("uq_learners_class_id_name_key", type_="unique")
        batch.create_unique_constraint("uq_learners_class_id_display_name", ["class_id", "display_name"])
        batch.drop_column("name_key")
