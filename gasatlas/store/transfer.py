"""The atlas in the ``data/`` file formats: export of its current state, import of such files.

The export is the merged current state — the curated events with the moderators'
corrections applied and deletions left out, plus the published stored events —
so a reviewer can diff it against ``data/events.csv`` and carry corrections back
into the curated files, and another deployment can import it. Its ``flows.csv``
holds the flow figures moderators added in the app (the curated figures cannot
be corrected in the app, so ``data/flows.csv`` itself is their current state):
its rows are what to append to ``data/flows.csv``.

An import goes through the same permission check and review as any submission:
rows the atlas holds unchanged are skipped, new rows are submitted (to the queue,
or published when a moderator imports), and rows that change an event the atlas
holds are corrections, which only a moderator may import. New flow figures are
added as a moderator adds one in the app (moderators only, checked like
``data/flows.csv``), each with the event whose report it came from when one event
of the atlas has the figure's source address; a row that changes a figure the
atlas holds is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from gasatlas.auth import Identity, Permission, PermissionDenied, require
from gasatlas.dataset import exports
from gasatlas.dataset.load import (
    ACTORS_FILE,
    EVENTS_FILE,
    FLOWS_FILE,
    Dataset,
    DataValidationError,
    Problem,
    csv_rows,
    validate_flows,
    validate_labelled,
    with_stored,
)
from gasatlas.model.schema import ACTOR_COLUMNS, EVENT_COLUMNS, FLOW_COLUMNS, Actor, Event, Flow
from gasatlas.store.queries import StoredEvent
from gasatlas.store.tables import Action
from gasatlas.store.workflow import EventStore, FlowFigure, Provenance, json_record

Rows = list[tuple[str, dict[str, Any]]]
"""A file's rows as (``line N``, row) pairs."""


def events_csv(events: Iterable[Event]) -> str:
    """Events in the exact format of ``data/events.csv``."""
    return exports.events_csv(json_record(event) for event in events)


def actors_csv(actors: Iterable[Actor]) -> str:
    """Actors in the exact format of ``data/actors.csv``."""
    return exports.records_csv((json_record(actor) for actor in actors), ACTOR_COLUMNS)


def flows_csv(flows: Iterable[Flow]) -> str:
    """Flow figures in the exact format of ``data/flows.csv``."""
    return exports.records_csv((json_record(flow) for flow in flows), FLOW_COLUMNS)


def parse_csv(text: str, source: str, model: type[Event | Actor | Flow]) -> Rows:
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


def export_files(store: EventStore, atlas: Dataset) -> dict[str, str]:
    """The export's files by name, in the ``data/`` formats: the atlas's current events and actors, and the flow
    figures moderators added (``flows.csv``: what to append to ``data/flows.csv``)."""
    events, actors = current_state(store, atlas)
    return {EVENTS_FILE: events_csv(events), ACTORS_FILE: actors_csv(actors), FLOWS_FILE: flows_csv(store.flows())}


def export_archive(store: EventStore, atlas: Dataset) -> bytes:
    """The export's files (``export_files``) as a ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in export_files(store, atlas).items():
            archive.writestr(name, text)
    return buffer.getvalue()


@dataclass(frozen=True)
class ImportResult:
    stored: list[str]
    """Ids the new events were stored under (in the queue for a contributor, published for a moderator)."""
    unchanged: list[str]
    """Ids of events the atlas already holds exactly as imported (not stored again)."""
    corrected: list[str]
    """Ids of events the import corrected (moderators only)."""
    flows: list[str]
    """Ids of the flow figures the import added (moderators only)."""
    unchanged_flows: list[str]
    """Ids of flow figures the atlas already holds exactly as imported."""


def _normalised(row: dict[str, Any], model: type[Event | Actor | Flow]) -> dict[str, Any] | None:
    try:
        return json_record(model.model_validate(row))
    except ValueError:  # an invalid row: validation names its problems below
        return None


@dataclass(frozen=True)
class FileNames:
    """The names an import's problems are reported under: the files as the person who imports them calls them."""

    events: str = EVENTS_FILE
    actors: str = ACTORS_FILE
    flows: str = FLOWS_FILE


@dataclass(frozen=True)
class ImportFiles:
    """The texts an import reads — an events file, and optionally actors and flows files — and their names."""

    events: str
    actors: str = ""
    flows: str = ""
    names: FileNames = FileNames()


def import_csv(store: EventStore, identity: Identity, atlas: Dataset, events_text: str, actors_text: str = "", *,
               names: FileNames = FileNames()) -> ImportResult:
    """``import_files`` of an events file and, optionally, an actors file."""
    return import_files(store, identity, atlas, ImportFiles(events_text, actors_text, names=names))


def import_files(store: EventStore, identity: Identity, atlas: Dataset, files: ImportFiles) -> ImportResult:
    """Add the events (and actors, and flow figures) of files in the ``data/`` formats, in one transaction per
    kind of change.

    Importing an export twice, or into the deployment it came from, adds nothing.
    Raises ``PermissionDenied``, or ``DataValidationError`` naming file, line and
    field (or an id a file repeats, with its lines); nothing is stored then.
    """
    require(identity, Permission.SUBMIT)
    names = files.names
    events_source, actors_source = names.events, names.actors
    events = parse_csv(files.events, events_source, Event)
    actors = parse_csv(files.actors, actors_source, Actor) if files.actors.strip() else []
    flows = parse_csv(files.flows, names.flows, Flow) if files.flows.strip() else []
    if repeated := (repeated_ids(events, events_source) + repeated_ids(actors, actors_source)
                    + repeated_ids(flows, names.flows)):
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
    with_figures, new_flows = _checked_new_flows(store, identity, atlas, flows, names.flows)
    stored = store.submit(identity, atlas, [row for _, row in fresh_events], [row for _, row in new_actors],
                          provenance=Provenance("imported"))
    corrected = [_correct(store, identity, atlas, row, events_source, line).id for line, row in changed]
    added_flows = _add_flows(store, identity, with_figures, new_flows, names.flows) if new_flows else []
    touched = {row["id"] for _, row in fresh_events + changed}
    added = {row["id"] for _, row in new_flows}
    return ImportResult(stored, [row["id"] for _, row in events if row["id"] not in touched], corrected,
                        added_flows, [row["id"] for _, row in flows if row["id"] not in added])


def _checked_new_flows(store: EventStore, identity: Identity, atlas: Dataset, flows: Rows,
                       source: str) -> tuple[Dataset, Rows]:
    """The atlas with every figure it holds (curated and stored), and the rows of ``flows`` it does not hold yet,
    checked as ``data/flows.csv`` is and named by file and line. A row that changes a held figure is refused:
    figures have no corrections in the app (a curated one is corrected in ``data/flows.csv``)."""
    stored = store.frames()
    with_figures = with_stored(atlas, stored.events, stored.actors, stored.hidden, stored.flows)
    held = {row["id"]: json_record(Flow.model_validate(row)) for row in exports.frame_records(
        pd.concat([with_figures.flows, with_figures.flow_gaps], ignore_index=True), FLOW_COLUMNS)}
    if changes := [Problem(source, "changes the figure the atlas holds under this id: an import only adds figures "
                                   "(curated ones are corrected in data/flows.csv)", line, row["id"])
                   for line, row in flows if row.get("id") in held and _normalised(row, Flow) != held[row["id"]]]:
        raise DataValidationError(changes)
    new_flows = [(line, row) for line, row in flows if row.get("id") not in held]
    if new_flows and not identity.can(Permission.MODERATE):
        lines = ", ".join(line for line, _ in new_flows)
        raise PermissionDenied(f"{source} adds flow figures ({lines}): only moderators may add flow figures")
    validate_flows(with_figures, [row for _, row in new_flows], source, labels=[line for line, _ in new_flows])
    return with_figures, new_flows


def _add_flows(store: EventStore, identity: Identity, atlas: Dataset, flows: Rows, source: str) -> list[str]:
    """Add the imported figures, each with the event whose report it came from: the one event of the atlas (the
    import's events stored) with the figure's source address, as a figure taken from an event has its source."""
    events, _ = current_state(store, atlas)
    citing: dict[str, list[str]] = {}
    for event in events:
        citing.setdefault(str(event.source_url), []).append(event.id)

    def source_event(row: dict[str, Any]) -> str:
        ids = citing.get(str(row.get("source_url")), [])
        return ids[0] if len(ids) == 1 else ""

    return store.add_flows(identity, atlas, [FlowFigure(row, source_event(row), f"imported from {source}, {line}")
                                             for line, row in flows], action=Action.IMPORT)


def _correct(store: EventStore, identity: Identity, atlas: Dataset, row: dict[str, Any], source: str,
             line: str) -> StoredEvent:
    current = store.current(row["id"])
    return store.edit(identity, atlas, row["id"], current.revision if current else 0, row,
                      comment=f"imported from {source}, {line}")
