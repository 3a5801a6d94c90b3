"""Changing the event store: the revision workflow, every state of every record kept.

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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from gasatlas.auth import Identity, Permission, PermissionDenied, require
from gasatlas.dataset import exports
from gasatlas.dataset.load import Dataset, DataValidationError, validate_additions, validate_flows
from gasatlas.model import records
from gasatlas.model.schema import EVENT_COLUMNS, Actor, Event, Flow
from gasatlas.model.vocab import RecordStatus
from gasatlas.store.engine import STORE_FAILURES, failure, writing
from gasatlas.store.queries import CURATED_FILES, EventQueries, Revision, SourceArticle, StoredEvent, stored_event
from gasatlas.store.tables import Action, actors_table, articles_table, events_table, flows_table, revisions_table

Origin = Literal["extracted", "imported", "manual"]
SAVE_ATTEMPTS = 5
T = TypeVar("T")
TRACKED_STATUS = "status"
"""The pseudo-field a revision's changes name when a record's status moved."""
FROM_PENDING = frozenset({RecordStatus.PENDING})
MERGED_INTO, SOURCES_ADDED = "merged_into", "sources_added"
"""The pseudo-fields a merged candidate's revision names: the event it went into and the links it added there
(``[before, after]`` like any change), which undoing the merge takes back."""


@dataclass(frozen=True)
class Provenance:
    """Where a submission came from, kept with every event it adds; the article it was read from, if any, is
    kept for the moderators (its publication day and hash go with each event)."""

    origin: Origin
    article: SourceArticle | None = None

    @property
    def published(self) -> dt.date | None:
        return self.article.published if self.article else None

    @property
    def article_sha256(self) -> str | None:
        return self.article.sha256 if self.article else None


@dataclass(frozen=True)
class FlowFigure:
    """A flow figure to add (a row in flows.csv's columns), the published event whose volume it is — empty when
    none is known, as for an imported figure no event of the atlas cites — and why it is added (its revision's
    comment)."""

    record: Mapping[str, Any]
    source_event: str
    comment: str


class EditConflict(RuntimeError):
    """The record changed since the editor loaded it: nothing was saved; both versions are attached."""

    def __init__(self, current: StoredEvent, attempted: Mapping[str, Any]) -> None:
        super().__init__(f"event {current.id} was changed by someone else (now at revision {current.revision})")
        self.current = current
        self.attempted = dict(attempted)


class RateLimited(PermissionDenied):
    """A contributor submitted more events in the last hour than the deployment allows."""


@dataclass(frozen=True)
class _Submission:
    """What every record of one submission shares: who sent it, from where, when, and how it starts out."""

    identity: Identity
    provenance: Provenance
    at: dt.datetime

    @property
    def status(self) -> RecordStatus:
        """A moderator's submission is published at once; a contributor's waits in the review queue."""
        return RecordStatus.PUBLISHED if self.identity.can(Permission.MODERATE) else RecordStatus.PENDING

    @property
    def action(self) -> Action:
        if not self.identity.can(Permission.MODERATE):
            return Action.SUBMIT
        return Action.IMPORT if self.provenance.origin == "imported" else Action.PUBLISH

    def first_revision(self, entity: str, entity_id: str, record: dict[str, Any]) -> Revision:
        return Revision(entity=entity, entity_id=entity_id, number=1, action=self.action, status=self.status,
                        record=record, actor=self.identity.id, at=self.at,
                        article_sha256=self.provenance.article_sha256)


@dataclass(frozen=True)
class _Change:
    """One step of the workflow on an event, made on revision ``expected_revision`` (0: a curated event never
    corrected): its action, the record and status it leaves (None: unchanged), and the states it may start from
    (None: any)."""

    event_id: str
    expected_revision: int
    action: Action
    comment: str
    record: Mapping[str, Any] | None = None
    status: RecordStatus | None = None
    allowed_from: frozenset[RecordStatus] | None = None
    noted: Mapping[str, list[Any]] = field(default_factory=dict)
    """Pseudo-fields the revision's changes name besides the record's (``MERGED_INTO``, ``SOURCES_ADDED``)."""


def json_record(record: Event | Actor | Flow) -> dict[str, Any]:
    """A validated record as the store and the data/ formats keep it (JSON types, CSV column names)."""
    return record.model_dump(mode="json", by_alias=True)


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The fields that differ between two records, as ``{field: [before, after]}``."""
    return {name: [before.get(name), after.get(name)] for name in dict.fromkeys([*before, *after])
            if before.get(name) != after.get(name)}


def with_sources(record: Mapping[str, Any], urls: Sequence[str]) -> dict[str, Any]:
    """``record`` with each of ``urls`` it does not name yet (as its source or "also reported") added to its
    "also reported": another outlet's report of the same event."""
    named = [record.get("source_url"), *(record.get("also_reported") or [])]
    added = [url for url in dict.fromkeys(urls) if url not in named]
    return {**record, "also_reported": [*(record.get("also_reported") or []), *added]} if added else dict(record)


class EventStore(EventQueries):
    """The event store: its queries (``EventQueries``) and the revision workflow that changes it."""

    def __init__(self, url: str, submissions_per_hour: int = 30) -> None:
        super().__init__(url)
        self.submissions_per_hour = submissions_per_hour

    def _write(self, work: Callable[[sa.Connection], T], message: str = "the event store refused the save") -> T:
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

        def work(connection: sa.Connection) -> list[str]:
            self._check_rate(connection, identity, len(valid_events) + len(valid_actors))
            submission = _Submission(identity, provenance, dt.datetime.now(dt.UTC))
            _keep_article(connection, submission)
            renamed = _insert_actors(connection, submission, valid_actors, set(atlas.actors["id"]))
            return _insert_events(connection, submission, zip(valid_events, scores, strict=True),
                                  set(atlas.events["id"]), renamed)

        return self._write(work)

    def edit(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
             record: Mapping[str, Any], comment: str = "") -> StoredEvent:
        """Save a corrected record over revision ``expected_revision`` (0: a curated event never corrected).

        Moderators edit any event; contributors their own pending ones. Raises
        ``EditConflict`` when someone saved a newer revision meanwhile.
        """
        return self._change(identity, atlas, _Change(event_id, expected_revision, Action.EDIT, comment, record))

    def approve(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
                comment: str = "") -> StoredEvent:
        return self._change(identity, atlas, _Change(
            event_id, expected_revision, Action.APPROVE, comment, status=RecordStatus.PUBLISHED,
            allowed_from=FROM_PENDING))

    def reject(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
               comment: str = "") -> StoredEvent:
        return self._change(identity, atlas, _Change(
            event_id, expected_revision, Action.REJECT, comment, status=RecordStatus.REJECTED,
            allowed_from=FROM_PENDING))

    def delete(self, identity: Identity, atlas: Dataset, event_id: str, expected_revision: int,
               comment: str = "") -> StoredEvent:
        """Take an event off the atlas (a revision like any other: ``restore`` brings it back)."""
        return self._change(identity, atlas, _Change(
            event_id, expected_revision, Action.DELETE, comment, status=RecordStatus.DELETED))

    def restore(self, identity: Identity, atlas: Dataset, event_id: str, number: int, expected_revision: int,
                comment: str = "") -> StoredEvent:
        """Make revision ``number`` current again (its record and its status), as a new revision."""
        old = next((r for r in self.history(identity, event_id) if r.number == number), None)
        if old is None:
            raise KeyError(f"event {event_id!r} has no revision {number}")
        return self._change(identity, atlas, _Change(
            event_id, expected_revision, Action.RESTORE, comment or f"restored revision {number}", old.record,
            old.status))

    def _validated(self, atlas: Dataset, record: Mapping[str, Any]) -> dict[str, Any]:
        """A record as the store keeps it, or ``DataValidationError`` naming the field."""
        (valid,), _ = validate_additions(self.known_to(atlas), [record])
        return json_record(valid)

    def _change(self, identity: Identity, atlas: Dataset, change: _Change) -> StoredEvent:
        """Move an event to a new revision: the shared path of edit, approve, reject, delete and restore."""
        if change.record is not None:
            change = replace(change, record=self._validated(atlas, change.record))
        return self._write(lambda connection: _revise(connection, identity, atlas, change))

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
                          allowed_from=FROM_PENDING, noted={MERGED_INTO: [None, target_id], SOURCES_ADDED: [[], added]})

        def work(connection: sa.Connection) -> StoredEvent:
            _revise(connection, identity, atlas, leaving)
            return _revise(connection, identity, atlas, into)

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
                _revise(connection, identity, atlas, out)
            return _revise(connection, identity, atlas, back)

        return self._write(work)

    def add_flow(self, identity: Identity, atlas: Dataset, record: Mapping[str, Any], source_event: str,
                 comment: str = "") -> str:
        """Add a flow figure a moderator took from a published event's volume, after confirming it: checked like
        flows.csv against its route and every figure ``atlas`` holds (the curated ones and those stored), kept
        with the event it came from and a revision (entity ``flow``). Moderators only; returns its id."""
        figure = FlowFigure(record, source_event, comment or f"the volume event {source_event} reports")
        return self.add_flows(identity, atlas, [figure])[0]

    def add_flows(self, identity: Identity, atlas: Dataset, figures: Sequence[FlowFigure],
                  action: Action = Action.PUBLISH) -> list[str]:
        """Add flow figures in one transaction, each checked as ``add_flow`` checks one (and beside the others),
        each with its first revision by ``action`` (``import`` for an imported file). Moderators only: a figure
        is published at once, there is no queue for figures. Returns their ids."""
        require(identity, Permission.MODERATE)
        flows = validate_flows(atlas, [figure.record for figure in figures])

        def work(connection: sa.Connection) -> list[str]:
            now = dt.datetime.now(dt.UTC)
            for flow, figure in zip(flows, figures, strict=True):
                stored = json_record(flow)
                connection.execute(flows_table.insert().values(
                    id=flow.id, record=stored, source_event=figure.source_event, status=RecordStatus.PUBLISHED,
                    revision=1, saved_at=now, submitted_by=identity.id))
                _record_revision(connection, Revision(
                    entity="flow", entity_id=flow.id, number=1, action=action, status=RecordStatus.PUBLISHED,
                    record=stored, actor=identity.id, at=now, comment=figure.comment))
            return [flow.id for flow in flows]

        return self._write(work)


def _revise(connection: sa.Connection, identity: Identity, atlas: Dataset, change: _Change) -> StoredEvent:
    """``change`` inside a write transaction: refused on a newer revision than the one it was made on, a role
    that may not make it, or a status it may not start from."""
    current = _current_as_seen(connection, atlas, change)
    _authorise(identity, current, change)
    new_record = {**(change.record if change.record is not None else current.record), "id": change.event_id}
    new_status = change.status or current.status
    changes = {**field_changes(current.record, new_record), **change.noted}
    if new_status != current.status:
        changes[TRACKED_STATUS] = [str(current.status), str(new_status)]
    if not changes and change.action in (Action.EDIT, Action.MERGE):
        return current
    revision = Revision(entity="event", entity_id=change.event_id, number=current.revision + 1,
                        action=change.action, status=new_status, record=new_record, actor=identity.id,
                        at=dt.datetime.now(dt.UTC), changes=changes, comment=change.comment,
                        article_sha256=current.article_sha256)
    connection.execute(events_table.update().where(events_table.c.id == change.event_id).values(
        record=new_record, date=dt.date.fromisoformat(new_record["date"]), status=new_status,
        revision=revision.number, updated_at=revision.at))
    _record_revision(connection, revision)
    if new_status == RecordStatus.PUBLISHED:
        _publish_actors(connection, new_record, identity, revision.at)
    return replace(current, record=new_record, status=new_status, revision=revision.number)


def _current_as_seen(connection: sa.Connection, atlas: Dataset, change: _Change) -> StoredEvent:
    """The event's stored state, if it is still revision ``expected_revision`` (0: the curated record, never
    corrected before); otherwise ``EditConflict``."""
    current, created = _baseline(connection, atlas, change.event_id)
    seen = change.expected_revision or (1 if created else 0)
    if current.revision != seen:
        raise EditConflict(current, change.record or current.record)
    return current


def _baseline(connection: sa.Connection, atlas: Dataset, event_id: str) -> tuple[StoredEvent, bool]:
    """An event's stored state, and whether it was just created: a curated event corrected for the
    first time gets its curated record as revision 1 (its history starts from what the files say)."""
    row = connection.execute(sa.select(events_table).where(events_table.c.id == event_id)).one_or_none()
    if row is not None:
        return stored_event(row), False
    curated = records.rows(atlas.events, event_id)
    if curated.empty:
        raise KeyError(f"no event {event_id!r}")
    record = json_record(Event.model_validate(exports.frame_records(curated, EVENT_COLUMNS)[0]))
    now = dt.datetime.now(dt.UTC)
    connection.execute(events_table.insert().values(
        id=event_id, record=record, date=dt.date.fromisoformat(record["date"]), origin="manual", saved_at=now,
        status=RecordStatus.PUBLISHED, revision=1, submitted_by=None, curated=True, updated_at=now))
    _record_revision(connection, Revision(
        entity="event", entity_id=event_id, number=1, action=Action.CURATED, status=RecordStatus.PUBLISHED,
        record=record, actor=CURATED_FILES, at=now, comment="the curated record (data/events.csv)"))
    return StoredEvent(event_id, record, RecordStatus.PUBLISHED, 1, True, None), True


def _authorise(identity: Identity, current: StoredEvent, change: _Change) -> None:
    """Moderators may do anything, contributors only edit their own pending submissions; and then only what the
    step allows from the event's state."""
    own_pending = current.status == RecordStatus.PENDING and current.submitted_by == identity.id
    if not (change.action == Action.EDIT and own_pending and identity.can(Permission.EDIT_OWN_PENDING)):
        require(identity, Permission.MODERATE)
    if change.allowed_from is not None and current.status not in change.allowed_from:
        raise PermissionDenied(f"event {current.id} is {current.status}: it cannot be {change.action.value}d")


def _free_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or the first free ``stem-N`` (N ≥ 2) that still fits the 80 characters of an id."""
    if wanted not in taken:
        return wanted
    stem = re.sub(r"-\d+$", "", wanted)
    number = 2
    while (candidate := f"{stem[:79 - len(str(number))]}-{number}") in taken:
        number += 1
    return candidate


def _insert_actors(connection: sa.Connection, submission: _Submission, actors: Sequence[Actor],
                   curated_ids: set[str]) -> dict[str, str]:
    """Store a submission's new actors, each under a free id; return the new id of each submitted one."""
    taken = curated_ids | set(connection.execute(sa.select(actors_table.c.id)).scalars())
    renamed: dict[str, str] = {}
    for actor in actors:
        new_id = _free_id(actor.id, taken)
        taken.add(new_id)
        renamed[actor.id] = new_id
        record = json_record(actor.model_copy(update={"id": new_id}))
        connection.execute(actors_table.insert().values(
            id=new_id, record=record, saved_at=submission.at, status=submission.status, revision=1,
            submitted_by=submission.identity.id))
        _record_revision(connection, submission.first_revision("actor", new_id, record))
    return renamed


def _insert_events(connection: sa.Connection, submission: _Submission, scored: Iterable[tuple[Event, float | None]],
                   curated_ids: set[str], renamed_actors: Mapping[str, str]) -> list[str]:
    """Store a submission's events (with their confidence), each under a free id and naming its actors by
    their stored ids; return the ids."""
    taken = curated_ids | set(connection.execute(sa.select(events_table.c.id)).scalars())
    stored_ids = []
    for event, score in scored:
        new_id = _free_id(event.id, taken)
        taken.add(new_id)
        record = json_record(event.model_copy(update={
            "id": new_id,
            "participants": [renamed_actors.get(a, a) for a in event.participants],
            "organisations": [renamed_actors.get(a, a) for a in event.organisations],
        }))
        provenance = submission.provenance
        connection.execute(events_table.insert().values(
            id=new_id, record=record, date=event.date, origin=provenance.origin, published=provenance.published,
            article_sha256=provenance.article_sha256, confidence=score, saved_at=submission.at,
            status=submission.status, revision=1, submitted_by=submission.identity.id, curated=False,
            updated_at=submission.at,
        ))
        _record_revision(connection, submission.first_revision("event", new_id, record))
        stored_ids.append(new_id)
    return stored_ids


def _record_revision(connection: sa.Connection, revision: Revision) -> None:
    connection.execute(revisions_table.insert().values(
        entity=revision.entity, entity_id=revision.entity_id, number=revision.number, action=revision.action,
        status=revision.status, record=revision.record, changes=revision.changes, actor=revision.actor,
        at=revision.at, comment=revision.comment, article_sha256=revision.article_sha256))


def _keep_article(connection: sa.Connection, submission: _Submission) -> None:
    """Keep the article a submission was read from, once however many submissions cite it."""
    article = submission.provenance.article
    if article is None:
        return
    exists = connection.execute(sa.select(articles_table.c.sha256).where(
        articles_table.c.sha256 == article.sha256)).first()
    if exists is None:
        connection.execute(articles_table.insert().values(
            sha256=article.sha256, text=article.text, source_title=article.source_title,
            source_url=article.source_url, published=article.published, submitted_by=submission.identity.id,
            submitted_at=submission.at))


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
        _record_revision(connection, Revision(
            entity="actor", entity_id=actor.id, number=number, action=Action.APPROVE, status=RecordStatus.PUBLISHED,
            record=actor.record, actor=identity.id, at=now,
            changes={TRACKED_STATUS: [RecordStatus.PENDING.value, RecordStatus.PUBLISHED.value]},
            comment="published with an approved event"))
