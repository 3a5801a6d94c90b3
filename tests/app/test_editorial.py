"""Who may change the atlas, as the pages show it: sign-in, the read-only server, the queue, the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.auth import Identity, Role
from gasatlas.config import settings
from gasatlas.dataset.load import load_dataset
from gasatlas.store import EventStore
from gasatlas.ui import navigation
from tests.app.test_add_news import button, submit
from tests.app.test_app import APP, TIMEOUT, TOTAL, FakeMap, shown_count
from tests.conftest import TEST_ARTICLE, TEST_ARTICLE_PUBLISHED
from tests.store.records import event

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "atlas",
        "client_secret": "secret", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ROLES = {"moderators": ["mod@atlas.example"]}
ALICE = {"is_logged_in": True, "email": "alice@newsroom.example", "email_verified": True, "name": "Alice"}
MODERATOR = {"is_logged_in": True, "email": "mod@atlas.example", "email_verified": True, "name": "Maria"}
ATLAS = load_dataset(settings().data_dir)


@pytest.fixture(autouse=True)
def fake_maps(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())
    return fake


def visit(spec: navigation.PageSpec, user: dict | None = None, *, auth: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if auth:
        at.secrets["auth"] = AUTH
        at.secrets["roles"] = ROLES
    if user is not None:
        at.user = dict(user)
    at.run()
    return at.switch_page(spec.path).run()


def store() -> EventStore:
    return EventStore(settings().database_url)


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
    assert [s.status for s in store().submissions(Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR))] == ["pending"]
    assert shown_count(visit(navigation.MAP, ALICE)) == f"Showing {TOTAL + 1} of {TOTAL + 1} events"
    assert shown_count(visit(navigation.MAP)) == f"Showing {TOTAL} of {TOTAL} events"


def test_a_moderator_approves_from_the_queue_with_the_article_beside_it() -> None:
    alice = Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR)
    [pending] = store().submit(alice, ATLAS, [event()])

    at = visit(navigation.REVIEW, MODERATOR)
    assert any("1 event waiting." in caption.value for caption in at.caption)
    at.text_input(key=f"queue-comment-{pending}").input("fine")
    at = at.button(key=f"queue-approve-{pending}").click().run()

    assert not at.exception, at.exception
    assert store().current(pending).status == "published"
    assert shown_count(visit(navigation.MAP)) == f"Showing {TOTAL + 1} of {TOTAL + 1} events"


@pytest.mark.parametrize("spec", [navigation.REVIEW, navigation.AUDIT], ids=["review", "audit"])
def test_the_moderators_pages_refuse_contributors_and_are_not_in_their_menu(spec: navigation.PageSpec) -> None:
    at = visit(spec, ALICE)

    assert any("for the atlas's moderators" in info.value for info in at.info)
    assert not at.dataframe


def test_the_audit_log_lists_the_changes_for_moderators() -> None:
    moderator = Identity(MODERATOR["email"], "Maria", Role.MODERATOR)
    [event_id] = store().submit(moderator, ATLAS, [event()])
    store().delete(moderator, ATLAS, event_id, 1, "test deletion")

    at = visit(navigation.AUDIT, MODERATOR)

    log = at.dataframe[0].value
    assert list(log["action"]) == ["deleted", "published"]
    assert "test deletion" in set(log["comment"])


def test_a_contributor_edits_their_own_pending_submission_under_its_card_and_nothing_else(
        fake_maps: FakeMap) -> None:
    alice = Identity(ALICE["email"], "Alice", Role.CONTRIBUTOR)
    [own] = store().submit(alice, ATLAS, [event("ev-2023-02-01-alices")])
    at = visit(navigation.MAP, ALICE)
    fake_maps.click("event", own)
    at.run()

    at.text_input(key=f"card-{own}-1-title_en").input("Test meeting, corrected by its contributor")
    at = next(b for b in at.button if b.label == "Save as a new revision").click().run()

    assert not at.exception, at.exception
    saved = store().current(own)
    assert (saved.revision, saved.status, saved.record["title_en"]) == (
        2, "pending", "Test meeting, corrected by its contributor"), "still waiting for review"
    fake_maps.click("event", "ev-2023-01-18-gazprom-kazakhstan-roadmap")
    at.run()
    assert not [e for e in at.expander if e.label == "Edit this event"], "a published event is not hers to edit"
