"""The event filter: every facet narrows, empty facets don't, counts guide the reader.

Expectations are worked out from the data file row by row, so the tests hold whatever events it grows to.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter, date_presets, facet_counts
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import events_frame, load_dataset
from gasatlas.model.periods import interval_of, overlap


@pytest.fixture(scope="module")
def atlas():
    return load_dataset(PROJECT_ROOT / "data")


@pytest.fixture(scope="module")
def events(atlas):
    return atlas.events


def ids(frame) -> set[str]:
    return set(frame["id"])


def ids_where(events, condition) -> set[str]:
    """The ids of the events for which ``condition(row)`` holds, checked one row at a time."""
    return {row.id for row in events.itertuples() if condition(row)}


def test_an_empty_filter_keeps_every_event(events) -> None:
    assert ids(apply_filter(events, EventFilter())) == ids(events)


def test_the_date_range_includes_both_ends(events) -> None:
    days = sorted(set(events["date"].dt.date))
    first, last = days[len(days) // 4], days[len(days) // 2]

    shown = apply_filter(events, EventFilter(dates=DateRange(first, last)))

    on_the_ends = ids_where(events, lambda e: e.date.date() in (first, last))
    assert on_the_ends
    assert on_the_ends <= ids(shown)
    assert ids(shown) == ids_where(events, lambda e: overlap(interval_of(e.date.date(), e.date_precision),
                                                             (first, last)))
    assert 0 < len(shown) < len(events)


def test_an_event_with_a_period_matches_every_range_that_overlaps_it(events) -> None:
    """A quarter (October–December) is shown for October alone, for its last day, and not for September."""
    quarter = events.iloc[:1].assign(date=pd.Timestamp("2023-11-15"), date_precision="quarter", id="ev-q4")
    month = events.iloc[:1].assign(date=pd.Timestamp("2023-11-15"), date_precision="month", id="ev-november")
    periods = events_frame(pd.concat([quarter, month], ignore_index=True))

    def shown(start: str, end: str) -> set[str]:
        return ids(apply_filter(periods, EventFilter(dates=DateRange(dt.date.fromisoformat(start),
                                                                     dt.date.fromisoformat(end)))))

    assert shown("2023-10-01", "2023-10-31") == {"ev-q4"}
    assert shown("2023-12-31", "2024-03-31") == {"ev-q4"}
    assert shown("2023-11-30", "2023-11-30") == {"ev-q4", "ev-november"}
    assert shown("2023-09-01", "2023-09-30") == set()


def test_the_events_in_view_are_the_atlas_events_the_filter_lets_through(atlas) -> None:
    day = atlas.events["date"].iloc[len(atlas.events) // 2].date()
    narrowed = EventFilter(dates=DateRange(day, day), event_types=frozenset({"agreement", "meeting"}))

    assert ids(EventFilter().shown(atlas)) == ids(atlas.events)
    assert list(narrowed.shown(atlas)["id"]) == list(apply_filter(atlas.events, narrowed)["id"])
    assert list(narrowed.shown(atlas, ["id", "date"]).columns) == ["id", "date"]


def test_countries_match_any_involved_country(events) -> None:
    shown = apply_filter(events, EventFilter(countries=frozenset({"AFG", "CHN"})))

    with_afghanistan = ids_where(events, lambda e: "AFG" in e.countries)
    with_china = ids_where(events, lambda e: "CHN" in e.countries)
    assert with_afghanistan - with_china, "each country brings events of its own"
    assert with_china - with_afghanistan, "each country brings events of its own"
    assert ids(shown) == with_afghanistan | with_china


def test_countries_matched_all_together_keep_the_events_between_them(events) -> None:
    between = apply_filter(events, EventFilter(countries=frozenset({"RUS", "UZB"}), country_match="all"))

    assert ids(between) == ids_where(events, lambda e: {"RUS", "UZB"} <= set(e.countries)) != set()
    assert ids(between) < ids(apply_filter(events, EventFilter(countries=frozenset({"RUS", "UZB"}))))


def test_counts_beside_countries_matched_all_together_are_what_adding_each_would_show(events) -> None:
    chosen = EventFilter(countries=frozenset({"RUS"}), country_match="all")

    counts = facet_counts(events, chosen, "countries")

    assert counts["RUS"] == len(apply_filter(events, chosen))
    assert counts["UZB"] == len(apply_filter(events, EventFilter(countries=frozenset({"RUS", "UZB"}),
                                                                 country_match="all")))


def test_date_presets_are_all_the_last_twelve_months_and_each_year_inside_the_data() -> None:
    span = DateRange(dt.date(2022, 3, 10), dt.date(2025, 12, 29))

    presets = date_presets(span)

    assert list(presets) == ["all", "last-12-months", "2025", "2024", "2023", "2022"]
    assert presets["all"] == span
    assert presets["last-12-months"] == DateRange(dt.date(2024, 12, 30), dt.date(2025, 12, 29))
    assert presets["2023"] == DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert presets["2022"] == DateRange(dt.date(2022, 3, 10), dt.date(2022, 12, 31))
    assert presets["2025"] == DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 29))


def test_an_actor_matches_as_participant_or_organisation(events) -> None:
    by_person = apply_filter(events, EventFilter(actors=frozenset({"zharkeshov"})))
    by_organisation = apply_filter(events, EventFilter(actors=frozenset({"turkmengaz"})))

    assert ids(by_person) == ids_where(events, lambda e: "zharkeshov" in e.participants) != set()
    assert ids(by_organisation) == ids_where(events, lambda e: "turkmengaz" in e.organisations) != set()
    assert "ev-2023-01-18-gazprom-kazakhstan-roadmap" in ids(by_person)


def test_text_search_is_case_insensitive_and_covers_both_languages(events) -> None:
    english = apply_filter(events, EventFilter(text="ORENBURG"))
    russian = apply_filter(events, EventFilter(text="оренбург"))

    assert "ev-2023-01-18-gazprom-kazakhstan-roadmap" in ids(english)
    assert ids(english) == ids(russian)


def test_text_search_treats_regex_characters_literally(events) -> None:
    assert apply_filter(events, EventFilter(text=".*")).empty


def test_facets_combine_with_and(events) -> None:
    agreements = EventFilter(event_types=frozenset({"agreement"}))
    sklyar = EventFilter(actors=frozenset({"sklyar"}))

    shown = apply_filter(events, EventFilter(event_types=agreements.event_types, actors=sklyar.actors))

    assert ids(shown) == ids(apply_filter(events, agreements)) & ids(apply_filter(events, sklyar))
    assert ids(shown) == ids_where(events, lambda e: e.event_type == "agreement" and (
        "sklyar" in e.participants or "sklyar" in e.organisations))
    assert 0 < len(shown) < min(len(apply_filter(events, agreements)), len(apply_filter(events, sklyar)))


def test_a_facet_counts_what_each_option_would_add(events) -> None:
    only_meetings = EventFilter(event_types=frozenset({"meeting"}))
    meetings = apply_filter(events, only_meetings)

    counts = facet_counts(events, only_meetings, "event_types")
    countries = facet_counts(events, only_meetings, "countries")

    assert counts["agreement"] == (events["event_type"] == "agreement").sum() > 0, "a facet ignores its own choice"
    assert counts["meeting"] == len(meetings)
    assert countries["KAZ"] == sum("KAZ" in codes for codes in meetings["countries"]) > 0, "other facets respect it"
    assert countries["KAZ"] < len(events[events["countries"].map(lambda codes: "KAZ" in codes)])
