"""Every alias the extractor knows beyond the atlas's own names — the one place to add one.

Names already in the data files (countries, facilities, actors, routes) are used
as they are; these tables hold only what a news text says differently. An
alias may name an id the atlas does not have: it is then simply not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FACILITY_ALIASES: dict[str, tuple[str, ...]] = {
    "orenburg-gpp": (
        "Оренбургский газоперерабатывающий завод", "Оренбургский ГПЗ", "ОГПЗ", "Оренбургский газовый завод",
        "Orenburg gas processing plant", "Orenburg gas plant", "Orenburg GPP",
    ),
    "karachaganak": ("Карачаганак", "Карачаганакское месторождение", "Karachaganak"),
    "galkynysh": ("Галкыныш", "Galkynysh"),
    "dauletabad": ("Довлетабад", "Даулетабад", "Dauletabad", "Dovletabat"),
    "alexandrov-gay": ("Александров Гай", "Alexandrov Gay", "Aleksandrov Gay"),
    "khorgos": ("Хоргос", "Khorgos", "Horgos"),
    "gazli": ("Gazli",),
    "beineu": ("Beyneu",),
    "lakhta-center": ("Лахта Центр", "Лахта-центр", "Lakhta Center", "Lakhta Centre"),
}
"""Facility id → other names of the facility (its ``name_en``/``name_ru`` are used too)."""


@dataclass(frozen=True)
class NamedSite:
    """A site that is not in facilities.csv but is where events take place."""

    phrases: tuple[str, ...]
    name_en: str
    name_ru: str
    country: str
    lat: float
    lon: float
    geo_precision: str
    source: str


NAMED_SITES: tuple[NamedSite, ...] = (
    NamedSite(
        # Only "в Кремле" / "in the Kremlin" is a place; "пресс-секретарь Кремля" is the organisation.
        phrases=("в Кремле", "в Кремль", "in the Kremlin", "at the Kremlin", "inside the Kremlin"),
        name_en="Kremlin, Moscow", name_ru="Кремль, Москва", country="RUS", lat=55.75167, lon=37.61778,
        geo_precision="exact", source="https://en.wikipedia.org/wiki/Moscow_Kremlin",
    ),
    NamedSite(
        # The Kazakh president's palace as a venue ("в кулуарах Акорды"); "Акорда сообщила" is the presidency.
        phrases=("в Акорде", "в Акорду", "в кулуарах Акорды", "in Akorda", "at Akorda", "at the Akorda"),
        name_en="Akorda, Astana", name_ru="Акорда, Астана", country="KAZ", lat=51.12583, lon=71.44639,
        geo_precision="exact", source="https://en.wikipedia.org/wiki/Ak_Orda_Presidential_Palace",
    ),
)

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "RUS": ("РФ", "Российская Федерация", "Russian Federation"),
    "KAZ": ("Республика Казахстан", "Republic of Kazakhstan"),
    "UZB": ("Республика Узбекистан", "Republic of Uzbekistan"),
    "TKM": ("Туркмения",),
    "CHN": ("КНР", "Китайская Народная Республика", "PRC", "People's Republic of China"),
    "KGZ": ("Кыргызстан", "Кыргызская Республика", "Kyrgyz Republic"),
}
"""ISO3 → other names of a country (its atlas ``name_en``/``name_ru`` are used too)."""

COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "RUS": ("российский", "Russian"),
    "KAZ": ("казахстанский", "казахский", "Kazakh", "Kazakhstani"),
    "UZB": ("узбекский", "узбекистанский", "Uzbek", "Uzbekistani"),
    "TKM": ("туркменский", "Turkmen", "Turkmenistani"),
    "CHN": ("китайский", "Chinese"),
    "AFG": ("афганский", "Afghan"),
    "PAK": ("пакистанский", "Pakistani"),
    "IND": ("индийский", "Indian"),
    "IRN": ("иранский", "Iranian"),
    "KGZ": ("киргизский", "кыргызский", "Kyrgyz"),
    "TJK": ("таджикский", "Tajik"),
    "MNG": ("монгольский", "Mongolian"),
}
"""ISO3 → adjectives: they say a country is involved ("казахстанского газа"), never where it happened."""

ORGANISATION_ALIASES: dict[str, tuple[str, ...]] = {
    "gazprom": ("Газпром", "Gazprom"),
    "qazaqgaz": ("QazaqGaz",),
    "kremlin": ("Кремль", "Kremlin"),
    "turkmengaz": ("Туркменгаз", "Turkmengaz"),
    "uztransgaz": ("Узтрансгаз", "Uztransgaz"),
    "kz-presidency": ("Акорда", "Akorda"),
}
"""Actor id → other names of an organisation (its ``name_en``/``name_ru`` and their parts are used too)."""

COUNTRY_ORGANISATIONS: tuple[tuple[tuple[str, ...], dict[str, str]], ...] = (
    (("Минэнерго", "Министерство энергетики", "energy ministry", "ministry of energy"),
     {"KAZ": "kz-energy-ministry", "UZB": "uz-energy-ministry"}),
    (("правительство", "government"), {"KAZ": "kz-government", "RUS": "ru-government"}),
    (("МИД", "Министерство иностранных дел", "foreign ministry", "ministry of foreign affairs"),
     {"KAZ": "kz-foreign-ministry"}),
)
"""Names every country's body shares ("Минэнерго"): the actor is the one of the country named
nearest to it in the same sentence ("Минэнерго Узбекистана" → uz-energy-ministry)."""

NOT_ACTORS: frozenset[str] = frozenset({"сми", "аэс", "тэс", "гэс", "гпз", "огпз", "media", "завод",
                                        "газоперерабатывающий", "месторождение", "газопровод", "бпла"})
"""Organisation-like words NER tags that name no one (the media, a power plant)."""

PIPELINE_NAME = re.compile(r"\bсил[аыуе]\s+сибир|\bсоюз\w*\s+восток|\bпоток\w*\b|\bstream\b|\bpower\s+of\s+siberia"
                           r"|\bsoyuz\s+vostok|\bгазопровод\w*|\bpipelines?\b|\bтапи\b|\btapi\b", re.IGNORECASE)
"""A pipeline's name that NER tags as an organisation («Сила Сибири-2», «Турецкий поток»): a route, never a new
actor."""

UNIDENTIFIED_ORGANISATIONS: frozenset[str] = frozenset({
    "минэнерго", "министерство", "правительство", "мид", "ведомство", "администрация", "кабмин", "минфин",
})
"""First words of bodies that need a country to be identified: flagged, never proposed as new actors."""

ROUTE_ALIASES: dict[str, tuple[str, ...]] = {
    "cac": ("САЦ", "CAC", "Central Asia–Centre"),
    "cac-china-abc": ("Central Asia–China", "Центральная Азия — Китай"),
}
"""Route id → other names of a route (its ``name_en``/``name_ru`` and their parts are used too)."""
