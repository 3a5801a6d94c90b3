"""Dates in news text are read against the publication date, never more precisely than written."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.model.vocab import DatePrecision
from gasatlas.news.extract.dates import DateMention, find_dates, inherited, sentence_date

PUBLISHED = dt.date(2023, 1, 20)  # a Friday
DAY, MONTH, YEAR, APPROXIMATE = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.APPROXIMATE
PART, QUARTER, SEASON, RANGE = (DatePrecision.PART_OF_MONTH, DatePrecision.QUARTER, DatePrecision.SEASON,
                                 DatePrecision.RANGE)


def date_of(text: str, lang: str, published: dt.date = PUBLISHED) -> DateMention | None:
    return sentence_date(find_dates(text, published, lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected", "precision", "label_en", "label_ru"),
    [
        # Russian
        ("Делегация 18 января посетила Санкт-Петербург.", "ru", dt.date(2023, 1, 18), DAY, None, None),
        ("Соглашение подписано 18 января 2023 года.", "ru", dt.date(2023, 1, 18), DAY, None, None),
        ("Документ датирован 18.01.2023.", "ru", dt.date(2023, 1, 18), DAY, None, None),
        ("В конце ноября 2022 года стало известно об инициативе.", "ru", dt.date(2022, 11, 25), PART,
         "late Nov 2022", "конец ноября 2022"),
        ("В начале ноября 2022 года прошли переговоры.", "ru", dt.date(2022, 11, 5), PART,
         "early Nov 2022", "начало ноября 2022"),
        ("В середине ноября 2022 года прошли переговоры.", "ru", dt.date(2022, 11, 15), PART,
         "mid Nov 2022", "середина ноября 2022"),
        ("В ноябре 2022 года прошли переговоры.", "ru", dt.date(2022, 11, 15), MONTH, "Nov 2022", "ноябрь 2022"),
        ("В конце декабря министр сообщил о переговорах.", "ru", dt.date(2022, 12, 25), PART,
         "late Dec 2022", "конец декабря 2022"),
        ("На предыдущей неделе, 10 января, Скляр встретился с Новаком.", "ru", dt.date(2023, 1, 10), DAY, None, None),
        ("Ранее Spot писал об этом.", "ru", dt.date(2023, 1, 19), APPROXIMATE,
         "before 20 Jan 2023", "до 20 января 2023"),
        ("Вчера стороны встретились.", "ru", dt.date(2023, 1, 19), DAY, None, None),
        ("Во вторник стороны встретились.", "ru", dt.date(2023, 1, 17), DAY, None, None),
        ("На прошлой неделе стороны встретились.", "ru", dt.date(2023, 1, 13), APPROXIMATE,
         "the week before 20 Jan 2023", "за неделю до 20 января 2023"),
        ("В 2021 году начались поставки.", "ru", dt.date(2021, 7, 1), YEAR, "2021", "2021 год"),
        ("В конце 2021 года начались поставки.", "ru", dt.date(2021, 11, 15), YEAR, "late 2021", "конец 2021 года"),
        # English
        ("Sklyar met Miller on 18 January.", "en", dt.date(2023, 1, 18), DAY, None, None),
        ("Sklyar met Miller on January 18.", "en", dt.date(2023, 1, 18), DAY, None, None),
        ("Sklyar met Miller on 18 Jan 2023.", "en", dt.date(2023, 1, 18), DAY, None, None),
        ("The roadmap was signed on January 18th, 2023.", "en", dt.date(2023, 1, 18), DAY, None, None),
        ("Russia proposed a gas union in late November 2022.", "en", dt.date(2022, 11, 25), PART,
         "late Nov 2022", "конец ноября 2022"),
        ("Talks took place at the end of November 2022.", "en", dt.date(2022, 11, 25), PART,
         "late Nov 2022", "конец ноября 2022"),
        ("Talks took place in mid-November.", "en", dt.date(2022, 11, 15), PART, "mid Nov 2022",
         "середина ноября 2022"),
        ("Supplies resumed in December.", "en", dt.date(2022, 12, 15), MONTH, "Dec 2022", "декабрь 2022"),
        ("Supplies halted last week.", "en", dt.date(2023, 1, 13), APPROXIMATE,
         "the week before 20 Jan 2023", "за неделю до 20 января 2023"),
        ("The ministry said on Tuesday that talks continue.", "en", dt.date(2023, 1, 17), DAY, None, None),
        ("Earlier, the minister visited Tashkent.", "en", dt.date(2023, 1, 19), APPROXIMATE,
         "before 20 Jan 2023", "до 20 января 2023"),
        ("Exports fell yesterday.", "en", dt.date(2023, 1, 19), DAY, None, None),
        ("The plant was built in 2019.", "en", dt.date(2019, 7, 1), YEAR, "2019", "2019 год"),
        ("The deal was signed on 2023-01-18.", "en", dt.date(2023, 1, 18), DAY, None, None),
        # quarters, seasons, ranges and "this year"
        ("Экспорт вырос в четвёртом квартале 2022 года.", "ru", dt.date(2022, 11, 15), QUARTER, "Q4 2022",
         "IV квартал 2022"),
        ("Exports rose in the third quarter of 2022.", "en", dt.date(2022, 8, 15), QUARTER, "Q3 2022",
         "III квартал 2022"),
        ("Летом 2022 года поставки выросли.", "ru", dt.date(2022, 7, 15), SEASON, "summer 2022", "лето 2022"),
        ("Зимой поставки выросли.", "ru", dt.date(2023, 1, 15), SEASON, "winter 2022/23", "зима 2022/23"),
        ("Делегация 12-14 января работала в Ташкенте.", "ru", dt.date(2023, 1, 12), RANGE, "12–14 Jan 2023",
         "12–14 января 2023"),
        ("Президент 31 декабря-3 января работал в Китае.", "ru", dt.date(2022, 12, 31), RANGE,
         "31 Dec – 3 Jan 2023", "31 декабря – 3 января 2023"),
        ("За январь - август 2022 года поставки выросли на 15%.", "ru", dt.date(2022, 8, 15), MONTH,
         "Jan–Aug 2022", "январь–август 2022"),
        ("Earlier this year the sides signed a memorandum.", "en", dt.date(2023, 1, 20), YEAR, "2023", "2023 год"),
    ],
)
def test_a_date_expression_resolves_with_its_precision_and_labels(
    text: str, lang: str, expected: dt.date, precision: DatePrecision, label_en: str | None, label_ru: str | None
) -> None:
    mention = date_of(text, lang)

    assert mention is not None
    assert (mention.date, mention.precision) == (expected, precision)
    assert (mention.label_en, mention.label_ru) == (label_en, label_ru)
    assert text[mention.start:mention.stop], "the mention points into the sentence"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("25 января стороны подписали соглашение.", "ru", dt.date(2022, 1, 25)),
        ("In December the talks stalled.", "en", dt.date(2022, 12, 15)),
    ],
)
def test_a_date_without_a_year_never_lands_after_publication_and_says_so(
    text: str, lang: str, expected: dt.date
) -> None:
    mention = date_of(text, lang)

    assert mention.date == expected
    assert mention.note == f"year not stated: {expected.year} assumed ({expected.year + 1} would be after publication)"


def test_a_date_without_a_year_in_the_publication_year_needs_no_note() -> None:
    assert date_of("18 января стороны встретились.", "ru").note is None


def test_the_weekday_rule_says_which_day_it_chose() -> None:
    mention = date_of("Talks were held on Wednesday.", "en")

    assert mention.date == dt.date(2023, 1, 18), "the Wednesday before the Friday of publication"
    assert "last Wednesday up to publication: 18 Jan 2023" in mention.note


def test_the_publication_weekday_is_the_publication_day() -> None:
    """Agency news names the day it is written on: "сообщило в пятницу" in a Friday's report is that Friday."""
    assert date_of("Министерство сообщило в пятницу об этом.", "ru").date == PUBLISHED


def test_the_most_precise_date_of_a_sentence_wins() -> None:
    mentions = find_dates("На предыдущей неделе, 10 января, стороны встретились.", PUBLISHED, "ru")

    assert [m.precision for m in mentions] == [APPROXIMATE, DAY]
    assert sentence_date(mentions).date == dt.date(2023, 1, 10)


@pytest.mark.parametrize(
    "text",
    ["Строительство завершится в 2025 году.", "Поставки начнутся в марте 2024 года.", "Work ends in 2030."],
)
def test_plans_and_forecasts_after_publication_are_not_event_dates(text: str) -> None:
    lang = "en" if text.isascii() else "ru"
    mention = date_of(text, lang)
    assert mention.outside, "the sentence is dated by its plan, so it is neither an event nor undated"
    assert "after publication" in mention.note


def test_a_date_without_a_year_in_a_clause_about_the_future_is_a_plan() -> None:
    text = "Поставки начнутся в марте."

    assert find_dates(text, PUBLISHED, "ru", frozenset({text.index("марте")})) == []
    assert find_dates(text, PUBLISHED, "ru")[0].date == dt.date(2022, 3, 15), "read as past without the clue"


@pytest.mark.usefixtures("extract")
def test_future_clauses_come_from_the_syntax_tree_in_russian_and_from_will_in_english(only) -> None:
    said = only("Мирзамахмудов 18 января отметил, что поставки российского газа в Узбекистан начнутся в марте.")
    assert said.event["date"] == dt.date(2023, 1, 18)
    for plan in ("Мирзамахмудов отметил, что поставки российского газа в Узбекистан начнутся в марте.",
                 "Novak said supplies to Uzbekistan will start in March."):
        statement = only(plan)
        assert (statement.event["event_type"], statement.event["date"]) == ("statement", dt.date(2023, 1, 20)), \
            "the announcement is the event, on the day of the report; March is what was announced"
    reported = only("7 декабря министр энергетики Узбекистана заявил, что газ будут покупать по контрактам.")
    assert reported.event["date"] == dt.date(2022, 12, 7), "the past verb governs the date, not the future one"


@pytest.mark.parametrize(
    "text", ["Gas may flow again.", "Стороны встретились.", "Production rose 5%.", "Добыча выросла на 10 млрд м³."]
)
def test_a_sentence_without_a_date_has_none(text: str) -> None:
    lang = "en" if text.isascii() else "ru"
    assert date_of(text, lang) is None


def test_a_relative_month_and_year() -> None:
    assert date_of("В прошлом месяце поставки выросли.", "ru").date == dt.date(2022, 12, 15)
    assert date_of("В мае прошлого года стороны встретились.", "ru").date == dt.date(2022, 5, 15)
    assert date_of("Exports doubled last year.", "en").precision == YEAR


def test_a_fact_without_its_own_date_takes_the_one_before_it_approximately() -> None:
    day = date_of("7 декабря министр заявил об этом.", "ru")
    month = date_of("В ноябре 2022 года стало известно об инициативе.", "ru")

    from_day = inherited(day)
    assert (from_day.date, from_day.precision) == (dt.date(2022, 12, 7), APPROXIMATE)
    assert (from_day.label_en, from_day.label_ru) == ("c. 7 Dec 2022", "около 7 декабря 2022")
    assert inherited(month).precision == MONTH, "a month stays a month"
    assert "taken from the preceding passage" in inherited(month).note
