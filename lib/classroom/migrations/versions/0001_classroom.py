"""The classroom: classes, their learners and the learners' answers.

Revision ID: 0001
Revises:
Created: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("join_code", sa.String(8), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("difficulty", sa.String(16), nullable=False),
        sa.Column("exercise_count", sa.Integer(), nullable=False),
        sa.Column("pin_salt", sa.String(32), nullable=False),
        sa.Column("pin_hash", sa.String(64), nullable=False),
        sa.Column("pin_failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pin_blocked_until", sa.Float(), server_default="0", nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("closed_at", sa.Float(), nullable=True),
        sa.CheckConstraint("difficulty IN ('easy', 'medium', 'hard')", name="ck_classes_difficulty"),
        sa.CheckConstraint("exercise_count BETWEEN 1 AND 12", name="ck_classes_exercise_count"),
        sa.CheckConstraint("seed >= 0", name="ck_classes_seed"),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.UniqueConstraint("join_code", name="uq_classes_join_code"),
    )
    op.create_table(
        "learners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(40), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], name="fk_learners_class_id_classes", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_learners"),
        sa.UniqueConstraint("class_id", "display_name", name="uq_learners_class_id_display_name"),
        sa.UniqueConstraint("key_hash", name="uq_learners_key_hash"),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("exercise_number", sa.Integer(), nullable=False),
        sa.Column("mistakes", sa.String(200), nullable=False),
        sa.Column("causes", sa.String(400), nullable=False),
        sa.Column("fixes", sa.String(400), nullable=False),
        sa.Column("causes_right", sa.Boolean(), nullable=False),
        sa.Column("fixes_right", sa.Boolean(), nullable=False),
        sa.Column("seconds_taken", sa.Float(), nullable=True),
        sa.Column("answered_at", sa.Float(), nullable=False),
        sa.CheckConstraint("exercise_number BETWEEN 1 AND 12", name="ck_answers_exercise_number"),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name="fk_answers_learner_id_learners", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
        sa.UniqueConstraint("learner_id", "exercise_number", name="uq_answers_learner_id_exercise_number"),
    )


def downgrade():
    op.drop_table("answers")
    op.drop_table("learners")
    op.drop_table("classes")
