"""What the reader proposes from one report: the event where the report says it happened, once, with the
people who took part in it — not the pipelines, the agencies quoted or the background the report recalls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gasatlas.news.extract import Candidate

BEIJING_SIGNING = ("ПЕКИН, 2 сентября. /ТАСС/. Россия и Китай сегодня подписали меморандум о строительстве газопровода "
                   "«Сила Сибири-2», сообщил глава «Газпрома» Алексей Миллер.")


def test_an_event_the_report_dates_today_happened_in_its_dateline_town(
        only: Callable[..., Candidate]) -> None:
    signing = only(BEIJING_SIGNING, dt.date(2025, 9, 2))

    assert signing.event["place_name_en"] == "Beijing"
    assert not any(flag.startswith("dateline not used") for flag in signing.flags)


def test_a_dateline_without_today_is_still_no_place(only: Callable[..., Candidate]) -> None:
    signing = only("ПЕКИН, 2 сентября. /ТАСС/. Россия и Китай подписали меморандум о строительстве газопровода "
                   "«Сила Сибири-2».", dt.date(2025, 9, 2))

    assert signing.event["place_name_en"] != "Beijing"


def test_a_signing_and_who_reported_it_in_one_sentence_are_one_candidate(only: Callable[..., Candidate]) -> None:
    signing = only(BEIJING_SIGNING, dt.date(2025, 9, 2))

    assert signing.event["event_type"] == "agreement"
    assert "miller" in signing.event["participants"]


def test_a_figure_for_a_period_stays_the_statement_of_who_gave_it(
        extract: Callable[..., list[Candidate]]) -> None:
    said = extract("Поставки российского газа в Центральную Азию выросли на 20% в 2025 году, заявил глава "
                   "«Газпрома» Алексей Миллер.", dt.date(2025, 12, 25))

    assert any(c.event["event_type"] == "statement" and "miller" in c.event["participants"] for c in said)


def test_a_pipeline_is_a_route_never_a_new_organisation(extract: Callable[..., list[Candidate]]) -> None:
    candidates = extract("«Сила Сибири-2» и «Союз Восток» обеспечат поставки 50 млрд кубометров газа в год, "
                         "заявил Миллер.", dt.date(2025, 9, 2))

    assert candidates
    assert not [a.name_ru for c in candidates for a in c.new_actors]
    assert all("sila-sibiri-2" not in c.event["organisations"] for c in candidates)


def test_a_quoted_news_agency_is_no_participant(only: Callable[..., Candidate]) -> None:
    signing = only("«Газпром» и CNPC подписали соглашение о поставках газа, передает «Интерфакс» со ссылкой на ТАСС.",
                   dt.date(2025, 9, 2))

    assert set(signing.event["organisations"]) == {"gazprom", "cnpc"}
    assert not signing.new_actors


def test_background_from_earlier_years_is_marked_not_proposed_as_news(
        extract: Callable[..., list[Candidate]]) -> None:
    candidates = extract("МОСКВА, 16 октября. /ТАСС/. Вице-премьер Александр Новак провел встречу с министром "
                         "энергетики Узбекистана Журабеком Мирзамахмудовым. В июне 2023 года Узбекистан заключил с "
                         "«Газпромом» двухлетний договор о покупке газа.", dt.date(2025, 10, 16))
    news = [c for c in candidates if not c.background]
    recalled = [c for c in candidates if c.background]

    assert [c.event["event_type"] for c in news] == ["meeting"]
    assert [str(c.event["date"])[:7] for c in recalled] == ["2023-06"]
    assert any(flag.startswith("background") for flag in recalled[0].flags)
