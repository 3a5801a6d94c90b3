"""A published event's yearly volume proposed as a flow figure: its route's direction, its year, the kind the
report says — and nothing proposed where the event gives no year's volume or no direction."""

from __future__ import annotations

import datetime as dt

from gasatlas.analysis.flows import figure_from_event, volume_year
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.exports import frame_records
from gasatlas.dataset.load import load_dataset, validate_flows
from gasatlas.model import records
from gasatlas.model.schema import EVENT_COLUMNS

ATLAS = load_dataset(PROJECT_ROOT / "data")
CONTRACT = "ev-2025-10-16-novak-mirzamakhmudov-7-7-bcm"
"""Novak and Mirzamakhmudov: Gazprom goes on supplying Uzbekistan under its contract of 7.7 bcm a year."""
TODAY = dt.date(2026, 12, 5)


def event(event_id: str, **changes) -> dict:
    (record,) = frame_records(records.rows(ATLAS.events, event_id), EVENT_COLUMNS)
    return record | changes


def propose(record: dict, route_id: str) -> dict | None:
    return figure_from_event(record, route_id, ATLAS.flows, ATLAS.routes, TODAY)


def test_a_contracts_yearly_volume_becomes_a_contract_figure_of_its_year_the_way_the_routes_figures_run() -> None:
    figure = propose(event(CONTRACT), "corr-ru-uz-via-kz")

    assert figure is not None
    assert (figure["from_country"], figure["to_country"], figure["period"]) == ("RUS", "UZB", "2025")
    assert (figure["value_kind"], figure["volume_bcm"]) == ("contract", 7.7)
    assert figure["source_url"] == "https://tass.ru/ekonomika/25369553"
    assert figure["choice"] == "alternative", "the atlas has a chosen contract figure for 2025 already"
    assert validate_flows(ATLAS, [figure])[0].id == figure["id"]


def test_a_volume_not_tied_to_a_contract_is_a_reported_figure() -> None:
    told = event(CONTRACT, event_type="supply_change", quote="", title_en="Supplies reached 7.7 bcm",
                 title_ru="Поставки достигли 7,7 млрд кубометров")

    assert propose(told, "corr-ru-uz-via-kz")["value_kind"] == "reported"


def test_nothing_is_proposed_for_a_days_rate_a_total_or_a_route_the_event_does_not_name() -> None:
    assert propose(event(CONTRACT, volume_period="day", volume_bcm=0.02), "corr-ru-uz-via-kz") is None
    assert propose(event(CONTRACT, volume_period="total"), "corr-ru-uz-via-kz") is None
    assert propose(event(CONTRACT), "power-of-siberia") is None


def test_nothing_is_proposed_when_the_event_names_one_country_of_the_route() -> None:
    assert propose(event(CONTRACT, countries=["UZB"]), "corr-ru-uz-via-kz") is None


def test_a_january_report_of_a_years_volume_proposes_it_for_the_year_its_sentence_names() -> None:
    told = event(CONTRACT, date="2026-01-14", event_type="statement", volume_bcm=5.6, volume_period="year",
                 quote="В 2025 году поставки российского газа в Узбекистан составили 5,6 млрд кубометров.")

    assert propose(told, "corr-ru-uz-via-kz")["period"] == "2025"
    assert propose(told, "corr-ru-uz-via-kz")["source_date"] == "2026-01-14", "the report is still January's"


def test_last_year_is_the_year_before_the_reports_unless_the_event_is_dated_by_it() -> None:
    said = event(CONTRACT, date="2026-01-14", date_precision="day", event_type="statement", volume_bcm=5.6,
                 volume_period="year", quote="«Газпром» в прошлом году поставил в Узбекистан 5,6 млрд кубометров газа.")
    dated = said | {"date": "2025-07-01", "date_precision": "year", "event_type": "supply_change",
                    "quote": "Gazprom delivered 5.6 bcm of gas to Uzbekistan last year."}

    assert (volume_year(said), volume_year(dated)) == (2025, 2025)


def test_of_several_years_the_one_written_before_the_volume_is_its_year() -> None:
    quote = ("Meanwhile, in 2024, Gazprom delivered 5.64 billion cubic meters of natural gas to Uzbekistan-a 4.4-fold "
             "increase from 2023")  # Trend, 29 December 2025

    assert volume_year({"date": "2025-12-29", "date_precision": "day", "quote": quote}) == 2024
    unnamed = {"date": "2025-12-29", "date_precision": "day", "quote": None}
    assert volume_year(unnamed) == 2025, "no year named: the event's"
