"""The logic behind the timeline, actors, routes and data pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest

from gasatlas.analysis.charts import ACTOR, BRUSH, PICK, brushed_dates, picked
from gasatlas.analysis.filters import EventFilter, apply_filter
from gasatlas.analysis.network import (
    NAME_CHAR_WIDTH,
    NAME_HEIGHT,
    NAME_RISE,
    NETWORK_PLOT,
    NETWORK_SCALE_PADDING,
    actor_network,
    actors_table,
    named_actors,
)
from gasatlas.analysis.timeline import status_bands
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.dictionary import DICTIONARY
from gasatlas.dataset.exports import events_csv, events_excel, events_geojson, frame_records, routes_geojson
from gasatlas.dataset.load import load_dataset
from gasatlas.dataset.sources import sources_table
from gasatlas.i18n import pgettext
from gasatlas.map.event_table import routes_table
from gasatlas.model.schema import EVENT_COLUMNS, Actor, CountryFeature, Event, Facility, Flow, Route
from gasatlas.store import parse_csv

ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"


@pytest.fixture(scope="module")
def atlas():
    return load_dataset(PROJECT_ROOT / "data")


def test_a_brushed_span_becomes_a_date_range() -> None:
    start, end = pd.Timestamp("2023-01-01").value // 10**6, pd.Timestamp("2023-06-30").value // 10**6

    assert brushed_dates({BRUSH: {"date": [end, start]}}) == (dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    assert brushed_dates({BRUSH: {}}) is None
    assert brushed_dates({}) is None


def test_a_clicked_mark_names_its_id() -> None:
    assert picked({PICK: [{"id": ROADMAP}]}, PICK) == ROADMAP
    assert picked({ACTOR: [{"id": "sklyar"}]}, ACTOR) == "sklyar"
    assert picked({PICK: []}, PICK) is None
    assert picked({}, ACTOR) is None


def test_status_bands_split_each_route_at_its_changes(atlas) -> None:
    bands = status_bands(atlas.routes, dt.date(2022, 1, 1), dt.date(2024, 12, 31), "en")

    cac = bands[bands["route_id"] == "cac"]
    assert list(cac["status"]) == ["operating", "reversed"]
    assert cac.iloc[0]["end"] == cac.iloc[1]["start"] == pd.Timestamp("2023-10-07")
    tm_uz = bands[bands["route_id"] == "corr-tm-uz"]
    assert list(tm_uz["status"]) == ["operating", "suspended", "operating"]
    assert "power-of-siberia-2" in set(bands["route_id"]), "an undated proposal runs from the window's start"


def test_the_actor_network_links_people_who_share_events(atlas) -> None:
    nodes, edges = actor_network(atlas.events, atlas.actors, "en")

    sklyar_miller = edges[(edges["source"] == "miller") & (edges["target"] == "sklyar")].iloc[0]
    assert sklyar_miller["events"] >= 3
    assert "18 Jan 2023" in sklyar_miller["dates"]
    assert nodes.set_index("id").loc["gazprom", "events"] == max(nodes["events"])
    assert nodes[["x", "y"]].notna().all().all()


def _actors_at(*spots: tuple[str, int, float, float]) -> pd.DataFrame:
    """Network nodes: (id, links, x, y) each, named after their id."""
    return pd.DataFrame([{"id": actor, "name": actor, "kind": "person", "events": 1, "links": links, "x": x, "y": y}
                         for actor, links, x, y in spots])


def test_of_two_actors_in_one_spot_only_the_more_connected_is_named() -> None:
    nodes = _actors_at(("hub", 5, 0.0, 0.0), ("leaf", 1, 0.0, 0.001), ("far", 1, 1.0, 1.0))

    assert named_actors(nodes) == {"hub", "far"}
    assert named_actors(nodes, chosen=frozenset({"leaf"})) == {"leaf", "far"}, "a chosen actor is always named"


def _name_boxes(nodes: pd.DataFrame) -> dict[str, tuple[float, float, float, float]]:
    """Each actor's name as (left, right, top, bottom) pixels on the smallest plot, written above its circle."""
    width, height = NETWORK_PLOT

    def across(values: pd.Series, length: float) -> pd.Series:
        return NETWORK_SCALE_PADDING + (values - values.min()) / (values.max() - values.min()) * (
            length - 2 * NETWORK_SCALE_PADDING)

    xs, ys = across(nodes["x"], width), height - across(nodes["y"], height)
    return {actor: (x - len(name) * NAME_CHAR_WIDTH / 2, x + len(name) * NAME_CHAR_WIDTH / 2,
                    y - NAME_RISE - NAME_HEIGHT / 2, y - NAME_RISE + NAME_HEIGHT / 2)
            for actor, name, x, y in zip(nodes["id"], nodes["name"], xs, ys, strict=True)}


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_names_on_the_network_never_overlap_and_give_way_only_to_a_more_connected_one(atlas, lang) -> None:
    nodes, _ = actor_network(atlas.events, atlas.actors, lang)

    named = named_actors(nodes)

    boxes, links = _name_boxes(nodes), dict(zip(nodes["id"], nodes["links"], strict=True))
    assert nodes.sort_values("links", ascending=False)["id"].iloc[0] in named
    assert 0 < len(named) < len(nodes), "the crowded middle leaves some to be named on hover"
    assert not any(_overlap(boxes[a], boxes[b]) for a in named for b in named if a < b)
    assert all(any(_overlap(boxes[quiet], boxes[other]) and links[other] >= links[quiet] for other in named)
               for quiet in set(nodes["id"]) - named), "an actor is left unnamed only under a better-linked name"


def test_the_actors_table_counts_only_the_shown_events(atlas) -> None:
    meetings = apply_filter(atlas.events, EventFilter(event_types=frozenset({"meeting"})))

    table = actors_table(meetings, atlas.actors, "ru").set_index("id")

    assert table.loc["sklyar", "events"] == sum("sklyar" in p for p in meetings["participants"])
    assert table.loc["sklyar", "name"] == "Роман Скляр"


def test_every_cited_source_is_listed_with_what_rests_on_it(atlas) -> None:
    table = sources_table(atlas, atlas.events).set_index("url")

    seed = "https://www.spot.uz/ru/2023/01/20/gas-ru-kz/"
    assert table.loc[seed, "events"] == (atlas.events["source_url"] == seed).sum()
    assert table.loc[seed, "also_reported"] >= 3
    assert table.loc["https://en.wikipedia.org/wiki/Karachaganak_Field", "facilities"] == 1
    assert set(atlas.routes["source_url"]) <= set(table.index)


def test_the_csv_download_is_the_events_file_format_and_reimports(atlas) -> None:
    shown = apply_filter(atlas.events, EventFilter(event_types=frozenset({"agreement"})))

    text = events_csv(frame_records(shown, EVENT_COLUMNS))
    rows = list(csv.DictReader(io.StringIO(text)))

    assert [row["id"] for row in rows] == list(shown["id"])
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [Event.model_validate(row).id for _, row in parse_csv(text, "events.csv", Event)] == list(shown["id"])


def test_geojson_and_excel_downloads_hold_the_same_events(atlas) -> None:
    shown = apply_filter(atlas.events, EventFilter(countries=frozenset({"UZB"})))

    points = events_geojson(shown)
    workbook = pd.read_excel(io.BytesIO(events_excel(shown)))

    assert [f["properties"]["id"] for f in points["features"]] == list(shown["id"]) == list(workbook["id"])
    first = points["features"][0]
    assert first["geometry"]["coordinates"] == [first["properties"]["lon"], first["properties"]["lat"]]
    json.dumps(points)  # serialisable as is


def test_the_routes_download_carries_the_licence_and_full_history(atlas) -> None:
    collection = routes_geojson(atlas.routes)

    cac = next(f for f in collection["features"] if f["properties"]["id"] == "cac")
    assert "ODbL" in collection["licence"]
    assert cac["properties"]["status_history"][1]["from"] == "2023-10-07"


def test_the_routes_table_shows_status_on_the_date_and_the_history(atlas) -> None:
    table = routes_table(atlas.routes, atlas.countries, dt.date(2023, 1, 15), "en")

    assert table.loc["corr-tm-uz", "status"] == "Suspended"
    assert table.loc["cac", "history"] == "1969: Operating → 7 Oct 2023: Reversed flow"


@pytest.mark.parametrize(
    ("file", "model"),
    [("events.csv", Event), ("routes.geojson", Route), ("facilities.csv", Facility), ("actors.csv", Actor),
     ("countries.geojson", CountryFeature), ("flows.csv", Flow)],
)
def test_the_data_dictionary_documents_every_field(file: str, model) -> None:
    fields = {f.alias or name for name, f in model.model_fields.items()}

    assert set(DICTIONARY[file]) == fields
    assert all(meaning and pgettext(context, meaning, "ru") != meaning
               for context, meaning in DICTIONARY[file].values())
