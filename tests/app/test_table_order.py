"""The events table's order: chosen above the table, applied to every row of the filtered view before it is
cut into pages, kept while the reader moves on (pages of 20 rows here, so the curated events fill several)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.config import settings
from gasatlas.map.event_table import MISSING
from tests.app.test_app import EVENTS, ROADMAP, TOTAL, FakeMap, fake_map, run_app, table_selection

__all__ = ["fake_map"]  # the fixture, shared with test_app.py

ROWS_PER_PAGE = 20


@pytest.fixture(autouse=True)
def pages_of_20(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GASATLAS_TABLE_PAGE_ROWS", str(ROWS_PER_PAGE))
    settings.cache_clear()


def box(at: AppTest, label: str):
    return next(box for box in at.selectbox if box.label == label)


def direction(at: AppTest):
    return next(control for control in at.segmented_control if control.label == "Order")


def titles(at: AppTest) -> list[str]:
    return at.dataframe[0].value["title"].tolist()


@pytest.mark.usefixtures("fake_map")
def test_newest_first_puts_the_latest_events_on_the_first_page() -> None:
    at = run_app()
    assert direction(at).format_func("desc") == "Newest first"

    direction(at).set_value("desc").run()

    newest = EVENTS.sort_values("date", ascending=False, kind="stable")
    assert at.dataframe[0].value["date"].iloc[0] == EVENTS["date_text_en"].iloc[-1]
    assert EVENTS.set_index("title_en").loc[titles(at), "date"].is_monotonic_decreasing
    assert set(titles(at)) == set(newest["title_en"].iloc[:ROWS_PER_PAGE])


@pytest.mark.usefixtures("fake_map")
def test_a_column_orders_every_page_not_only_the_one_in_view() -> None:
    at = run_app()
    box(at, "Sort by").select("title").run()
    everything = sorted(EVENTS["title_en"], key=str.casefold)

    seen = []
    for number in range(-(-TOTAL // ROWS_PER_PAGE)):
        box(at, "Rows").select_index(number).run()
        seen += titles(at)

    assert seen == everything
    assert direction(at).format_func("asc") == "A → Z"


@pytest.mark.usefixtures("fake_map")
def test_a_new_order_goes_back_to_the_first_page_and_survives_other_changes() -> None:
    at = run_app()
    box(at, "Rows").select_index(2).run()

    box(at, "Sort by").select("title").run()
    assert box(at, "Rows").value == 0
    first_page = titles(at)

    box(at, "Rows").select_index(1).run()
    box(at, "Rows").select_index(0).run()
    at.run()
    assert box(at, "Sort by").value == "title"
    assert titles(at) == first_page


def test_an_event_picked_on_the_map_is_found_on_its_page_in_the_readers_order(fake_map: FakeMap) -> None:
    at = run_app()
    direction(at).set_value("desc").run()
    position = TOTAL - 1 - int(EVENTS.index[EVENTS["id"] == ROADMAP][0])  # ties aside, newest first reverses

    fake_map.click("event", ROADMAP)
    at.run()

    page = box(at, "Rows").value
    row = table_selection(at)
    assert abs(page * ROWS_PER_PAGE + row[0] - position) <= 2
    assert at.dataframe[0].value.iloc[row[0]]["title"].startswith("Gazprom and Kazakhstan sign a roadmap")


@pytest.mark.usefixtures("fake_map")
def test_a_missing_value_shows_as_a_dash() -> None:
    at = run_app()

    assert at.dataframe[0].proto.placeholder == MISSING
