"""The period a stored date stands for, given its precision.

A month, quarter or approximate date is held as one representative day (the
15th of a month, the middle of a quarter); what it really says is a span of days.
Comparing two events — are they the same fact? — compares those spans, never the
representative days, so "November 2022" and "25 November 2022" overlap while the
15th and the 25th are ten days apart.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pandas as pd

from gasatlas.model.datewindow import shift
from gasatlas.model.vocab import DatePrecision

APPROXIMATE_DAYS = 7
"""An approximate date ("ранее", "last week", "c. 7 Dec") is trusted to within a week either way."""
RANGE_DAYS = 31
"""A stated range of days ("31 августа – 3 сентября") is held as its first day and spans at most a month."""
SEASON_START = {12: 12, 1: 12, 2: 12, 3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9}
"""Month → the first month of its season (winter is December to February)."""


NAMED_YEAR = re.compile(r"\b(?:(?:в|во|за|по\s+итогам|в\s+течение)\s+(?P<ru>(?:19|20)\d{2})\s*(?:году|года|год|г\.?)"
                        r"|(?:in|for|during|throughout)\s+(?P<en>(?:19|20)\d{2})\b(?!\s*[-–—/]))"
                        r"|(?P<last>\b(?:в|за)\s+(?:прошл|минувш|прошедш)\w*\s+год\w*|\b(?:прошл|минувш)\w+\s+года\b"
                        r"|\blast\s+year\b|\bthe\s+previous\s+year\b)", re.IGNORECASE)
"""A whole calendar year a sentence gives a figure for: "в 2025 году", "за 2025 год", "по итогам 2024 года",
"in 2024" — or the year before the report's: "в прошлом году", "last year". Never part of one ("за январь – август
2025 года", "с начала 2025 года", "this year" while it runs)."""


def named_years(text: str) -> list[tuple[int, int | None]]:
    """Where ``text`` names a whole year (``NAMED_YEAR``) and which: (offset, year), the year None for "the year
    before the report's"."""
    return [(m.start(), None if m.group("last") else int(m.group("ru") or m.group("en")))
            for m in NAMED_YEAR.finditer(text)]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def interval_of(day: dt.date, precision: DatePrecision | str) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision may mean (both included)."""
    precision = DatePrecision(precision)
    if precision == DatePrecision.DAY:
        return day, day
    if precision == DatePrecision.PART_OF_MONTH:
        third = min((day.day - 1) // 10, 2)
        last = _month_end(day.year, day.month) if third == 2 else day.replace(day=third * 10 + 10)
        return day.replace(day=third * 10 + 1), last
    if precision == DatePrecision.MONTH:
        return day.replace(day=1), _month_end(day.year, day.month)
    if precision in (DatePrecision.QUARTER, DatePrecision.SEASON):
        first_month = (day.month - 1) // 3 * 3 + 1 if precision == DatePrecision.QUARTER else SEASON_START[day.month]
        first_year = day.year - (precision == DatePrecision.SEASON and day.month < first_month)
        start = dt.date(first_year, first_month, 1)
        return start, _month_end(*_add_months(start, 2))
    if precision == DatePrecision.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == DatePrecision.RANGE:
        return day, shift(day, dt.timedelta(days=RANGE_DAYS))
    week = dt.timedelta(days=APPROXIMATE_DAYS)
    return shift(day, -week), shift(day, week)


def overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def period_columns(days: pd.Series, precisions: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The first and last day (timestamps) of each date's period, computed once per distinct date and
    precision: the columns a date range is matched against by overlap (``filters.filter_mask``)."""
    keys = list(zip(days.dt.date.tolist(), precisions.tolist(), strict=True))
    spans = {key: interval_of(*key) for key in dict.fromkeys(keys)}
    starts, ends = zip(*(spans[key] for key in keys), strict=True) if keys else ((), ())
    return (pd.Series(pd.to_datetime(list(starts)), index=days.index, dtype="datetime64[ns]"),
            pd.Series(pd.to_datetime(list(ends)), index=days.index, dtype="datetime64[ns]"))
