"""From a news article to candidate events a reviewer accepts, corrects or rejects.

The article is read sentence by sentence (``reading``: what each one dates, names
and triggers), sentences are grouped into passages, one per reported fact
(``passages``), and each passage becomes one candidate in the exact shape of a row
of ``data/events.csv`` (``candidates``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple, TypeVar

import pandas as pd

from gasatlas.dataset.load import Dataset
from gasatlas.model import datewindow
from gasatlas.model.periods import interval_of, overlap
from gasatlas.model.vocab import EventType, GeoPrecision
from gasatlas.news.extract.candidates import Candidate, CandidateBuilder
from gasatlas.news.extract.compose import numbers_phrase
from gasatlas.news.extract.datelines import find_dateline, without_dateline
from gasatlas.news.extract.figures import figures
from gasatlas.news.extract.knowledge import knowledge_of
from gasatlas.news.extract.mentions import ProposedActor
from gasatlas.news.extract.passages import Passage, group_passages, stays_of
from gasatlas.news.extract.reading import Reading, SentenceReader
from gasatlas.news.extract.reported import inside
from gasatlas.news.extract.rules import Trigger
from gasatlas.news.extract.sentences import language_of, read_sentences
from gasatlas.news.extract.text import MAX_ARTICLE_CHARS, ArticleError, normalise_whitespace
from gasatlas.news.extract.units import Sentence
from gasatlas.news.jobs import Cancelled, Report, no_report

__all__ = ["Candidate", "ProposedActor", "extract_events", "find_duplicates", "language_of"]

DUPLICATE_PLACE_DEGREES = 0.05
COARSE_PERIOD = dt.timedelta(days=62)
"""A date known only to a quarter, season or year: one shared person over such a span is weak evidence."""
STAGES = {"analyse": (0.0, 0.7), "read": (0.7, 0.95), "compose": (0.95, 1.0)}
"""Each stage's share of the whole: natasha's analysis is most of the cost."""
log = logging.getLogger("gasatlas")
T = TypeVar("T")
R = TypeVar("R")


class Source(NamedTuple):
    """The report a text comes from: its outlet and headline, and its address."""

    title: str
    url: str


def extract_events(text: str, published: dt.date, atlas: Dataset, *, source: Source, lang: str | None = None,
                   report: Report = no_report) -> list[Candidate]:
    """Candidate events reported by an article published on ``published``, for review.

    ``lang`` is "ru" or "en" (detected when not given). Raises ``ArticleError`` for an
    empty or over-long text and ``datewindow.DateOutOfRange`` for a publication date
    outside the atlas's window.

    ``report(stage, fraction)`` hears the progress through ``STAGES`` between steps; it may
    raise (``jobs.Cancelled``) to stop the work there.
    """

    def stage(name: str, share: float) -> None:
        start, stop = STAGES[name]
        report(name, start + (stop - start) * share)

    datewindow.check(published, "the publication date")
    clean = normalise_whitespace(text)
    if not clean:
        raise ArticleError("the article is empty")
    if len(clean) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"the article is longer than {MAX_ARTICLE_CHARS:,} characters ({len(clean):,})")
    lang = lang or language_of(clean)
    dateline = find_dateline(clean, published)
    sentences = read_sentences(without_dateline(clean, dateline), lang, lambda share: stage("analyse", share))
    knowledge = knowledge_of(atlas)
    reader = SentenceReader(knowledge, sentences, published, lang, source.title)
    builder = CandidateBuilder(knowledge, atlas, published, lang, source, dateline)
    readings: list[Reading] = []
    for number, sentence in enumerate(sentences):
        stage("read", number / len(sentences))
        readings.extend(_guarded(reader.read, sentence, [], f"sentence {sentence.index} of {source.url}"))
    stage("compose", 0.0)
    report_day = dateline.day if dateline and dateline.day else published
    passages = group_passages(readings, report_day)
    builder.stays = stays_of(passages)
    builder.named_places = sorted((place for reading in readings for place in reading.places), key=lambda item: item[0])
    built = [(passage, candidate) for passage in passages if (candidate := _guarded(
        builder.build, passage, None, f"passage at sentence {passage.readings[0].sentence.index} of {source.url}"))
        is not None]
    candidates = _one_headline_event(_summits(_reported_facts(built, report_day), builder), sentences)
    _mark_background(candidates, published)
    stage("compose", 1.0)
    return candidates


LEDE_SENTENCES = 3
"""The headline and the first sentences after it: where a report states its event and that event's numbers."""


def _one_headline_event(built: list[tuple[Passage, Candidate]], sentences: list[Sentence]) -> list[Candidate]:
    """One event in one article is one candidate: a lede sentence that tells the headline's event again
    (``merge.same_event``) is folded into the headline's candidate, and the headline candidate without numbers of
    its own takes the first ones of the lede — a headline names the event ("Москва и
    Пекин подписали меморандум"), the next sentence its volume."""
    from gasatlas.news.extract.merge import same_event

    if not built:
        return []
    _, first = min(built, key=lambda pair: pair[1].sentence_index)
    if first.sentence_index >= LEDE_SENTENCES:
        return [candidate for _, candidate in built]
    kept = []
    for _, candidate in built:
        if candidate is not first and candidate.sentence_index < LEDE_SENTENCES and _same_fact(first, candidate) \
                and _guarded(lambda c: same_event(first, c), candidate, False, "folding a lede sentence"):
            continue
        kept.append(candidate)
    if first.volume_bcm is None or first.contract_years is None or first.price_usd_per_mcm is None:
        lede = figures(" ".join(s.text for s in sentences if s.index < LEDE_SENTENCES))
        if first.volume_bcm is None and lede.volume_bcm is not None:
            first.volume_bcm, first.volume_period = lede.volume_bcm, lede.volume_period
            first.event["title_en"] = _with_numbers(first.event, numbers_phrase(lede))
        first.price_usd_per_mcm = first.price_usd_per_mcm or lede.price_usd_per_mcm
        first.contract_years = first.contract_years or lede.contract_years
    return kept


TAKEN_PART_IN = frozenset({"agreement", "meeting"})
"""Events whose reporter is most often one of the parties (Miller announcing the memorandum he signed)."""
BACKGROUND_DAYS = 180
"""An event over half a year older than its report is the story's background, not its news."""


def _mark_background(candidates: list[Candidate], published: dt.date) -> None:
    """Marks (and flags) the candidates that end more than ``BACKGROUND_DAYS`` before the report; the headline
    event is never background — a report about an old event is about it."""
    if not candidates:
        return
    headline = min(candidates, key=lambda c: c.sentence_index)
    for candidate in candidates:
        _, stop = interval_of(candidate.event["date"], candidate.event["date_precision"])
        if candidate is not headline and (published - stop).days > BACKGROUND_DAYS:
            candidate.background = True
            candidate.flags.append("background: an earlier event the report recalls, not its news")


def _with_numbers(event: dict[str, Any], tail: str) -> str:
    """The English title with the lede's numbers before its "in/at <place>" end: "Gazprom and CNPC sign an
    agreement for 50 bcm a year in Beijing"."""
    title = event["title_en"]
    place = event["place_name_en"] if event["geo_precision"] != "country" else None
    for where in ([f" in {place}", f" at {place}"] if place else []):
        if title.endswith(where):
            return f"{title[:-len(where)]}{tail}{where}"
    return f"{title}{tail}"


def _reported_facts(built: list[tuple[Passage, Candidate]], report_day: dt.date) -> list[tuple[Passage, Candidate]]:
    """One sentence, one event: "Россия и Китай подписали меморандум, сообщил Миллер" is a signing that Miller
    reported, not a signing and a statement — the statement read from the same sentence as a fact of that very
    day folds into that fact: its speaker joins a signing's or a meeting's participants (Miller signed); of a
    plant's restart he is the source, named in the fact's flags. A figure for a period ("за 2025 год
    поставки выросли на 20%, сообщил Миллер") stays his statement: the news is that he said it. So does a named
    person's telling of an earlier day ("19 октября губернатор Солнцев сообщил, что БПЛА атаковали
    предприятие"): that he reported it is news of that day beside the attack, as a report of the day itself
    ("завод возобновил приём газа, сообщил министр") is not; and so does a body's telling that adds a claim of its
    own ("…на газоснабжении Казахстана это не сказалось, сообщило Минэнерго": ``reading.UNAFFECTED``)."""
    facts = {c.sentence_index: c for _, c in built if c.event["event_type"] != "statement"}
    kept = []
    for passage, candidate in built:
        fact = facts.get(candidate.sentence_index)
        told_earlier = candidate.event["participants"] and candidate.event["date"] != report_day
        if passage.readings[0].own_claim:
            kept.append((passage, candidate))
            continue
        if fact is not None and candidate.event["event_type"] == "statement" and fact.event["date_precision"] == \
                "day" and _same_fact_day(fact, candidate) and not (
                    told_earlier and fact.event["event_type"] not in TAKEN_PART_IN):
            if fact.event["event_type"] in TAKEN_PART_IN:
                fact.event["participants"] = list(dict.fromkeys([*fact.event["participants"],
                                                                 *candidate.event["participants"]]))
            else:
                fact.flags.append(f"reported by: {candidate.event['title_en']}")
            continue
        kept.append((passage, candidate))
    return kept


SUMMIT = re.compile(r"\bна\s+(?:[\w«»—–-]+\s+){0,3}?саммит\w*|\bat\s+the\s+(?:[\w'’-]+\s+){0,3}?summit\b",
                    re.IGNORECASE)
""""заявил Токаев на саммите «Россия — Центральная Азия» в Душанбе": words said at a summit."""
SUMMIT_STRENGTH = 0.6
"""A summit named, not a meeting told: the strength of the meeting trigger "саммит" (``rules``)."""


def _summits(built: list[tuple[Passage, Candidate]], builder: CandidateBuilder) -> list[tuple[Passage, Candidate]]:
    """Words said at a summit tell that the summit met, that day, with the speaker among those at it: a meeting
    beside the statement, where the sentence places the speaking (never a place in what was said)."""
    summits = []
    for passage, candidate in built:
        reading = passage.readings[0]
        if candidate.event["event_type"] != "statement" or not reading.speakers:
            continue
        offset = reading.sentence.start
        found = next((m for m in SUMMIT.finditer(reading.sentence.text)
                      if not inside(offset + m.start(), reading.content)), None)
        if found is None:
            continue
        summit = replace(reading, triggers=[Trigger(EventType.MEETING, SUMMIT_STRENGTH, offset + found.start(),
                                                    found.group())],
                         places=[(p, x) for p, x in reading.places if not inside(p, reading.content)],
                         people=[(p, a) for p, a in reading.people if a in reading.speakers])
        met = Passage(passage.date, [summit], paragraph=passage.paragraph)
        meeting = _guarded(builder.build, met, None, f"summit at sentence {reading.sentence.index}")
        if meeting is not None:
            summits.append((met, meeting))
    return built + summits


def _same_fact_day(a: Candidate, b: Candidate) -> bool:
    return bool(a.event["date"] == b.event["date"] and a.event["date_precision"] == b.event["date_precision"])


def _same_fact(a: Candidate, b: Candidate) -> bool:
    """The same kind of event on the same date: only then can a lede sentence be the headline told again — a lede
    often adds an earlier or a different fact."""
    return all(a.event[key] == b.event[key] for key in ("event_type", "date", "date_precision"))


def _guarded(step: Callable[[T], R], unit: T, failed: R, where: str) -> R:
    """One sentence (or passage) read: a sentence the reader cannot handle costs that sentence, never the article
    — real news holds shapes no test foresaw. The failure is logged with its place so it can be fixed; a
    cancellation still stops the whole job."""
    try:
        return step(unit)
    except Cancelled:
        raise
    except Exception:
        log.exception("the reader failed on %s; that part is skipped", where)
        return failed


def find_duplicates(candidate: Candidate, events: pd.DataFrame, window_days: int = 3) -> list[str]:
    """Ids of stored events the candidate seems to repeat: their dates overlap — each date as the period its
    precision stands for, the candidate's widened by ±``window_days`` — they are the same type of event, and
    they share a participant, a route or facility, or a real place (same name, or coordinates within 0.05°).
    A country-level placeholder ("Russia (place not reported)") is not a place. An announcement and the
    launch it announces two days later are two facts, not one. When either date is coarser than about two
    months, two of those ties are needed: Miller signs more than one agreement a year."""
    event = candidate.event
    start, stop = interval_of(event["date"], event["date_precision"])
    candidate_is_coarse = stop - start > COARSE_PERIOD
    slack = dt.timedelta(days=window_days)
    start, stop = datewindow.shift(start, -slack), datewindow.shift(stop, slack)
    people = set(event["participants"])
    links = set(event["route_ids"]) | set(event["facility_ids"])
    placed = event["geo_precision"] != GeoPrecision.COUNTRY
    found = []
    for row in events.itertuples(index=False):
        stored_period = interval_of(pd.Timestamp(row.date).date(), row.date_precision)
        if not overlap((start, stop), stored_period):
            continue
        if row.event_type != event["event_type"]:
            continue
        same_place = placed and row.geo_precision != GeoPrecision.COUNTRY and (
            row.place_name_en == event["place_name_en"]
            or (abs(row.lat - event["lat"]) <= DUPLICATE_PLACE_DEGREES
                and abs(row.lon - event["lon"]) <= DUPLICATE_PLACE_DEGREES))
        ties = sum((bool(people & set(row.participants)), bool(links & (set(row.route_ids) | set(row.facility_ids))),
                    bool(same_place)))
        coarse = candidate_is_coarse or stored_period[1] - stored_period[0] > COARSE_PERIOD
        if ties >= (2 if coarse else 1):
            found.append(row.id)
    return found
