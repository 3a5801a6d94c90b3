"""Row and feature models for every data file: the one definition of a valid record.

Models check each record on its own (types, vocabularies, ranges, formats);
``gasatlas.data`` adds the checks that need the whole dataset (unique ids,
references between files, coordinates inside their country).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from gasatlas import datewindow
from gasatlas.vocab import (
    ActorKind,
    DatePrecision,
    EventType,
    FacilityKind,
    FlowKind,
    GeometryLicence,
    GeometryQuality,
    GeoPrecision,
    RouteKind,
    RouteStatus,
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


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or " " in value or len(value) < 12:
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


MAX_FLOW_BCM = 500.0
"""More than any country's yearly gas trade: a larger number is a unit slip (million, not billion, m³)."""


def _plausible_volume(volume: float) -> float:
    if volume > MAX_FLOW_BCM:
        raise ValueError(f"{volume:g} bcm is more than any country trades in a year: is it in million m³?")
    return volume


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$")]
Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, BeforeValidator(unix_lines),
                 StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
OptionalText = Annotated[str | None, BeforeValidator(_empty_to_none)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_http_url)]
Quantity = Annotated[Annotated[float, Field(ge=0)] | None, BeforeValidator(_empty_to_none)]
IdList = Annotated[list[Id], BeforeValidator(split_list)]
Iso3List = Annotated[list[Iso3], BeforeValidator(split_list)]
UrlList = Annotated[list[Url], BeforeValidator(split_list)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=360)]
AtlasDate = Annotated[dt.date, AfterValidator(_in_window)]
"""A date inside the atlas's window (see ``gasatlas.datewindow``)."""
Period = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_period_begun)]
Volume = Annotated[float, Field(ge=0, allow_inf_nan=False), AfterValidator(_plausible_volume)]
Quote = Annotated[Text, Field(max_length=400)]
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

    @field_validator("quote")
    @classmethod
    def _one_sentence(cls, quote: str | None) -> str | None:
        if quote is not None and len(quote) > 400:
            raise ValueError("a quote is at most one sentence (400 characters)")
        return quote


class Flow(Sourced):
    """A volume of gas along one route, in one direction, over one period, as its source reports it."""

    id: Id
    route_id: Id
    from_country: Iso3
    to_country: Iso3
    period: Period
    volume_bcm: Volume
    value_kind: FlowKind
    quote: Quote
    note_en: OptionalText = None
    note_ru: OptionalText = None

    @model_validator(mode="after")
    def _two_countries(self) -> Flow:
        if self.from_country == self.to_country:
            raise ValueError("'from_country' and 'to_country' must differ")
        return self


EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_precision", "date_label_en", "date_label_ru", "title_en", "title_ru", "summary_en",
    "summary_ru", "event_type", "place_name_en", "place_name_ru", "place_country", "lat", "lon", "geo_precision",
    "countries", "participants", "organisations", "route_ids", "facility_ids", "source_title", "source_url", "quote",
    "also_reported",
)
"""The column order of ``data/events.csv`` and of every export in its format."""

ACTOR_COLUMNS: tuple[str, ...] = (
    "id", "kind", "name_en", "name_ru", "role_en", "role_ru", "country", "source_title", "source_url",
)
"""The column order of ``data/actors.csv``."""

FLOW_COLUMNS: tuple[str, ...] = (
    "id", "route_id", "from_country", "to_country", "period", "volume_bcm", "value_kind", "source_title",
    "source_url", "quote", "note_en", "note_ru",
)
"""The column order of ``data/flows.csv`` and of the flows download."""
