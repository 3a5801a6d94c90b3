"""Flows: which figures a view shows, what moved in a year, and a country's balance — kinds never mixed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import pytest

from gasatlas.analysis.filters import EVERY_DAY, DateRange
from gasatlas.analysis.flows import (
    balance_totals,
    country_balance,
    coverage_matrix,
    disagreements,
    flow_years,
    flows_in_view,
    known_share,
    moved_by_route,
    moved_in_year,
    period_label,
    route_year_coverage,
)
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.derived import split_flows, with_periods
from gasatlas.dataset.exports import flows_csv
from gasatlas.dataset.load import load_dataset, records_frame
from gasatlas.model.schema import FLOW_COLUMNS, Flow

RU_UZ = "corr-ru-uz-via-kz"
SOURCE = {"source_title": "Example", "source_url": "https://example.org/flow", "quote": "One sentence."}


def figure(flow_id: str, period: str, volume: float | None, kind: str = "reported", route: str = "cac",
           **more: str) -> Flow:
    """A figure of Russian gas to Uzbekistan along Central Asia–Centre unless ``more`` says otherwise."""
    sourced = {"searched": "everywhere"} if kind == "gap" else SOURCE
    return Flow.model_validate({"id": flow_id, "route_id": route, "from_country": "RUS", "to_country": "UZB",
                                "period": period, "volume_bcm": volume, "value_kind": kind, **sourced, **more})


@pytest.fixture
def made_up():
    """Figures for one route in every kind, a year and its months, and a second direction."""
    return with_periods(records_frame([
        figure("r-2023", "2023", 1.3),
        figure("e-2023", "2023", 1.5, "estimate"),
        figure("c-2023", "2023", 2.8, "contract"),
        figure("k-2023", "2023", 11.0, "capacity"),
        figure("e-2024", "2024", 6.0, "estimate"),
        figure("c-2024", "2024", 7.7, "contract"),
        figure("r-2025-01", "2025-01", 0.5),
        figure("r-2025-q1", "2025-Q1", 1.4, "estimate"),
        figure("back-2023", "2023", 0.2, from_country="UZB", to_country="RUS"),
        figure("pos-2023", "2023", 22.7, route="power-of-siberia", to_country="CHN"),
    ], Flow))


def test_a_reported_figure_wins_over_an_estimate_and_contracts_and_capacities_never_moved(made_up) -> None:
    moved = moved_in_year(made_up, 2023).set_index("id")

    assert set(moved.index) == {"r-2023", "back-2023", "pos-2023"}
    assert moved.loc["r-2023", "volume_bcm"] == 1.3
    assert set(moved_in_year(made_up, 2024)["id"]) == {"e-2024"}, "an estimate stands in when nothing is reported"


def test_months_and_quarters_are_never_stretched_into_a_year(made_up) -> None:
    assert moved_in_year(made_up, 2025).empty
    assert moved_in_year(made_up, 2019).empty, "no figure means no row, never a zero"


def test_each_route_gets_its_directions(made_up) -> None:
    by_route = moved_by_route(made_up, 2023)

    assert set(by_route) == {"cac", "power-of-siberia"}
    assert list(zip(by_route["cac"]["from_country"], by_route["cac"]["to_country"], strict=True)) == [("RUS", "UZB"),
                                                                                        ("UZB", "RUS")]


def test_the_view_shows_periods_overlapping_the_dates_and_touching_the_countries(made_up) -> None:
    def shown(start, end, countries=()) -> set[str]:
        return set(flows_in_view(made_up, EVERY_DAY if start is None else DateRange(start, end), countries)["id"])

    assert shown(dt.date(2024, 12, 31), dt.date(2025, 1, 1)) == {"e-2024", "c-2024", "r-2025-01", "r-2025-q1"}
    assert shown(dt.date(2025, 2, 1), dt.date(2025, 2, 2)) == {"r-2025-q1"}, "a quarter covers its months"
    assert shown(dt.date(2023, 6, 1), dt.date(2023, 6, 1), {"CHN"}) == {"pos-2023"}
    assert shown(None, None, {"UZB"}) == set(made_up["id"]) - {"pos-2023"}


def test_flows_between_countries_go_from_one_chosen_country_to_another(made_up) -> None:
    def shown(countries: set[str], match: str) -> set[str]:
        return set(flows_in_view(made_up, EVERY_DAY, countries, match)["id"])

    assert shown({"RUS", "CHN"}, "all") == {"pos-2023"}
    assert shown({"RUS", "UZB"}, "all") == set(made_up["id"]) - {"pos-2023"}
    assert shown({"UZB", "CHN"}, "all") == set(), "no route joins them"
    assert shown({"CHN"}, "all") == shown({"CHN"}, "any") == {"pos-2023"}, "one country has nothing between"


def test_a_balance_keeps_in_and_out_and_the_kinds_apart(made_up) -> None:
    balance = country_balance(made_up, "UZB", 2023)

    assert list(zip(balance["direction"], balance["value_kind"], balance["id"], strict=True)) == [
        ("in", "reported", "r-2023"), ("in", "estimate", "e-2023"), ("in", "contract", "c-2023"),
        ("out", "reported", "back-2023")]
    assert set(balance["partner"]) == {"RUS"}
    totals = balance_totals(balance).set_index(["direction", "value_kind"])["volume_bcm"]
    assert totals.to_dict() == {("in", "reported"): 1.3, ("in", "estimate"): 1.5, ("in", "contract"): 2.8,
                                ("out", "reported"): 0.2}


def test_a_balance_lists_months_but_adds_up_whole_years_only(made_up) -> None:
    balance = country_balance(made_up, "UZB", 2025)

    assert set(balance["id"]) == {"r-2025-01", "r-2025-q1"}
    assert balance_totals(balance).empty


@pytest.fixture
def network():
    """A made-up year on three routes: Turkmen and Uzbek gas to China across Kazakhstan with the pipeline's total
    beside its parts, Russian gas to Uzbekistan across Kazakhstan with another source's figure, Kazakh raw gas sent
    to Russia for processing, a gap, and a route-year of months only."""
    return split_flows(with_periods(records_frame([
        figure("tkm-chn", "2024", 30.0, route="abc", from_country="TKM", to_country="CHN", via="UZB;KAZ"),
        figure("uzb-chn", "2024", 2.0, route="abc", from_country="UZB", to_country="CHN", via="KAZ"),
        figure("abc-total", "2024", 33.0, route="abc", from_country="TKM", to_country="CHN", via="UZB;KAZ",
               scope="route_total"),
        figure("rus-uzb", "2024", 5.64, route="ru-uz", from_country="RUS", to_country="UZB", via="KAZ"),
        figure("rus-uzb-other", "2024", 5.6, route="ru-uz", from_country="RUS", to_country="UZB", via="KAZ",
               choice="alternative"),
        figure("rus-uzb-plan", "2024", 3.8, "contract", route="ru-uz", from_country="RUS", to_country="UZB",
               via="KAZ"),
        figure("kar-gap", "2024", None, "gap", route="kar", from_country="KAZ", to_country="RUS",
               purpose="processing"),
        figure("kar-2023", "2023", 8.0, route="kar", from_country="KAZ", to_country="RUS", purpose="processing"),
        figure("tm-uz-01", "2024-01", 0.1, route="tm-uz", from_country="TKM", to_country="UZB"),
    ], Flow)))


def test_transit_counts_for_the_country_crossed_and_never_as_its_imports_or_exports(network) -> None:
    kazakhstan = balance_totals(country_balance(network["flows"], "KAZ", 2024)).set_index(
        ["direction", "value_kind"])["volume_bcm"]

    assert kazakhstan.to_dict() == {("transit", "reported"): 30.0 + 2.0 + 5.64, ("transit", "contract"): 3.8}


def test_a_pipelines_total_and_another_sources_figure_never_add_to_a_balance(network) -> None:
    china = balance_totals(country_balance(network["flows"], "CHN", 2024)).set_index(["direction", "value_kind"])
    uzbekistan = balance_totals(country_balance(network["flows"], "UZB", 2024)).set_index(
        ["direction", "value_kind"])["volume_bcm"]

    assert china.loc[("in", "reported"), "volume_bcm"] == 32.0, "the parts, not the parts plus their total"
    assert china.loc[("in", "reported"), "routes"] == 1
    assert uzbekistan.to_dict() == {("in", "reported"): 5.64, ("in", "contract"): 3.8, ("out", "reported"): 2.0,
                                    ("transit", "reported"): 30.0}, "Turkmen gas crosses it once, not with its total"


def test_gas_sent_for_processing_is_neither_an_export_nor_an_import(network) -> None:
    kazakhstan = country_balance(network["flows"], "KAZ", 2023)
    russia = country_balance(network["flows"], "RUS", 2023)

    assert list(zip(kazakhstan["direction"], kazakhstan["partner"], strict=True)) == [("processing", "RUS")]
    assert list(zip(russia["direction"], russia["partner"], strict=True)) == [("processing", "KAZ")]
    assert set(balance_totals(russia)["direction"]) == {"processing"}


def test_the_map_draws_a_pipeline_by_its_total_alone_and_never_another_sources_figure(network) -> None:
    moved = moved_in_year(network["flows"], 2024).set_index("id")

    assert set(moved.index) == {"abc-total", "rus-uzb"}


def test_a_gap_is_never_a_zero_and_counts_against_the_known_share(network) -> None:
    flows, gaps = network["flows"], network["flow_gaps"]

    assert "kar-gap" not in set(flows["id"])
    assert gaps["volume_bcm"].isna().all()
    assert balance_totals(country_balance(flows, "RUS", 2024)).query("direction == 'processing'").empty
    share = known_share(flows, gaps, "KAZ", 2024)
    assert (share.known, share.touched) == (3, 4), "three routes crossing it known, Karachaganak a gap"
    assert known_share(flows, gaps, "TKM", 2024).share == 0.5, "a month is not the year"
    assert known_share(flows, gaps, "AFG", 2024).share is None, "nothing touched: no share, not 0 %"


def test_the_route_by_year_matrix_says_what_is_known_of_each_cell(network) -> None:
    coverage = route_year_coverage(network["flows"], network["flow_gaps"], ["abc", "ru-uz", "kar", "tm-uz", "tapi"],
                                   [2023, 2024])
    status = coverage_matrix(coverage)
    text = coverage_matrix(coverage, "text")

    assert status[2024].to_dict() == {"abc": "reported", "ru-uz": "reported", "kar": "gap", "tm-uz": "partial",
                                      "tapi": "none"}
    assert status[2023].to_dict() == {"abc": "none", "ru-uz": "none", "kar": "reported", "tm-uz": "none",
                                      "tapi": "none"}
    assert text.loc["abc", 2024] == "Σ 33", "a pipeline's total stands for it; its parts are not added again"
    assert text.loc["ru-uz", 2024] == "RUS→UZB 5.64", "the chosen figure only"


def test_another_sources_figure_is_shown_beside_the_chosen_one_never_averaged() -> None:
    flows = with_periods(records_frame([
        figure("gazprom", "2022", 15.4, route="power-of-siberia", to_country="CHN"),
        figure("novak", "2022", 15.5, route="power-of-siberia", to_country="CHN", choice="alternative"),
        figure("plan", "2022", 15.0, "contract", route="power-of-siberia", to_country="CHN"),
        figure("contract", "2025", 7.7, "contract", via="KAZ"),
        figure("plan-nov", "2025", 6.0, "contract", via="KAZ", choice="alternative"),
        figure("plan-apr", "2025", 7.3, "contract", via="KAZ", choice="alternative"),
        figure("reported-2025", "2025", 5.0, via="KAZ"),
        figure("uncontested", "2023", 1.28, via="KAZ"),
    ], Flow))

    pairs = disagreements(flows)

    assert list(pairs["id"]) == ["gazprom", "novak", "contract", "plan-apr", "plan-nov"], \
        "the chosen figure first, then each alternative; other kinds and uncontested figures stay out"
    assert list(pairs["group"]) == [0, 0, 1, 1, 1]
    assert list(pairs["chosen"]) == [True, False, True, False, False]
    assert list(pairs["volume_bcm"]) == [15.4, 15.5, 7.7, 7.3, 6.0], "each source keeps its own number"
    assert list(pairs["source_url"]) == [SOURCE["source_url"]] * 5


def test_an_alternative_whose_chosen_figure_is_out_of_view_stands_alone() -> None:
    flows = with_periods(records_frame([
        figure("novak", "2022", 15.5, route="power-of-siberia", to_country="CHN", choice="alternative"),
        figure("uncontested", "2023", 1.28),
    ], Flow))

    alone = disagreements(flows)

    assert list(zip(alone["id"], alone["chosen"], strict=True)) == [("novak", False)]
    assert disagreements(flows[flows["id"] == "uncontested"]).empty
    assert disagreements(flows.iloc[0:0]).empty


def test_the_shipped_data_keeps_gazprom_and_novak_side_by_side(atlas) -> None:
    pairs = disagreements(atlas.flows)
    novak = pairs[pairs["group"] == pairs.loc[pairs["id"] == "flow-pos-rus-chn-2022-novak", "group"].iloc[0]]

    assert list(zip(novak["id"], novak["volume_bcm"], novak["chosen"], strict=True)) == [
        ("flow-pos-rus-chn-2022", 15.4, True), ("flow-pos-rus-chn-2022-novak", 15.5, False)]
    assert (pairs.groupby("group")["chosen"].sum() <= 1).all(), "at most one figure is chosen"


def test_periods_read_as_people_write_them() -> None:
    assert [period_label(p, "en") for p in ("2023", "2023-Q4", "2023-03")] == ["2023", "Q4 2023", "Mar 2023"]
    assert [period_label(p, "ru") for p in ("2023", "2023-Q4", "2023-03")] == ["2023", "4-й квартал 2023", "март 2023"]


# --- the shipped file ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atlas():
    return load_dataset(PROJECT_ROOT / "data")


def test_the_flows_file_has_every_field_in_the_documented_order_and_every_row_loads(atlas) -> None:
    with (PROJECT_ROOT / "data" / "flows.csv").open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)

    assert tuple(reader.fieldnames) == FLOW_COLUMNS
    assert set(FLOW_COLUMNS) == set(Flow.model_fields)
    assert len(atlas.flows) + len(atlas.flow_gaps) == len(rows) > 0
    figures = [row for row in rows if row["value_kind"] != "gap"]
    assert all(row["source_url"].startswith("https://") and row["quote"].strip() for row in figures)
    assert all(row["searched"].strip() and not row["volume_bcm"] for row in rows if row["value_kind"] == "gap")


def test_the_shipped_figures_say_what_moved_to_uzbekistan_through_kazakhstan(atlas) -> None:
    """The figures the map's flow mode shows for Russian gas to Uzbekistan: Gazprom's, never the other source's
    figure beside it (derived from the file)."""
    route = atlas.flows[(atlas.flows["route_id"] == RU_UZ) & atlas.flows["whole_year"]]
    reported = route[(route["value_kind"] == "reported") & (route["choice"] == "chosen")].set_index("period")[
        "volume_bcm"]

    for year in (2023, 2024):
        moved = moved_in_year(atlas.flows, year)
        assert moved[moved["route_id"] == RU_UZ]["volume_bcm"].tolist() == [reported[str(year)]]
    assert reported["2023"] != reported["2024"]
    assert 2024 in flow_years(atlas.flows)


def test_the_flows_download_is_a_valid_flows_file_and_spreadsheet_safe(atlas, tmp_path) -> None:
    shown = flows_in_view(atlas.flows, DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), {"UZB"})
    formula = '=HYPERLINK("https://evil.example/","click")'
    text = flows_csv(shown.assign(note_en=formula))

    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == FLOW_COLUMNS
    assert [row["id"] for row in rows] == list(shown["id"]) != []
    assert all(row["note_en"] == "'" + formula for row in rows), "a spreadsheet shows it as text"

    data_dir = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data_dir)
    (data_dir / "flows.csv").write_text(text, encoding="utf-8")
    reloaded = load_dataset(data_dir).flows.set_index("id")
    assert set(reloaded.index) == set(shown["id"])
    assert (reloaded["note_en"] == formula).all(), "reading it back removes the guard"
    assert reloaded["volume_bcm"].to_dict() == shown.set_index("id")["volume_bcm"].to_dict()
