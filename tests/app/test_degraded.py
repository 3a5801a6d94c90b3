"""When parts of the server fail or are busy, every page stays readable and says plainly what is going on."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.config import settings
from gasatlas.news import ingest
from gasatlas.news.jobs import JobState
from gasatlas.ui import add_news, navigation
from tests.app.test_add_news import add_news_page, button
from tests.app.test_app import TIMEOUT, FakeMap
from tests.app.test_pages import open_page
from tests.conftest import TEST_ARTICLE

BROKEN_STORE = "sqlite:////proc/nope/x.sqlite3"


@pytest.fixture(autouse=True)
def fake_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gasatlas.ui.map.st_folium", FakeMap())
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())


def texts(at: AppTest) -> str:
    return " ".join(str(getattr(element, "value", "")) for element in at.main) + " ".join(
        str(getattr(element, "value", "")) for element in at.sidebar)


@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda spec: spec.url_path)
def test_a_store_that_cannot_be_opened_leaves_every_page_readable_and_logs_where(
        spec: navigation.PageSpec, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DATABASE_URL", BROKEN_STORE)
    settings.cache_clear()

    with caplog.at_level(logging.ERROR, logger="gasatlas"):
        at = open_page(spec)

    assert not at.exception, at.exception
    assert any("event store cannot be reached" in warning.value for warning in at.warning)
    assert "/proc/nope" not in texts(at), "readers never see the server's paths"
    assert "/proc/nope" in caplog.text, "the operator does"


def submit(at: AppTest, text: str) -> AppTest:
    at.text_area[0].input(text)
    at.date_input[0].set_value(dt.date(2024, 3, 15))
    at.text_input[1].input("Test Wire")
    at.text_input[2].input("https://example.org/news/orenburg")
    return button(at, "Find events").click().run()


def until(condition, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def progress_text(at: AppTest) -> str:
    return " ".join(element.proto.text for element in at.get("progress"))


def test_articles_wait_for_a_free_reader_see_their_place_and_can_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    """One reader (the default): a second visitor's article waits in line until the first is cancelled."""
    release = threading.Event()

    def slow_propose(article, atlas, report):  # noqa: ARG001 -- the signature of what it stands in for
        while not release.wait(0.02):
            report("read", 0.5)  # raises once the job is cancelled
        return []

    monkeypatch.setattr(ingest, "propose", slow_propose)
    try:
        first = submit(add_news_page(), TEST_ARTICLE.read_text(encoding="utf-8"))
        first_job = first.session_state[add_news.KEY_JOB]
        until(lambda: first_job.state == JobState.RUNNING and first_job.stage == "read")
        first = first.run()
        assert "Reading sentence by sentence · 50%" in progress_text(first)

        second = submit(add_news_page(), "Второй текст о газе.")
        assert "Waiting for a free reader: 1 in line." in progress_text(second)

        first = first.button(key="news-cancel").click().run()
        assert any("Reading was cancelled." in info.value for info in first.info)
        until(lambda: first_job.finished)
        assert first_job.state == JobState.CANCELLED

        second_job = second.session_state[add_news.KEY_JOB]
        until(lambda: second_job.state == JobState.RUNNING)
        release.set()
        until(lambda: second_job.finished)
        second = second.run()
        assert any("No dated event was found" in info.value for info in second.info)
    finally:
        release.set()  # a failed assertion must not leave the shared reader blocked


def test_a_full_line_asks_the_visitor_to_come_back_instead_of_queueing_without_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GASATLAS_EXTRACTION_QUEUE", "0")
    settings.cache_clear()
    release = threading.Event()
    monkeypatch.setattr(ingest, "propose", lambda article, atlas, report: release.wait(TIMEOUT) and [])

    try:
        busy = submit(add_news_page(), "Первый текст о газе.")
        refused = submit(add_news_page(), "Второй текст о газе.")
    finally:
        release.set()

    assert any("busy with other visitors' articles" in warning.value for warning in refused.warning)
    assert add_news.KEY_JOB not in refused.session_state
    busy.session_state[add_news.KEY_JOB].wait(TIMEOUT)
