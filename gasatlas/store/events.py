"""The event store: what users add to the atlas and how it was corrected — every state of every record.

The curated ``data/`` files stay the reviewed source. Stored events and actors
are merged with them by id (``gasatlas.dataset.load.with_stored``): published stored
events join the atlas, and a stored row with a curated id is a correction of
that curated event (or its deletion). Only ``published`` records are public.

Every change is a revision (who, when, what changed field by field, why, from
which article), and every function that changes data takes the acting
``Identity`` and refuses it without the role (``gasatlas.auth``):

* contributors ``submit`` events, which wait in the review queue, and ``edit``
  their own pending ones;
* moderators' submissions are published at once; moderators ``approve``,
  ``reject``, ``edit`` (curated events too), ``delete`` and ``restore`` any
  revision — deletion is a revision too, so nothing is ever lost.

Edits carry the revision number they were made on: a second moderator saving
over a newer revision gets ``EditConflict`` with both versions, and nothing is
overwritten. Writes hold the store's write lock (``engine.writing``), so
concurrent saves queue for milliseconds instead of racing for ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd
import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from gasatlas.auth import Identity, Permission, PermissionDenied, require
from gasatlas.dataset import exports
from gasatlas.dataset.load import Dataset, DataValidationError, records_frame, validate_additions, validate_flows
from gasatlas.model import records
from gasatlas.model.schema import EVENT_COLUMNS, Actor, Event, Flow
from gasatlas.model.vocab import RecordStatus
from gasatlas.store.engine import STORE_FAILURES, create_engine, failure, migrate, writing
from gasatlas.store.tables import (
    Action,
    actors_table,
    articles_table,
    events_table,
    flows_table,
    revisions_table,
)

Origin = Literal["extracted", "imported", "manual"]
SAVE_ATTEMPTS = 5
TRACKED_STATUS = "status"
"""The pseudo-field a revision's changes name when a record's status moved."""
MERGED_INTO, SOURCES_ADDED = "merged_into", "sources_added"
"""The pseudo-fields a merged candidate's revision names: the event it went into and the links it added there
(``[before, after]`` like any change), which undoing the merge takes back."""


@dataclass(frozen=True)
class Provenance:
    """Where a submission came from, kept with every event it adds."""

    origin: Origin
    published: dt.date | None = None
    article_sha256: str | None = None


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
    record: dict
    status: RecordStatus
    revision: int
    curated: bool
    submitted_by: str | None
    article_sha256: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Revision:
    """One state a record had: what changed, who changed it, when and why."""

    entity: str
    entity_id: str
    number: int
    action: Action
    status: RecordStatus
    record: dict
    changes: dict[str, list]
    actor: str
    at: dt.datetime
    comment: str
    article_sha256: str | None


PENDING_ONLY = frozenset({RecordStatus.PENDING})


@dataclass(frozen=True)
class _Change:
    """One move of an event to a new revision, made on revision ``expected_revision`` (0: a curated event never
    corrected): a new ``record`` and/or ``status``, allowed only from the statuses ``allowed_from`` (any if None)."""

    event_id: str
    expected_revision: int
    action: Action
    comment: str
    record: Mapping[str, Any] | None = None
    status: RecordStatus | None = None
    allowed_from: frozenset[RecordStatus] | None = None
    noted: Mapping[str, list] = field(default_factory=dict)
    """Pseudo-fields the revision's changes name besides the record's (``MERGED_INTO``, ``SOURCES_ADDED``)."""


class EditConflict(RuntimeError):
    """The record changed since the editor loaded it: nothing was saved; both versions are attached."""

    def __init__(self, current: StoredEvent, attempted: Mapping[str, Any]) -> None:
        super().__init__(f"event {current.id} was changed by someone else (now at revision {current.revision})")
        self.current = current
        self.attempted = dict(attempted)


class RateLimited(PermissionDenied):
    """A contributor submitted more events in the last hour than the deployment allows."""


@dataclass(frozen=True)
class StoredFrames:
    """The public part of the store, shaped like the curated frames, and the curated events it hides."""

    events: pd.DataFrame
    actors: pd.DataFrame
    hidden: frozenset[str] = field(default_factory=frozenset)
    """Curated event ids a moderator deleted."""
    flows: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Flow figures moderators took from events' volumes, shaped like the curated flows."""


def json_record(record: Event | Actor | Flow) -> dict:
    """A validated record as the store and the data/ formats keep it (JSON types, CSV column names)."""
    return record.model_dump(mode="json", by_alias=True)


def _free_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or the first free ``stem-N`` (N ≥ 2) that still fits the 80 characters of an id."""
    if wanted not in taken:
        return wanted
    stem = re.sub(r"-\d+$", "", wanted)
    number = 2
    while (candidate := f"{stem[:79 - len(str(number))]}-{number}") in taken:
        number += 1
    return candidate


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list]:
    """The fields that differ between two records, as ``{field: [before, after]}``."""
    return {name: [before.get(name), after.get(name)] for name in dict.fromkeys([*before, *after])
            if before.get(name) != after.get(name)}


def with_sources(record: Mapping[str, Any], urls: Sequence[str]) -> dict:
    """``record`` with each of ``urls`` it does not name yet (as its source or "also reported") added to its
    "also reported": another outlet's report of the same event."""
    named = [record.get("source_url"), *(record.get("also_reported") or [])]
    added = [url for url in dict.fromkeys(urls) if url not in named]
    return {**record, "also_reported": [*(record.get("also_reported") or []), *added]} if added else dict(record)


def _first_error(error: ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    return f"field '{where}': {detail['msg']}" if where else detail["msg"]


class EventStore:
    """Stored events, actors, their revisions and source articles, behind one SQLAlchemy engine."""

    def __init__(self, url: str, submissions_per_hour: int = 30) -> None:
        self.url = url
        self.submissions_per_hour = submissions_per_hour
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

    # reading: the public atlas ---------------------------------------------------

    def _valid(self, table: sa.Table, model: type[Event | Actor | Flow],
               rows: Sequence) -> tuple[list, list[Unreadable]]:
        valid, unreadable = [], []
        for row in rows:
            try:
                valid.append(model.model_validate(row.record))
            except (ValidationError, TypeError) as error:
                reason = _first_error(error) if isinstance(error, ValidationError) else str(error)
                unreadable.append(Unreadable(table.name, row.id, reason))
        return valid, unreadable

    def _select(self, table: sa.Table, *conditions: Any) -> Sequence[sa.Row]:
        order = (table.c.date, table.c.id) if table is events_table else (table.c.id,)
        with self._reading() as connection:
            return list(connection.execute(sa.select(table).where(*conditions).order_by(*order)).all())

    def events(self, status: RecordStatus = RecordStatus.PUBLISHED) -> list[Event]:
        """The stored events in ``status`` that pass validation (see ``unreadable`` for the others)."""
        return self._valid(events_table, Event, self._select(events_table, events_table.c.status == status))[0]

    def actors(self, status: RecordStatus = RecordStatus.PUBLISHED) -> list[Actor]:
        return self._valid(actors_table, Actor, self._select(actors_table, actors_table.c.status == status))[0]

    def unreadable(self) -> list[Unreadable]:
        """Stored records the atlas skips because they fail today's validation (e.g. a date out of range)."""
        return (self._valid(events_table, Event, self._select(events_table))[1]
                + self._valid(actors_table, Actor, self._select(actors_table))[1])

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
            return frozenset(connection.execute(sa.select(flows_table.c.source_event)).scalars())

    def flows(self) -> list[Flow]:
        """The flow figures moderators added (see ``add_flow``) that pass validation."""
        with self._reading() as connection:
            rows = connection.execute(sa.select(flows_table).where(flows_table.c.status == RecordStatus.PUBLISHED)
                                      .order_by(flows_table.c.id)).all()
        valid, _ = self._valid(flows_table, Flow, rows)
        return valid

    def pending_frame(self, identity: Identity) -> pd.DataFrame:
        """``identity``'s own pending submissions, shaped like the events frame (for their map)."""
        rows = self._select(events_table, events_table.c.status == RecordStatus.PENDING,
                            events_table.c.submitted_by == identity.id)
        return records_frame(self._valid(events_table, Event, rows)[0], Event)

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

    def current(self, event_id: str) -> StoredEvent | None:
        """An event's stored state (None for a curated event never corrected, or no such event)."""
        with self._reading() as connection:
            row = connection.execute(sa.select(events_table).where(events_table.c.id == event_id)).one_or_none()
        return None if row is None else _stored(row)

    # reading: what moderators and contributors see -------------------------------------

    def submissions(self, identity: Identity) -> list[StoredEvent]:
        """``identity``'s own submissions in every state, newest first (a contributor's list)."""
        with self._reading() as connection:
            rows = connection.execute(sa.select(events_table).where(events_table.c.submitted_by == identity.id)
                                      .order_by(events_table.c.updated_at.desc(), events_table.c.id)).all()
        return [_stored(row) for row in rows]

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
        return [_stored(row) for row in rows]

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

    # writing -------------------------------------------------------------------

    def _write(self, work, message: str = "the event store refused the save"):
        """Run ``work(connection)`` in one locked transaction; database failures become ``StoreError``."""
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with writing(self.engine) as connection:
                    return work(connection)
            except (PermissionDenied, EditConflict, KeyError, DataValidationError):
                raise  # refusals, not failures: the transaction was rolled back
            except IntegrityError as error:  # only a writer that bypasses the lock can take our id
                if attempt == SAVE_ATTEMPTS:
                    raise failure(message, self.url, error) from error
            except STORE_FAILURES as error:
                raise failure(message, self.url, error) from error
        raise AssertionError("unreachable")

    def _check_rate(self, connection: sa.Connection, identity: Identity, count: int) -> None:
        """Refuse a contributor's ``count`` new records (events and actors alike: each is a row a moderator must
        review) if with those of the last hour they pass the limit; the whole submission, never a part."""
        if identity.can(Permission.MODERATE):
            return
        hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        recent = connection.execute(sa.select(sa.func.count()).select_from(revisions_table).where(
            revisions_table.c.actor == identity.id, revisions_table.c.action == Action.SUBMIT,
            revisions_table.c.at >= hour_ago)).scalar_one()
        if recent + count > self.submissions_per_hour:
            raise RateLimited(f"{identity.name} submitted {recent} record(s) in the last hour and now {count} more; "
                              f"the limit is {self.submissions_per_hour} an hour (events and actors)")

    def submit(
        self,
        identity: Identity,
        atlas: Dataset,
        events: Sequence[Mapping[str, Any]],
        actors: Sequence[Mapping[str, Any]] = (),
        provenance: Provenance = Provenance("manual"),
        confidence: Sequence[float | None] | None = None,
        article: SourceArticle | None = None,
    ) -> list[str]:
        """Validate and store a submission in one transaction; return the ids it was stored under.

        A contributor's events (and the new actors they name) wait in the review
        queue; a moderator's are published at once. ``atlas`` is the curated
        dataset; an id used in either place gets a free suffix, and references to
        a renamed new actor follow it. Raises ``PermissionDenied`` (or
        ``RateLimited``), ``DataValidationError`` naming record and field, or
        ``StoreError``; in every case nothing is stored.
        """
        require(identity, Permission.SUBMIT)
        valid_events, valid_actors = validate_additions(self.known_to(atlas), events, actors)
        if not valid_events and not valid_actors:
            return []
        scores = list(confidence) if confidence is not None else [None] * len(valid_events)
        moderator = identity.can(Permission.MODERATE)
        status, action = ((RecordStatus.PUBLISHED, Action.PUBLISH) if moderator
                          else (RecordStatus.PENDING, Action.SUBMIT))
        if provenance.origin == "imported":
            action = Action.IMPORT if moderator else Action.SUBMIT

        def work(connection: sa.Connection) -> list[str]:
            self._check_rate(connection, identity, len(valid_events) + len(valid_actors))
            now = dt.datetime.now(dt.UTC)
            if article is not None:
                _keep_article(connection, article, identity, now)
            taken_actors = set(atlas.actors["id"]) | set(connection.execute(sa.select(actors_table.c.id)).scalars())
            renamed: dict[str, str] = {}
            for actor in valid_actors:
                new_id = _free_id(actor.id, taken_actors)
                taken_actors.add(new_id)
                renamed[actor.id] = new_id
                record = json_record(actor.model_copy(update={"id": new_id}))
                connection.execute(actors_table.insert().values(
                    id=new_id, record=record, saved_at=now, status=status, revision=1, submitted_by=identity.id))
                _add_revision(connection, "actor", new_id, 1, action, status, record, {}, identity, now, "",
                              provenance.article_sha256)
            taken_events = set(atlas.events["id"]) | set(connection.execute(sa.select(events_table.c.id)).scalars())
            stored_ids = []
            for event, score in zip(valid_events, scores, strict=True):
                new_id = _free_id(event.id, taken_events)
                taken_events.add(new_id)
                record = json_record(event.model_copy(update={
                    "id": new_id,
                    "participants": [renamed.get(a, a) for a in event.participants],
                    "organisations": [renamed.get(a, a) for a in event.organisations],
                }))
                connection.execute(events_table.insert().values(
                    id=new_id, record=record, date=event.date, origin=provenance.origin,
                    published=provenance.published, article_sha256=provenance.article_sha256, confidence=score,
                    saved_at=now, status=status, revision=1, submitted_by=identity.id, curated=False, updated_at=now,
                ))
                _add_revision(connection, "event", new_id, 1, action, status, record, {}, identity, now, "",
                              provenance.article_sha256)
                stored_ids.append(new_id)
            return stored_ids

        return self._write(work)

    def _baseline(self, connection: sa.Connection, atlas: Dataset, event_id: str) -> tuple[StoredEvent, bool]:
        """An event's stored state, and whether it was just created: a curated event corrected for the
        first time gets its curated record as revision 1 (its history starts from what the files say)."""
        row = connection.execute(sa.select(events_table).where(events_table.c.id == event_id)).one_or_none()
        if row is not None:
            return _stored(row), False
        curated = records.rows(atlas.events, event_id)
        if curated.empty:
            raise KeyError(f"no event {event_id!r}")
        record = json_record(Event.model_validate(exports.frame_records(curated, EVENT_COLUMNS)[0]))
        now = dt.datetime.now(dt.UTC)
        connection.execute(events_table.insert().values(
            id=event_id, record=record, date=dt.date.fromisoformat(record["date"]), origin="manual", saved_at=now,
            status=RecordStatus.PUBLISHED, revision=1, submitted_by=None, curated=True, updated_at=now))
        _add_revision(connection, "event", event_id, 1, Action.CURATED, RecordStatus.PUBLISHED, record, {},
                      None, now, "the curated record (data/events.csv)", None)
        return StoredEvent(event_id, record, RecordStatus.PUBLISHED, 1, True, None), True

    def _validated(self, atlas: Dataset, record: Mapping[str, Any]) -> dict:
        """A record as the store keeps it, or ``DataValidationError`` naming the field."""
        (valid,), _ = validate_additions(self.known_to(atlas), [record])
        return json_record(valid)

    def _change(self, identity: Identity, atlas: Dataset, change: _Change) -> StoredEvent:
        """Move an event to a new revision: the shared path of edit, approve, reject, delete and restore."""
        if change.record is not None:
            change = replace(change, record=self._validated(atlas, change.record))
        return self._write(lambda connection: self._revise(connection, identity, atlas, change))

    def _revise(self, connection: sa.Connection, identity: Identity, atlas: Dataset, change: _Change) -> StoredEvent:
        """``change`` inside a write transaction: refused on a newer revision than the one it was made on, a
        role that may not make it, or a status it may not start from."""
        current, created = self._baseline(connection, atlas, change.event_id)
        seen = change.expected_revision or (1 if created else 0)  # 0: the curated record, never corrected before
        if current.revision != seen:
            raise EditConflict(current, change.record or current.record)
        _authorise(identity, current, change.action)
        if change.allowed_from is not None and current.status not in change.allowed_from:
            raise PermissionDenied(f"event {change.event_id} is {current.status}: "
                                   f"it cannot be {change.action.value.removesuffix('e')}ed")
        new_record = {**(change.record or current.record), "id": change.event_id}
        new_status = change.status or current.status
        changes = {**field_changes(current.record, new_record), **change.noted}
        if new_status != current.status:
            changes[TRACKED_STATUS] = [str(current.status), str(new_status)]
        if not changes and change.action in (Action.EDIT, Action.MERGE):
            return current
        number = current.revision + 1
        now = dt.datetime.now(dt.UTC)
        connection.execute(events_table.update().where(events_table.c.id == change.event_id).values(
            record=new_record, date=dt.date.fromisoformat(new_record["date"]), status=new_status,
            revision=number, updated_at=now))
        _add_revision(connection, "event", change.event_id, number, change.action, new_status, new_record, changes,
                      identity, now, change.comment, current.article_sha256)
        if new_status == RecordStatus.PUBLISHED:
            _publish_actors(connection, new_record, identity, now)
        return replace(current, record=new_record, status=new_status, revision=number)

    def record_of(self, atlas: Dataset, event_id: str) -> tuple[dict, int]:
        """An event's record and the revision a change of it is made on (0: a curated event never corrected);
        ``KeyError`` when neither the store nor the curated files hold it."""
        current = self.current(event_id)
        if current is not None:
            return current.record, current.revision
        curated = records.rows(atlas.events, event_id)
        if curated.empty:
            raise KeyError(f"no event {event_id!r}")
        return exports.frame_records(curated, EVENT_COLUMNS)[0], 0

    def merge_into(self, identity: Identity, atlas: Dataset, candidate_id: str, expected_revision: int,
                   target_id: str, comment: str = "") -> StoredEvent:
        """Merge a pending candidate (revision ``expected_revision``) into an event on the atlas: the
        candidate's sources — its article and every "also reported" — join the event's, and the candidate
        leaves the queue as rejected. Two revisions with the action ``merge``, in one transaction; restoring
        the revision before each undoes it. Moderators only; returns the event merged into."""
        require(identity, Permission.MODERATE)
        if target_id == candidate_id:
            raise PermissionDenied(f"event {candidate_id} cannot be merged into itself")
        candidate = self.current(candidate_id)
        if candidate is None:
            raise KeyError(f"no candidate {candidate_id!r} in the store")
        target, target_revision = self.record_of(atlas, target_id)
        why = f"merged {candidate_id} into {target_id}" + (f": {comment}" if comment else "")
        merged = with_sources(target, [candidate.record["source_url"], *candidate.record.get("also_reported", [])])
        added = merged["also_reported"][len(target.get("also_reported") or []):]
        into = _Change(target_id, target_revision, Action.MERGE, why, record=self._validated(atlas, merged),
                       allowed_from=frozenset({RecordStatus.PUBLISHED}))
        leaving = _Change(candidate_id, expected_revision, Action.MERGE, why, status=RecordStatus.REJECTED,
                          allowed_from=PENDING_ONLY, noted={MERGED_INTO: [None, target_id], SOURCES_ADDED: [[], added]})

        def work(connection: sa.Connection) -> StoredEvent:
            self._revise(connection, identity, atlas, leaving)
            return self._revise(connection, identity, atlas, into)

        return self._write(work)

    def undo_merge(self, identity: Identity, atlas: Dataset, candidate_id: str, expected_revision: int,
                   comment: str = "") -> StoredEvent:
        """Take back the merge that was a candidate's last revision: it is pending again, as before the merge,
        and the links the merge added leave the event it went into (whatever else changed there since stays).
        Two revisions (``restore``) in one transaction; moderators only. Returns the candidate."""
        require(identity, Permission.MODERATE)
        history = self.history(identity, candidate_id)
        if len(history) < 2 or history[-1].action != Action.MERGE or MERGED_INTO not in history[-1].changes:
            raise PermissionDenied(f"event {candidate_id} was not merged last: there is no merge to undo")
        merge, before = history[-1], history[-2]
        target_id, added = merge.changes[MERGED_INTO][1], merge.changes[SOURCES_ADDED][1]
        why = f"undid the merge of {candidate_id} into {target_id}" + (f": {comment}" if comment else "")
        back = _Change(candidate_id, expected_revision, Action.RESTORE, why,
                       record=self._validated(atlas, before.record), status=before.status,
                       allowed_from=frozenset({RecordStatus.REJECTED}))
        target, target_revision = self.record_of(atlas, target_id)
        kept = [url for url in target.get("also_reported") or [] if url not in added]
        out = _Change(target_id, target_revision, Action.RESTORE, why,
                      record=self._validated(atlas, {**target, "also_reported": kept}))

        def work(connection: sa.Connection) -> StoredEvent:
            if kept != list(target.get("also_reported") or []):
                self._revise(connection, identity, atlas, out)
            return self._revise(connection, identity, atlas, back)

        return self._write(work)

    def add_flow(self, identity: Identity, atlas: Dataset, record: Mapping[str, Any], source_event: str,
                 comment: str = "") -> str:
        """Add a flow figure a moderator took from a published event's volume, after confirming it: checked like
        flows.csv against its route and every figure ``atlas`` holds (the curated ones and those stored), kept
        with the event it came from and a revision (entity ``flow``). Moderators only; returns its id."""
        require(identity, Permission.MODERATE)
        (flow,) = validate_flows(atlas, [record])
        stored = json_record(flow)

        def work(connection: sa.Connection) -> str:
            now = dt.datetime.now(dt.UTC)
            connection.execute(flows_table.insert().values(
                id=flow.id, record=stored, source_event=source_event, status=RecordStatus.PUBLISHED, revision=1,
                saved_at=now, submitted_by=identity.id))
            _add_revision(connection, "flow", flow.id, 1, Action.PUBLISH, RecordStatus.PUBLISHED, stored, {},
                          identity, now, comment or f"the volume event {source_event} reports", None)
            return flow.id

        return self._write(work)

    def edit(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
             record: Mapping[str, Any], comment: str = "") -> StoredEvent:
        """Save a corrected record over revision ``expected_revision`` (0: a curated event never corrected).

        Moderators edit any event; contributors their own pending ones. Raises
        ``EditConflict`` when someone saved a newer revision meanwhile.
        """
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.EDIT, comment, record=record))

    def approve(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
                comment: str = "") -> StoredEvent:
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.APPROVE, comment,
                                                     status=RecordStatus.PUBLISHED, allowed_from=PENDING_ONLY))

    def reject(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
               comment: str = "") -> StoredEvent:
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.REJECT, comment,
                                                     status=RecordStatus.REJECTED, allowed_from=PENDING_ONLY))

    def delete(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
               comment: str = "") -> StoredEvent:
        """Take an event off the atlas (a revision like any other: ``restore`` brings it back)."""
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.DELETE, comment,
                                                     status=RecordStatus.DELETED))

    def restore(self, identity: Identity, atlas: Dataset, event_id: str, number: int, expected_revision: int,
                comment: str = "") -> StoredEvent:
        """Make revision ``number`` current again (its record and its status), as a new revision."""
        old = next((r for r in self.history(identity, event_id) if r.number == number), None)
        if old is None:
            raise KeyError(f"event {event_id!r} has no revision {number}")
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.RESTORE,
                                                     comment or f"restored revision {number}", record=old.record,
                                                     status=old.status))


def _stored(row: Any) -> StoredEvent:
    return StoredEvent(row.id, row.record, RecordStatus(row.status), row.revision, bool(row.curated), row.submitted_by,
                       row.article_sha256, row.confidence)


def _revision(row: Any) -> Revision:
    return Revision(row.entity, row.entity_id, row.number, Action(row.action), RecordStatus(row.status), row.record,
                    row.changes, row.actor, row.at, row.comment, row.article_sha256)


def _authorise(identity: Identity, current: StoredEvent, action: Action) -> None:
    """Moderators may do anything; contributors only edit their own pending submissions."""
    if identity.can(Permission.MODERATE):
        return
    own_pending = current.status == RecordStatus.PENDING and current.submitted_by == identity.id
    if action == Action.EDIT and own_pending and identity.can(Permission.EDIT_OWN_PENDING):
        return
    require(identity, Permission.MODERATE)


def _add_revision(connection: sa.Connection, entity: str, entity_id: str, number: int, action: Action,
                  status: RecordStatus, record: dict, changes: dict, identity: Identity | None, at: dt.datetime,
                  comment: str, article_sha256: str | None) -> None:
    connection.execute(revisions_table.insert().values(
        entity=entity, entity_id=entity_id, number=number, action=action, status=status, record=record,
        changes=changes, actor=identity.id if identity else "data/ files", at=at, comment=comment,
        article_sha256=article_sha256))


def _keep_article(connection: sa.Connection, article: SourceArticle, identity: Identity, now: dt.datetime) -> None:
    exists = connection.execute(sa.select(articles_table.c.sha256).where(
        articles_table.c.sha256 == article.sha256)).first()
    if exists is None:
        connection.execute(articles_table.insert().values(
            sha256=article.sha256, text=article.text, source_title=article.source_title,
            source_url=article.source_url, published=article.published, submitted_by=identity.id,
            submitted_at=now))


def _publish_actors(connection: sa.Connection, record: Mapping[str, Any], identity: Identity,
                    now: dt.datetime) -> None:
    """New people and organisations go public with the first published event that names them."""
    named = [*record.get("participants", []), *record.get("organisations", [])]
    pending = connection.execute(sa.select(actors_table).where(
        actors_table.c.id.in_(named), actors_table.c.status == RecordStatus.PENDING)).all()
    for actor in pending:
        number = actor.revision + 1
        connection.execute(actors_table.update().where(actors_table.c.id == actor.id).values(
            status=RecordStatus.PUBLISHED, revision=number))
        _add_revision(connection, "actor", actor.id, number, Action.APPROVE, RecordStatus.PUBLISHED, actor.record,
                      {TRACKED_STATUS: [RecordStatus.PENDING.value, RecordStatus.PUBLISHED.value]}, identity, now,
                      "published with an approved event", None)
