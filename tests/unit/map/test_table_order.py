"""The events table's order: dates as dates, text case-blind, missing values last, the whole view at once."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from devtools import bench_sort
from gasatlas.analysis.filters import EventFilter
from gasatlas.map import event_table
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()


def ordered(order: event_table.TableSort, lang: str = "en", events: pd.DataFrame | None = None) -> pd.DataFrame:
    events = ATLAS.events if events is None else events
    return event_table.events_table(event_table.sorted_events(events, ATLAS, order, lang), ATLAS, lang)  # type: ignore[arg-type]


def test_dates_sort_as_dates_not_as_their_text() -> None:
    days = ATLAS.events.set_index("id")["date"]

    rising = ordered(event_table.TableSort("date"))
    falling = ordered(event_table.TableSort("date", descending=True))

    assert days[rising.index].is_monotonic_increasing
    assert days[falling.index].is_monotonic_decreasing
    assert list(rising["date"]) != sorted(rising["date"]), "the text of the dates would sort otherwise"


def test_text_sorts_case_blind_in_the_readers_language() -> None:
    for lang in ("en", "ru"):
        titles = list(ordered(event_table.TableSort("title"), lang)["title"])
        assert titles == sorted(titles, key=str.casefold)
        assert list(ordered(event_table.TableSort("title", descending=True), lang)["title"]) == titles[::-1]


def test_missing_values_come_last_whichever_way() -> None:
    for descending in (False, True):
        people = ordered(event_table.TableSort("participants", descending))["participants"]
        missing = people.isna()
        assert missing.any()
        assert not missing.iloc[0]
        assert missing[missing.idxmax():].all(), "no name after the first missing one"


def test_equal_values_keep_the_atlas_order_by_date() -> None:
    kinds = ordered(event_table.TableSort("type"))
    days = ATLAS.events.set_index("id")["date"]

    for _, group in kinds.groupby("type", sort=False):
        assert days[group.index].is_monotonic_increasing


def test_the_source_sorts_by_the_site_the_link_shows() -> None:
    hosts = ordered(event_table.TableSort("source"))["source"].str.extract(event_table.SOURCE_HOST, expand=False)

    assert list(hosts) == sorted(hosts, key=str.casefold)


def test_a_filtered_view_is_ordered_whole_and_as_a_frame_of_its_own_would_be() -> None:
    shown = EventFilter(countries=frozenset({"UZB"})).shown(ATLAS, event_table.SOURCE_COLUMNS)
    copy = ATLAS.events.loc[shown.index].reset_index(drop=True)  # not picked from the atlas: no cached codes
    order = event_table.TableSort("participants", descending=True)

    assert list(ordered(order, events=shown).index) == list(ordered(order, events=copy).index)
    assert set(ordered(order, events=shown).index) == set(shown["id"])


def test_an_unknown_column_is_refused() -> None:
    with pytest.raises(ValueError, match="no column"):
        event_table.TableSort("summary")


def test_dates_show_whole_without_their_note() -> None:
    dates = event_table.events_table(ATLAS.events, ATLAS, "en")["date"]

    assert not dates.str.contains(r"\(").any()
    assert "mid-Oct 2023" in set(dates)


def test_the_sort_benchmark_reports_both_sides(tmp_path: Path) -> None:
    output = tmp_path / "sort.json"

    assert bench_sort.main(["--sizes", "300", "--repeats", "1", "--json", str(output)]) == 0

    results = json.loads(output.read_text())["results"]
    assert {(r["implementation"], r["column"], r["descending"]) for r in results} == {
        (name, column, descending) for name in ("ours", "naive") for column in bench_sort.COLUMNS
        for descending in (False, True)}
    assert all(r["events"] == len(ATLAS.events) + 300 for r in results)


def test_volumes_read_as_the_card_writes_them_and_sort_as_numbers_with_the_missing_last() -> None:
    ordered_by_volume = ordered(event_table.TableSort("volume", descending=True))
    given = ordered_by_volume["volume"].dropna()

    assert list(given) == ["10 bcm a year", "7.7 bcm a year", "1.5 bcm in all", "0.009 bcm a day"]
    assert ordered_by_volume["volume"].iloc[: len(given)].notna().all(), "events with a volume come first"
