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
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from gasatlas.analysis.filters import COUNTRY_MATCHES, EVERY_DAY, DateRange, EventFilter
from gasatlas.config import Basemap
from gasatlas.i18n import N_
from gasatlas.model import datewindow
from gasatlas.model.vocab import LANGUAGES, Lang

T = TypeVar("T", bound=str)
SelectionKind = Literal["event", "route", "facility"]
SELECTION_KINDS: tuple[SelectionKind, ...] = ("event", "route", "facility")
BASEMAPS: tuple[Basemap, ...] = ("tiles", "offline")
RouteWidths = Literal["capacity", "flow"]
ROUTE_WIDTHS: tuple[RouteWidths, ...] = ("capacity", "flow")
"""What a route's width on the map shows: its capacity, or the gas that moved in the year (``?widths=flow``)."""
LINK_PROBLEMS: dict[str, str] = {
    "link_unknown_language": N_("unknown language"),
    "link_unknown_basemap": N_("unknown basemap"),
    "link_unknown_route_widths": N_("unknown route widths"),
    "link_bad_from": N_("'from' is not a date (YYYY-MM-DD)"),
    "link_bad_to": N_("'to' is not a date (YYYY-MM-DD)"),
    "link_dates_swapped": N_("'from' is after 'to'; the dates were swapped"),
    "link_unknown_selection": N_("unknown selection"),
    "link_no_such_step": N_("no such step; the story opens at its first"),
    "link_unknown_story": N_("unknown story"),
    "link_unknown_country": N_("unknown country"),
    "link_unknown_country_match": N_("unknown country match"),
    "link_unknown_event_type": N_("unknown event type"),
    "link_unknown_actor": N_("unknown actor"),
    "link_bad_compare": N_("'compare' is not two dates (YYYY-MM-DD,YYYY-MM-DD)"),
    "link_compare_swapped": N_("the dates in 'compare' were in the wrong order; they were swapped"),
}
"""What a problem code of ``from_query`` means, in words for the reader (the codes are what tests compare)."""


@dataclass(frozen=True)
class Selection:
    kind: SelectionKind
    id: str

    def code(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class StoryAt:
    """A step of a story (``?story=main&step=3``), counted from 1."""

    id: str
    step: int = 1


@dataclass(frozen=True)
class ViewState:
    lang: Lang = "en"
    basemap: Basemap = "tiles"
    route_widths: RouteWidths = "capacity"
    filter: EventFilter = field(default_factory=EventFilter)
    selected: Selection | None = None
    story: StoryAt | None = None
    intro_dismissed: bool = False
    """The reader closed the first-visit orientation (``?intro=0``): a reload or a shared link does not repeat it."""
    compare: tuple[dt.date, dt.date] | None = None
    """The two moments the compare page sets side by side (``?compare=YYYY-MM-DD,YYYY-MM-DD``), earlier first."""


@dataclass(frozen=True)
class Vocabulary:
    """The codes a URL may name and the days its range is kept inside, taken from the loaded dataset."""

    countries: frozenset[str]
    event_types: frozenset[str]
    actors: frozenset[str]
    ids: Mapping[SelectionKind, frozenset[str]]
    span: DateRange = EVERY_DAY
    stories: Mapping[str, int] = field(default_factory=dict)
    """Story id → its number of steps."""


def to_query(
    state: ViewState,
    span: DateRange = EVERY_DAY,
    default_basemap: Basemap = "tiles",
) -> dict[str, str | list[str]]:
    """Query parameters for ``state``; defaults (and dates at the ends of the data's ``span``) are left out."""
    return {**_look_query(state, default_basemap), **_filter_query(state.filter, span), **_focus_query(state)}


def _look_query(state: ViewState, default_basemap: Basemap) -> dict[str, str | list[str]]:
    """How the atlas looks: language, basemap, route widths."""
    query: dict[str, str | list[str]] = {}
    if state.lang != "en":
        query["lang"] = state.lang
    if state.basemap != default_basemap:
        query["basemap"] = state.basemap
    if state.route_widths != "capacity":
        query["widths"] = state.route_widths
    return query


def _filter_query(f: EventFilter, span: DateRange) -> dict[str, str | list[str]]:
    """What is shown: dates, countries, types, actors, how countries combine, the searched text."""
    query: dict[str, str | list[str]] = {}
    if f.dates.start not in (span.start, EVERY_DAY.start):
        query["from"] = f.dates.start.isoformat()
    if f.dates.end not in (span.end, EVERY_DAY.end):
        query["to"] = f.dates.end.isoformat()
    for key, values in (("country", f.countries), ("type", f.event_types), ("actor", f.actors)):
        if values:
            query[key] = sorted(values)
    if f.country_match != "any":
        query["match"] = f.country_match
    if f.text.strip():
        query["q"] = f.text.strip()
    return query


def _focus_query(state: ViewState) -> dict[str, str | list[str]]:
    """What the reader looks at: the selection, a story's step, the introduction, the compared days."""
    query: dict[str, str | list[str]] = {}
    if state.selected is not None:
        query["sel"] = state.selected.code()
    if state.story is not None:
        query["story"] = state.story.id
        query["step"] = str(state.story.step)
    if state.intro_dismissed:
        query["intro"] = "0"
    if state.compare is not None:
        query["compare"] = ",".join(day.isoformat() for day in state.compare)
    return query


def _date(value: str | None, problems: list[str], problem: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(problem)
        return None


def _moments(value: str | None, problems: list[str]) -> tuple[dt.date, dt.date] | None:
    """Two days from ``YYYY-MM-DD,YYYY-MM-DD``, earlier first (a pair in the wrong order is swapped, and said so)."""
    if not value:
        return None
    parts = value.split(",")
    try:
        one, other = (datewindow.check(dt.date.fromisoformat(part.strip()), "compare") for part in parts)
    except ValueError:
        problems.append("link_bad_compare")
        return None
    if one > other:
        problems.append("link_compare_swapped")
    return min(one, other), max(one, other)


def _codes(values: Sequence[str], allowed: frozenset[str], problems: list[str], problem: str) -> frozenset[str]:
    if any(v not in allowed for v in values):
        problems.append(problem)
    return frozenset(v for v in values if v in allowed)


def _choice(value: str | None, allowed: tuple[T, ...], default: T, problems: list[str], problem: str) -> T:
    """``value`` if it is one of ``allowed`` (typed as such), else ``default``; a wrong value is reported."""
    for option in allowed:
        if value == option:
            return option
    if value:
        problems.append(problem)
    return default


def from_query(
    params: Mapping[str, Sequence[str]],
    vocabulary: Vocabulary,
    default_basemap: Basemap = "tiles",
) -> tuple[ViewState, list[str]]:
    """The state a link describes, and what in it was ignored and why: interface keys (``gasatlas.i18n``), so
    each reader is told in their language, and no value of the link is ever echoed back.

    Its date range is always inside ``vocabulary.span``: a missing end is the span's, and a range
    outside the data is moved in (links outlive data changes).
    """
    problems: list[str] = []

    def first(key: str) -> str | None:
        values = params.get(key) or []
        return values[-1] if values else None

    lang = _choice(first("lang"), LANGUAGES, "en", problems, "link_unknown_language")
    basemap = _choice(first("basemap"), BASEMAPS, default_basemap, problems, "link_unknown_basemap")
    route_widths = _choice(first("widths"), ROUTE_WIDTHS, "capacity", problems, "link_unknown_route_widths")
    date_from = _date(first("from"), problems, "link_bad_from") or EVERY_DAY.start
    date_to = _date(first("to"), problems, "link_bad_to") or EVERY_DAY.end
    if date_from > date_to:
        problems.append("link_dates_swapped")
    dates = DateRange.between(date_from, date_to).clamped(vocabulary.span)
    selection = None
    if code := first("sel"):
        kind, _, item = code.partition(":")
        if kind in SELECTION_KINDS and item in vocabulary.ids.get(kind, frozenset()):
            selection = Selection(kind, item)
        else:
            problems.append("link_unknown_selection")
    story = None
    if story_id := first("story"):
        if story_id in vocabulary.stories:
            step = first("step") or "1"
            number = int(step) if step.isdecimal() and len(step) < 6 else 0
            if not 1 <= number <= vocabulary.stories[story_id]:
                problems.append("link_no_such_step")
                number = 1
            story = StoryAt(story_id, number)
        else:
            problems.append("link_unknown_story")
    event_filter = EventFilter(
        dates=dates,
        countries=_codes(params.get("country", []), vocabulary.countries, problems, "link_unknown_country"),
        country_match=_choice(first("match"), COUNTRY_MATCHES, "any", problems, "link_unknown_country_match"),
        event_types=_codes(params.get("type", []), vocabulary.event_types, problems, "link_unknown_event_type"),
        actors=_codes(params.get("actor", []), vocabulary.actors, problems, "link_unknown_actor"),
        text=(first("q") or "")[:200],
    )
    return ViewState(lang=lang, basemap=basemap, route_widths=route_widths, filter=event_filter,
                     selected=selection, story=story, intro_dismissed=first("intro") == "0",
                     compare=_moments(first("compare"), problems)), problems

