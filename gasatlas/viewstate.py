"""The whole view a reader sees — language, basemap, route widths, filters, selection — and its URL form.

A link must reproduce the view, so the state round-trips through query
parameters with stable codes (never translated labels). Parsing is forgiving:
an unknown code or a malformed date is dropped and reported, never fatal — and
the report names the parameter, never the value: a link is written by anyone, and
echoing it would let a link speak in the atlas's voice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from gasatlas.config import Basemap
from gasatlas.filters import EventFilter
from gasatlas.vocab import LANGUAGES, Lang

SelectionKind = Literal["event", "route", "facility"]
SELECTION_KINDS: tuple[SelectionKind, ...] = ("event", "route", "facility")
BASEMAPS: tuple[Basemap, ...] = ("tiles", "offline")
RouteWidths = Literal["capacity", "flow"]
ROUTE_WIDTHS: tuple[RouteWidths, ...] = ("capacity", "flow")
"""What a route's width on the map shows: its capacity, or the gas that moved in the year (``?widths=flow``)."""


@dataclass(frozen=True)
class Selection:
    kind: SelectionKind
    id: str

    def code(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class ViewState:
    lang: Lang = "en"
    basemap: Basemap = "tiles"
    route_widths: RouteWidths = "capacity"
    filter: EventFilter = field(default_factory=EventFilter)
    selected: Selection | None = None


@dataclass(frozen=True)
class Vocabulary:
    """The codes a URL may name, taken from the loaded dataset."""

    countries: frozenset[str]
    event_types: frozenset[str]
    actors: frozenset[str]
    ids: Mapping[SelectionKind, frozenset[str]]


def to_query(
    state: ViewState,
    span: tuple[dt.date, dt.date] | None = None,
    default_basemap: Basemap = "tiles",
) -> dict[str, str | list[str]]:
    """Query parameters for ``state``; defaults (and dates at the data's ``span``) are left out."""
    query: dict[str, str | list[str]] = {}
    if state.lang != "en":
        query["lang"] = state.lang
    if state.basemap != default_basemap:
        query["basemap"] = state.basemap
    if state.route_widths != "capacity":
        query["widths"] = state.route_widths
    f = state.filter
    first, last = span or (None, None)
    if f.date_from and f.date_from != first:
        query["from"] = f.date_from.isoformat()
    if f.date_to and f.date_to != last:
        query["to"] = f.date_to.isoformat()
    for key, values in (("country", f.countries), ("type", f.event_types), ("actor", f.actors)):
        if values:
            query[key] = sorted(values)
    if f.text.strip():
        query["q"] = f.text.strip()
    if state.selected is not None:
        query["sel"] = state.selected.code()
    return query


def _date(value: str, problems: list[str], name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"'{name}' is not a date (YYYY-MM-DD)")
        return None


def _codes(values: Sequence[str], allowed: frozenset[str], problems: list[str], name: str) -> frozenset[str]:
    if any(v not in allowed for v in values):
        problems.append(f"unknown {name}")
    return frozenset(v for v in values if v in allowed)


def from_query(
    params: Mapping[str, Sequence[str]],
    vocabulary: Vocabulary,
    default_basemap: Basemap = "tiles",
) -> tuple[ViewState, list[str]]:
    """The state a link describes, and a list of what in it was ignored and why."""
    problems: list[str] = []

    def first(key: str) -> str | None:
        values = params.get(key) or []
        return values[-1] if values else None

    lang = first("lang") or "en"
    if lang not in LANGUAGES:
        problems.append("unknown language")
        lang = "en"
    basemap = first("basemap") or default_basemap
    if basemap not in BASEMAPS:
        problems.append("unknown basemap")
        basemap = default_basemap
    route_widths = first("widths") or "capacity"
    if route_widths not in ROUTE_WIDTHS:
        problems.append("unknown route widths")
        route_widths = "capacity"
    date_from = _date(first("from"), problems, "from") if first("from") else None
    date_to = _date(first("to"), problems, "to") if first("to") else None
    if date_from and date_to and date_from > date_to:
        problems.append("'from' is after 'to'; the dates were swapped")
        date_from, date_to = date_to, date_from
    selection = None
    if code := first("sel"):
        kind, _, item = code.partition(":")
        if kind in SELECTION_KINDS and item in vocabulary.ids.get(kind, frozenset()):
            selection = Selection(kind, item)
        else:
            problems.append("unknown selection")
    event_filter = EventFilter(
        date_from=date_from,
        date_to=date_to,
        countries=_codes(params.get("country", []), vocabulary.countries, problems, "country"),
        event_types=_codes(params.get("type", []), vocabulary.event_types, problems, "event type"),
        actors=_codes(params.get("actor", []), vocabulary.actors, problems, "actor"),
        text=(first("q") or "")[:200],
    )
    return ViewState(lang=lang, basemap=basemap, route_widths=route_widths, filter=event_filter,
                     selected=selection), problems


def clamp_dates(state: ViewState, first: dt.date, last: dt.date) -> ViewState:
    """Keep the date range inside the data's span (links outlive data changes)."""
    f = state.filter
    date_from = min(max(f.date_from or first, first), last)
    date_to = max(min(f.date_to or last, last), first)
    return replace(state, filter=replace(f, date_from=date_from, date_to=date_to))
