"""Which events a reader asked to see: the filter and the counts shown beside each choice."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

SEARCH_COLUMNS = ("title_en", "title_ru", "summary_en", "summary_ru", "place_name_en", "place_name_ru")


@dataclass(frozen=True)
class EventFilter:
    """Every facet of the event filter; an empty facet means "no restriction"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: frozenset[str] = field(default_factory=frozenset)
    event_types: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == EventFilter(date_from=self.date_from, date_to=self.date_to)


def with_search_text(events: pd.DataFrame) -> pd.DataFrame:
    """Add the lower-cased text that free-text search runs over (both languages)."""
    columns = events[list(SEARCH_COLUMNS)].fillna("").astype(str)
    text = columns.iloc[:, 0].str.cat(columns.iloc[:, 1:], sep=" ").str.casefold()
    return events.assign(search_text=text)


def _any_in(column: pd.Series, wanted: frozenset[str]) -> np.ndarray:
    return np.fromiter((not wanted.isdisjoint(values) for values in column), dtype=bool, count=len(column))


def filter_mask(events: pd.DataFrame, selection: EventFilter, *, skip: str | None = None) -> np.ndarray:
    """Boolean mask of the events that pass every facet (except ``skip``, for facet counts)."""
    mask = np.ones(len(events), dtype=bool)
    if selection.date_from is not None:
        mask &= (events["date"] >= pd.Timestamp(selection.date_from)).to_numpy()
    if selection.date_to is not None:
        mask &= (events["date"] <= pd.Timestamp(selection.date_to)).to_numpy()
    if selection.countries and skip != "countries":
        mask &= _any_in(events["countries"], selection.countries)
    if selection.event_types and skip != "event_types":
        mask &= events["event_type"].isin(selection.event_types).to_numpy()
    if selection.actors and skip != "actors":
        mask &= _any_in(events["participants"], selection.actors) | _any_in(events["organisations"], selection.actors)
    needle = selection.text.strip().casefold()
    if needle:
        mask &= events["search_text"].str.contains(needle, regex=False).to_numpy()
    return mask


def apply_filter(events: pd.DataFrame, selection: EventFilter) -> pd.DataFrame:
    """The events that pass the filter, in the frame's order."""
    return events[filter_mask(events, selection)]


def _count_values(values: Iterable) -> Counter:
    counts: Counter = Counter()
    for value in values:
        if isinstance(value, tuple):
            counts.update(value)
        else:
            counts[value] += 1
    return counts


def facet_counts(events: pd.DataFrame, selection: EventFilter, facet: str) -> Counter:
    """How many events each option of ``facet`` would show, given the other facets.

    Counting without the facet's own restriction lets a reader see what adding
    another option to a multiselect would bring.
    """
    visible = events[filter_mask(events, selection, skip=facet)]
    if facet == "countries":
        return _count_values(visible["countries"])
    if facet == "event_types":
        return _count_values(visible["event_type"])
    if facet == "actors":
        return _count_values(visible["participants"]) + _count_values(visible["organisations"])
    raise ValueError(f"unknown facet {facet!r}")
