"""No sentence crashes the reader: real ledes, real sentence shapes recombined, and a failure in one
sentence costs that sentence, never the article."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.news.extract import Candidate
from gasatlas.news.extract.reading import SentenceReader
from gasatlas.news.extract.russian import acyclic

KREMLIN_LEDE = ("В опубликованном на сайте Кремля сообщении о документах, подписанных в рамках официального визита "
                "президента России Владимира Путина в Китай, не оказалось меморандума о строительстве "
                "«Силы Сибири — 2», "
                "о котором ранее сообщил глава «Газпрома» Алексей Миллер.")
"""Lenta.ru, 2 September 2025 (https://lenta.ru/news/2025/09/02/silence/): natasha's parse of it holds a loop."""

OPENINGS = ("", "2 сентября ", "Во вторник ", "Как сообщалось, ", "По данным ТАСС, ", "Ранее, в 2019 году, ",
            "В опубликованном на сайте Кремля сообщении о документах, подписанных в рамках официального визита "
            "президента России Владимира Путина в Китай, ", "ПЕКИН, 3 сен - РИА Новости. ")
SUBJECTS = ("«Газпром» и CNPC", "глава «Газпрома» Алексей Миллер", "президент Казахстана Касым-Жомарт Токаев",
            "Узбекистан", "министр энергетики Узбекистана Журабек Мирзамахмудов", "стороны", "Туркменистан")
VERBS = ("подписали", "договорились обсудить", "не подписали", "приостановил", "увеличил", "заявил, что подписан",
         "не оказалось", "обсудили", "намерены подписать")
OBJECTS = ("меморандум о строительстве газопровода «Сила Сибири — 2»",
           "контракт на поставку 2,8 млрд кубометров газа в год сроком на два года",
           "поставки газа по газопроводу «Средняя Азия — Центр» до 25 млн кубометров в сутки",
           "экспорт газа в Китай", "вопросы транзита российского газа через Казахстан")
TAILS = (".", " в Пекине.", ", сообщает «Интерфакс».", ", — сказал он журналистам.",
         ", о котором ранее сообщил глава «Газпрома» Алексей Миллер.", " сегодня в Ташкенте.",
         " (цена — 160 долларов за тысячу кубометров).")
SENTENCES = st.builds(lambda a, b, c, d, e: f"{a}{b} {c} {d}{e}".strip(), st.sampled_from(OPENINGS),
                      st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS),
                      st.sampled_from(TAILS))
ARTICLES = st.lists(st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3).map(
    "\n\n".join)


def _valid(candidates: list[Candidate]) -> bool:
    return all(set(c.event) == set(EVENT_COLUMNS) and 0 <= c.confidence <= 1 for c in candidates)


def test_the_kremlin_lede_whose_parse_holds_a_loop_is_read_without_losing_anything(
        extract: Callable[..., list[Candidate]], caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, "gasatlas"):
        candidates = extract(KREMLIN_LEDE, dt.date(2025, 9, 2))

    assert not caplog.records, "the reader failed on a sentence of the lede"
    assert _valid(candidates)


@given(st.lists(st.integers(-1, 11), min_size=1, max_size=12))
def test_a_parse_with_loops_becomes_a_tree_changing_only_words_on_a_loop(heads: list[int]) -> None:
    heads = [h if h < len(heads) else -1 for h in heads]
    fixed = acyclic(heads)

    for word in range(len(fixed)):
        seen, at = set(), word
        while at >= 0:
            assert at not in seen, f"loop through {at} in {fixed}"
            seen.add(at)
            at = fixed[at]
    assert all(new == old or new == -1 for new, old in zip(fixed, heads, strict=True))
    assert acyclic(fixed) == fixed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
@example(KREMLIN_LEDE)
def test_no_sentence_shape_from_real_reports_fails_the_reader(
        extract: Callable[..., list[Candidate]], text: str) -> None:
    logger = logging.getLogger("gasatlas")
    failures: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = failures.append  # type: ignore[method-assign]
    logger.addHandler(handler)
    try:
        candidates = extract(text, dt.date(2025, 9, 2))
    finally:
        logger.removeHandler(handler)

    assert not failures, failures[0].getMessage()
    assert _valid(candidates)


def test_a_sentence_the_reader_fails_on_costs_that_sentence_not_the_article(
        extract: Callable[..., list[Candidate]], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    text = ("Туркменистан приостановил экспорт газа в Узбекистан 12 января.\n\n"
            "Газпром и Узбекистан подписали контракт в Ташкенте 18 января.")
    read = SentenceReader.read

    def broken_on_the_first(self: SentenceReader, sentence):  # type: ignore[no-untyped-def]
        if sentence.index == 0:
            raise ValueError("a shape nobody foresaw")
        return read(self, sentence)

    monkeypatch.setattr(SentenceReader, "read", broken_on_the_first)
    with caplog.at_level(logging.ERROR, "gasatlas"):
        candidates = extract(text, dt.date(2023, 1, 20))

    assert [c.event["event_type"] for c in candidates] == ["agreement"]
    assert "sentence 0" in caplog.records[0].getMessage()
