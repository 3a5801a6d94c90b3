"""Flow figures moderators took from the volumes published events report (issue 21): each with the event it
came from; its revisions are kept in ``revisions`` like any record's (entity ``flow``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flows",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("source_event", sa.String(80), nullable=False, index=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.String(320), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("flows")
