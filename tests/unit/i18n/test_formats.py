"""Numbers and dates are written as each language writes them (CLDR through Babel), in text and in charts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from babel.numbers import format_decimal

from gasatlas.analysis.flows import flows_of_year, period_label, readable
from gasatlas.i18n.formats import format_date, format_fraction, format_number, month_names, vega_locale
from gasatlas.map.cards import flows_html, route_html
from gasatlas.map.event_table import routes_table
from gasatlas.model.sanitize import html_text
from gasatlas.ui.chrome import numbers_in
from gasatlas.ui.routes import FLOW_NUMBERS, ROUTE_NUMBERS
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [(1.28, "1.28", "1,28"), (5.6, "5.6", "5,6"), (1234.567, "1,234.57", f"1{NBSP}234,57"),
     (3000, "3,000", f"3{NBSP}000")],
)
def test_a_number_has_a_decimal_comma_and_non_breaking_thousands_in_russian(value: float, en: str, ru: str) -> None:
    assert (format_number(value, "en"), format_number(value, "ru")) == (en, ru)


def test_a_confidence_keeps_two_decimals() -> None:
    assert (format_fraction(0.873, "en"), format_fraction(0.873, "ru")) == ("0.87", "0,87")


@pytest.mark.parametrize(
    ("precision", "en", "ru"),
    [("day", "5 Oct 2023", "5 октября 2023"), ("month", "Oct 2023", "октябрь 2023"),
     ("part_of_month", "early Oct 2023", "начало октября 2023"), ("quarter", "Q4 2023", "4-й квартал 2023"),
     ("approximate", "c. 5 Oct 2023", "около 5 октября 2023"), ("year", "2023", "2023")],
)
def test_dates_use_each_languages_month_names_and_cases(precision: str, en: str, ru: str) -> None:
    day = dt.date(2023, 10, 5)
    assert (format_date(day, precision, "en"), format_date(day, precision, "ru")) == (en, ru)


def test_a_flow_period_is_written_like_a_date_of_the_same_precision() -> None:
    assert period_label("2023-Q4", "ru") == format_date(dt.date(2023, 10, 1), "quarter", "ru") == "4-й квартал 2023"
    assert period_label("2023-10", "ru") == "октябрь 2023"


def test_a_route_card_writes_its_capacity_the_russian_way() -> None:
    route = next(row for row in ATLAS.routes.itertuples() if row.capacity_bcm > 0 and row.capacity_bcm % 1)
    card = route_html(route, ATLAS, dt.date(2024, 1, 1), "ru")

    assert f"{format_number(route.capacity_bcm, 'ru', decimals=1)} млрд м³/год" in card
    assert "," in format_number(route.capacity_bcm, "ru", decimals=1)


def test_the_charts_locale_names_russian_months_and_a_decimal_comma() -> None:
    locale = vega_locale("ru")

    assert locale["number"]["decimal"] == ","
    assert locale["number"]["thousands"] == NBSP
    assert locale["time"]["months"][9] == "октябрь"
    assert locale["time"]["days"][0] == "воскресенье"
    assert locale["time"]["date"] == "%d.%m.%Y"
    assert vega_locale("en")["time"]["shortMonths"] == list(month_names("en", "abbreviated")) == [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _table_texts(styler, column: str) -> list[str]:
    """The texts a Streamlit table shows for ``column`` of a ``numbers_in`` table (its Styler display values)."""
    lines = styler.to_string(delimiter="\t").splitlines()
    at = lines[0].split("\t").index(column)
    return [line.split("\t")[at] for line in lines[2:]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_card_and_the_table_write_a_routes_numbers_the_same_way(lang: str) -> None:
    """One formatter: "1,833" / "1 833" km and "2.2" / "2,2" bcm/yr alike in the route's card and the routes table."""
    as_of = dt.date(2024, 1, 1)
    table = numbers_in(routes_table(ATLAS.routes, ATLAS.countries, as_of, lang), ROUTE_NUMBERS, lang)
    measured = ATLAS.routes.reset_index(drop=True)
    for column, field in (("length", "length_km"), ("capacity", "capacity_bcm")):
        for route, text in zip(measured.itertuples(), _table_texts(table, column), strict=True):
            if not pd.isna(getattr(route, field)):
                assert f"<dd>{html_text(text)} " in route_html(route, ATLAS, as_of, lang), (route.id, column, text)
    assert (f"1{NBSP}833" if lang == "ru" else "1,833") in _table_texts(table, "length")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_card_the_table_and_the_period_label_write_a_flow_figure_the_same_way(lang: str) -> None:
    route_id, year = "cac-china-abc", 2019
    figures = flows_of_year(ATLAS.flows[ATLAS.flows["route_id"] == route_id], year)
    table = numbers_in(readable(figures, {}, {}, lang), FLOW_NUMBERS, lang)
    card = flows_html(route_id, ATLAS, year, lang)
    for period, volume in zip(_table_texts(table, "period"), _table_texts(table, "volume_bcm"), strict=True):
        assert f"<td>{html_text(period)}</td>" in card
        assert html_text(volume) in card
    quarter = {"en": "Q4 2023", "ru": "4-й квартал 2023"}[lang]
    assert period_label("2023-Q4", lang) == format_date(dt.date(2023, 11, 15), "quarter", lang) == quarter


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_whole_numbers_read_as_babel_writes_them(lang) -> None:
    numbers = [*range(-1_100, 1_100, 7), 9_999, 10_000, 123_456, 1_000_000, 1_234_567_890]

    assert [format_number(n, lang) for n in numbers] == [format_decimal(n, "#,##0.##", locale=lang) for n in numbers]
