"""The feed watcher's tables on SQLite and PostgreSQL: feeds and their revisions, items noted once, the runs'
lock."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.auth import LOCAL_MODERATOR, PermissionDenied
from gasatlas.store import EventStore
from gasatlas.store.feeds import FeedRefused, FeedSeed, FeedStore, ItemOutcome, ItemState
from gasatlas.watch import WATCHER

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

    assert first is not None and feeds.begin_run(WATCHER, "b") is None
    feeds.finish_run(first, "done", {"feeds": 1})
    assert feeds.begin_run(WATCHER, "b") is not None
