"""Reading an article from its link: only http(s), within a time and size limit, with a plain message
for every failure — served from a local HTTP server, as the tests run without a network."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasatlas.extract import ArticleError
from gasatlas.fetch import check_url, fetch_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
PAGE = "/orenburg-test-wire.html"


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Serves the saved pages, plus a few answers a real site may give."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def do_GET(self) -> None:
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/to-page":
            self.send_response(301)
            self.send_header("Location", PAGE)
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 5000 + b"</p>")
        elif self.path == "/picture":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n")
        else:
            super().do_GET()

    def log_message(self, *_args) -> None:
        return None


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_is_fetched_with_its_own_title_and_date(site: str) -> None:
    page = fetch_page(site + PAGE)

    assert "Иван Петров".encode() in page.raw
    assert page.title == "Тестовая лента: переговоры на Оренбургском ГПЗ"
    assert page.published == dt.date(2024, 3, 15)
    assert page.url == site + PAGE


def test_a_redirect_to_another_page_is_followed(site: str) -> None:
    assert fetch_page(site + "/to-page").url == site + PAGE


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "data:text/html,<p>x</p>",
                                 "javascript:alert(1)", "/etc/passwd", "http://", "https://user:pw@example.org/"])
def test_only_http_and_https_links_to_a_host_are_read(url: str) -> None:
    with pytest.raises(ArticleError):
        check_url(url)
    with pytest.raises(ArticleError):
        fetch_page(url)


def test_a_redirect_may_not_leave_http(site: str) -> None:
    with pytest.raises(ArticleError, match="only http and https"):
        fetch_page(site + "/to-file")


def test_a_page_over_the_size_limit_is_refused(site: str) -> None:
    with pytest.raises(ArticleError, match="larger than"):
        fetch_page(site + "/huge", limit=1000)


def test_something_that_is_not_a_page_is_refused(site: str) -> None:
    with pytest.raises(ArticleError, match="image/png, not a web page"):
        fetch_page(site + "/picture")


def test_a_missing_page_says_what_the_site_answered(site: str) -> None:
    with pytest.raises(ArticleError, match="HTTP 404"):
        fetch_page(site + "/no-such-article")


def test_no_server_is_a_plain_message_not_a_traceback() -> None:
    with pytest.raises(ArticleError, match="cannot reach 127.0.0.1"):
        fetch_page("http://127.0.0.1:9/article")


def test_an_unknown_host_says_the_computer_may_be_offline() -> None:
    with pytest.raises(ArticleError, match="unknown or this computer is offline"):
        fetch_page("http://no-such-host.invalid/article", timeout=5)


def test_a_site_that_never_answers_times_out() -> None:
    listener = socket.socket()  # accepts the connection (the kernel's backlog) and never answers
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        with pytest.raises(ArticleError, match="did not answer within 0.3 s"):
            fetch_page(f"http://127.0.0.1:{listener.getsockname()[1]}/", timeout=0.3)
    finally:
        listener.close()
