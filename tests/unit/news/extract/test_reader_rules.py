"""The reader's rules for when and where, each on the shape of a real report it was written for (the excerpts are
from eval/articles): a sentence shape → the date or place it gives."""

from __future__ import annotations

import datetime as dt

from gasatlas.model.periods import named_years
from gasatlas.news.extract.dates import find_dates, within
from gasatlas.news.extract.rules import starts_new_fact

SOLNTSEV = ("19 октября глава Оренбургской области Евгений Солнцев в своем Telegram-канале сообщил, что БПЛА "
            "атаковали промышленное предприятие, в результате чего пострадала инфраструктура газозавода.")
"""TASS, 20 October 2025."""
PUTIN_IN_CHINA = (
    'ПЕКИН, 3 сен - РИА Новости. Работа над проектом "Сила Сибири 2" проводилась давно, переговоры шли не один '
    'год, заявил журналистам президент России Владимир Путин.\n\n'
    '"Это работа, которая действительно проводилась давно, и мы с партнёрами нашими обсуждали это давно. '
    'Существовало несколько маршрутов, они имеют плюсы, минусы, и переговоры шли долго, не один год.", - сказал '
    'Путин,\n\n'
    "Президент РФ 31 августа-3 сентября работает в Китае. Глава государства принял участие в саммите ШОС и провел "
    "на его площадке ряд двусторонних встреч. Затем в Пекине прошли трехсторонние переговоры России, Китая и "
    "Монголии, также Путин и председатель КНР Си Цзиньпин провели двусторонние переговоры.")
"""RIA Novosti, 3 September 2025."""

GAS_UNION = (
    "On November 28, Kazakh President Kassym-Jomart Tokayev and his Russian counterpart Vladimir Putin discussed the "
    "creation of a ‘trilateral gas union’ with Uzbekistan during a meeting in the Kremlin. Press Secretary of the "
    "President of the Russian Federation Dmitry Peskov explained that at the first stage it implies creating a "
    "coordination mechanism at the initiative of President Putin. Later it became known that it implies cooperation "
    "in processing and supplying gas, including to new export destinations.\n\n"
    "Mirzamakhmudov said earlier that Uzbekistan was negotiating supplies of gas and electricity from neighboring "
    "countries, \"instead of any alliance or union.\" Later Peskov denied information that Uzbekistan allegedly "
    "abandoned Russia’s idea on the creation of ‘a trilateral gas union’.")
"""TASS, 13 December 2022."""


def test_in_the_lobbies_of_akorda_is_a_venue_not_the_presidency(only) -> None:
    text = ("Министр энергетики Ерлан Аккенженов 21 октября 2025 года в кулуарах Акорды рассказал, как атаки "
            "беспилотников на Оренбургский газоперерабатывающий завод (ОГПЗ) отразились на объемах добычи нефти, "
            "передает корреспондент Zakon.kz.")  # Zakon.kz, 21 October 2025

    statement = only(text, dt.date(2025, 10, 21))

    assert (statement.event["place_name_en"], statement.event["geo_precision"]) == ("Akorda, Astana", "exact")
    assert statement.event["countries"][0] == "KAZ"


def test_a_named_persons_telling_of_an_earlier_day_is_a_statement_beside_the_happening_told(extract) -> None:
    found = extract(SOLNTSEV, dt.date(2025, 10, 20))

    assert sorted((c.event["event_type"], str(c.event["date"]), c.event["date_precision"]) for c in found) == [
        ("disruption", "2025-10-19", "day"), ("statement", "2025-10-19", "day")]
    attack = next(c for c in found if c.event["event_type"] == "disruption")
    assert attack.event["countries"] == ["RUS"], "the happening names no country: the teller's sentence does"


def test_a_facility_named_only_by_its_kind_is_the_one_the_article_named_before(extract) -> None:
    text = ("Власти Казахстана назвали стратегическим приоритетом строительство собственного газоперерабатывающего "
            "завода на месторождении Карачаганак после приостановки приема газа Оренбургским ГПЗ из-за атаки "
            f"БПЛА.\n\n{SOLNTSEV}")  # TASS, 20 October 2025

    attack = next(c for c in extract(text, dt.date(2025, 10, 20)) if c.event["event_type"] == "disruption")

    assert attack.event["facility_ids"] == ["orenburg-gpp"]
    assert attack.event["place_name_en"] == "Orenburg gas processing plant"


def test_a_bodys_word_that_supply_held_is_a_statement_of_its_own(extract) -> None:
    text = ("Газоперерабатывающий завод в Оренбургской области после атаки БПЛА временно прекратил прием сырого газа "
            "с месторождения Карачаганак, на газоснабжении Казахстана это не сказалось, сообщило в воскресенье "
            "Минэнерго республики.")  # Interfax, 19 October 2025

    found = extract(text, dt.date(2025, 10, 19))

    assert sorted(c.event["event_type"] for c in found) == ["disruption", "statement"]
    statement = next(c for c in found if c.event["event_type"] == "statement")
    assert (str(statement.event["date"]), statement.event["date_precision"]) == ("2025-10-19", "day")
    assert statement.event["countries"] == ["KAZ"]


def test_the_source_of_a_happening_that_adds_nothing_is_not_a_statement(only) -> None:
    text = ("Оренбургский газоперерабатывающий завод (ОГПЗ) после инцидента с БПЛА возобновил прием газа с "
            "месторождения Карачаганак, сообщил министр энергетики Казахстана Ерлан Аккенженов.")  # Interfax, 22.10.25

    assert only(text, dt.date(2025, 10, 22)).event["event_type"] == "supply_change"


def test_an_undated_signing_of_a_document_the_article_dates_is_that_signing(extract) -> None:
    text = ('Меморандум "Газпрома" с Казахстаном касается газификации восточных регионов Казахстана и Астаны, '
            'заявил глава "Газпрома" Алексей Миллер.\n\n'
            '"Меморандум, который мы подписали с (первым заместителем премьер-министра Казахстана - ИФ) Романом '
            'Скляром, как раз касается этих вопросов", - сказал он.\n\n'
            'В среду "Газпром" и Казахстан подписали меморандум о реализации проекта строительства нового '
            'магистрального газопровода из России в Казахстан. Также подписано соглашение об основных условиях '
            'долгосрочной переработки казахстанского газа в России.')  # Interfax, 9 October 2025

    signings = [c for c in extract(text, dt.date(2025, 10, 9)) if c.event["event_type"] == "agreement"]

    assert [(c.event["event_type"], str(c.event["date"]), c.event["date_precision"]) for c in signings] == [
        ("agreement", "2025-10-08", "day"), ("agreement", "2025-10-08", "day")], \
        "the memorandum once, dated by «В среду»; «Также подписано…» a second document on the same occasion"
    assert "sklyar" in signings[0].event["participants"]


def test_what_a_window_of_days_goes_on_to_tell_is_dated_to_its_middle_day(extract) -> None:
    meetings = [c for c in extract(PUTIN_IN_CHINA, dt.date(2025, 9, 3)) if c.event["event_type"] == "meeting"]

    assert [(str(c.event["date"]), c.event["date_precision"]) for c in meetings] == [
        ("2025-09-02", "approximate"), ("2025-09-02", "approximate")]
    assert meetings[1].event["place_name_en"] == "Beijing", "«Затем в Пекине…» is a happening of its own"
    assert set(meetings[1].event["participants"]) == {"putin", "xi-jinping"}


def test_the_words_of_a_visitor_on_a_day_of_the_stay_are_said_in_the_country_visited(extract) -> None:
    statement = next(c for c in extract(PUTIN_IN_CHINA, dt.date(2025, 9, 3))
                     if c.event["event_type"] == "statement")

    assert (statement.event["countries"][0], statement.event["geo_precision"]) == ("CHN", "country")
    assert statement.event["place_name_en"].startswith("China"), "the dateline «ПЕКИН» is not the place"


def test_a_window_of_days_is_held_at_its_middle_day_when_it_dates_what_happened_within_it() -> None:
    (window,) = find_dates("Президент РФ 31 августа-3 сентября работает в Китае.", dt.date(2025, 9, 3), "ru")

    inside = within(window)

    assert (window.precision, window.until) == ("range", dt.date(2025, 9, 3))
    assert (inside.date, inside.precision) == (dt.date(2025, 9, 2), "approximate")


def test_then_and_later_begin_a_fact_of_their_own() -> None:
    assert starts_new_fact("Затем в Пекине прошли трехсторонние переговоры России, Китая и Монголии.")
    assert starts_new_fact("Then the two leaders held talks.")
    assert not starts_new_fact("Глава государства принял участие в саммите ШОС.")


def test_a_whole_year_a_sentence_names_is_found_and_the_year_before_is_told_apart() -> None:
    assert named_years("В 2025 году поставки составили 5,6 млрд кубометров") == [(0, 2025)]
    assert named_years("по итогам 2024 года поставки выросли") == [(0, 2024)]
    assert named_years("Gazprom delivered 5.64 bcm in 2024") == [(27, 2024)]
    assert named_years("в прошлом году поставки выросли") == [(0, None)]
    assert named_years("last year supplies rose") == [(0, None)]
    assert named_years("за январь – август 2025 года поставки выросли") == [], "part of a year is not a year"
    assert named_years("с начала 2025 года поставлено 4 млрд кубометров") == []


def test_a_comment_on_an_earlier_meeting_by_someone_not_at_it_was_made_some_time_before_the_report(extract) -> None:
    found = extract(GAS_UNION, dt.date(2022, 12, 13), lang="en")

    meeting = next(c for c in found if c.event["event_type"] == "meeting")
    comment = next(c for c in found if c.event["event_type"] == "statement" and "peskov" in c.event["participants"])
    assert "peskov" not in meeting.event["participants"]
    assert (str(comment.event["date"]), comment.event["date_precision"]) == ("2022-12-12", "approximate")


def test_what_follows_on_later_is_never_merged_into_what_came_before(extract) -> None:
    found = extract(GAS_UNION, dt.date(2022, 12, 13), lang="en")

    peskov = [c for c in found if c.event["event_type"] == "statement" and "peskov" in c.event["participants"]]
    assert len(peskov) == 2, "he explained, and «Later Peskov denied…»: two statements"


def test_words_said_at_a_summit_tell_that_the_summit_met_where_the_sentence_places_it(extract) -> None:
    text = ("В Центральной Азии формируется новая архитектура энергетической безопасности благодаря трехстороннему "
            "сотрудничеству Москвы, Астаны и Ташкента, заявил президент Казахстана Касым-Жомарт Токаев на саммите "
            "«Россия — Центральная Азия» в Душанбе.")  # NEWSru, 9 October 2025

    statement, summit = extract(text, dt.date(2025, 10, 9))

    assert (statement.event["event_type"], summit.event["event_type"]) == ("statement", "meeting")
    assert summit.event["participants"] == ["tokayev"]
    assert (str(summit.event["date"]), summit.event["place_name_en"]) == ("2025-10-09", "Dushanbe")


def test_words_said_at_a_forum_are_a_statement_only(extract) -> None:
    text = ("Россия будет наращивать поставки газа в Узбекистан через территорию Казахстана, заявил президент РФ "
            "Владимир Путин на пленарном заседании XX форума межрегионального сотрудничества России и "
            "Казахстана.")  # Vedomosti, 27 November 2024

    assert [c.event["event_type"] for c in extract(text, dt.date(2024, 11, 27))] == ["statement"]
