"""Sign-in, a review queue and revisions: status and revision number on every stored record,
every change kept in ``revisions``, the articles submissions came from in ``articles``.

Existing records were published by release 0.1 as soon as they were saved, so they
become ``published`` at revision 1, and that revision (action ``legacy``) keeps
their record exactly as it was stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LEGACY_ACTOR = "unknown (stored before sign-in)"


def upgrade() -> None:
    with op.batch_alter_table("events") as events:
        events.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="published"))
        events.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))
        events.add_column(sa.Column("submitted_by", sa.String(320)))
        events.add_column(sa.Column("curated", sa.Boolean, nullable=False, server_default=sa.false()))
        events.add_column(sa.Column("updated_at", sa.DateTime(timezone=True)))
        events.create_index("ix_events_status", ["status"])
    with op.batch_alter_table("actors") as actors:
        actors.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="published"))
        actors.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))
        actors.add_column(sa.Column("submitted_by", sa.String(320)))
    revisions = op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False, index=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("actor", sa.String(320), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("article_sha256", sa.String(64)),
        sa.UniqueConstraint("entity", "entity_id", "number", name="uq_revision_number"),
    )
    op.create_table(
        "articles",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_title", sa.Text, nullable=False),
        sa.Column("source_url", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("submitted_by", sa.String(320), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    )

    connection = op.get_bind()
    when = sa.DateTime(timezone=True)
    event_rows = sa.table("events", sa.column("id", sa.String), sa.column("record", sa.JSON),
                      sa.column("saved_at", when), sa.column("article_sha256", sa.String),
                      sa.column("updated_at", when))
    actor_rows = sa.table("actors", sa.column("id", sa.String), sa.column("record", sa.JSON),
                          sa.column("saved_at", when))
    connection.execute(event_rows.update().values(updated_at=event_rows.c.saved_at))
    legacy = []
    for entity, table in (("event", event_rows), ("actor", actor_rows)):
        for row in connection.execute(sa.select(table)).mappings():
            legacy.append({
                "entity": entity, "entity_id": row["id"], "number": 1, "action": "legacy", "status": "published",
                "record": row["record"], "changes": {}, "actor": LEGACY_ACTOR,
                "at": row["saved_at"] or dt.datetime.now(dt.UTC),
                "comment": "stored before revisions were kept", "article_sha256": row.get("article_sha256"),
            })
    if legacy:
        op.bulk_insert(revisions, legacy)
    with op.batch_alter_table("events") as events_after:
        events_after.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade() -> None:
    op.drop_table("articles")
    op.drop_table("revisions")
    with op.batch_alter_table("actors") as actors:
        for column in ("submitted_by", "revision", "status"):
            actors.drop_column(column)
    with op.batch_alter_table("events") as events:
        events.drop_index("ix_events_status")
        for column in ("updated_at", "curated", "submitted_by", "revision", "status"):
            events.drop_column(column)
