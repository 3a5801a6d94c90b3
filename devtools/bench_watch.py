"""Benchmark: the whole feed watcher, on feeds and articles served from this machine.

    python -m devtools.bench_watch [--feeds 50] [--items 100] [--relevant 0.1] [--pad 6] [--naive-feeds 1]
                                   [--json PATH]

Serves ``--feeds`` RSS feeds of ``--items`` items each on a local port and runs one watcher over them into a
fresh SQLite store, timing the run and the process's peak memory. The items are the real feed items of the
evaluation set (``eval/feeds.json``: title and lede), cycled under new links so every one is new: a share
``--relevant`` of them is about the field (a general outlet's feed carries a few percent; the evaluation set,
chosen for the field, most), the rest are not. Each article page is the item's lede followed by ``--pad`` ledes
of other items (real text, about 300 characters each), so the reader reads articles of realistic length.
A second run over the same feeds measures a quiet half-hour: nothing new. Then a naive watcher — every item's
article fetched and read, no relevance gate, no conditional GET — reads the first ``--naive-feeds`` feeds, and
both are printed side by side (and written with ``--json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import os
import resource
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from devtools.bench import machine
from gasatlas.auth import operator_identity
from gasatlas.config import PROJECT_ROOT, settings
from gasatlas.dataset.load import Dataset, DataValidationError
from gasatlas.news.extract import ArticleError
from gasatlas.news.fetch import Limits, Page, fetch_page, get
from gasatlas.news.ingest import curated_atlas
from gasatlas.news.watch import FEED_TYPES, SUBMISSIONS_PER_HOUR, Item, Options, Watcher, parse_feed, read_item
from gasatlas.store import EventStore
from gasatlas.store.feeds import FeedSeed, FeedStore

EVAL_ITEMS = PROJECT_ROOT / "eval" / "feeds.json"
TARGET_FEEDS, TARGET_ITEMS, TARGET_MINUTES = 50, 100, 30
OPTIONS = Options(allow_hosts=("127.0.0.1",))
"""How both watchers fetch: from the local server only."""


@dataclass(frozen=True)
class Measurement:
    feeds: int
    items: int
    relevant_share: float
    article_chars: int
    seconds: float
    cpu_seconds: float
    """The watcher process's own CPU time in the run: what it costs whatever else the machine is doing."""
    items_per_minute: float
    items_per_cpu_minute: float
    relevant_items: int
    proposals: int
    errors: int
    quiet_run_seconds: float
    peak_rss_mb: float
    fits_target: bool
    """Whether 50 feeds of 100 items each would be read within 30 minutes at the wall-clock rate."""
    load_average: float
    """The machine's one-minute load average at the end (2 cores: above 2, others were competing)."""


@dataclass(frozen=True)
class Baseline:
    """The naive watcher (``naive``) on a smaller sample of the same feeds."""

    feeds: int
    items: int
    articles_read: int
    seconds: float
    cpu_seconds: float
    items_per_minute: float
    items_per_cpu_minute: float
    candidates: int
    errors: int


def _source_items() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    items = json.loads(EVAL_ITEMS.read_text(encoding="utf-8"))["items"]
    return [i for i in items if i["relevant"]], [i for i in items if not i["relevant"]]


def plan(feeds: int, items: int, share: float, pad: int) -> dict[str, list[tuple[str, dict[str, Any], str]]]:
    """For each feed, its items: (path of the article, the source item, the article's text)."""
    relevant, other = _source_items()
    every = relevant + other
    planned: dict[str, list[tuple[str, dict[str, Any], str]]] = {}
    counter = 0
    for f in range(feeds):
        rows = []
        for i in range(items):
            pool = relevant if int((counter + 1) * share) > int(counter * share) else other  # spread evenly
            source = pool[counter % len(pool)]
            padding = [every[(counter + k + 1) % len(every)]["text"] for k in range(pad)]
            rows.append((f"/article/{f}-{i}", source, "\n\n".join([source["text"], *padding])))
            counter += 1
        planned[f"/feed/{f}.xml"] = rows
    return planned


def _day(source: dict[str, Any]) -> dt.datetime:
    """An item's publication time for its feed: the evaluation set's day (some items have none: today)."""
    day = dt.date.fromisoformat(source["published"]) if source.get("published") else dt.date.today()
    return dt.datetime.combine(day, dt.time(9), dt.UTC)


def _handler(planned: dict[str, list[tuple[str, dict[str, Any], str]]]) -> type[http.server.BaseHTTPRequestHandler]:
    articles = {path: (source, text) for rows in planned.values() for path, source, text in rows}

    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            if self.path in planned:
                entries = "".join(
                    f"<item><title>{escape(source['title'])}</title><link>{base}{path}</link><guid>{path}</guid>"
                    f"<pubDate>{format_datetime(_day(source))}"
                    f"</pubDate><description>{escape(source['text'])}</description></item>"
                    for path, source, _text in planned[self.path])
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{entries}</channel></rss>'
                self._send(body.encode(), "application/rss+xml")
            elif self.path in articles:
                source, text = articles[self.path]
                paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
                self._send(f"<html><head><title>{escape(source['title'])}</title></head><body><article><h1>"
                           f"{escape(source['title'])}</h1>{paragraphs}</article></body></html>".encode(),
                           "text/html; charset=utf-8")
            else:
                self._send(b"", "text/plain", 404)

        def _send(self, body: bytes, kind: str, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            return None

    return Site


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def serving(planned: dict[str, list[tuple[str, dict[str, Any], str]]]) -> Iterator[str]:
    """The planned feeds and articles on a local port, for the block's length: their base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(planned))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _watch(base: str, planned: dict[str, list[tuple[str, dict[str, Any], str]]], atlas: Dataset) -> Measurement:
    """The watcher over every planned feed into a fresh store, then again with nothing new."""
    feeds, items = len(planned), len(next(iter(planned.values())))
    with tempfile.TemporaryDirectory() as folder:
        events = EventStore(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", submissions_per_hour=SUBMISSIONS_PER_HOUR)
        store = FeedStore(events)
        for path in planned:
            store.add(operator_identity(), FeedSeed(base + path, path, "ru"))
        watcher = Watcher(events, store, atlas, OPTIONS)
        started, cpu = time.perf_counter(), _cpu()
        report = watcher.run()
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        started = time.perf_counter()
        watcher.run()
        quiet = time.perf_counter() - started
        events.engine.dispose()
    total = feeds * items
    rate = total / seconds * 60
    chars = sum(len(text) for rows in planned.values() for _p, _s, text in rows) // total
    share = sum(source["relevant"] for rows in planned.values() for _p, source, _t in rows) / total
    return Measurement(feeds, items, round(share, 3), chars, round(seconds, 1), round(cpu, 1), round(rate, 1),
                       round(total / cpu * 60, 1),
                       sum(item.relevant for item in report.items), len(report.proposals),
                       report.counts()["errors"], round(quiet, 2),
                       round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                       TARGET_FEEDS * TARGET_ITEMS / rate <= TARGET_MINUTES, round(os.getloadavg()[0], 1))


def _fetch_article(item: Item) -> tuple[Item, Page | None]:
    try:
        return item, fetch_page(item.url, allow_hosts=OPTIONS.allow_hosts, deadline=OPTIONS.deadline)
    except ArticleError:
        return item, None


def _found(item: Item, page: Page | None, atlas: Dataset) -> bool | None:
    """Whether the reader found an event in the item's article; None when it could not be fetched or read."""
    if page is None:
        return None
    try:
        return read_item(item, page, atlas)[0] is not None
    except (ArticleError, DataValidationError):
        return None


def naive(feed_urls: Sequence[str], atlas: Dataset) -> Baseline:
    """The baseline a watcher is measured against: each feed fetched whole (no conditional GET), every item's
    article fetched (in the watcher's four threads) and read by the reader — no relevance gate, no store, no
    memory of items read, so every run costs as much as the first."""
    started, cpu = time.perf_counter(), _cpu()
    items = [item for url in feed_urls
             for item in parse_feed(get(url, allow_hosts=OPTIONS.allow_hosts, limits=Limits(accept=FEED_TYPES)).raw, 0)]
    with ThreadPoolExecutor(max_workers=OPTIONS.workers) as pool:
        found = [_found(item, page, atlas) for item, page in pool.map(_fetch_article, items)]
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    return Baseline(len(feed_urls), len(items), sum(event is not None for event in found), round(seconds, 1),
                    round(cpu, 1), round(len(items) / seconds * 60, 1), round(len(items) / cpu * 60, 1),
                    sum(event is True for event in found), found.count(None))


def measure(feeds: int, items: int, share: float, pad: int, naive_feeds: int) -> tuple[Measurement, Baseline]:
    """The watcher over ``feeds`` feeds, then the naive baseline over the first ``naive_feeds`` of them (the
    reader's models are loaded by then: neither pays for that)."""
    planned = plan(feeds, items, share, pad)
    atlas = curated_atlas(settings().data_dir)
    with serving(planned) as base:
        watched = _watch(base, planned, atlas)
        baseline = naive([base + path for path in list(planned)[:naive_feeds]], atlas)
    return watched, baseline


def table(watched: Measurement, baseline: Baseline) -> str:
    """The watcher and the naive baseline side by side (Markdown, as BENCHMARKS.md keeps it)."""
    rows = [
        ("feeds × items", f"{watched.feeds} × {watched.items}",
         f"{baseline.feeds} × {baseline.items // max(baseline.feeds, 1)}"),
        ("articles fetched and read", f"{watched.relevant_items}", f"{baseline.articles_read}"),
        ("wall s", f"{watched.seconds}", f"{baseline.seconds}"),
        ("CPU s", f"{watched.cpu_seconds}", f"{baseline.cpu_seconds}"),
        ("items / min (wall)", f"{watched.items_per_minute:,.0f}", f"{baseline.items_per_minute:,.0f}"),
        ("items / CPU-min", f"{watched.items_per_cpu_minute:,.0f}", f"{baseline.items_per_cpu_minute:,.0f}"),
        ("candidates", f"{watched.proposals}", f"{baseline.candidates}"),
        ("errors", f"{watched.errors}", f"{baseline.errors}"),
        ("run with nothing new, s", f"{watched.quiet_run_seconds}", "as the first (nothing remembered)"),
    ]
    lines = ["| | watcher | naive |", "|---|---:|---:|",
             *(f"| {name} | {ours} | {theirs} |" for name, ours, theirs in rows)]
    return "\n".join([*lines, "", f"load average (1 min) at the end: {watched.load_average}"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench_watch", description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=TARGET_FEEDS)
    parser.add_argument("--items", type=int, default=TARGET_ITEMS)
    parser.add_argument("--relevant", type=float, default=0.1, help="share of items about the field")
    parser.add_argument("--pad", type=int, default=6, help="other ledes after each article's own")
    parser.add_argument("--naive-feeds", type=int, default=1,
                        help="feeds the naive baseline reads (it reads every article: keep it small)")
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args(argv)
    watched, baseline = measure(args.feeds, args.items, args.relevant, args.pad, args.naive_feeds)
    result = asdict(watched) | {"naive": asdict(baseline), "machine": machine()}
    print(table(watched, baseline))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
