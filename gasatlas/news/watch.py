"""The feed watcher: reads the region's news feeds by itself and puts what they report in the review queue.

    python -m gasatlas.watch --once [--feed URL ...] [--format json|text] [--allow-host HOST ...]
    python -m gasatlas.watch --every 30m

For each feed (the stored list, seeded from ``data/feeds.toml`` on the first run, or the ``--feed`` links),
each item not read before goes through:

1. relevance, from its title and summary (``extract.relevance``) — most items stop here, unfetched;
2. its article, fetched through the one guarded fetcher (``fetch.get``: public addresses only unless the
   operator allows a host, a total deadline, a size cap) and read by the news reader (``ingest``); the
   reader's first candidate that is news is the item's event (the others are background it recalls);
3. a report of an event the atlas holds becomes a proposed extra source of that event (``existing_event``),
   and one of a candidate already waiting in the queue an extra source of that candidate;
4. the other candidates are grouped by real event (``extract.merge.cluster``): each group is ONE pending
   candidate whose ``also_reported`` lists the other outlets' links; what each report said (its date, volume,
   place) is kept with its item, for the review queue to show where they disagree.

The watcher submits as a contributor (``WATCHER``): nothing reaches the map before a moderator approves it.
Faults — a feed down, slow, malformed, enormous, redirecting to a private address; an article empty, binary
or foreign — cost that feed or item only: the error is logged and kept on it, the other feeds go on. Items
are stored as read only after their candidate is, and a link already named by a stored event is never
proposed again, so a watcher stopped mid-run loses nothing and proposes nothing twice; a second watcher
started meanwhile finds the first one's lock (``FeedStore.begin_run``) and exits with status 3.

``--format json`` prints ``{"items": [{"url", "title", "relevant", "proposal", "existing_event"}],
"proposals": [{"id", "date", "type", "headline_en", "volume_bcm", "sources"}]}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import re
import signal
import socket
import sys
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import feedparser

from gasatlas.auth import Identity, Role, operator_identity
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset, DataValidationError, with_stored
from gasatlas.model.vocab import RecordStatus
from gasatlas.news.extract import ArticleError, Candidate
from gasatlas.news.extract.merge import cluster, same_event
from gasatlas.news.extract.pipeline import find_duplicates
from gasatlas.news.extract.relevance import relevance
from gasatlas.news.fetch import FetchError, Limits, Page, fetch_page, get
from gasatlas.news.ingest import curated_atlas, propose, read_article
from gasatlas.store import EventStore, Provenance, SourceArticle, StoreError
from gasatlas.store.feeds import Feed, FeedSeed, FeedStore, ItemOutcome, ItemState, RunStatus, reading

log = logging.getLogger("gasatlas.news.watch")

WATCHER = Identity(id="watcher", name="Feed watcher", role=Role.CONTRIBUTOR)
"""Who the watcher submits as: a contributor, so its candidates wait for a moderator."""
SEED_FILE = "feeds.toml"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "text/")
"""What a feed may be served as (many sites say text/html or text/plain; feedparser decides)."""
FEED_MAX_BYTES = 5_000_000
"""A feed larger than this is refused: real ones are a few hundred kilobytes."""
SUMMARY_CHARS = 1000
FETCH_WORKERS = 4
"""Feeds and articles fetched at once: waiting on the network, not the CPU (the reader runs one at a time)."""
SUBMISSIONS_PER_HOUR = 100_000
"""The watcher is not a person: the contributors' hourly limit would stop a busy morning's news."""
HEARTBEAT_S = 60.0
"""How often a busy watcher tells the store it is alive (well within ``feeds.STALE_AFTER``)."""
DURATION = re.compile(r"^(\d+)\s*([smhd]?)$")
UNITS = {"s": 1, "": 60, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Options:
    """How the watcher fetches: the operator's allowed private hosts, the deadline and the caps."""

    allow_hosts: tuple[str, ...] = ()
    deadline: float = 30.0
    feed_max_bytes: int = FEED_MAX_BYTES
    workers: int = FETCH_WORKERS


@dataclass(frozen=True)
class Item:
    """A feed entry, as read from the feed."""

    feed_id: int
    key: str
    url: str
    title: str
    summary: str
    published: dt.date | None


@dataclass
class ItemReport:
    """What became of one item in this run (the JSON's ``items``)."""

    url: str
    title: str
    relevant: bool
    proposal: str | None = None
    existing_event: str | None = None
    state: str = ""
    error: str | None = None


@dataclass(frozen=True)
class Proposal:
    """A candidate this run put in the review queue (the JSON's ``proposals``)."""

    id: str
    date: str
    type: str
    headline_en: str
    volume_bcm: float | None
    sources: list[str]


@dataclass
class RunReport:
    items: list[ItemReport] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    feed_errors: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The command line's contract: exactly these keys."""
        keys = ("url", "title", "relevant", "proposal", "existing_event")
        return {"items": [{key: getattr(item, key) for key in keys} for item in self.items],
                "proposals": [asdict(proposal) for proposal in self.proposals]}

    def counts(self) -> dict[str, int]:
        return {"items_new": len(self.items), "items_relevant": sum(item.relevant for item in self.items),
                "proposed": len(self.proposals),
                "errors": len(self.feed_errors) + sum(item.state == ItemState.FAILED for item in self.items)}


class AnotherWatcher(RuntimeError):
    """Another watcher holds the lock: this one did nothing."""


@dataclass
class _Read:
    """A relevant item on its way: its candidate once read, or why it has none."""

    item: Item
    report: ItemReport
    candidate: Candidate | None = None
    article: SourceArticle | None = None
    state: ItemState | None = None


# --- feeds ---------------------------------------------------------------------------------------------


def seeds(path: Path) -> list[FeedSeed]:
    """The feeds of a deployment's seed file (``data/feeds.toml``); a feed whose address was not verified
    says so in its note."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("feed", [])
    return [FeedSeed(entry["url"], entry["title"], entry["language"],
                     entry.get("why", "") + ("" if entry.get("verified") else " (address not verified)"))
            for entry in entries]


def item_key(guid: str, link: str) -> str:
    """An item's identity within its feed: its guid, else its link (hashed to a fixed width)."""
    return hashlib.sha256((guid or link).strip().encode("utf-8")).hexdigest()


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except ValueError:
        return None


def parse_feed(raw: bytes, feed_id: int) -> list[Item]:
    """The entries of an RSS or Atom document (feedparser; it never fetches anything given bytes). A
    document that is not a feed raises ``ArticleError``; one with a flaw but entries is read."""
    parsed = feedparser.parse(raw)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom entries"
        raise ArticleError(f"not a readable feed: {reason}")
    items = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        summary = re.sub(r"<[^>]+>", " ", str(entry.get("summary") or ""))[:SUMMARY_CHARS]
        items.append(Item(feed_id, item_key(str(entry.get("id") or ""), link), link,
                          " ".join(str(entry.get("title") or "").split()), " ".join(summary.split()),
                          _entry_date(entry)))
    return items


def fetch_feed(feed: Feed, options: Options) -> tuple[list[Item], str | None, str | None]:
    """A feed's new entries and its validators; no entries when the server says nothing changed.
    ``FetchError`` or ``ArticleError`` when it cannot be fetched or parsed."""
    conditional = {name: value for name, value in (("If-None-Match", feed.etag),
                                                   ("If-Modified-Since", feed.last_modified)) if value}
    limits = Limits(deadline=options.deadline, max_bytes=options.feed_max_bytes, accept=FEED_TYPES)
    page = get(feed.url, allow_hosts=options.allow_hosts, limits=limits, headers=conditional)
    if page.status == 304:
        return [], feed.etag, feed.last_modified
    return parse_feed(page.raw, feed.id), page.etag, page.last_modified


# --- items ---------------------------------------------------------------------------------------------


def read_item(item: Item, page: Page, atlas: Dataset) -> tuple[Candidate | None, SourceArticle]:
    """The item's article read: its headline candidate, or None.

    The headline event is the reader's first (the one its evaluation scores as the headline), among the
    candidates that are news: background the report recalls from earlier years is never proposed."""
    published = item.published or page.published or dt.date.today()
    article = read_article(page.raw, "page.html", published, item.title or page.title or item.url, item.url)
    candidates = propose(article, atlas)
    source = SourceArticle(article.sha256, article.text, article.source_title, article.source_url, published)
    news = [candidate for candidate in candidates if not candidate.background]
    if not news:
        return None, source
    return min(news, key=lambda c: (c.sentence_index, -c.confidence)), source


def _error(error: BaseException) -> str:
    """What a moderator reads of a failure: the fetcher's reason, else the error's own message."""
    return getattr(error, "detail", None) or f"{type(error).__name__}: {error}"


def _fetch(read: _Read, options: Options) -> tuple[_Read, Page | None]:
    """An item's article page, fetched in a worker thread (waiting on the network)."""
    try:
        return read, fetch_page(read.item.url, allow_hosts=options.allow_hosts, deadline=options.deadline)
    except ArticleError as error:
        read.state, read.report.error = ItemState.FAILED, _error(error)
        return read, None


def _read(read: _Read, page: Page, atlas: Dataset) -> None:
    """An item's article read (in the watcher's own thread: the reader is CPU work, one article at a time)."""
    try:
        read.candidate, read.article = read_item(read.item, page, atlas)
        if read.candidate is None:
            read.state = ItemState.NO_EVENT
    except (ArticleError, DataValidationError) as error:
        read.state, read.report.error = ItemState.FAILED, _error(error)
    except Exception as error:
        log.exception("reading %s failed", read.item.url)
        read.state, read.report.error = ItemState.FAILED, f"the reader failed: {_error(error)}"


# --- the run -------------------------------------------------------------------------------------------


@dataclass
class Watcher:
    """One watcher: its stores, the atlas it compares with, and how it fetches."""

    events: EventStore
    feeds: FeedStore
    curated: Dataset
    options: Options = Options()
    identity: Identity = WATCHER

    def atlas(self) -> Dataset:
        """The curated atlas with what the store publishes: what "already in the atlas" means."""
        frames = self.events.frames()
        return with_stored(self.curated, frames.events, frames.actors, frames.hidden)

    def run(self, chosen: Sequence[Feed] | None = None) -> RunReport:
        """Read every enabled feed (or ``chosen``) once; ``AnotherWatcher`` if one is running."""
        run_id = self.feeds.begin_run(self.identity, socket.gethostname())
        if run_id is None:
            raise AnotherWatcher("another watcher is running: this one stops (see the feeds page's last runs)")
        report = RunReport()
        feeds = list(chosen) if chosen is not None else self.feeds.feeds(enabled_only=True)
        try:
            self._run(run_id, feeds, report)
        except BaseException as error:
            self.feeds.finish_run(run_id, RunStatus.FAILED, {"feeds": len(feeds), **report.counts()}, _error(error))
            raise
        self.feeds.finish_run(run_id, RunStatus.DONE, {"feeds": len(feeds), **report.counts()})
        return report

    def _run(self, run_id: int, feeds: Sequence[Feed], report: RunReport) -> None:
        atlas = self.atlas()
        validators: dict[int, tuple[str | None, str | None]] = {}
        new = list(self._new_items(feeds, report, validators))
        self.feeds.heartbeat(run_id)
        relevant: list[_Read] = []
        irrelevant: list[ItemOutcome] = []
        for item in new:
            found = relevance(item.title, item.summary)
            item_report = ItemReport(item.url, item.title, found.relevant)
            report.items.append(item_report)
            if found.relevant:
                relevant.append(_Read(item, item_report))
            else:
                item_report.state = ItemState.IRRELEVANT
                irrelevant.append(_outcome(item, item_report))
        self.feeds.record(self.identity, irrelevant)
        self._settle_known(relevant)
        beat = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.options.workers) as pool:
            for read, page in pool.map(lambda read: _fetch(read, self.options),
                                       [read for read in relevant if read.state is None]):
                if page is not None:
                    _read(read, page, atlas)
                if read.state is not None:
                    read.report.state = read.state
                    self.feeds.record(self.identity, [_outcome(read.item, read.report)])
                if time.monotonic() - beat > HEARTBEAT_S:  # a long read must not look like a dead watcher
                    self.feeds.heartbeat(run_id)
                    beat = time.monotonic()
        self.feeds.heartbeat(run_id)
        waiting = [read for read in relevant if read.state is None and read.candidate is not None]
        waiting = self._to_existing(atlas, waiting)
        for group in cluster([read.candidate for read in waiting]):
            self._propose([waiting[i] for i in group], report)
            self.feeds.heartbeat(run_id)
        for feed_id, (etag, modified) in validators.items():  # only now: every item of the feed is dealt with
            self.feeds.fetched(self.identity, feed_id, etag=etag, last_modified=modified)

    def _new_items(self, feeds: Sequence[Feed], report: RunReport,
                   validators: dict[int, tuple[str | None, str | None]]) -> Iterator[Item]:
        """Each feed's entries not dealt with before (an item in two feeds is read once). The feeds'
        validators are collected, to be stored once their items are: a watcher stopped before that asks
        for the whole feed again next time instead of being told it has not changed."""
        def fetch(feed: Feed) -> tuple[Feed, list[Item] | BaseException, str | None, str | None]:
            try:
                items, etag, modified = fetch_feed(feed, self.options)
                return feed, items, etag, modified
            except (FetchError, ArticleError) as error:
                return feed, error, None, None

        seen_urls: set[str] = set()
        with ThreadPoolExecutor(max_workers=self.options.workers) as pool:
            for feed, items, etag, modified in pool.map(fetch, feeds):
                if isinstance(items, BaseException):
                    log.warning("feed %s: %s", feed.url, _error(items))
                    report.feed_errors[feed.url] = _error(items)
                    self.feeds.failed(self.identity, feed.id, _error(items))
                    continue
                validators[feed.id] = etag, modified
                done = self.feeds.done_keys(feed.id, [item.key for item in items])
                for item in items:
                    if item.key not in done and item.url not in seen_urls:
                        seen_urls.add(item.url)
                        yield item

    def _settle_known(self, relevant: Sequence[_Read]) -> None:
        """Items whose link a stored event already names were proposed before (a run stopped after storing
        the candidate, before noting its items): noted now, never proposed again."""
        named = self.feeds.stored_sources()
        settled = []
        for read in relevant:
            if (event_id := named.get(read.item.url)) is not None:
                read.state = ItemState.PROPOSED
                read.report.state, read.report.proposal = ItemState.PROPOSED, event_id
                settled.append(_outcome(read.item, read.report))
        self.feeds.record(self.identity, settled)

    def _to_existing(self, atlas: Dataset, waiting: list[_Read]) -> list[_Read]:
        """Candidates that report an atlas event (an extra source proposed for it) or one waiting in the
        queue (an extra source of that candidate) are settled here; the others are returned."""
        pending = [event for event in self.events.submissions(self.identity) if event.status == RecordStatus.PENDING]
        left = []
        for read in waiting:
            assert read.candidate is not None
            if found := find_duplicates(read.candidate, atlas.events):
                read.report.existing_event, read.report.state = found[0], ItemState.SOURCE
            elif match := next((event for event in pending if same_event(read.candidate, event.record)), None):
                self._add_source(match.id, read.item.url)
                read.report.proposal, read.report.state = match.id, ItemState.PROPOSED
            else:
                left.append(read)
                continue
            self.feeds.record(self.identity, [_outcome(read.item, read.report, read.candidate)])
        return left

    def _add_source(self, event_id: str, url: str) -> None:
        """Another outlet's report of a candidate the watcher proposed earlier: one more source of it."""
        current = self.events.current(event_id)
        if current is None or url == current.record.get("source_url") or url in current.record.get(
                "also_reported", []):
            return
        record = {**current.record, "also_reported": [*current.record.get("also_reported", []), url]}
        self.events.edit(self.identity, self.curated, event_id, current.revision, record,
                         comment="another report of the same event, from a watched feed")

    def _propose(self, group: Sequence[_Read], report: RunReport) -> None:
        """One real event from one or more reports: one pending candidate listing every source."""
        lead = max(group, key=lambda read: read.candidate.confidence if read.candidate else 0.0)
        assert lead.candidate is not None
        assert lead.article is not None
        others = list(dict.fromkeys(read.item.url for read in group if read.item.url != lead.item.url))
        event = {**lead.candidate.event, "also_reported": others}
        try:
            (event_id,) = self.events.submit(
                self.identity, self.curated, [event],
                actors=[asdict(actor) | {"source_title": lead.article.source_title,
                                         "source_url": lead.article.source_url}
                        for actor in lead.candidate.new_actors],
                provenance=Provenance("extracted", lead.article.published, lead.article.sha256),
                confidence=[lead.candidate.confidence], article=lead.article)
        except (DataValidationError, StoreError) as error:
            detail = f"the candidate was not stored: {_error(error)}"
            for read in group:
                read.report.state, read.report.error = ItemState.FAILED, detail
            self.feeds.record(self.identity, [_outcome(read.item, read.report) for read in group])
            return
        for read in group:
            read.report.state, read.report.proposal = ItemState.PROPOSED, event_id
        self.feeds.record(self.identity, [_outcome(read.item, read.report, read.candidate) for read in group])
        report.proposals.append(Proposal(event_id, str(event["date"])[:10], str(event["event_type"]),
                                         str(event.get("title_en") or ""), lead.candidate.volume_bcm,
                                         [lead.item.url, *others]))


def _outcome(item: Item, report: ItemReport, candidate: Candidate | None = None) -> ItemOutcome:
    """What is stored of an item: its fate, and what its report said when it was read (``feeds.reading``)."""
    return ItemOutcome(item.feed_id, item.key, item.url, item.title, item.published, report.relevant,
                       ItemState(report.state), report.proposal, report.existing_event, report.error,
                       None if candidate is None else reading(candidate.event))


# --- the command line ------------------------------------------------------------------------------------


def duration(text: str) -> float:
    """Seconds in "90s", "30m", "2h", "1d" (a bare number is minutes)."""
    match = DURATION.match(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 30m, 2h or 90s")
    return float(int(match.group(1)) * UNITS[match.group(2)])


def chosen_feeds(feeds: FeedStore, urls: Sequence[str], identity: Identity) -> list[Feed]:
    """The feeds named on the command line, added to the store switched off if new (their items and
    errors need a feed to belong to; a moderator may switch them on)."""
    chosen = []
    for url in urls:
        feed = feeds.feed_by_url(url) or feeds.add(
            identity, FeedSeed(url, url, "ru", "named on the watcher's command line"), enabled=False)
        chosen.append(feed)
    return chosen


def format_text(report: RunReport) -> str:
    lines = [f"feed {url}: {error}" for url, error in report.feed_errors.items()]
    for item in report.items:
        outcome = item.proposal or item.existing_event or item.error or ""
        lines.append(f"{item.state:<10} {outcome:<28} {item.url}")
    lines.append(f"{len(report.items)} new item(s), {sum(i.relevant for i in report.items)} relevant, "
                 f"{len(report.proposals)} candidate(s) proposed, {len(report.feed_errors)} feed error(s)")
    return "\n".join(lines) + "\n"


def _once(watcher: Watcher, urls: Sequence[str], output: str) -> int:
    chosen = chosen_feeds(watcher.feeds, urls, operator_identity()) if urls else None
    try:
        report = watcher.run(chosen)
    except AnotherWatcher as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    except StoreError as error:
        print(f"error: {error} ({error.detail})", file=sys.stderr)
        return 1
    if output == "json":
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(report))
    sys.stdout.flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gasatlas.watch", description=__doc__.splitlines()[0])
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--once", action="store_true", help="read every feed once and stop")
    when.add_argument("--every", type=duration, metavar="DURATION", help="keep reading, e.g. every 30m")
    parser.add_argument("--feed", action="append", default=[], metavar="URL",
                        help="read this feed instead of the stored list; repeatable")
    parser.add_argument("--format", choices=["json", "text"], default="text", dest="output")
    parser.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                        help="a private host (name, address or network) that may be fetched; repeatable "
                             "(default: GASATLAS_FETCH_ALLOW_HOSTS, else none)")
    args = parser.parse_args(argv)
    # systemd and compose stop a service with SIGTERM: leave as on Ctrl-C, so the run is closed and its lock freed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    config = settings()
    try:
        events = EventStore(config.database_url, submissions_per_hour=SUBMISSIONS_PER_HOUR)
        feeds = FeedStore(events)
        if not args.feed and not feeds.feeds():
            feeds.seed(operator_identity(), seeds(config.data_dir / SEED_FILE))
    except StoreError as error:
        print(f"error: {error} ({error.detail})", file=sys.stderr)
        return 1
    watcher = Watcher(events, feeds, curated_atlas(config.data_dir),
                      Options(tuple(args.allow_host or config.fetch_allow_hosts), config.fetch_deadline_s))
    if args.once:
        return _once(watcher, args.feed, args.output)
    while True:
        started = time.monotonic()
        status = _once(watcher, args.feed, args.output)
        if status not in (0, 3):
            return status
        time.sleep(max(0.0, args.every - (time.monotonic() - started)))


if __name__ == "__main__":
    sys.exit(main())
