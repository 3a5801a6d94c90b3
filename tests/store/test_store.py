"""The event store keeps what users add: whole submissions or nothing, nothing lost, both databases.

(Who may change what, revisions and the review queue: test_editorial.py.)
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import io
import zipfile

import pytest
import sqlalchemy as sa

from gasatlas.auth import LOCAL_MODERATOR as MODERATOR
from gasatlas.auth import Identity, PermissionDenied, Role
from gasatlas.config import PROJECT_ROOT, settings
from gasatlas.dataset import exports
from gasatlas.dataset.load import DataValidationError, validate_flows, with_stored
from gasatlas.model.schema import Event, Flow
from gasatlas.store import (
    Action,
    EventStore,
    FileNames,
    ImportFiles,
    Provenance,
    SourceArticle,
    StoreError,
    events_csv,
    export_archive,
    import_csv,
    import_files,
    parse_csv,
)
from gasatlas.store import __main__ as store_command
from gasatlas.store.tables import events_table
from tests.support.data import shipped_atlas
from tests.support.store import FIGURE, FIGURE_EVENT, PETROV, event

ATLAS = shipped_atlas()


def count(store: EventStore) -> int:
    return store.version()[0]


def test_the_sqlite_file_is_created_on_first_use_in_wal_mode(tmp_path) -> None:
    path = tmp_path / "new" / "folder" / "atlas.sqlite3"

    store = EventStore(f"sqlite:///{path}")

    assert path.exists()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_saved_events_come_back_and_join_the_map(store: EventStore) -> None:
    article = SourceArticle("ab" * 32, "Full text of the article.", "Example", "https://example.org/news/1",
                            dt.date(2023, 2, 2))
    ids = store.submit(MODERATOR, ATLAS, [event()], provenance=Provenance("extracted", article), confidence=[0.8])

    stored = store.frames()
    merged = with_stored(ATLAS, stored.events, stored.actors)
    assert ids == ["ev-2023-02-01-test-meeting"]
    assert merged.events.set_index("id").loc[ids[0], "participants"] == ("sklyar", "miller")
    assert len(merged.events) == len(ATLAS.events) + 1
    provenance = store.provenance().set_index("id").loc[ids[0]]
    assert (provenance["origin"], provenance["confidence"]) == ("extracted", 0.8)


def test_new_actors_are_stored_and_can_be_referred_to(store: EventStore) -> None:
    store.submit(MODERATOR, ATLAS, [event(participants="ivan-petrov;sklyar")], actors=[PETROV])

    stored = store.frames()
    merged = with_stored(ATLAS, stored.events, stored.actors)
    assert "ivan-petrov" in set(merged.actors["id"])


def test_an_id_already_taken_gets_the_next_free_suffix(store: EventStore) -> None:
    curated_id = ATLAS.events["id"].iloc[0]

    first = store.submit(MODERATOR, ATLAS, [event(curated_id)])
    second = store.submit(MODERATOR, ATLAS, [event(curated_id)])

    assert first == [f"{curated_id}-2"]
    assert second == [f"{curated_id}-3"]


def test_an_invalid_submission_is_refused_whole_and_says_why(store: EventStore) -> None:
    store.submit(MODERATOR, ATLAS, [event("ev-kept")])

    with pytest.raises(DataValidationError) as refused:
        store.submit(MODERATOR, ATLAS, [event("ev-good"), event("ev-bad", route_ids="no-such-route")])

    assert "submitted events, event 2, id 'ev-bad', field 'route_ids': unknown route id 'no-such-route'" in str(
        refused.value)
    assert [e.id for e in store.events()] == ["ev-kept"]


def test_a_save_that_fails_midway_leaves_the_store_as_it_was(store: EventStore, monkeypatch) -> None:
    store.submit(MODERATOR, ATLAS, [event("ev-kept")])
    calls = {"n": 0}
    original = sa.Table.insert

    def failing_insert(table, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        return original(table, *args, **kwargs)

    monkeypatch.setattr(sa.Table, "insert", failing_insert)
    with pytest.raises(StoreError, match="refused the save") as refused:
        store.submit(MODERATOR, ATLAS, [event("ev-one"), event("ev-two")])
    monkeypatch.undo()

    assert "disk full" in refused.value.detail
    assert "disk full" not in str(refused.value)

    assert [e.id for e in store.events()] == ["ev-kept"]


def _save_batch(url: str, size: int) -> tuple[list[str], list[str]]:
    """One app instance saving ``size`` events that all ask for the same id as every other writer's:
    the ids it got, and the errors of the saves that were refused."""
    store = EventStore(url)
    saved, refused = [], []
    for _ in range(size):
        try:
            saved += store.submit(MODERATOR, ATLAS, [event("ev-2023-02-01-race")])
        except StoreError as error:
            refused.append(f"{error} ({error.detail})")
    store.engine.dispose()
    return saved, refused


def test_concurrent_saves_are_all_stored_under_distinct_ids(store: EventStore) -> None:
    """8 processes × 50 saves asking for one id: none refused, none lost, none overwritten."""
    writers, size = 8, 50
    store.engine.dispose()

    with concurrent.futures.ProcessPoolExecutor(max_workers=writers) as pool:
        results = list(pool.map(_save_batch, [store.url] * writers, [size] * writers))

    saved = [event_id for batch, _ in results for event_id in batch]
    refused = [error for _, errors in results for error in errors]
    assert refused == []
    assert len(saved) == len(set(saved)) == writers * size
    assert count(store) == writers * size
    assert {e.id for e in store.events()} == set(saved)


def fill(store: EventStore) -> None:
    """Events with every awkward cell the CSV format must carry, and a person only the store knows."""
    store.submit(MODERATOR, ATLAS, [
        event("ev-a", quote="«Цитата, с запятой и \"кавычками\"».", also_reported="https://a.example/1;https://b.example/2"),
        event("ev-b", date="2022-11-15", date_precision="month", date_label_en="mid Nov 2022",
              date_label_ru="середина ноября 2022", participants="ivan-petrov", organisations="", route_ids=""),
    ], actors=[PETROV])


def unpack(archive: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(archive)) as files:
        return {name: files.read(name).decode("utf-8") for name in files.namelist()}


def test_export_and_reimport_into_another_store_are_lossless(store: EventStore, tmp_path) -> None:
    fill(store)
    files = unpack(export_archive(store, ATLAS))
    assert set(files) == {"events.csv", "actors.csv", "flows.csv"}

    copy = EventStore(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    result = import_csv(copy, MODERATOR, ATLAS, files["events.csv"], files["actors.csv"])

    assert result.stored == ["ev-b", "ev-a"]
    assert len(result.unchanged) == len(ATLAS.events)
    assert unpack(export_archive(copy, ATLAS)) == files
    assert [e.model_dump() for e in copy.events()] == [e.model_dump() for e in store.events()]
    assert [a.model_dump() for a in copy.actors()] == [a.model_dump() for a in store.actors()]


def exported_with_a_flow_figure(store: EventStore) -> dict[str, str]:
    """The export of a store holding events, a person and one flow figure a moderator took from an event."""
    fill(store)
    store.add_flow(MODERATOR, ATLAS, FIGURE, FIGURE_EVENT, "checked against the TASS report")
    return unpack(export_archive(store, ATLAS))


def test_the_export_writes_the_flow_figures_moderators_added_as_rows_to_append_to_the_curated_flows_file(
        store: EventStore) -> None:
    curated = (PROJECT_ROOT / "data" / "flows.csv").read_text(encoding="utf-8")

    files = exported_with_a_flow_figure(store)

    header, *rows = files["flows.csv"].splitlines(keepends=True)
    assert header == curated.splitlines(keepends=True)[0], "the columns of data/flows.csv, in its order"
    assert [row["id"] for _, row in parse_csv(files["flows.csv"], "flows.csv", Flow)] == [FIGURE["id"]]
    folded = [row for _, row in parse_csv(curated + "".join(rows), "flows.csv", Flow)]
    assert len(validate_flows(ATLAS, folded[-1:])) == 1, "appended to data/flows.csv, it passes the file's checks"


def test_export_and_import_into_an_empty_store_give_the_same_flow_figures_each_with_an_import_revision(
        store: EventStore, tmp_path) -> None:
    files = exported_with_a_flow_figure(store)
    copy = EventStore(f"sqlite:///{tmp_path / 'copy.sqlite3'}")

    result = import_files(copy, MODERATOR, ATLAS, ImportFiles(files["events.csv"], files["actors.csv"],
                                                              files["flows.csv"]))

    assert result.flows == [FIGURE["id"]]
    assert [f.model_dump() for f in copy.flows()] == [f.model_dump() for f in store.flows()]
    assert copy.flow_sources() == store.flow_sources() == {FIGURE_EVENT}, "the event it came from, found again"
    assert unpack(export_archive(copy, ATLAS)) == files
    [revision] = copy.history(MODERATOR, FIGURE["id"], entity="flow")
    assert (revision.action, revision.actor, revision.number) == (Action.IMPORT, MODERATOR.id, 1)
    assert revision.comment == "imported from flows.csv, line 2"
    assert revision.record == store.history(MODERATOR, FIGURE["id"], entity="flow")[0].record


def test_importing_flow_figures_the_atlas_holds_adds_nothing(store: EventStore) -> None:
    files = exported_with_a_flow_figure(store)
    before = store.version()
    curated = (PROJECT_ROOT / "data" / "flows.csv").read_text(encoding="utf-8")

    again = import_files(store, MODERATOR, ATLAS, ImportFiles(files["events.csv"], flows=files["flows.csv"]))
    shipped = import_files(store, MODERATOR, ATLAS, ImportFiles(files["events.csv"], flows=curated))

    assert again.flows == shipped.flows == []
    assert again.unchanged_flows == [FIGURE["id"]]
    assert len(shipped.unchanged_flows) == len(ATLAS.flows) + len(ATLAS.flow_gaps)
    assert store.version() == before


def test_an_import_that_changes_a_held_flow_figure_is_refused_by_file_and_line_and_stores_nothing(
        store: EventStore) -> None:
    files = exported_with_a_flow_figure(store)
    before = store.version()
    changed = files["flows.csv"].replace(",7.7,", ",7.9,")

    with pytest.raises(DataValidationError) as refused:
        import_files(store, MODERATOR, ATLAS, ImportFiles(files["events.csv"], flows=changed,
                                                          names=FileNames(flows="mine.csv")))

    assert f"mine.csv, line 2, id '{FIGURE['id']}': changes the figure the atlas holds" in str(refused.value)
    assert store.version() == before


def test_a_broken_flow_figure_names_file_line_and_field_and_nothing_of_the_import_is_stored(
        store: EventStore, tmp_path) -> None:
    files = exported_with_a_flow_figure(store)
    copy = EventStore(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    off_route = files["flows.csv"].replace(",RUS,UZB,", ",RUS,CHN,")

    with pytest.raises(DataValidationError) as refused:
        import_files(copy, MODERATOR, ATLAS, ImportFiles(files["events.csv"], files["actors.csv"], off_route))

    assert f"flows.csv, line 2, id '{FIGURE['id']}', field 'to_country'" in str(refused.value)
    assert count(copy) == 0, "the events of the refused import were not stored either"
    assert copy.flows() == []


def test_only_moderators_import_flow_figures_and_a_refused_import_stores_nothing(store: EventStore,
                                                                                 tmp_path) -> None:
    files = exported_with_a_flow_figure(store)
    copy = EventStore(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    contributor = Identity("alice@newsroom.example", "Alice", Role.CONTRIBUTOR)

    with pytest.raises(PermissionDenied, match="only moderators may add flow figures"):
        import_files(copy, contributor, ATLAS, ImportFiles(files["events.csv"], files["actors.csv"],
                                                           files["flows.csv"]))

    assert count(copy) == 0
    assert copy.flows() == []


def test_importing_what_the_atlas_already_holds_adds_nothing(store: EventStore) -> None:
    fill(store)
    files = unpack(export_archive(store, ATLAS))
    curated = (PROJECT_ROOT / "data" / "events.csv").read_text(encoding="utf-8")

    again = import_csv(store, MODERATOR, ATLAS, files["events.csv"], files["actors.csv"])
    shipped = import_csv(store, MODERATOR, ATLAS, curated)

    assert again.stored == again.corrected == []
    assert set(again.unchanged) == {"ev-a", "ev-b", *ATLAS.events["id"]}
    assert shipped.stored == shipped.corrected == []
    assert len(shipped.unchanged) == len(ATLAS.events)
    assert count(store) == 2


def test_an_import_that_changes_held_events_corrects_them_as_new_revisions(store: EventStore) -> None:
    fill(store)
    edited = unpack(export_archive(store, ATLAS))["events.csv"].replace("Test meeting", "Test meeting (corrected)")

    result = import_csv(store, MODERATOR, ATLAS, edited)

    assert result.stored == []
    assert sorted(result.corrected) == ["ev-a", "ev-b"]
    assert count(store) == 2, "a correction is a revision of the event, not a copy beside it"
    assert {e.title_en for e in store.events()} == {"Test meeting (corrected)"}
    assert [r.number for r in store.history(MODERATOR, "ev-a")] == [1, 2]


def test_a_broken_import_names_file_line_and_field_and_stores_nothing(store: EventStore) -> None:
    fill(store)
    files = unpack(export_archive(store, ATLAS))
    broken = files["events.csv"].replace("2022-11-15", "2022-13-15")

    with pytest.raises(DataValidationError) as refused:
        import_csv(store, MODERATOR, ATLAS, broken, files["actors.csv"], names=FileNames(events="mine.csv"))

    line = next(number for number, row in enumerate(broken.splitlines(), start=1) if "2022-13-15" in row)
    assert f"mine.csv, line {line}, id 'ev-b', field 'date'" in str(refused.value)
    assert count(store) == 2


def test_the_command_line_exports_and_imports_the_data_formats(store: EventStore, tmp_path, monkeypatch,
                                                                capsys) -> None:
    exported_with_a_flow_figure(store)
    monkeypatch.setenv("DATABASE_URL", store.url)
    settings.cache_clear()
    assert store_command.main(["export", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    exported = {name: (out / name).read_text(encoding="utf-8") for name in ("events.csv", "actors.csv", "flows.csv")}

    copy_url = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", copy_url)
    settings.cache_clear()
    assert store_command.main(["import", str(out / "events.csv"), "--actors", str(out / "actors.csv"),
                               "--flows", str(out / "flows.csv")]) == 0
    assert "added 1 flow figure(s)" in capsys.readouterr().err
    assert store_command.main(["export", str(tmp_path / "again")]) == 0
    assert {name: (tmp_path / "again" / name).read_text(encoding="utf-8") for name in exported} == exported

    (tmp_path / "bad.csv").write_text("id,date\nev-x,yesterday\n", encoding="utf-8")
    assert store_command.main(["import", str(tmp_path / "bad.csv")]) == 2
    assert "bad.csv, line 1: missing column(s)" in capsys.readouterr().err
    assert count(EventStore(copy_url)) == 2
    settings.cache_clear()


def test_the_curated_events_file_round_trips_through_the_export_format() -> None:
    curated = (PROJECT_ROOT / "data" / "events.csv").read_text(encoding="utf-8")

    rows = [row for _, row in parse_csv(curated, "events.csv", Event)]

    assert events_csv(Event.model_validate(row) for row in rows) == curated


def test_an_unreachable_database_is_reported_plainly() -> None:
    with pytest.raises(StoreError, match="cannot open the event store"):
        EventStore("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_importing_a_row_dated_outside_the_window_exits_2_naming_line_and_field(
        tmp_path, monkeypatch, capsys, date: str) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    settings.cache_clear()
    (tmp_path / "events.csv").write_text(exports.events_csv([event(date=date)]), encoding="utf-8")

    assert store_command.main(["import", str(tmp_path / "events.csv")]) == 2

    err = capsys.readouterr().err
    assert f"events.csv, line 2, id 'ev-2023-02-01-test-meeting', field 'date': Value error, date {date}" in err
    assert EventStore(settings().database_url).events() == []
    settings.cache_clear()


def test_a_store_that_cannot_be_created_is_one_plain_error_with_the_detail_apart() -> None:
    with pytest.raises(StoreError) as failed:
        EventStore("sqlite:////proc/nope/x.sqlite3")

    assert str(failed.value) == "cannot open the event store"
    assert "/proc/nope" in failed.value.detail


def test_a_stored_record_that_fails_todays_checks_is_skipped_and_reported(store: EventStore) -> None:
    store.submit(MODERATOR, ATLAS, [event("ev-good")])
    with store.engine.begin() as connection:
        now = dt.datetime.now(dt.UTC)
        connection.execute(events_table.insert().values(
            id="ev-old", record={**event("ev-old"), "date": "0001-01-01"}, date=dt.date(1, 1, 1), origin="manual",
            saved_at=now, updated_at=now, status="published", revision=1, curated=False))

    assert [e.id for e in store.events()] == ["ev-good"]
    [unreadable] = store.unreadable()
    assert (unreadable.id, unreadable.table) == ("ev-old", "events")
    assert "field 'date'" in unreadable.reason
