"""Passages turned into candidate events: rows in the exact shape of data/events.csv, with
their confidence and the warnings a reviewer should read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gasatlas.dataset.load import Dataset
from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.model.vocab import ActorKind, DatePrecision, EventType, GeoPrecision
from gasatlas.news.extract.compose import TITLE_FLAG, clause_title, english_title, quote_of, summary, title
from gasatlas.news.extract.datelines import Dateline
from gasatlas.news.extract.dates import DateMention
from gasatlas.news.extract.figures import figures, per_year
from gasatlas.news.extract.gazetteer import Place, PlaceKind
from gasatlas.news.extract.knowledge import Knowledge
from gasatlas.news.extract.mentions import ProposedActor, slug
from gasatlas.news.extract.passages import Passage, Stay
from gasatlas.news.extract.reading import REPORTED_FACT, Reading
from gasatlas.news.extract.reported import content_spans, inside
from gasatlas.news.extract.rules import Trigger, routes_by_rule, strongest

DATE_SCORE = {DatePrecision.DAY: 1.0, DatePrecision.PART_OF_MONTH: 0.9, DatePrecision.RANGE: 0.9,
              DatePrecision.MONTH: 0.8,
              DatePrecision.QUARTER: 0.7, DatePrecision.SEASON: 0.7, DatePrecision.YEAR: 0.6,
              DatePrecision.APPROXIMATE: 0.4}
INHERITED_DATE_FACTOR = 0.75
PLACE_SCORE = {GeoPrecision.EXACT: 1.0, GeoPrecision.TOWN: 0.9, GeoPrecision.APPROXIMATE: 0.8}
COUNTRY_PLACE_SCORE, NO_PLACE_SCORE, NO_ACTOR_SCORE, NO_TRIGGER_SCORE = 0.5, 0.3, 0.5, 0.3
WEIGHTS = {"date": 0.35, "place": 0.25, "actors": 0.25, "type": 0.15}
LOCATIVE = re.compile(r"(?:\b(?:в|во|на|in|at|near|под)\s+(?:\w+\s+){0,3}|\b(?:в|на)\s+)$", re.IGNORECASE)
"""A place right after "в"/"на"/"in"/"at" is where something happened; "сотрудничество Москвы и Астаны" is not."""
SOURCE = re.compile(r"\b(?:с|со|из|от|from)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""A place right after "с"/"из"/"from" is where something comes from, not where it happened."""
FACILITY_WORDS = {
    "processing_plant": re.compile(r"\bгазозавод\w*|\bзавод\w*|\bГПЗ\b|\b(?:gas\s+|processing\s+)?plant\b",
                                   re.IGNORECASE),
    "gas_field": re.compile(r"\bместорождени\w*|\bgas\s?field\b", re.IGNORECASE),
    "compressor_station": re.compile(r"\bкомпрессорн\w*\s+станци\w*|\bcompressor\s+station\b", re.IGNORECASE),
}
"""Words that name a facility by its kind (``facilities.csv``'s ``kind``) rather than by its name."""
TODAY = re.compile(r"\b(?:сегодня|today)\b", re.IGNORECASE)
"""An event the report dates «сегодня» happened where the report was filed (its dateline town)."""
ENGLISH_FLAG = "English text: new people are found only when a role introduces them — check the quote"


@dataclass
class Candidate:
    """One event the article reports, ready for review: ``event`` has exactly the columns of events.csv."""

    event: dict[str, Any]
    confidence: float
    flags: list[str]
    new_actors: list[ProposedActor]
    sentence_index: int
    volume_bcm: float | None = None
    """The gas volume the report gives, in bcm for ``volume_period`` ("year", "day" or "total")."""
    volume_period: str | None = None
    price_usd_per_mcm: float | None = None
    contract_years: int | None = None
    background: bool = False
    """An earlier event the report recalls ("В июне 2023 года Узбекистан заключил…" in a 2025 story): kept for
    the reviewer, but no news — a watcher proposes it only as a source of an event the atlas may lack."""

    @property
    def volume_bcm_per_year(self) -> float | None:
        """The volume normalised to bcm a year where the report allows it (``figures.per_year``)."""
        return per_year(self.volume_bcm, self.volume_period, self.contract_years)


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
        place_score = PLACE_SCORE[GeoPrecision(place.geo_precision)]
    actor_score = known / (known + new) if known + new else NO_ACTOR_SCORE
    type_score = trigger.strength if trigger else NO_TRIGGER_SCORE
    total = (WEIGHTS["date"] * date_score + WEIGHTS["place"] * place_score + WEIGHTS["actors"] * actor_score
             + WEIGHTS["type"] * type_score)
    return round(total, 3)


def _place_of(passage: Passage, statement: bool) -> Place | None:
    """Where it happened: the most specific place of the first sentence that names one — a facility or site
    before a town, a place after "в"/"на"/"in" before one merely mentioned; in the sentences after it only a
    place after "в"/"на"/"in" — and a country only when no sentence names anything finer. (A roadmap signed in
    St Petersburg about the Orenburg plant happened in St Petersburg.) Never a place things come from
    ("газ с месторождения Карачаганак"), nor, for a statement, a place in what was said: the Astana whose
    gasification Miller speaks of is not where he spoke."""
    for countries_too in (False, True):
        for number, reading in enumerate(passage.readings):
            text, offset = reading.sentence.text, reading.sentence.start
            places = [(position, place) for position, place in reading.places
                      if (countries_too or place.kind != PlaceKind.COUNTRY)
                      and not SOURCE.search(text[:position - offset])
                      and not (statement and inside(position, reading.content + reading.spoken_of))
                      and (number == 0 or LOCATIVE.search(text[:position - offset]))]
            if places:
                return min(places, key=lambda item: (
                    item[1].kind, not LOCATIVE.search(text[:item[0] - offset]), item[0]))[1]
    return None


def _date_part(date: DateMention) -> str:
    if date.precision in {DatePrecision.PART_OF_MONTH, DatePrecision.MONTH, DatePrecision.QUARTER,
                          DatePrecision.SEASON}:
        return date.date.strftime("%Y-%m")
    if date.precision == DatePrecision.YEAR:
        return str(date.date.year)
    return date.date.isoformat()


class CandidateBuilder:
    """Turns passages into candidates with unique ids, names in both languages and flags."""

    def __init__(self, knowledge: Knowledge, atlas: Dataset, published: dt.date, lang: str, source: tuple[str, str],
                 dateline: Dateline | None = None) -> None:
        """``source``: the report's title and URL."""
        self.knowledge = knowledge
        self.published = published
        self.lang = lang
        self.source_title, self.source_url = source
        self.used_ids = set(atlas.events["id"])
        self.dateline = dateline
        self.stays: list[Stay] = []
        """Where the article says someone stays over a window of days (set per article by the pipeline)."""
        self.named_places: list[tuple[int, Place]] = []
        """Every place the article names, with its offset (set per article by the pipeline)."""
        self.facility_kinds = dict(zip(atlas.facilities["id"], atlas.facilities["kind"], strict=True))

    def build(self, passage: Passage) -> Candidate | None:
        if passage.date.outside:
            return None  # dated before the atlas's window: history, not an event it can hold
        readings = passage.readings
        people = _unique(a for r in readings for _, a in sorted(r.people))
        organisations = _unique(a for r in readings for _, a in sorted(r.organisations))
        trigger = strongest([t for r in readings for t in r.triggers])
        if trigger is not None and trigger.strength < REPORTED_FACT:
            # someone speaking about talks, plans or intentions: the event is what they said
            trigger = next((t for r in readings for t in r.triggers if t.event_type == EventType.STATEMENT), trigger)
        countries = _unique(c for _, c in sorted(c for r in readings for c in r.countries))
        if not countries:  # a pipeline named with no country ("газопровод «Бейнеу — Бозой — Шымкент»")
            countries = _unique(c for r in readings for route in r.routes
                                for c in self.knowledge.route_countries.get(route, ()))
        if not countries and passage.context_countries:
            countries = list(passage.context_countries)
            context = "countries not named in the sentence: taken from the sentence before"
        else:
            context = None
        if not countries or (trigger is None and not people and not organisations):
            return None  # nothing to map, or a date with nothing happening on it
        if trigger is None and all(r.cross_link for r in readings):
            return None  # an outlet pointing to its coverage: no event of the story
        event_type = trigger.event_type if trigger else EventType.STATEMENT
        place = self._where(passage, event_type)
        if place is not None and place.kind != PlaceKind.COUNTRY:
            countries = _unique([place.country, *countries])
        elif (host := self._host(passage, people, countries, event_type)) is not None:
            countries = _unique([host, *countries])
        proposals = {k: v for r in readings for k, v in r.proposals.items() if k in {*people, *organisations}}
        numbers = figures(" ".join(r.sentence.text for r in readings))
        flags = self._flags(passage, place, trigger, proposals) + ([context] if context else [])
        placed = place is not None and place.kind != PlaceKind.COUNTRY
        shown = place if place is not None and placed else self.knowledge.countries[countries[0]]
        event = {
            "id": self._event_id(passage.date, event_type, people or organisations or [countries[0].lower()]),
            "date": passage.date.date,
            "date_precision": str(passage.date.precision),
            "date_label_en": passage.date.label_en,
            "date_label_ru": passage.date.label_ru,
            "title_en": english_title(event_type, self._names(people or organisations, proposals, "en"),
                                      self._country_names(countries, "en"), shown.name_en if placed else None,
                                      placed and shown.kind != PlaceKind.CITY, numbers),
            "title_ru": self._clause_title(readings, trigger, event_type, self._speakers(readings, proposals)) or title(
                event_type, self._names(people or organisations, proposals, "ru"), shown.name_ru, "ru"),
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
            "facility_ids": _unique([*(p.facility_id for r in readings for _, p in r.places if p.facility_id),
                                     *([place.facility_id] if place is not None and place.facility_id else [])]),
            "source_title": self.source_title,
            "source_url": self.source_url,
            "quote": quote_of(readings[0].sentence.text),
            "also_reported": [],
            "volume_bcm": numbers.volume_bcm,
            "volume_period": numbers.volume_period if numbers.volume_bcm is not None else None,
            "price_usd_per_mcm": numbers.price_usd_per_mcm,
            "contract_years": numbers.contract_years,
        }
        known = sum(1 for a in [*people, *organisations] if a not in proposals)
        return Candidate(
            event={column: event[column] for column in EVENT_COLUMNS},
            confidence=confidence(passage.date, passage.inherited, place, known, len(proposals), trigger),
            flags=flags,
            new_actors=list(proposals.values()),
            sentence_index=min(r.sentence.index for r in readings),
            volume_bcm=numbers.volume_bcm,
            volume_period=numbers.volume_period,
            price_usd_per_mcm=numbers.price_usd_per_mcm,
            contract_years=numbers.contract_years,
        )

    def _where(self, passage: Passage, event_type: str) -> Place | None:
        """The passage's own place (``_place_of``); else, for words said at a happening, the happening's; for what
        happened «сегодня», the dateline's town; for a happening, the facility it names by its kind."""
        statement = event_type == EventType.STATEMENT
        place = _place_of(passage, statement)
        if (place is None or place.kind == PlaceKind.COUNTRY) and passage.venue is not None:
            place = _place_of(passage.venue, False) or place
        if (place is None or place.kind == PlaceKind.COUNTRY) and any(TODAY.search(r.sentence.text)
                                                                      for r in passage.readings):
            place = self._dateline_city() or place
        if (place is None or place.kind == PlaceKind.COUNTRY) and not statement:
            place = self._facility_named_before(passage) or place
        return place

    def _facility_named_before(self, passage: Passage) -> Place | None:
        """"…пострадала инфраструктура газозавода" after "приостановки приёма газа Оренбургским ГПЗ": a happening
        that names a facility only by its kind ("газозавод", "месторождение", "the plant") is at the one facility of
        that kind the article named before it; none when it named several or none."""
        first = min(r.sentence.start for r in passage.readings)
        text = " ".join(r.sentence.text for r in passage.readings)
        kinds = {kind for kind, words in FACILITY_WORDS.items() if words.search(text)}
        named = {place.facility_id: place for position, place in self.named_places
                 if position < first and place.facility_id and self.facility_kinds.get(place.facility_id) in kinds}
        return next(iter(named.values())) if len(named) == 1 else None

    def _host(self, passage: Passage, people: list[str], countries: list[str], event_type: str) -> str | None:
        """The country the article says someone stays in over a window of days (``passages.Stay``), for what it
        tells on one of those days without a finer place: the stay's own happenings, and the words of a speaker
        from the visitors' country ("Президент РФ 31 августа – 3 сентября работает в Китае" … "заявил журналистам
        Путин" on 3 September: said in China)."""
        for stay in self.stays:
            if not stay.covers(passage.date.date):
                continue
            if event_type == EventType.STATEMENT:
                home = {self.knowledge.actors.actors[p].country for p in people if p in self.knowledge.actors.actors}
                if home & stay.visitors:
                    return stay.country
            elif stay.country in countries:
                return stay.country
        return None

    def _dateline_city(self) -> Place | None:
        """The town of the dateline ("ПЕКИН, 2 сентября. /ТАСС/."), for an event the report says happened there
        «сегодня»: filed from Beijing, signed today — signed in Beijing."""
        if self.dateline is None:
            return None
        towns = [p for p in self.knowledge.names.named(self.dateline.place)
                 if isinstance(p, Place) and p.kind != PlaceKind.COUNTRY]
        return towns[0] if towns else None

    def _flags(self, passage: Passage, place: Place | None, trigger: Trigger | None,
               proposals: dict[str, ProposedActor]) -> list[str]:
        flags = [passage.date.note] if passage.date.note else []
        if place is None:
            flags.append("place not found in the text")
        flags += [flag for r in passage.readings for flag in r.flags]
        if self.dateline is not None and (place is None or place != self._dateline_city()):
            flags.append(f"dateline not used as the place: {self.dateline.place}")
        for actor in proposals.values():
            kind = "person" if actor.kind == ActorKind.PERSON else "organisation"
            flags.append(f"new {kind}: {actor.name_ru} (transliteration unverified)")
        if trigger is None:
            flags.append("event type guessed: no trigger word found")
        if self.lang == "en":
            flags.append(ENGLISH_FLAG)
        flags.append(TITLE_FLAG)
        return _unique(flags)

    def _clause_title(self, readings: list[Reading], trigger: Trigger | None, event_type: str,
                      speakers: list[str]) -> str | None:
        """The Russian title from the clause of the word that typed the event (see ``compose``); a statement is
        titled by who said what: "Владимир Путин: прорабатываются различные варианты…"."""
        reading = next((r for r in readings if trigger in r.triggers), None) if trigger is not None else None
        if trigger is None or reading is None or not reading.sentence.tree:
            return None
        if event_type != EventType.STATEMENT:
            return clause_title(reading.sentence, trigger.position, False, reading.date_spans)
        said = next(((start, stop) for start, stop in content_spans(reading.sentence.text)), None)
        source = reading if said else readings[0]
        if said is None:
            said = (0, len(source.sentence.text))
        text = source.sentence.text
        first_word = said[0] + len(text[said[0]:]) - len(text[said[0]:].lstrip(" «\"„“"))
        what = clause_title(source.sentence, source.sentence.start + first_word, True, source.date_spans)
        who = self._names(speakers[:1], {}, "ru") if speakers and speakers[0] in self.knowledge.actors.actors else []
        if what is None or not who:
            return what
        return f"{who[0]}: {what}"

    @staticmethod
    def _speakers(readings: list[Reading], proposals: dict[str, ProposedActor]) -> list[str]:
        return [a for r in readings for a in r.speakers if a not in proposals]

    def _names(self, actor_ids: list[str], proposals: dict[str, ProposedActor], lang: str) -> list[str]:
        names = []
        for actor_id in actor_ids:
            actor = proposals.get(actor_id) or self.knowledge.actors.actors[actor_id]
            names.append(actor.name_en if lang == "en" else actor.name_ru)
        return names

    def _country_names(self, countries: list[str], lang: str) -> list[str]:
        return [getattr(self.knowledge.countries[c], f"name_{lang}") for c in countries]

    @staticmethod
    def _place_fields(place: Place) -> dict[str, Any]:
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
        return [route for route in _unique(found) if route in self.knowledge.route_countries]

    def _event_id(self, date: DateMention, event_type: EventType, main: list[str]) -> str:
        base = f"ev-{_date_part(date)}-{str(event_type).replace('_', '-')}-{slug(main[0])}"[:76].rstrip("-")
        event_id, number = base, 1
        while event_id in self.used_ids:
            number += 1
            event_id = f"{base}-{number}"
        self.used_ids.add(event_id)
        return event_id
