"""The Add news page: an article becomes reviewed candidates, and the accepted ones join the map."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.config import settings
from gasatlas.news import ingest
from gasatlas.store import EventStore
from gasatlas.ui import add_news
from tests.support.app import (
    SOURCE_TITLE,
    SOURCE_URL,
    TOTAL,
    FakeMap,
    Upload,
    add_news_page,
    button,
    read,
    submit,
)
from tests.support.data import TEST_ARTICLE, TEST_ARTICLE_PUBLISHED

ROADMAP_ARTICLE = ("18 января в Санкт-Петербурге Роман Скляр и Алексей Миллер подписали дорожную карту "
                   "по переработке казахстанского газа на Оренбургском газоперерабатывающем заводе.")


@pytest.fixture(autouse=True)
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    return fake


def stored_ids() -> list[str]:
    return [event.id for event in EventStore(settings().database_url).events()]


def test_an_incomplete_form_says_what_is_missing_and_stores_nothing() -> None:
    at = submit(add_news_page(), "   ", None, title="", url="example.org")

    assert not at.exception
    message = at.error[0].value
    for missing in ("Paste a text, upload a file or give the article's link", "publication date", "Name the source",
                    "full URL"):
        assert missing in message
    assert not at.dataframe
    assert stored_ids() == []


def test_an_article_becomes_candidates_that_are_saved_and_shown_on_the_map(fake_map: FakeMap) -> None:
    at = submit(add_news_page(), TEST_ARTICLE.read_text(encoding="utf-8"),
                dt.date.fromisoformat(TEST_ARTICLE_PUBLISHED))

    assert not at.exception, at.exception
    assert any("Russian: full support" in caption.value for caption in at.caption)
    review = at.dataframe[0].value
    assert len(review) == 1
    candidate = review.iloc[0]
    assert bool(candidate["accept"])
    assert candidate["duplicate_of"] == ""
    assert list(candidate["facility_ids"]) == ["orenburg-gpp"]
    assert list(candidate["participants"]) == ["ivan-petrov", "miller"]
    new_actors = at.dataframe[1].value
    assert new_actors["id"].tolist() == ["testgaz", "ivan-petrov"] or new_actors["id"].tolist() == [
        "ivan-petrov", "testgaz"], "the people and bodies the atlas does not know, shown for checking"

    at = button(at, "Save 1 event").click().run()

    assert not at.exception, at.exception
    [saved] = stored_ids()
    assert "Saved 1 event" in at.success[0].value
    at = button(at, "Show on the map").click().run()
    assert not at.exception, at.exception
    assert at.query_params["sel"] == f"event:{saved}"
    assert at.caption[0].value.startswith(f"Showing {TOTAL + 1} of {TOTAL + 1} events")
    assert saved in fake_map.events()["id"]
    assert fake_map.layer("selection")["id"] == saved


def test_an_article_about_a_known_event_is_flagged_as_a_duplicate_and_left_unticked() -> None:
    at = submit(add_news_page(), ROADMAP_ARTICLE, dt.date(2023, 1, 20))

    review = at.dataframe[0].value
    assert review["duplicate_of"].tolist() == ["ev-2023-01-18-gazprom-kazakhstan-roadmap"]
    assert not review["accept"].any()
    assert button(at, "Save 0 event").disabled


def test_in_russian_the_page_says_english_text_is_only_partly_supported() -> None:
    at = add_news_page("ru")
    at.text_area[0].input("On 1 April 2024 QazaqGaz signed an agreement with Gazprom on gas supplies.")
    at.date_input[0].set_value(dt.date(2024, 4, 2))
    at.text_input[1].input(SOURCE_TITLE)
    at.text_input[2].input(SOURCE_URL)
    at = read(button(at, "Найти события").click().run())

    assert not at.exception, at.exception
    assert at.title[0].value == "События из новостной статьи"
    assert any("Английский: частично" in caption.value for caption in at.caption)
    assert list(at.dataframe[0].value["organisations"][0]) == ["qazaqgaz", "gazprom"]




def test_an_article_is_read_from_its_link_with_the_page_title_as_source(site: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GASATLAS_FETCH_ALLOW_HOSTS", '["127.0.0.1"]')  # the test's site, as an intranet allows
    settings.cache_clear()
    link = site + "/orenburg-test-wire.html"
    at = add_news_page()
    at.text_input(key="news_link").input(link)
    at.date_input[0].set_value(dt.date.fromisoformat(TEST_ARTICLE_PUBLISHED))
    at = read(button(at, "Find events").click().run())

    assert not at.exception, at.exception
    assert not at.error
    review = at.dataframe[0].value
    assert list(review["facility_ids"][0]) == ["orenburg-gpp"]
    article = at.session_state[add_news.KEY_ARTICLE]
    assert (article.source_title, article.source_url) == ("Тестовая лента: переговоры на Оренбургском ГПЗ", link)


@pytest.mark.parametrize("link", ["file:///etc/passwd", "http://127.0.0.1:9/news", "http://0x7f.1:9/news",
                                  "http://169.254.169.254/latest/meta-data/"])
def test_a_link_that_cannot_be_read_gets_one_message_whatever_the_reason(link: str) -> None:
    at = add_news_page()
    at.text_input(key="news_link").input(link)
    at.date_input[0].set_value(dt.date(2024, 3, 15))
    at = read(button(at, "Find events").click().run())

    assert not at.exception, at.exception
    assert "The page cannot be read" in at.error[0].value
    assert "could not fetch this page" in at.error[0].value
    assert add_news.KEY_CANDIDATES not in at.session_state


def upload_page(monkeypatch: pytest.MonkeyPatch, name: str, data: bytes) -> AppTest:
    """The page with ``data`` uploaded as ``name``, dated and sourced, after 'Find events'."""
    monkeypatch.setattr("streamlit.file_uploader", lambda *args, **kwargs: Upload(name, data))
    at = add_news_page()
    at.date_input[0].set_value(dt.date(2024, 3, 15))
    at.text_input[1].input(SOURCE_TITLE)
    at.text_input[2].input(SOURCE_URL)
    return button(at, "Find events").click().run()


def test_an_upload_of_480000_tiny_elements_is_refused_by_the_pool_with_a_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    readers: list[str] = []
    read_and_propose = ingest.read_and_propose

    def reading_thread(*args, **kwargs):
        readers.append(threading.current_thread().name)
        return read_and_propose(*args, **kwargs)

    monkeypatch.setattr("gasatlas.news.ingest.read_and_propose", reading_thread)
    at = read(upload_page(monkeypatch, "tiny.html", b"<p>a</p>" * 480_000))

    assert len(readers) == 1, f"read in {readers}"
    assert readers[0].startswith("gasatlas-job"), f"the markup goes to the pool, not the visitor's thread: {readers}"

    assert not at.exception, at.exception
    assert "The article cannot be used" in at.error[0].value
    assert "tags" in at.error[0].value
    assert add_news.KEY_CANDIDATES not in at.session_state


def test_an_upload_declaring_the_idna_codec_is_answered_plainly_never_with_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    at = read(upload_page(monkeypatch, "idna.html", b"xn--" + b"a" * 80 + b'-.<meta charset="idna"> \xff'))

    assert not at.exception, at.exception
    shown = " ".join(element.value for element in [*at.error, *at.info, *at.warning])
    assert "Traceback" not in shown
    assert "UnicodeError" not in shown
    assert "/gasatlas/" not in shown
    assert ("The article cannot be used" in shown or "No dated event was found" in shown), shown
