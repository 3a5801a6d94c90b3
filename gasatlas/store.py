"""The event store: what users add to the atlas, in a real database.

SQLite by default (a file, WAL mode, created on first use); any SQLAlchemy URL
works, and PostgreSQL is tested. The curated ``data/`` files stay the reviewed
source; stored events and actors are merged with them by id (see
``gasatlas.data.with_stored``), and can be exported back to the
``data/events.csv`` format without loss.

Every save is one transaction: all of a submission is stored, or none of it.
Saves take the store's write lock before they look for free ids (SQLite's
``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so concurrent saves queue for
a few milliseconds instead of racing: an id that is already taken gets the next
free suffix (``-2``, ``-3``…) and no save is refused because others are saving.

A store that cannot be opened, read or written raises ``StoreError``, whose
message is fit for any reader; the details (driver, host, file) go to the log
and to ``StoreError.detail`` for the command line. A stored record that no
longer passes validation (written by an older version, or by hand) is skipped
and reported by ``unreadable``, never allowed to break a page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import pandas as pd
import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from gasatlas import exports
from gasatlas.config import settings
from gasatlas.data import (
    ACTORS_FILE,
    EVENTS_FILE,
    Dataset,
    DataValidationError,
    Problem,
    csv_rows,
    load_dataset,
    read_text,
    records_frame,
    validate_additions,
    validate_labelled,
)
from gasatlas.schema import ACTOR_COLUMNS, EVENT_COLUMNS, Actor, Event

Origin = Literal["extracted", "imported", "manual"]
SAVE_ATTEMPTS = 5
WRITE = "gasatlas_write"
"""Execution option of a connection that writes: SQLite then begins with ``BEGIN IMMEDIATE``."""
POSTGRES_SAVE_LOCK = 0x6761_7361  # "gasa": the advisory lock every save holds on PostgreSQL
STORE_FAILURES = (SQLAlchemyError, OSError, ImportError, ValueError)
"""What opening, reading or writing a database can raise: driver errors, a missing folder or driver, a bad URL."""

log = logging.getLogger(__name__)

metadata = sa.MetaData()

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
)

actors_table = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)


class StoreError(RuntimeError):
    """The store could not be opened, read or written; a write left it as it was before.

    ``str(error)`` says what failed in words fit for any reader; ``detail`` holds what
    only the operator should see (URL without password, driver message).
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def _safe_url(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "(an unparsable DATABASE_URL)"


def _failure(message: str, url: str, error: BaseException) -> StoreError:
    """A ``StoreError`` for ``error``: ``message`` for anyone, the cause in ``detail`` for the operator."""
    cause = getattr(error, "orig", None) or error
    return StoreError(message, f"{_safe_url(url)}: {type(cause).__name__}: {cause}")


@dataclass(frozen=True)
class Provenance:
    """Where a submission came from, kept with every event it adds."""

    origin: Origin
    published: dt.date | None = None
    article_sha256: str | None = None


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # transactions begin in _sqlite_begin, not inside pysqlite
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA busy_timeout=30000")  # a writer waits for the lock instead of failing
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    """SQLAlchemy's documented pysqlite recipe; a writing connection takes the write lock at once."""
    immediate = connection.get_execution_options().get(WRITE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine(url: str) -> Engine:
    """An engine for ``url``; an SQLite file and its folder are created on first use."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.query.get("uri"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    metadata.create_all(engine)
    return engine


def _free_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or the first free ``stem-N`` (N ≥ 2) that still fits the 80 characters of an id."""
    if wanted not in taken:
        return wanted
    stem = re.sub(r"-\d+$", "", wanted)
    number = 2
    while (candidate := f"{stem[:79 - len(str(number))]}-{number}") in taken:
        number += 1
    return candidate


def _json_record(record: Event | Actor) -> dict:
    return record.model_dump(mode="json", by_alias=True)


@dataclass(frozen=True)
class Unreadable:
    """A stored record that no longer passes validation, and why."""

    table: str
    id: str
    reason: str


def _first_error(error: ValidationError) -> str:
    detail = error.errors()[0]
    field = ".".join(str(part) for part in detail["loc"])
    return f"field '{field}': {detail['msg']}" if field else detail["msg"]


class EventStore:
    """Stored events and actors behind one SQLAlchemy engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = create_engine(url)
        except STORE_FAILURES as error:
            raise _failure("cannot open the event store", url, error) from error

    @contextmanager
    def _failing_as(self, message: str) -> Iterator[None]:
        """Turn any database or file-system failure inside the block into a logged ``StoreError``."""
        try:
            yield
        except STORE_FAILURES as error:
            raise _failure(message, self.url, error) from error

    # reading -------------------------------------------------------------

    def _records(self, table: sa.Table, model: type[Event | Actor]) -> tuple[list, list[Unreadable]]:
        order = (table.c.date, table.c.id) if table is events_table else (table.c.id,)
        with self._failing_as("cannot read the event store"), self.engine.connect() as connection:
            rows = connection.execute(sa.select(table.c.id, table.c.record).order_by(*order)).all()
        valid, unreadable = [], []
        for row in rows:
            try:
                valid.append(model.model_validate(row.record))
            except (ValidationError, TypeError) as error:
                reason = _first_error(error) if isinstance(error, ValidationError) else str(error)
                unreadable.append(Unreadable(table.name, row.id, reason))
        for item in unreadable:
            log.warning("stored %s record %r skipped: %s", item.table, item.id, item.reason)
        return valid, unreadable

    def events(self) -> list[Event]:
        """Every stored event that passes validation (see ``unreadable`` for the others)."""
        return self._records(events_table, Event)[0]

    def actors(self) -> list[Actor]:
        return self._records(actors_table, Actor)[0]

    def unreadable(self) -> list[Unreadable]:
        """Stored records the atlas skips because they fail today's validation (e.g. a date out of range)."""
        return self._records(events_table, Event)[1] + self._records(actors_table, Actor)[1]

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Stored events and actors as frames shaped like the curated ones."""
        return records_frame(self.events(), Event), records_frame(self.actors(), Actor)

    def version(self) -> tuple[int, int, str]:
        """Changes whenever a save lands: a cheap cache key for the merged dataset."""
        with self._failing_as("cannot read the event store"), self.engine.connect() as connection:
            events, last = connection.execute(
                sa.select(sa.func.count(), sa.func.max(events_table.c.saved_at))
            ).one()
            actors = connection.execute(sa.select(sa.func.count()).select_from(actors_table)).scalar_one()
        return events, actors, str(last)

    def provenance(self) -> pd.DataFrame:
        """When and how each stored event arrived (for the data page and exports)."""
        columns = [events_table.c.id, events_table.c.origin, events_table.c.published,
                   events_table.c.article_sha256, events_table.c.confidence, events_table.c.saved_at]
        with self._failing_as("cannot read the event store"), self.engine.connect() as connection:
            return pd.DataFrame(connection.execute(sa.select(*columns)).mappings().all(),
                                columns=[c.name for c in columns])

    def known_to(self, atlas: Dataset) -> Dataset:
        """The curated dataset with the stored actors added: what a new record may refer to."""
        stored_actors = records_frame(self.actors(), Actor)
        return replace(atlas, actors=pd.concat([atlas.actors, stored_actors], ignore_index=True))

    # writing -------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """One transaction holding the store's write lock, so saves never race for ids."""
        with self.engine.connect() as connection:
            connection.execution_options(**{WRITE: True})
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(POSTGRES_SAVE_LOCK)))
                yield connection

    def save(
        self,
        atlas: Dataset,
        events: Sequence[dict],
        actors: Sequence[dict] = (),
        provenance: Provenance = Provenance("manual"),
        confidence: Sequence[float | None] | None = None,
    ) -> list[str]:
        """Validate and store a submission in one transaction; return the ids it was stored under.

        ``atlas`` is the curated dataset; the store adds its own actors, so new
        events may name people stored earlier. An id already used in either place
        is given a free suffix, and references to a renamed new actor follow it.
        Raises ``DataValidationError`` for an invalid record and ``StoreError`` if
        the database refuses; either way nothing is stored.
        """
        valid_events, valid_actors = validate_additions(self.known_to(atlas), events, actors)
        if not valid_events and not valid_actors:
            return []
        scores = list(confidence) if confidence is not None else [None] * len(valid_events)
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                return self._insert(atlas, valid_events, valid_actors, provenance, scores)
            except IntegrityError as error:  # only a writer that bypasses the lock can take our id
                if attempt == SAVE_ATTEMPTS:
                    raise _failure("the event store refused the save", self.url, error) from error
            except STORE_FAILURES as error:
                raise _failure("the event store refused the save", self.url, error) from error
        raise AssertionError("unreachable")

    def _insert(
        self,
        atlas: Dataset,
        events: list[Event],
        actors: list[Actor],
        provenance: Provenance,
        confidence: list[float | None],
    ) -> list[str]:
        now = dt.datetime.now(dt.UTC)
        with self._writing() as connection:
            taken_actors = set(atlas.actors["id"]) | set(connection.execute(sa.select(actors_table.c.id)).scalars())
            renamed: dict[str, str] = {}
            for actor in actors:
                new_id = _free_id(actor.id, taken_actors)
                taken_actors.add(new_id)
                renamed[actor.id] = new_id
                connection.execute(actors_table.insert().values(
                    id=new_id, record=_json_record(actor.model_copy(update={"id": new_id})), saved_at=now))
            taken_events = set(atlas.events["id"]) | set(connection.execute(sa.select(events_table.c.id)).scalars())
            stored_ids = []
            for event, score in zip(events, confidence, strict=True):
                new_id = _free_id(event.id, taken_events)
                taken_events.add(new_id)
                stored = event.model_copy(update={
                    "id": new_id,
                    "participants": [renamed.get(a, a) for a in event.participants],
                    "organisations": [renamed.get(a, a) for a in event.organisations],
                })
                connection.execute(events_table.insert().values(
                    id=new_id, record=_json_record(stored), date=stored.date, origin=provenance.origin,
                    published=provenance.published, article_sha256=provenance.article_sha256,
                    confidence=score, saved_at=now,
                ))
                stored_ids.append(new_id)
        return stored_ids


# the data/ file formats: export, import, and the command line ----------------

def events_csv(events: Iterable[Event]) -> str:
    """Stored events in the exact format of ``data/events.csv``."""
    return exports.events_csv(_json_record(event) for event in events)


def actors_csv(actors: Iterable[Actor]) -> str:
    """Stored actors in the exact format of ``data/actors.csv``."""
    return exports.records_csv((_json_record(actor) for actor in actors), ACTOR_COLUMNS)


def _parse_csv(text: str, source: str, model: type[Event | Actor]) -> list[tuple[str, dict]]:
    """(``line N``, row) pairs of a CSV text, after the same header and cell checks as the data files."""
    problems: list[Problem] = []
    rows = list(csv_rows(source, text, model, problems))
    if problems:
        raise DataValidationError(problems)
    return rows


def parse_events_csv(text: str, source: str = EVENTS_FILE) -> list[dict]:
    """Rows of an events CSV as dicts, after the same header and cell checks as the data files."""
    return [row for _, row in _parse_csv(text, source, Event)]


def export_archive(store: EventStore) -> bytes:
    """The stored events and the actors they introduced, as a ZIP of ``events.csv`` and ``actors.csv``.

    Both files are in the format of ``data/``, so a reviewer can append them to the
    curated files, or another deployment can import them.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(EVENTS_FILE, events_csv(store.events()))
        archive.writestr(ACTORS_FILE, actors_csv(store.actors()))
    return buffer.getvalue()


@dataclass(frozen=True)
class ImportResult:
    stored: list[str]
    """Ids the new events were stored under."""
    unchanged: list[str]
    """Ids of events the atlas already holds exactly as imported (not stored again)."""


def _held_records(atlas: Dataset, store: EventStore) -> dict[str, dict]:
    """Every event the atlas holds, curated or stored, as its JSON record by id."""
    curated = exports.frame_records(atlas.events, EVENT_COLUMNS)
    held = {row["id"]: _json_record(Event.model_validate(row)) for row in curated}
    held.update({event.id: _json_record(event) for event in store.events()})
    return held


def _is_held(row: dict, held: dict[str, dict], model: type[Event | Actor]) -> bool:
    try:
        return held.get(row.get("id")) == _json_record(model.model_validate(row))
    except ValueError:  # an invalid row: the save names its problems
        return False


def import_csv(store: EventStore, atlas: Dataset, events_text: str, actors_text: str = "", *,
               events_source: str = EVENTS_FILE, actors_source: str = ACTORS_FILE) -> ImportResult:
    """Add the events (and actors) of files in the ``data/`` formats to the store, in one transaction.

    Events the atlas already holds with the same content are left alone, so importing
    an export twice, or into the deployment it came from, adds nothing. Raises
    ``DataValidationError`` naming file, line and field; nothing is stored then.
    """
    events = _parse_csv(events_text, events_source, Event)
    actors = _parse_csv(actors_text, actors_source, Actor) if actors_text.strip() else []
    held_events = _held_records(atlas, store)
    held_actors = {actor.id: _json_record(actor) for actor in store.actors()}
    held_actors.update({row["id"]: _json_record(Actor.model_validate(row))
                        for row in exports.frame_records(atlas.actors, ACTOR_COLUMNS)})
    new_events = [(line, row) for line, row in events if not _is_held(row, held_events, Event)]
    new_actors = [(line, row) for line, row in actors if not _is_held(row, held_actors, Actor)]
    validate_labelled(store.known_to(atlas), new_events, new_actors,  # problems named by file and line
                      events_source=events_source, actors_source=actors_source)
    stored = store.save(atlas, [row for _, row in new_events], actors=[row for _, row in new_actors],
                        provenance=Provenance("imported"))
    fresh = {line for line, _ in new_events}
    return ImportResult(stored, [row["id"] for line, row in events if line not in fresh])


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m gasatlas.store export FOLDER`` | ``import EVENTS_CSV [--actors ACTORS_CSV]``."""
    parser = argparse.ArgumentParser(prog="python -m gasatlas.store",
                                     description="Export the event store to the data/ file formats, or import them.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write events.csv and actors.csv of the stored records")
    export.add_argument("folder", type=Path)
    load = commands.add_parser("import", help="store the events of an events.csv (and the actors of an actors.csv)")
    load.add_argument("events", type=Path)
    load.add_argument("--actors", type=Path)
    args = parser.parse_args(argv)

    def fail(message: str, status: int) -> int:
        print(f"error: {message}", file=sys.stderr)
        return status

    try:
        store = EventStore(settings().database_url)
        if args.command == "export":
            args.folder.mkdir(parents=True, exist_ok=True)
            (args.folder / EVENTS_FILE).write_text(events_csv(store.events()), encoding="utf-8")
            (args.folder / ACTORS_FILE).write_text(actors_csv(store.actors()), encoding="utf-8")
            print(f"wrote {args.folder / EVENTS_FILE} and {args.folder / ACTORS_FILE}", file=sys.stderr)
            return 0
        problems: list[Problem] = []
        events_text = read_text(args.events, problems)
        actors_text = read_text(args.actors, problems) if args.actors else ""
        if problems:
            raise DataValidationError(problems)
        result = import_csv(store, load_dataset(settings().data_dir), events_text, actors_text or "",
                            events_source=args.events.name,
                            actors_source=args.actors.name if args.actors else ACTORS_FILE)
    except DataValidationError as error:
        return fail("nothing was stored:\n" + "\n".join(str(problem) for problem in error.problems), 2)
    except StoreError as error:
        return fail(f"nothing was stored: {error} ({error.detail})", 1)
    except OSError as error:
        return fail(f"nothing was stored: {error}", 1)
    print(f"stored {len(result.stored)} event(s); {len(result.unchanged)} already in the atlas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
