"""From a news article to candidate events a reviewer accepts, corrects or rejects.

The article is read sentence by sentence (what each one dates, names and
triggers), sentences are grouped into passages — one per reported fact — and
each passage becomes one candidate in the exact shape of a row of
``data/events.csv``, with its confidence and the warnings a reviewer should read.

A passage begins at a sentence with a date of its own (a new date, or the same
fact told again is merged) or at a reply or media report, which is a new fact
dated by the passage before it; sentences without either continue the current
passage, across paragraphs. Sentences before the first date (the lede) repeat the
body and are not events of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from gasatlas.data import Dataset
from gasatlas.extract.actors import NewActors, OrganisationRef, PersonRef, ProposedActor, slug
from gasatlas.extract.aliases import NOT_ACTORS, UNIDENTIFIED_ORGANISATIONS
from gasatlas.extract.compose import quote_of, summary, title
from gasatlas.extract.dates import DateMention, find_dates, inherited, sentence_date
from gasatlas.extract.gazetteer import CountryHint, Place, PlaceKind, city_is_plausible
from gasatlas.extract.knowledge import Knowledge, knowledge_of, rank
from gasatlas.extract.phrases import Match, longest_first
from gasatlas.extract.rules import RouteRef, Trigger, routes_by_rule, starts_new_fact, strongest, triggers_in
from gasatlas.extract.sentences import language_of, read_sentences
from gasatlas.extract.text import MAX_ARTICLE_CHARS, ArticleError, normalise_whitespace
from gasatlas.extract.units import NamedSpan, Sentence, fold
from gasatlas.schema import EVENT_COLUMNS
from gasatlas.vocab import ActorKind, DatePrecision, EventType, GeoPrecision

__all__ = ["LANGUAGE_SUPPORT", "Candidate", "ProposedActor", "extract_events", "find_duplicates", "language_of"]

LANGUAGE_SUPPORT: dict[str, dict[str, str]] = {
    "ru": {
        "en": "Russian: full support — natasha's NER and lemmatiser find people, organisations and places in any "
              "case form, including people the atlas does not know yet.",
        "ru": "Русский: полная поддержка — NER и лемматизатор natasha находят людей, организации и места в любом "
              "падеже, в том числе людей, которых ещё нет в атласе.",
    },
    "en": {
        "en": "English: partial — dates, places in the gazetteer and people or organisations already in the atlas "
              "are found; people the atlas does not know are not recognised.",
        "ru": "Английский: частично — находятся даты, места из справочника и люди или организации, уже известные "
              "атласу; новые люди не распознаются.",
    },
}
"""What works for each input language, in each interface language, for the page to state honestly."""

DATE_SCORE = {DatePrecision.DAY: 1.0, DatePrecision.MONTH: 0.8, DatePrecision.YEAR: 0.6, DatePrecision.APPROXIMATE: 0.4}
INHERITED_DATE_FACTOR = 0.75
PLACE_SCORE = {GeoPrecision.EXACT: 1.0, GeoPrecision.TOWN: 0.9, GeoPrecision.APPROXIMATE: 0.8}
COUNTRY_PLACE_SCORE, NO_PLACE_SCORE, NO_ACTOR_SCORE, NO_TRIGGER_SCORE = 0.5, 0.3, 0.5, 0.3
WEIGHTS = {"date": 0.35, "place": 0.25, "actors": 0.25, "type": 0.15}
ENGLISH_FLAG = "English text: people the atlas does not know are not detected — check the quote"
DUPLICATE_PLACE_DEGREES = 0.05


@dataclass
class Candidate:
    """One event the article reports, ready for review: ``event`` has exactly the columns of events.csv."""

    event: dict
    confidence: float
    flags: list[str]
    new_actors: list[ProposedActor]
    sentence_index: int


@dataclass
class Reading:
    """What one sentence says; positions are character offsets in the article, for ordering."""

    sentence: Sentence
    date: DateMention | None
    places: list[tuple[int, Place]] = field(default_factory=list)
    countries: list[tuple[int, str]] = field(default_factory=list)
    people: list[tuple[int, str]] = field(default_factory=list)
    organisations: list[tuple[int, str]] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    proposals: dict[str, ProposedActor] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    new_fact: bool = False


@dataclass
class Passage:
    date: DateMention
    readings: list[Reading]
    inherited: bool = False

    def actors(self) -> set[str]:
        return {a for r in self.readings for _, a in r.people + r.organisations}


def _overlaps(start: int, stop: int, other_start: int, other_stop: int) -> bool:
    return start < other_stop and other_start < stop


class SentenceReader:
    """Reads sentences of one article against one atlas; new actors are shared article-wide."""

    def __init__(self, knowledge: Knowledge, sentences: list[Sentence], published: dt.date, lang: str,
                 source_title: str) -> None:
        self.knowledge = knowledge
        self.published = published
        self.lang = lang
        self.source_title = fold(source_title)
        full_names = [s.normal for sentence in sentences for s in sentence.spans if s.kind == "PER"]
        self.new_actors = NewActors(knowledge.actors, full_names)

    def read(self, sentence: Sentence) -> Reading:
        reading = Reading(sentence, sentence_date(find_dates(sentence.text, self.published, self.lang)))
        people_spans = [s for s in sentence.spans if s.kind == "PER"]
        names = longest_first((m for m in self.knowledge.names.find(sentence.tokens)
                               if self._plausible(m, sentence, people_spans)), rank)
        covered = [(sentence.tokens[m.start].start, sentence.tokens[m.stop - 1].stop) for m in names]
        organisations = []
        for match, (start, stop) in zip(names, covered):
            self._note(reading, match.payload, start)
            if isinstance(match.payload, OrganisationRef):
                organisations.append((start, stop, match.payload))
        for start, stop, ref in organisations:
            self._note_organisation(reading, ref, start, stop)
        for span in sentence.spans:
            if span.kind == "PER":
                self._note_person(reading, span)
            elif not any(_overlaps(span.start, span.stop, a, b) for a, b in covered) and not any(
                    _overlaps(span.start, span.stop, p.start, p.stop) for p in people_spans):
                self._note_unknown(reading, span)
        reading.triggers = triggers_in(sentence.text, sentence.start)
        reading.new_fact = starts_new_fact(sentence.text)
        return reading

    def _plausible(self, match: Match, sentence: Sentence, people_spans: list[NamedSpan]) -> bool:
        tokens = sentence.tokens[match.start:match.stop]
        if any(_overlaps(tokens[0].start, tokens[-1].stop, s.start, s.stop) for s in people_spans):
            return False  # NER's people win: "Ирина Новак" is not Alexander Novak
        if isinstance(match.payload, Place) and match.payload.kind == PlaceKind.CITY:
            return city_is_plausible(match, sentence, self.lang)
        if isinstance(match.payload, PersonRef):
            return all(token.capitalised for token in tokens)
        return True

    def _note(self, reading: Reading, name, start: int) -> None:
        if isinstance(name, Place):
            reading.places.append((start, name))
            reading.countries.append((start, name.country))
        elif isinstance(name, CountryHint):
            reading.countries.append((start, name.country))
        elif isinstance(name, PersonRef):
            self._add_actor(reading, reading.people, start, name.actor_id)
        elif isinstance(name, RouteRef):
            reading.routes.append(name.route_id)

    def _add_actor(self, reading: Reading, into: list, start: int, actor_id: str) -> None:
        into.append((start, actor_id))
        known = self.knowledge.actors.actors.get(actor_id)
        if known is not None and known.country:
            reading.countries.append((start, known.country))

    def _note_organisation(self, reading: Reading, ref: OrganisationRef, start: int, stop: int) -> None:
        """Organisations are noted once every country of the sentence is known, because a
        country's body ("Минэнерго") is the one of the country named nearest to it."""
        actor_id = ref.actor_id
        if actor_id is None:
            by_country = dict(ref.by_country)
            nearby = sorted((abs(pos - start), iso3) for pos, iso3 in reading.countries if iso3 in by_country)
            if not nearby:
                offset = reading.sentence.start
                name = reading.sentence.text[start - offset:stop - offset]
                reading.flags.append(f"organisation not identified: {name} (which country's?)")
                return
            actor_id = by_country[nearby[0][1]]
        self._add_actor(reading, reading.organisations, start, actor_id)

    def _note_person(self, reading: Reading, span: NamedSpan) -> None:
        actor_id, proposal = self.new_actors.person([span.normal, " ".join(span.lemmas)])
        self._add_actor(reading, reading.people, span.start, actor_id)
        if proposal is not None:
            reading.proposals[actor_id] = proposal

    def _note_unknown(self, reading: Reading, span: NamedSpan) -> None:
        """A place or organisation NER found but the atlas does not know."""
        name = fold(span.normal)
        words = name.split() or [name]
        if span.kind == "LOC":
            reading.flags.append(f"place not found in gazetteer: {span.normal}")
        elif span.kind != "ORG" or name in NOT_ACTORS or words[0] in NOT_ACTORS:
            return
        elif words[0] in UNIDENTIFIED_ORGANISATIONS:
            reading.flags.append(f"organisation not identified: {span.normal}")
        elif not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.source_title):  # the publisher is no actor
            actor_id, proposal = self.new_actors.organisation(span.normal)
            self._add_actor(reading, reading.organisations, span.start, actor_id)
            reading.proposals[actor_id] = proposal


def _same_date(a: DateMention, b: DateMention) -> bool:
    return (a.date, a.precision) == (b.date, b.precision)


def group_passages(readings: Iterable[Reading]) -> list[Passage]:
    """One passage per fact: see the module docstring. The same fact told twice, even far
    apart (same date, a shared actor), is merged into its first telling."""
    passages: list[Passage] = []
    for reading in readings:
        if reading.date is not None and not (passages and _same_date(passages[-1].date, reading.date)
                                             and not reading.new_fact):
            passages.append(Passage(reading.date, [reading]))
        elif reading.date is None and reading.new_fact and passages:
            passages.append(Passage(inherited(passages[-1].date), [reading], inherited=True))
        elif passages:
            passages[-1].readings.append(reading)
    merged: list[Passage] = []
    for passage in passages:
        earlier = next((p for p in merged if _same_date(p.date, passage.date) and p.actors() & passage.actors()), None)
        if earlier is not None:
            earlier.readings.extend(passage.readings)
        else:
            merged.append(passage)
    return merged


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def confidence(date: DateMention, inherited_date: bool, place: Place | None, known: int, new: int,
               trigger: Trigger | None) -> float:
    """How much of the candidate was resolved, 0..1:

        0.35 × date  (day 1.0, month 0.8, year 0.6, approximate 0.4; × 0.75 when taken from the passage before)
      + 0.25 × place (exact site 1.0, town 0.9, approximate site 0.8, country only 0.5, none in the text 0.3)
      + 0.25 × actors (share of named people/organisations already in the atlas; 0.5 when none is named)
      + 0.15 × type (strength of the deciding trigger: 1.0 for the fact itself … 0.5 for "said"; 0.3 without one)
    """
    date_score = DATE_SCORE[date.precision] * (INHERITED_DATE_FACTOR if inherited_date else 1.0)
    if place is None:
        place_score = NO_PLACE_SCORE
    elif place.kind == PlaceKind.COUNTRY:
        place_score = COUNTRY_PLACE_SCORE
    else:
        place_score = PLACE_SCORE[place.geo_precision]
    actor_score = known / (known + new) if known + new else NO_ACTOR_SCORE
    type_score = trigger.strength if trigger else NO_TRIGGER_SCORE
    total = (WEIGHTS["date"] * date_score + WEIGHTS["place"] * place_score + WEIGHTS["actors"] * actor_score
             + WEIGHTS["type"] * type_score)
    return round(total, 3)


def _place_of(passage: Passage) -> Place | None:
    """The most specific place of the dated sentence; of the passage when that names none.
    (A roadmap signed in St Petersburg about the Orenburg plant happened in St Petersburg.)"""
    for places in ([p for p in passage.readings[0].places], [p for r in passage.readings for p in r.places]):
        if places:
            return min(places, key=lambda item: (item[1].kind, item[0]))[1]
    return None


def _date_part(date: DateMention) -> str:
    if date.precision == DatePrecision.MONTH:
        return date.date.strftime("%Y-%m")
    if date.precision == DatePrecision.YEAR:
        return str(date.date.year)
    return date.date.isoformat()


class CandidateBuilder:
    """Turns passages into candidates with unique ids, names in both languages and flags."""

    def __init__(self, knowledge: Knowledge, atlas: Dataset, published: dt.date, lang: str, source_title: str,
                 source_url: str) -> None:
        self.knowledge = knowledge
        self.published = published
        self.lang = lang
        self.source_title = source_title
        self.source_url = source_url
        self.used_ids = set(atlas.events["id"])

    def build(self, passage: Passage) -> Candidate | None:
        readings = passage.readings
        people = _unique(a for r in readings for _, a in sorted(r.people))
        organisations = _unique(a for r in readings for _, a in sorted(r.organisations))
        trigger = strongest([t for r in readings for t in r.triggers])
        countries = _unique(c for _, c in sorted(c for r in readings for c in r.countries))
        if not countries or (trigger is None and not people and not organisations):
            return None  # nothing to map, or a date with nothing happening on it
        place = _place_of(passage)
        if place is not None and place.kind != PlaceKind.COUNTRY:
            countries = _unique([place.country, *countries])
        proposals = {k: v for r in readings for k, v in r.proposals.items() if k in {*people, *organisations}}
        event_type = trigger.event_type if trigger else EventType.STATEMENT
        flags = self._flags(passage, place, trigger, proposals)
        shown = place if place is not None and place.kind != PlaceKind.COUNTRY else self.knowledge.countries[countries[0]]
        event = {
            "id": self._event_id(passage.date, event_type, people or organisations or [countries[0].lower()]),
            "date": passage.date.date,
            "date_precision": str(passage.date.precision),
            "date_label_en": passage.date.label_en,
            "date_label_ru": passage.date.label_ru,
            "title_en": title(event_type, self._names(people or organisations, proposals, "en"),
                              shown.name_en, "en"),
            "title_ru": title(event_type, self._names(people or organisations, proposals, "ru"),
                              shown.name_ru, "ru"),
            "summary_en": summary(event_type, self._country_names(countries, "en"), self.source_title,
                                  self.published, "en"),
            "summary_ru": summary(event_type, self._country_names(countries, "ru"), self.source_title,
                                  self.published, "ru"),
            "event_type": str(event_type),
            **self._place_fields(shown),
            "countries": countries,
            "participants": people,
            "organisations": organisations,
            "route_ids": self._routes(passage, countries),
            "facility_ids": _unique(p.facility_id for r in readings for _, p in r.places if p.facility_id),
            "source_title": self.source_title,
            "source_url": self.source_url,
            "quote": quote_of(readings[0].sentence.text),
            "also_reported": [],
        }
        known = sum(1 for a in [*people, *organisations] if a not in proposals)
        return Candidate(
            event={column: event[column] for column in EVENT_COLUMNS},
            confidence=confidence(passage.date, passage.inherited, place, known, len(proposals), trigger),
            flags=flags,
            new_actors=list(proposals.values()),
            sentence_index=readings[0].sentence.index,
        )

    def _flags(self, passage: Passage, place: Place | None, trigger: Trigger | None,
               proposals: dict[str, ProposedActor]) -> list[str]:
        flags = [passage.date.note] if passage.date.note else []
        if place is None:
            flags.append("place not found in the text")
        flags += [flag for r in passage.readings for flag in r.flags]
        for actor in proposals.values():
            kind = "person" if actor.kind == ActorKind.PERSON else "organisation"
            flags.append(f"new {kind}: {actor.name_ru} (transliteration unverified)")
        if trigger is None:
            flags.append("event type guessed: no trigger word found")
        if self.lang == "en":
            flags.append(ENGLISH_FLAG)
        return _unique(flags)

    def _names(self, actor_ids: list[str], proposals: dict[str, ProposedActor], lang: str) -> list[str]:
        names = []
        for actor_id in actor_ids:
            actor = proposals.get(actor_id) or self.knowledge.actors.actors[actor_id]
            names.append(actor.name_en if lang == "en" else actor.name_ru)
        return names

    def _country_names(self, countries: list[str], lang: str) -> list[str]:
        return [getattr(self.knowledge.countries[c], f"name_{lang}") for c in countries]

    @staticmethod
    def _place_fields(place: Place) -> dict:
        name_en, name_ru = place.name_en, place.name_ru
        if place.kind == PlaceKind.COUNTRY:
            name_en, name_ru = f"{name_en} (place not reported)", f"{name_ru} (место не указано)"
        return {"place_name_en": name_en, "place_name_ru": name_ru, "place_country": place.country,
                "lat": place.lat, "lon": place.lon, "geo_precision": str(place.geo_precision)}

    def _routes(self, passage: Passage, countries: list[str]) -> list[str]:
        text = " ".join(r.sentence.text for r in passage.readings)
        facilities = {p.facility_id for r in passage.readings for _, p in r.places if p.facility_id}
        named = [route for r in passage.readings for route in r.routes]
        found = named + routes_by_rule(text, set(countries), facilities)
        return [route for route in _unique(found) if route in self.knowledge.route_ids]

    def _event_id(self, date: DateMention, event_type: EventType, main: list[str]) -> str:
        base = f"ev-{_date_part(date)}-{str(event_type).replace('_', '-')}-{slug(main[0])}"[:76].rstrip("-")
        event_id, number = base, 1
        while event_id in self.used_ids:
            number += 1
            event_id = f"{base}-{number}"
        self.used_ids.add(event_id)
        return event_id


def extract_events(text: str, published: dt.date, atlas: Dataset, *, source_title: str, source_url: str,
                   lang: str | None = None) -> list[Candidate]:
    """Candidate events reported by an article published on ``published``, for review.

    ``lang`` is "ru" or "en" (detected when not given). Raises ``ArticleError`` for an
    empty or over-long text and ``ValueError`` for a publication date in the future.
    """
    if published > dt.date.today():
        raise ValueError(f"publication date {published.isoformat()} is in the future")
    clean = normalise_whitespace(text)
    if not clean:
        raise ArticleError("the article is empty")
    if len(clean) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"the article is longer than {MAX_ARTICLE_CHARS:,} characters ({len(clean):,})")
    lang = lang or language_of(clean)
    sentences = read_sentences(clean, lang)
    knowledge = knowledge_of(atlas)
    reader = SentenceReader(knowledge, sentences, published, lang, source_title)
    builder = CandidateBuilder(knowledge, atlas, published, lang, source_title, source_url)
    passages = group_passages(reader.read(sentence) for sentence in sentences)
    return [candidate for passage in passages if (candidate := builder.build(passage)) is not None]


def _as_ids(value) -> set[str]:
    if isinstance(value, str):
        return {item for item in value.split(";") if item}
    return set(value) if isinstance(value, Iterable) else set()


def find_duplicates(candidate: Candidate, events: pd.DataFrame, window_days: int = 3) -> list[str]:
    """Ids of stored events within ±``window_days`` of the candidate that share a participant
    or its place (same name, or coordinates within 0.05°). A country-level placeholder
    ("Russia (place not reported)") is not a place: it does not make two events one."""
    event = candidate.event
    day = pd.Timestamp(event["date"])
    near = events[(pd.to_datetime(events["date"]) - day).abs() <= pd.Timedelta(days=window_days)]
    people = set(event["participants"])
    placed = event["geo_precision"] != GeoPrecision.COUNTRY
    found = []
    for row in near.itertuples(index=False):
        same_place = placed and row.geo_precision != GeoPrecision.COUNTRY and (
            row.place_name_en == event["place_name_en"]
            or (abs(row.lat - event["lat"]) <= DUPLICATE_PLACE_DEGREES
                and abs(row.lon - event["lon"]) <= DUPLICATE_PLACE_DEGREES))
        if people & _as_ids(row.participants) or same_place:
            found.append(row.id)
    return found
