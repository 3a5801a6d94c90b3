"""Is a feed item about this field? Gas between Russia, Central Asia and their neighbours — decided from the
title and lede alone, before anything is fetched or read.

Words are compared by lemma (pymorphy for Russian, a plain suffix strip for English), never as substrings:
"газета" is no gas, "Газпром" and "газопровод" are. An item is relevant when it speaks of gas (a gas word, a
known gas actor or route) *and* of the region (one of its countries, towns or actors), and gas is not a
side note of an oil story ("oil and gas condensate production" at Tengiz).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gasatlas.news.extract.russian import lemma
from gasatlas.news.extract.units import fold

THRESHOLD = 0.5
WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё0-9]+)*")
GAS_WORDS = frozenset({
    # Russian lemmas
    "газ", "газовый", "газопровод", "газоснабжение", "газификация", "газифицировать", "газотранспортный",
    "газоперерабатывающий", "газохимический", "газпром", "кубометр", "куб", "спг", "газоконденсатный", "гпз",
    "qazaqgaz", "узтрансгаз", "туркменгаз", "газовик", "голубой", "метан", "компрессорный", "реверс",
    # English
    "gas", "gazprom", "pipeline", "pipelines", "lng", "bcm", "mcm", "cubic", "gasification", "uztransgaz",
    "turkmengaz", "cnpc",
})
ROUTE_WORDS = frozenset({
    "сила", "сибирь", "tapi", "тапи", "galkynysh", "галкыныш", "карачаганак", "karachaganak", "siberia",
    "средний", "азия-центр", "бейнеу", "beineu", "оренбургский", "orenburg", "серхетабат", "serhetabat",
})
"""Words of the routes and gas sites the atlas maps: with a gas word they make an item about the field."""
REGION_WORDS = frozenset({
    "россия", "российский", "рф", "москва", "казахстан", "казахстанский", "казахский", "астана", "алматы",
    "узбекистан", "узбекский", "узбекистанский", "ташкент", "туркменистан", "туркменский", "ашхабад",
    "киргизия", "кыргызстан", "киргизский", "кыргызский", "бишкек", "таджикистан", "таджикский", "душанбе",
    "китай", "китайский", "кнр", "пекин", "туркмения",
    "монголия", "афганистан", "пакистан", "индия", "центральный", "азия",
    "russia", "russian", "moscow", "kazakhstan", "kazakh", "astana", "uzbekistan", "uzbek", "tashkent",
    "turkmenistan", "turkmen", "ashgabat", "kyrgyzstan", "kyrgyz", "bishkek", "tajikistan", "tajik", "dushanbe",
    "china", "chinese", "beijing", "mongolia", "afghanistan", "afghan", "herat", "pakistan", "india", "asia",
    "миллер", "miller", "скляр", "sklyar", "мирзамахмудов", "mirzamakhmudov", "аккенженов", "akkenzhenov",
    "путин", "putin", "токаев", "tokayev", "мирзиёев", "мирзиеев", "mirziyoyev", "бердымухамедов",
    "berdimuhamedov", "новак", "novak",
})
OIL_WORDS = frozenset({"нефть", "нефтяной", "баррель", "нпз", "тенгиз", "кашаган", "opec", "опек", "oil", "crude",
                       "barrel", "barrels", "bpd", "tengiz", "kashagan", "brent", "cpc", "ктк", "бензин", "petrol"})
RUSSIA_WORDS = frozenset({"россия", "российский", "рф", "москва", "russia", "russian", "moscow"})
"""Russia alone does not make a gas story this field's: its gas to Europe (Ukraine transit, TurkStream) is
another region's story. The field needs a Central Asian or neighbouring country, or a person or site of it."""
GAS_ROUTES = (("сила", "сибирь"), ("power", "siberia"), ("тапи",), ("tapi",), ("союз", "восток"))
"""Routes whose name alone says gas, without a gas word ("Путин рассказал о «Силе Сибири — 2»")."""
ENGLISH_SUFFIXES = ("'s", "’s")


@dataclass(frozen=True)
class Relevance:
    """``relevant`` when ``score`` reaches ``THRESHOLD``; ``gas``/``region``/``oil`` count the words found."""

    relevant: bool
    score: float
    gas: int
    region: int
    oil: int


def forms(text: str) -> list[str]:
    """Each word's lemma (Cyrillic, through pymorphy) or its folded form (Latin); a hyphenated word also as its
    parts ("Сибири-2" → "сибирь")."""
    found = []
    for match in WORD.finditer(text):
        word = match.group()
        for part in [word, *word.split("-")] if "-" in word else [word]:
            if re.search(r"[А-Яа-яЁё]", part):
                found.append(lemma(part))
            else:
                folded = fold(part)
                for suffix in ENGLISH_SUFFIXES:
                    folded = folded.removesuffix(suffix)
                found.append(folded)
    return found


def relevance(title: str, text: str = "") -> Relevance:
    """How much a feed item (its title and summary or lede) is about gas in this region; see the module
    docstring. The title weighs double: it says what the story is about."""
    title_forms, text_forms = forms(title), forms(text)
    weighted = [(form, 2) for form in title_forms] + [(form, 1) for form in text_forms]
    gas = sum(weight for form, weight in weighted if form in GAS_WORDS) + 2 * sum(
        _named(title_forms, route) + _named(text_forms, route) for route in GAS_ROUTES)
    routes = sum(weight for form, weight in weighted if form in ROUTE_WORDS)
    region = sum(weight for form, weight in weighted if form in REGION_WORDS and form not in RUSSIA_WORDS) + routes
    oil = sum(weight for form, weight in weighted if form in OIL_WORDS)
    if not gas:
        score = 0.0
    else:
        score = min(1.0, 0.4 + 0.1 * min(gas + routes, 4) + (0.2 if region else 0.0))
        if oil > gas:
            score -= 0.4  # an oil story that mentions gas in passing
    score = round(max(score, 0.0), 3)
    return Relevance(score >= THRESHOLD and region > 0, score, gas, region, oil)


def _named(found: list[str], route: tuple[str, ...]) -> int:
    """How often the words of a route's name stand together in ``found``."""
    return sum(1 for i in range(len(found) - len(route) + 1) if tuple(found[i:i + len(route)]) == route)


def is_relevant(title: str, text: str = "") -> bool:
    return relevance(title, text).relevant
