"""Synthetic events are valid, spread like the real ones and never pass for facts; the benchmark reports both sides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools import bench, bench_watch, synth
from gasatlas.config import settings
from gasatlas.dataset.load import validate_additions
from gasatlas.model.schema import Event
from gasatlas.news.ingest import curated_atlas
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


def test_the_benchmark_times_ours_the_inline_layer_and_the_naive_baseline_side_by_side(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert bench.main(["--sizes", "200", "--repeats", "1", "--json", str(tmp_path / "bench.json")]) == 0

    table = capsys.readouterr().out
    assert "x ours" in table.splitlines()[0]
    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["results"]
    assert [r["implementation"] for r in results] == ["ours", "inline", "naive"]
    ours, inline, naive = results
    assert ours["events"] == inline["events"] == naive["events"] == 200 + len(ATLAS.events)
    assert ours["shown"] == inline["shown"] == naive["shown"] > 0
    assert 0 < ours["payload_bytes"] < inline["payload_bytes"] < naive["payload_bytes"]


def test_the_naive_watcher_fetches_and_reads_every_item_even_those_no_gate_would_pass() -> None:
    planned = bench_watch.plan(1, 3, 0.0, 0)  # three items, none about the field
    atlas = curated_atlas(settings().data_dir)

    with bench_watch.serving(planned) as base:
        baseline = bench_watch.naive([base + path for path in planned], atlas)

    assert (baseline.feeds, baseline.items, baseline.articles_read, baseline.errors) == (1, 3, 3, 0)
    assert baseline.cpu_seconds > 0


def test_the_watcher_benchmark_prints_the_watcher_and_the_naive_watcher_side_by_side() -> None:
    watched = bench_watch.Measurement(10, 100, 0.1, 1520, 404.4, 89.4, 148.4, 670.8, 100, 29, 0, 1.29, 485.2,
                                      False, 12.9)
    baseline = bench_watch.Baseline(1, 100, 100, 476.5, 102.9, 12.6, 58.3, 100, 0)

    lines = bench_watch.table(watched, baseline).splitlines()

    assert lines[0] == "| | watcher | naive |"
    assert "| feeds × items | 10 × 100 | 1 × 100 |" in lines
    assert "| items / CPU-min | 671 | 58 |" in lines
    assert lines[-1] == "load average (1 min) at the end: 12.9"
