"""English interface words in text a Russian reader sees: what the Russian-page tests look for.

Not English interface, and so allowed: what the data itself holds (people's and
organisations' names, publication titles, places — every Latin word of the data
a Russian page shows), web addresses and file names, and a short list of names, codes and
formats the atlas uses as they are in either language.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from functools import cache

from gasatlas.config import PROJECT_ROOT

ALLOWED = frozenset({
    # the language switch names both languages, so a reader who does not read Russian finds the way back
    "English", "Language",
    # file formats and codes
    "CSV", "GeoJSON", "Excel", "ZIP", "PNG", "SVG", "SHA", "EN", "RU", "ISO", "UTC", "NER", "OpenID", "Connect",
    "README",
    # the map's credits: proper names of the map library, data sets and licences
    "Leaflet", "Natural", "Earth", "OpenStreetMap", "ODbL", "GEM", "CC", "BY", "Global", "Energy", "Monitor",
    # the Russian language model the news reader uses, named as such
    "natasha",
})
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
NOT_WORDS = re.compile(r"https?://\S+|[\w-]*\.(?:csv|geojson|md|txt|html?|xlsx|zip|toml)\b|\bdata/")
"""Addresses, file names (events.csv, .txt) and the data folder: written as they are in any language."""


SHOWN_AS_IS = ("source_title", "quote", "iso_a3")
"""Data fields a Russian page shows as the data has them (country codes label flow directions), beside every
field ending in ``_ru``."""


@cache
def data_words() -> frozenset[str]:
    """Every Latin word the data gives a Russian reader (names, publication titles, quotes): the data's, not the
    interface's."""
    values: list[str] = []
    for path in (PROJECT_ROOT / "data").iterdir():
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as file:
                rows = list(csv.DictReader(file))
        elif path.suffix == ".geojson":
            rows = [feature["properties"] for feature in json.loads(path.read_text(encoding="utf-8"))["features"]]
        else:
            continue
        values += [str(value) for row in rows for key, value in row.items() if key.endswith("_ru") or
                   key in SHOWN_AS_IS]
    return frozenset(LATIN_WORD.findall("\n".join(values)))


def english_words(texts: Iterable[str]) -> dict[str, str]:
    """Each English word found (a Latin word neither in the data nor allowed), with the text it is in."""
    found = {}
    for text in texts:
        for word in LATIN_WORD.findall(NOT_WORDS.sub(" ", text)):
            if word not in ALLOWED and word not in data_words():
                found.setdefault(word, text)
    return found
