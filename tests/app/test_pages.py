"""Every page runs in both languages and shares the one view: filters and selection carry over."""

from __future__ import annotations

import pytest

from gasatlas.analysis.filters import EventFilter, apply_filter
from gasatlas.ui import navigation
from tests.support.app import FakeMap, chart_data, open_page
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
EVENTS, ACTORS = ATLAS.events, ATLAS.actors


@pytest.fixture(autouse=True)
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())  # the route page's own small map
    return fake


@pytest.mark.parametrize("spec", [navigation.TIMELINE, navigation.ACTORS, navigation.ROUTES, navigation.FLOWS,
                                  navigation.DATA, navigation.ADD_NEWS])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_page_runs_in_both_languages(spec: navigation.PageSpec, lang: str) -> None:
    at = open_page(spec, lang=lang)

    assert not at.exception, at.exception
    assert at.title[0].value
    cyrillic = any("а" <= ch <= "я" for ch in at.title[0].value.lower())
    assert cyrillic == (lang == "ru")


def test_the_timeline_shows_the_filtered_events_and_the_route_statuses() -> None:
    at = open_page(navigation.TIMELINE, type="agreement")

    points = [row for row in chart_data(at, 0) if "id" in row]
    bands = chart_data(at, 1)
    assert {row["id"] for row in points} == set(apply_filter(EVENTS, EventFilter(
        event_types=frozenset({"agreement"})))["id"])
    assert {row["route_id"] for row in bands} >= {"cac", "corr-tm-uz"}


def test_filters_set_on_one_page_hold_on_the_next() -> None:
    at = open_page(navigation.ACTORS, actor="sklyar")

    at.switch_page(navigation.MAP.path).run()

    expected = apply_filter(EVENTS, EventFilter(actors=frozenset({"sklyar"})))
    assert at.caption[0].value.startswith(f"Showing {len(expected)} of {len(EVENTS)} events")
    assert at.query_params["actor"] == "sklyar"


def test_the_actors_page_lists_who_is_in_the_shown_events() -> None:
    at = open_page(navigation.ACTORS, country="TKM")

    table = at.dataframe[0].value
    turkmen = EVENTS[EVENTS["countries"].map(lambda codes: "TKM" in codes)]
    involved = set().union(*turkmen["participants"], *turkmen["organisations"])
    names = ACTORS.set_index("id")["name_en"]
    assert set(table["name"]) == {names[actor] for actor in involved}
    assert "Türkmengaz" in set(table["name"]), "only the shown events' actors"
    assert set(table["name"]) < set(names), "only the shown events' actors"


def test_choosing_a_route_selects_it_for_every_page(fake_map: FakeMap) -> None:
    at = open_page(navigation.ROUTES)

    at.selectbox[0].select("corr-tm-uz").run()

    assert at.query_params["sel"] == "route:corr-tm-uz"
    at.switch_page(navigation.MAP.path).run()
    assert fake_map.layer("selection")["id"] == "corr-tm-uz"


def test_the_data_page_offers_downloads_of_the_filtered_view_and_a_citation() -> None:
    at = open_page(navigation.DATA, type="disruption", lang="en")

    buttons = [b.proto.label for b in at.get("download_button")]
    assert buttons == ["Events (CSV)", "Events (GeoJSON)", "Events (Excel)", "Routes (GeoJSON)",
                       "Facilities (GeoJSON)", "The atlas now (ZIP of events.csv, actors.csv, flows.csv)"]
    assert not any(b.proto.disabled for b in at.get("download_button")), "the whole atlas is always there to take"
    citation = at.code[0].value
    expected = apply_filter(EVENTS, EventFilter(event_types=frozenset({"disruption"})))
    assert f"Central Asia Gas Atlas: {len(expected)} events" in citation
    assert "type=disruption" in citation
    assert "Natural Earth" in citation


@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda spec: spec.url_path)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_table_shows_a_missing_value_as_a_dash(spec: navigation.PageSpec, lang: str) -> None:
    """Streamlit writes "None" in an empty cell unless told otherwise."""
    at = open_page(spec, lang=lang)

    assert not at.exception, at.exception
    assert {table.proto.placeholder for table in at.dataframe} <= {"—"}
