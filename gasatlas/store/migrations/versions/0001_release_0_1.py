"""The store of release 0.1: stored events and actors, no revisions.

Stores made by that release have these tables but no ``alembic_version``; they
are stamped at this revision before being upgraded (see ``engine.migrate``).

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("date", sa.Date, nullable=False, index=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("article_sha256", sa.String(64)),
        sa.Column("confidence", sa.Float),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("actors")
    op.drop_table("events")
