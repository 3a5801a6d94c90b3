"""Clicks and rows map to records; the view survives a trip through the URL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from gasatlas.analysis.filters import EVERY_DAY, DateRange, EventFilter
from gasatlas.analysis.viewstate import Selection, StoryAt, ViewState, Vocabulary, from_query, to_query
from gasatlas.map.event_table import TablePage
from gasatlas.map.selection import click_count, row_of, selection_from_map, selection_from_rows

VOCABULARY = Vocabulary(
    countries=frozenset({"KAZ", "RUS", "UZB"}),
    event_types=frozenset({"meeting", "agreement"}),
    actors=frozenset({"sklyar", "gazprom"}),
    ids={"event": frozenset({"ev-a", "ev-b"}), "route": frozenset({"cac"}), "facility": frozenset({"orenburg-gpp"})},
)


def click(layer: str, item: str, count: int = 1) -> dict:
    return {
        "last_object_clicked": {"lat": 51.7, "lng": 55.0},
        "last_object_clicked_count": count,
        "last_active_drawing": {"type": "Feature", "properties": {"layer": layer, "id": item}, "geometry": None},
    }


@pytest.mark.parametrize(("layer", "item"), [("event", "ev-a"), ("route", "cac"), ("facility", "orenburg-gpp")])
def test_a_map_click_names_the_record_it_landed_on(layer: str, item: str) -> None:
    assert selection_from_map(click(layer, item)) == Selection(layer, item)


@pytest.mark.parametrize(
    "value",
    [None, {}, {"last_active_drawing": None}, {"last_active_drawing": {"properties": {"layer": "tile", "id": "x"}}},
     {"last_active_drawing": {"properties": {"layer": "event", "id": ""}}}, {"last_active_drawing": "nonsense"}],
)
def test_anything_else_selects_nothing(value) -> None:
    assert selection_from_map(value) is None


def test_a_click_elsewhere_does_not_reselect_the_previous_pick() -> None:
    marker = click("event", "ev-a") | {
        "last_active_drawing": {"type": "Feature", "properties": {"layer": "event", "id": "ev-a"},
                                "geometry": {"type": "Point", "coordinates": [55.0, 51.7]}}}
    on_cluster = marker | {"last_object_clicked": {"lat": 43.2, "lng": 76.9}, "last_object_clicked_count": 2}

    assert selection_from_map(marker) == Selection("event", "ev-a")
    assert selection_from_map(on_cluster) is None


def test_a_click_near_a_route_line_picks_the_route() -> None:
    line = {"type": "LineString", "coordinates": [[50.0, 50.0], [60.0, 40.0]]}
    route = {"last_object_clicked": {"lat": 45.05, "lng": 55.0}, "last_object_clicked_count": 1,
             "last_active_drawing": {"type": "Feature", "properties": {"layer": "route", "id": "cac"},
                                     "geometry": line}}
    far = route | {"last_object_clicked": {"lat": 30.0, "lng": 80.0}}

    assert selection_from_map(route) == Selection("route", "cac")
    assert selection_from_map(far) is None


def test_the_click_counter_tells_repeated_clicks_apart() -> None:
    assert click_count(click("event", "ev-a", count=1)) != click_count(click("event", "ev-a", count=2))
    assert click_count(None) == 0


def test_a_table_row_maps_to_its_event_and_back() -> None:
    shown = ["ev-b", "ev-a"]

    assert selection_from_rows([1], shown) == Selection("event", "ev-a")
    assert row_of(Selection("event", "ev-a"), shown) == 1
    assert selection_from_rows([], shown) is None
    assert selection_from_rows([5], shown) is None
    assert row_of(Selection("event", "ev-hidden"), shown) is None
    assert row_of(Selection("route", "cac"), shown) is None


def test_a_long_table_is_cut_into_pages_that_cover_every_row_once() -> None:
    pages = [TablePage.of(2_050, 1_000, number) for number in range(3)]

    assert [(page.start, page.stop) for page in pages] == [(0, 1_000), (1_000, 2_000), (2_000, 2_050)]
    assert {page.count for page in pages} == {3}
    assert TablePage.of(1_000, 1_000, 0).count == 1


def test_a_page_out_of_range_is_brought_back_and_an_empty_table_has_one_empty_page() -> None:
    assert TablePage.of(2_050, 1_000, 7) == TablePage.of(2_050, 1_000, 2), "the table shrank since it was chosen"
    assert TablePage.of(2_050, 1_000, -1).number == 0
    assert TablePage.of(0, 1_000, 3) == TablePage(number=0, count=1, start=0, stop=0, total=0)


def test_the_page_holding_a_row_shows_it() -> None:
    for row in (0, 999, 1_000, 2_049):
        page = TablePage.holding(row, 2_050, 1_000)
        assert page.start <= row < page.stop


def test_a_row_is_found_among_100_000_ids() -> None:
    ids = np.array([f"ev-{n}" for n in range(100_000)], dtype=object)

    assert row_of(Selection("event", "ev-99999"), ids) == 99_999
    assert row_of(Selection("event", "ev-100000"), ids) is None


def test_a_view_round_trips_through_the_url() -> None:
    view = ViewState(
        lang="ru",
        basemap="offline",
        route_widths="flow",
        filter=EventFilter(
            dates=DateRange(dt.date(2023, 1, 1), dt.date(2023, 6, 30)), countries=frozenset({"KAZ", "UZB"}),
            country_match="all", event_types=frozenset({"meeting"}), actors=frozenset({"sklyar"}), text="Оренбург",
        ),
        selected=Selection("facility", "orenburg-gpp"),
    )

    query = to_query(view)
    parsed, problems = from_query({key: value if isinstance(value, list) else [value] for key, value in query.items()},
                                  VOCABULARY)

    assert parsed == view
    assert problems == []
    assert query["country"] == ["KAZ", "UZB"]
    assert query["sel"] == "facility:orenburg-gpp"
    assert query["widths"] == "flow"
    assert query["match"] == "all"


def test_defaults_stay_out_of_the_url() -> None:
    span = DateRange(dt.date(2022, 11, 28), dt.date(2024, 11, 28))
    view = ViewState(filter=EventFilter(dates=span))

    assert to_query(view, span=span) == {}


def test_a_bad_link_is_read_as_far_as_it_makes_sense() -> None:
    params = {"lang": ["fr"], "from": ["2023-02-30"], "country": ["KAZ", "ATL"], "sel": ["event:ev-zzz"],
              "type": ["meeting"], "widths": ["volume"]}

    view, problems = from_query(params, VOCABULARY)

    assert view.lang == "en"
    assert view.filter.dates == EVERY_DAY
    assert view.selected is None
    assert view.filter.countries == {"KAZ"}
    assert view.filter.event_types == {"meeting"}
    assert view.route_widths == "capacity"
    assert len(problems) == 5
    assert "link_unknown_route_widths" in problems


def test_dates_are_swapped_and_kept_inside_the_data() -> None:
    span = DateRange(dt.date(2022, 11, 28), dt.date(2024, 11, 28))

    view, problems = from_query({"from": ["2030-01-01"], "to": ["2020-01-01"]},
                                dataclasses.replace(VOCABULARY, span=span))

    assert problems == ["link_dates_swapped"]
    assert view.filter.dates == span


def test_a_link_without_dates_shows_the_whole_span_and_one_end_keeps_the_other() -> None:
    span = DateRange(dt.date(2022, 11, 28), dt.date(2024, 11, 28))
    vocabulary = dataclasses.replace(VOCABULARY, span=span)

    assert from_query({}, vocabulary)[0].filter.dates == span
    assert from_query({"from": ["2023-05-01"]}, vocabulary)[0].filter.dates == DateRange(dt.date(2023, 5, 1),
                                                                                         span.end)
    assert from_query({"to": ["1999-01-01"]}, vocabulary)[0].filter.dates == DateRange(span.start, span.start)


def test_a_date_range_is_never_empty_and_shows_the_network_as_of_its_last_day() -> None:
    first, last = dt.date(2023, 1, 1), dt.date(2023, 6, 30)

    assert DateRange(first, last).as_of == last
    assert DateRange.between(last, first) == DateRange(first, last)
    assert DateRange(first, first).as_of == first
    with pytest.raises(ValueError, match="cannot start"):
        DateRange(last, first)


def test_a_range_is_clamped_into_the_data_span_without_turning_inside_out() -> None:
    span = DateRange(dt.date(2022, 1, 1), dt.date(2024, 12, 31))

    assert DateRange(dt.date(2023, 3, 1), dt.date(2023, 4, 1)).clamped(span) == DateRange(dt.date(2023, 3, 1),
                                                                                         dt.date(2023, 4, 1))
    assert DateRange(dt.date(2020, 1, 1), dt.date(2030, 1, 1)).clamped(span) == span
    assert EVERY_DAY.clamped(span) == span
    assert DateRange(dt.date(2026, 1, 1), dt.date(2027, 1, 1)).clamped(span) == DateRange(span.end, span.end)


def test_a_story_step_and_a_dismissed_orientation_round_trip_through_the_url() -> None:
    vocabulary = dataclasses.replace(VOCABULARY, stories={"main": 10})
    view = ViewState(story=StoryAt("main", 4), intro_dismissed=True)

    query = to_query(view)
    parsed, problems = from_query({key: [value] for key, value in query.items() if isinstance(value, str)},
                                  vocabulary)

    assert query == {"story": "main", "step": "4", "intro": "0"}
    assert parsed == view
    assert problems == []


@pytest.mark.parametrize(("params", "story", "problem"), [
    ({"story": ["main"]}, StoryAt("main", 1), None),
    ({"story": ["main"], "step": ["11"]}, StoryAt("main", 1), "link_no_such_step"),
    ({"story": ["main"], "step": ["0"]}, StoryAt("main", 1), "link_no_such_step"),
    ({"story": ["main"], "step": ["9" * 5000]}, StoryAt("main", 1), "link_no_such_step"),
    ({"story": ["fiction"], "step": ["2"]}, None, "link_unknown_story"),
    ({"step": ["2"]}, None, None),
])
def test_a_story_link_opens_a_step_that_exists_or_says_why_not(params, story, problem) -> None:
    view, problems = from_query(params, dataclasses.replace(VOCABULARY, stories={"main": 10}))

    assert view.story == story
    assert problems == ([problem] if problem else [])


def test_two_moments_round_trip_through_the_url_and_come_back_in_order() -> None:
    view = ViewState(compare=(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))

    query = to_query(view)
    swapped, problems = from_query({"compare": ["2023-12-31,2023-01-01"]}, VOCABULARY)

    assert query == {"compare": "2023-01-01,2023-12-31"}
    assert from_query({"compare": [query["compare"]]}, VOCABULARY) == (view, [])
    assert swapped.compare == view.compare
    assert problems == ["link_compare_swapped"]


@pytest.mark.parametrize("value", ["2023-01-01", "2023-01-01,2023-02-30", "2023-01-01,2023-02-01,2023-03-01",
                                   "soon,later", "2023-01-01,9999-01-01"])
def test_a_broken_comparison_is_dropped_and_reported_without_echoing_it(value: str) -> None:
    view, problems = from_query({"compare": [value], "lang": ["ru"]}, VOCABULARY)

    assert view.compare is None
    assert view.lang == "ru"
    assert problems == ["link_bad_compare"]
