"""The shipped dataset holds what the atlas promises: the seed's story and the region's network."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gasatlas.config import PROJECT_ROOT
from gasatlas.model.schema import EVENT_COLUMNS, Event
from gasatlas.model.status import routes_as_of, status_as_of
from tests.support.data import SHARED

DATA = PROJECT_ROOT / "data"
SEED_ARTICLE = SHARED / "seed" / "000_c4f7025143f6b3ea.txt"
SEED_URL = "https://www.spot.uz/ru/2023/01/20/gas-ru-kz/"


def test_the_events_file_has_every_field_in_the_documented_order() -> None:
    header = (DATA / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")

    assert tuple(header) == EVENT_COLUMNS
    assert set(EVENT_COLUMNS) == set(Event.model_fields)


def test_the_seven_focus_countries_and_their_neighbours_are_mapped(atlas) -> None:
    focus = set(atlas.countries.loc[atlas.countries["focus"], "iso_a3"])
    context = set(atlas.countries.loc[~atlas.countries["focus"], "iso_a3"])

    assert focus == {"RUS", "KAZ", "UZB", "TKM", "CHN", "AFG", "PAK"}
    assert {"KGZ", "TJK", "MNG", "IRN", "IND"} <= context


def test_the_orenburg_plant_and_the_key_sites_are_facilities(atlas) -> None:
    facilities = atlas.facilities.set_index("id")

    assert facilities.loc["orenburg-gpp", "kind"] == "processing_plant"
    assert facilities.loc["orenburg-gpp", "geo_precision"] == "approximate", "its position is unverified"
    for required in ["karachaganak", "galkynysh", "alexandrov-gay", "khorgos", "gazli", "beineu", "shymkent",
                     "lakhta-center"]:
        assert required in facilities.index


def test_the_network_includes_every_route_the_seed_discusses(atlas) -> None:
    routes = atlas.routes.set_index("id")
    required = {
        "cac": "pipeline", "bukhara-ural": "pipeline", "cac-china-abc": "pipeline",
        "cac-china-d": "proposed_pipeline", "beineu-bozoi-shymkent": "pipeline", "saryarka": "pipeline",
        "karachaganak-orenburg": "pipeline", "power-of-siberia": "pipeline",
        "power-of-siberia-2": "proposed_pipeline", "tapi": "proposed_pipeline",
        "corr-ru-kz": "supply_corridor", "corr-ru-uz-via-kz": "supply_corridor",
        "corr-ru-cn-union": "supply_corridor", "corr-ru-af-pk": "supply_corridor",
    }
    for route_id, kind in required.items():
        assert routes.loc[route_id, "kind"] == kind, route_id


@pytest.mark.parametrize(
    ("route_id", "day", "status"),
    [
        ("cac", dt.date(2023, 10, 6), "operating"),
        ("cac", dt.date(2023, 10, 7), "reversed"),
        ("corr-tm-uz", dt.date(2023, 1, 11), "operating"),
        ("corr-tm-uz", dt.date(2023, 1, 15), "suspended"),
        ("corr-tm-uz", dt.date(2023, 1, 21), "operating"),
        ("corr-ru-uz-via-kz", dt.date(2023, 1, 1), "proposed"),
        ("corr-ru-uz-via-kz", dt.date(2023, 12, 1), "operating"),
        ("power-of-siberia", dt.date(2019, 12, 2), "operating"),
    ],
)
def test_the_network_can_be_read_as_of_any_date(atlas, route_id: str, day: dt.date, status: str) -> None:
    history = atlas.routes.set_index("id").loc[route_id, "status_history"]

    assert status_as_of(history, day)["status"] == status


def test_a_route_not_yet_built_is_absent_from_the_network(atlas) -> None:
    shown = set(routes_as_of(atlas.routes, dt.date(2019, 12, 1))["id"])

    assert "power-of-siberia" not in shown
    assert "cac" in shown


SEED_EVENTS = {
    "ev-2023-01-18-gazprom-kazakhstan-roadmap": ("2023-01-18", {"sklyar", "miller", "akchulakov", "zharkeshov"}),
    "ev-2023-01-10-sklyar-novak": ("2023-01-10", {"sklyar", "novak"}),
    "ev-2022-11-28-gas-union-proposed": ("2022-11-28", {"putin", "tokayev"}),
    "ev-2022-11-29-novak-china-buyer": ("2022-11-29", {"novak", "peskov"}),
    "ev-2022-12-07-uzbekistan-rejects-union": ("2022-12-07", {"mirzamakhmudov"}),
    "ev-2022-12-08-peskov-no-political-conditions": ("2022-12-08", {"peskov"}),
    "ev-2022-12-25-novak-afghanistan-pakistan": ("2022-12-25", {"novak"}),
    "ev-2023-01-12-turkmen-exports-halted": ("2023-01-12", set()),
}


@pytest.mark.parametrize("event_id", SEED_EVENTS)
def test_every_event_of_the_seed_article_is_in_the_dataset(atlas, event_id: str) -> None:
    event = atlas.events.set_index("id").loc[event_id]
    day, people = SEED_EVENTS[event_id]

    assert event["date"].date().isoformat() == day
    assert set(event["participants"]) == people


def test_the_roadmap_event_links_the_orenburg_plant_and_its_routes(atlas) -> None:
    roadmap = atlas.events.set_index("id").loc["ev-2023-01-18-gazprom-kazakhstan-roadmap"]

    assert "orenburg-gpp" in roadmap["facility_ids"]
    assert {"karachaganak-orenburg", "corr-ru-kz"} <= set(roadmap["route_ids"])
    assert roadmap["place_name_en"] == "St Petersburg"


def test_events_of_unknown_place_sit_at_their_country_label_point(atlas) -> None:
    labels = atlas.countries.set_index("iso_a3")
    unknown = atlas.events[atlas.events["geo_precision"] == "country"]

    assert len(unknown) >= 3
    for event in unknown.itertuples():
        assert (event.lat, event.lon) == (labels.loc[event.place_country, "label_lat"],
                                          labels.loc[event.place_country, "label_lon"]), event.id
        assert "not reported" in event.place_name_en
        assert event.place_country == event.countries[0], f"{event.id}: the marker sits in its first country"


def test_the_story_runs_to_the_newest_reports_each_event_sourced(atlas) -> None:
    events = atlas.events

    assert len(events) >= 130
    assert events["date"].max().year >= 2026
    assert events["source_url"].str.startswith(("https://", "http://")).all()
    assert events["quote"].notna().mean() > 0.8, "most reports give a sentence to quote"


def test_every_event_is_linked_to_a_route_or_facility(atlas) -> None:
    unlinked = atlas.events[(atlas.events["route_ids"].map(len) == 0) & (atlas.events["facility_ids"].map(len) == 0)]

    assert unlinked.empty, list(unlinked["id"])


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="../shared/seed is not available")
def test_quotes_from_the_seed_are_verbatim_single_sentences(atlas) -> None:
    article = " ".join(SEED_ARTICLE.read_text(encoding="utf-8").split())  # the article uses no-break spaces
    from_seed = atlas.events[(atlas.events["source_url"] == SEED_URL) & atlas.events["quote"].notna()]

    assert len(from_seed) >= 3
    for event in from_seed.itertuples():
        assert event.quote in article, event.id
        assert event.quote.count(". ") == 0, f"{event.id}: a quote is at most one sentence"


@pytest.mark.skipif(not (SHARED / "reference" / "gem-routes").exists(), reason="../shared/reference is not available")
def test_route_geometries_are_reproducible_from_the_surveyed_sources() -> None:
    from devtools.build_routes import GEM_DIR, build

    rebuilt = {f["properties"]["id"]: f["geometry"] for f in build(GEM_DIR)["features"]}
    features = json.loads(Path(DATA / "routes.geojson").read_text())["features"]
    committed = {f["properties"]["id"]: f["geometry"] for f in features}

    assert rebuilt == committed
