"""Where and when an event happened, as opposed to the places and dates that are only in what was said about it
or in the name of something it concerns (shapes of the real reports in eval/articles)."""

from __future__ import annotations

import datetime as dt

from gasatlas.news.extract.reported import paragraph_quotes

MILLER_AT_THE_FORUM = (
    'Меморандум "Газпрома" с Казахстаном касается газификации восточных регионов Казахстана и Астаны, заявил '
    'глава "Газпрома" Алексей Миллер в ходе пленарной сессии Петербургского международного газового форума.\n\n'
    '"Без сомнения, мы обсуждаем схемы поставки газа. Казахстан заинтересован в газификации северо-восточных '
    'регионов, в газификации Астаны. Меморандум как раз касается этих вопросов", - сказал он.')
"""Interfax, 9 October 2025: the Astana Miller speaks of is not where he spoke."""


def test_a_quotation_over_several_sentences_is_what_was_said_in_each_of_them() -> None:
    first = "\"Без сомнения, мы обсуждаем схемы поставки газа."
    second = "Казахстан заинтересован в газификации Астаны."
    third = "Меморандум касается этих вопросов\", - сказал он."
    sentences = [(0, len(first), first), (len(first) + 1, len(first) + 1 + len(second), second)]
    sentences.append((sentences[1][1] + 1, sentences[1][1] + 1 + len(third), third))

    spans = paragraph_quotes(sentences)

    assert len(spans) == 1
    start, stop = spans[0]
    assert start == 0
    assert sentences[1][1] < stop < sentences[2][1], "from the first sentence into the last"


def test_a_quotation_inside_one_sentence_is_left_to_that_sentence() -> None:
    text = "\"Переговоры идут давно и шли долго\", - сказал Путин."

    assert paragraph_quotes([(0, len(text), text)]) == []


def test_a_place_named_inside_a_long_quotation_does_not_place_the_statement(only) -> None:
    statement = only(MILLER_AT_THE_FORUM, dt.date(2025, 10, 9))

    assert statement.event["event_type"] == "statement"
    assert statement.event["participants"] == ["miller"]
    assert statement.event["geo_precision"] == "country"


def test_two_signings_of_one_company_in_one_year_with_different_partners_stay_two(extract) -> None:
    text = ("Earlier this year, Kazakhstan's QazaqGaz national company and Russia's Gazprom signed an agreement on "
            "the transportation of Russian natural gas to Uzbekistan.\n\n"
            "On January 24, 2023, Uzbekistan's Ministry of Energy and Gazprom signed a road map on the cooperation "
            "in the gas industry.")  # Trend, 5 September 2023

    signings = extract(text, dt.date(2023, 9, 5), lang="en")

    assert [(c.event["event_type"], c.event["date_precision"], str(c.event["date"])) for c in signings] == [
        ("agreement", "year", "2023-07-01"), ("agreement", "day", "2023-01-24")]


def test_a_date_in_a_participle_dates_the_agreement_it_describes_not_the_meeting(extract) -> None:
    text = ('Глава "Газпрома" Алексей Миллер обсудил с первым заместителем премьер-министра Казахстана Романом '
            'Скляром развитие взаимодействия в рамках подписанного в ноябре соглашения о стратегическом '
            'сотрудничестве.')  # Interfax, 30 November 2023

    dated = {c.event["event_type"]: (str(c.event["date"]), c.event["date_precision"])
             for c in extract(text, dt.date(2023, 11, 30))}

    assert dated == {"agreement": ("2023-11-15", "month"), "meeting": ("2023-11-30", "day")}


UZTRANSGAZ_HALT = (
    "Узбекистан полностью прекратил экспорт природного газа из-за роста внутреннего потребления в наступившие "
    "холода. Об этом заявил председатель правления АО «Узтрансгаз» Бехзот Нарматов.\n\n"
    "«В связи с тем, что сейчас наша основная задача заключается в удовлетворении потребностей населения, весь "
    "экспорт газа, в том числе в Китай, приостановлен на 100%, и этот объем направлен населению», – отметил он.\n\n"
    "По словам Нарматова, в этом году объемы экспорта газа из Узбекистана снизились в три раза по сравнению "
    "с 2021 годом.")
"""Islam Today, 8 December 2022."""


def test_a_change_over_the_year_is_not_the_day_s_halt_told_again(extract) -> None:
    changes = [c for c in extract(UZTRANSGAZ_HALT, dt.date(2022, 12, 8)) if c.event["event_type"] == "supply_change"]

    assert [(str(c.event["date"]), c.event["date_precision"]) for c in changes] == [
        ("2022-12-08", "day"), ("2022-07-01", "year")]


def test_the_news_retold_in_a_quote_is_no_event_of_its_own(extract) -> None:
    candidates = extract(UZTRANSGAZ_HALT, dt.date(2022, 12, 8))

    assert not any(c.event["event_type"] == "supply_change" and c.event["date_precision"] == "approximate"
                   for c in candidates)


TAPI_HERAT = (
    "20 октября 2025 г, Национальный Лидер туркменского народа Гурбангулы Бердымухамедов возглавил церемонию "
    "запуска строительства нового этапа газопровода Туркменистан–Афганистан–Пакистан–Индия» (ТАПИ) в провинции "
    "Герат, Афганистан, сообщает государственное информагентство TDH.\n\n"
    "Выступая на церемонии, Бердымухамедов подчеркнул, что транснациональный проект ТАПИ «как очередной шаг на "
    "пути реализации энергетической стратегии Туркменистана придаст новый импульс развитию всего региона».")
"""nca.tm, 20 October 2025."""


def test_a_town_named_as_its_province_places_the_event_in_the_province(extract) -> None:
    ceremony = next(c for c in extract(TAPI_HERAT, dt.date(2025, 10, 20)) if c.event["event_type"] == "construction")

    assert ceremony.event["geo_precision"] == "approximate"
    assert ceremony.event["place_name_en"] == "Herāt province"


def test_words_said_at_the_ceremony_were_said_where_the_ceremony_was(extract) -> None:
    speech = next(c for c in extract(TAPI_HERAT, dt.date(2025, 10, 20)) if c.event["event_type"] == "statement")

    assert speech.event["place_name_en"] == "Herāt province"


def test_a_place_in_what_a_statement_speaks_of_is_not_where_it_was_made(extract) -> None:
    text = ("Власти Казахстана назвали стратегическим приоритетом строительство собственного газоперерабатывающего "
            "завода на месторождении Карачаганак после приостановки приема газа Оренбургским ГПЗ из-за атаки БПЛА.")
    # TASS, 20 October 2025

    statement = next(c for c in extract(text, dt.date(2025, 10, 20)) if c.event["event_type"] == "statement")

    assert statement.event["geo_precision"] == "country"


def test_earlier_dates_a_forecast_and_the_year_of_its_object_is_what_it_was_about(extract) -> None:
    text = ("Ранее Минэнерго Узбекистана прогнозировало объем экспорта газа в 2022 году на уровне 3,3 миллиарда "
            "кубометров.")  # Islam Today, 8 December 2022

    forecast = next(c for c in extract(text, dt.date(2022, 12, 8)) if c.event["event_type"] == "statement")

    assert (str(forecast.event["date"]), forecast.event["date_precision"]) == ("2022-12-07", "approximate")


def test_technical_works_reported_completed_are_a_construction_milestone_before_the_report(extract) -> None:
    text = ("Президент России Владимир Путин заявил, что уже в текущем месяце начнутся поставки российского газа в "
            "Казахстан и Узбекистан объемом 3 миллиарда кубических метров.\n\n"
            "Президент РФ подтвердил, что технические мероприятия для начала поставок российского газа в Казахстан "
            "и Узбекистан уже завершены.")  # Kun.uz, 6 October 2023

    works = [c for c in extract(text, dt.date(2023, 10, 6)) if c.event["event_type"] == "construction"]

    assert [(str(c.event["date"]), c.event["date_precision"]) for c in works] == [("2023-10-05", "approximate")]
