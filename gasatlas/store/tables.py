"""The event store's tables, as the newest migration leaves them (``migrations/versions``).

``events`` and ``actors`` hold the current state of every record users added or
corrected — a correction of a curated event is a row with the curated id and
``curated`` set. ``revisions`` holds every state each record (and each watched feed) ever had, with who
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
    MERGE = "merge"  # a candidate merged into an atlas event: its sources joined the event's
    CURATED = "curated"  # the curated record, as the first revision of its correction
    ADD = "add"  # a news feed added to those the watcher reads
    ENABLE = "enable"
    DISABLE = "disable"


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

feeds_table = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("note", sa.Text, nullable=False),  # why the feed is watched
    sa.Column("added_by", sa.String(320), nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("last_fetch", sa.DateTime(timezone=True)),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("items_seen", sa.Integer, nullable=False),
    sa.Column("items_relevant", sa.Integer, nullable=False),
    sa.Column("items_proposed", sa.Integer, nullable=False),
    sa.Column("errors", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("last_error_at", sa.DateTime(timezone=True)),
)
"""The news feeds the watcher reads (``gasatlas.news.watch``), with what it last learnt of each."""

feed_items_table = sa.Table(
    "feed_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id"), nullable=False, index=True),
    sa.Column("key", sa.String(64), nullable=False),  # sha256 of the item's guid, else its link
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("relevant", sa.Boolean, nullable=False),
    sa.Column("state", sa.String(16), nullable=False, index=True),  # gasatlas.store.feeds.ItemState
    sa.Column("proposal", sa.String(80)),  # the pending event it went into
    sa.Column("existing_event", sa.String(80)),  # the atlas event it reports again
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("reading", sa.JSON(none_as_null=True)),  # what its report said (feeds.READING)
    sa.UniqueConstraint("feed_id", "key", name="uq_feed_item"),
)
"""Every feed item the watcher read, and what became of it: an item is here only once it is dealt with."""

watch_runs_table = sa.Table(
    "watch_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("host", sa.String(255), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("feeds", sa.Integer, nullable=False),
    sa.Column("items_new", sa.Integer, nullable=False),
    sa.Column("items_relevant", sa.Integer, nullable=False),
    sa.Column("proposed", sa.Integer, nullable=False),
    sa.Column("errors", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)
"""The watcher's runs; a ``running`` one with a fresh heartbeat is the lock other watchers wait for."""

flows_table = sa.Table(
    "flows",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("record", sa.JSON, nullable=False),  # the Flow exactly as validated, in flows.csv's columns
    sa.Column("source_event", sa.String(80), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("submitted_by", sa.String(320), nullable=False),
)
"""Flow figures moderators took from published events' volumes; they join the curated flows (``with_stored``)."""

