"""Which events a reader asked to see: the date range, the filter, and the counts shown beside each choice."""

from __future__ import annotations

import datetime as dt
import itertools
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from gasatlas.i18n import N_

if TYPE_CHECKING:
    from gasatlas.dataset.load import Dataset

CountryMatch = Literal["any", "all"]
COUNTRY_MATCHES: tuple[CountryMatch, ...] = ("any", "all")
"""How chosen countries combine: events involving ``any`` of them, or ``all`` of them (relations between them)."""
COUNTRY_MATCH_WORDS: dict[str, str] = {"any": N_("any of them"), "all": N_("all of them")}


@dataclass(frozen=True)
class DateRange:
    """The days from ``start`` to ``end``, both included; never empty (``start`` after ``end`` is refused).

    The range also says which network the atlas draws: the one in place on its
    last day (``as_of``), so that moving the end of the range moves the map in time.
    """

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"a date range cannot start ({self.start}) after it ends ({self.end})")

    @classmethod
    def between(cls, one: dt.date, other: dt.date) -> DateRange:
        """The range between two days given in either order (the ends of a brushed span, say)."""
        return cls(min(one, other), max(one, other))

    @property
    def as_of(self) -> dt.date:
        """The day the network is shown as of: the range's last day."""
        return self.end

    def clamped(self, span: DateRange) -> DateRange:
        """This range kept inside ``span`` (links outlive data changes); one wholly outside shrinks to span's
        nearest end."""
        return DateRange(min(max(self.start, span.start), span.end), max(min(self.end, span.end), span.start))


def date_presets(span: DateRange) -> dict[str, DateRange]:
    """Ranges a reader picks in one click, by code: ``all`` of ``span``, its last twelve months, and each
    calendar year it touches, newest first (each kept inside ``span``)."""
    year_before = span.end.replace(year=span.end.year - 1) if (span.end.month, span.end.day) != (2, 29) \
        else span.end.replace(year=span.end.year - 1, day=28)
    presets = {"all": span, "last-12-months": DateRange(year_before + dt.timedelta(days=1), span.end).clamped(span)}
    for year in range(span.end.year, span.start.year - 1, -1):
        presets[str(year)] = DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31)).clamped(span)
    return presets


EVERY_DAY = DateRange(dt.date.min, dt.date.max)
"""No date restriction: the range of a filter nobody has narrowed, and of a link that names no dates."""

_FIRST_TIMESTAMP, _LAST_TIMESTAMP = pd.Timestamp.min.date(), pd.Timestamp.max.date()


@dataclass(frozen=True)
class EventFilter:
    """Every facet of the event filter; an empty facet (and ``EVERY_DAY``) means "no restriction".

    An event matches the dates when its period (``periods.interval_of``: a month, a quarter, about a
    week…) overlaps them, not only when its representative day falls inside.
    """

    dates: DateRange = EVERY_DAY
    countries: frozenset[str] = field(default_factory=frozenset)
    country_match: CountryMatch = "any"
    event_types: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    text: str = ""

    def shown(self, atlas: Dataset, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The atlas's events this filter lets through, in the atlas's order (see ``apply_filter``)."""
        return apply_filter(atlas.events, self, columns)



@dataclass(frozen=True)
class _Exploded:
    """A column of tuples in long form: one entry per (row, value), values as integer codes."""

    rows: np.ndarray
    codes: np.ndarray
    values: np.ndarray  # the distinct values, indexed by code


_EXPLODED: dict[int, tuple[weakref.ref[pd.DataFrame], dict[str, _Exploded]]] = {}


def _exploded(events: pd.DataFrame, column: str) -> _Exploded:
    """A column of tuples in long form, for vectorised matching and counting.

    Built once per frame and column: the dataset's frames are shared and never
    modified, and building these is the costly part at 100,000 events.
    """
    entry = _EXPLODED.get(id(events))
    if entry is None or entry[0]() is not events:
        entry = (weakref.ref(events), {})
        _EXPLODED[id(events)] = entry
        weakref.finalize(events, _EXPLODED.pop, id(events), None)
    cache = entry[1]
    if column not in cache:
        values = events[column].tolist()
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        codes, distinct = pd.factorize(np.array(list(itertools.chain.from_iterable(values)), dtype=object))
        cache[column] = _Exploded(np.repeat(np.arange(len(values)), lengths), codes, np.asarray(distinct, dtype=object))
    return cache[column]


def _matches_per_row(events: pd.DataFrame, column: str, wanted: frozenset[str]) -> np.ndarray:
    """How many of ``wanted`` each row's tuple in ``column`` holds."""
    long = _exploded(events, column)
    wanted_codes = np.flatnonzero(np.isin(long.values, list(wanted)))
    return np.bincount(long.rows[np.isin(long.codes, wanted_codes)], minlength=len(events))


def _any_in(events: pd.DataFrame, column: str, wanted: frozenset[str]) -> np.ndarray:
    """Rows whose tuple in ``column`` holds any of ``wanted``."""
    return _matches_per_row(events, column, wanted) > 0


def _all_in(events: pd.DataFrame, column: str, wanted: frozenset[str]) -> np.ndarray:
    """Rows whose tuple in ``column`` holds every one of ``wanted`` (tuples hold each value once)."""
    return _matches_per_row(events, column, wanted) >= len(wanted)


def filter_mask(events: pd.DataFrame, selection: EventFilter, *, skip: str | None = None) -> np.ndarray:
    """Boolean mask of the events that pass every facet (except ``skip``, for facet counts).

    Dates match by overlap of the event's period (``date_start``…``date_end``) with the range."""
    mask = np.ones(len(events), dtype=bool)
    dates = selection.dates
    if dates.start > _FIRST_TIMESTAMP:
        mask &= (events["date_end"] >= pd.Timestamp(dates.start)).to_numpy()
    if dates.end < _LAST_TIMESTAMP:
        mask &= (events["date_start"] <= pd.Timestamp(dates.end)).to_numpy()
    if selection.countries and skip != "countries":
        matches = _all_in if selection.country_match == "all" else _any_in
        mask &= matches(events, "countries", selection.countries)
    if selection.event_types and skip != "event_types":
        mask &= events["event_type"].isin(selection.event_types).to_numpy()
    if selection.actors and skip != "actors":
        mask &= _any_in(events, "participants", selection.actors) | _any_in(events, "organisations", selection.actors)
    needle = selection.text.strip().casefold()
    if needle:
        mask &= events["search_text"].str.contains(needle, regex=False).to_numpy()
    return mask


def apply_filter(events: pd.DataFrame, selection: EventFilter, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The events that pass the filter, in the frame's order.

    ``columns`` limits the copy to what the caller shows: with 100,000 events,
    copying every text column costs more than the filtering itself.
    """
    mask = filter_mask(events, selection)
    return events.loc[mask, list(columns)] if columns is not None else events[mask]


def _count_values(events: pd.DataFrame, column: str, mask: np.ndarray) -> Counter[str]:
    long = _exploded(events, column)
    counts = np.bincount(long.codes[mask[long.rows]], minlength=len(long.values))
    return Counter({value: int(n) for value, n in zip(long.values.tolist(), counts.tolist(), strict=True) if n})


FACETS = ("countries", "event_types", "actors")
"""The facets ``facet_counts`` counts: the sidebar's options that show how many events each would bring."""


def facet_counts(events: pd.DataFrame, selection: EventFilter, facet: str) -> Counter[str]:
    """How many events each option of ``facet`` would show, given the other facets.

    Counting without the facet's own restriction lets a reader see what adding
    another option to a multiselect would bring. Countries matched "all together"
    keep their restriction: adding a country can only narrow, and the count beside
    it is what the narrower view would hold.
    """
    keeps_own = facet == "countries" and selection.country_match == "all"
    mask = filter_mask(events, selection, skip=None if keeps_own else facet)
    if facet == "countries":
        return _count_values(events, "countries", mask)
    if facet == "event_types":
        return Counter(events.loc[mask, "event_type"].value_counts().to_dict())
    if facet == "actors":
        return _count_values(events, "participants", mask) + _count_values(events, "organisations", mask)
    raise ValueError(f"unknown facet {facet!r}")
