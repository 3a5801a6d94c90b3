"""Who may change the atlas, and how every change is kept: the review queue, revisions, conflicts, the audit log.

Each test runs on SQLite and on PostgreSQL. The store is given the acting identity
and checks it itself: these tests call it directly, as a hostile client would.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from gasatlas.auth import ANONYMOUS, LOCAL_MODERATOR, Identity, PermissionDenied, Role
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import DataValidationError, with_stored
from gasatlas.model.schema import Actor, Event
from gasatlas.model.vocab import RecordStatus
from gasatlas.store import (
    Action,
    EditConflict,
    EventStore,
    FileNames,
    Provenance,
    RateLimited,
    SourceArticle,
    import_csv,
)
from gasatlas.store.engine import alembic_config, create_engine, newest_revision
from gasatlas.store.tables import actors_table, events_table
from gasatlas.store.transfer import actors_csv
from tests.support.data import shipped_atlas
from tests.support.store import FIGURE, FIGURE_EVENT, PETROV, empty_postgres, event

ATLAS = shipped_atlas()

ALICE = Identity("alice@newsroom.example", "Alice", Role.CONTRIBUTOR)
BOB = Identity("bob@newsroom.example", "Bob", Role.CONTRIBUTOR)
MOD = Identity("mod@atlas.example", "Moderator One", Role.MODERATOR)
MOD2 = Identity("mod2@atlas.example", "Moderator Two", Role.MODERATOR)
READER = Identity("reader@example.org", "Signed-in reader", Role.READER)
CURATED = "ev-2023-01-18-gazprom-kazakhstan-roadmap"
RELEASE_0_1 = PROJECT_ROOT / "tests" / "fixtures" / "stores" / "release-0.1.sqlite3"


def public_ids(store: EventStore) -> set[str]:
    stored = store.frames()
    return set(with_stored(ATLAS, stored.events, stored.actors, stored.hidden).events["id"])


def test_a_contributors_submission_waits_in_the_queue_and_stays_off_the_public_atlas(store: EventStore) -> None:
    article = SourceArticle("ab" * 32, "Full text of the article.", "Example", "https://example.org/news/1",
                            dt.date(2023, 2, 2))

    [submitted] = store.submit(ALICE, ATLAS, [event()], actors=[PETROV], provenance=Provenance("extracted", article))

    assert submitted not in public_ids(store)
    assert [e.id for e in store.queue(MOD)] == [submitted]
    assert list(store.pending_frame(ALICE)["id"]) == [submitted], "Alice sees her own submission"
    assert store.pending_frame(BOB).empty, "nobody else does"
    assert store.actors() == [], "the new person waits with the event"
    assert store.article(MOD, "ab" * 32).text == "Full text of the article."


def test_approving_publishes_the_event_and_the_people_it_introduces(store: EventStore) -> None:
    [kept, dropped] = store.submit(ALICE, ATLAS, [event("ev-kept", participants="ivan-petrov"), event("ev-dropped")],
                                   actors=[PETROV])

    store.approve(MOD, ATLAS, kept, 1, "checked against the article")
    store.reject(MOD, ATLAS, dropped, 1, "the article does not say this")

    assert kept in public_ids(store)
    assert dropped not in public_ids(store)
    assert [a.id for a in store.actors()] == ["ivan-petrov"]
    assert store.queue(MOD) == []
    assert store.feedback(ALICE) == {kept: "checked against the article", dropped: "the article does not say this"}
    assert {s.id: s.status for s in store.submissions(ALICE)} == {kept: RecordStatus.PUBLISHED,
                                                                  dropped: RecordStatus.REJECTED}


def test_a_moderators_submission_is_published_at_once(store: EventStore) -> None:
    [published] = store.submit(MOD, ATLAS, [event()])

    assert published in public_ids(store)
    assert [r.action for r in store.history(MOD, published)] == [Action.PUBLISH]


def test_every_edit_is_a_revision_with_who_when_what_and_why_and_any_can_be_restored(store: EventStore) -> None:
    [event_id] = store.submit(MOD, ATLAS, [event()])

    store.edit(MOD, ATLAS, event_id, 1, event(event_id, title_en="Test meeting, corrected"), "typo in the title")
    store.restore(MOD2, ATLAS, event_id, 1, 2)

    first, edit, restore = store.history(MOD, event_id)
    assert (edit.action, edit.actor, edit.comment) == (Action.EDIT, MOD.id, "typo in the title")
    assert edit.changes == {"title_en": ["Test meeting", "Test meeting, corrected"]}
    assert (restore.action, restore.actor, restore.record) == (Action.RESTORE, MOD2.id, first.record)
    assert restore.changes == {"title_en": ["Test meeting, corrected", "Test meeting"]}
    assert store.events()[0].title_en == "Test meeting"


def test_deleting_is_a_revision_too_and_can_be_undone(store: EventStore) -> None:
    [event_id] = store.submit(MOD, ATLAS, [event()])

    store.delete(MOD, ATLAS, event_id, 1, "duplicate of a curated event")
    assert event_id not in public_ids(store)

    store.restore(MOD, ATLAS, event_id, 1, 2)
    assert event_id in public_ids(store)
    assert [r.status for r in store.history(MOD, event_id)] == ["published", "deleted", "published"]


def test_a_curated_event_corrected_in_the_app_keeps_the_curated_record_as_its_first_revision(
        store: EventStore) -> None:
    curated = ATLAS.events.set_index("id").loc[CURATED]

    store.edit(MOD, ATLAS, CURATED, 0, {**_record(CURATED), "title_en": "Roadmap on Orenburg processing signed"},
               "clearer title")

    baseline, correction = store.history(MOD, CURATED)
    assert (baseline.action, baseline.record["title_en"]) == (Action.CURATED, curated["title_en"])
    assert correction.changes == {"title_en": [curated["title_en"], "Roadmap on Orenburg processing signed"]}
    stored = store.frames()
    merged = with_stored(ATLAS, stored.events, stored.actors, stored.hidden).events.set_index("id")
    assert merged.loc[CURATED, "title_en"] == "Roadmap on Orenburg processing signed"
    assert len(merged) == len(ATLAS.events), "the correction replaces the curated row, never doubles it"

    store.delete(MOD, ATLAS, CURATED, 2, "test")
    assert CURATED not in public_ids(store)


def _record(event_id: str) -> dict:
    from gasatlas.dataset.exports import frame_records
    from gasatlas.model.schema import EVENT_COLUMNS
    return frame_records(ATLAS.events[ATLAS.events["id"] == event_id], EVENT_COLUMNS)[0]


def test_two_moderators_editing_one_event_the_second_gets_a_conflict_and_nothing_is_lost(store: EventStore) -> None:
    [event_id] = store.submit(MOD, ATLAS, [event()])
    store.edit(MOD, ATLAS, event_id, 1, event(event_id, title_en="First moderator's title"))

    with pytest.raises(EditConflict) as conflict:
        store.edit(MOD2, ATLAS, event_id, 1, event(event_id, title_en="Second moderator's title"))

    assert conflict.value.current.revision == 2
    assert conflict.value.current.record["title_en"] == "First moderator's title"
    assert conflict.value.attempted["title_en"] == "Second moderator's title"
    assert [r.number for r in store.history(MOD, event_id)] == [1, 2]


def test_two_moderators_correcting_a_curated_event_for_the_first_time_conflict_too(store: EventStore) -> None:
    store.edit(MOD, ATLAS, CURATED, 0, {**_record(CURATED), "title_en": "One"})

    with pytest.raises(EditConflict):
        store.edit(MOD2, ATLAS, CURATED, 0, {**_record(CURATED), "title_en": "Two"})


def test_contributors_edit_only_their_own_pending_submissions(store: EventStore) -> None:
    [alices] = store.submit(ALICE, ATLAS, [event("ev-alice")])
    [published] = store.submit(MOD, ATLAS, [event("ev-published")])

    store.edit(ALICE, ATLAS, alices, 1, event(alices, title_en="Alice's better title"))
    with pytest.raises(PermissionDenied):
        store.edit(BOB, ATLAS, alices, 2, event(alices, title_en="Bob's title"))
    with pytest.raises(PermissionDenied):
        store.edit(ALICE, ATLAS, published, 1, event(published, title_en="Alice edits a published event"))
    with pytest.raises(PermissionDenied):
        store.approve(ALICE, ATLAS, alices, 2)

    assert store.current(alices).record["title_en"] == "Alice's better title"
    assert store.current(published).revision == 1


@pytest.mark.parametrize("who", [ANONYMOUS, READER, ALICE], ids=["anonymous", "signed-in reader", "contributor"])
def test_every_change_a_role_does_not_grant_is_refused_and_changes_nothing(store: EventStore, who: Identity) -> None:
    [event_id] = store.submit(MOD, ATLAS, [event()])
    before = store.version()
    moderator_only = [
        lambda: store.approve(who, ATLAS, event_id, 1),
        lambda: store.reject(who, ATLAS, event_id, 1),
        lambda: store.edit(who, ATLAS, event_id, 1, event(event_id, title_en="changed")),
        lambda: store.edit(who, ATLAS, CURATED, 0, {**_record(CURATED), "title_en": "changed"}),
        lambda: store.delete(who, ATLAS, event_id, 1),
        lambda: store.delete(who, ATLAS, CURATED, 0),
        lambda: store.restore(who, ATLAS, event_id, 1, 1),
        lambda: store.merge_into(who, ATLAS, event_id, 1, CURATED),
        lambda: store.queue(who),
        lambda: store.history(who, event_id),
        lambda: store.audit_log(who),
        lambda: store.article(who, "ab" * 32),
    ]
    contributor_or_more = [
        lambda: store.submit(who, ATLAS, [event("ev-new")]),
        lambda: import_csv(store, who, ATLAS, _events_file(event("ev-imported"))),
    ]
    refused = moderator_only + ([] if who is ALICE else contributor_or_more)

    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()

    assert store.version() == before


REPORTS = ["https://example.org/news/1", "https://example.org/news/2"]


def _candidate(store: EventStore) -> str:
    """A contributor's pending candidate reported by two outlets."""
    [candidate] = store.submit(ALICE, ATLAS, [event(source_url=REPORTS[0], also_reported=REPORTS[1])])
    return candidate


def test_merging_a_candidate_into_an_atlas_event_adds_its_sources_there_and_takes_it_off_the_queue(
        store: EventStore) -> None:
    candidate = _candidate(store)
    curated_sources = list(_record(CURATED)["also_reported"])

    merged = store.merge_into(MOD, ATLAS, candidate, 1, CURATED, "the roadmap, reported again")

    assert merged.record["also_reported"] == [*curated_sources, *REPORTS]
    assert store.queue(MOD) == []
    assert store.current(candidate).status == RecordStatus.REJECTED
    assert candidate not in public_ids(store)
    log = store.audit_log(MOD, action="merge")
    assert sorted(zip(log["entity_id"], log["actor"], strict=True)) == [(CURATED, MOD.id), (candidate, MOD.id)]
    assert set(log["comment"]) == {f"merged {candidate} into {CURATED}: the roadmap, reported again"}
    assert store.feedback(ALICE) == {candidate: f"merged {candidate} into {CURATED}: the roadmap, reported again"}


def test_a_merge_is_undone_by_restoring_the_revision_before_it_on_both_events(store: EventStore) -> None:
    candidate = _candidate(store)
    merged = store.merge_into(MOD, ATLAS, candidate, 1, CURATED)

    store.restore(MOD, ATLAS, CURATED, merged.revision - 1, merged.revision, "not the same roadmap")
    store.restore(MOD, ATLAS, candidate, 1, 2, "not the same roadmap")

    assert store.current(CURATED).record["also_reported"] == list(_record(CURATED)["also_reported"])
    assert [e.id for e in store.queue(MOD)] == [candidate]


def test_undoing_a_merge_puts_the_candidate_back_in_the_queue_and_takes_back_only_the_links_it_added(
        store: EventStore) -> None:
    candidate = _candidate(store)
    merged = store.merge_into(MOD, ATLAS, candidate, 1, CURATED)
    later = {**merged.record, "title_en": "Corrected after the merge"}
    store.edit(MOD2, ATLAS, CURATED, merged.revision, later, "a typo")

    store.undo_merge(MOD, ATLAS, candidate, 2, "a different roadmap")

    assert [e.id for e in store.queue(MOD)] == [candidate]
    restored = store.current(CURATED).record
    assert restored["also_reported"] == list(_record(CURATED)["also_reported"])
    assert restored["title_en"] == "Corrected after the merge", "a later edit of the event stays"
    assert [r.action for r in store.history(MOD, candidate)] == [Action.SUBMIT, Action.MERGE, Action.RESTORE]
    with pytest.raises(PermissionDenied, match="no merge to undo"):
        store.undo_merge(MOD, ATLAS, candidate, 3)
    with pytest.raises(PermissionDenied):
        store.undo_merge(ALICE, ATLAS, candidate, 3)


def test_only_moderators_merge_even_a_contributors_own_candidate_and_a_refusal_changes_nothing(
        store: EventStore) -> None:
    candidate = _candidate(store)
    before = store.version()

    for who in (ANONYMOUS, READER, ALICE):
        with pytest.raises(PermissionDenied):
            store.merge_into(who, ATLAS, candidate, 1, CURATED)

    assert store.version() == before
    assert store.current(CURATED) is None, "the curated event was not touched"


def test_a_candidate_is_merged_only_while_pending_into_an_event_on_the_atlas_on_the_revision_seen(
        store: EventStore) -> None:
    candidate, other = _candidate(store), _candidate(store)

    with pytest.raises(PermissionDenied, match="merged into itself"):
        store.merge_into(MOD, ATLAS, candidate, 1, candidate)
    with pytest.raises(PermissionDenied, match="is pending: it cannot be merged"):
        store.merge_into(MOD, ATLAS, candidate, 1, other)
    with pytest.raises(KeyError, match="no event"):
        store.merge_into(MOD, ATLAS, candidate, 1, "ev-nowhere")
    store.edit(ALICE, ATLAS, candidate, 1, event(candidate, source_url=REPORTS[0], title_en="Alice's fix"))
    with pytest.raises(EditConflict):
        store.merge_into(MOD, ATLAS, candidate, 1, CURATED)
    store.reject(MOD, ATLAS, other, 1)
    with pytest.raises(PermissionDenied, match="is rejected: it cannot be merged"):
        store.merge_into(MOD, ATLAS, other, 2, CURATED)

    assert store.current(CURATED) is None, "no refused merge touched the atlas event"




def test_a_moderator_adds_an_events_volume_as_a_flow_figure_with_its_revision_and_the_atlas_shows_it(
        store: EventStore) -> None:
    added = store.add_flow(MOD, ATLAS, FIGURE, FIGURE_EVENT, "checked against the TASS report")

    stored = store.frames()
    atlas = with_stored(ATLAS, stored.events, stored.actors, stored.hidden, stored.flows)
    assert added in set(atlas.flows["id"])
    assert len(atlas.flows) == len(ATLAS.flows) + 1
    assert store.flow_sources() == {FIGURE_EVENT}
    log = store.audit_log(MOD)
    assert list(zip(log["entity"], log["entity_id"], log["actor"], log["comment"], strict=True)) == [
        ("flow", added, MOD.id, "checked against the TASS report")]


def test_a_flow_figure_is_checked_like_flows_csv_and_a_refused_one_changes_nothing(store: EventStore) -> None:
    before = store.version()

    with pytest.raises(DataValidationError, match="overlaps"):
        store.add_flow(MOD, ATLAS, {**FIGURE, "choice": "chosen"}, FIGURE_EVENT)
    with pytest.raises(DataValidationError, match="not among the countries"):
        store.add_flow(MOD, ATLAS, {**FIGURE, "to_country": "CHN"}, FIGURE_EVENT)
    store.add_flow(MOD, ATLAS, FIGURE, FIGURE_EVENT)
    stored = store.frames()
    with pytest.raises(DataValidationError, match="id"):
        store.add_flow(MOD, with_stored(ATLAS, stored.events, stored.actors, stored.hidden, stored.flows), FIGURE,
                       FIGURE_EVENT)

    assert store.version() == (before[0], before[1], before[2] + 1), "one figure added, nothing else"


@pytest.mark.parametrize("who", [ANONYMOUS, READER, ALICE], ids=["anonymous", "signed-in reader", "contributor"])
def test_only_moderators_add_flow_figures(store: EventStore, who: Identity) -> None:
    with pytest.raises(PermissionDenied):
        store.add_flow(who, ATLAS, FIGURE, FIGURE_EVENT)

    assert store.flows() == []


def _events_file(*records: dict) -> str:
    from gasatlas.dataset.exports import events_csv
    return events_csv(records)


def test_a_contributor_may_import_new_events_to_the_queue_but_not_corrections(store: EventStore) -> None:
    result = import_csv(store, ALICE, ATLAS, _events_file(event("ev-imported")))
    assert [e.id for e in store.queue(MOD)] == result.stored == ["ev-imported"]

    with pytest.raises(PermissionDenied, match="only moderators may import corrections"):
        import_csv(store, ALICE, ATLAS, _events_file({**_record(CURATED), "title_en": "changed"}))


def test_contributors_may_submit_only_so_many_events_an_hour(store_url: str) -> None:
    store = EventStore(store_url, submissions_per_hour=3)
    store.submit(ALICE, ATLAS, [event("ev-1"), event("ev-2")])

    with pytest.raises(RateLimited, match=r"submitted 2 record\(s\) in the last hour and now 2 more; the limit is 3"):
        store.submit(ALICE, ATLAS, [event("ev-3"), event("ev-4")])
    store.submit(BOB, ATLAS, [event("ev-5"), event("ev-6"), event("ev-7")])  # the limit is per contributor
    store.submit(MOD, ATLAS, [event(f"ev-m{n}") for n in range(5)])  # and moderators have none
    store.engine.dispose()


def test_the_audit_log_lists_every_change_and_filters_by_person_action_and_day(store: EventStore) -> None:
    [event_id] = store.submit(ALICE, ATLAS, [event()])
    store.approve(MOD, ATLAS, event_id, 1, "fine")
    store.edit(MOD2, ATLAS, event_id, 2, event(event_id, title_en="Edited"), "title")

    log = store.audit_log(MOD)
    today = dt.datetime.now(dt.UTC).date()

    assert list(log["action"]) == ["edit", "approve", "submit"]
    assert list(store.audit_log(MOD, person=MOD2.id)["comment"]) == ["title"]
    assert list(store.audit_log(MOD, action="approve")["actor"]) == [MOD.id]
    assert len(store.audit_log(MOD, since=today, until=today)) == 3
    assert store.audit_log(MOD, until=today - dt.timedelta(days=1)).empty
    assert store.people(MOD) == sorted([ALICE.id, MOD.id, MOD2.id])


def _release_0_1_rows(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as old:
        return {table: sorted(old.execute(f"SELECT id, record FROM {table}").fetchall())
                for table in ("events", "actors")}


def test_a_store_written_by_release_0_1_is_upgraded_on_start_row_for_row(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(RELEASE_0_1, path)
    before = _release_0_1_rows(path)

    store = EventStore(f"sqlite:///{path}")

    assert _release_0_1_rows(path) == before, "every record as it was stored"
    assert sorted(e.id for e in store.events()) == sorted(row[0] for row in before["events"])
    assert [a.id for a in store.actors()] == ["ivan-petrov"]
    [legacy] = store.history(LOCAL_MODERATOR, "ev-2023-02-01-test-meeting")
    assert (legacy.action, legacy.status) == (Action.LEGACY, RecordStatus.PUBLISHED)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0004"
    assert EventStore(f"sqlite:///{path}").version() == store.version(), "opening again changes nothing"


def test_the_newest_revision_read_from_the_file_names_is_alembics_head(tmp_path) -> None:
    with create_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}").connect() as connection:
        head = ScriptDirectory.from_config(alembic_config(connection)).get_current_head()

    assert newest_revision() == head


def test_a_store_at_the_newest_revision_opens_without_alembic(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    EventStore(url)  # created and migrated
    code = (f"import sys; from gasatlas.store import EventStore; EventStore({url!r}); "
            "print('alembic' in sys.modules)")

    opened_again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert opened_again.stdout.strip() == "False"


def test_a_postgresql_store_of_release_0_1_is_upgraded_row_for_row() -> None:
    url = empty_postgres()
    engine = create_engine(url)
    with engine.begin() as connection:  # release 0.1's schema, then its rows, exactly as in the fixture
        command.upgrade(alembic_config(connection), "0001")
        connection.exec_driver_sql("DROP TABLE alembic_version")  # release 0.1 did not use Alembic
        with sqlite3.connect(RELEASE_0_1) as old:
            old.row_factory = sqlite3.Row
            for table in (events_table, actors_table):
                rows = [dict(row) for row in old.execute(f"SELECT * FROM {table.name}")]
                names = list(rows[0])
                connection.execute(sa.text(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
                                           f"({', '.join(':' + n for n in names)})"), rows)
    engine.dispose()

    store = EventStore(url)

    fixture = {table: {row_id: json.loads(record) for row_id, record in rows}
               for table, rows in _release_0_1_rows(RELEASE_0_1).items()}
    as_read_today = {event_id: Event.model_validate(record).model_dump(mode="json", by_alias=True)
                     for event_id, record in fixture["events"].items()}  # fields added since have their defaults
    assert {e.id: e.model_dump(mode="json", by_alias=True) for e in store.events()} == as_read_today
    assert {a.id: a.model_dump(mode="json", by_alias=True) for a in store.actors()} == fixture["actors"]
    assert all(len(store.history(LOCAL_MODERATOR, event_id)) == 1 for event_id in fixture["events"])
    store.engine.dispose()


@pytest.mark.parametrize("repeated", [CURATED, "ev-new-twice"], ids=["stored-id", "new-id"])
def test_an_import_that_gives_an_id_twice_is_refused_whole_naming_the_id_and_its_lines(
        store: EventStore, repeated: str) -> None:
    first = {**_record(CURATED), "title_en": "First correction"} if repeated == CURATED else event(repeated)
    second = {**first, "title_en": "Second correction, which would silently win"}
    text = _events_file(event("ev-innocent"), first, second)
    before = store.audit_log(MOD)

    with pytest.raises(DataValidationError) as refused:
        import_csv(store, MOD, ATLAS, text, names=FileNames(events="mine.csv"))

    [problem] = refused.value.problems
    assert (problem.file, problem.record_id) == ("mine.csv", repeated)
    assert "given 2 times (line 3, line 4)" in str(problem)
    assert store.audit_log(MOD).equals(before), "nothing at all was imported"
    assert store.events() == [], "nothing at all was imported"


def test_an_actors_file_that_gives_an_id_twice_is_refused_too(store: EventStore) -> None:
    actors = actors_csv([Actor.model_validate(PETROV)] * 2)

    with pytest.raises(DataValidationError, match=r"actors\.csv, id 'ivan-petrov': the id is given 2 times"):
        import_csv(store, MOD, ATLAS, _events_file(event("ev-x")), actors)
    assert store.events() == []
    assert store.actors() == []


def test_the_hourly_limit_counts_actors_too_so_an_import_of_2000_actors_stops_at_it(store_url: str) -> None:
    store = EventStore(store_url, submissions_per_hour=30)
    actors = [Actor.model_validate({**PETROV, "id": f"person-{n}", "name_en": f"Person {n}"}) for n in range(2000)]

    with pytest.raises(RateLimited, match="now 2000 more; the limit is 30"):
        import_csv(store, ALICE, ATLAS, _events_file(), actors_csv(actors))
    assert store.actors(RecordStatus.PENDING) == [], "not one of them stored"
    assert store.version() == (0, 0, 0), "not one of them stored"

    store.submit(ALICE, ATLAS, [], actors=[{**PETROV, "id": f"person-{n}"} for n in range(29)])
    with pytest.raises(RateLimited, match=r"submitted 29 record\(s\) in the last hour and now 2 more"):
        store.submit(ALICE, ATLAS, [event("ev-1")], actors=[{**PETROV, "id": "person-x"}])
    store.engine.dispose()
