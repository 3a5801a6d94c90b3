"""The founding article of the atlas, read by the extractor and compared with a reading by hand.

A found event matches an expected one when both have the same date and precision and
share a participant or the event type; each expected event is matched at most once.
Run with ``pytest -s`` to see precision and recall.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gasatlas.news.extract import Candidate, Source, article_text, extract_events

SEED = Path(__file__).resolve().parents[5] / "shared" / "seed" / "000_c4f7025143f6b3ea.txt"
EXPECTED = Path(__file__).resolve().parents[3] / "fixtures" / "extract" / "seed_expected.json"


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def found(atlas, expected) -> list[Candidate]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here: {SEED}")
    text = article_text(SEED.read_bytes(), SEED.name).text
    return extract_events(text, dt.date.fromisoformat(expected["published"]), atlas,
                          source=Source(expected["source_title"], expected["source_url"]))


def matches(candidate: Candidate, wanted: dict) -> bool:
    event = candidate.event
    same_when = (event["date"].isoformat(), event["date_precision"]) == (wanted["date"], wanted["date_precision"])
    shared_people = set(event["participants"]) & set(wanted["participants"])
    return same_when and (bool(shared_people) or event["event_type"] == wanted["event_type"])


def pairs(found: list[Candidate], wanted: list[dict]) -> list[tuple[Candidate, dict]]:
    """One-to-one matching: each expected event pairs with the first unpaired candidate that matches it."""
    paired, used = [], set()
    for expected_event in wanted:
        candidate = next((c for i, c in enumerate(found) if i not in used and matches(c, expected_event)), None)
        if candidate is not None:
            used.add(found.index(candidate))
            paired.append((candidate, expected_event))
    return paired


def test_precision_and_recall_against_the_hand_reading(found, expected) -> None:
    matched = pairs(found, expected["events"])
    precision = len(matched) / len(found) if found else 0.0
    recall = len(matched) / len(expected["events"])

    print(f"\nseed article: {len(found)} found, {len(expected['events'])} expected, {len(matched)} matched — "
          f"precision {precision:.2f}, recall {recall:.2f}")
    missed = [e["what"] for e in expected["events"] if all(e is not m for _, m in matched)]
    assert precision >= 0.8, [c.event["quote"] for c in found]
    assert recall >= 0.9, missed


def test_every_date_is_read_with_its_precision(found, expected) -> None:
    assert {(c.event["date"].isoformat(), c.event["date_precision"]) for c in found} == {
        (e["date"], e["date_precision"]) for e in expected["events"]}


def test_every_named_person_is_an_atlas_actor(found) -> None:
    people = {person for c in found for person in c.event["participants"]}

    assert people == {"sklyar", "miller", "akchulakov", "zharkeshov", "novak", "mirzamakhmudov", "peskov"}
    assert all(c.new_actors == [] for c in found), "everyone the seed names is in actors.csv"


def test_the_roadmap_was_agreed_in_st_petersburg_about_the_orenburg_plant(found, expected) -> None:
    wanted = expected["events"][0]
    roadmap = next(c for c, e in pairs(found, expected["events"]) if e is wanted)

    assert roadmap.event["participants"] == wanted["participants"]
    assert roadmap.event["event_type"] == wanted["event_type"]
    assert roadmap.event["place_name_en"] == wanted["place_name_en"]
    assert (roadmap.event["lat"], roadmap.event["lon"], roadmap.event["geo_precision"]) == (59.93863, 30.31413, "town")
    assert roadmap.event["facility_ids"] == wanted["facility_ids"]
    assert "karachaganak-orenburg" in roadmap.event["route_ids"]


def test_the_seed_links_its_routes(found) -> None:
    routes = {route for c in found for route in c.event["route_ids"]}

    assert {"corr-ru-uz-via-kz", "corr-ru-cn-union", "corr-ru-af-pk", "corr-tm-uz", "corr-ru-kz"} <= routes


def test_the_reply_and_the_earlier_report_are_honest_about_their_dates(found) -> None:
    by_person = {c.event["participants"][0]: c for c in found if c.event["participants"]}
    turkmen = next(c for c in found if c.event["event_type"] == "disruption")

    assert by_person["peskov"].event["date_label_en"] == "c. 7 Dec 2022"
    assert (turkmen.event["date_label_en"], turkmen.event["date_label_ru"]) == ("before 20 Jan 2023",
                                                                                "до 20 января 2023")
    assert turkmen.event["countries"] == ["TKM", "UZB"]
    assert turkmen.event["organisations"] == [], "Spot, the publisher, is not an actor"
