"""Sentences grouped into passages, one per reported fact — read the way news is written.

- **The lede is the news.** Sentences before the first date of their own happened on the
  day of the report (the dateline's day, else the publication day): they open the first
  passage. When the article later tells the same fact with its date ("Узбекистан подписал
  соглашение…" … "соглашение было подписано 12 декабря"), the lede joins that telling.
- A sentence with a date of its own opens a passage; so does a reply or a media report
  (a new fact dated by the passage before it), and the act of telling a happening the same
  sentence reports ("…возобновил приём газа, сообщил министр" is a resumption *and* the
  minister's statement, on the same day).
- Undated sentences continue their paragraph's passage, never across a paragraph break: an
  undated paragraph belongs to the news of the day (the first passage) unless it opens by
  pointing back ("Он", "Также", "Стороны", "На этой встрече"), tells a happening the news does not (some
  time before the report), or gives the word to someone the news does not name (a statement
  of its own, on the day of the report).
- The same fact told twice — overlapping dates, the same type, a shared actor (or none on
  either side) — is merged into its first telling.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gasatlas.model.periods import interval_of
from gasatlas.model.vocab import DatePrecision, EventType
from gasatlas.news.extract.dates import PRECISION_RANK, DateMention, day_en, day_ru, inherited, within
from gasatlas.news.extract.gazetteer import PlaceKind
from gasatlas.news.extract.reading import REPORTED_FACT, Reading
from gasatlas.news.extract.rules import FACT, LATER, strongest
from gasatlas.news.extract.units import fold

POINTS_BACK = re.compile(
    r"^\W*(?:об\s+этом|он|она|они|его|её|ее|их|также|кроме\s+того|на\s+(?:этой|той)\s+встрече|в\s+ходе\s+(?:этой|той|встречи)"
    r"|по\s+итогам\s+(?:встречи|переговоров)|стороны|обе\s+стороны|he|she|they|his|her|their|also"
    r"|the\s+(?:meeting|talks|sides|parties)|both\s+sides|during\s+the)\b",
    re.IGNORECASE)
SPEAKING_AT = re.compile(r"^\W*(?:выступая|говоря)\s+на\s+(?:этой\s+|той\s+)?(?:церемони|встреч|заседани|форум|саммит"
                         r"|переговор|мероприяти)\w*|^\W*speaking\s+at\s+the\s+(?:ceremony|meeting|forum|summit|talks"
                         r"|event)\b", re.IGNORECASE)
"""Words said at the happening the news reports: "Выступая на церемонии, …", "Speaking at the ceremony, …"."""
LEDE_RETOLD_DAYS = 14
"""How far before the report a dated telling of the lede's fact may lie."""


@dataclass
class Passage:
    """The sentences telling one fact; ``inherited`` when its date comes from the passage before,
    ``lede`` when its date is only the day of the report."""

    date: DateMention
    readings: list[Reading]
    inherited: bool = False
    lede: bool = False
    paragraph: int = field(default=-1)
    context_countries: list[str] = field(default_factory=list)
    """Countries of the sentence before, for a fact that names none ("Поставки начались в октябре")."""
    another: bool = False
    """A second happening of the same kind on the same occasion ("Также подписано соглашение…") or one that follows
    on ("Later Peskov denied…"): never the same fact told again."""
    venue: Passage | None = None
    """The happening words were said at ("Выступая на церемонии, Бердымухамедов подчеркнул…"): where it was, they
    were said."""

    def actors(self) -> set[str]:
        return {a for r in self.readings for _, a in r.people + r.organisations}

    def people(self) -> set[str]:
        return {a for r in self.readings for _, a in r.people}

    def countries(self) -> set[str]:
        return {c for r in self.readings for _, c in r.countries}

    def event_type(self) -> str | None:
        trigger = strongest([t for r in self.readings for t in r.triggers])
        return trigger.event_type if trigger else None

    def types(self) -> set[str]:
        return {t.event_type for r in self.readings for t in r.triggers}

    def reports_fact(self) -> bool:
        return any(r.fact() for r in self.readings)

    def facilities(self) -> set[str]:
        return {p.facility_id for r in self.readings for _, p in r.places if p.facility_id} | {
            route for r in self.readings for route in r.routes}

    def tells_again(self, earlier: Passage) -> bool:
        """The same fact as ``earlier``: the same type of event on the same date — or, for a happening
        (not a statement), on dates one of which contains the other ("18 января" in "в январе") — and
        a shared actor or facility, or no actor on either side. Told on a finer date, the fact names no party
        the other telling lacks while lacking one it names: "Earlier this year, QazaqGaz and Gazprom signed an
        agreement" and "On January 24, Uzbekistan's Ministry of Energy and Gazprom signed a road map" are two
        signings."""
        kind = self.event_type()
        if kind != earlier.event_type() or self.another:
            return False
        if _one_document(self, earlier):
            return True
        same_day = _same_date(self.date, earlier.date)
        if not same_day and not (kind != EventType.STATEMENT and _nested(self.date, earlier.date)):
            return False
        if self.facilities() & earlier.facilities():
            return True
        mine, theirs = self.actors(), earlier.actors()
        if not same_day and mine - theirs and theirs - mine:
            return False
        if mine or theirs:
            return bool(mine & theirs)
        return True

    def retells_lede(self, lede: Passage, report_day: dt.date) -> bool:
        """A dated telling of the lede's fact: shortly before the report, a type the lede has, and a
        shared actor or every country the lede names."""
        start, stop = _interval(self.date)
        if self.date.precision not in {DatePrecision.DAY, DatePrecision.RANGE}:
            return False
        if not (report_day - dt.timedelta(days=LEDE_RETOLD_DAYS) <= start and stop <= report_day):
            return False
        kind = lede.event_type()
        if kind is None or kind == EventType.STATEMENT or kind not in self.types():
            return False
        return bool(self.actors() & lede.actors()) or (bool(lede.countries()) and lede.countries() <= self.countries())


CALENDAR = {DatePrecision.DAY, DatePrecision.PART_OF_MONTH, DatePrecision.MONTH, DatePrecision.QUARTER,
            DatePrecision.YEAR}
"""Precisions whose periods nest in one another; an approximate date or a range says "around", not "within"."""
PERIOD_LONG = {DatePrecision.QUARTER, DatePrecision.YEAR}
"""A change told for a quarter or a year is a change over it: "в этом году экспорт снизился в три раза" is not the
day's "Узбекистан прекратил экспорт" told again, though the day lies in the year."""


DOCUMENT = re.compile(r"(?:меморандум|соглашени|дорожн\w*\s+карт|контракт|договор|memorand|agreement|road\s?map"
                      r"|contract)", re.IGNORECASE)
"""The kind of document a signing names: one undated and one dated signing of the same kind are one signing."""


def _documents(passage: Passage) -> set[str]:
    return {fold(m.group()).split()[0][:6] for r in passage.readings for t in r.triggers
            if t.event_type == EventType.AGREEMENT and (m := DOCUMENT.search(t.text))}


def _one_document(a: Passage, b: Passage) -> bool:
    """"Меморандум, который мы подписали со Скляром" (no date of its own) and "В среду «Газпром» и Казахстан
    подписали меморандум": the signing told without a date is the one the article dates, when that date lies
    within the time it is placed in and both name the same kind of document."""
    undated, dated = (a, b) if a.date.note == UNDATED_NOTE else (b, a)
    if undated.date.note != UNDATED_NOTE or dated.date.precision != DatePrecision.DAY:
        return False
    start, stop = _interval(undated.date)
    if not start <= dated.date.date <= stop or undated.event_type() != EventType.AGREEMENT:
        return False
    return bool(_documents(a) & _documents(b))


def _nested(a: DateMention, b: DateMention) -> bool:
    if a.precision not in CALENDAR or b.precision not in CALENDAR:
        return False
    if (a.precision in PERIOD_LONG) != (b.precision in PERIOD_LONG):
        return False
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return (b0 <= a0 and a1 <= b1) or (a0 <= b0 and b1 <= a1)


def _interval(date: DateMention) -> tuple[dt.date, dt.date]:
    return interval_of(date.date, date.precision)


def _same_date(a: DateMention, b: DateMention) -> bool:
    return (a.date, a.precision) == (b.date, b.precision)


def report_date(day: dt.date) -> DateMention:
    """The date of an undated lede: the day of the report."""
    return DateMention(0, 0, day, DatePrecision.DAY, note=f"date not stated: the day of the report, {day_en(day)}")


TELLS_IT = re.compile(r"\bоб\s+этом\b|^\W*(?:this|that)\s+was\b", re.IGNORECASE)
"""Words by which a speaker tells the passage's happening itself ("Об этом заявил…", "This was announced by…"): said
on its day. Other words of someone not party to an earlier happening ("Peskov explained that at the first stage it
implies…") were said some time before the report, not on its day."""


def _starts_companion(reading: Reading, current: Passage) -> bool:
    """A person telling, in the passage's own paragraph, the happening the passage reports
    ("Об этом заявил председатель правления Бехзот Нарматов"): a statement of its own."""
    return (reading.date is None and bool(reading.speakers) and not reading.fact()
            and reading.sentence.paragraph == current.paragraph and current.reports_fact()
            and any(t.event_type == EventType.STATEMENT for t in reading.triggers)
            and not set(reading.speakers) <= current.actors())


UNDATED_NOTE = "date not stated for this fact: some time before the report"


def before_report(day: dt.date) -> DateMention:
    """The date of a happening told without one, away from the lede: some time before the report."""
    return DateMention(0, 0, day - dt.timedelta(days=1), DatePrecision.APPROXIMATE, f"before {day_en(day)}",
                       f"до {day_ru(day)}", UNDATED_NOTE)


ALSO = re.compile(r"^\W*(?:также|кроме\s+того|помимо\s+этого|also|in\s+addition|besides)\b", re.IGNORECASE)


def _another_of_the_kind(reading: Reading, current: Passage) -> bool:
    """"Также подписано соглашение об основных условиях переработки": a second happening of the kind the passage
    tells, on the same occasion — a fact of its own, on the passage's date."""
    kinds = {t.event_type for t in reading.triggers if t.strength >= FACT}
    return bool(ALSO.match(reading.sentence.text)) and current.event_type() in kinds and any(
        t.strength >= FACT and t.event_type in kinds for r in current.readings for t in r.triggers)


def _retells_news(reading: Reading, news: Passage) -> bool:
    """An undated happening in someone's words that is the news's own kind, among no one else: the news told again
    in a quote («…весь экспорт газа, в том числе в Китай, приостановлен на 100%», – отметил он), not an earlier
    fact."""
    kinds = {t.event_type for t in reading.triggers if t.strength >= REPORTED_FACT}
    actors = {a for _, a in reading.people + reading.organisations}
    return news.lede and bool(kinds) and kinds <= news.types() and actors <= news.actors()


def _separate(reading: Reading, news: Passage) -> bool:
    """An undated happening in a later paragraph that the news does not tell — another type of event, among
    other people: a fact of its own."""
    return reading.fact() and not ({t.event_type for t in reading.triggers} & news.types()) and not (
        {a for _, a in reading.people} & news.people())


def _says_more(reading: Reading, news: Passage) -> bool:
    """Someone in a later paragraph speaking beside the news's happening ("Выступая на церемонии,
    Бердымухамедов подчеркнул…", "Uztransgaz said…"): their words are a statement of their own."""
    speaks = any(t.event_type == EventType.STATEMENT for t in reading.triggers)
    voices = set(reading.speakers) or {a for _, a in reading.organisations} - news.actors()
    return speaks and bool(voices) and not reading.fact() and news.event_type() not in {None, EventType.STATEMENT}


def group_passages(readings: Iterable[Reading], report_day: dt.date) -> list[Passage]:
    """One passage per fact: see the module docstring."""
    passages: list[Passage] = []
    for reading in readings:
        paragraph = reading.sentence.paragraph
        current = passages[-1] if passages else None
        if reading.companion and current is not None:
            passages.append(Passage(reading.date or report_date(report_day), [reading], paragraph=paragraph))
        elif reading.date is not None:
            if (current is not None and _same_date(current.date, reading.date) and not reading.new_fact
                    and current.paragraph == paragraph):
                current.readings.append(reading)
            else:
                passages.append(Passage(reading.date, [reading], paragraph=paragraph))
        elif current is None:
            passages.append(Passage(report_date(report_day), [reading], lede=True, paragraph=paragraph))
        else:
            _place_undated(reading, passages, report_day)
    return _merge(_countries_from_before(_inside_windows(passages)), report_day)


STAY = re.compile(r"\b(?:работа\w*|наход\w*|пребыва\w*|гостит|is|was|stays?|stayed|visiting)\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:в|во|in)\s+$", re.IGNORECASE)
""""работает в Китае", "находится с визитом в Казахстане", "is in China": where someone spends a window of days."""


@dataclass(frozen=True)
class Stay:
    """Someone of ``visitors``' countries in ``country`` from ``since`` to ``until``, as a window of days in the
    article says ("Президент РФ 31 августа – 3 сентября работает в Китае")."""

    since: dt.date
    until: dt.date
    country: str
    visitors: frozenset[str]

    def covers(self, day: dt.date) -> bool:
        return self.since <= day <= self.until


def stays_of(passages: list[Passage]) -> list[Stay]:
    """The stays the article states: a sentence dated by a window of days that names the country someone is in
    (after "работает в", "находится в", "is in"), and the other countries it names — whose people they are."""
    found = []
    for reading in (r for p in passages for r in p.readings):
        window = reading.date
        if window is None or window.precision != DatePrecision.RANGE or window.until is None:
            continue
        text, offset = reading.sentence.text, reading.sentence.start
        hosts = [place.country for position, place in reading.places
                 if place.kind == PlaceKind.COUNTRY and STAY.search(text[:position - offset])]
        if hosts:
            found.append(Stay(window.date, window.until, hosts[0],
                              frozenset(c for _, c in reading.countries) - {hosts[0]}))
    return found


def _inside_windows(passages: list[Passage]) -> list[Passage]:
    """"Президент РФ 31 августа – 3 сентября работает в Китае. Глава государства принял участие в саммите ШОС":
    a window of days that tells no happening of its own (a stay) dates what its passage goes on to tell only to
    within the window (``dates.within``)."""
    for passage in passages:
        first = passage.readings[0]
        if passage.date.precision == DatePrecision.RANGE and passage.date.until is not None and not first.triggers \
                and any(r.triggers for r in passage.readings[1:]):
            passage.date = within(passage.date)
    return passages


def _place_undated(reading: Reading, passages: list[Passage], report_day: dt.date) -> None:
    """An undated sentence after the first: a new fact of its own, or part of the passage it continues."""
    paragraph, current = reading.sentence.paragraph, passages[-1]
    if reading.new_fact:
        passages.append(Passage(inherited(current.date), [reading], inherited=True, paragraph=paragraph,
                                another=bool(LATER.match(reading.sentence.text))))
    elif _another_of_the_kind(reading, current):
        passages.append(Passage(current.date, [reading], paragraph=paragraph, another=True))
    elif (reading.speakers and not reading.fact() and current.date.note == before_report(report_day).note
          and not set(reading.speakers) & current.actors()):
        # who said it speaks at the time of the report, not at the time of what they told
        passages.append(Passage(report_date(report_day), [reading], paragraph=paragraph))
    elif _starts_companion(reading, current):
        told = current.lede or current.date.date >= report_day or POINTS_BACK.match(reading.sentence.text) \
            or TELLS_IT.search(reading.sentence.text)
        passages.append(Passage(current.date if told else before_report(report_day), [reading], paragraph=paragraph))
    elif reading.reported and _retells_news(reading, passages[0]):
        passages[0].readings.append(reading)
    elif reading.reported:
        passages.append(Passage(reading.weak_date or before_report(report_day), [reading], paragraph=paragraph))
    else:
        _place_in_story(reading, passages, report_day)


def _place_in_story(reading: Reading, passages: list[Passage], report_day: dt.date) -> None:
    """An undated sentence that reports no happening in someone's words: words said beside the news, the passage
    its paragraph (or its pointing back) continues, a fact of its own, or the news."""
    paragraph, current, news = reading.sentence.paragraph, passages[-1], passages[0]
    points_back = POINTS_BACK.match(reading.sentence.text)
    if current is news and paragraph != current.paragraph and not points_back and _says_more(reading, current):
        venue = news if SPEAKING_AT.match(reading.sentence.text) else None
        passages.append(Passage(news.date, [reading], paragraph=paragraph, venue=venue))
    elif paragraph == current.paragraph or points_back or set(reading.speakers) & current.actors():
        current.readings.append(reading)
    elif _separate(reading, news):
        passages.append(Passage(reading.weak_date or before_report(report_day), [reading], paragraph=paragraph))
    elif reading.speakers and not set(reading.speakers) & news.actors():
        passages.append(Passage(report_date(report_day), [reading], paragraph=paragraph))
    else:
        news.readings.append(reading)
        news.paragraph = paragraph


def _countries_from_before(passages: list[Passage]) -> list[Passage]:
    """"Поставки начались в октябре": a fact that names no country concerns those of the sentence before
    it in its paragraph."""
    for before, passage in itertools.pairwise(passages):
        if not passage.countries() and before.paragraph == passage.readings[0].sentence.paragraph:
            passage.context_countries = sorted(before.countries() | set(before.context_countries))
    return passages


def _merge(passages: list[Passage], report_day: dt.date) -> list[Passage]:
    """The lede joins its dated retelling; any fact told twice is merged into its first telling."""
    if passages and passages[0].lede:
        lede = passages[0]
        retelling = next((p for p in passages[1:] if p.retells_lede(lede, report_day)), None)
        if retelling is not None:
            retelling.readings.extend(lede.readings)
            passages = passages[1:]
    merged: list[Passage] = []
    for passage in passages:
        earlier = next((p for p in merged if passage.tells_again(p)), None)
        if earlier is not None:
            earlier.readings.extend(passage.readings)
            if PRECISION_RANK[passage.date.precision] < PRECISION_RANK[earlier.date.precision]:
                earlier.date = passage.date  # the finer telling dates the fact
        else:
            merged.append(passage)
    return merged

