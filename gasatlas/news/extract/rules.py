"""Keyword rules, one table each: what type of event a passage reports, which words
start a new fact, and which routes a passage concerns.

Patterns are stems matched in lower-cased text, Russian and English side by side,
so a reviewer can read why a candidate got its type or its route.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gasatlas.dataset.load import Dataset
from gasatlas.model.vocab import EventType
from gasatlas.news.extract.aliases import ROUTE_ALIASES
from gasatlas.news.extract.phrases import Key, name_variants, phrase_keys
from gasatlas.news.extract.russian import lemma

FACT = 1.0
"""Strength of a trigger that is the event itself (signed, halted, resumed), not talk about it."""
TOLD_FACT = 0.8
"""From this strength a trigger after a verb of saying is a happening told, not talk (met, cut supplies)."""


@dataclass(frozen=True)
class TriggerRule:
    event_type: EventType
    pattern: re.Pattern[str]
    strength: float


def _rule(event_type: EventType, pattern: str, strength: float) -> TriggerRule:
    return TriggerRule(event_type, re.compile(pattern, re.IGNORECASE), strength)


INTENTION = (r"(?!\s+(?:[\w«»\"-]+,?\s+){0,5}?(?:обсудить|обсуждать|рассмотреть|продолжить|проработать|изучить"
             r"|встретиться|провести|to\s+(?:discuss|consider|continue|study|meet|hold)))")
""""договорился с Мирзиёевым и Токаевым обсудить перспективы" is an intention to talk, not an agreement made."""
EVENT_TYPE_RULES: tuple[TriggerRule, ...] = (
    _rule(EventType.AGREEMENT, r"\bподписа\w*+(?!\s+(?:указ|постановлени|распоряжени|закон))|\bзаключи\w*"
                               r"|\bзаключен\w*"
                               r"|\bsign(?:ed|s|ing)?+\b(?!\s+(?:a\s+|the\s+)?(?:decree|law|order))|\binked\b", FACT),
    _rule(EventType.AGREEMENT, r"(?:\bдоговорил\w*+|\bagreed\b)" + INTENTION, 0.9),
    _rule(EventType.AGREEMENT, r"\bдорожн\w*\s+карт\w*|\bсоглашени\w*|\bмеморандум\w*|\bдоговор\b|\bдоговор[аеуо]\w*"
                               r"|\bконтракт\w*|\broad\s?maps?\b|\bagreements?\b|\bmemorandum\b|\bcontracts?\b", 0.55),
    _rule(EventType.SUPPLY_CHANGE, r"\b(?:увеличил\w*|нарастил\w*|сократил\w*|снизил\w*"
                                   r"|вырос(?:ли|ла|ло)?|выросл\w*|удвоил\w*"
                                   r"|increased|rose|grew|doubled|fell|declined|dropped|delivered)\b"
                                   r"|\b(?:двукратн|двухкратн|трехкратн|трёхкратн)\w*\s+(?:рост|увеличени|сокращени)\w*"
                                   r"|\b\d+(?:[.,]\d+)?-fold\b|\bв\s+\d+(?:[.,]\d+)?\s+раза?\b", 0.85),
    _rule(EventType.DISRUPTION, r"\bатакова\w*|\bпострада\w*|\bповрежд[её]н\w*|\battacked\b|\bdamaged\b", 0.85),
    _rule(EventType.DISRUPTION, r"\bприостанов\w*|\bпрекрат\w*|\bпрекращ\w*|\bостанови\w*|\bостановлен\w*|\bперебо\w*"
                                r"|\bавари\w*"
                                r"|\bсократи\w*\s+поставо?к\w*|\bhalt\w*|\bsuspend\w*|\bstopped\b|\bcut\s+off\b"
                                r"|\bdisrupt\w*|\boutages?\b", FACT),
    _rule(EventType.SUPPLY_CHANGE, r"\bначал\w*\s+поставо?к\w*|\bпоставо?к\w*\s+начал\w*|\bвозобнов\w*"
                                   r"|\bувелич\w*\s+поставо?к\w*|\bзапу(?:сти|ще|ска)\w*\s+поставо?к\w*|\bреверс\w*"
                                   r"|\bresum\w*|\b(?:began|begun|started|start|launch\w*)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:supplying|supplies|deliveries|exports|pumping|transfers|flows|shipments)\b"
                                   r"|\b(?:supplies|deliveries|exports)\s+(?:began|started)\b"
                                   r"|\bincreas\w*\s+(?:supplies|deliveries)\b|\breversed?\s+flow\b", FACT),
    _rule(EventType.CONSTRUCTION, r"\bначал\w*\s+строительств\w*|\bстроительство\s+началось"
                                  r"|\bзапуск\w*\s+строительств\w*|\bцеремони\w*\s+(?:открытия\s+и\s+)?(?:запуска|начала)"
                                  r"\s+строительств\w*"
                                  r"|\bввод\w*\s+в\s+эксплуатаци\w*"
                                  r"|\b(?:технические|подготовительные|строительные)\s+(?:работы|мероприятия)\b[^.]{0,80}?"
                                  r"\bзавершен\w*|\bзавершил\w*\s+(?:технические|подготовительные|строительные)\s+"
                                  r"(?:работы|мероприятия)"
                                  r"|\b(?:technical|preparatory|construction)\s+work\s+(?:\w+\s+){0,3}?(?:completed|finished)\b"
                                  r"|\b(?:began|started|completed|finished)\s+(?:the\s+)?construction\b"
                                  r"|\bcommissioned\b", FACT),
    _rule(EventType.MEETING, r"\bобсуди\w*\s+с\s|\bобсуждал\w*\s+[^.]{0,80}?\sс\s+(?:президент|премьер|министр|глав)\w*"
                             r"|\bdiscussed\s+with\b|\bпровел\w*\s+(?:\S+\s+){0,3}?переговор\w*|\bheld\s+talks\b|\bконтакт\w*"
                             r"|\bcontacts\s+between\b", 0.85),
    _rule(EventType.MEETING, r"\bдоговорил\w*\s+(?:продолжить|провести|обсудить|рассмотреть|вернуться)"
                             r"|\bagreed\s+to\s+(?:continue|hold|discuss)\b", 0.95),
    _rule(EventType.MEETING, r"\bвстрети\w*|\bвстреча(?:л|ю|е)\w*|\bпринял\w*\s+гост\w*|\bгост\w*\s+принял\w*"
                             r"|\bпосети\w*|\bпринял\w*\s+(?:руководител|глав|министр|президент|делегаци)\w*|\bmet\b"
                             r"|\bmeets\b|\bvisited\b|\bhosted\b", 0.8),
    _rule(EventType.MEETING, r"\bвстреч\w*|\bпереговор\w*|\bвизит\w*|\bmeeting\w*|\btalks\b|\bvisit\b|\bvisits\b",
          0.6),
    _rule(EventType.PROPOSAL, r"\bинициатив\w*|\bпредлож\w*|\bпредлага\w*|\bвыдвину\w*|\bpropos\w*|\binitiative\w*"
                              r"|\bsuggest\w*", 0.7),
    _rule(EventType.CONSTRUCTION, r"\bстроительств\w*|\bпострои\w*|\bпрокладк\w*|\bconstruction\b|\bbuild\w*"
                                  r"|\bbuilt\b|\bpipe-?laying\b|\bукладк\w*\s+труб\w*", 0.6),
    _rule(EventType.MEETING, r"\bобсуди\w*|\bобсужда\w*|\bdiscuss\w*|\bфорум\w*|\bсаммит\w*|\bконференци\w*"
                             r"|\bforum\b|\bsummit\b|\bconference\b", 0.6),
    _rule(EventType.STATEMENT, r"\bназва\w*|\bзаяви\w*|\bсообщи\w*|\bответи\w*|\bотмети\w*|\bподчеркну\w*|\bрассказа\w*"
                               r"|\bпояснил\w*|\bписал\w*|\bпо\s+словам\b|\bпо\s+(?:информации|данным)\b|\bsaid\b"
                               r"|\bsays\b|\bstated\b|\btold\b|\bexplained\b|\bnoted\b|\badded\b|\bannounc\w*|\brepl(?:ied|ies)\b|\baccording\s+to\b|\bdenied\b|\bопроверг\w*"
                               r"|\breported\b|\bвырази\w*\s+(?:обеспокоенност|озабоченност|протест|сожалени)\w*"
                               r"|\bexpressed\s+(?:concern|regret)\b", 0.5),
)
"""Event-type triggers with the strength the type is read with; the strongest in a passage decides."""

LATER = re.compile(r"^\W*(?:позднее|позже|впоследствии|затем|потом|после\s+этого|later|subsequently|then|afterwards"
                   r"|after\s+that)\b", re.IGNORECASE)
"""A sentence that opens by following on ("Затем…", "Later…"): what it tells came after what was told before."""
NEW_FACT_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:ответил\w*|возразил\w*|парировал\w*|replied|responded|countered|hit\s+back)\b", re.IGNORECASE),
    LATER,
    re.compile(r"\bпо\s+(?:информации|данным|сообщениям)\s+(?:сми|источник\w*|издани\w*|газет\w*|агентств\w*)"
               r"|\bкак\s+сообщают\s+сми\b|\baccording\s+to\s+(?:media|press|news)\b|\bmedia\s+reported\b"
               r"|\breportedly\b", re.IGNORECASE),
)
"""Words that begin a separate fact even without a date of its own: a reply, a media report, "Later…", "Затем…"."""


@dataclass(frozen=True)
class Trigger:
    event_type: EventType
    strength: float
    position: int
    text: str


POSSIBLE = re.compile(r"(?:\bвозможност\w*|\bпланах|\bплан\w*|\bнамерени\w*|\bготовност\w*|\bперспектив\w*"
                      r"|\bдля|\bобеспечить|\bцел\w*|\bin\s+order\s+to|\baimed\s+at"
                      r"|\bpossibility\s+of|\bplans?\s+(?:to|for)|\bprospects?\s+(?:of|for))\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
""""о возможности возобновления поставок", "для увеличения поставок": a happening that may come, or that
something is for, not one that came."""
BACKGROUND = re.compile(r"(?:\bпосле|\bиз-за|\bвследствие|\bна\s+фоне|\bв\s+связи\s+с|\bafter|\bfollowing|\bamid"
                        r"|\bdue\s+to)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
"""A trigger right after "после"/"after" names the cause or background of what the sentence reports."""
HALT = re.compile(r"приостанов|прекрат|прекращ|останови|halt|suspend|stopped", re.IGNORECASE)
INCIDENT = re.compile(r"атак|авари|пожар|возгоран|взрыв|закупорк|поврежд|БПЛА|беспилотн|\bdrone|attack|accident|fire\b"
                      r"|explosion|blast|damage|frozen|freez", re.IGNORECASE)
"""A halt is a disruption when something happened to the gas system; a decision to stop exports is a supply change."""


NEGATED_BEFORE = re.compile(r"(?:\bне|\bнет|\bбез|\bnot|\bno|\bnever|n't)\s+(?:\w+\s+)?$", re.IGNORECASE)
NEGATED_AFTER = re.compile(r"^\w*\s+(?:[\w«»\"]+\s+){0,4}?(?:нет|не\s+было)\b", re.IGNORECASE)
""""перебоев с газом нет", "не стали продлевать": a happening said not to have happened."""


def _typed(trigger: Trigger, text: str) -> Trigger:
    if trigger.event_type == EventType.DISRUPTION and HALT.match(trigger.text) and not INCIDENT.search(text):
        return Trigger(EventType.SUPPLY_CHANGE, trigger.strength, trigger.position, trigger.text)
    return trigger


def triggers_in(text: str, offset: int = 0) -> list[Trigger]:
    """Event-type triggers of a sentence. What follows a speech verb is what someone said:
    "сообщил о продолжении переговоров" is a statement, not a meeting — unless it is a fact
    (FACT strength: "писал, что Туркменистан приостановил экспорт" is a disruption)."""
    found = [_typed(Trigger(rule.event_type, rule.strength, offset + m.start(), m.group()), text)
             for rule in EVENT_TYPE_RULES for m in rule.pattern.finditer(text)
             if not BACKGROUND.search(text[:m.start()]) and not NEGATED_BEFORE.search(text[:m.start()])
             and not POSSIBLE.search(text[:m.start()])
             and not NEGATED_AFTER.match(text[m.start():])]
    speech = min((t.position for t in found if t.event_type == EventType.STATEMENT), default=None)
    return [t for t in found if speech is None or t.position <= speech or t.strength >= TOLD_FACT]


def strongest(triggers: list[Trigger]) -> Trigger | None:
    """The trigger that types a passage: the strongest, the earliest of equals."""
    return max(triggers, key=lambda t: (t.strength, -t.position), default=None)


def starts_new_fact(text: str) -> bool:
    return any(marker.search(text) for marker in NEW_FACT_MARKERS)


@dataclass(frozen=True)
class RouteRef:
    route_id: str


@dataclass(frozen=True)
class RouteRule:
    """A route a passage concerns when all ``countries`` and one of ``any_country`` are
    involved, ``words`` occur, and one of ``facilities`` is linked (each when given)."""

    route_id: str
    words: re.Pattern[str] | None = None
    countries: frozenset[str] = frozenset()
    any_country: frozenset[str] = frozenset()
    facilities: frozenset[str] = frozenset()

    def applies(self, text: str, countries: set[str], facilities: set[str]) -> bool:
        return ((self.words is None or bool(self.words.search(text)))
                and self.countries <= countries
                and (not self.any_country or bool(self.any_country & countries))
                and (not self.facilities or bool(self.facilities & facilities)))


SUPPLY_WORDS = re.compile(r"поставо?к|постав(?:ля|ит)|экспорт|импорт|транзит|транспортировк|supply|supplies|deliver"
                          r"|export|import|transit", re.IGNORECASE)
BUYER_WORDS = re.compile(r"покупател|претендент|buyer|customer", re.IGNORECASE)
GAS_UNION = re.compile(r"газов\w*\s+союз|gas\s+union", re.IGNORECASE)

ROUTE_RULES: tuple[RouteRule, ...] = (
    RouteRule("corr-ru-uz-via-kz", words=GAS_UNION),
    RouteRule("corr-ru-uz-via-kz", words=SUPPLY_WORDS, countries=frozenset({"RUS", "UZB"})),
    RouteRule("corr-ru-cn-union", words=BUYER_WORDS, countries=frozenset({"RUS", "CHN"})),
    RouteRule("corr-ru-af-pk", words=SUPPLY_WORDS, countries=frozenset({"RUS"}), any_country=frozenset({"AFG", "PAK"})),
    RouteRule("corr-tm-uz", words=SUPPLY_WORDS, countries=frozenset({"TKM", "UZB"})),
    RouteRule("corr-ru-kz", words=SUPPLY_WORDS, countries=frozenset({"RUS", "KAZ"})),
    RouteRule("karachaganak-orenburg", facilities=frozenset({"orenburg-gpp", "karachaganak"})),
)
"""Routes by what a passage says about gas between countries; named routes are found by name."""


def routes_by_rule(text: str, countries: set[str], facilities: set[str]) -> list[str]:
    return list(dict.fromkeys(rule.route_id for rule in ROUTE_RULES if rule.applies(text, countries, facilities)))


def route_name_entries(atlas: Dataset) -> Iterator[tuple[set[Key], RouteRef]]:
    for row in atlas.routes.itertuples(index=False):
        names = [*name_variants(row.name_en), *name_variants(row.name_ru), *ROUTE_ALIASES.get(row.id, ())]
        yield {key for name in names for key in phrase_keys(name, lemma)}, RouteRef(row.id)
