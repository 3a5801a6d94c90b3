"""The event filter: every facet narrows, empty facets don't, counts guide the reader."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.config import PROJECT_ROOT
from gasatlas.data import load_dataset
from gasatlas.filters import EventFilter, apply_filter, facet_counts


@pytest.fixture(scope="module")
def events():
    return load_dataset(PROJECT_ROOT / "data").events


def ids(frame) -> set[str]:
    return set(frame["id"])


def test_an_empty_filter_keeps_every_event(events) -> None:
    assert ids(apply_filter(events, EventFilter())) == ids(events)


def test_the_date_range_includes_both_ends(events) -> None:
    shown = apply_filter(events, EventFilter(date_from=dt.date(2023, 1, 10), date_to=dt.date(2023, 1, 18)))

    assert ids(shown) == {
        "ev-2023-01-10-sklyar-novak",
        "ev-2023-01-12-turkmen-exports-halted",
        "ev-2023-01-18-gazprom-kazakhstan-roadmap",
    }


def test_countries_match_any_involved_country(events) -> None:
    shown = apply_filter(events, EventFilter(countries=frozenset({"AFG", "CHN"})))

    assert ids(shown) == {"ev-2022-11-29-novak-china-buyer", "ev-2022-12-25-novak-afghanistan-pakistan"}


def test_an_actor_matches_as_participant_or_organisation(events) -> None:
    by_person = apply_filter(events, EventFilter(actors=frozenset({"zharkeshov"})))
    by_organisation = apply_filter(events, EventFilter(actors=frozenset({"turkmengaz"})))

    assert ids(by_person) == {"ev-2023-01-18-gazprom-kazakhstan-roadmap"}
    assert ids(by_organisation) == {"ev-2023-01-12-turkmen-exports-halted", "ev-2023-01-21-turkmen-exports-resumed"}


def test_text_search_is_case_insensitive_and_covers_both_languages(events) -> None:
    english = apply_filter(events, EventFilter(text="ORENBURG"))
    russian = apply_filter(events, EventFilter(text="оренбург"))

    assert "ev-2023-01-18-gazprom-kazakhstan-roadmap" in ids(english)
    assert ids(english) == ids(russian)


def test_text_search_treats_regex_characters_literally(events) -> None:
    assert apply_filter(events, EventFilter(text=".*")).empty


def test_facets_combine_with_and(events) -> None:
    shown = apply_filter(events, EventFilter(event_types=frozenset({"agreement"}), actors=frozenset({"sklyar"})))

    assert ids(shown) == {
        "ev-2023-01-18-gazprom-kazakhstan-roadmap",
        "ev-2023-11-01-strategic-cooperation-agreement",
        "ev-2024-11-karachaganak-processing-agreement",
    }


def test_a_facet_counts_what_each_option_would_add(events) -> None:
    only_meetings = EventFilter(event_types=frozenset({"meeting"}))

    counts = facet_counts(events, only_meetings, "event_types")
    countries = facet_counts(events, only_meetings, "countries")

    assert counts["agreement"] == (events["event_type"] == "agreement").sum() > 0, "a facet ignores its own choice"
    assert counts["meeting"] == len(apply_filter(events, only_meetings))
    assert countries["KAZ"] == len(apply_filter(events, only_meetings)), "other facets respect it"
