"""Load and validate the curated dataset in ``data/``: one path for every file.

Each file is parsed and every record validated with the models in
``gasatlas.model.schema``; then the whole dataset is cross-checked (unique ids,
references between files, coordinates inside the country they claim). All
problems are collected and raised together, each naming file, line or feature,
record id and field, so a contributor can fix a file in one pass.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import pickle
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar, cast, get_args

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, ValidationError

from gasatlas import i18n
from gasatlas.dataset import columnar, derived, diskcache, freshness
from gasatlas.dataset.derived import split_flows, with_periods, with_search_text
from gasatlas.dataset.exports import frame_records
from gasatlas.i18n import formats
from gasatlas.i18n.formats import format_date
from gasatlas.model import datewindow, geo, periods, sanitize, schema, vocab
from gasatlas.model.geo import BORDER_TOLERANCE_DEG, CountryShapes
from gasatlas.model.periods import period_columns
from gasatlas.model.sanitize import unguard_cell
from gasatlas.model.schema import (
    EVENT_COLUMNS,
    FLOW_COLUMNS,
    Actor,
    CountryFeature,
    Event,
    Facility,
    Flow,
    Route,
    period_span,
)
from gasatlas.model.vocab import LANGUAGES, ActorKind, FlowChoice, FlowKind, FlowScope, Lang, RecordStatus

COUNTRIES_FILE = "countries.geojson"
FACILITIES_FILE = "facilities.csv"
ROUTES_FILE = "routes.geojson"
EVENTS_FILE = "events.csv"
ACTORS_FILE = "actors.csv"
FLOWS_FILE = "flows.csv"

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located as precisely as the format allows."""

    file: str
    message: str
    location: str | None = None  # "line 7" for CSV, "feature 3" for GeoJSON
    record_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.location:
            where.append(self.location)
        if self.record_id:
            where.append(f"id '{self.record_id}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class DataValidationError(ValueError):
    """The dataset failed validation; ``problems`` lists every finding."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"- {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the data files:\n{lines}")


@dataclass(frozen=True)
class Dataset:
    """The validated dataset as data frames, plus the raw country shapes for the map.

    ``events_version`` fingerprints what the map draws of the events, so the
    browser can keep markers it already built for the same data.
    """

    countries: pd.DataFrame
    country_shapes: dict[str, Any] = field(repr=False)
    facilities: pd.DataFrame
    routes: pd.DataFrame
    events: pd.DataFrame
    actors: pd.DataFrame
    flows: pd.DataFrame
    flow_gaps: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The ``gap`` rows of flows.csv: route-years with no public figure, and what was searched — kept apart from
    ``flows`` so that no sum, chart or map width can ever take a gap for a zero."""
    events_version: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        drawn = self.events[["id", "lat", "lon", "event_type", "geo_precision", "date_text_en", "date_text_ru",
                             "title_en", "title_ru", "status"]]
        object.__setattr__(self, "events_version", _fingerprint(drawn))

    @cached_property
    def flows_version(self) -> str:
        """Fingerprints the flow figures and gap rows: the cache key of their download."""
        return _fingerprint(pd.concat([self.flows, self.flow_gaps], ignore_index=True).astype(str))

    @cached_property
    def holds_pending(self) -> bool:
        """Whether the events include submissions awaiting review (a contributor's own view, ``with_pending``)."""
        return bool((self.events["status"] == RecordStatus.PENDING).any())

    @cached_property
    def last_updated(self) -> dt.date | None:
        """The newest date the data speaks of (``freshness``): shown on every page and in every download."""
        return freshness.last_updated(self.events, self.flows, self.flow_gaps)

    @cached_property
    def events_content_version(self) -> str:
        """Fingerprints every published column of the events: the cache key of their downloads."""
        published = self.events[[column for column in EVENT_COLUMNS if column in self.events.columns]]
        return _fingerprint(published.astype(str))


FINGERPRINT_ROWS = 100_000
"""Rows hashed at a time: pandas hashes Arrow text through Python strings, half a gigabyte at a million events."""


def _fingerprint(frame: pd.DataFrame) -> str:
    """The sum of the rows' hashes (the low 48 bits), a slice of rows at a time: the same sum as at once."""
    digest = sum(int(pd.util.hash_pandas_object(frame.iloc[start:start + FINGERPRINT_ROWS], index=False).sum())
                 for start in range(0, len(frame), FINGERPRINT_ROWS)) & 0xFFFFFFFFFFFF
    return f"{len(frame)}-{digest:x}"


@dataclass
class _Validated(Generic[Model]):
    """Records that passed their own model, with where each came from."""

    file: str
    records: list[tuple[str, Model]]  # (location, record)


def _pydantic_problems(file: str, location: str, record_id: str | None, error: ValidationError) -> Iterator[Problem]:
    for detail in error.errors():
        field_path = ".".join(str(part) for part in detail["loc"]) or None
        value = detail.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) and len(str(value)) < 80 else ""
        yield Problem(file, f"{detail['msg']}{shown}", location, record_id, field_path)


def _validate_rows(
    file: str,
    rows: Iterable[tuple[str, dict[str, Any]]],
    model: type[Model],
    problems: list[Problem],
    context: dict[str, Any] | None = None,
) -> _Validated[Model]:
    validated: _Validated[Model] = _Validated(file, [])
    for location, row in rows:
        record_id = row.get("id") or row.get("iso_a3")
        try:
            validated.records.append((location, model.model_validate(row, context=context)))
        except ValidationError as error:
            problems.extend(_pydantic_problems(file, location, record_id, error))
    return validated


def read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        problems.append(Problem(path.name, "file not found"))
    except UnicodeDecodeError as error:
        problems.append(Problem(path.name, f"not UTF-8 text (byte {error.start})"))
    return None


@dataclass
class _Table:
    """The well-formed rows of a CSV file, column by column (known columns only, cells unguarded)."""

    columns: dict[str, list[str]]
    locations: list[str]
    positions: list[int]  # each row's place among the file's rows, to keep problems in file order

    def row(self, index: int) -> dict[str, str]:
        return {name: cells[index] for name, cells in self.columns.items()}


def _unguarded(cells: Iterable[str]) -> list[str]:
    return [unguard_cell(cell) if cell[:1] == "'" else cell for cell in cells]


def _csv_table(file: str, text: str, model: type[BaseModel], found: list[tuple[int, Problem]]) -> _Table | None:
    """Parse a CSV text as ``csv.DictReader`` does (blank lines skipped, ``line N`` as it counts them);
    header and cell-count problems go to ``found`` with the row they belong to. ``None``: no usable header."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        header = []
    line_num = reader.line_num
    known = {f.alias or name for name, f in model.model_fields.items()}
    required = {f.alias or name for name, f in model.model_fields.items() if f.is_required()}
    unknown = [column for column in header if column not in known]
    missing = sorted(required - set(header))
    if unknown:
        found.append((-1, Problem(file, f"unknown column(s): {', '.join(unknown)}", "line 1")))
    if missing:
        found.append((-1, Problem(file, f"missing column(s): {', '.join(missing)}", "line 1")))
        return None
    width = len(header)
    where = {name: index for index, name in enumerate(header) if name in known}  # the last of equal names wins
    id_at = {index for index, name in enumerate(header) if name == "id"}
    id_index = max(id_at) if id_at else None
    extra_key = "__extra__" in header
    rows: list[list[str]] = []
    locations: list[str] = []
    positions: list[int] = []
    position = 0
    while True:
        try:
            row = next(reader)
            line_num = reader.line_num
            while not row:
                row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a NUL byte, a cell over the csv module's 128 KiB limit…
            found.append((position, Problem(file, f"unreadable CSV: {error}", f"line {line_num}")))
            break
        location = f"line {line_num}"
        record_id = row[id_index] if id_index is not None and id_index < len(row) else None
        if len(row) > width or extra_key:
            found.append((position, Problem(file, "more cells than the header has columns", location, record_id)))
        elif len(row) < width:
            found.append((position, Problem(file, "fewer cells than the header has columns", location, record_id)))
        else:
            rows.append(row)
            locations.append(location)
            positions.append(position)
        position += 1
    columns = {name: _unguarded(row[index] for row in rows) for name, index in where.items()}
    return _Table(columns, locations, positions)


def csv_rows(file: str, text: str, model: type[BaseModel],
             problems: list[Problem]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Rows of a CSV text as (``line N``, dict); header and cell-count problems are reported."""
    found: list[tuple[int, Problem]] = []
    table = _csv_table(file, text, model, found)
    problems.extend(problem for _, problem in found)
    if table is not None:
        for index, location in enumerate(table.locations):
            yield location, table.row(index)


def geojson_features(file: str, text: str, problems: list[Problem]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Features of a GeoJSON text as (``feature N``, feature) with structural problems reported."""
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(file, f"invalid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"))
        return
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        problems.append(Problem(file, "must be a GeoJSON FeatureCollection"))
        return
    for number, feature in enumerate(collection.get("features", []), start=1):
        location = f"feature {number}"
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            problems.append(Problem(file, "a feature needs a 'properties' object", location))
            continue
        yield location, feature


def _check_geometry(
    file: str, location: str, record_id: str | None, feature: dict[str, Any], allowed: set[str], problems: list[Problem]
) -> bool:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in allowed:
        problems.append(Problem(file, f"geometry must be one of {sorted(allowed)}", location, record_id, "geometry"))
        return False
    if not geometry.get("coordinates"):
        problems.append(Problem(file, "geometry has no coordinates", location, record_id, "geometry"))
        return False
    return True


def _load_geojson(
    data_dir: Path, file: str, model: type[Model], geometry_types: set[str], problems: list[Problem]
) -> tuple[_Validated[Model], dict[str, dict[str, Any]]]:
    """Validate the properties of every feature and keep each valid feature's geometry."""
    text = read_text(data_dir / file, problems)
    validated: _Validated[Model] = _Validated(file, [])
    geometries: dict[str, dict[str, Any]] = {}
    if text is None:
        return validated, geometries
    for location, feature in geojson_features(file, text, problems):
        properties = feature["properties"]
        record_id = properties.get("id") or properties.get("iso_a3")
        geometry_ok = _check_geometry(file, location, record_id, feature, geometry_types, problems)
        batch = _validate_rows(file, [(location, properties)], model, problems)
        if geometry_ok and batch.records:
            validated.records.extend(batch.records)
            geometries[location] = feature["geometry"]
    return validated, geometries


def _validate_table(
    file: str, table: _Table, model: type[Model], found: list[tuple[int, Problem]]
) -> _Validated[Model]:
    """Validate a file's rows: columns at a time where ``schema.vouched_rows`` vouch for every cell of a row,
    through the model (and its messages) for the other rows. Either way the records are the model's."""
    count = len(table.locations)
    vouched = schema.vouched_rows(model, {name: pa.array(cells, pa.string()) for name, cells in
                                          table.columns.items()}) if count else None
    fast: list[bool] = [False] * count
    values: dict[str, list[Any]] = {}
    if vouched is not None:
        values, fast = schema.python_values(model, vouched[0]), vouched[1].to_pylist()
    validated: _Validated[Model] = _Validated(file, [])
    names = list(values)
    for index, location in enumerate(table.locations):
        if fast[index]:
            validated.records.append((location, schema.trusted(model, {name: values[name][index] for name in names})))
            continue
        row = table.row(index)
        try:
            validated.records.append((location, model.model_validate(row)))
        except ValidationError as error:
            found.extend((table.positions[index], problem) for problem in
                         _pydantic_problems(file, location, row.get("id") or row.get("iso_a3"), error))
    return validated


def _load_csv(data_dir: Path, file: str, model: type[Model], problems: list[Problem]) -> _Validated[Model]:
    text = read_text(data_dir / file, problems)
    if text is None:
        return _Validated(file, [])
    found: list[tuple[int, Problem]] = []
    table = _csv_table(file, text, model, found)
    validated: _Validated[Model] = _Validated(file, []) if table is None else _validate_table(file, table, model, found)
    problems.extend(problem for _, problem in sorted(found, key=lambda item: item[0]))
    return validated


def _key(record: BaseModel) -> str:
    """A record's id (a country's ISO3 code)."""
    return str(getattr(record, "id", None) or getattr(record, "iso_a3", None))


def _check_unique_ids(batch: _Validated[Any], problems: list[Problem]) -> None:
    counts = Counter(_key(record) for _, record in batch.records)
    for location, record in batch.records:
        if counts[_key(record)] > 1:
            problems.append(Problem(batch.file, "duplicated id", location, _key(record), "id"))


def _check_references(
    batch: _Validated[Any],
    field_name: str,
    allowed: Collection[str],
    what: str,
    problems: list[Problem],
) -> None:
    for location, record in batch.records:
        value = getattr(record, field_name)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item is not None and item not in allowed:
                problems.append(Problem(batch.file, f"unknown {what} '{item}'", location, _key(record), field_name))


def _check_inside_country(
    batch: _Validated[Any], country_field: str, shapes: CountryShapes, problems: list[Problem]
) -> None:
    records = [(location, record) for location, record in batch.records if getattr(record, country_field) in shapes]
    outside = shapes.degrees_outside_each([getattr(record, country_field) for _, record in records],
                                          [record.lat for _, record in records], [record.lon for _, record in records])
    for (location, record), degrees in zip(records, outside, strict=True):
        if degrees > BORDER_TOLERANCE_DEG:
            iso3 = getattr(record, country_field)
            problems.append(
                Problem(
                    batch.file,
                    f"({record.lat}, {record.lon}) lies {degrees * 111:.0f} km outside {iso3}",
                    location,
                    _key(record),
                    "lat/lon",
                )
            )


@dataclass(frozen=True)
class References:
    """What events and actors may refer to: the codes, ids and country shapes of a dataset."""

    countries: frozenset[str]
    routes: frozenset[str]
    facilities: frozenset[str]
    people: frozenset[str]
    organisations: frozenset[str]
    shapes: CountryShapes = field(repr=False)

    def with_actors(self, actors: Iterable[Actor]) -> References:
        actors = list(actors)
        return replace(
            self,
            people=self.people | {a.id for a in actors if a.kind == ActorKind.PERSON},
            organisations=self.organisations | {a.id for a in actors if a.kind == ActorKind.ORGANISATION},
        )


def _check_actors(batch: _Validated[Actor], refs: References, problems: list[Problem]) -> None:
    _check_references(batch, "country", refs.countries, "country code", problems)


def _check_events(batch: _Validated[Event], refs: References, problems: list[Problem]) -> None:
    _check_references(batch, "place_country", refs.countries, "country code", problems)
    _check_references(batch, "countries", refs.countries, "country code", problems)
    _check_references(batch, "route_ids", refs.routes, "route id", problems)
    _check_references(batch, "facility_ids", refs.facilities, "facility id", problems)
    _check_references(batch, "participants", refs.people, "person id (see actors.csv)", problems)
    _check_references(batch, "organisations", refs.organisations, "organisation id (see actors.csv)", problems)
    _check_inside_country(batch, "place_country", refs.shapes, problems)


CAPACITY_SLACK = 1.5
"""A figure above a route's stated capacity × 1.5 (for its share of the year) is a slip, not a flow."""
PARTS_SLACK = 1.02
"""Per-country figures may add up to their pipeline's total plus rounding, never more."""


@dataclass(frozen=True)
class RouteFacts:
    """What flows are checked against: a route's countries (in order along it) and its stated capacity."""

    countries: Sequence[str]
    capacity_bcm: float | None


def _year_share(period: str) -> float:
    start, end = period_span(period)
    return ((end - start).days + 1) / (366 if calendar.isleap(start.year) else 365)


def _check_flows(batch: _Validated[Flow], routes: Mapping[str, RouteFacts], countries: frozenset[str],
                 problems: list[Problem]) -> None:
    """Flows name a known route and countries on it, stay within the route's capacity, a route, direction, scope
    and kind never has two chosen figures for the same days (a year and a month inside it would count twice), a
    gap never stands beside a figure of what moved for the same period, and a pipeline's parts never add up to
    more than its whole."""
    _check_references(batch, "route_id", set(routes), "route id", problems)
    _check_references(batch, "from_country", countries, "country code", problems)
    _check_references(batch, "to_country", countries, "country code", problems)
    _check_references(batch, "via", countries, "country code", problems)
    for location, flow in batch.records:
        route = routes.get(flow.route_id)
        if route is not None:
            _check_on_route(batch.file, location, flow, route, countries, problems)
    _check_overlaps(batch, problems)
    _check_gaps(batch, problems)
    _check_totals(batch, problems)


def _check_on_route(file: str, location: str, flow: Flow, route: RouteFacts, countries: frozenset[str],
                    problems: list[Problem]) -> None:
    """A figure's countries lie on its route, and its volume within the route's capacity for the period."""
    for field_name, named in (("from_country", [flow.from_country]), ("to_country", [flow.to_country]),
                              ("via", flow.via)):
        for country in named:
            if country in countries and country not in route.countries:
                problems.append(Problem(file, f"{country} is not among the countries of route "
                                        f"'{flow.route_id}' ({', '.join(route.countries)})", location, flow.id,
                                        field_name))
    if flow.volume_bcm is not None and route.capacity_bcm:
        ceiling = route.capacity_bcm * CAPACITY_SLACK * _year_share(flow.period)
        if flow.volume_bcm > ceiling:
            problems.append(Problem(
                file, f"{flow.volume_bcm:g} bcm in {flow.period} is more than {CAPACITY_SLACK:g} × the "
                f"route's capacity of {route.capacity_bcm:g} bcm a year ({ceiling:.3g} bcm for the period)",
                location, flow.id, "volume_bcm"))


def _check_overlaps(batch: _Validated[Flow], problems: list[Problem]) -> None:
    """A route, direction, scope and kind never has two chosen figures for the same days."""
    series: dict[tuple[str, ...], list[tuple[str, Flow]]] = {}
    for location, flow in batch.records:
        if flow.choice == FlowChoice.CHOSEN:
            series.setdefault((flow.route_id, flow.from_country, flow.to_country, flow.scope, flow.value_kind),
                              []).append((location, flow))
    for rows in series.values():
        for later, (location, flow) in enumerate(rows):
            start, end = period_span(flow.period)
            for earlier_location, earlier in rows[:later]:
                earlier_start, earlier_end = period_span(earlier.period)
                if start <= earlier_end and earlier_start <= end:
                    problems.append(Problem(
                        batch.file, f"period {flow.period} overlaps {earlier.period} of id '{earlier.id}' "
                        f"({earlier_location}) for the same route, direction and kind", location, flow.id, "period"))


def _check_gaps(batch: _Validated[Flow], problems: list[Problem]) -> None:
    """A gap row never stands beside a figure of gas that moved for the same route, direction and period."""
    moved = {(f.route_id, f.from_country, f.to_country, f.scope, f.period): f.id for _, f in batch.records
             if f.value_kind in (FlowKind.REPORTED, FlowKind.ESTIMATE) and f.choice == FlowChoice.CHOSEN}
    for location, flow in batch.records:
        figure = moved.get((flow.route_id, flow.from_country, flow.to_country, flow.scope, flow.period))
        if flow.value_kind == FlowKind.GAP and figure is not None:
            problems.append(Problem(batch.file, f"a gap row for {flow.period}, but id '{figure}' gives the figure "
                                    "for the same route, direction and period", location, flow.id, "value_kind"))


def _check_totals(batch: _Validated[Flow], problems: list[Problem]) -> None:
    """A pipeline's whole-route figure holds its per-country parts: if the chosen parts of the same route,
    period and kind add up to more, one of them is counted twice (or the 'total' is not the whole)."""
    parts: dict[tuple[str, ...], list[Flow]] = {}
    for _, flow in batch.records:
        if flow.scope == FlowScope.COUNTRY and flow.choice == FlowChoice.CHOSEN and flow.volume_bcm is not None:
            parts.setdefault((flow.route_id, flow.period, flow.value_kind), []).append(flow)
    for location, flow in batch.records:
        if flow.scope != FlowScope.ROUTE_TOTAL or flow.volume_bcm is None or flow.choice != FlowChoice.CHOSEN:
            continue
        named = parts.get((flow.route_id, flow.period, flow.value_kind), [])
        added = sum(part.volume_bcm or 0.0 for part in named)
        if named and added > flow.volume_bcm * PARTS_SLACK:
            problems.append(Problem(
                batch.file, f"its parts ({', '.join(part.id for part in named)}) add up to {added:g} bcm, more than "
                f"this total of {flow.volume_bcm:g} bcm: a part is counted twice or the total is not the whole "
                "route", location, flow.id, "volume_bcm"))


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


def _frame(batch: _Validated[Any], model: type[BaseModel],
           geometries: dict[str, dict[str, Any]] | None = None) -> pd.DataFrame:
    """Records as a frame; list fields become tuples so frames stay hashable for caching."""
    fields = model.model_fields
    columns = [f.alias or name for name, f in fields.items()]
    if not any(_holds_models(f.annotation) for f in fields.values()):  # flat: the fields are the columns
        data: dict[str, list[Any]] = {}
        for column, name in zip(columns, fields, strict=True):
            cells = [record.__dict__[name] for _, record in batch.records]
            data[column] = [tuple(cell) if isinstance(cell, list) else cell for cell in cells]
        if geometries is not None:
            data["geometry"] = [geometries[location] for location, _ in batch.records]
        return pd.DataFrame(data, columns=columns + (["geometry"] if geometries is not None else []))
    rows = []
    for location, record in batch.records:
        row = record.model_dump(by_alias=True)
        row.update({key: tuple(value) for key, value in row.items() if isinstance(value, list)})
        if geometries is not None:
            row["geometry"] = geometries[location]
        rows.append(row)
    return pd.DataFrame(rows, columns=columns + (["geometry"] if geometries is not None else []))


def _date_texts(events: pd.DataFrame, lang: Lang) -> list[str]:
    """Each event's date as readers see it in ``lang``, formatted once per distinct date."""
    keys = list(zip(events["date"].dt.date.tolist(), events["date_precision"].tolist(),
                    events[f"date_label_{lang}"].tolist(), strict=True))
    texts = {key: format_date(key[0], key[1], lang, key[2] if isinstance(key[2], str) else None)
             for key in dict.fromkeys(keys)}
    return [texts[key] for key in keys]


NUMBER_COLUMNS = ("lat", "lon", "volume_bcm", "price_usd_per_mcm", "contract_years")
TEXT_COLUMNS = tuple(column for column, kind in schema.field_types(Event).items()
                     if column not in NUMBER_COLUMNS and column != "date" and "List" not in kind)
"""Events columns held as floats and as text (NaN for none) whichever way the frame was built: from records,
a column of nothing but ``None`` would be one of objects."""


def events_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Normalise an events frame: real timestamps, numbers as floats, each date's period (``date_start``,
    ``date_end``), display dates and search text, sorted by date then id;
    every event ``published`` unless the frame says otherwise (a contributor's own pending ones).

    The display and search columns are computed once here, not on every rerun.
    """
    if "status" not in events:
        events = events.assign(status=str(RecordStatus.PUBLISHED))
    kinds = {column: "float64" if column in NUMBER_COLUMNS else "str" for column in (*NUMBER_COLUMNS, *TEXT_COLUMNS)
             if column in events}
    result = events.assign(date=pd.to_datetime(events["date"])).astype(kinds)
    if not _in_date_then_id_order(result):
        result = result.sort_values(["date", "id"], kind="stable")
    result = with_search_text(result.reset_index(drop=True))
    date_start, date_end = period_columns(result["date"], result["date_precision"])
    return result.assign(date_start=date_start, date_end=date_end,
                         **{f"date_text_{lang}": _date_texts(result, lang) for lang in LANGUAGES})


def _in_date_then_id_order(events: pd.DataFrame) -> bool:
    """Whether sorting by date then id would leave every row where it is, as it does the columnar path's frame:
    then the frame is not copied to be sorted (a million events' text is a gigabyte and a half)."""
    if len(events) < 2:
        return True
    dates, ids = pa.array(events["date"]), pa.array(events["id"], pa.string())
    date, next_date, id_, next_id = dates.slice(0, len(dates) - 1), dates.slice(1), ids.slice(0, len(ids) - 1), \
        ids.slice(1)
    in_order = pc.or_(pc.less(date, next_date), pc.and_(pc.equal(date, next_date), pc.less_equal(id_, next_id)))
    return bool(pc.all(pc.fill_null(in_order, False)).as_py())


DATA_FILES = (COUNTRIES_FILE, ROUTES_FILE, FACILITIES_FILE, ACTORS_FILE, EVENTS_FILE, FLOWS_FILE)


def contents_key(data_dir: Path) -> tuple[str, ...]:
    """What a validated dataset depends on: the bytes of every data file (by SHA-256, remembered while a file is
    unchanged: ``diskcache.file_digest``), the code that validates and shapes them, the libraries it relies on,
    and today (no date may lie after it)."""
    digests = []
    for name in DATA_FILES:
        try:
            digests.append(f"{name}:{diskcache.file_digest(data_dir / name)}")
        except OSError as error:  # reported by the validation itself
            digests.append(f"{name}:{type(error).__name__}")
    modules = diskcache.source_of(sys.modules[__name__], columnar, schema, vocab, geo, datewindow, derived, formats,
                                  i18n, periods, sanitize)
    libraries = diskcache.versions("pydantic", "pandas", "pyarrow", "shapely", "babel")
    return (*digests, *modules, *libraries, datewindow.latest().isoformat())


def load_dataset(data_dir: Path) -> Dataset:
    """Read and validate every file in ``data_dir``; raise ``DataValidationError`` on any problem.

    A dataset that passed is kept on disk (``gasatlas.dataset.diskcache``) under ``contents_key``: a new process
    reads the same files' validated frames back instead of validating them again, and any change to a
    file, to the code or to the date validates afresh. Data that fails is never kept, so a bad file is
    reported, with the same messages, every time it is read.
    """

    return diskcache.cached("dataset", contents_key(data_dir), lambda: validate_dataset(data_dir), DATASET_CODEC)


def _dump_dataset(atlas: Dataset, file: BinaryIO) -> None:
    pickle.dump((replace(atlas, events=atlas.events.iloc[:0]), atlas.events_version), file,
                protocol=pickle.HIGHEST_PROTOCOL)
    columnar.write_frame(atlas.events, file)


def _load_dataset(file: BinaryIO) -> Dataset:
    atlas, events_version = pickle.load(file)
    object.__setattr__(atlas, "events", columnar.read_frame(file))
    object.__setattr__(atlas, "events_version", events_version)
    return cast(Dataset, atlas)


DATASET_CODEC = diskcache.Codec(_dump_dataset, _load_dataset)
"""A validated dataset on disk: the small frames pickled, the events as an Arrow IPC stream beside them (a
million events' pickle took 97 s to write and 16 s to read back; Arrow reads them mapped, without a copy)."""


def _events_at_once(data_dir: Path, refs: References) -> pd.DataFrame | None:
    """The events file as a frame by the columnar path (``columnar``) when every row passes its model and every
    check against the other files; ``None`` sends the file the row-by-row way, which names what is wrong."""
    cells = columnar.read_columns(data_dir / EVENTS_FILE, Event)
    values = None if cells is None else columnar.validate_columns(Event, cells)
    del cells  # the text columns live on in ``values``, the others are freed
    if values is None or not _events_pass(values, refs):
        return None
    return columnar.frame(Event, values, [("date", "ascending"), ("id", "ascending")])


def _events_pass(values: columnar.Columns, refs: References) -> bool:
    """``_check_unique_ids`` and ``_check_events`` find nothing: the same checks, whole columns at a time."""
    ids = values["id"]
    if pc.count_distinct(ids).as_py() != len(ids):
        return False
    for name, allowed in (("place_country", refs.countries), ("countries", refs.countries),
                          ("route_ids", refs.routes), ("facility_ids", refs.facilities),
                          ("participants", refs.people), ("organisations", refs.organisations)):
        cells = values[name]
        items = pc.list_flatten(cells) if pa.types.is_list(cells.type) else cells
        if pc.any(pc.invert(pc.is_in(items, value_set=pa.array(sorted(allowed), pa.string())))).as_py():
            return False
    mapped = pa.array(sorted(iso3 for iso3 in refs.countries if iso3 in refs.shapes), pa.string())
    inside = pc.indices_nonzero(pc.is_in(values["place_country"], value_set=mapped))
    outside = refs.shapes.degrees_outside_each(pc.take(values["place_country"], inside).to_pylist(),
                                               pc.take(values["lat"], inside).to_numpy(),
                                               pc.take(values["lon"], inside).to_numpy())
    return not bool((outside > BORDER_TOLERANCE_DEG).any())


def validate_dataset(data_dir: Path) -> Dataset:
    """``load_dataset`` without the disk cache: read and validate every file in ``data_dir``."""
    problems: list[Problem] = []

    countries, country_geometries = _load_geojson(
        data_dir, COUNTRIES_FILE, CountryFeature, {"Polygon", "MultiPolygon"}, problems
    )
    routes, route_geometries = _load_geojson(
        data_dir, ROUTES_FILE, Route, {"LineString", "MultiLineString"}, problems
    )
    facilities = _load_csv(data_dir, FACILITIES_FILE, Facility, problems)
    actors = _load_csv(data_dir, ACTORS_FILE, Actor, problems)
    shapes = CountryShapes(
        {
            "features": [
                {"properties": {"iso_a3": record.iso_a3}, "geometry": country_geometries[location]}
                for location, record in countries.records
            ]
        }
    )
    refs = References(
        countries=frozenset(_key(record) for _, record in countries.records),
        routes=frozenset(_key(record) for _, record in routes.records),
        facilities=frozenset(_key(record) for _, record in facilities.records),
        people=frozenset(r.id for _, r in actors.records if r.kind == ActorKind.PERSON),
        organisations=frozenset(r.id for _, r in actors.records if r.kind == ActorKind.ORGANISATION),
        shapes=shapes,
    )
    events_at_once = _events_at_once(data_dir, refs)
    events = _Validated(EVENTS_FILE, []) if events_at_once is not None else _load_csv(data_dir, EVENTS_FILE, Event,
                                                                                     problems)
    flows = _load_csv(data_dir, FLOWS_FILE, Flow, problems)

    for batch in (countries, routes, facilities, actors, events, flows):
        _check_unique_ids(batch, problems)

    _check_references(facilities, "country", refs.countries, "country code", problems)
    _check_references(routes, "countries", refs.countries, "country code", problems)
    _check_inside_country(facilities, "country", shapes, problems)
    _check_actors(actors, refs, problems)
    _check_events(events, refs, problems)
    _check_flows(flows, {record.id: RouteFacts(record.countries, record.capacity_bcm) for _, record in routes.records},
                 refs.countries, problems)

    if problems:
        raise DataValidationError(problems)

    return Dataset(
        countries=_frame(countries, CountryFeature),
        country_shapes={
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": record.model_dump(), "geometry": country_geometries[location]}
                for location, record in countries.records
            ],
        },
        facilities=_frame(facilities, Facility),
        routes=_frame(routes, Route, route_geometries),
        events=events_frame(_frame(events, Event) if events_at_once is None else events_at_once),
        actors=_frame(actors, Actor),
        **split_flows(with_periods(_frame(flows, Flow))),
    )


def references(atlas: Dataset) -> References:
    """What new records may refer to in an already loaded dataset."""
    actors = atlas.actors
    return References(
        countries=frozenset(atlas.countries["iso_a3"]),
        routes=frozenset(atlas.routes["id"]),
        facilities=frozenset(atlas.facilities["id"]),
        people=frozenset(actors.loc[actors["kind"] == ActorKind.PERSON, "id"]),
        organisations=frozenset(actors.loc[actors["kind"] == ActorKind.ORGANISATION, "id"]),
        shapes=CountryShapes(atlas.country_shapes),
    )


def validate_additions(
    atlas: Dataset,
    events: Sequence[Mapping[str, Any]],
    actors: Sequence[Mapping[str, Any]] = (),
    source: str = "submitted events",
) -> tuple[list[Event], list[Actor]]:
    """Check records about to join the dataset exactly as the data files are checked.

    New actors may be referred to by the new events. Raises ``DataValidationError``
    naming the record (``event 2``) and field, so a form or a command can say what is wrong.
    """
    return validate_labelled(atlas, [(f"event {i}", dict(e)) for i, e in enumerate(events, 1)],
                             [(f"actor {i}", dict(a)) for i, a in enumerate(actors, 1)],
                             events_source=source, actors_source=source)


def validate_labelled(
    atlas: Dataset,
    events: Sequence[tuple[str, Mapping[str, Any]]],
    actors: Sequence[tuple[str, Mapping[str, Any]]] = (),
    *,
    events_source: str,
    actors_source: str,
) -> tuple[list[Event], list[Actor]]:
    """``validate_additions`` for rows that already have a place to point at (``line 7`` of a file)."""
    problems: list[Problem] = []
    new_actors = _validate_rows(actors_source, [(label, dict(a)) for label, a in actors], Actor, problems)
    new_events = _validate_rows(events_source, [(label, dict(e)) for label, e in events], Event, problems)
    _check_unique_ids(new_actors, problems)
    _check_unique_ids(new_events, problems)
    refs = references(atlas).with_actors(record for _, record in new_actors.records)
    _check_actors(new_actors, refs, problems)
    _check_events(new_events, refs, problems)
    if problems:
        raise DataValidationError(problems)
    return [r for _, r in new_events.records], [r for _, r in new_actors.records]


def validate_flows(atlas: Dataset, flows: Sequence[Mapping[str, Any]], source: str = "new flow figures",
                   labels: Sequence[str] | None = None) -> list[Flow]:
    """Check flow figures about to join the atlas exactly as flows.csv is checked: against their route, and beside
    every figure the atlas holds (no second chosen figure for the same days, route, direction and kind; no figure
    beside a gap). Raises ``DataValidationError`` naming the figure by its label (``line 7`` of a file; by default
    ``flow 1``) and field."""
    problems: list[Problem] = []
    held = frame_records(pd.concat([atlas.flows, atlas.flow_gaps], ignore_index=True), FLOW_COLUMNS)
    labels = labels if labels is not None else [f"flow {number}" for number in range(1, len(flows) + 1)]
    new = [(label, dict(flow)) for label, flow in zip(labels, flows, strict=True)]
    batch = _validate_rows(source, [*((f"held {record['id']}", record) for record in held), *new], Flow, problems)
    _check_unique_ids(batch, problems)
    routes = {row.id: RouteFacts(row.countries, None if pd.isna(row.capacity_bcm) else row.capacity_bcm)
              for row in atlas.routes.itertuples(index=False)}
    _check_flows(batch, routes, frozenset(atlas.countries["iso_a3"]), problems)
    if problems:
        raise DataValidationError(problems)
    wanted = set(labels)
    return [record for location, record in batch.records if location in wanted]


def with_stored(atlas: Dataset, events: pd.DataFrame, actors: pd.DataFrame, hidden: Iterable[str] = (),
                flows: pd.DataFrame | None = None) -> Dataset:
    """The curated dataset plus what the store publishes.

    A stored event with a curated id is a moderator's correction of that event and
    replaces it; ``hidden`` curated ids were deleted by a moderator and are left out;
    stored ``flows`` (figures moderators took from events' volumes) join the curated ones.
    """
    hidden = frozenset(hidden)
    figures = {} if flows is None or flows.empty else split_flows(with_periods(pd.concat(
        [atlas.flows, atlas.flow_gaps, flows], ignore_index=True)))
    if events.empty and actors.empty and not hidden and not figures:
        return atlas
    kept = atlas.events[~atlas.events["id"].isin(set(events["id"]) | hidden)]
    new_actors = actors[~actors["id"].isin(atlas.actors["id"])]
    return replace(
        atlas,
        events=events_frame(pd.concat([kept, events], ignore_index=True)),
        actors=pd.concat([atlas.actors, new_actors], ignore_index=True),
        **figures,
    )


def with_pending(atlas: Dataset, pending: pd.DataFrame) -> Dataset:
    """The atlas as a contributor sees it: with their own submissions awaiting review, marked ``pending``."""
    if pending.empty:
        return atlas
    return replace(atlas, events=events_frame(pd.concat(
        [atlas.events, pending.assign(status=str(RecordStatus.PENDING))], ignore_index=True)))


def records_frame(records: Iterable[BaseModel], model: type[BaseModel]) -> pd.DataFrame:
    """Validated records (e.g. from the store) as a frame shaped like the data files' frames."""
    batch = _Validated("records", [(str(i), record) for i, record in enumerate(records)])
    frame = _frame(batch, model)
    return events_frame(frame) if model is Event else frame
