"""Reading the event store: the public atlas, the review queue, a contributor's submissions, every revision.

The curated ``data/`` files stay the reviewed source. Stored events and actors
are merged with them by id (``gasatlas.dataset.load.with_stored``): published stored
events join the atlas, and a stored row with a curated id is a correction of
that curated event (or its deletion). Only ``published`` records are public;
what moderators alone may read (the queue, source articles, histories, the
audit log) checks the reader's role here, in the store.

Changing the store is ``gasatlas.store.workflow``: ``EventStore`` adds the
revision workflow to these queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
import sqlalchemy as sa
from pydantic import ValidationError

from gasatlas.auth import Identity, Permission, require
from gasatlas.dataset import exports
from gasatlas.dataset.load import Dataset, records_frame
from gasatlas.model import records
from gasatlas.model.schema import EVENT_COLUMNS, Actor, Event, Flow
from gasatlas.model.vocab import RecordStatus
from gasatlas.store.engine import STORE_FAILURES, create_engine, failure, migrate
from gasatlas.store.tables import (
    Action,
    actors_table,
    articles_table,
    events_table,
    flows_table,
    revisions_table,
)


@dataclass(frozen=True)
class SourceArticle:
    """The text a submission was read from, kept for moderators to check the candidates against."""

    sha256: str
    text: str
    source_title: str
    source_url: str
    published: dt.date | None


@dataclass(frozen=True)
class Unreadable:
    """A stored record that no longer passes validation, and why."""

    table: str
    id: str
    reason: str


@dataclass(frozen=True)
class StoredEvent:
    """An event's current state in the store."""

    id: str
    record: dict[str, Any]
    status: RecordStatus
    revision: int
    curated: bool
    submitted_by: str | None
    article_sha256: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, kw_only=True)
class Revision:
    """One state a record had: what changed, who changed it, when and why (a row of the revisions table)."""

    entity: str
    """``event`` or ``actor``."""
    entity_id: str
    number: int
    """1 for the record's first state, one more for each change."""
    action: Action
    status: RecordStatus
    record: dict[str, Any]
    actor: str
    """The id of the person who made the change, or ``CURATED_FILES`` for a curated record's first state."""
    at: dt.datetime
    changes: dict[str, list[Any]] = field(default_factory=dict)
    """``{field: [before, after]}``; empty for a record's first state."""
    comment: str = ""
    article_sha256: str | None = None


CURATED_FILES = "data/ files"
"""Who made revision 1 of a curated event: the reviewed files it was read from."""


@dataclass(frozen=True)
class StoredFrames:
    """The public part of the store, shaped like the curated frames, and the curated events it hides."""

    events: pd.DataFrame
    actors: pd.DataFrame
    hidden: frozenset[str] = field(default_factory=frozenset)
    """Curated event ids a moderator deleted."""
    flows: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Flow figures moderators took from events' volumes, shaped like the curated flows."""


class EventQueries:
    """Stored events, actors, their revisions and source articles, read through one SQLAlchemy engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = create_engine(url)
            migrate(self.engine)
        except STORE_FAILURES as error:
            raise failure("cannot open the event store", url, error) from error

    @contextmanager
    def _failing_as(self, message: str) -> Iterator[None]:
        """Turn any database or file-system failure inside the block into a ``StoreError``."""
        try:
            yield
        except STORE_FAILURES as error:
            raise failure(message, self.url, error) from error

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        with self._failing_as("cannot read the event store"), self.engine.connect() as connection:
            yield connection

    # the public atlas ---------------------------------------------------------

    def _select(self, table: sa.Table, *conditions: Any) -> Sequence[sa.Row[Any]]:
        order = (table.c.date, table.c.id) if table is events_table else (table.c.id,)
        with self._reading() as connection:
            return list(connection.execute(sa.select(table).where(*conditions).order_by(*order)).all())

    def events(self, status: RecordStatus = RecordStatus.PUBLISHED) -> list[Event]:
        """The stored events in ``status`` that pass validation (see ``unreadable`` for the others)."""
        return _valid(events_table, Event, self._select(events_table, events_table.c.status == status))[0]

    def actors(self, status: RecordStatus = RecordStatus.PUBLISHED) -> list[Actor]:
        return _valid(actors_table, Actor, self._select(actors_table, actors_table.c.status == status))[0]

    def unreadable(self) -> list[Unreadable]:
        """Stored records the atlas skips because they fail today's validation (e.g. a date out of range)."""
        return (_valid(events_table, Event, self._select(events_table))[1]
                + _valid(actors_table, Actor, self._select(actors_table))[1])

    def hidden_curated(self) -> frozenset[str]:
        """Curated events a moderator took off the atlas."""
        with self._reading() as connection:
            return frozenset(connection.execute(sa.select(events_table.c.id).where(
                events_table.c.curated, events_table.c.status != RecordStatus.PUBLISHED)).scalars())

    def frames(self) -> StoredFrames:
        """What the public atlas shows of the store, as frames shaped like the curated ones."""
        return StoredFrames(records_frame(self.events(), Event), records_frame(self.actors(), Actor),
                            self.hidden_curated(), records_frame(self.flows(), Flow))

    def flow_sources(self) -> frozenset[str]:
        """The events whose volume a moderator already added as a flow figure."""
        with self._reading() as connection:
            return frozenset(connection.execute(sa.select(flows_table.c.source_event).where(
                flows_table.c.source_event != "")).scalars())

    def flows(self) -> list[Flow]:
        """The flow figures moderators added (see ``EventStore.add_flow``) that pass validation."""
        rows = self._select(flows_table, flows_table.c.status == RecordStatus.PUBLISHED)
        return _valid(flows_table, Flow, rows)[0]

    def pending_frame(self, identity: Identity) -> pd.DataFrame:
        """``identity``'s own pending submissions, shaped like the events frame (for their map)."""
        rows = self._select(events_table, events_table.c.status == RecordStatus.PENDING,
                            events_table.c.submitted_by == identity.id)
        return records_frame(_valid(events_table, Event, rows)[0], Event)

    def version(self) -> tuple[int, int, int]:
        """Changes whenever anything changes: a cheap cache key for the merged dataset."""
        with self._reading() as connection:
            events = connection.execute(sa.select(sa.func.count()).select_from(events_table)).scalar_one()
            actors = connection.execute(sa.select(sa.func.count()).select_from(actors_table)).scalar_one()
            last = connection.execute(sa.select(sa.func.max(revisions_table.c.id))).scalar_one()
        return events, actors, last or 0

    def provenance(self) -> pd.DataFrame:
        """When and how each stored event arrived (for the data page and exports)."""
        columns = [events_table.c.id, events_table.c.origin, events_table.c.published, events_table.c.status,
                   events_table.c.article_sha256, events_table.c.confidence, events_table.c.saved_at]
        with self._reading() as connection:
            return pd.DataFrame(connection.execute(sa.select(*columns)).mappings().all(),
                                columns=[c.name for c in columns])

    def known_to(self, atlas: Dataset) -> Dataset:
        """The curated dataset with the stored actors added, pending ones too (they go public with the
        first approved event naming them): what a new or corrected record may refer to."""
        stored_actors = records_frame(self.actors() + self.actors(RecordStatus.PENDING), Actor)
        return replace(atlas, actors=pd.concat([atlas.actors, stored_actors], ignore_index=True))

    def record_of(self, atlas: Dataset, event_id: str) -> tuple[dict[str, Any], int]:
        """An event's record and the revision a change of it is made on (0: a curated event never corrected);
        ``KeyError`` when neither the store nor the curated files hold it."""
        current = self.current(event_id)
        if current is not None:
            return current.record, current.revision
        curated = records.rows(atlas.events, event_id)
        if curated.empty:
            raise KeyError(f"no event {event_id!r}")
        return exports.frame_records(curated, EVENT_COLUMNS)[0], 0

    def current(self, event_id: str) -> StoredEvent | None:
        """An event's stored state (None for a curated event never corrected, or no such event)."""
        with self._reading() as connection:
            row = connection.execute(sa.select(events_table).where(events_table.c.id == event_id)).one_or_none()
        return None if row is None else stored_event(row)

    # what moderators and contributors see ---------------------------------------

    def submissions(self, identity: Identity) -> list[StoredEvent]:
        """``identity``'s own submissions in every state, newest first (a contributor's list)."""
        with self._reading() as connection:
            rows = connection.execute(sa.select(events_table).where(events_table.c.submitted_by == identity.id)
                                      .order_by(events_table.c.updated_at.desc(), events_table.c.id)).all()
        return [stored_event(row) for row in rows]

    def feedback(self, identity: Identity) -> dict[str, str]:
        """The moderators' last comment on each of ``identity``'s own submissions."""
        table = revisions_table
        with self._reading() as connection:
            own = sa.select(events_table.c.id).where(events_table.c.submitted_by == identity.id)
            rows = connection.execute(sa.select(table.c.entity_id, table.c.comment).where(
                table.c.entity == "event", table.c.entity_id.in_(own), table.c.comment != "",
                table.c.action.in_([Action.APPROVE, Action.REJECT, Action.MERGE, Action.EDIT, Action.DELETE]))
                .order_by(table.c.number)).all()
        return {row.entity_id: row.comment for row in rows}

    def queue(self, identity: Identity) -> list[StoredEvent]:
        """Every pending submission, oldest first: the review queue (moderators only)."""
        require(identity, Permission.MODERATE)
        with self._reading() as connection:
            rows = connection.execute(sa.select(events_table).where(events_table.c.status == RecordStatus.PENDING)
                                      .order_by(events_table.c.saved_at, events_table.c.id)).all()
        return [stored_event(row) for row in rows]

    def article(self, identity: Identity, sha256: str) -> SourceArticle | None:
        """The article a submission was read from (moderators only: it is not ours to publish)."""
        require(identity, Permission.MODERATE)
        with self._reading() as connection:
            row = connection.execute(sa.select(articles_table).where(articles_table.c.sha256 == sha256)).one_or_none()
        return None if row is None else SourceArticle(row.sha256, row.text, row.source_title, row.source_url,
                                                      row.published)

    def history(self, identity: Identity, event_id: str, entity: str = "event") -> list[Revision]:
        """Every revision of a record, oldest first (moderators only)."""
        require(identity, Permission.MODERATE)
        with self._reading() as connection:
            rows = connection.execute(sa.select(revisions_table).where(
                revisions_table.c.entity == entity, revisions_table.c.entity_id == event_id)
                .order_by(revisions_table.c.number)).all()
        return [_revision(row) for row in rows]

    def audit_log(self, identity: Identity, *, person: str | None = None, action: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None) -> pd.DataFrame:
        """Every change, newest first, filtered by person, action and day (moderators only)."""
        require(identity, Permission.READ_AUDIT)
        table = revisions_table
        conditions = []
        if person:
            conditions.append(table.c.actor == person)
        if action:
            conditions.append(table.c.action == action)
        if since:
            conditions.append(table.c.at >= dt.datetime.combine(since, dt.time.min, dt.UTC))
        if until:
            conditions.append(table.c.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, dt.UTC))
        columns = [table.c.at, table.c.actor, table.c.action, table.c.entity, table.c.entity_id, table.c.number,
                   table.c.status, table.c.changes, table.c.comment, table.c.article_sha256]
        with self._reading() as connection:
            rows = connection.execute(sa.select(*columns).where(*conditions)
                                      .order_by(table.c.at.desc(), table.c.id.desc())).mappings().all()
        log = pd.DataFrame(rows, columns=[c.name for c in columns])
        log["changes"] = [", ".join(sorted(changes)) for changes in log["changes"]]
        return log

    def people(self, identity: Identity) -> list[str]:
        """Everyone who ever changed something (the audit log's person filter)."""
        require(identity, Permission.READ_AUDIT)
        with self._reading() as connection:
            return list(connection.execute(sa.select(revisions_table.c.actor).distinct()
                                           .order_by(revisions_table.c.actor)).scalars())


def stored_event(row: Any) -> StoredEvent:
    """An events table row as the record type callers hold."""
    return StoredEvent(row.id, row.record, RecordStatus(row.status), row.revision, bool(row.curated), row.submitted_by,
                       row.article_sha256, row.confidence)


def _revision(row: Any) -> Revision:
    return Revision(entity=row.entity, entity_id=row.entity_id, number=row.number, action=Action(row.action),
                    status=RecordStatus(row.status), record=row.record, actor=row.actor, at=row.at,
                    changes=row.changes, comment=row.comment, article_sha256=row.article_sha256)


def _valid(table: sa.Table, model: type[Event | Actor | Flow],
           rows: Sequence[sa.Row[Any]]) -> tuple[list[Any], list[Unreadable]]:
    """The rows' records that pass today's validation, and why each of the others does not."""
    valid, unreadable = [], []
    for row in rows:
        try:
            valid.append(model.model_validate(row.record))
        except (ValidationError, TypeError) as error:
            reason = _first_error(error) if isinstance(error, ValidationError) else str(error)
            unreadable.append(Unreadable(table.name, row.id, reason))
    return valid, unreadable


def _first_error(error: ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    return f"field '{where}': {detail['msg']}" if where else detail["msg"]
