"""The feed watcher (issue 21): the news feeds moderators watch with their state, every item read from
them (with what each report said of its event, for the review queue to show where reports disagree), and
the watcher's runs (which double as its lock: one running watcher at a time).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.String(2000), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("added_by", sa.String(320), nullable=False),
        sa.Column("added_at", when, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("last_fetch", when),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("items_seen", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_relevant", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_proposed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", when),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id"), nullable=False, index=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("seen_at", when, nullable=False),
        sa.Column("relevant", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("proposal", sa.String(80)),
        sa.Column("existing_event", sa.String(80)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
        sa.Column("error", sa.Text),
        sa.Column("reading", sa.JSON),
        sa.UniqueConstraint("feed_id", "key", name="uq_feed_item"),
    )
    op.create_table(
        "watch_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", when, nullable=False),
        sa.Column("heartbeat_at", when, nullable=False),
        sa.Column("finished_at", when),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("feeds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_relevant", sa.Integer, nullable=False, server_default="0"),
        sa.Column("proposed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("watch_runs")
    op.drop_table("feed_items")
    op.drop_table("feeds")
