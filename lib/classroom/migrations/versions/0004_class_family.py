"""Which SDK's exercises a class does: the token family of its set (meeting_web, meeting_native or video). Classes
made before this revision did the Meeting SDK for web's, the only sets there were.

Revision ID: 0004
Revises: 0003
Created: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("classes") as batch:
        batch.add_column(sa.Column("family", sa.String(16), server_default="meeting_web", nullable=False))
        batch.create_check_constraint("ck_classes_family", "family IN ('meeting_web', 'meeting_native', 'video')")


def downgrade():
    with op.batch_alter_table("classes") as batch:
        batch.drop_constraint("ck_classes_family", type_="check")
        batch.drop_column("family")
