"""The Flows page and the Routes page's flow chart, as Streamlit runs them, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.analysis.filters import DateRange
from gasatlas.analysis.flows import country_balance, disagreements, flows_in_view
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.i18n import label
from gasatlas.ui import navigation
from gasatlas.ui.state import day_span
from tests.app.test_pages import chart_data, open_page

ATLAS = load_dataset(PROJECT_ROOT / "data")
FLOWS = ATLAS.flows


def table(at: AppTest, key: str):
    return next(frame.value for frame in at.dataframe if frame.proto.id and key in frame.proto.id)


@pytest.mark.parametrize(("lang", "title", "reported"), [("en", "Gas flows", "Reported (gas that moved)"),
                                                          ("ru", "Потоки газа", "Фактически (по отчётам)")])
def test_the_flows_page_lists_every_figure_with_its_source_in_both_languages(lang: str, title: str,
                                                                             reported: str) -> None:
    at = open_page(navigation.FLOWS, lang=lang)

    assert not at.exception, at.exception
    assert at.title[0].value == title
    shown = at.dataframe[0].value
    expected = flows_in_view(FLOWS, day_span(ATLAS))
    assert len(shown) == len(expected) > 0
    assert list(shown["url"]) == list(expected["source_url"])
    assert shown["source"].str.len().gt(0).all()
    assert reported in set(shown["kind_label"])
    assert [b.proto.label for b in at.get("download_button")] == (
        ["Figures in view (CSV)", "Chart (PNG)", "Chart (SVG)"] if lang == "en"
        else ["Показанные цифры (CSV)", "График (PNG)", "График (SVG)"])  # the balance chart's own downloads


def test_the_table_follows_the_shared_dates_and_countries() -> None:
    at = open_page(navigation.FLOWS, **{"from": "2023-03-01", "to": "2023-03-31", "country": "KAZ"})

    expected = flows_in_view(FLOWS, DateRange(dt.date(2023, 3, 1), dt.date(2023, 3, 31)), {"KAZ"})
    assert 0 < len(expected) < len(FLOWS)
    assert list(at.dataframe[0].value["url"]) == list(expected["source_url"])
    assert at.caption[1].value.startswith(f"{len(expected)} of {len(FLOWS)} figures · Data last updated")


def test_no_figure_in_view_says_so_and_offers_no_empty_download() -> None:
    at = open_page(navigation.FLOWS, **{"from": "2022-02-04", "to": "2022-03-01", "country": "AFG"})

    assert "No flow figure matches" in at.info[0].value
    assert at.get("download_button")[0].proto.disabled


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_gas_balance_shows_a_countrys_year_by_route_each_kind_apart(lang: str) -> None:
    at = open_page(navigation.FLOWS, lang=lang, to="2024-12-31")

    at.selectbox(key="balance-country").select("RUS").run()

    balance = country_balance(FLOWS, "RUS", 2024)
    assert at.selectbox(key="balance-year").value == 2024
    bars = chart_data(at, 0)
    assert sorted(row["id"] for row in bars if "id" in row) == sorted(balance.loc[balance["whole_year"], "id"])
    assert {row["kind"] for row in bars if "id" in row} == {"reported", "contract"}, "a capacity is not a flow"
    assert {row["way"] for row in bars if "id" in row} == {"out"}, "Russia's gas went out"
    rows = at.dataframe[-1].value
    assert list(rows["url"]) == list(balance["source_url"])
    totals = " ".join(item.value for item in at.markdown).replace("\\", "")  # Markdown escapes
    reported = balance[balance["value_kind"] == "reported"]["volume_bcm"].sum()
    assert f"{reported:g}".replace(".", "," if lang == "ru" else ".") in totals
    assert label("contract", lang) in totals


def test_a_year_without_figures_for_the_country_says_so() -> None:
    at = open_page(navigation.FLOWS, to="2022-12-31")

    at.selectbox(key="balance-country").select("CHN").run()
    at.selectbox(key="balance-year").select(2018).run()

    assert country_balance(FLOWS, "CHN", 2018).empty
    assert ("No figure names China as an end or a transit country of a flow in 2018."
            in [info.value for info in at.info])


def test_the_matrix_shows_every_route_and_year_with_its_figure_or_gap() -> None:
    at = open_page(navigation.FLOWS)

    matrix = at.dataframe[1].value
    names = ATLAS.routes.set_index("id")["name_en"]
    assert matrix.columns[0] == "2018"
    assert matrix.loc[names["karachaganak-orenburg"], "2024"] == "— no public figure"
    assert matrix.loc[names["power-of-siberia"], "2024"] == "RUS→CHN 31.12"
    assert matrix.loc[names["tapi"], "2024"] in ("", None)


@pytest.mark.parametrize(("lang", "chosen", "other"), [
    ("en", "✓ Used by the atlas", "Other source's figure (not used)"),
    ("ru", "✓ Используется в атласе", "Цифра другого источника (не используется)")])
def test_conflicting_figures_stand_side_by_side_with_the_chosen_one_marked(lang: str, chosen: str,
                                                                            other: str) -> None:
    at = open_page(navigation.FLOWS, lang=lang, **{"from": "2022-01-01", "to": "2022-12-31"})

    shown = next(frame.value for frame in at.dataframe if "choice" in frame.value.columns)
    expected = disagreements(flows_in_view(FLOWS, DateRange(dt.date(2022, 1, 1), dt.date(2022, 12, 31))))
    assert list(shown["url"]) == list(expected["source_url"])
    gazprom, novak = shown.iloc[0], shown.iloc[1]
    assert (gazprom["choice"], novak["choice"]) == (chosen, other)
    assert gazprom["figure"] == novak["figure"], "the same figure, as two sources give it"
    assert [gazprom["volume_bcm"], novak["volume_bcm"]] == [15.4, 15.5], "each keeps its own value, none averaged"
    assert str(gazprom["retrieved"]).startswith("2026-12-05")
    assert str(novak["source_date"]).startswith("2023-01-17")


def test_a_view_without_conflicting_figures_says_so() -> None:
    at = open_page(navigation.FLOWS, **{"from": "2023-01-01", "to": "2023-12-31", "country": "TKM"})

    assert "No two sources disagree on a figure in view." in [info.value for info in at.info]


def test_every_page_says_when_the_data_was_last_updated() -> None:
    at = open_page(navigation.FLOWS)

    day = ATLAS.last_updated
    assert day is not None
    assert f"Data last updated: {day.day} {day.strftime('%b %Y')}" in [caption.value for caption in at.sidebar.caption]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_routes_page_draws_a_routes_flows_beside_its_status_history(lang: str) -> None:
    at = open_page(navigation.ROUTES, lang=lang, sel="route:cac")

    figures = FLOWS[FLOWS["route_id"] == "cac"]
    drawn = [row for row in chart_data(at, 1) if "id" in row]
    assert sorted(row["id"] for row in drawn) == sorted(figures["id"])
    assert {row["kind"] for row in drawn} == set(figures["value_kind"])
    assert all(row["source"] and row["url"].startswith("https://") for row in drawn), "every number has its source"
    capacity = [row for row in chart_data(at, 1) if "label" in row]
    assert capacity
    assert capacity[0]["volume_bcm"] == ATLAS.routes.set_index("id").loc["cac", "capacity_bcm"]


def test_a_route_without_figures_says_so() -> None:
    at = open_page(navigation.ROUTES, sel="route:tapi")

    assert "No flow figure for this route yet." in [info.value for info in at.info]
