"""From watched feeds to the map: three outlets' reports of one event, read by the watcher from a local feed,
wait in the review queue as one candidate with three sources; approved once, the event is on the map with
all three."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import replace

import pandas as pd
import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import (
    READ_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    AppServer,
    AtlasPage,
    atlas_tab,
    serving_copy_of_data,
)
from gasatlas.auth import LOCAL_MODERATOR
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.news.watch import SUBMISSIONS_PER_HOUR, Options, Watcher
from gasatlas.store import EventStore
from gasatlas.store.feeds import FeedSeed, FeedStore
from tests.unit.news.test_watch import ONE_EVENT, Served, _handler

CURATED = load_dataset(PROJECT_ROOT / "data")


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[AppServer]:
    """A server with a store of its own: the approved event must not leak into the other browser tests."""
    with serving_copy_of_data(browser, tmp_path_factory.mktemp("watched"), first_page_timeout_ms=READ_TIMEOUT_MS) \
            as server:
        yield server


@pytest.fixture
def atlas(browser: Browser, private_server: AppServer) -> Iterator[AtlasPage]:
    with atlas_tab(browser, private_server.base_url) as atlas_page:
        yield atlas_page


@pytest.fixture(scope="module")
def feed() -> Iterator[str]:
    served = Served(feeds={"wire.xml": ONE_EVENT})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_three_reports_approved_once_are_one_event_with_three_sources_on_the_map(
        atlas: AtlasPage, private_server: AppServer, feed: str) -> None:
    store = EventStore(f"sqlite:///{private_server.data_dir.parent / 'store' / 'events.sqlite3'}",
                       submissions_per_hour=SUBMISSIONS_PER_HOUR)
    feeds = FeedStore(store)
    feeds.add(LOCAL_MODERATOR, FeedSeed(f"{feed}/feed/wire.xml", "Local wire", "ru"))
    news = replace(CURATED, events=CURATED.events[pd.to_datetime(CURATED.events["date"]) < "2025-10-01"])
    (proposal,) = Watcher(store, feeds, news, Options(allow_hosts=("127.0.0.1",))).run().proposals
    store.engine.dispose()
    links = [f"{feed}/article/{item}" for item in ONE_EVENT]
    assert sorted(proposal.sources) == links

    page = atlas.open("review?basemap=offline").page
    box = page.locator(f".st-key-review-{proposal.id}")
    expect(box.get_by_text("Sources (3)")).to_be_visible(timeout=UI_TIMEOUT_MS)
    for link in links:
        expect(box.locator(f"a[href='{link}']")).to_have_count(1)
    atlas.rerun_after(lambda: box.get_by_role("button", name="Approve").click())
    expect(page.get_by_text("0 events waiting.")).to_be_visible(timeout=UI_TIMEOUT_MS)

    frame = atlas.open(f"?basemap=offline&sel=event:{proposal.id}").wait_for_map()
    card = frame.locator(".leaflet-popup-content .ga-card")
    for link in links:
        expect(card.locator(f"a[href='{link}']")).to_have_count(1, timeout=UI_TIMEOUT_MS)
    assert atlas.external_requests() == []
