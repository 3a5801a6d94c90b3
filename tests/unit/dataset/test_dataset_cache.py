"""The data files are validated once per content, columns at a time, with the models' own verdicts and messages."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from devtools.synth import synthetic_events
from gasatlas.config import settings
from gasatlas.dataset import derived, diskcache, load
from gasatlas.dataset.exports import events_csv, frame_records
from gasatlas.dataset.load import Dataset, DataValidationError, csv_rows, load_dataset, records_frame
from gasatlas.model import schema
from gasatlas.model.schema import EVENT_COLUMNS, Event


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(tmp_path / "cache"))
    settings.cache_clear()
    yield tmp_path / "cache"
    settings.cache_clear()


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data folders actually validated (not read back from the cache)."""
    seen: list[Path] = []
    validate = load.validate_dataset

    def counting(data_dir: Path) -> load.Dataset:
        seen.append(data_dir)
        return validate(data_dir)

    monkeypatch.setattr(load, "validate_dataset", counting)
    return seen


def problems_for(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        load_dataset(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_the_same_files_are_validated_once_even_in_another_folder(
    minimal_data: Path, tmp_path: Path, validations: list[Path]
) -> None:
    first = load_dataset(minimal_data)
    copy = shutil.copytree(minimal_data, tmp_path / "copy")

    again = load_dataset(copy)

    assert validations == [minimal_data], "the second folder holds the same bytes: read back, not validated"
    pd.testing.assert_frame_equal(again.events, first.events)
    assert again.events_version == first.events_version
    assert isinstance(again.events["countries"].iloc[0], tuple), "list fields read back as tuples, as validated"
    pd.testing.assert_frame_equal(again.actors, first.actors)


def test_a_changed_file_is_validated_again(edit, minimal_data: Path, validations: list[Path]) -> None:
    load_dataset(minimal_data)
    edit("events.csv", "Roadmap signed", "Roadmap signed in Moscow")

    events = load_dataset(minimal_data).events

    assert len(validations) == 2
    assert "Roadmap signed in Moscow" in set(events["title_en"])


def test_a_bad_file_is_never_cached_and_says_the_same_every_time(edit, validations: list[Path]) -> None:
    data_dir = edit("events.csv", "ev-a,2023-01-18", "ev-a,2023-13-18")

    first, second = problems_for(data_dir), problems_for(data_dir)

    assert first == second
    assert any(message.startswith("events.csv, line 2, id 'ev-a', field 'date'") for message in first), first
    assert len(validations) == 2, "a failed validation is not kept"


def test_problems_keep_the_order_of_the_lines(edit) -> None:
    edit("events.csv", "ev-a,2023-01-18", "ev-a,2023-13-18")
    data_dir = edit("events.csv", "ev-b,2022-11-28,month", "ev-b,2022-11-28,month,extra")

    located = [message.split(":")[0] for message in problems_for(data_dir)]

    assert located == ["events.csv, line 2, id 'ev-a', field 'date'", "events.csv, line 3, id 'ev-b'"]


def _with_events(data_dir: Path, rows: list[dict]) -> Path:
    (data_dir / "events.csv").write_text(events_csv(rows), encoding="utf-8")
    return data_dir


UNUSUAL_BUT_VALID = [
    {"title_en": "  Roadmap signed  ", "summary_en": "Two lines,\r\nthe second after a Windows break."},
    {"countries": " RUS ; KAZ ;", "participants": "alice;", "lat": "55.50", "lon": "45"},
    {"lat": "5.55e1", "lon": " 45.0 "},
    {"quote": "x" * 400, "date_label_en": "   ", "also_reported": "https://example.org/c ; https://example.org/d"},
    {"id": " ev-a ", "source_url": " https://example.org/a", "place_country": "RUS "},
    {"volume_bcm": "2.80", "volume_period": "year", "price_usd_per_mcm": " 160 ", "contract_years": "2"},
]


@pytest.mark.parametrize("changes", UNUSUAL_BUT_VALID, ids=[",".join(change) for change in UNUSUAL_BUT_VALID])
def test_columns_checked_at_once_give_what_the_model_gives(minimal_data: Path, changes: dict[str, str]) -> None:
    base = frame_records(load_dataset(minimal_data).events, EVENT_COLUMNS)
    data_dir = _with_events(minimal_data, [row | changes if row["id"] == "ev-a" else row for row in base])
    text = (data_dir / "events.csv").read_text(encoding="utf-8")
    one_by_one = [Event.model_validate(row) for _, row in csv_rows("events.csv", text, Event, [])]

    events = load.validate_dataset(data_dir).events

    pd.testing.assert_frame_equal(events, records_frame(one_by_one, Event))


@pytest.mark.usefixtures("minimal_data")
def test_synthetic_events_pass_the_column_rules_and_equal_the_model(atlas: Dataset) -> None:
    rows = synthetic_events(atlas, 300)
    text = events_csv(rows)
    cells = list(csv.DictReader(io.StringIO(text, newline="")))

    vouched = schema.vouched_rows(Event, {name: pa.array([row[name] for row in cells]) for name in cells[0]})

    assert vouched is not None, "every events.csv column has a rule"
    values, ok = schema.python_values(Event, vouched[0]), vouched[1].to_pylist()
    for index, row in enumerate(cells):
        if ok[index]:
            trusted = schema.trusted(Event, {name: values[name][index] for name in values})
            assert trusted == Event.model_validate(row)
            assert trusted.model_dump() == Event.model_validate(row).model_dump()
    assert sum(ok) >= 0.9 * len(cells), "nearly every well-formed row takes the fast path"


def test_a_model_with_a_validator_the_column_rules_do_not_know_is_checked_row_by_row() -> None:
    assert schema.column_rules(schema.Flow) is None, "flows: periods and the two-countries rule"
    assert schema.column_rules(schema.Route) is None, "routes hold nested records"
    assert schema.column_rules(Event) is not None


def test_a_fingerprint_hashed_a_slice_of_rows_at_a_time_is_the_one_hashed_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frame = pd.DataFrame({"id": pd.Series([f"ev-{n}" for n in range(30)], dtype="str"),
                          "lat": [40.0 + n / 10 for n in range(30)]})
    at_once = load._fingerprint(frame)

    monkeypatch.setattr(load, "FINGERPRINT_ROWS", 7)

    assert load._fingerprint(frame) == at_once
    assert load._fingerprint(frame.iloc[1:]) != at_once


def test_a_search_text_spilled_to_a_mapped_file_is_the_one_kept_in_memory(
    minimal_data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = load.validate_dataset(minimal_data).events
    spills = []
    spill = diskcache.spilled
    monkeypatch.setattr(diskcache, "spilled", lambda *args: spills.append(1) or spill(*args))

    monkeypatch.setattr(derived, "FOLD_ROWS", 1)  # more than one slice: spilled
    spilled = load.validate_dataset(minimal_data).events

    assert spills == [1]
    pd.testing.assert_frame_equal(spilled, in_memory)
    assert not list(cache.glob(".spilled-*")), "the file is unlinked once mapped"


def test_a_search_text_is_kept_in_memory_when_the_cache_cannot_be_written(
    minimal_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = load.validate_dataset(minimal_data).events
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(blocker / "cache"))
    settings.cache_clear()
    monkeypatch.setattr(derived, "FOLD_ROWS", 1)

    pd.testing.assert_frame_equal(load.validate_dataset(minimal_data).events, in_memory)
