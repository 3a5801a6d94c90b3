"""Synthetic events are valid, spread like the real ones and never pass for facts; the benchmark reports both sides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools import bench, synth
from gasatlas.config import settings
from gasatlas.dataset.load import validate_additions
from gasatlas.model.schema import Event
from gasatlas.store import EventStore, parse_csv
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
FOCUS = {"RUS", "KAZ", "UZB", "TKM", "CHN", "AFG", "PAK"}


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    return synth.synthetic_events(ATLAS, 600, seed=7)


def test_synthetic_events_are_valid_records_of_the_atlas(sample: list[dict]) -> None:
    events, _ = validate_additions(ATLAS, sample)  # the same checks as data/events.csv

    assert len(events) == len(sample)


def test_they_spread_over_the_focus_countries_and_the_years(sample: list[dict]) -> None:
    countries = {event["place_country"] for event in sample}
    years = {event["date"][:4] for event in sample}

    assert countries >= FOCUS
    assert {str(year) for year in range(2015, 2026)} <= years


def test_they_cannot_be_mistaken_for_facts_and_some_are_hostile(sample: list[dict]) -> None:
    assert all(event["title_en"].startswith("Synthetic ") for event in sample)
    assert all(event["source_url"].startswith("https://example.org/synthetic/") for event in sample)
    assert any(hostile in event["title_en"] for event in sample for hostile in synth.HOSTILE)


def test_the_same_seed_gives_the_same_events() -> None:
    assert synth.synthetic_events(ATLAS, 20, seed=1) == synth.synthetic_events(ATLAS, 20, seed=1)
    assert synth.synthetic_events(ATLAS, 20, seed=1) != synth.synthetic_events(ATLAS, 20, seed=2)


def test_the_frame_matches_the_validated_records(sample: list[dict]) -> None:
    frame = synth.synthetic_frame(ATLAS, 600, seed=7)

    assert sorted(frame["id"]) == sorted(event["id"] for event in sample)
    assert set(ATLAS.events.columns) <= set(frame.columns)


def test_the_command_writes_a_csv_or_fills_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    settings.cache_clear()
    try:
        assert synth.main(["25", "--csv", str(tmp_path / "events.csv")]) == 0
        assert synth.main(["25", "--store"]) == 0
        rows = [row for _, row in parse_csv((tmp_path / "events.csv").read_text(encoding="utf-8"), "events.csv",
                                            Event)]
        assert len(rows) == 25
        assert EventStore(settings().database_url).version()[0] == 25
    finally:
        settings.cache_clear()


def test_the_benchmark_times_ours_and_the_naive_baseline_side_by_side(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert bench.main(["--sizes", "200", "--repeats", "1", "--json", str(tmp_path / "bench.json")]) == 0

    table = capsys.readouterr().out
    assert "naive/ours" in table.splitlines()[0]
    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["results"]
    assert [r["implementation"] for r in results] == ["ours", "naive"]
    ours, naive = results
    assert ours["events"] == naive["events"] == 200 + len(ATLAS.events)
    assert ours["shown"] == naive["shown"] > 0
    assert ours["payload_bytes"] > 0
    assert naive["payload_bytes"] > ours["payload_bytes"]
