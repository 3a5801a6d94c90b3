"""The app as Streamlit runs it: page wiring, view state and selection, with the map faked
(``tests.support.app.FakeMap``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter
from gasatlas.config import settings
from gasatlas.i18n import label
from tests.support.app import ROADMAP, TOTAL, FakeMap, run_app, shown_count, table_selection
from tests.support.data import shipped_atlas

EVENTS = shipped_atlas().events


def card(at: AppTest) -> str:
    return next((h.proto.body for h in at.get("html") if 'class="ga-card' in h.proto.body), "")


def test_the_map_page_runs_without_exceptions(fake_map: FakeMap) -> None:
    at = run_app()

    assert not at.exception
    assert at.title[0].value == "Central Asia Gas Atlas"
    assert shown_count(at) == f"Showing {TOTAL} of {TOTAL} events"
    assert {"country-labels", "routes", "facilities", "events"} <= {g.layer_name for g in fake_map.calls[-1]["layers"]}


RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                      "ноября", "декабря")


def test_a_link_with_lang_ru_opens_the_russian_interface(fake_map: FakeMap) -> None:
    at = run_app(lang="ru")

    assert not at.exception
    assert at.title[0].value == "Газовый атлас Центральной Азии"
    assert fake_map.events()["date"] == EVENTS["date_text_ru"].tolist()
    assert any(month in fake_map.events()["date"][0] for month in RU_MONTHS_GENITIVE)


@pytest.mark.usefixtures("fake_map")
def test_choosing_a_language_switches_the_interface_and_the_link() -> None:
    at = run_app()

    at.sidebar.button_group[0].set_value("ru").run()

    assert at.title[0].value == "Газовый атлас Центральной Азии"
    assert at.query_params["lang"] == "ru"
    assert at.dataframe[0].value.iloc[0]["type"] == label(EVENTS.iloc[0]["event_type"], "ru")


def test_a_map_click_selects_the_event_shows_its_card_and_its_row(fake_map: FakeMap) -> None:
    at = run_app()

    fake_map.click("event", ROADMAP)
    at.run()

    assert "Gazprom and Kazakhstan sign a roadmap" in card(at)
    assert at.query_params["sel"] == f"event:{ROADMAP}"
    row = table_selection(at)
    assert at.dataframe[0].value.iloc[row[0]]["title"].startswith("Gazprom and Kazakhstan sign a roadmap")
    assert fake_map.layer("selection")["id"] == ROADMAP
    assert fake_map.layer("selection")["centre"] == 0, "a click keeps the reader's view"


def test_clicking_the_same_marker_again_redraws_its_popup(fake_map: FakeMap) -> None:
    at = run_app()
    fake_map.click("event", ROADMAP)
    at.run()
    first = fake_map.layer("selection")["nonce"]

    fake_map.click("event", ROADMAP)
    at.run()

    assert fake_map.layer("selection")["nonce"] != first
    assert "Gazprom and Kazakhstan sign a roadmap" in card(at)


def test_a_route_click_shows_its_card_and_its_events(fake_map: FakeMap) -> None:
    at = run_app()

    fake_map.click("route", "corr-tm-uz")
    at.run()

    assert "Turkmen gas to Uzbekistan" in card(at)
    linked = EVENTS[EVENTS["route_ids"].map(lambda routes: "corr-tm-uz" in routes)]
    related = {b.key.removeprefix("rel-") for b in at.button if b.key and b.key.startswith("rel-event:")}
    assert related == {f"event:{event_id}" for event_id in linked["id"]}
    assert len(related) >= 2


def test_a_related_event_button_selects_it_and_centres_the_map(fake_map: FakeMap) -> None:
    at = run_app()
    fake_map.click("facility", "orenburg-gpp")
    at.run()

    requests = fake_map.layer("selection")["centre"]
    next(b for b in at.button if "roadmap" in b.label).click().run()

    assert at.query_params["sel"] == f"event:{ROADMAP}"
    chosen = fake_map.layer("selection")
    assert chosen["centre"] > requests, "a new request to centre the map"
    assert (chosen["lat"], chosen["lon"]) == (59.93863, 30.31413)


def test_filters_update_the_counts_the_map_and_the_table_together(fake_map: FakeMap) -> None:
    at = run_app()

    at.sidebar.text_input[0].input("Orenburg").run()

    expected = apply_filter(EVENTS, EventFilter(text="Orenburg"))
    assert 0 < len(expected) < TOTAL
    assert shown_count(at) == f"Showing {len(expected)} of {TOTAL} events"
    assert fake_map.events()["id"] == list(expected["id"])
    assert len(at.dataframe[0].value) == len(expected)
    assert at.query_params["q"] == "Orenburg"


@pytest.mark.usefixtures("fake_map")
def test_no_match_shows_an_empty_state_with_a_one_click_reset() -> None:
    at = run_app(q="no such event anywhere")

    assert shown_count(at) == f"Showing 0 of {TOTAL} events"
    assert not at.dataframe
    at.button(key="empty-reset").click().run()

    assert shown_count(at) == f"Showing {TOTAL} of {TOTAL} events"
    assert at.sidebar.text_input[0].value == ""
    assert "q" not in at.query_params


def test_a_shared_link_reproduces_filters_and_selection(fake_map: FakeMap) -> None:
    at = run_app(**{"from": "2023-01-01", "to": "2023-06-30", "type": ["meeting", "agreement"],
                    "sel": f"event:{ROADMAP}", "lang": "ru"})

    assert not at.exception
    assert at.sidebar.slider[0].value == (dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    assert at.sidebar.multiselect[1].value == ["agreement", "meeting"]
    assert "дорожную карту" in card(at)
    chosen = fake_map.layer("selection")
    assert chosen["centre"] == 1
    assert (chosen["lat"], chosen["lon"]) == (59.93863, 30.31413)
    expected = apply_filter(EVENTS, EventFilter(dates=DateRange(dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
                                                event_types=frozenset({"meeting", "agreement"})))
    assert fake_map.events()["id"] == list(expected["id"])
    assert len(at.dataframe[0].value) == len(expected) > 0


ROWS_PER_PAGE = 20


@pytest.fixture
def pages_of_20(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table page of 20 rows, so the curated events fill several pages."""
    monkeypatch.setenv("GASATLAS_TABLE_PAGE_ROWS", str(ROWS_PER_PAGE))
    settings.cache_clear()


def page_chooser(at: AppTest):
    return next(box for box in at.selectbox if box.label == "Rows")


@pytest.mark.usefixtures("pages_of_20")
def test_a_long_table_is_sent_a_page_at_a_time(fake_map: FakeMap) -> None:
    at = run_app()

    assert len(at.dataframe[0].value) == ROWS_PER_PAGE
    chooser = page_chooser(at)
    pages = -(-TOTAL // ROWS_PER_PAGE)
    assert chooser.options == [f"{first + 1}–{min(first + ROWS_PER_PAGE, TOTAL)} of {TOTAL}"
                               for first in range(0, TOTAL, ROWS_PER_PAGE)]
    chooser.select_index(pages - 1).run()

    last_rows = EVENTS["title_en"].iloc[(pages - 1) * ROWS_PER_PAGE:].tolist()
    assert at.dataframe[0].value["title"].tolist() == last_rows
    assert fake_map.events()["id"] == EVENTS["id"].tolist(), "the map still shows every event"


@pytest.mark.usefixtures("pages_of_20")
def test_an_event_picked_on_the_map_opens_the_table_at_its_page_and_row(fake_map: FakeMap) -> None:
    at = run_app()
    position = int(EVENTS.index[EVENTS["id"] == ROADMAP][0])
    assert position >= ROWS_PER_PAGE, "the roadmap is not on the first page"

    fake_map.click("event", ROADMAP)
    at.run()

    first = position // ROWS_PER_PAGE * ROWS_PER_PAGE
    assert page_chooser(at).value == first // ROWS_PER_PAGE
    assert table_selection(at) == [position - first]
    assert at.dataframe[0].value.iloc[position - first]["title"].startswith("Gazprom and Kazakhstan sign a roadmap")


@pytest.mark.usefixtures("fake_map", "pages_of_20")
def test_changing_the_filters_goes_back_to_the_first_page() -> None:
    at = run_app()
    page_chooser(at).select_index(2).run()
    assert at.dataframe[0].value["title"].iloc[0] == EVENTS["title_en"].iloc[2 * ROWS_PER_PAGE]

    first, last = at.sidebar.slider[0].value
    at.sidebar.slider[0].set_range(first, last - dt.timedelta(days=30)).run()

    assert page_chooser(at).value == 0
    assert at.dataframe[0].value["title"].iloc[0] == EVENTS["title_en"].iloc[0]


@pytest.mark.usefixtures("fake_map")
def test_a_short_table_has_no_page_chooser() -> None:
    at = run_app()

    assert len(at.dataframe[0].value) == TOTAL
    assert not [box for box in at.selectbox if box.label == "Rows"]


def test_the_network_follows_the_end_of_the_date_range(fake_map: FakeMap) -> None:
    at = run_app(to="2023-06-30")
    before = {f["properties"]["id"]: f["properties"]["style"]["color"] for f in fake_map.layer("routes")["routes"]}
    at.sidebar.slider[0].set_range(at.sidebar.slider[0].value[0], dt.date(2023, 12, 31)).run()
    after = {f["properties"]["id"]: f["properties"]["style"]["color"] for f in fake_map.layer("routes")["routes"]}

    assert before["cac"] != after["cac"], "Central Asia–Center reversed on 7 Oct 2023"


@pytest.mark.usefixtures("fake_map")
def test_an_invalid_link_value_is_ignored_with_a_notice() -> None:
    at = run_app(lang="xx", basemap="satellite", country="ATL")

    assert not at.exception
    assert at.title[0].value == "Central Asia Gas Atlas"
    notices = " ".join(toast.value for toast in at.toast)
    assert "unknown language" in notices
    assert "unknown country" in notices


@pytest.mark.usefixtures("fake_map")
def test_a_broken_data_file_stops_the_app_with_the_problem_named(data_dir, minimal_data: Path
) -> None:
    events = minimal_data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2023-01-18", "2023-02-30"), encoding="utf-8")
    data_dir(minimal_data)

    at = run_app()

    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    assert "events.csv, line 2, id 'ev-a', field 'date'" in at.code[0].value
