"""The columnar path (pyarrow) accepts exactly the events files the models accept, with the same frames; any
file with a problem is reported with the same messages, naming the same rows, as row-by-row pydantic."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gasatlas.config import settings as atlas_settings
from gasatlas.dataset import load
from gasatlas.dataset.exports import events_csv, frame_records
from gasatlas.model import schema
from gasatlas.model.schema import EVENT_COLUMNS, Event
from tests.support.data import MINIMAL_DATA
from tests.support.hostile import hostile_events

Outcome = pd.DataFrame | list[str]


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(tmp_path / "cache"))
    atlas_settings.cache_clear()
    yield
    atlas_settings.cache_clear()


def outcome(data_dir: Path) -> Outcome:
    """The events frame of a valid dataset, or every problem's message."""
    try:
        return load.validate_dataset(data_dir).events
    except load.DataValidationError as error:
        return [str(problem) for problem in error.problems]


def row_by_row(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """The same validation with no column rules at all: every row through its pydantic model."""
    with monkeypatch.context() as patched:
        patched.setattr(schema, "column_rules", lambda _model: None)
        return outcome(data_dir)


def assert_same(columnar: Outcome, pydantic: Outcome) -> None:
    if isinstance(pydantic, pd.DataFrame):
        assert isinstance(columnar, pd.DataFrame), columnar
        pd.testing.assert_frame_equal(columnar, pydantic)
    else:
        assert columnar == pydantic


def curated_rows() -> list[dict]:
    return frame_records(load.validate_dataset(MINIMAL_DATA).events, EVENT_COLUMNS)


def test_a_valid_file_takes_the_columnar_path(minimal_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[pd.DataFrame | None] = []
    events_at_once = load._events_at_once
    monkeypatch.setattr(load, "_events_at_once", lambda *args: taken.append(events_at_once(*args)) or taken[-1])

    frame = outcome(minimal_data)

    assert isinstance(frame, pd.DataFrame)
    assert taken, "the columnar path was tried"
    assert taken[0] is not None, "the columnar path accepted the file"
    assert_same(frame, row_by_row(minimal_data, monkeypatch))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=st.lists(hostile_events, min_size=1, max_size=3))
def test_any_hostile_event_is_judged_as_row_by_row_pydantic_judges_it(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, extra: list[dict]
) -> None:
    data_dir = tmp_path_factory.mktemp("data")
    for path in MINIMAL_DATA.iterdir():
        (data_dir / path.name).write_bytes(path.read_bytes())
    (data_dir / "events.csv").write_text(events_csv(curated_rows() + extra), encoding="utf-8")

    assert_same(outcome(data_dir), row_by_row(data_dir, monkeypatch))


FILE_CHANGES: dict[str, Callable[[str], str]] = {
    "byte order mark": lambda text: "\ufeff" + text,
    "Windows line ends": lambda text: text.replace("\n", "\r\n"),
    "blank lines": lambda text: text.replace("\n", "\n\n", 2),
    "a line of spaces": lambda text: text.replace("\n", "\n   \n", 1),
    "NUL byte": lambda text: text.replace("Roadmap", "Road\0map"),
    "a cell too many": lambda text: text.replace("ev-b,2022-11-28,month", "ev-b,2022-11-28,month,extra"),
    "a cell too few": lambda text: text.replace(",https://example.org/c\n", "\n"),
    "unknown column": lambda text: text.replace("also_reported", "also_reported,colour", 1),
    "missing column": lambda text: text.replace("id,date,", "date,", 1),
    "duplicated column": lambda text: text.replace("also_reported", "also_reported,id", 1),
    "header only": lambda text: text.split("\n", 1)[0] + "\n",
    "quoted line break": lambda text: text.replace("A summary.", '"A\nsummary."'),
    "quoted carriage return": lambda text: text.replace("A summary.", '"A\rsummary."'),
    "unterminated quote": lambda text: text.replace("A summary.", '"A summary.'),
    "text after a quote": lambda text: text.replace("A summary.", '"A" summary.'),
    "guarded formula": lambda text: text.replace("A summary.", "'=1+1"),
    "duplicated id": lambda text: text.replace("ev-b,", "ev-a,", 1),
    "impossible date": lambda text: text.replace("2023-01-18", "2023-02-30"),
    "short date": lambda text: text.replace("2023-01-18", "2023-1-18"),
    "date in the future": lambda text: text.replace("2023-01-18", "2999-01-18"),
    "latitude out of range": lambda text: text.replace("55.5,45.0", "95.5,45.0"),
    "latitude as exponent": lambda text: text.replace("55.5,45.0", "5.55e1,45.0"),
    "point outside its country": lambda text: text.replace("55.5,45.0", "-33.9,18.4"),
    "unknown country": lambda text: text.replace("RUS;KAZ", "RUS;ATL"),
    "unknown participant": lambda text: text.replace(",alice,", ",nobody,"),
    "empty list item": lambda text: text.replace("RUS;KAZ", "RUS;;KAZ"),
    "spaces in a list": lambda text: text.replace("RUS;KAZ", " RUS ; KAZ "),
    "no country": lambda text: text.replace("RUS;KAZ", ""),
    "not a url": lambda text: text.replace("https://example.org/a", "ftp://example.org/a"),
    "a quote too long": lambda text: text.replace("One sentence.", "x" * 401),
    "a cell over the csv module's limit": lambda text: text.replace("One sentence.", "x" * 140_000),
    "a volume without its period": lambda text: text.replace("https://example.org/c",
                                                             "https://example.org/c,2.5,,,").replace(
        "also_reported", "also_reported,volume_bcm,volume_period,price_usd_per_mcm,contract_years", 1),
    "type in capitals": lambda text: text.replace(",agreement,", ",Agreement,"),
    "white space around an id": lambda text: text.replace("ev-a,", " ev-a ,", 1),
}


@pytest.mark.parametrize("change", FILE_CHANGES.values(), ids=FILE_CHANGES.keys())
def test_any_change_to_the_file_is_judged_as_row_by_row_pydantic_judges_it(
    minimal_data: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[str], str]
) -> None:
    path = minimal_data / "events.csv"
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8"))

    assert_same(outcome(minimal_data), row_by_row(minimal_data, monkeypatch))


def test_a_file_with_a_bad_row_is_named_by_line_not_accepted_by_the_columns(minimal_data: Path) -> None:
    path = minimal_data / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2023-01-18", "2023-02-30"), encoding="utf-8")
    cells = load.columnar.read_columns(path, Event)

    assert cells is not None, "the file parses"
    assert load.columnar.validate_columns(Event, cells) is None, "a row its model refuses: not for this path"
    assert any(message.startswith("events.csv, line 2, id 'ev-a', field 'date'") for message in outcome(minimal_data))
