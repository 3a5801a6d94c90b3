"""The feed watcher, with feeds and articles served from a local port (``--allow-host 127.0.0.1``): real reports
of one event from several outlets become one candidate listing every source, a report of an event the atlas
holds becomes a proposed extra source, nothing is published or proposed twice — and every fault costs only
its own feed or item, with the error kept where the moderators' page shows it."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import pytest

from gasatlas.auth import LOCAL_MODERATOR, Identity, PermissionDenied, Role
from gasatlas.dataset.load import Dataset
from gasatlas.model.vocab import RecordStatus
from gasatlas.news import watch
from gasatlas.news.fetch import Limits
from gasatlas.news.ingest import curated_atlas
from gasatlas.news.watch import WATCHER, AnotherWatcher, Options, Watcher
from gasatlas.store import EventStore
from gasatlas.store.feeds import READING, FeedRefused, FeedSeed, FeedStore, ItemState
from tests.conftest import ROOT

REPORTS = {item["id"]: item for item in json.loads(
    (ROOT / "tests" / "fixtures" / "feeds" / "reports.json").read_text(encoding="utf-8"))["items"]}
ONE_EVENT = ["item-020", "item-021", "item-022"]
"""Three outlets' reports of Gazprom's supplies to Central Asia rising 20% in 2025."""
KNOWN_EVENT = "item-016"
"""A report of Orenburg resuming intake of Kazakh gas: ev-2025-10-22-orenburg-intake-resumed."""
NOT_GAS = "item-041"
LOCAL = ("127.0.0.1",)


@dataclass
class Served:
    """What the test server was asked, and what it sends for each feed."""

    feeds: dict[str, list[str]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    etag: str = '"v1"'


def _rss(base: str, ids: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{escape(REPORTS[i]['title'])}</title><link>{base}/article/{i}</link><guid>{i}</guid>"
        f"<pubDate>{format_datetime(dt.datetime.fromisoformat(REPORTS[i]['published'] + 'T09:00:00+00:00'))}"
        f"</pubDate><description>{escape(REPORTS[i]['text'])}</description></item>" for i in ids)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>test</title>'
            f"<link>{base}</link>{items}</channel></rss>").encode()


def _handler(served: Served) -> type[http.server.BaseHTTPRequestHandler]:
    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append((self.path, dict(self.headers.items())))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            name = self.path.removeprefix("/feed/")
            if name in served.feeds:
                if self.headers.get("If-None-Match") == served.etag:
                    self._send(304, b"", "application/rss+xml")
                else:
                    self._send(200, _rss(base, served.feeds[name]), "application/rss+xml")
            elif self.path.startswith("/article/item-"):
                report = REPORTS[self.path.removeprefix("/article/")]
                page = (f"<html><head><title>{escape(report['title'])}</title></head><body><article>"
                        f"<h1>{escape(report['title'])}</h1><p>{escape(report['text'])}</p></article></body></html>")
                self._send(200, page.encode(), "text/html; charset=utf-8")
            elif self.path == "/down.xml":
                self._send(503, b"down for maintenance", "text/plain")
            elif self.path == "/slow.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                for _ in range(30):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif self.path == "/malformed.xml":
                self._send(200, b"<html><body>this { is not a feed", "text/html")
            elif self.path == "/enormous.xml":
                self._send(200, _rss(base, ONE_EVENT * 400), "application/rss+xml")
            elif self.path == "/to-private.xml":
                self.send_response(302)
                self.send_header("Location", "http://10.20.30.40/feed.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/article/empty":
                self._send(200, b"<html><body></body></html>", "text/html")
            elif self.path == "/article/binary":
                self._send(200, bytes(range(256)) * 40, "text/html")
            elif self.path == "/article/foreign":
                self._send(200, "<html><body><article><p>这是一个测试页面。这里没有新闻。</p></article></body></html>"
                           .encode(), "text/html; charset=utf-8")
            else:
                self._send(404, b"", "text/plain")

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", served.etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            return None

    return Site


@dataclass
class Local:
    base: str
    served: Served

    def feed(self, name: str) -> str:
        return f"{self.base}/feed/{name}"


@pytest.fixture
def site() -> Iterator[Local]:
    served = Served()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Local(f"http://127.0.0.1:{server.server_address[1]}", served)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def curated() -> Dataset:
    return curated_atlas(ROOT / "data")


@pytest.fixture
def before_the_news(curated: Dataset) -> Dataset:
    """The atlas as it stood before the reports of late 2025: their event is news to it."""
    return replace(curated, events=curated.events[pd.to_datetime(curated.events["date"]) < "2025-10-01"])


@pytest.fixture
def events(tmp_path: Path) -> Iterator[EventStore]:
    store = EventStore(f"sqlite:///{tmp_path / 'store.sqlite3'}", submissions_per_hour=watch.SUBMISSIONS_PER_HOUR)
    yield store
    store.engine.dispose()


def watcher_for(events: EventStore, atlas: Dataset, **options) -> Watcher:
    return Watcher(events, FeedStore(events), atlas, Options(allow_hosts=LOCAL, **({"deadline": 5.0} | options)))


def add(watcher: Watcher, url: str) -> None:
    watcher.feeds.add(LOCAL_MODERATOR, FeedSeed(url, url.rsplit("/", 1)[-1], "ru"))


# --- one event, many reports ---------------------------------------------------------------------------------


def test_three_outlets_reporting_one_event_make_one_pending_candidate_listing_all_three(
        site: Local, events: EventStore, before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = [*ONE_EVENT, NOT_GAS]
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("wire.xml"))

    report = watcher.run()

    assert len(report.proposals) == 1
    (proposal,) = report.proposals
    links = {f"{site.base}/article/{i}" for i in ONE_EVENT}
    assert set(proposal.sources) == links
    assert len(proposal.sources) == 3
    stored = events.current(proposal.id)
    assert stored is not None
    assert stored.status == RecordStatus.PENDING
    assert {stored.record["source_url"], *stored.record["also_reported"]} == links
    assert events.events() == []  # nothing reaches the map before a moderator approves
    by_url = {item.url: item for item in report.items}
    assert [by_url[link].proposal for link in sorted(links)] == [proposal.id] * 3
    assert by_url[f"{site.base}/article/{NOT_GAS}"].relevant is False


def test_what_each_report_said_is_kept_with_its_item_for_the_review_queue(
        site: Local, events: EventStore, before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = [*ONE_EVENT, NOT_GAS]
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("wire.xml"))

    (proposal,) = watcher.run().proposals

    reports = watcher.feeds.reports(LOCAL_MODERATOR, proposal.id)
    assert sorted(report.url for report in reports) == sorted(proposal.sources)
    assert all(set(report.reading) == set(READING) for report in reports)
    stored = events.current(proposal.id)
    assert stored is not None
    (lead,) = [report.reading for report in reports if report.url == stored.record["source_url"]]
    assert lead == {key: stored.record[key] for key in READING}, "the candidate is its lead report's reading"
    unread = [item for item in watcher.feeds.items(LOCAL_MODERATOR) if item["url"].endswith(NOT_GAS)]
    assert [item["reading"] for item in unread] == [None], "an item not read says nothing"


def test_a_report_of_an_event_the_atlas_holds_is_proposed_as_its_extra_source_not_a_new_event(
        site: Local, events: EventStore, curated: Dataset) -> None:
    site.served.feeds["kz.xml"] = [KNOWN_EVENT]
    watcher = watcher_for(events, curated)
    add(watcher, site.feed("kz.xml"))

    report = watcher.run()

    assert report.proposals == []
    (item,) = report.items
    assert (item.existing_event, item.proposal) == ("ev-2025-10-22-orenburg-intake-resumed", None)
    (stored,) = watcher.feeds.items(LOCAL_MODERATOR)
    assert (stored["state"], stored["existing_event"]) == (ItemState.SOURCE, "ev-2025-10-22-orenburg-intake-resumed")


def test_a_later_report_of_a_waiting_candidate_becomes_one_more_of_its_sources(
        site: Local, events: EventStore, before_the_news: Dataset) -> None:
    site.served.feeds["first.xml"] = ONE_EVENT[:1]
    site.served.feeds["later.xml"] = ONE_EVENT[1:2]
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("first.xml"))
    (proposal,) = watcher.run().proposals
    add(watcher, site.feed("later.xml"))

    later = watcher.run()

    assert later.proposals == []
    assert later.items[0].proposal == proposal.id
    stored = events.current(proposal.id)
    assert stored is not None
    assert stored.record["also_reported"] == [f"{site.base}/article/{ONE_EVENT[1]}"]


# --- nothing twice, nothing lost --------------------------------------------------------------------------------


def test_a_feed_that_repeats_its_items_has_them_read_once_and_is_asked_whether_it_changed(
        site: Local, events: EventStore, before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = [*ONE_EVENT, NOT_GAS]
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("wire.xml"))
    watcher.run()
    site.served.etag = '"v2"'  # the feed says it changed, but serves the same items

    again = watcher.run()
    site.served.etag = '"v2"'
    unchanged = watcher.run()

    assert (again.items, again.proposals, unchanged.items) == ([], [], [])
    assert site.served.requests[-1][1].get("If-None-Match") == '"v2"'
    (feed,) = watcher.feeds.feeds()
    assert (feed.items_seen, feed.items_relevant, feed.items_proposed, feed.errors) == (4, 3, 3, 0)


def test_a_watcher_stopped_after_storing_a_candidate_proposes_nothing_twice_when_restarted(
        site: Local, events: EventStore, before_the_news: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    site.served.feeds["wire.xml"] = ONE_EVENT
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("wire.xml"))
    real_record = FeedStore.record

    def stop_when_noting_the_proposal(self, identity, outcomes):
        if any(outcome.state == ItemState.PROPOSED for outcome in outcomes):
            raise KeyboardInterrupt  # the process is stopped between storing the candidate and noting its items
        real_record(self, identity, outcomes)

    monkeypatch.setattr(FeedStore, "record", stop_when_noting_the_proposal)
    with pytest.raises(KeyboardInterrupt):
        watcher.run()
    monkeypatch.setattr(FeedStore, "record", real_record)
    (stored,) = events.submissions(WATCHER)

    restarted = watcher.run()

    assert restarted.proposals == []
    assert {item.proposal for item in restarted.items} == {stored.id}
    assert len(events.submissions(WATCHER)) == 1
    runs = watcher.feeds.runs(LOCAL_MODERATOR)
    assert [run.status for run in runs] == ["done", "failed"]


def test_a_second_watcher_started_while_one_runs_does_nothing(site: Local, events: EventStore,
                                                              before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = ONE_EVENT
    first, second = watcher_for(events, before_the_news), watcher_for(events, before_the_news)
    add(first, site.feed("wire.xml"))
    running = first.feeds.begin_run(WATCHER, "elsewhere")

    with pytest.raises(AnotherWatcher):
        second.run()

    assert running is not None
    assert [path for path, _ in site.served.requests] == []
    assert events.submissions(WATCHER) == []


def test_the_lock_of_a_watcher_that_died_is_taken_over(events: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    feeds = FeedStore(events)
    assert feeds.begin_run(WATCHER, "died") is not None
    monkeypatch.setattr("gasatlas.store.feeds.STALE_AFTER", dt.timedelta(0))

    assert feeds.begin_run(WATCHER, "restarted") is not None
    assert [run.status for run in feeds.runs(LOCAL_MODERATOR)] == ["running", "abandoned"]


# --- faults: each costs its own feed or item -----------------------------------------------------------------------


@pytest.mark.parametrize(("path", "reason"), [
    ("/down.xml", "HTTP 503"),
    ("/slow.xml", "deadline"),
    ("/malformed.xml", "not a readable feed"),
    ("/enormous.xml", "cap"),
    ("/to-private.xml", "not a public address"),
    ("/closed", "Connection refused"),
])
def test_a_bad_feed_keeps_its_error_and_the_other_feeds_go_on(
        path: str, reason: str, site: Local, events: EventStore, before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = ONE_EVENT
    watcher = watcher_for(events, before_the_news, deadline=1.5, feed_max_bytes=50_000)
    bad = site.base + path if path != "/closed" else f"http://127.0.0.1:{_closed_port()}/feed.xml"
    add(watcher, bad)
    add(watcher, site.feed("wire.xml"))

    report = watcher.run()

    assert reason in report.feed_errors[bad]
    assert len(report.proposals) == 1
    failed = next(feed for feed in watcher.feeds.feeds() if feed.url == bad)
    assert (failed.errors, failed.last_error is not None and reason in failed.last_error) == (1, True)
    assert watcher.feeds.runs(LOCAL_MODERATOR)[0].errors == 1


def test_a_redirect_to_a_private_address_is_refused_unless_the_operator_allows_it(site: Local) -> None:
    with pytest.raises(watch.FetchError) as refused:
        watch.get(site.base + "/to-private.xml", allow_hosts=LOCAL, limits=Limits(accept=watch.FEED_TYPES))
    assert "10.20.30.40" in refused.value.detail


def test_the_default_refuses_a_feed_on_a_private_address(site: Local, events: EventStore,
                                                          before_the_news: Dataset) -> None:
    site.served.feeds["wire.xml"] = ONE_EVENT
    watcher = Watcher(events, FeedStore(events), before_the_news)  # no --allow-host
    add(watcher, site.feed("wire.xml"))

    report = watcher.run()

    assert "not a public address" in report.feed_errors[site.feed("wire.xml")]
    assert site.served.requests == []


@pytest.mark.parametrize(("article", "state"), [
    ("empty", ItemState.FAILED), ("binary", ItemState.FAILED), ("foreign", ItemState.NO_EVENT)])
def test_an_empty_binary_or_foreign_article_costs_only_its_item(
        article: str, state: ItemState, site: Local, events: EventStore, before_the_news: Dataset,
        monkeypatch: pytest.MonkeyPatch) -> None:
    site.served.feeds["wire.xml"] = ONE_EVENT
    watcher = watcher_for(events, before_the_news)
    add(watcher, site.feed("wire.xml"))
    real_rss = _rss

    def with_a_bad_article(base: str, ids: list[str]) -> bytes:  # a relevant title whose link is broken
        return real_rss(base, ids).replace(f"{base}/article/{ONE_EVENT[2]}".encode(),
                                           f"{base}/article/{article}".encode())

    monkeypatch.setattr(f"{__name__}._rss", with_a_bad_article)

    report = watcher.run()

    bad = next(item for item in report.items if item.url.endswith(f"/article/{article}"))
    assert (bad.state, bad.proposal) == (state, None)
    assert (bad.error is not None) == (state == ItemState.FAILED)
    assert len(report.proposals) == 1
    assert len(report.proposals[0].sources) == 2
    stored = {item["url"]: item for item in watcher.feeds.items(LOCAL_MODERATOR)}
    assert stored[bad.url]["state"] == state


# --- the command line and the feeds' owners ---------------------------------------------------------------------------


def test_the_command_line_prints_the_json_contract(site: Local, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site.served.feeds["wire.xml"] = [KNOWN_EVENT, NOT_GAS]
    monkeypatch.setenv("GASATLAS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    watch.settings.cache_clear()

    status = watch.main(["--feed", site.feed("wire.xml"), "--once", "--format", "json", "--allow-host", "127.0.0.1"])
    watch.settings.cache_clear()

    printed = json.loads(capsys.readouterr().out)
    assert status == 0
    assert set(printed) == {"items", "proposals"}
    assert [set(item) for item in printed["items"]] == [{"url", "title", "relevant", "proposal", "existing_event"}] * 2
    assert [(i["relevant"], i["proposal"], i["existing_event"]) for i in printed["items"]] == [
        (True, None, "ev-2025-10-22-orenburg-intake-resumed"), (False, None, None)]
    assert printed["proposals"] == []


def test_only_moderators_add_or_switch_off_feeds_and_each_change_is_in_the_audit_log(events: EventStore) -> None:
    feeds = FeedStore(events)
    contributor = Identity("someone@example.org", "Someone", Role.CONTRIBUTOR)
    seed = FeedSeed("https://example.org/rss", "Example", "en", "a test")

    with pytest.raises(PermissionDenied):
        feeds.add(contributor, seed)
    feed = feeds.add(LOCAL_MODERATOR, seed)
    with pytest.raises(PermissionDenied):
        feeds.set_enabled(contributor, feed.id, False)
    feeds.set_enabled(LOCAL_MODERATOR, feed.id, False, "paywalled")

    log = events.audit_log(LOCAL_MODERATOR)
    assert list(zip(log["entity"], log["action"], log["comment"], strict=True)) == [
        ("feed", "disable", "paywalled"), ("feed", "add", "")]
    assert feeds.feeds(enabled_only=True) == []


@pytest.mark.parametrize("url", ["ftp://example.org/rss", "https://user:pw@example.org/rss", "example.org/rss"])
def test_a_feed_the_fetcher_would_refuse_cannot_be_added(url: str, events: EventStore) -> None:
    with pytest.raises(FeedRefused):
        FeedStore(events).add(LOCAL_MODERATOR, FeedSeed(url, "Example", "en"))


def test_the_seed_file_names_real_outlets_in_russian_and_english_and_says_why() -> None:
    seeds = watch.seeds(ROOT / "data" / "feeds.toml")

    assert len(seeds) >= 10
    assert {seed.language for seed in seeds} == {"ru", "en"}
    assert all(seed.url.startswith("https://") and seed.note for seed in seeds)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(("text", "seconds"), [("30m", 1800), ("2h", 7200), ("90s", 90), ("45", 2700), ("1d", 86400)])
def test_every_takes_a_duration_in_seconds_minutes_hours_or_days(text: str, seconds: float) -> None:
    assert watch.duration(text) == seconds


@pytest.mark.parametrize("text", ["0m", "soon", "-5m", "30 minutes"])
def test_every_refuses_what_is_not_a_duration(text: str) -> None:
    with pytest.raises(watch.argparse.ArgumentTypeError):
        watch.duration(text)
