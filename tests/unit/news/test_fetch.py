"""The guarded fetcher: only http(s) to public addresses however spelled, connected to the address that
was checked, every redirect checked again, within a total deadline and a size cap, and one message for
every refusal and failure — served from local servers (the tests run without a network), with the
module's resolver replaced where a test needs a DNS answer."""

from __future__ import annotations

import datetime as dt
import http.server
import logging
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from gasatlas.news import fetch
from gasatlas.news.fetch import (
    VISITOR_MESSAGE,
    FetchError,
    FetchFailed,
    FetchRefused,
    Limits,
    check_url,
    fetch_page,
    get,
)
from tests.support.data import PAGES

PAGE = "/orenburg-test-wire.html"
LOCAL = ["127.0.0.1"]
"""What a test that reads its own local server allows, as an intranet operator would (``--allow-host``)."""


@dataclass
class Seen:
    """What a local server was asked: each request's path and Host header."""

    requests: list[tuple[str, str]] = field(default_factory=list)


class Pages(http.server.SimpleHTTPRequestHandler):
    """Serves the saved pages, plus a few answers a real site (or a hostile one) may give."""

    seen: Seen
    redirect_to: str

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def do_GET(self) -> None:
        self.seen.requests.append((self.path, self.headers.get("Host", "")))
        location = self._redirected()
        if location is not None:
            self._redirect(location)
        elif self.path == "/unsized":  # no Content-Length: the cap must count what arrives
            self._answer("text/html", b"<p>" + b"x" * 5000 + b"</p>")
        elif self.path == "/picture":
            self._answer("image/png", b"\x89PNG\r\n")
        else:
            super().do_GET()

    def _redirected(self) -> str | None:
        """Where a redirecting path sends the client; None for any other path."""
        if self.path.startswith("/redirect"):
            return self.redirect_to + self.path.removeprefix("/redirect")
        if self.path.startswith("/loop"):
            return f"/loop{len(self.path)}"
        return {"/to-file": "file:///etc/passwd", "/to-page": PAGE}.get(self.path)

    def _answer(self, content_type: str, body: bytes) -> None:
        """A 200 answer without Content-Length, closed after the body."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args) -> None:
        return None


def _handler(seen: Seen, redirect_to: str = "") -> type[Pages]:
    """The page server's handler, noting its requests in ``seen``; ``/redirect…`` goes to ``redirect_to``."""
    return type("SeenPages", (Pages,), {"seen": seen, "redirect_to": redirect_to})


@dataclass
class Site:
    url: str
    port: int
    seen: Seen


def _serve(address: str, port: int = 0, redirect_to: str = "") -> tuple[Site, http.server.ThreadingHTTPServer]:
    seen = Seen()
    server = http.server.ThreadingHTTPServer((address, port), _handler(seen, redirect_to))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    return Site(f"http://{address}:{port}", port, seen), server


@pytest.fixture
def site() -> Iterator[Site]:
    served, server = _serve("127.0.0.1")
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The module's resolver, answering names from this table (addresses as the real one does)."""
    table: dict[str, list[str]] = {}
    real = fetch.resolve

    def resolve(host: str) -> list[str]:
        return table[host] if host in table else real(host)

    monkeypatch.setattr(fetch, "resolve", resolve)
    return table


# --- what is fetched -------------------------------------------------------------------------------------


def test_a_page_is_fetched_with_its_own_title_and_date(site: Site) -> None:
    page = fetch_page(site.url + PAGE, allow_hosts=LOCAL)

    assert "Иван Петров".encode() in page.raw
    assert page.title == "Тестовая лента: переговоры на Оренбургском ГПЗ"
    assert page.published == dt.date(2024, 3, 15)
    assert page.url == site.url + PAGE


def test_get_gives_the_body_its_final_address_type_and_charset(site: Site) -> None:
    page = get(site.url + "/to-page", allow_hosts=LOCAL)

    assert (page.url, page.content_type) == (site.url + PAGE, "text/html")
    assert page.raw.startswith(b"<!doctype html>") or page.raw.lstrip().lower().startswith(b"<!doctype html>")


def test_a_conditional_request_learns_that_nothing_changed_without_reading_the_page_again(site: Site) -> None:
    first = get(site.url + PAGE, allow_hosts=LOCAL)
    again = get(site.url + PAGE, allow_hosts=LOCAL, headers={"If-Modified-Since": first.last_modified or ""})

    assert (first.status, bool(first.raw), first.last_modified is not None) == (200, True, True)
    assert (again.status, again.raw) == (304, b"")


def test_a_caller_may_add_only_conditional_headers() -> None:
    with pytest.raises(ValueError, match="Host"):
        get("http://127.0.0.1:9/", allow_hosts=LOCAL, headers={"Host": "intranet"})


def test_the_host_name_is_sent_as_the_host_header_while_the_checked_address_is_connected_to(
        site: Site, dns: dict[str, list[str]]) -> None:
    dns["news.test"] = ["127.0.0.1"]

    get(f"http://news.test:{site.port}{PAGE}", allow_hosts=["news.test"])

    assert site.seen.requests == [(PAGE, f"news.test:{site.port}")]


# --- internal addresses, however spelled ----------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001",
                                  "017700000001", "0.0.0.0", "127.0.0.1.", "localhost", "LOCALHOST.",
                                  "[::ffff:127.0.0.1]", "[::1]"])
def test_the_local_machine_is_refused_however_its_address_is_spelled(host: str, site: Site) -> None:
    with pytest.raises(FetchRefused) as refused:
        get(f"http://{host}:{site.port}/")

    assert "not a public address" in refused.value.detail
    assert site.seen.requests == [], "the request never reached the server"


@pytest.mark.parametrize("address", [
    "169.254.169.254",  # the cloud's metadata service (link-local)
    "10.0.0.1", "172.16.5.4", "192.168.1.1",  # private
    "100.64.0.1",  # shared (carrier-grade NAT)
    "192.0.2.1", "198.18.0.1", "240.0.0.1", "255.255.255.255",  # documentation, benchmarking, reserved
    "224.0.0.1", "[ff02::1]",  # multicast
    "[fe80::1]", "[fc00::1]", "[::]",  # IPv6 link-local, unique local, unspecified
    "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[::ffff:10.0.0.1]",  # IPv4 inside IPv6: NAT64, 6to4, mapped
])
def test_private_link_local_shared_reserved_and_multicast_addresses_are_refused(address: str) -> None:
    with pytest.raises(FetchRefused, match=VISITOR_MESSAGE):
        get(f"http://{address}/latest/meta-data/", limits=Limits(deadline=2))


def test_a_name_that_resolves_to_an_internal_address_is_refused(dns: dict[str, list[str]], site: Site) -> None:
    dns["intranet.test"] = ["93.184.216.34", "10.1.2.3"]  # one bad answer among others is enough

    with pytest.raises(FetchRefused) as refused:
        get(f"http://intranet.test:{site.port}/")

    assert "10.1.2.3" in refused.value.detail


@pytest.mark.parametrize("location", ["http://127.0.0.1:{port}/", "http://0x7f.1:{port}/", "http://[::1]:{port}/",
                                      "http://169.254.169.254/latest/meta-data/"])
def test_a_redirect_to_an_internal_address_is_refused(location: str, site: Site, dns: dict[str, list[str]]) -> None:
    served, server = _serve("127.0.0.1", redirect_to=location.format(port=site.port))
    dns["news.test"] = ["127.0.0.1"]
    try:
        with pytest.raises(FetchRefused) as refused:
            get(f"http://news.test:{served.port}/redirect", allow_hosts=["news.test"])
    finally:
        server.shutdown()
        server.server_close()

    assert "not a public address" in refused.value.detail
    assert served.seen.requests == [("/redirect", f"news.test:{served.port}")]
    assert site.seen.requests == [], "the internal server was never asked"


def test_a_dns_answer_that_changes_after_the_check_is_never_used(
        monkeypatch: pytest.MonkeyPatch, dns: dict[str, list[str]]) -> None:
    """DNS rebinding: the name is checked as an allowed address; a second lookup would give loopback.
    The fetch connects to the checked address, so the internal server behind the second answer is not asked."""
    checked, checked_server = _serve("127.0.0.2")
    internal, internal_server = _serve("127.0.0.1", port=checked.port)
    dns["rebind.test"] = ["127.0.0.2"]
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):  # what the name resolves to the second time
        return real_getaddrinfo("127.0.0.1" if host == "rebind.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    try:
        page = get(f"http://rebind.test:{checked.port}{PAGE}", allow_hosts=["127.0.0.2"])
    finally:
        for server in (checked_server, internal_server):
            server.shutdown()
            server.server_close()

    assert page.raw
    assert checked.seen.requests == [(PAGE, f"rebind.test:{checked.port}")]
    assert internal.seen.requests == []


# --- the operator's allowed hosts ------------------------------------------------------------------------


def test_an_operator_may_allow_a_private_host_by_address_network_or_name(
        site: Site, dns: dict[str, list[str]]) -> None:
    dns["wiki.intranet"] = ["127.0.0.1"]

    for allowed, url in ((["127.0.0.1"], site.url + PAGE), (["127.0.0.0/8"], site.url + PAGE),
                         (["wiki.intranet"], f"http://wiki.intranet:{site.port}{PAGE}")):
        assert get(url, allow_hosts=allowed).raw

    with pytest.raises(FetchRefused):
        get(site.url + PAGE, allow_hosts=["wiki.intranet"]), "a name allows that name, not its address"
    assert len(site.seen.requests) == 3


# --- schemes, content, size, redirects -------------------------------------------------------------------


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "data:text/html,<p>x</p>",
                                 "javascript:alert(1)", "/etc/passwd", "http://", "https://user:pw@example.org/",
                                 "gopher://127.0.0.1:25/"])
def test_only_http_and_https_links_to_a_host_without_credentials_are_read(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)
    with pytest.raises(FetchRefused):
        get(url)


def test_a_redirect_may_not_leave_http(site: Site) -> None:
    with pytest.raises(FetchRefused, match=VISITOR_MESSAGE) as refused:
        get(site.url + "/to-file", allow_hosts=LOCAL)

    assert "'file' is not http or https" in refused.value.detail


def test_redirects_are_followed_only_a_few_times(site: Site) -> None:
    with pytest.raises(FetchRefused) as refused:
        get(site.url + "/loop", allow_hosts=LOCAL)

    assert f"more than {fetch.MAX_REDIRECTS} redirects" in refused.value.detail
    assert len(site.seen.requests) == fetch.MAX_REDIRECTS + 1


def test_a_page_over_the_size_cap_is_refused_even_without_a_declared_length(site: Site) -> None:
    with pytest.raises(FetchRefused) as refused:
        get(site.url + "/unsized", allow_hosts=LOCAL, limits=Limits(max_bytes=1000))

    assert "larger than the cap of 1,000 bytes" in refused.value.detail


def test_something_that_is_not_a_page_is_refused(site: Site) -> None:
    with pytest.raises(FetchRefused) as refused:
        get(site.url + "/picture", allow_hosts=LOCAL)

    assert "image/png, not a page" in refused.value.detail


# --- time ------------------------------------------------------------------------------------------------


class _Trickle(socketserver.BaseRequestHandler):
    """Answers at one byte a second: headers first (``/body``) or never finishing them (``/headers``)."""

    def handle(self) -> None:
        request = self.request.recv(4096)
        answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" if b"/body" in request else b""
        self.request.sendall(answer)
        try:
            for _ in range(600):
                self.request.sendall(b"a")
                time.sleep(1)
        except OSError:
            return


@pytest.fixture
def trickle() -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_server_sending_a_byte_a_second_is_cut_off_at_the_deadline(trickle: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchFailed) as failed:
        get(trickle + path, allow_hosts=LOCAL, limits=Limits(deadline=2.0, read_timeout=5.0))

    assert 1.9 <= time.monotonic() - started <= 3.0
    assert "within the deadline" in failed.value.detail


def test_a_site_that_never_answers_times_out_on_its_read() -> None:
    listener = socket.socket()  # accepts the connection (the kernel's backlog) and never answers
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        started = time.monotonic()
        with pytest.raises(FetchFailed, match=VISITOR_MESSAGE):
            get(f"http://127.0.0.1:{listener.getsockname()[1]}/", allow_hosts=LOCAL,
                limits=Limits(read_timeout=0.3))
        assert time.monotonic() - started < 2
    finally:
        listener.close()


# --- one message ------------------------------------------------------------------------------------------


def test_every_refusal_and_failure_tells_the_visitor_the_same_and_the_log_the_reason(
        site: Site, caplog: pytest.LogCaptureFixture) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    causes = {
        "internal address": (f"http://127.0.0.1:{closed_port}/", ()),
        "connection refused": (f"http://127.0.0.1:{closed_port}/", LOCAL),
        "HTTP 404": (site.url + "/no-such-article", LOCAL),
        "unknown host": ("http://no-such-host.invalid/", ()),
    }
    errors: dict[str, FetchError] = {}
    with caplog.at_level(logging.WARNING, logger="gasatlas.news.fetch"):
        for cause, (url, allowed) in causes.items():
            with pytest.raises(FetchError) as raised:
                get(url, allow_hosts=allowed, limits=Limits(deadline=5))
            errors[cause] = raised.value

    assert {str(error) for error in errors.values()} == {VISITOR_MESSAGE}
    assert len({error.detail for error in errors.values()}) == len(causes), "the log can tell them apart"
    assert "HTTP 404" in errors["HTTP 404"].detail
    assert all(error.detail in caplog.text for error in errors.values())
