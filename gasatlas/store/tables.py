"""The event store's tables, as the newest migration leaves them (``migrations/versions``).

``events`` and ``actors`` hold the current state of every record users added or
corrected — a correction of a curated event is a row with the curated id and
``curated`` set. ``revisions`` holds every state each record ever had, with who
changed it, when, why and which fields; ``articles`` keeps the text a submission
was read from, for moderators to check it against.
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa

metadata = sa.MetaData()


class Action(StrEnum):
    """What a revision did."""

    LEGACY = "legacy"  # stored before revisions were kept
    SUBMIT = "submit"  # a contributor's submission, pending review
    PUBLISH = "publish"  # a moderator's own submission, published at once
    IMPORT = "import"
    EDIT = "edit"
    APPROVE = "approve"
    REJECT = "reject"
    DELETE = "delete"
    RESTORE = "restore"
    CURATED = "curated"  # the curated record, as the first revision of its correction


events_table = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("record", sa.JSON, nullable=False),  # the Event exactly as validated
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("origin", sa.String(16), nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("article_sha256", sa.String(64)),
    sa.Column("confidence", sa.Float),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("submitted_by", sa.String(320)),
    sa.Column("curated", sa.Boolean, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

actors_table = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("submitted_by", sa.String(320)),
)

revisions_table = sa.Table(
    "revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity", sa.String(16), nullable=False),  # "event" or "actor"
    sa.Column("entity_id", sa.String(80), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("action", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("changes", sa.JSON, nullable=False),  # {field: [before, after]}
    sa.Column("actor", sa.String(320), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("article_sha256", sa.String(64)),
    sa.UniqueConstraint("entity", "entity_id", "number", name="uq_revision_number"),
)

articles_table = sa.Table(
    "articles",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_title", sa.Text, nullable=False),
    sa.Column("source_url", sa.Text, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("submitted_by", sa.String(320), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
)
