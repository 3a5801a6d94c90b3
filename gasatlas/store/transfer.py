"""The atlas in the ``data/`` file formats: export of its current state, import of such files.

The export is the merged current state — the curated events with the moderators'
corrections applied and deletions left out, plus the published stored events —
so a reviewer can diff it against ``data/events.csv`` and carry corrections back
into the curated files, and another deployment can import it.

An import goes through the same permission check and review as any submission:
rows the atlas holds unchanged are skipped, new rows are submitted (to the queue,
or published when a moderator imports), and rows that change an event the atlas
holds are corrections, which only a moderator may import.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gasatlas.auth import Identity, Permission, PermissionDenied, require
from gasatlas.dataset import exports
from gasatlas.dataset.load import (
    ACTORS_FILE,
    EVENTS_FILE,
    Dataset,
    DataValidationError,
    Problem,
    csv_rows,
    validate_labelled,
)
from gasatlas.model.schema import ACTOR_COLUMNS, EVENT_COLUMNS, Actor, Event
from gasatlas.store.queries import StoredEvent
from gasatlas.store.workflow import EventStore, Provenance, json_record


def events_csv(events: Iterable[Event]) -> str:
    """Events in the exact format of ``data/events.csv``."""
    return exports.events_csv(json_record(event) for event in events)


def actors_csv(actors: Iterable[Actor]) -> str:
    """Actors in the exact format of ``data/actors.csv``."""
    return exports.records_csv((json_record(actor) for actor in actors), ACTOR_COLUMNS)


def parse_csv(text: str, source: str, model: type[Event | Actor]) -> list[tuple[str, dict[str, Any]]]:
    """(``line N``, row) pairs of a CSV text, after the same header and cell checks as the data files."""
    problems: list[Problem] = []
    rows = list(csv_rows(source, text, model, problems))
    if problems:
        raise DataValidationError(problems)
    return rows


def repeated_ids(rows: Iterable[tuple[str, dict[str, Any]]], source: str) -> list[Problem]:
    """Ids a file gives more than once, with their lines: an import applying both rows would let the last
    silently win over the first (or store both under different ids), so a file that repeats an id is refused."""
    lines: dict[str, list[str]] = {}
    for line, row in rows:
        lines.setdefault(str(row.get("id") or ""), []).append(line)
    return [Problem(source, f"the id is given {len(at)} times ({', '.join(at)}); each record may appear once",
                    record_id=record_id)
            for record_id, at in lines.items() if record_id and len(at) > 1]


def current_state(store: EventStore, atlas: Dataset) -> tuple[list[Event], list[Actor]]:
    """Every event and actor the public atlas shows now, as validated records in date order: the curated
    ones (corrected where a moderator corrected them, without the deleted ones) and the published stored ones."""
    events = {row["id"]: Event.model_validate(row) for row in exports.frame_records(atlas.events, EVENT_COLUMNS)}
    for hidden in store.hidden_curated():
        events.pop(hidden, None)
    events.update({event.id: event for event in store.events()})
    actors = {row["id"]: Actor.model_validate(row) for row in exports.frame_records(atlas.actors, ACTOR_COLUMNS)}
    actors.update({actor.id: actor for actor in store.actors() if actor.id not in actors})
    return sorted(events.values(), key=lambda e: (e.date, e.id)), list(actors.values())


def export_archive(store: EventStore, atlas: Dataset) -> bytes:
    """The atlas's current state as a ZIP of ``events.csv`` and ``actors.csv`` in the ``data/`` formats."""
    events, actors = current_state(store, atlas)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(EVENTS_FILE, events_csv(events))
        archive.writestr(ACTORS_FILE, actors_csv(actors))
    return buffer.getvalue()


@dataclass(frozen=True)
class ImportResult:
    stored: list[str]
    """Ids the new events were stored under (in the queue for a contributor, published for a moderator)."""
    unchanged: list[str]
    """Ids of events the atlas already holds exactly as imported (not stored again)."""
    corrected: list[str]
    """Ids of events the import corrected (moderators only)."""


def _normalised(row: dict[str, Any], model: type[Event | Actor]) -> dict[str, Any] | None:
    try:
        return json_record(model.model_validate(row))
    except ValueError:  # an invalid row: validation names its problems below
        return None


@dataclass(frozen=True)
class FileNames:
    """The names an import's problems are reported under: the files as the person who imports them calls them."""

    events: str = EVENTS_FILE
    actors: str = ACTORS_FILE


def import_csv(store: EventStore, identity: Identity, atlas: Dataset, events_text: str, actors_text: str = "", *,
               names: FileNames = FileNames()) -> ImportResult:
    """Add the events (and actors) of files in the ``data/`` formats, in one transaction per kind of change.

    Importing an export twice, or into the deployment it came from, adds nothing.
    Raises ``PermissionDenied``, or ``DataValidationError`` naming file, line and
    field (or an id a file repeats, with its lines); nothing is stored then.
    """
    require(identity, Permission.SUBMIT)
    events_source, actors_source = names.events, names.actors
    events = parse_csv(events_text, events_source, Event)
    actors = parse_csv(actors_text, actors_source, Actor) if actors_text.strip() else []
    if repeated := repeated_ids(events, events_source) + repeated_ids(actors, actors_source):
        raise DataValidationError(repeated)
    held_events, held_actors = (
        {record.id: json_record(record) for record in records} for records in current_state(store, atlas))
    fresh_events = [(line, row) for line, row in events if row.get("id") not in held_events]
    changed = [(line, row) for line, row in events if row.get("id") in held_events
               and _normalised(row, Event) != held_events[row["id"]]]
    new_actors = [(line, row) for line, row in actors if row.get("id") not in held_actors]
    validate_labelled(store.known_to(atlas), fresh_events + changed, new_actors,  # named by file and line
                      events_source=events_source, actors_source=actors_source)
    if changed and not identity.can(Permission.MODERATE):
        lines = ", ".join(line for line, _ in changed)
        raise PermissionDenied(f"{events_source} changes events the atlas already holds ({lines}): "
                               "only moderators may import corrections")
    stored = store.submit(identity, atlas, [row for _, row in fresh_events], [row for _, row in new_actors],
                          provenance=Provenance("imported"))
    corrected = [_correct(store, identity, atlas, row, events_source, line).id for line, row in changed]
    touched = {row["id"] for _, row in fresh_events + changed}
    return ImportResult(stored, [row["id"] for _, row in events if row["id"] not in touched], corrected)


def _correct(store: EventStore, identity: Identity, atlas: Dataset, row: dict[str, Any], source: str,
             line: str) -> StoredEvent:
    current = store.current(row["id"])
    return store.edit(identity, atlas, row["id"], current.revision if current else 0, row,
                      comment=f"imported from {source}, {line}")
