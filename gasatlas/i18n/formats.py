"""Numbers and dates as each language writes them, from Babel's CLDR data — one formatter for the whole app.

Text for HTML, tables and captions is made here (``format_number``, ``format_date``,
``format_period``); so are the locale the charts format their axes with
(``vega_locale``) and the date formats of Streamlit's date widgets and columns,
which format in the browser. Russian: ``1,28``, ``1 234`` (a non-breaking space),
``5 октября 2023``, ``октябрь 2023``, ``4-й квартал 2023``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal, format_percent, get_decimal_symbol, get_group_symbol
from babel.units import format_unit

from gasatlas.model.vocab import DatePrecision, Lang

PATTERNS: dict[str, dict[Lang, str]] = {
    "day": {"en": "d MMM y", "ru": "d MMMM y"},
    "month": {"en": "MMM y", "ru": "LLLL y"},
    "month_of_part": {"en": "MMM y", "ru": "MMMM y"},
    "quarter": {"en": "QQQ y", "ru": "QQQQ y"},
}
"""CLDR date patterns: "5 Oct 2023" / "5 октября 2023", "Oct 2023" / "октябрь 2023" (a month on its own is
nominative in Russian, a month after a part of it genitive: "конец ноября 2022"), "Q4 2023" / "4-й квартал 2023"."""

QUALIFIERS: dict[str, dict[Lang, str]] = {
    DatePrecision.APPROXIMATE: {"en": "c. {date}", "ru": "около {date}"},
    DatePrecision.RANGE: {"en": "from {date}", "ru": "с {date}"},
}
"""How an approximate date and the first day of a range are written around the day."""

PERIOD_NAMES: dict[str, dict[Lang, tuple[str, ...]]] = {
    DatePrecision.PART_OF_MONTH: {"en": ("early", "mid", "late"), "ru": ("начало", "середина", "конец")},
    DatePrecision.SEASON: {"en": ("winter", "spring", "summer", "autumn"), "ru": ("зима", "весна", "лето", "осень")},
}
"""Names of the parts of a period CLDR has no name for, in order: thirds of a month, seasons from winter."""

WIDGET_DATE_FORMAT: dict[Lang, str] = {"en": "YYYY-MM-DD", "ru": "DD.MM.YYYY"}
"""How Streamlit's date widgets and date columns (formatted in the browser) write a day."""
WIDGET_DATETIME_FORMAT: dict[Lang, str] = {"en": "YYYY-MM-DD HH:mm", "ru": "DD.MM.YYYY HH:mm"}


@cache
def _group_symbol(lang: Lang) -> str:
    return str(get_group_symbol(lang))


def format_number(value: float, lang: Lang, decimals: int = 2) -> str:
    """A number as the source gives it, up to ``decimals`` decimals, grouped: ``1,234.5`` / ``1 234,5``.

    Whole numbers (row counts, a table's thousands of page labels) take a short way with the locale's own
    grouping symbol: the same text (a test compares them) at a twentieth of the time."""
    if type(value) is int:
        return f"{value:,}".replace(",", _group_symbol(lang))
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, pattern, locale=lang)


def format_years(value: float, lang: Lang) -> str:
    """A length of time in years with the language's plural: ``2 years`` / ``2 года``, ``5 лет``."""
    return format_unit(value, "duration-year", locale=lang, length="long", format="#,##0.#")


def format_price(usd: float, lang: Lang) -> str:
    """US dollars as the reader's language writes money: ``$350`` / ``350 $``."""
    return format_currency(usd, "USD", format="¤#,##0.##" if lang == "en" else "#,##0.## ¤", locale=lang,
                           currency_digits=False)


def format_change(value: float, lang: Lang, decimals: int = 2) -> str:
    """A difference with its sign always written: ``+7.33`` / ``+7,33``, ``-1,234.5`` / ``-1 234,5``."""
    digits = "." + "#" * decimals if decimals else ""
    return format_decimal(value, f"+#,##0{digits};-#,##0{digits}" if value else "0", locale=lang)


def format_percent_change(percent: float, lang: Lang) -> str:
    """A change in per cent (47.6 for +47.6 %), signed, one decimal: ``+47.6%`` / ``+47,6%``."""
    return format_percent(percent / 100, "+#,##0.#%;-#,##0.#%" if percent else "0%", locale=lang)


def format_fraction(value: float, lang: Lang) -> str:
    """A share between 0 and 1 with two decimals (a confidence): ``0.87`` / ``0,87``."""
    return format_decimal(value, "0.00", locale=lang)


def format_date(
    value: dt.date | None,
    precision: DatePrecision | str,
    lang: Lang,
    label: str | None = None,
) -> str:
    """A date as a reader should see it: no more precise than the source allows.

    ``label`` is the source's own wording ("late November 2022") and wins for
    month, year and approximate dates, where the stored day is only representative.
    """
    if value is None:
        return "—"
    precision = DatePrecision(precision)
    if label and precision != DatePrecision.DAY:
        return label
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.QUARTER:
        return babel_date(value, PATTERNS["quarter"][lang], locale=lang)
    if precision == DatePrecision.MONTH:
        return babel_date(value, PATTERNS["month"][lang], locale=lang)
    if precision == DatePrecision.PART_OF_MONTH:
        part = PERIOD_NAMES[precision][lang][min((value.day - 1) // 10, 2)]
        return f"{part} {babel_date(value, PATTERNS['month_of_part'][lang], locale=lang)}"
    if precision == DatePrecision.SEASON:
        return _season(value, lang)
    day = babel_date(value, PATTERNS["day"][lang], locale=lang)
    return QUALIFIERS[precision][lang].format(date=day) if precision in QUALIFIERS else day


def _season(value: dt.date, lang: Lang) -> str:
    """"winter 2022/23" (winter spans the turn of the year), "summer 2023"."""
    names = PERIOD_NAMES[DatePrecision.SEASON][lang]
    season = value.month % 12 // 3
    if season == 0:
        first = value.year - (value.month < 12)
        return f"{names[0]} {first}/{str(first + 1)[-2:]}"
    return f"{names[season]} {value.year}"


@cache
def month_names(lang: Lang, width: str = "wide", context: str = "stand-alone") -> tuple[str, ...]:
    """January to December in ``lang`` (``width`` wide or abbreviated; ``context`` format is the genitive in
    Russian, "5 октября"; stand-alone the nominative, "октябрь")."""
    months = Locale.parse(lang).months[context][width]
    return tuple(months[number] for number in range(1, 13))


@cache
def _day_names(lang: Lang, width: str) -> list[str]:
    days = Locale.parse(lang).days["stand-alone"][width]
    return [days[(number + 6) % 7] for number in range(7)]  # CLDR counts from Monday, d3 from Sunday


CLDR_TO_D3 = {"dd": "%d", "d": "%-d", "MM": "%m", "M": "%-m", "y": "%Y", "yy": "%y", "yyyy": "%Y", "HH": "%H",
              "H": "%-H", "hh": "%I", "h": "%-I", "mm": "%M", "ss": "%S", "a": "%p"}
"""The CLDR date-pattern fields of the short date and medium time patterns, as d3-time-format directives."""


def _d3_pattern(cldr: str) -> str:
    return re.sub(r"([A-Za-z])\1*", lambda field: CLDR_TO_D3.get(field.group(0), field.group(0)), cldr)


def vega_locale(lang: Lang) -> dict[str, Any]:
    """The number and time locale of a Vega-Lite chart (``config.locale``, d3-format and d3-time-format
    definitions) built from CLDR: axis months, tooltips and numbers in the reader's language."""
    locale = Locale.parse(lang)
    periods = locale.periods["format"]["abbreviated"] if "format" in locale.periods else {}
    return {
        "number": {"decimal": get_decimal_symbol(lang), "thousands": get_group_symbol(lang), "grouping": [3],
                   "currency": ["", ""]},
        "time": {"dateTime": "%x %X", "date": _d3_pattern(locale.date_formats["short"].pattern),
                 "time": _d3_pattern(locale.time_formats["medium"].pattern),
                 "periods": [periods.get("am", "AM"), periods.get("pm", "PM")],
                 "days": _day_names(lang, "wide"), "shortDays": _day_names(lang, "abbreviated"),
                 "months": list(month_names(lang)), "shortMonths": list(month_names(lang, "abbreviated"))},
    }
