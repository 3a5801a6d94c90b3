"""Popups, cards and the events layer: complete, sourced, escaped, compact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from gasatlas.analysis.viewstate import Selection
from gasatlas.map.cards import event_html, facility_html, legend_html, route_html
from gasatlas.map.event_table import events_table
from gasatlas.map.layers import Highlight, events_layer, selection_layer
from gasatlas.model.sanitize import html_text
from tests.support.hostile import HOSTILE

ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"


def event(atlas, event_id: str = ROADMAP):
    return next(atlas.events[atlas.events["id"] == event_id].itertuples())


def test_an_event_popup_tells_when_where_who_what_and_from_where(atlas) -> None:
    html = event_html(event(atlas), atlas, "en")

    for expected in ["18 Jan 2023", "exact day", "St Petersburg", "Roman Sklyar", "Alexey Miller",
                     "Bolat Akchulakov", "Sanzhar Zharkeshov", "QazaqGaz", "Orenburg gas processing plant",
                     'href="https://www.spot.uz/ru/2023/01/20/gas-ru-kz/"', "«Дорожная карта затрагивает"]:
        assert expected in html, expected


def test_an_uncertain_date_and_place_say_so(atlas) -> None:
    html = event_html(event(atlas, "ev-2022-12-25-novak-afghanistan-pakistan"), atlas, "ru")

    assert "25–26 декабря 2022 (интервью ТАСС)" in html
    assert "приблизительно" in html
    assert "только страна" in html


def test_a_route_card_shows_its_state_on_the_date_and_its_history(atlas) -> None:
    cac = next(atlas.routes[atlas.routes["id"] == "cac"].itertuples())

    before = route_html(cac, atlas, dt.date(2023, 1, 1), "en")
    after = route_html(cac, atlas, dt.date(2024, 1, 1), "en")

    assert "Operating" in before.split("<table")[0]
    assert "Reversed flow" not in before.split("<table")[0]
    assert "Reversed flow" in after.split("<table")[0]
    history = before.split("<h4>Status history</h4>")[1]
    assert history.count("<tr>") == 3, "header and two status changes"
    assert "44 bcm/yr" in before
    assert "OpenStreetMap" in before


def test_a_route_card_lists_the_years_flow_figures_each_with_its_source(atlas) -> None:
    route = next(atlas.routes[atlas.routes["id"] == "corr-ru-uz-via-kz"].itertuples())
    figures = atlas.flows[(atlas.flows["route_id"] == route.id) & (atlas.flows["period"] == "2024")]

    html = route_html(route, atlas, dt.date(2024, 6, 30), "en")

    assert "Flow figures for 2024" in html
    assert re.findall(r'data-flow-id="([^"]+)"', html)[0] == figures.loc[figures["value_kind"] == "reported",
                                                                              "id"].iloc[0], "what moved comes first"
    for figure in figures.itertuples():
        assert f'data-flow-id="{figure.id}"' in html
        assert f'href="{html_text(figure.source_url)}"' in html
    assert "Contract or plan" in html
    assert "Reported (gas that moved)" in html
    assert "No flow figure for 2021." in route_html(route, atlas, dt.date(2021, 6, 30), "en")


def test_a_route_card_marks_the_chosen_figure_where_another_source_disagrees(atlas) -> None:
    route = next(atlas.routes[atlas.routes["id"] == "power-of-siberia"].itertuples())

    html = route_html(route, atlas, dt.date(2022, 6, 30), "en")
    rows = dict(re.findall(r'<tr data-flow-id="([^"]+)">(.*?)</tr>', html))

    assert "✓ Used by the atlas" in rows["flow-pos-rus-chn-2022"]
    assert "Other source&#x27;s figure (not used)" in rows["flow-pos-rus-chn-2022-novak"]
    assert "✓" not in rows["flow-pos-rus-chn-2022-novak"], "only a contested figure is marked, and only the chosen one"
    assert "✓" not in rows["flow-pos-rus-chn-2022-plan"], "only a contested figure is marked, and only the chosen one"


def test_a_facility_card_states_its_precision(atlas) -> None:
    plant = next(atlas.facilities[atlas.facilities["id"] == "orenburg-gpp"].itertuples())

    assert "approximate" in facility_html(plant, atlas, "en")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_a_record_stays_text(atlas, hostile: str) -> None:
    events = atlas.events.copy()
    events.loc[events["id"] == ROADMAP, ["title_en", "summary_en", "quote", "source_title"]] = hostile
    events.loc[events["id"] == ROADMAP, "source_url"] = "javascript:alert(1)"
    hostile_atlas = dataclasses.replace(atlas, events=events)

    html = event_html(event(hostile_atlas), hostile_atlas, "en")

    assert html_text(hostile) in html
    assert hostile not in html or hostile == html_text(hostile)
    assert "javascript:" not in html
    assert "<img" not in html
    assert "<script" not in html


def test_the_events_layer_ships_columns_not_popups(atlas) -> None:
    data = json.loads(next(iter(events_layer(atlas.events, "en")._children.values())).data_json)["base"]

    assert len(data["id"]) == len(data["lat"]) == len(data["t"]) == len(data["date"]) == len(atlas.events)
    assert "summary" not in json.dumps(data)
    assert "popup" not in data
    assert data["date"][data["id"].index(ROADMAP)] == "18 Jan 2023"


def test_tooltips_drop_titles_for_very_many_events(atlas, monkeypatch) -> None:
    monkeypatch.setattr("gasatlas.map.event_columns.TOOLTIP_TITLES_UP_TO", 5)

    data = json.loads(next(iter(events_layer(atlas.events, "en")._children.values())).data_json)["base"]

    assert "title" not in data


def test_the_selected_event_brings_its_own_popup(atlas) -> None:
    group = selection_layer(atlas, Highlight(Selection("event", ROADMAP), nonce=3), "en")
    data = json.loads(next(iter(group._children.values())).data_json)

    assert data["popup"] == event_html(event(atlas), atlas, "en")
    assert (data["kind"], data["id"], data["nonce"]) == ("event", ROADMAP, 3)


def test_an_unknown_selection_draws_nothing(atlas) -> None:
    assert selection_layer(atlas, Highlight(Selection("event", "ev-gone")), "en") is None


def test_the_table_speaks_the_readers_language(atlas) -> None:
    table = events_table(atlas.events, atlas, "ru")

    row = table.loc[ROADMAP]
    assert row["date"] == "18 января 2023"
    assert row["type"] == "Соглашение"
    assert "Роман Скляр" in row["participants"]
    assert list(table.index) == list(atlas.events["id"])


@pytest.mark.usefixtures("atlas")
def test_the_legend_explains_every_status_and_symbol() -> None:
    html = legend_html("en")

    for text in ["Operating", "Reversed flow", "Suspended", "Under construction", "Proposed", "Mothballed",
                 "Gas processing plant", "Meeting", "Disruption", "only the country is known", "Focus country"]:
        assert text in html
    assert "<svg" not in html, "Streamlit's sanitiser drops inline SVG; swatches are data-URI images"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Volume", "0.009 bcm a day", "Contract", "2 years", "not a flow figure"]),
    ("ru", ["Объём", "0,009 млрд м³ в сутки", "Контракт", "2 года", "это не цифра потока"]),
])
def test_an_event_card_gives_the_numbers_its_source_reports(atlas, lang: str, expected: list[str]) -> None:
    html = event_html(event(atlas, "ev-2023-06-16-spief-uzbekistan-contract"), atlas, lang)

    for text in expected:
        assert text in html, text
    assert "Price" not in html, "no price is reported, so none is shown"
    assert "Цена" not in html, "no price is reported, so none is shown"


def test_a_card_without_numbers_has_no_volume_line(atlas) -> None:
    assert "Volume" not in event_html(event(atlas), atlas, "en")
