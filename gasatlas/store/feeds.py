"""The news feeds the watcher reads, every item it read from them, and its runs — kept in the event store.

Moderators add feeds and switch them on or off (``Permission.MODERATE``; each change is a revision of the
feed, so the audit log shows who watches what since when). The watcher writes what it learnt — a feed's
ETag and last error, each item's fate — as a contributor (``Permission.SUBMIT``): its candidates wait in
the review queue like anyone's. An item is stored only once it is dealt with (its candidate stored, or
found irrelevant, or failed), so a watcher stopped mid-run reads the rest next time and loses nothing.

The watcher's runs are a table too: a run ``running`` with a heartbeat younger than ``STALE_AFTER`` is the
lock a second watcher finds, on SQLite and PostgreSQL alike (the check and the claim share one locked
write transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa

from gasatlas.auth import Identity, Permission, require
from gasatlas.dataset.load import Dataset
from gasatlas.model.sanitize import LinkRefused, web_link
from gasatlas.store.tables import (
    Action,
    events_table,
    feed_items_table,
    feeds_table,
    revisions_table,
    watch_runs_table,
)
from gasatlas.store.workflow import EventStore, with_sources

T = TypeVar("T")
STALE_AFTER = dt.timedelta(minutes=15)
"""A running watcher that has not said it is alive for this long has died: its lock is taken over."""
MAX_ATTEMPTS = 3
"""An item whose article could not be fetched is tried again on this many runs, then left as failed."""
LANGUAGES = ("ru", "en", "kk", "uz", "tk", "ky", "tg", "zh")
READING = ("date", "date_precision", "volume_bcm", "volume_period", "place_name_en", "place_name_ru", "place_country",
           "lat", "lon", "geo_precision", "event_type")
"""What an item's report said of its event, kept with the item: the candidate holds its lead report's only."""


class ItemState(StrEnum):
    """What became of a feed item."""

    IRRELEVANT = "irrelevant"  # its title and summary are not about this field
    NO_EVENT = "no_event"  # read: the reader found no event in it
    PROPOSED = "proposed"  # it is a source of a candidate in the review queue (``proposal``)
    SOURCE = "source"  # it reports an event the atlas holds (``existing_event``): proposed as an extra source
    FAILED = "failed"  # its article could not be fetched or read (``error``)
    SOURCE_ADDED = "source_added"  # a moderator added it to the atlas event's sources
    DISMISSED = "dismissed"  # a moderator decided it is not a source of that event


class RunStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    ABANDONED = "abandoned"  # its watcher stopped without finishing (a restart); the next run went on


@dataclass(frozen=True)
class FeedSeed:
    """A feed as a deployment's seed file (``data/feeds.toml``) names it."""

    url: str
    title: str
    language: str
    note: str = ""


@dataclass(frozen=True)
class Feed:
    """A watched feed and its health."""

    id: int
    url: str
    title: str
    language: str
    note: str
    added_by: str
    enabled: bool
    last_fetch: dt.datetime | None
    etag: str | None
    last_modified: str | None
    items_seen: int
    items_relevant: int
    items_proposed: int
    errors: int
    last_error: str | None
    last_error_at: dt.datetime | None


@dataclass(frozen=True)
class ItemOutcome:
    """One feed item dealt with: what the watcher stores of it."""

    feed_id: int
    key: str
    url: str
    title: str
    published: dt.date | None
    relevant: bool
    state: ItemState
    proposal: str | None = None
    existing_event: str | None = None
    error: str | None = None
    reading: Mapping[str, Any] | None = None
    """What its report said (``reading``), when the reader found its event."""


@dataclass(frozen=True)
class SourceReport:
    """One outlet's report of a pending candidate, and what it said (``READING``)."""

    url: str
    reading: Mapping[str, Any]


def reading(event: Mapping[str, Any]) -> dict[str, Any]:
    """The ``READING`` fields of a candidate's event, as JSON keeps them (a date as its ISO text)."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in event.items() if key in READING}


@dataclass(frozen=True)
class WatchRun:
    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    host: str
    status: str
    feeds: int
    items_new: int
    items_relevant: int
    proposed: int
    errors: int
    note: str


class FeedRefused(Exception):
    """A feed that cannot be added: a link the fetcher would refuse, a language or title missing, a feed watched
    already. Not a ``ValueError``: the store turns those into ``StoreError``."""


def _when(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else _when(moment)


def _inserted(result: sa.CursorResult[Any]) -> int:
    """The id the database gave the row just inserted."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _feed(row: Any) -> Feed:
    return Feed(row.id, row.url, row.title, row.language, row.note, row.added_by, bool(row.enabled),
                _utc(row.last_fetch), row.etag, row.last_modified, row.items_seen, row.items_relevant,
                row.items_proposed, row.errors, row.last_error, _utc(row.last_error_at))


class FeedStore:
    """Feeds, feed items and watcher runs, in the event store's database (its engine and write lock)."""

    def __init__(self, events: EventStore) -> None:
        self.events = events

    # reading ---------------------------------------------------------------------

    def feeds(self, *, enabled_only: bool = False) -> list[Feed]:
        """Every watched feed (links of public news sites: nothing secret), by title."""
        query = sa.select(feeds_table).order_by(feeds_table.c.title, feeds_table.c.id)
        if enabled_only:
            query = query.where(feeds_table.c.enabled)
        with self.events._reading() as connection:
            return [_feed(row) for row in connection.execute(query).all()]

    def feed_by_url(self, url: str) -> Feed | None:
        with self.events._reading() as connection:
            row = connection.execute(sa.select(feeds_table).where(feeds_table.c.url == url.strip())).one_or_none()
        return None if row is None else _feed(row)

    def done_keys(self, feed_id: int, keys: Iterable[str]) -> set[str]:
        """The items of a feed already dealt with: stored, and not a failure to try again."""
        wanted = list(keys)
        if not wanted:
            return set()
        table = feed_items_table
        with self.events._reading() as connection:
            rows = connection.execute(sa.select(table.c.key, table.c.state, table.c.attempts).where(
                table.c.feed_id == feed_id, table.c.key.in_(wanted))).all()
        return {row.key for row in rows if row.state != ItemState.FAILED or row.attempts >= MAX_ATTEMPTS}

    def stored_sources(self) -> dict[str, str]:
        """Every article link a stored event names (its source or an "also reported"), to the event's id:
        an item whose link is here was proposed already, even if the watcher stopped before noting it."""
        with self.events._reading() as connection:
            rows = connection.execute(sa.select(events_table.c.id, events_table.c.record)).all()
        found: dict[str, str] = {}
        for row in rows:
            for url in [row.record.get("source_url"), *(row.record.get("also_reported") or [])]:
                if url:
                    found.setdefault(str(url), row.id)
        return found

    def items(self, identity: Identity, *, state: ItemState | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """The latest items read, newest first (moderators only: the page of feed health)."""
        require(identity, Permission.MODERATE)
        table = feed_items_table
        query = sa.select(table, feeds_table.c.title.label("feed")).join(feeds_table).order_by(
            table.c.seen_at.desc(), table.c.id.desc()).limit(limit)
        if state is not None:
            query = query.where(table.c.state == state)
        with self.events._reading() as connection:
            return [dict(row) for row in connection.execute(query).mappings().all()]

    def reports(self, identity: Identity, event_id: str) -> list[SourceReport]:
        """The watched reports a pending candidate was made of, with what each said (moderators only): where
        they disagree is for the moderator to settle (``extract.merge.disagreements``)."""
        require(identity, Permission.MODERATE)
        table = feed_items_table
        with self.events._reading() as connection:
            rows = connection.execute(sa.select(table.c.url, table.c.reading).where(
                table.c.proposal == event_id, table.c.reading.is_not(None)).order_by(table.c.id)).all()
        return [SourceReport(row.url, row.reading) for row in rows]

    def decide_source(self, identity: Identity, atlas: Dataset, item_id: int, accept: bool,
                      comment: str = "") -> None:
        """A moderator's decision on an item proposed as another source of an atlas event: accepted, its link
        joins the event's ``also_reported`` (an edit, with its revision); either way the item says so."""
        require(identity, Permission.MODERATE)
        table = feed_items_table
        with self.events._reading() as connection:
            item = connection.execute(sa.select(table).where(table.c.id == item_id)).one_or_none()
        if item is None or item.state != ItemState.SOURCE or not item.existing_event:
            raise KeyError(f"no extra source waiting as item {item_id}")
        if accept:
            record, revision = self.events.record_of(atlas, item.existing_event)
            if (added := with_sources(record, [item.url])) != record:
                self.events.edit(identity, atlas, item.existing_event, revision, added,
                                 comment or "another report of this event, from a watched feed")
        state = ItemState.SOURCE_ADDED if accept else ItemState.DISMISSED
        self._write(lambda connection: connection.execute(table.update().where(table.c.id == item_id).values(
            state=state)))

    def runs(self, identity: Identity, limit: int = 20) -> list[WatchRun]:
        """The watcher's last runs, newest first (moderators only)."""
        require(identity, Permission.MODERATE)
        table = watch_runs_table
        with self.events._reading() as connection:
            rows = connection.execute(sa.select(table).order_by(table.c.started_at.desc(), table.c.id.desc())
                                      .limit(limit)).all()
        return [WatchRun(row.id, _when(row.started_at), _utc(row.finished_at), row.host, row.status, row.feeds,
                         row.items_new, row.items_relevant, row.proposed, row.errors, row.note) for row in rows]

    # writing: moderators ---------------------------------------------------------------

    def add(self, identity: Identity, seed: FeedSeed, *, enabled: bool = True, comment: str = "") -> Feed:
        """Watch a new feed (moderators only); ``FeedRefused`` for a link the fetcher would not read."""
        require(identity, Permission.MODERATE)
        try:
            url = web_link(seed.url)
        except LinkRefused as error:
            raise FeedRefused(str(error)) from None
        if not seed.title.strip():
            raise FeedRefused("a feed needs a title: the outlet's name")
        if seed.language not in LANGUAGES:
            raise FeedRefused(f"language {seed.language!r} is not one of {', '.join(LANGUAGES)}")

        def work(connection: sa.Connection) -> int:
            if connection.execute(sa.select(feeds_table.c.id).where(feeds_table.c.url == url)).first():
                raise FeedRefused(f"{url} is watched already")
            now = dt.datetime.now(dt.UTC)
            feed_id = _inserted(connection.execute(feeds_table.insert().values(
                url=url, title=seed.title.strip(), language=seed.language, note=seed.note.strip(),
                added_by=identity.id, added_at=now, enabled=enabled, items_seen=0, items_relevant=0,
                items_proposed=0, errors=0)))
            _feed_revision(connection, feed_id, Action.ADD, identity, now, comment)
            return feed_id

        feed_id = self._write(work)
        return next(feed for feed in self.feeds() if feed.id == feed_id)

    def seed(self, identity: Identity, seeds: Sequence[FeedSeed]) -> list[Feed]:
        """Add the seed file's feeds that are not watched yet (a deployment's first start)."""
        known = {feed.url for feed in self.feeds()}
        return [self.add(identity, seed, comment="from the deployment's seed file")
                for seed in seeds if seed.url.strip() not in known]

    def set_enabled(self, identity: Identity, feed_id: int, enabled: bool, comment: str = "") -> None:
        """Switch a feed on or off (moderators only); a feed is never deleted: its items keep their history."""
        require(identity, Permission.MODERATE)

        def work(connection: sa.Connection) -> None:
            current = connection.execute(sa.select(feeds_table.c.enabled).where(feeds_table.c.id == feed_id)).first()
            if current is None:
                raise KeyError(f"no feed {feed_id}")
            if bool(current.enabled) == enabled:
                return
            connection.execute(feeds_table.update().where(feeds_table.c.id == feed_id).values(enabled=enabled))
            _feed_revision(connection, feed_id, Action.ENABLE if enabled else Action.DISABLE, identity,
                           dt.datetime.now(dt.UTC), comment)

        self._write(work)

    # writing: the watcher ---------------------------------------------------------------

    def fetched(self, identity: Identity, feed_id: int, *, etag: str | None, last_modified: str | None) -> None:
        """A feed was read (or found unchanged): when, and the validators for the next conditional request."""
        require(identity, Permission.SUBMIT)
        self._write(lambda connection: connection.execute(feeds_table.update().where(
            feeds_table.c.id == feed_id).values(last_fetch=dt.datetime.now(dt.UTC), etag=etag,
                                                last_modified=last_modified)))

    def failed(self, identity: Identity, feed_id: int, error: str) -> None:
        """A feed could not be read or parsed: the error is kept on it for the moderators' page."""
        require(identity, Permission.SUBMIT)
        now = dt.datetime.now(dt.UTC)
        self._write(lambda connection: connection.execute(feeds_table.update().where(
            feeds_table.c.id == feed_id).values(last_fetch=now, errors=feeds_table.c.errors + 1,
                                                last_error=error[:2000], last_error_at=now)))

    def record(self, identity: Identity, outcomes: Sequence[ItemOutcome]) -> None:
        """Store items dealt with, in one transaction with their feeds' counters; a failed item seen again
        counts one more attempt."""
        require(identity, Permission.SUBMIT)
        if not outcomes:
            return

        def work(connection: sa.Connection) -> None:
            now = dt.datetime.now(dt.UTC)
            table = feed_items_table
            for outcome in outcomes:
                values = {"url": outcome.url, "title": outcome.title[:2000], "published": outcome.published,
                          "seen_at": now, "relevant": outcome.relevant, "state": outcome.state,
                          "proposal": outcome.proposal, "existing_event": outcome.existing_event,
                          "error": outcome.error, "reading": outcome.reading}
                earlier = connection.execute(sa.select(table.c.id, table.c.attempts).where(
                    table.c.feed_id == outcome.feed_id, table.c.key == outcome.key)).first()
                if earlier is None:
                    connection.execute(table.insert().values(feed_id=outcome.feed_id, key=outcome.key, attempts=1,
                                                             **values))
                else:
                    connection.execute(table.update().where(table.c.id == earlier.id).values(
                        attempts=earlier.attempts + 1, **values))
                counters: dict[str, Any] = {}
                if earlier is None:
                    counters["items_seen"] = feeds_table.c.items_seen + 1
                    if outcome.relevant:
                        counters["items_relevant"] = feeds_table.c.items_relevant + 1
                if outcome.state in (ItemState.PROPOSED, ItemState.SOURCE):
                    counters["items_proposed"] = feeds_table.c.items_proposed + 1
                if outcome.state == ItemState.FAILED:
                    counters |= {"errors": feeds_table.c.errors + 1, "last_error": (outcome.error or "")[:2000],
                                 "last_error_at": now}
                if counters:
                    connection.execute(feeds_table.update().where(feeds_table.c.id == outcome.feed_id)
                                       .values(**counters))

        self._write(work)

    def begin_run(self, identity: Identity, host: str) -> int | None:
        """Claim the watcher's lock and open a run; None while another watcher runs. A run whose heartbeat
        is older than ``STALE_AFTER`` is marked abandoned and its lock taken over."""
        require(identity, Permission.SUBMIT)

        def work(connection: sa.Connection) -> int | None:
            now = dt.datetime.now(dt.UTC)
            table = watch_runs_table
            for row in connection.execute(sa.select(table.c.id, table.c.heartbeat_at).where(
                    table.c.status == RunStatus.RUNNING)).all():
                heartbeat = _utc(row.heartbeat_at)
                if heartbeat is not None and now - heartbeat < STALE_AFTER:
                    return None
                connection.execute(table.update().where(table.c.id == row.id).values(
                    status=RunStatus.ABANDONED, finished_at=now, note="stopped without finishing"))
            return _inserted(connection.execute(table.insert().values(
                started_at=now, heartbeat_at=now, host=host[:255], status=RunStatus.RUNNING, feeds=0, items_new=0,
                items_relevant=0, proposed=0, errors=0, note="")))

        return self._write(work)

    def heartbeat(self, run_id: int) -> None:
        """The running watcher is alive (called between feeds and clusters)."""
        self._write(lambda connection: connection.execute(watch_runs_table.update().where(
            watch_runs_table.c.id == run_id).values(heartbeat_at=dt.datetime.now(dt.UTC))))

    def finish_run(self, run_id: int, status: RunStatus, counts: Mapping[str, int], note: str = "") -> None:
        now = dt.datetime.now(dt.UTC)
        self._write(lambda connection: connection.execute(watch_runs_table.update().where(
            watch_runs_table.c.id == run_id).values(status=status, finished_at=now, heartbeat_at=now,
                                                    note=note[:2000], **counts)))

    def _write(self, work: Callable[[sa.Connection], T]) -> T:
        return self.events._write(work, "the feed store refused the save")


def _feed_revision(connection: sa.Connection, feed_id: int, action: Action, identity: Identity, at: dt.datetime,
                   comment: str) -> None:
    """A feed's change in the audit log, numbered like any record's revisions."""
    row = connection.execute(sa.select(feeds_table).where(feeds_table.c.id == feed_id)).one()
    number = 1 + connection.execute(sa.select(sa.func.count()).select_from(revisions_table).where(
        revisions_table.c.entity == "feed", revisions_table.c.entity_id == str(feed_id))).scalar_one()
    record = {"url": row.url, "title": row.title, "language": row.language, "note": row.note,
              "enabled": bool(row.enabled)}
    connection.execute(revisions_table.insert().values(
        entity="feed", entity_id=str(feed_id), number=number, action=action,
        status="enabled" if row.enabled else "disabled", record=record,
        changes={"enabled": [not row.enabled, bool(row.enabled)]} if action != Action.ADD else {},
        actor=identity.id, at=at, comment=comment, article_sha256=None))
