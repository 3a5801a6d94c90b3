"""A news site on a local port serving feeds and the articles they link to (real outlets' reports, kept in
``tests/fixtures/feeds/reports.json``), and the made-up source the extraction tests read from."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from xml.sax.saxutils import escape

from gasatlas.config import PROJECT_ROOT
from gasatlas.news.extract import Source

REPORTS = {item["id"]: item for item in json.loads(
    (PROJECT_ROOT / "tests" / "fixtures" / "feeds" / "reports.json").read_text(encoding="utf-8"))["items"]}
ONE_EVENT = ["item-020", "item-021", "item-022"]
"""Three outlets' reports of Gazprom's supplies to Central Asia rising 20% in 2025."""
SOURCE = {"source_title": "Test Wire: gas news", "source_url": "https://example.org/news/1"}
WIRE = Source(SOURCE["source_title"], SOURCE["source_url"])
"""The made-up report the extraction tests read their texts from."""
"""The source the extraction tests' short texts are said to come from."""


@dataclass
class Served:
    """What the test server was asked, and what it sends for each feed."""

    feeds: dict[str, list[str]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    etag: str = '"v1"'


RSS = "application/rss+xml"
HTML = "text/html; charset=utf-8"
BROKEN = {
    "/down.xml": (503, b"down for maintenance", "text/plain"),
    "/malformed.xml": (200, b"<html><body>this { is not a feed", "text/html"),
    "/article/empty": (200, b"<html><body></body></html>", "text/html"),
    "/article/binary": (200, bytes(range(256)) * 40, "text/html"),
    "/article/foreign": (200, "<html><body><article><p>这是一个测试页面。这里没有新闻。</p></article></body></html>"
                         .encode(), HTML),
}
"""What the site answers at addresses that are broken the way real feeds and articles break: status, body, type."""


def rss(base: str, ids: list[str]) -> bytes:
    """An RSS feed of the reports ``ids``, each linking to its article on the site at ``base``."""
    items = "".join(
        f"<item><title>{escape(REPORTS[i]['title'])}</title><link>{base}/article/{i}</link><guid>{i}</guid>"
        f"<pubDate>{format_datetime(dt.datetime.fromisoformat(REPORTS[i]['published'] + 'T09:00:00+00:00'))}"
        f"</pubDate><description>{escape(REPORTS[i]['text'])}</description></item>" for i in ids)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>test</title>'
            f"<link>{base}</link>{items}</channel></rss>").encode()


class _Site(http.server.BaseHTTPRequestHandler):
    served: Served

    def do_GET(self) -> None:
        self.served.requests.append((self.path, dict(self.headers.items())))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        feed = self.served.feeds.get(self.path.removeprefix("/feed/"))
        if feed is not None:
            if self.headers.get("If-None-Match") == self.served.etag:
                self._send(304, b"", RSS)
            else:
                self._send(200, rss(base, feed), RSS)
        elif self.path.startswith("/article/item-"):
            report = REPORTS[self.path.removeprefix("/article/")]
            page = (f"<html><head><title>{escape(report['title'])}</title></head><body><article>"
                    f"<h1>{escape(report['title'])}</h1><p>{escape(report['text'])}</p></article></body></html>")
            self._send(200, page.encode(), HTML)
        elif self.path in BROKEN:
            self._send(*BROKEN[self.path])
        elif self.path == "/slow.xml":
            self._trickle()
        elif self.path == "/enormous.xml":
            self._send(200, rss(base, ONE_EVENT * 400), RSS)
        elif self.path == "/to-private.xml":
            self.send_response(302)
            self.send_header("Location", "http://10.20.30.40/feed.xml")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"", "text/plain")

    def _trickle(self) -> None:
        """A feed that sends a byte every 0.2 s: slower than any reader should wait."""
        self.send_response(200)
        self.send_header("Content-Type", RSS)
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.2)

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("ETag", self.served.etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        return None


def feed_site(served: Served) -> type[http.server.BaseHTTPRequestHandler]:
    """A request handler serving ``served.feeds`` (with their ETag), the articles they link to, and ``BROKEN``,
    slow, enormous and redirected feeds; it notes every request in ``served``."""
    return type("Site", (_Site,), {"served": served})
