"""Every date precision stands for a period; events are compared by their periods, and shown in words."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.i18n import label
from gasatlas.i18n.formats import format_date
from gasatlas.model.periods import interval_of, overlap
from gasatlas.model.vocab import LABELS, DatePrecision


@pytest.mark.parametrize(
    ("day", "precision", "first", "last"),
    [
        (dt.date(2023, 1, 18), "day", dt.date(2023, 1, 18), dt.date(2023, 1, 18)),
        (dt.date(2022, 11, 25), "part_of_month", dt.date(2022, 11, 21), dt.date(2022, 11, 30)),
        (dt.date(2022, 11, 5), "part_of_month", dt.date(2022, 11, 1), dt.date(2022, 11, 10)),
        (dt.date(2022, 11, 15), "month", dt.date(2022, 11, 1), dt.date(2022, 11, 30)),
        (dt.date(2023, 11, 15), "quarter", dt.date(2023, 10, 1), dt.date(2023, 12, 31)),
        (dt.date(2023, 1, 15), "season", dt.date(2022, 12, 1), dt.date(2023, 2, 28)),
        (dt.date(2023, 7, 15), "season", dt.date(2023, 6, 1), dt.date(2023, 8, 31)),
        (dt.date(2023, 7, 1), "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2025, 8, 31), "range", dt.date(2025, 8, 31), dt.date(2025, 10, 1)),
        (dt.date(2023, 1, 19), "approximate", dt.date(2023, 1, 12), dt.date(2023, 1, 26)),
    ],
)
def test_each_precision_stands_for_a_period(day: dt.date, precision: str, first: dt.date, last: dt.date) -> None:
    assert interval_of(day, precision) == (first, last)


def test_periods_overlap_where_their_representative_days_do_not_meet() -> None:
    assert overlap(interval_of(dt.date(2022, 11, 15), "month"), interval_of(dt.date(2022, 11, 28), "day"))
    assert not overlap(interval_of(dt.date(2022, 11, 5), "part_of_month"), interval_of(dt.date(2022, 11, 28), "day"))


def test_the_calendars_ends_never_overflow() -> None:
    assert interval_of(dt.date.max, "approximate")[1] == dt.date.max
    assert interval_of(dt.date.max, "range")[1] == dt.date.max


@pytest.mark.parametrize(
    ("day", "precision", "en", "ru"),
    [
        (dt.date(2022, 11, 25), "part_of_month", "late Nov 2022", "конец ноября 2022"),
        (dt.date(2023, 11, 15), "quarter", "Q4 2023", "4-й квартал 2023"),
        (dt.date(2023, 1, 15), "season", "winter 2022/23", "зима 2022/23"),
        (dt.date(2023, 12, 15), "season", "winter 2023/24", "зима 2023/24"),
        (dt.date(2023, 7, 15), "season", "summer 2023", "лето 2023"),
        (dt.date(2025, 8, 31), "range", "from 31 Aug 2025", "с 31 августа 2025"),
    ],
)
def test_a_date_without_its_own_label_is_shown_as_its_period(day: dt.date, precision: str, en: str, ru: str) -> None:
    assert (format_date(day, precision, "en"), format_date(day, precision, "ru")) == (en, ru)


def test_every_precision_has_labels_in_both_languages() -> None:
    assert set(DatePrecision) <= set(LABELS)
    assert all(label(precision, "ru") != precision for precision in DatePrecision)
