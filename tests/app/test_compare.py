"""The compare page as Streamlit runs it: a link with two dates opens the comparison, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.ui import navigation
from tests.app.test_app import APP, TIMEOUT, FakeMap
from tests.app.test_pages import open_page

ATLAS = load_dataset(PROJECT_ROOT / "data")


@pytest.fixture(autouse=True)
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.compare.st_folium", fake)
    return fake


TABLE_COLUMNS = {"routes": {"was"}, "flows": {"route", "kind"}, "countries": {"country"}, "events": {"title"}}
"""Columns only that table of the page has (route changes, flows by route and by country, events)."""


def tables(at: AppTest, name: str) -> list:
    """The page's tables of one kind, in page order (the agreements come before every event in between)."""
    return [frame.value for frame in at.dataframe if TABLE_COLUMNS[name] <= set(frame.value.columns)]


def table(at: AppTest, name: str):
    return tables(at, name)[0]


@pytest.mark.parametrize(("lang", "reversed_label", "title"), [("en", "Reversed", "Compare two moments"),
                                                               ("ru", "Реверс", "Сравнение двух дат")])
def test_a_link_before_and_after_october_2023_lists_the_central_asia_centre_reversal(lang: str, reversed_label: str,
                                                                                  title: str) -> None:
    at = open_page(navigation.COMPARE, compare="2023-09-01,2023-11-30", lang=lang)

    assert not at.exception, at.exception
    assert at.title[0].value == title
    routes = table(at, "routes")
    cac = ATLAS.routes.set_index("id").loc["cac", f"name_{lang}"]
    assert routes["route"].iloc[0] == cac
    assert routes["change"].iloc[0] == reversed_label
    assert [d.value for d in at.main.date_input] == [dt.date(2023, 9, 1), dt.date(2023, 11, 30)]
    agreements, between = tables(at, "events")
    assert len(agreements) == 2  # QazaqGaz–PetroChina (Oct 2023) and Gazprom–Kazakhstan (1 Nov 2023)
    assert len(between) == 10
    assert set(agreements["title"]) <= set(between["title"])
    assert at.query_params["compare"] == "2023-09-01,2023-11-30"


def test_two_dates_in_the_wrong_order_are_swapped_not_an_error() -> None:
    at = open_page(navigation.COMPARE, compare="2023-11-30,2023-09-01")

    assert not at.exception, at.exception
    assert [d.value for d in at.main.date_input] == [dt.date(2023, 9, 1), dt.date(2023, 11, 30)]
    assert "cac" in set(ATLAS.routes["id"])
    assert len(table(at, "routes")) == 2
    assert at.query_params["compare"] == "2023-09-01,2023-11-30"


def test_flows_of_two_years_never_show_a_missing_figure_as_zero() -> None:
    at = open_page(navigation.COMPARE, compare="2022-06-30,2023-06-30")

    flows = table(at, "flows")
    new_supply = flows[flows["route"] == ATLAS.routes.set_index("id").loc["corr-ru-uz-via-kz", "name_en"]].iloc[0]
    assert (new_supply["before"], new_supply["change_bcm"], new_supply["change_pct"]) == ("no figure", "—", "—")
    assert "0" not in set(flows["before"])
    assert "no public figure" in set(flows["after"])
    assert "different routes counted" in set(table(at, "countries")["note"])


def test_a_broken_comparison_link_is_reported_and_the_page_still_opens() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["compare"] = "2023-13-01,yesterday"
    at.run()

    assert any("'compare' is not two dates" in toast.value for toast in at.toast)
    assert "2023-13-01" not in " ".join(toast.value for toast in at.toast)
    at.switch_page(navigation.COMPARE.path).run()
    assert not at.exception, at.exception
    assert len(at.main.date_input) == 2


def test_the_bare_address_with_two_dates_opens_the_compare_page_and_without_them_the_map() -> None:
    shared = AppTest.from_file(APP, default_timeout=TIMEOUT)
    shared.query_params["compare"] = "2023-09-01,2023-11-30"
    plain = AppTest.from_file(APP, default_timeout=TIMEOUT)

    shared.run()
    plain.run()

    assert not shared.exception
    assert not plain.exception
    assert shared.title[0].value == "Compare two moments"
    assert len(table(shared, "routes")) == 2
    assert plain.title[0].value != "Compare two moments"
