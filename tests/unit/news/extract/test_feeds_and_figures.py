"""The watcher's side of the reader: which feed items are about this field, which reports tell one event, and
the numbers a report gives — measured on real feed items (eval/feeds.json)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from gasatlas.news.extract import Candidate
from gasatlas.news.extract.evaluate import FeedScores, evaluate_feeds, load_feed_items
from gasatlas.news.extract.figures import figures
from gasatlas.news.extract.merge import cluster, same_event
from gasatlas.news.extract.pipeline import Source, extract_events
from gasatlas.news.extract.relevance import relevance
from gasatlas.news.extract.rules import triggers_in

RELEVANCE_FLOOR = 0.9
APART_FLOOR = 0.95
"""Measured 0.98 (6171/6304) on the committed set of 164 items; the issue's target is 0.95."""
TOGETHER_FLOOR = 0.9
"""Measured 0.93 (128/137); the issue's target is 0.9."""
VOLUME_FLOOR = 0.9
"""Measured 0.90 (9/10); the issue's target is 0.9."""


@pytest.fixture(scope="module")
def scores(atlas) -> FeedScores:
    return evaluate_feeds(load_feed_items(), atlas)


def test_relevance_on_real_feed_items_reaches_the_target(scores: FeedScores) -> None:
    assert scores.relevance.precision >= RELEVANCE_FLOOR
    assert scores.relevance.recall >= RELEVANCE_FLOOR


def test_reports_of_one_event_are_put_together_and_others_kept_apart(scores: FeedScores) -> None:
    assert scores.rate("apart") >= APART_FLOOR
    assert scores.rate("together") >= TOGETHER_FLOOR


def test_volumes_are_found_where_a_report_gives_one(scores: FeedScores) -> None:
    assert scores.rate("volumes") >= VOLUME_FLOOR


def test_russian_gas_to_europe_is_another_regions_story() -> None:
    assert not relevance("Gazprom reduces gas flow to E.U. through Ukraine, full transit to stop on New Year’s Day",
                         "Russia’s state-owned energy company Gazprom announced it had begun reducing gas supplies"
                         " to Europe through Ukraine").relevant
    assert relevance("Газпром нарастил поставки газа в Киргизию").relevant


def test_a_gas_route_named_alone_makes_an_item_about_gas() -> None:
    assert relevance("Путин рассказал о договоренностях по проекту \"Сила Сибири — 2\"").relevant
    assert not relevance("Сила воли: сибирские марафонцы вернулись в Москву").relevant


def test_the_headline_event_takes_the_volume_its_lede_gives(atlas) -> None:
    candidates = extract_events("Москва и Пекин подписали меморандум о строительстве «Силы Сибири — 2»\n\n"
                                "По его словам, из России транзитом будет поступать 50 млрд куб. м газа ежегодно.",
                                dt.date(2025, 9, 2), atlas, source=Source("t", "https://example.org/a"),
                                lang="ru")
    first = min(candidates, key=lambda c: c.sentence_index)

    assert (first.volume_bcm, first.volume_period) == (50.0, "year")
    assert "for 50 bcm a year" in first.event["title_en"]


def test_relevance_reads_lemmas_not_substrings() -> None:
    assert relevance("Газпром нарастил поставки газа в Узбекистан").relevant
    assert not relevance("Газета «Казахстанская правда» вышла в Астане").relevant
    assert not relevance("Kazakhstan's oil output hits record", "oil and gas condensate production at Tengiz").relevant


@pytest.mark.parametrize(("text", "volume", "period", "years"), [
    ("двухлетний договор, объем поставок в сутки составляет 9 млн куб. м", 0.009, "day", 2),
    ("a two-year contract for the supply of 2.8 billion cubic meters of gas per year", 2.8, "year", 2),
    ("в объеме 7,7 млрд куб. м в год", 7.7, "year", None),
    ("Газпром поставил 300 млн кубометров газа", 0.3, "total", None),
    ("В 2025 году поставки составили 5,6 млрд кубометров", 5.6, "year", None),
    ("Gazprom delivered 5.6 bcm of gas to Uzbekistan last year", 5.6, "year", None),
    ("за январь – август 2025 года поставлено 4 млрд куб. м. В 2024 году поставки выросли", 4.0, "total", None),
])
def test_the_numbers_a_report_gives_are_kept(text: str, volume: float, period: str, years: int | None) -> None:
    found = figures(text)

    assert (found.volume_bcm, found.volume_period, found.contract_years) == (volume, period, years)


@pytest.mark.parametrize(("text", "per_year"), [
    ("в объеме 7,7 млрд куб. м в год", 7.7),
    ("объем поставок в сутки составляет 9 млн куб. м", 3.285),
    ("15 млрд кубометров газа по пятилетнему контракту", 3.0),
    ("Газпром поставил 300 млн кубометров газа", None),
])
def test_a_volume_is_normalised_to_bcm_a_year_only_where_the_text_allows(text: str, per_year: float | None) -> None:
    assert figures(text).bcm_per_year == per_year


def test_a_price_is_kept_in_dollars_per_thousand_cubic_metres() -> None:
    assert figures("по цене 160 долларов за тысячу кубометров").price_usd_per_mcm == 160


def test_an_agreement_titled_in_english_says_who_signed_what_with_which_numbers(
        only: Callable[..., Candidate]) -> None:
    candidate = only("Министерство энергетики Узбекистана и «Газпром» подписали двухлетний контракт на поставку "
                     "2,8 млрд кубометров газа в год.", dt.date(2023, 6, 16))

    assert (candidate.volume_bcm, candidate.volume_period, candidate.contract_years) == (2.8, "year", 2)
    assert (candidate.event["volume_bcm"], candidate.event["volume_period"], candidate.event["contract_years"]) == (
        2.8, "year", 2), "the numbers travel with the event to the review queue"
    assert candidate.event["title_en"].endswith("sign a two-year contract for 2.8 bcm a year")


def test_an_intention_to_talk_is_no_agreement() -> None:
    said = "По словам российского лидера, он договорился с Мирзиеевым и Токаевым обсудить важные перспективы."

    assert all(t.event_type != "agreement" for t in triggers_in(said))
    assert any(t.event_type == "agreement" for t in triggers_in("Стороны договорились о поставках газа."))


def test_reports_of_one_signing_cluster_and_another_day_does_not(extract: Callable[..., list[Candidate]]) -> None:
    one = extract("«Газпром» и CNPC подписали меморандум о строительстве газопровода «Сила Сибири — 2» в Пекине.",
                  dt.date(2025, 9, 2))[0]
    two = extract("В Пекине «Газпром» и CNPC подписали юридически обязывающий меморандум по «Силе Сибири — 2».",
                  dt.date(2025, 9, 3))[0]
    other = extract("Оренбургский газоперерабатывающий завод прекратил прием газа с месторождения Карачаганак.",
                    dt.date(2025, 10, 19))[0]

    assert same_event(one, two)
    assert not same_event(one, other)
    assert cluster([one, other, two]) == [[0, 2], [1]]


def test_a_strike_and_the_halt_it_causes_are_one_kind_of_event(extract: Callable[..., list[Candidate]]) -> None:
    strike = extract("Оренбургский газоперерабатывающий завод после атаки беспилотников прекратил прием газа с "
                     "месторождения Карачаганак.", dt.date(2025, 10, 19))[0]
    halt = extract("В результате была остановлена подача казахстанского газа с месторождения Карачаганак на "
                   "Оренбургский ГПЗ.", dt.date(2025, 10, 19))[0]

    assert same_event(strike, halt)


def test_a_signing_told_in_two_languages_is_one_event(extract: Callable[..., list[Candidate]]) -> None:
    russian = extract("Москва и Пекин подписали меморандум о строительстве газопровода «Сила Сибири — 2».",
                      dt.date(2025, 9, 2))[0]
    english = extract("Russia said it had signed a legally binding agreement with China to build a new cross-border"
                      " gas pipeline.", dt.date(2025, 9, 2))[0]

    assert same_event(russian, english)


def test_statements_of_one_forum_day_stay_apart_without_a_tie(extract: Callable[..., list[Candidate]]) -> None:
    miller = extract("Глава «Газпрома» Алексей Миллер заявил, что поставки газа в Центральную Азию выросли на 15%.",
                     dt.date(2025, 10, 9))[0]
    tokayev = extract("Президент Казахстана Касым-Жомарт Токаев заявил в Душанбе о новом энергетическом каркасе "
                      "Центральной Азии.", dt.date(2025, 10, 9))[0]

    assert not same_event(miller, tokayev)


def test_a_january_report_of_last_years_volume_is_proposed_as_a_figure_of_last_year(
        extract: Callable[..., list[Candidate]], atlas) -> None:
    from gasatlas.analysis.flows import figure_from_event

    for text in ("В 2025 году поставки российского газа в Узбекистан составили 5,6 млрд кубометров, сообщил глава "
                 "«Газпрома» Алексей Миллер.",
                 "«Газпром» в прошлом году поставил в Узбекистан 5,6 млрд кубометров газа, сообщил Алексей Миллер."):
        (said,) = extract(text, dt.date(2026, 1, 14))
        figure = figure_from_event(said.event | {"route_ids": ["corr-ru-uz-via-kz"]}, "corr-ru-uz-via-kz",
                                   atlas.flows, atlas.routes, dt.date(2026, 1, 14))

        assert (said.volume_bcm, said.volume_period) == (5.6, "year")
        assert figure is not None, text
        assert figure["period"] == "2025", text
