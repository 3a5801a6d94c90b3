"""Row and feature models for every data file: the one definition of a valid record.

Models check each record on its own (types, vocabularies, ranges, formats);
``gasatlas.dataset.load`` adds the checks that need the whole dataset (unique ids,
references between files, coordinates inside their country).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from gasatlas.model import datewindow
from gasatlas.model.vocab import (
    ActorKind,
    DatePrecision,
    EventType,
    FacilityKind,
    FlowChoice,
    FlowKind,
    FlowPurpose,
    FlowScope,
    GeometryLicence,
    GeometryQuality,
    GeoPrecision,
    RouteKind,
    RouteStatus,
    VolumePeriod,
)

LIST_SEPARATOR = ";"


def split_list(value: Any) -> Any:
    """CSV cells hold lists as ``a;b;c``; GeoJSON holds real lists. Accept both."""
    if value is None:
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
    return value


def _empty_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return unix_lines(value)


def unix_lines(value: Any) -> Any:
    """One kind of line break: a carriage return in a cell would end a CSV row early on the way back."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def is_http_url(value: str) -> bool:
    return value.startswith(("https://", "http://")) and " " not in value and len(value) >= 12


def _http_url(value: str) -> str:
    if not is_http_url(value):
        raise ValueError("must be a full http(s) URL")
    return value


def _in_window(day: dt.date) -> dt.date:
    return datewindow.check(day, "date")


PERIOD_PATTERN = re.compile(r"^([1-9][0-9]{3})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")
"""A year (``2023``), a quarter (``2023-Q4``) or a month (``2023-10``): the periods sources report flows for."""


def period_span(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period written as ``PERIOD_PATTERN`` allows."""
    match = PERIOD_PATTERN.match(period)
    if match is None:
        raise ValueError("must be a year (2023), a quarter (2023-Q4) or a month (2023-10)")
    year, quarter, month = match.groups()
    if quarter:
        first_month, last_month = 3 * int(quarter) - 2, 3 * int(quarter)
    elif month:
        first_month = last_month = int(month)
    else:
        first_month, last_month = 1, 12
    year_number = int(year)
    last_day = calendar.monthrange(year_number, last_month)[1]
    return dt.date(year_number, first_month, 1), dt.date(year_number, last_month, last_day)


def _period_begun(period: str) -> str:
    """A period must begin inside the atlas's window: one that has not begun yet holds a plan, not a flow."""
    start = period_span(period)[0]
    if start < datewindow.EARLIEST:
        raise ValueError(f"the period {period} begins before {datewindow.EARLIEST.isoformat()}, "
                         "the atlas's earliest date")
    if start > datewindow.latest():
        raise ValueError(f"the period {period} has not begun yet (today is {datewindow.latest().isoformat()})")
    return period


MAX_QUOTE = 400
"""At most one sentence of the source."""
MAX_FLOW_BCM = 500.0
"""More than any country's yearly gas trade: a larger number is a unit slip (million, not billion, m³)."""


def _plausible_volume(volume: float) -> float:
    if volume > MAX_FLOW_BCM:
        raise ValueError(f"{volume:g} bcm is more than any country trades in a year: is it in million m³?")
    return volume


ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,79}$"
ISO3_PATTERN = r"^[A-Z]{3}$"
MAX_TEXT = 4000
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Iso3 = Annotated[str, StringConstraints(pattern=ISO3_PATTERN)]
Text = Annotated[str, BeforeValidator(unix_lines),
                 StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
OptionalText = Annotated[str | None, BeforeValidator(_empty_to_none)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_http_url)]
Quantity = Annotated[Annotated[float, Field(ge=0)] | None, BeforeValidator(_empty_to_none)]
OptionalVolumePeriod = Annotated[VolumePeriod | None, BeforeValidator(_empty_to_none)]
IdList = Annotated[list[Id], BeforeValidator(split_list)]
Iso3List = Annotated[list[Iso3], BeforeValidator(split_list)]
UrlList = Annotated[list[Url], BeforeValidator(split_list)]
LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 360.0)
Latitude = Annotated[float, Field(ge=LATITUDE_RANGE[0], le=LATITUDE_RANGE[1])]
Longitude = Annotated[float, Field(ge=LONGITUDE_RANGE[0], le=LONGITUDE_RANGE[1])]
AtlasDate = Annotated[dt.date, AfterValidator(_in_window)]
"""A date inside the atlas's window (see ``gasatlas.model.datewindow``)."""
Period = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_period_begun)]
Volume = Annotated[float, Field(ge=0, allow_inf_nan=False), AfterValidator(_plausible_volume)]
Quote = Annotated[Text, Field(max_length=MAX_QUOTE)]
"""At most one sentence of the source (400 characters)."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Sourced(Record):
    source_title: Text
    source_url: Url


class CountryFeature(Record):
    iso_a3: Iso3
    name_en: Text
    name_ru: Text
    focus: bool
    label_lat: Latitude
    label_lon: Longitude


class Actor(Sourced):
    id: Id
    kind: ActorKind
    name_en: Text
    name_ru: Text
    role_en: OptionalText = None
    role_ru: OptionalText = None
    country: Annotated[Iso3 | None, BeforeValidator(_empty_to_none)] = None


class Facility(Sourced):
    id: Id
    name_en: Text
    name_ru: Text
    kind: FacilityKind
    country: Iso3
    lat: Latitude
    lon: Longitude
    geo_precision: GeoPrecision
    capacity_bcm: Quantity = None
    note_en: OptionalText = None
    note_ru: OptionalText = None


class StatusChange(Record):
    """One entry of a route's history; ``from`` is null only for a state of unknown start."""

    from_: AtlasDate | None = Field(alias="from")
    from_precision: DatePrecision | None = None
    status: RouteStatus
    direction_note: Text
    direction_note_ru: Text

    @model_validator(mode="after")
    def _precision_goes_with_date(self) -> StatusChange:
        if (self.from_ is None) != (self.from_precision is None):
            raise ValueError("'from' and 'from_precision' must be both set or both null")
        return self


class Waypoint(Record):
    name_en: Text
    name_ru: Text
    lat: Latitude
    lon: Longitude
    note: OptionalText = None


class GeometrySource(Record):
    gem: list[Annotated[str, StringConstraints(pattern=r"^P\d{4}$")]] | None = None
    flow_from: Waypoint | None = None
    waypoints: list[Waypoint] | None = None
    curve: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> GeometrySource:
        if bool(self.gem) == bool(self.waypoints):
            raise ValueError("give either 'gem' project ids or 'waypoints', not both or neither")
        if self.gem and self.flow_from is None:
            raise ValueError("'gem' geometries need 'flow_from' to orient the line")
        return self


class Route(Sourced):
    id: Id
    name_en: Text
    name_ru: Text
    kind: RouteKind
    capacity_bcm: Quantity = None
    length_km: Quantity = None
    countries: Annotated[list[Iso3], Field(min_length=1)]
    operator: Text
    operator_ru: Text
    description_en: Text
    description_ru: Text
    geometry_quality: GeometryQuality
    geometry_source: GeometrySource
    geometry_licence: GeometryLicence
    status_history: Annotated[list[StatusChange], Field(min_length=1)]

    @field_validator("status_history")
    @classmethod
    def _chronological(cls, history: list[StatusChange]) -> list[StatusChange]:
        if any(change.from_ is None for change in history[1:]):
            raise ValueError("only the first status may have an unknown ('from': null) start")
        dates = [change.from_ for change in history if change.from_ is not None]
        if dates != sorted(dates):
            raise ValueError("status changes must be in chronological order")
        return history


class Event(Sourced):
    id: Id
    date: AtlasDate
    date_precision: DatePrecision
    date_label_en: OptionalText = None
    date_label_ru: OptionalText = None
    title_en: Text
    title_ru: Text
    summary_en: Text
    summary_ru: Text
    event_type: EventType
    place_name_en: Text
    place_name_ru: Text
    place_country: Iso3
    lat: Latitude
    lon: Longitude
    geo_precision: GeoPrecision
    countries: Annotated[Iso3List, Field(min_length=1)]
    participants: IdList = []
    organisations: IdList = []
    route_ids: IdList = []
    facility_ids: IdList = []
    quote: OptionalText = None
    also_reported: UrlList = []
    volume_bcm: Quantity = None
    """The gas volume the source gives, in bcm for ``volume_period``; a report's number, not a flow figure."""
    volume_period: OptionalVolumePeriod = None
    price_usd_per_mcm: Quantity = None
    """A price the source gives, in US dollars per thousand cubic metres."""
    contract_years: Quantity = None

    @field_validator("quote")
    @classmethod
    def _one_sentence(cls, quote: str | None) -> str | None:
        if quote is not None and len(quote) > MAX_QUOTE:
            raise ValueError("a quote is at most one sentence (400 characters)")
        return quote

    @model_validator(mode="after")
    def _volume_with_its_period(self) -> Event:
        if (self.volume_bcm is None) != (self.volume_period is None):
            raise ValueError("volume_bcm and volume_period go together: a volume says what it is for "
                             "(year, day or total)")
        return self


OptionalDate = Annotated[AtlasDate | None, BeforeValidator(_empty_to_none)]
OptionalVolume = Annotated[Volume | None, BeforeValidator(_empty_to_none)]


class Flow(Record):
    """A volume of gas along one route, in one direction, over one period, as its source reports it — or, as a
    ``gap`` row, the statement that no public figure was found and what was searched (never a zero).

    ``scope`` tells a figure between two countries from a pipeline's whole throughput; ``purpose`` tells trade
    from gas sent abroad to be processed; ``via`` names the transit countries in order; ``choice`` marks the
    figure the atlas uses where another source gives a different one (kept as an ``alternative`` row).
    """

    id: Id
    route_id: Id
    from_country: Iso3
    to_country: Iso3
    period: Period
    value_kind: FlowKind
    volume_bcm: OptionalVolume = Field(default=None, validate_default=True)
    source_title: OptionalText = Field(default=None, validate_default=True)
    source_url: Annotated[Url | None, BeforeValidator(_empty_to_none)] = Field(default=None, validate_default=True)
    quote: Annotated[Quote | None, BeforeValidator(_empty_to_none)] = Field(default=None, validate_default=True)
    note_en: OptionalText = None
    note_ru: OptionalText = None
    scope: Annotated[FlowScope, BeforeValidator(lambda value: value or FlowScope.COUNTRY)] = FlowScope.COUNTRY
    purpose: Annotated[FlowPurpose, BeforeValidator(lambda value: value or FlowPurpose.TRADE)] = FlowPurpose.TRADE
    via: Iso3List = []
    choice: Annotated[FlowChoice, BeforeValidator(lambda value: value or FlowChoice.CHOSEN)] = FlowChoice.CHOSEN
    searched: OptionalText = Field(default=None, validate_default=True)
    source_date: OptionalDate = None
    retrieved: OptionalDate = None

    @field_validator("volume_bcm")
    @classmethod
    def _volume_unless_gap(cls, volume: float | None, info: ValidationInfo) -> float | None:
        gap = info.data.get("value_kind") == FlowKind.GAP
        if gap and volume is not None:
            raise ValueError("a gap row says no public figure was found: leave 'volume_bcm' empty")
        if not gap and volume is None and "value_kind" in info.data:
            raise ValueError("a figure needs its volume (or write value_kind 'gap' and say what was searched)")
        return volume

    @field_validator("source_title", "source_url", "quote")
    @classmethod
    def _sourced_unless_gap(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and "value_kind" in info.data and info.data["value_kind"] != FlowKind.GAP:
            raise ValueError(f"a figure needs its {info.field_name}")
        return value

    @field_validator("searched")
    @classmethod
    def _gap_says_what_was_searched(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("value_kind") == FlowKind.GAP:
            raise ValueError("a gap row must say what was searched")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Flow:
        if self.from_country == self.to_country and self.scope != FlowScope.ROUTE_TOTAL:
            raise ValueError("'from_country' and 'to_country' must differ (only a whole-route figure of a domestic "
                             "pipeline names one country at both ends)")
        if {self.from_country, self.to_country} & set(self.via):
            raise ValueError("'via' names the countries gas crosses between its two ends, not the ends")
        if self.value_kind == FlowKind.GAP and self.choice == FlowChoice.ALTERNATIVE:
            raise ValueError("a gap row cannot be an 'alternative' figure")
        return self


EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_precision", "date_label_en", "date_label_ru", "title_en", "title_ru", "summary_en",
    "summary_ru", "event_type", "place_name_en", "place_name_ru", "place_country", "lat", "lon", "geo_precision",
    "countries", "participants", "organisations", "route_ids", "facility_ids", "source_title", "source_url", "quote",
    "also_reported", "volume_bcm", "volume_period", "price_usd_per_mcm", "contract_years",
)
"""The column order of ``data/events.csv`` and of every export in its format."""

ACTOR_COLUMNS: tuple[str, ...] = (
    "id", "kind", "name_en", "name_ru", "role_en", "role_ru", "country", "source_title", "source_url",
)
"""The column order of ``data/actors.csv``."""

FLOW_COLUMNS: tuple[str, ...] = (
    "id", "route_id", "from_country", "to_country", "period", "volume_bcm", "value_kind", "source_title",
    "source_url", "quote", "note_en", "note_ru", "scope", "purpose", "via", "choice", "searched", "source_date",
    "retrieved",
)
"""The column order of ``data/flows.csv`` and of the flows download."""


# Columns at a time -----------------------------------------------------------------------------
#
# Validating 100,000 rows one by one through the models above takes tens of seconds. The rules below
# accept, a whole CSV column at once (an Arrow array of the cells, in pyarrow's compiled kernels), only
# cells already in the canonical form the models would produce (no surrounding white space, no carriage
# return, plain decimals, ISO dates…) and return what the model would hold for them. A cell a rule does
# not accept is not necessarily wrong: its row goes through its model as before, so every error message
# stays the model's own. A field whose type has no rule, or a validator not listed in ``ROW_RULES``,
# sends every row of the file through the model.

RecordModel = TypeVar("RecordModel", bound=BaseModel)
Vouched = tuple[pa.Array, pa.Array]
"""What a column rule returns: the values the model would hold, and per cell whether the rule vouches for it
(a boolean array without nulls; the value of a cell not vouched for is meaningless)."""
ColumnRule = Callable[[pa.Array], Vouched]

_SPACE = "".join(f"\\x{{{code:x}}}" for code in range(0x3001) if chr(code).isspace())
"""Every character ``str.isspace`` knows (none lies above U+3000), as an RE2 character class body."""
_BLANK = f"^[{_SPACE}]*$"
_PLAIN = f"^$|^[^{_SPACE}](?:[^\\r]*[^{_SPACE}])?$"
"""Nothing a model would strip or rewrite: no white space around the cell, no carriage return inside."""
_ID_CELL = ID_PATTERN[1:-1]
_ISO3_CELL = ISO3_PATTERN[1:-1]
_DECIMAL = r"-?(?:0|[1-9][0-9]{0,11})(?:\.[0-9]{1,15})?"
_URL_CELL = f"(?:http://[^ ;\\r]{{4,}}|https://[^ ;\\r]{{3,}})[^ ;{_SPACE}]"
"""A full http(s) URL of at least 12 characters, no space, nothing to strip (``is_http_url``), no ``;``."""


def _matches(cells: pa.Array, pattern: str) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(cells, pattern), False)


def _all(*masks: pa.Array) -> pa.Array:
    result = masks[0]
    for mask in masks[1:]:
        result = pc.and_kleene(result, mask)
    return pc.fill_null(result, False)


def _blank_to_null(cells: pa.Array, values: pa.Array) -> pa.Array:
    """What ``_empty_to_none`` does: a cell of white space only holds nothing."""
    return pc.if_else(_matches(cells, _BLANK), pa.scalar(None, values.type), values)


def _text_column(cells: pa.Array) -> Vouched:
    length = pc.utf8_length(cells)
    return cells, _all(pc.greater(length, 0), pc.less_equal(length, MAX_TEXT), _matches(cells, _PLAIN))


def _optional_text_column(cells: pa.Array) -> Vouched:
    blank = _matches(cells, _BLANK)
    return _blank_to_null(cells, cells), pc.or_(blank, _matches(cells, _PLAIN))


def _pattern_column(pattern: str) -> ColumnRule:
    return lambda cells: (cells, _matches(cells, f"^{pattern}$"))


def _optional_pattern_column(pattern: str) -> ColumnRule:
    def rule(cells: pa.Array) -> Vouched:
        blank = _matches(cells, _BLANK)
        return _blank_to_null(cells, cells), pc.or_(blank, _matches(cells, f"^{pattern}$"))
    return rule


def _url_column(cells: pa.Array) -> Vouched:
    return cells, _matches(cells, f"^{_URL_CELL}$")


def _list_column(item: str, at_least: int = 0) -> ColumnRule:
    """Lists written ``a;b;c`` with nothing to strip or drop: then splitting at ``;`` is ``split_list``."""
    items = f"{item}(?:{LIST_SEPARATOR}{item})*"
    pattern = f"^{items}$" if at_least else f"^(?:{items})?$"

    def rule(cells: pa.Array) -> Vouched:
        split = pc.split_pattern(cells, LIST_SEPARATOR)
        values = pc.if_else(pc.equal(cells, ""), pa.scalar([], split.type), split)
        return values, _matches(cells, pattern)
    return rule


def _decimals(cells: pa.Array, pattern: str) -> Vouched:
    ok = _matches(cells, f"^{pattern}$")
    return pc.cast(pc.if_else(ok, cells, "0"), pa.float64()), ok


def _number_column(low: float, high: float) -> ColumnRule:
    def rule(cells: pa.Array) -> Vouched:
        numbers, ok = _decimals(cells, _DECIMAL)
        return numbers, _all(ok, pc.greater_equal(numbers, low), pc.less_equal(numbers, high))
    return rule


def _quantity_column(cells: pa.Array) -> Vouched:
    blank = _matches(cells, _BLANK)
    numbers, ok = _decimals(cells, _DECIMAL.removeprefix("-?"))
    return _blank_to_null(cells, numbers), pc.or_(blank, ok)


def _date_column(cells: pa.Array) -> Vouched:
    """ISO dates that exist (written back, the day is the cell) inside the atlas's window."""
    shaped = _matches(cells, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    days = pc.cast(pc.strptime(pc.if_else(shaped, cells, "1900-01-01"), "%Y-%m-%d", "s", error_is_null=True),
                   pa.date32())
    exists = pc.fill_null(pc.equal(pc.strftime(days, "%Y-%m-%d"), cells), False)
    window = (pa.scalar(datewindow.EARLIEST, pa.date32()), pa.scalar(datewindow.latest(), pa.date32()))
    return days, _all(shaped, exists, pc.greater_equal(days, window[0]), pc.less_equal(days, window[1]))


def _enum_column(kind: type[Enum], optional: bool = False) -> ColumnRule:
    members = pa.array([member.value for member in kind] + ([""] if optional else []), pa.string())

    def rule(cells: pa.Array) -> Vouched:
        ok = pc.is_in(cells, value_set=members)
        return (pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.string()), cells) if optional else cells), ok
    return rule


COLUMN_RULES: dict[str, ColumnRule] = {
    "Id": _pattern_column(_ID_CELL),
    "Iso3": _pattern_column(_ISO3_CELL),
    "Annotated[Iso3 | None, BeforeValidator(_empty_to_none)]": _optional_pattern_column(_ISO3_CELL),
    "Text": _text_column,
    "OptionalText": _optional_text_column,
    "Url": _url_column,
    "Quantity": _quantity_column,
    "OptionalVolumePeriod": _enum_column(VolumePeriod, optional=True),
    "Latitude": _number_column(*LATITUDE_RANGE),
    "Longitude": _number_column(*LONGITUDE_RANGE),
    "AtlasDate": _date_column,
    "IdList": _list_column(_ID_CELL),
    "Iso3List": _list_column(_ISO3_CELL),
    "Annotated[Iso3List, Field(min_length=1)]": _list_column(_ISO3_CELL, at_least=1),
    "UrlList": _list_column(_URL_CELL),
    **{kind.__name__: _enum_column(kind) for kind in (ActorKind, DatePrecision, EventType, FacilityKind,
                                                      FlowKind, GeoPrecision)},
}
"""A rule for each field type of the CSV models, by the name the model's annotation gives it."""

ENUMS: dict[str, type[Enum]] = {"OptionalVolumePeriod": VolumePeriod} | {
    kind.__name__: kind for kind in (ActorKind, DatePrecision, EventType, FacilityKind, FlowKind, GeoPrecision)}
"""The field types whose values a record holds as members of an enumeration (Arrow holds their text)."""

ROW_RULES: dict[tuple[str, str], Callable[[dict[str, pa.Array]], pa.Array]] = {
    ("Event", "_one_sentence"): lambda columns: pc.fill_null(pc.less_equal(pc.utf8_length(columns["quote"]),
                                                                             MAX_QUOTE), True),
    ("Event", "_volume_with_its_period"): lambda columns: pc.equal(pc.is_null(columns["volume_bcm"]),
                                                                    pc.is_null(columns["volume_period"])),
}
"""The models' own validators, as checks of validated columns: (model, validator) → rows that pass."""


def field_types(model: type[BaseModel]) -> dict[str, str]:
    """Each field's annotation as written in this module (the names ``COLUMN_RULES`` knows)."""
    written: dict[str, Any] = {}
    for klass in reversed(model.__mro__):
        written.update(getattr(klass, "__annotations__", {}))
    return {name: str(written.get(name)) for name in model.model_fields}


def column_rules(model: type[BaseModel]) -> dict[str, ColumnRule] | None:
    """A rule for every field of ``model`` and every validator covered by ``ROW_RULES``; else ``None``."""
    decorators = model.__pydantic_decorators__
    own = [*decorators.field_validators, *decorators.model_validators, *decorators.validators,
           *decorators.root_validators]
    if any((model.__name__, name) not in ROW_RULES for name in own):
        return None
    if any(field.alias not in (None, name) for name, field in model.model_fields.items()):
        return None
    rules = {name: COLUMN_RULES.get(kind) for name, kind in field_types(model).items()}
    return None if any(rule is None for rule in rules.values()) else rules  # type: ignore[return-value]


def trusted(model: type[RecordModel], values: dict[str, Any]) -> RecordModel:
    """A model instance holding ``values`` that column rules vouched for, as ``model_validate`` would have made
    it — without validating again (pydantic's ``model_construct`` minus its per-field defaults pass, which
    costs ten times more; every field is given here)."""
    record = model.__new__(model)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", set(values))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


def row_rules(model: type[BaseModel]) -> list[Callable[[dict[str, pa.Array]], pa.Array]]:
    decorators = model.__pydantic_decorators__
    return [ROW_RULES[(model.__name__, name)] for name in (*decorators.field_validators,
                                                           *decorators.model_validators)]


def vouched_rows(model: type[BaseModel], cells: dict[str, pa.Array]) -> tuple[dict[str, pa.Array], pa.Array] | None:
    """Every field's values and the rows whose every cell and every row rule the column rules vouch for;
    ``None`` if ``model`` has a field or a validator they do not know. A column a file leaves out (an older
    export) holds empty cells."""
    rules = column_rules(model)
    if rules is None:
        return None
    count = len(next(iter(cells.values()))) if cells else 0
    empty = pa.array([""] * count, pa.string())
    values: dict[str, pa.Array] = {}
    masks = []
    for name, rule in rules.items():
        values[name], ok = rule(cells.get(name, empty))
        masks.append(ok)
    masks.extend(rule(values) for rule in row_rules(model))
    return values, _all(*masks) if masks else pa.array([True] * count)


def python_values(model: type[BaseModel], values: dict[str, pa.Array]) -> dict[str, list[Any]]:
    """Column values as a record holds them (members of enumerations, dates, lists)."""
    kinds = field_types(model)
    result = {}
    for name, array in values.items():
        cells = array.to_pylist()
        enum = ENUMS.get(kinds[name])
        members: dict[Any, Any] = {} if enum is None else {member.value: member for member in enum}
        result[name] = [members.get(cell, cell) for cell in cells] if members else cells
    return result
