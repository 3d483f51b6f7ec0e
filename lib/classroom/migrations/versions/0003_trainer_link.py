"""A trainer link for each class (only its key's SHA-256 stored), and wrong PINs counted per source rather
than per class, so that learners who guess cannot block their trainer.

Revision ID: 0003
Revises: 0002
Created: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("classes") as batch:
        batch.add_column(sa.Column("trainer_key_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_classes_trainer_key_hash", ["trainer_key_hash"])
        batch.drop_column("pin_failures")
        batch.drop_column("pin_blocked_until")
    op.create_table(
        "pin_guesses",
        sa.Column("source_hash", sa.String(64), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.Float(), nullable=False),
        sa.Column("last_try_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("source_hash", name="pk_pin_guesses"),
    )


def downgrade():
    op.drop_table("pin_guesses")
    with op.batch_alter_table("classes") as batch:
        batch.add_column(sa.Column("pin_blocked_until", sa.Float(), server_default="0", nullable=False))
        batch.add_column(sa.Column("pin_failures", sa.Integer(), server_default="0", nullable=False))
        batch.drop_constraint("uq_classes_trainer_key_hash", type_="unique")
        batch.drop_column("trainer_key_hash")
