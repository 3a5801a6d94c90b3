"""The feed watcher's tables on SQLite and PostgreSQL: feeds and their revisions, items noted once, the runs'
lock."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.auth import LOCAL_MODERATOR, PermissionDenied
from gasatlas.news.watch import WATCHER
from gasatlas.store import EventStore
from gasatlas.store.feeds import FeedRefused, FeedSeed, FeedStore, ItemOutcome, ItemState, SourceReport, reading

SEED = FeedSeed("https://www.gazeta.uz/en/rss/", "Gazeta.uz", "en", "Uzbek outlet in English")


def test_a_feed_is_added_once_and_its_switching_is_a_revision(store: EventStore) -> None:
    feeds = FeedStore(store)
    feed = feeds.add(LOCAL_MODERATOR, SEED)

    with pytest.raises(FeedRefused):
        feeds.add(LOCAL_MODERATOR, SEED)
    feeds.set_enabled(LOCAL_MODERATOR, feed.id, False, "paywalled")
    feeds.set_enabled(LOCAL_MODERATOR, feed.id, False, "twice changes nothing")

    log = store.audit_log(LOCAL_MODERATOR)
    assert list(zip(log["action"], log["status"], log["number"], strict=True)) == [
        ("disable", "disabled", 2), ("add", "enabled", 1)]


def test_the_watcher_may_note_items_but_not_add_feeds(store: EventStore) -> None:
    feeds = FeedStore(store)
    feed = feeds.add(LOCAL_MODERATOR, SEED)
    failed = ItemOutcome(feed.id, "k", "https://www.gazeta.uz/en/1", "Gas", dt.date(2025, 12, 26), True,
                         ItemState.FAILED, error="HTTP 503")

    with pytest.raises(PermissionDenied):
        feeds.add(WATCHER, SEED)
    feeds.record(WATCHER, [failed])
    assert feeds.done_keys(feed.id, ["k"]) == set(), "a failed item is tried again"
    feeds.record(WATCHER, [failed])
    feeds.record(WATCHER, [failed])

    assert feeds.done_keys(feed.id, ["k"]) == {"k"}, "…three times"
    (noted,) = feeds.feeds()
    assert (noted.items_seen, noted.items_relevant, noted.errors, noted.last_error) == (1, 1, 3, "HTTP 503")


def test_one_watcher_runs_at_a_time(store: EventStore) -> None:
    feeds = FeedStore(store)
    first = feeds.begin_run(WATCHER, "a")

    assert first is not None
    assert feeds.begin_run(WATCHER, "b") is None
    feeds.finish_run(first, "done", {"feeds": 1})
    assert feeds.begin_run(WATCHER, "b") is not None


def test_what_each_report_said_is_kept_with_its_item_and_read_back_by_moderators_only(store: EventStore) -> None:
    feeds = FeedStore(store)
    feed = feeds.add(LOCAL_MODERATOR, SEED)
    said = reading({"date": dt.date(2025, 12, 26), "date_precision": "day", "volume_bcm": 2.8, "volume_period": "year",
                    "place_name_en": "Tashkent", "place_country": "UZB", "title_en": "not a reading"})
    feeds.record(WATCHER, [
        ItemOutcome(feed.id, "a", "https://www.gazeta.uz/en/a", "Gas", None, True, ItemState.PROPOSED,
                    proposal="ev-x", reading=said),
        ItemOutcome(feed.id, "b", "https://www.gazeta.uz/en/b", "Gas", None, True, ItemState.FAILED, error="503"),
        ItemOutcome(feed.id, "c", "https://www.gazeta.uz/en/c", "Gas", None, True, ItemState.PROPOSED,
                    proposal="ev-y", reading=said)])

    assert said == {"date": "2025-12-26", "date_precision": "day", "volume_bcm": 2.8, "volume_period": "year",
                    "place_name_en": "Tashkent", "place_country": "UZB"}
    assert feeds.reports(LOCAL_MODERATOR, "ev-x") == [SourceReport("https://www.gazeta.uz/en/a", said)]
    assert [item["reading"] for item in feeds.items(LOCAL_MODERATOR, state=ItemState.FAILED)] == [None]
    with pytest.raises(PermissionDenied):
        feeds.reports(WATCHER, "ev-x")
