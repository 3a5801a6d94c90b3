"""Datelines give the report's day and where it was filed — they are read off and never place an event."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.news.extract.datelines import find_dateline, without_dateline

PUBLISHED = dt.date(2023, 10, 7)


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("МОСКВА, 7 октября — РИА Новости. Президент запустил поставки.", "МОСКВА", dt.date(2023, 10, 7)),
        ("МОСКВА, 6 окт - РИА Новости/Прайм. Глава «Газпрома» заявил.", "МОСКВА", dt.date(2023, 10, 6)),
        ("Москва. 30 сентября. INTERFAX.RU - Глава «Газпрома» заявил.", "Москва", dt.date(2023, 9, 30)),
        ("ТАШКЕНТ, 5 октября. /ТАСС/. Россия увеличила поставки.", "ТАШКЕНТ", dt.date(2023, 10, 5)),
        ("Ташкент, Узбекистан (UzDaily.uz) -- Об этом сообщил министр.", "Ташкент", None),
        ("TASHKENT, Azerbaijan, October 5. Russia is negotiating.", "TASHKENT", dt.date(2023, 10, 5)),
        ("MOSCOW, December 13. /TASS/. Miller met the minister.", "MOSCOW", dt.date(2022, 12, 13)),
        ("TASHKENT (UrduPoint News / Sputnik - 6th October, 2023) Uzbekistan expects gas.", "TASHKENT",
         dt.date(2023, 10, 6)),
        ("Россия договаривается о газе\n\nАстана, 6 октября — Kazinform. Министр сообщил.", "Астана",
         dt.date(2023, 10, 6)),
    ],
)
def test_a_dateline_is_read_with_its_day(text: str, place: str, day: dt.date | None) -> None:
    dateline = find_dateline(text, PUBLISHED)

    assert dateline is not None
    assert (dateline.place, dateline.day) == (place, day)
    blanked = without_dateline(text, dateline)
    assert len(blanked) == len(text), "offsets stay, the dateline goes"
    assert place not in blanked, "offsets stay, the dateline goes"


@pytest.mark.parametrize("text", [
    "Узбекистан приостановил экспорт природного газа.",
    "Президент России Владимир Путин заявил, что поставки начнутся.",
    "Россия, Казахстан и Узбекистан договорились о транзите.",
    "ASTANA signed nothing — a word in capitals is not enough.",
    "20 октября 2025 г, Национальный Лидер возглавил церемонию.",
])
def test_an_ordinary_opening_is_no_dateline(text: str) -> None:
    assert find_dateline(text, PUBLISHED) is None
