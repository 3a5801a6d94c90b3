"""The app as Streamlit runs it: page wiring, view state and selection, with the map faked.

The map is a custom component AppTest cannot render, so ``st_folium`` is replaced
by a stand-in that records what it was given and can report a click the way the
real component does: by setting its value and calling ``on_change`` before a rerun.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter
from gasatlas.config import PROJECT_ROOT, settings
from gasatlas.dataset.load import load_dataset
from gasatlas.i18n import label

APP = str(PROJECT_ROOT / "app.py")
EVENTS = load_dataset(PROJECT_ROOT / "data").events
TOTAL = len(EVENTS)
TIMEOUT = 30
ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"


class FakeMap:
    """Stands in for streamlit-folium's ``st_folium``."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.pending_click: dict | None = None
        self.clicks = 0

    def click(self, layer: str, item: str) -> None:
        self.clicks += 1
        self.pending_click = {
            "last_object_clicked": {"lat": 51.7, "lng": 55.0},
            "last_object_clicked_count": self.clicks,
            "last_active_drawing": {"type": "Feature", "properties": {"layer": layer, "id": item}},
        }

    def __call__(self, _fig, *, feature_group_to_add, key, on_change=None, **_):
        self.calls.append({"layers": feature_group_to_add})
        if self.pending_click is not None:
            st.session_state[key], self.pending_click = self.pending_click, None
            on_change()
            st.rerun()
        return st.session_state.get(key)

    def layer(self, name: str) -> dict | None:
        """The data of the last drawn overlay called ``name`` (events, routes, selection…)."""
        for group in self.calls[-1]["layers"]:
            if group.layer_name == name:
                return json.loads(next(iter(group._children.values())).data_json)
        return None


@pytest.fixture
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    return fake


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch):
    """Point the app at a data folder for one test (settings are read once per process)."""

    def _use(path: Path) -> None:
        monkeypatch.setenv("GASATLAS_DATA_DIR", str(path))
        settings.cache_clear()

    return _use


def run_app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def card(at: AppTest) -> str:
    return next((h.proto.body for h in at.get("html") if 'class="ga-card' in h.proto.body), "")


def shown_count(at: AppTest) -> str:
    return at.caption[0].value.split(" · ")[0]


def table_selection(at: AppTest) -> list[int]:
    return list(json.loads(at.dataframe[0].proto.selection_default)["selection"]["rows"])


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
    assert fake_map.layer("events")["date"] == EVENTS["date_text_ru"].tolist()
    assert any(month in fake_map.layer("events")["date"][0] for month in RU_MONTHS_GENITIVE)


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
    assert fake_map.layer("events")["id"] == list(expected["id"])
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
    assert fake_map.layer("events")["id"] == list(expected["id"])
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
    assert fake_map.layer("events")["id"] == EVENTS["id"].tolist(), "the map still shows every event"


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
