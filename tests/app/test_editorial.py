"""Who may change the atlas, as the pages show it: sign-in, the read-only server, the queue, the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.delta_generator import DeltaGenerator

from gasatlas.auth import LOCAL_MODERATOR, Identity, Role
from gasatlas.store import EventStore, export_files
from gasatlas.ui import navigation
from tests.support.app import (
    ALICE,
    MODERATOR,
    TOTAL,
    FakeMap,
    Upload,
    app_store,
    button,
    shown_count,
    submit,
    visit,
)
from tests.support.data import TEST_ARTICLE, TEST_ARTICLE_PUBLISHED, shipped_atlas
from tests.support.store import FIGURE, FIGURE_EVENT, event

ATLAS = shipped_atlas()


@pytest.fixture(autouse=True)
def fake_maps(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())
    return fake


def test_an_anonymous_visitor_is_asked_to_sign_in_and_has_no_form_to_change_anything() -> None:
    news = visit(navigation.ADD_NEWS)
    data = visit(navigation.DATA)

    assert not news.exception
    assert not data.exception
    assert any("Sign in to add events" in info.value for info in news.info)
    assert not news.text_area
    assert not [b for b in data.button if b.label == "Import"]
    assert not any(b.label.startswith("Find events") for b in news.button)


def test_without_sign_in_a_server_reachable_from_the_network_is_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gasatlas.ui.identity.local_install", lambda: False)

    at = visit(navigation.ADD_NEWS, auth=False)

    assert any("This atlas is read-only" in info.value for info in at.info)
    assert not at.text_area


def test_a_contributors_article_goes_to_the_queue_and_only_they_see_it_on_their_map() -> None:
    at = submit(visit(navigation.ADD_NEWS, ALICE), TEST_ARTICLE.read_text(encoding="utf-8"),
                dt.date.fromisoformat(TEST_ARTICLE_PUBLISHED))
    at = button(at, "Submit 1 event for review").click().run()

    assert not at.exception, at.exception
    assert "Submitted 1 event for review" in at.success[0].value
    alice = Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR)
    assert [s.status for s in app_store().submissions(alice)] == ["pending"]
    assert shown_count(visit(navigation.MAP, ALICE)) == f"Showing {TOTAL + 1} of {TOTAL + 1} events"
    assert shown_count(visit(navigation.MAP)) == f"Showing {TOTAL} of {TOTAL} events"


def test_a_moderator_approves_from_the_queue_with_the_article_beside_it() -> None:
    alice = Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR)
    [pending] = app_store().submit(alice, ATLAS, [event()])

    at = visit(navigation.REVIEW, MODERATOR)
    assert any("1 event waiting." in caption.value for caption in at.caption)
    at.text_input(key=f"queue-comment-{pending}").input("fine")
    at = at.button(key=f"queue-approve-{pending}").click().run()

    assert not at.exception, at.exception
    assert app_store().current(pending).status == "published"
    assert shown_count(visit(navigation.MAP)) == f"Showing {TOTAL + 1} of {TOTAL + 1} events"


def test_a_moderator_imports_another_deployments_export_with_its_flow_figures_on_the_data_page(
        monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    elsewhere = EventStore(f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}")
    elsewhere.add_flow(LOCAL_MODERATOR, ATLAS, FIGURE, FIGURE_EVENT)
    files = export_files(elsewhere, ATLAS)
    uploads = {"import-events-file": Upload("events.csv", files["events.csv"].encode()),
               "import-flows-file": Upload("flows.csv", files["flows.csv"].encode())}
    monkeypatch.setattr(DeltaGenerator, "file_uploader", lambda self, *args, key=None, **kwargs: uploads.get(key))

    at = button(visit(navigation.DATA, MODERATOR), "Import").click().run()

    assert not at.exception, at.exception
    assert "1 flow figure added." in at.success[0].value
    assert [flow.model_dump() for flow in app_store().flows()] == [flow.model_dump() for flow in elsewhere.flows()]
    assert app_store().flow_sources() == {FIGURE_EVENT}


@pytest.mark.parametrize("spec", [navigation.REVIEW, navigation.AUDIT], ids=["review", "audit"])
def test_the_moderators_pages_refuse_contributors_and_are_not_in_their_menu(spec: navigation.PageSpec) -> None:
    at = visit(spec, ALICE)

    assert any("for the atlas's moderators" in info.value for info in at.info)
    assert not at.dataframe


def test_the_audit_log_lists_the_changes_for_moderators() -> None:
    moderator = Identity(MODERATOR["email"], "Maria", Role.MODERATOR)
    [event_id] = app_store().submit(moderator, ATLAS, [event()])
    app_store().delete(moderator, ATLAS, event_id, 1, "test deletion")

    at = visit(navigation.AUDIT, MODERATOR)

    log = at.dataframe[0].value
    assert list(log["action"]) == ["deleted", "published"]
    assert "test deletion" in set(log["comment"])


def test_a_contributor_edits_their_own_pending_submission_under_its_card_and_nothing_else(
        fake_maps: FakeMap) -> None:
    alice = Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR)
    [own] = app_store().submit(alice, ATLAS, [event("ev-2023-02-01-alices")])
    at = visit(navigation.MAP, ALICE)
    fake_maps.click("event", own)
    at.run()

    at.text_input(key=f"card-{own}-1-title_en").input("Test meeting, corrected by its contributor")
    at = next(b for b in at.button if b.label == "Save as a new revision").click().run()

    assert not at.exception, at.exception
    saved = app_store().current(own)
    assert (saved.revision, saved.status, saved.record["title_en"]) == (
        2, "pending", "Test meeting, corrected by its contributor"), "still waiting for review"
    fake_maps.click("event", "ev-2023-01-18-gazprom-kazakhstan-roadmap")
    at.run()
    assert not [e for e in at.expander if e.label == "Edit this event"], "a published event is not hers to edit"
