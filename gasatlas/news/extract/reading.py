"""What each sentence says: its date, places, countries, people, organisations, routes and
event-type triggers, read against the atlas. New people and organisations are shared
article-wide, so "Иван Петров" and a later "Петров" are one proposed actor.

A sentence that reports speech is read as an act (a statement by its speaker, dated by
the dates outside what was said) and, when what was said is itself a past happening
("…увеличила поставки, сообщила пресс-служба"), as that happening too, dated by the
dates inside it (see ``reported``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from gasatlas.model.vocab import EventType, GeoPrecision
from gasatlas.news.extract.aliases import NOT_ACTORS, PIPELINE_NAME, UNIDENTIFIED_ORGANISATIONS
from gasatlas.news.extract.dates import DateMention, find_dates, sentence_date
from gasatlas.news.extract.gazetteer import CountryHint, Place, PlaceKind, city_is_plausible, is_dateline
from gasatlas.news.extract.knowledge import Knowledge, rank
from gasatlas.news.extract.mentions import NewActors, OrganisationRef, PersonRef, ProposedActor
from gasatlas.news.extract.phrases import Match, longest_first
from gasatlas.news.extract.reported import (
    attributions,
    content_spans,
    cross_link_end,
    inside,
    paragraph_quotes,
    speaker_spans,
    speeches,
    spoken_of,
)
from gasatlas.news.extract.rules import FACT, RouteRef, Trigger, starts_new_fact, strongest, triggers_in
from gasatlas.news.extract.units import NamedSpan, Sentence, fold, hangs_from

REPORTED_FACT = 0.8
"""Trigger strength from which what someone said happened is an event of its own (a meeting, a signing,
a change of supplies); weaker triggers in what was said are talk about it."""
METONYMY = re.compile(r"(?:\b(?:отмети\w*|заяви\w*|сообщи\w*|ответи\w*|подчеркну\w*|уточни\w*|пояснил\w*|сказа\w*"
                      r"|said|stated|noted|told)\s+(?:(?:в|во|in|at)\s+)?$)", re.IGNORECASE)
"""A speech verb right before "в Кремле" makes the Kremlin the speaker, not the venue ("отметили в Кремле");
the same after the site ("в Кремле заявили") is checked by ``_speaks_at``."""
REGION = re.compile(r"\b([А-ЯЁ][а-яё]{3,}?)(?:ской|ская|скую|ском)\s+(?:област\w*|обл\.|кра[йяюе]\w*)")
""""Оренбургской области": a region named after its capital tells the country, never the place."""
JOURNALIST = re.compile(r"(?:корреспондент\w*|журналист\w*|обозревател\w*|репортер\w*|репортёр\w*|correspondent"
                        r"|journalist|reporter|columnist)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
"""Who writes the story is not in it ("считает специальный корреспондент «Ъ» Андрей Колесников")."""
SPEECH_AFTER = re.compile(r"^\W*(?:\w+\s+)?(?:отмети\w*|заяви\w*|сообщи\w*|ответи\w*|подчеркну\w*|уточни\w*"
                          r"|пояснил\w*|сказа\w*|said|stated|noted)\b", re.IGNORECASE)

UNAFFECTED = re.compile(r"\bне\s+(?:сказал\w*|затрон\w*|пострадал\w*|повлия\w*|отразил\w*)|\bв\s+штатном\s+режиме"
                        r"|\bбез\s+(?:каких-либо\s+)?(?:ограничени|перебо)\w*|\b(?:not|un)\s*affected\b"
                        r"|\bas\s+normal\b|\bwithout\s+(?:any\s+)?(?:interruption|disruption)s?\b", re.IGNORECASE)
"""A claim that something was not hit ("на газоснабжении Казахстана это не сказалось", "supply is not affected"):
said beside a happening it tells, a body's own statement, not only the happening's source."""


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
    speakers: list[str] = field(default_factory=list)
    """People who speak in the sentence (outside what they say)."""
    companion: bool = False
    """The act of telling a happening the same sentence reports: a fact of its own, at the same time."""
    cross_link: bool = False
    content: list[tuple[int, int]] = field(default_factory=list)
    """What someone said in the sentence (article offsets): no place in it is where they said it."""
    spoken_of: list[tuple[int, int]] = field(default_factory=list)
    """What a verb of saying is about (its object, article offsets): no place in it is where it was said either."""
    date_spans: list[tuple[int, int]] = field(default_factory=list)
    """Where the sentence's date expressions are (article offsets), to leave them out of its title."""
    own_claim: bool = False
    """The act of telling by a body that adds a claim of its own to the happening it tells (``UNAFFECTED``)."""
    weak_date: DateMention | None = None
    """A year from an event's name ("на ПМЭФ-2023"), for a fact that has no date of its own."""
    reported: bool = False
    """A happening told inside someone's words ("…сообщил, что подписано соглашение")."""

    def fact(self) -> bool:
        """Whether the sentence reports something happening, not only something said."""
        return any(t.strength >= REPORTED_FACT and t.event_type != EventType.STATEMENT for t in self.triggers)


MET = 0.85
"""A meeting told by its people: talks or a discussion between two named people happened."""


def _two_happenings(reading: Reading, dates: list[DateMention], clauses: list[tuple[int, int]]) -> list[Reading]:
    """"…встретился с Си Цзиньпином, и был подписан меморандум", "соглашение было подписано, когда Умурзаков
    встретился с президентом": a signing and a meeting told in one sentence are two facts on one day — unless a
    participle dates the signing alone: "Миллер обсудил со Скляром … в рамках подписанного в ноябре соглашения" is
    a November signing and a meeting on a day the sentence does not give."""
    signing = [t for t in reading.triggers if t.event_type == EventType.AGREEMENT and t.strength >= FACT]
    meeting = [t for t in reading.triggers if t.event_type == EventType.MEETING and t.strength >= REPORTED_FACT]
    if not signing or not meeting or reading.date is None:
        return [reading]
    met = replace(reading, triggers=meeting, companion=True, new_fact=False, speakers=[],
                  date=_date_of(meeting, dates, clauses))
    signed = replace(reading, triggers=[t for t in reading.triggers if t not in meeting],
                     date=_date_of(signing, dates, clauses))
    return [signed, met]


def participial_clauses(sentence: Sentence, dates: list[DateMention]) -> list[tuple[int, int]]:
    """The participial phrases that hold a date (article offsets): "подписанного в ноябре" dates the agreement it
    describes, not what the sentence's verb tells ("Миллер обсудил … в рамках подписанного в ноябре соглашения")."""
    tree = sentence.tree
    clauses = []
    for mention in dates:
        word = next((i for i, node in enumerate(tree) if node.start <= mention.start < node.stop), None)
        while word is not None and word >= 0 and not (tree[word].rel == "acl" and tree[word].pos == "VERB"):
            word = tree[word].head
        if word is not None and word >= 0:
            below = [node for i, node in enumerate(tree) if hangs_from(tree, i, word)]
            clauses.append((min(n.start for n in below), max(n.stop for n in below)))
    return clauses


EARLIER = re.compile(r"ранее|earlier|previously", re.IGNORECASE)
ARGUMENTS = frozenset({"obj", "nsubj", "nsubj:pass"})


def _about_what_was_said(sentence: Sentence, dates: list[DateMention], fact: bool) -> list[DateMention]:
    """"Ранее Минэнерго прогнозировало объем экспорта газа в 2022 году": «ранее» dates the act; the year that
    qualifies its object (the export of 2022, by the syntax tree) is what the forecast was about."""
    if fact or not any(EARLIER.fullmatch(sentence.text[m.start - sentence.start:m.stop - sentence.start])
                       for m in dates):
        return dates
    tree = sentence.tree

    def in_an_argument(mention: DateMention) -> bool:
        word = next((i for i, node in enumerate(tree) if node.start <= mention.start < node.stop), -1)
        word = tree[word].head if word >= 0 else -1
        while word >= 0:
            if tree[word].rel in ARGUMENTS and tree[word].pos in {"NOUN", "PROPN"}:
                return True
            word = tree[word].head
        return False

    return [m for m in dates if not in_an_argument(m)]


def _date_of(triggers: list[Trigger], dates: list[DateMention], clauses: list[tuple[int, int]]) -> DateMention | None:
    """The date of what the strongest of ``triggers`` tells: from the participial phrase it stands in, or from
    outside every such phrase."""
    trigger = strongest(triggers)
    own = [c for c in clauses if trigger is not None and inside(trigger.position, [c])]
    return sentence_date([m for m in dates if inside(m.start, own)] if own
                         else [m for m in dates if not inside(m.start, clauses)])


def _part(reading: Reading, spans: list[tuple[int, int]], keep_inside: bool) -> Reading:
    """The items of a reading inside (or outside) the given article spans."""

    def kept(position: int) -> bool:
        return inside(position, spans) == keep_inside

    people = [(p, a) for p, a in reading.people if kept(p)]
    organisations = [(p, a) for p, a in reading.organisations if kept(p)]
    actors = {a for _, a in people + organisations}
    return replace(
        reading, places=[(p, x) for p, x in reading.places if kept(p)],
        countries=[(p, c) for p, c in reading.countries if kept(p)], people=people, organisations=organisations,
        triggers=[t for t in reading.triggers if kept(t.position)],
        proposals={k: v for k, v in reading.proposals.items() if k in actors},
        speakers=[a for a in reading.speakers if a in actors])


def _overlaps(start: int, stop: int, other_start: int, other_stop: int) -> bool:
    return start < other_stop and other_start < stop


Named = Place | CountryHint | PersonRef | RouteRef
PROVINCE = re.compile(r"(?:\b(?:провинци|област|велаят|вилоят|регион)\w*\s+)$|^\s+(?:province|region)\b", re.IGNORECASE)
""""в провинции Герат", "Herat province": the province named after its capital, not the town."""


def _province(sentence: Sentence, name: Named, start: int, stop: int) -> Named:
    """A town named as its province ("в провинции Герат, Афганистан") stands for the province: the town's point,
    approximate."""
    if not isinstance(name, Place) or name.kind != PlaceKind.CITY:
        return name
    before, after = sentence.text[:start - sentence.start], sentence.text[stop - sentence.start:]
    if not (PROVINCE.search(before) or PROVINCE.match(after)):
        return name
    return replace(name, name_en=f"{name.name_en} province", name_ru=f"провинция {name.name_ru}",
                   geo_precision=GeoPrecision.APPROXIMATE)


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
        paragraphs: dict[int, list[tuple[int, int, str]]] = {}
        for sentence in sentences:
            paragraphs.setdefault(sentence.paragraph, []).append((sentence.start, sentence.stop, sentence.text))
        self.long_quotes = [span for paragraph in paragraphs.values() for span in paragraph_quotes(paragraph)]
        """Quotations over several sentences: what was said, in every sentence they cover."""

    def read(self, sentence: Sentence) -> list[Reading]:
        """The sentence as one reading, or two when it reports a happening and who told it: the
        happening first (dated by what was said), then the act of telling (a companion)."""
        found = self.knowledge.names.find(sentence.tokens)
        sentence = self._places_misread_as_people(sentence, found)
        future_words = frozenset(word - sentence.start for word in sentence.future_words)
        content = [(sentence.start + a, sentence.start + b) for a, b in content_spans(sentence.text)]
        content += [(max(a, sentence.start), min(b, sentence.stop)) for a, b in self.long_quotes
                    if a < sentence.stop and sentence.start < b]
        mentions = [replace(m, start=m.start + sentence.start, stop=m.stop + sentence.start)
                    for m in find_dates(sentence.text, self.published, self.lang, future_words)]
        reading = self._names(sentence, found)
        reading.date_spans = [(m.start, m.stop) for m in mentions]
        reading.weak_date = next((m for m in mentions if m.weak), None)
        reading.content = content
        reading.spoken_of = [(sentence.start + a, sentence.start + b) for speech in speeches(sentence.text)
                             for a, b in spoken_of(sentence, speech)]
        link_end = cross_link_end(sentence.text)
        reading.cross_link = link_end is not None and not any(
            position < sentence.start + link_end for position, _ in reading.people)  # "Ранее Миллер сообщал" speaks
        credited = [(sentence.start + a, sentence.start + b) for a, b in attributions(sentence.text)]
        outlets = [(start, sentence.stop) for start, _ in credited]  # "информирует РИА Новости": no actor
        reading.organisations = [(p, a) for p, a in reading.organisations if not inside(p, outlets)]
        reading.proposals = {k: v for k, v in reading.proposals.items() if k in {a for _, a in reading.people
                                                                                 + reading.organisations}}
        reading.triggers = [t for t in triggers_in(sentence.text, sentence.start)
                            if t.position not in sentence.future_words
                            and not (t.event_type == EventType.STATEMENT and (reading.cross_link
                                                                               or inside(t.position, credited)))]
        reading.new_fact = starts_new_fact(sentence.text)
        reading.speakers = self._speakers(reading, content)
        if len({a for _, a in reading.people}) >= 2:  # "Miller and Mirzamakhmudov have discussed": they met
            reading.triggers = [replace(t, strength=MET) if t.event_type == EventType.MEETING and t.strength < MET
                                else t for t in reading.triggers]
        outside_dates = _about_what_was_said(sentence, [m for m in mentions if not inside(m.start, content)],
                                             reading.fact())
        facts = [t for t in reading.triggers if inside(t.position, content) and t.strength >= REPORTED_FACT
                 and t.event_type != EventType.STATEMENT]
        if not facts:
            reading.date = sentence_date(outside_dates)
            reading.triggers = [t for t in reading.triggers if not inside(t.position, content) or t.strength >= FACT]
            return _two_happenings(reading, outside_dates, participial_clauses(sentence, outside_dates))
        happening = _part(reading, content, keep_inside=True)
        happening.date = (sentence_date([m for m in mentions if inside(m.start, content)])
                          or sentence_date(outside_dates))
        happening.speakers, happening.reported = [], True
        act = _part(reading, content, keep_inside=False)
        act.date, act.companion, act.new_fact = sentence_date(outside_dates), True, False
        if not happening.countries:  # "губернатор Оренбургской области сообщил, что БПЛА атаковали предприятие"
            happening.countries = list(act.countries)
        if act.speakers:
            return [happening, act]
        if act.organisations and not reading.cross_link and any(
                UNAFFECTED.search(sentence.text[a - sentence.start:b - sentence.start]) for a, b in content):
            act.own_claim = True  # "…прекратил приём газа, на газоснабжении Казахстана это не сказалось, сообщило
            return [happening, act]  # Минэнерго": the ministry's word that supply held is news of its own
        if not reading.cross_link:  # a body told it: the body is among those involved, not an event of its own
            happening.organisations += act.organisations
            happening.countries += act.countries
            happening.proposals |= act.proposals
        return [happening]

    @staticmethod
    def _speakers(reading: Reading, content: list[tuple[int, int]]) -> list[str]:
        """For each verb of saying, the person the sentence says it of (``reported.speaker_spans``), outside what
        is said; nobody when that is a pronoun or a body ("сообщили в Минэнерго", "the producer said")."""
        if reading.cross_link:
            return []
        sentence = reading.sentence
        outside = [(p, a) for p, a in reading.people if not inside(p, content)]
        speakers = []
        for speech in speeches(sentence.text):
            verb = sentence.start + speech.start
            for start, stop in speaker_spans(sentence, speech):
                named = [(p, a) for p, a in outside if sentence.start + start <= p < sentence.start + stop]
                if named:
                    speakers.append(min(named, key=lambda item: abs(item[0] - verb))[1])
                    break
        return list(dict.fromkeys(speakers))

    def _names(self, sentence: Sentence, found: list[Match[Any]]) -> Reading:
        reading = Reading(sentence, None)
        people_spans = [s for s in sentence.spans if s.kind == "PER"]
        names = longest_first((m for m in found if self._plausible(m, sentence, people_spans)), rank)
        covered = [(sentence.tokens[m.start].start, sentence.tokens[m.stop - 1].stop) for m in names]
        organisations = []
        for match, (start, stop) in zip(names, covered, strict=True):
            if is_dateline(match, sentence):
                written = sentence.text[start - sentence.start:stop - sentence.start]
                reading.flags.append(f"dateline not used as the place: {written}")
            elif isinstance(match.payload, Place) and match.payload.kind == PlaceKind.SITE and self._speaks_at(
                    sentence, start, stop):
                reading.flags.append(f"a speaker, not a venue: {match.payload.name_en}")
            elif isinstance(match.payload, OrganisationRef):
                organisations.append((match.payload, start, stop))
            else:
                self._note(reading, _province(sentence, match.payload, start, stop), start)
        for ref, start, stop in organisations:
            self._note_organisation(reading, ref, start, stop)
        self._note_regions(reading)
        self._note_spans(reading, covered, people_spans)
        return reading

    def _note_regions(self, reading: Reading) -> None:
        """"Оренбургской области": the country of the town the region is named after."""
        sentence = reading.sentence
        for region in REGION.finditer(sentence.text):
            for stem in (region.group(1), region.group(1) + "а"):
                cities = [p for p in self.knowledge.names.named(stem) if isinstance(p, Place)]
                if cities:
                    reading.countries.append((sentence.start + region.start(), cities[0].country))
                    break

    def _note_spans(self, reading: Reading, covered: list[tuple[int, int]], people_spans: list[NamedSpan]) -> None:
        """The people NER found (not the journalist), and the places and bodies it found that the atlas lacks."""
        sentence = reading.sentence
        for span in sentence.spans:
            if span.kind == "PER" and JOURNALIST.search(sentence.text[:span.start - sentence.start]):
                continue
            if span.kind == "PER":
                self._note_person(reading, span)
            elif not any(_overlaps(span.start, span.stop, a, b) for a, b in covered) and not any(
                    _overlaps(span.start, span.stop, p.start, p.stop) for p in people_spans):
                self._note_unknown(reading, span)

    @staticmethod
    def _speaks_at(sentence: Sentence, start: int, stop: int) -> bool:
        """"отметили в Кремле", "в Кремле заявили": a site next to a verb of saying is who speaks."""
        before = sentence.text[:start - sentence.start]
        after = sentence.text[stop - sentence.start:]
        return bool(METONYMY.search(before) or SPEECH_AFTER.match(after))

    def _places_misread_as_people(self, sentence: Sentence, found: list[Match[Any]]) -> Sentence:
        """NER sometimes takes a one-word place or body for a person ("упомянул Бухару", "в кулуарах Акорды"):
        a one-word "person" that is a known place (or organisation) and no known person is read as one;
        a rule-found English name loses the country it starts with ("Uzbekistan Jurabek Mirzamakhmudov"), never a
        town's name that is a first name too ("Vladimir Putin")."""
        named = {(sentence.tokens[m.start].start, sentence.tokens[m.stop - 1].stop): m.payload for m in found
                 if isinstance(m.payload, Place | CountryHint | OrganisationRef)}
        countries = {span: payload for span, payload in named.items()
                     if isinstance(payload, CountryHint) or (isinstance(payload, Place)
                                                             and payload.kind == PlaceKind.COUNTRY)}
        spans = []
        for span in sentence.spans:
            payload = named.get((span.start, span.stop))
            if (span.kind == "PER" and payload is not None and " " not in span.normal.strip()
                    and self.knowledge.actors.person_named(span.normal) is None):
                span = replace(span, kind="ORG" if isinstance(payload, OrganisationRef) else "LOC")
            elif span.kind == "PER" and self.lang == "en":
                span = self._without_places(span, countries)
            spans.append(span)
        return replace(sentence, spans=tuple(spans))

    @staticmethod
    def _without_places(span: NamedSpan, named: dict[tuple[int, int], Any]) -> NamedSpan:
        for (start, stop), _ in sorted(named.items()):
            if start == span.start and stop < span.stop:
                text = span.text[stop - span.start:].lstrip()
                return replace(span, start=span.stop - len(text), text=text, normal=text,
                               lemmas=span.lemmas[-len(text.split()):])
        return span

    def _plausible(self, match: Match[Any], sentence: Sentence, people_spans: list[NamedSpan]) -> bool:
        tokens = sentence.tokens[match.start:match.stop]
        if any(_overlaps(tokens[0].start, tokens[-1].stop, s.start, s.stop) for s in people_spans):
            return False  # NER's people win: "Ирина Новак" is not Alexander Novak
        if isinstance(match.payload, Place) and match.payload.kind == PlaceKind.CITY:
            return city_is_plausible(match, sentence, self.lang)
        if isinstance(match.payload, PersonRef):
            return all(token.capitalised for token in tokens)
        return True

    def _note(self, reading: Reading, name: Named, start: int) -> None:
        if isinstance(name, Place):
            reading.places.append((start, name))
            reading.countries.append((start, name.country))
        elif isinstance(name, CountryHint):
            reading.countries.append((start, name.country))
        elif isinstance(name, PersonRef):
            self._add_actor(reading, reading.people, start, name.actor_id)
        elif isinstance(name, RouteRef):
            reading.routes.append(name.route_id)

    def _add_actor(self, reading: Reading, into: list[Any], start: int, actor_id: str) -> None:
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
                reading.flags.append(f"organisation not identified: {name}")
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
        elif span.kind != "ORG" or name in NOT_ACTORS or words[0] in NOT_ACTORS or PIPELINE_NAME.search(name):
            return
        elif words[0] in UNIDENTIFIED_ORGANISATIONS:
            reading.flags.append(f"organisation not identified: {span.normal}")
        elif not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.source_title):  # the publisher is no actor
            actor_id, proposal = self.new_actors.organisation(span.normal)
            self._add_actor(reading, reading.organisations, span.start, actor_id)
            reading.proposals[actor_id] = proposal
