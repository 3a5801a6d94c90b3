"""Where reports of one event disagree: what the review queue marks for the moderator to settle — a date told
differently, a volume beyond rounding, another place — and what it must not mark: a day's lag, rounding, a report
that only says less."""

from __future__ import annotations

import pytest

from gasatlas.news.extract.merge import disagreements

TASS = {"date": "2025-12-26", "date_precision": "day", "volume_bcm": 2.8, "volume_period": "year",
        "place_name_en": "Tashkent", "place_name_ru": "Ташкент", "place_country": "UZB", "geo_precision": "town",
        "event_type": "agreement"}
"""One outlet's reading of a signing (the shape ``store.feeds.reading`` keeps)."""


def told(**changes) -> dict:
    return TASS | changes


def test_reports_that_say_the_same_disagree_on_nothing() -> None:
    assert disagreements([TASS, told(), told()]) == []


@pytest.mark.parametrize(("other", "fields"), [
    (told(date="2025-12-20"), ["date"]),
    (told(date="2025-12-01", date_precision="month"), ["date"]),
    (told(volume_bcm=3.8), ["volume"]),
    (told(volume_bcm=2.8, volume_period="total"), ["volume"]),
    (told(place_name_en="Moscow", place_name_ru="Москва", place_country="RUS"), ["place"]),
    (told(place_name_en="Samarkand", place_name_ru="Самарканд"), ["place"]),
    (told(date="2025-12-22", volume_bcm=5.6, place_country="KAZ", place_name_en="Astana"), ["date", "volume", "place"]),
])
def test_a_report_telling_it_otherwise_is_a_disagreement_on_that_field(other: dict, fields: list[str]) -> None:
    assert disagreements([TASS, told(), other]) == fields


@pytest.mark.parametrize("other", [
    told(date="2025-12-27"),  # dated by the day of the report
    told(volume_bcm=2.75),  # "2.75" and "2.8": rounding
    told(volume_bcm=round(2.8 / 365, 6), volume_period="day"),  # the same volume a day
    told(volume_bcm=None, volume_period=None),  # no number given
    told(place_name_en="Uzbekistan", place_name_ru="Узбекистан", geo_precision="country"),  # only the country
    told(place_name_en="tashkent"),
])
def test_a_day_rounding_another_period_or_a_report_saying_less_is_no_disagreement(other: dict) -> None:
    assert disagreements([TASS, other]) == []


def test_one_report_cannot_disagree() -> None:
    assert disagreements([TASS]) == disagreements([]) == []
