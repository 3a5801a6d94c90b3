"""Every request the atlas makes to another site goes through :func:`get`: a page fetched from its link.

A visitor chooses the link, so the server must not become their way into the
machine or its network (server-side request forgery). Each hop of a fetch:

* http and https only, no user name or password in the link;
* the host is resolved **once** (:func:`resolve`, the module's single resolver)
  and every address it gives must be public: loopback, private, link-local,
  shared, reserved, multicast and unspecified addresses are refused however the
  link spells them (``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``, a
  trailing dot, IPv4-mapped IPv6…), since the address is judged, not the text;
* the connection goes to the address that was checked — the host name is only
  the ``Host`` header and the TLS server name (SNI and certificate check) — so a
  DNS answer that changes between the check and the connection (DNS rebinding)
  changes nothing;
* a redirect is a new hop with the same checks, at most ``MAX_REDIRECTS`` of them.

The whole fetch has a deadline (``deadline`` seconds, every hop included: a server
sending a byte a second is cut off), each read a timeout, and the body a size cap
whether or not the server declares its length. urllib3 does the HTTP and TLS:
its connections take the address to connect to and, separately, the name to
present and verify (``server_hostname``/``assert_hostname``), which is exactly the
"connect to the checked address" this needs; requests and httpx would have to be
bent (a custom adapter or transport) to the same end.

Every refusal and failure is a :class:`FetchError` whose message is the same for
all (a visitor must not learn "refused" from "timed out" and so map the network's
ports); the reason is its ``detail``, written to the server log. An operator may
allow named private hosts or networks (``allow_hosts``: ``--allow-host`` on the
command line, ``GASATLAS_FETCH_ALLOW_HOSTS`` for the app) for an intranet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from gasatlas.model.sanitize import LinkRefused, web_link
from gasatlas.news.extract.text import MAX_FILE_BYTES, ArticleError, check_markup, text_codec

DEADLINE_S = 30.0
"""The most one fetch may take, redirects included."""
READ_TIMEOUT_S = 10.0
"""The most one read (or the connection) may wait for the server."""
USER_AGENT = "CentralAsiaGasAtlas/0.1 (news article reader)"
PAGE_TYPES = ("text/", "application/xhtml+xml", "application/xml")
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 65_536
VISITOR_MESSAGE = "could not fetch this page"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64 = ipaddress.ip_network("64:ff9b::/96")
log = logging.getLogger("gasatlas.news.fetch")


class FetchError(ArticleError):
    """A page was not fetched. ``str()`` is the same for every cause; ``detail`` says which (for the log)."""

    def __init__(self, detail: str) -> None:
        super().__init__(VISITOR_MESSAGE)
        self.detail = detail


class FetchRefused(FetchError):
    """The atlas would not fetch it: the link, an address, a redirect, the size or the kind of content."""


class FetchFailed(FetchError):
    """The site could not be fetched: unknown host, no connection, an HTTP error, the deadline passed."""


@dataclass(frozen=True)
class FetchedPage:
    """What a fetch brought back: the body, the address it was finally read from, its type and charset."""

    raw: bytes
    url: str
    content_type: str
    charset: str | None
    status: int = 200
    """200, or 304 when a conditional request (``headers``) learnt that nothing changed: ``raw`` is empty."""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Page:
    """A fetched article page: its bytes, its final address, and the title and date its markup gives."""

    raw: bytes
    url: str
    title: str | None
    published: dt.date | None


def check_url(url: str) -> str:
    """The link, if it is an http(s) address of a host without credentials; ``FetchRefused`` otherwise."""
    try:
        return web_link(url)
    except LinkRefused as error:
        raise FetchRefused(str(error)) from None


def resolve(host: str) -> list[str]:
    """The addresses ``host`` resolves to — the one place the fetcher asks DNS (tests replace it)."""
    try:
        answers = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchFailed(f"cannot resolve {host!r}: {error}") from None
    return list(dict.fromkeys(str(answer[4][0]) for answer in answers))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, Teredo, NAT64), judged in its place."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """Whether an address lies on the public internet (not this machine, its network or a reserved range)."""
    if isinstance(address, ipaddress.IPv6Address) and (embedded := _embedded_ipv4(address)) is not None:
        return is_public(embedded)
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_loopback
                                       or address.is_link_local or address.is_unspecified or address.is_private)


def _host_name(host: str) -> str:
    """A host name as compared and resolved: lower case, without the trailing dot of a fully qualified name."""
    return host.rstrip(".").casefold()


@dataclass(frozen=True)
class Allowed:
    """The private hosts an operator lets the atlas fetch from: names, addresses or networks."""

    names: frozenset[str]
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def parse(cls, hosts: Iterable[str]) -> Allowed:
        names, networks = set(), []
        for host in hosts:
            try:
                networks.append(ipaddress.ip_network(host.strip().strip("[]"), strict=False))
            except ValueError:
                names.add(_host_name(host.strip()))
        return cls(frozenset(names), tuple(networks))

    def permits(self, host: str, address: IPAddress) -> bool:
        return _host_name(host) in self.names or any(address in network for network in self.networks)


def checked_address(host: str, allowed: Allowed) -> str:
    """The address to connect to for ``host``: resolved once, every answer public (or allowed)."""
    name = _host_name(host)
    answers = resolve(name)
    if not answers:
        raise FetchFailed(f"{host!r} resolves to no address")
    for answer in answers:
        address = ipaddress.ip_address(answer.split("%", 1)[0])
        if not (is_public(address) or allowed.permits(name, address)):
            raise FetchRefused(f"{host!r} resolves to {address}, which is not a public address")
    return answers[0]


def _connection(scheme: str, host: str, address: str, port: int, timeout: float) -> HTTPConnection:
    """A connection to the checked ``address`` that presents (and, for https, verifies) ``host``."""
    if scheme == "https":
        return HTTPSConnection(address, port, timeout=timeout, server_hostname=_host_name(host),
                               assert_hostname=_host_name(host))
    return HTTPConnection(address, port, timeout=timeout)


def _host_header(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if port == (443 if scheme == "https" else 80) else f"{shown}:{port}"


def _cut_off(sockets: list[socket.socket]) -> None:
    """Shut the connection's sockets under a blocked read (called from the deadline's timer thread)."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: an SSL socket's would unwrap it


def _read_body(response: urllib3.BaseHTTPResponse, max_bytes: int, ends_at: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchRefused(f"the page declares {int(length):,} bytes; the cap is {max_bytes:,}")
    body = bytearray()
    while chunk := response.read1(CHUNK_BYTES):
        body += chunk
        if len(body) > max_bytes:
            raise FetchRefused(f"the page is larger than the cap of {max_bytes:,} bytes")
    if time.monotonic() >= ends_at:  # the timer shut the socket: what was read is cut short
        raise FetchFailed("the page was not read within the deadline")
    return bytes(body)


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str | None
    body: bytes
    content_type: Message
    etag: str | None = None
    last_modified: str | None = None


CONDITIONAL_HEADERS = frozenset({"If-None-Match", "If-Modified-Since"})
"""The only request headers a caller may add: a feed reader asks whether the feed changed since it last read it."""
NOT_MODIFIED = 304


@dataclass(frozen=True)
class Limits:
    """How long one fetch may take, redirects included, how long one read may wait, how much it may bring,
    and the content types (prefixes) it takes — anything else is refused unread."""

    deadline: float = DEADLINE_S
    read_timeout: float = READ_TIMEOUT_S
    max_bytes: int = MAX_FILE_BYTES
    accept: tuple[str, ...] = PAGE_TYPES


def _hop(url: str, allowed: Allowed, ends_at: float, limits: Limits, headers: Mapping[str, str]) -> _Answer:
    """One request of a fetch: checks, connects to the checked address, reads within the deadline."""
    parts = urlsplit(check_url(url))
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    port = parts.port or (443 if scheme == "https" else 80)
    address = checked_address(host, allowed)
    remaining = ends_at - time.monotonic()
    if remaining <= 0:
        raise FetchFailed(f"the deadline passed before {host!r} was reached")
    connection = _connection(scheme, host, address, port, min(limits.read_timeout, remaining))
    sockets: list[socket.socket] = []  # kept here: http.client lets go of a socket the response reads to its end
    timer = threading.Timer(remaining, lambda: _cut_off([*sockets, *([connection.sock] if connection.sock else [])]))
    timer.daemon = True
    timer.start()
    try:
        connection.connect()
        if connection.sock is not None:
            sockets.append(connection.sock)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={
            "Host": _host_header(_host_name(host), port, scheme), "User-Agent": USER_AGENT,
            "Accept": "text/html,*/*;q=0.5", "Accept-Encoding": "identity", **headers}, preload_content=False)
        response = connection.getresponse()
        kind = Message()
        kind["Content-Type"] = response.headers.get("Content-Type", "application/octet-stream")
        if response.status in REDIRECTS:
            return _Answer(response.status, response.headers.get("Location"), b"", kind)
        validators = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if response.status == NOT_MODIFIED and headers:
            return _Answer(response.status, None, b"", kind, *validators)
        if response.status >= 400:
            raise FetchFailed(f"{host!r} answered HTTP {response.status}")
        if not kind.get_content_type().startswith(limits.accept):
            raise FetchRefused(f"{url!r} is {kind.get_content_type()}, not a page")
        return _Answer(response.status, None, _read_body(response, limits.max_bytes, ends_at), kind, *validators)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, urllib3.exceptions.HTTPError) as error:
        if time.monotonic() >= ends_at:
            raise FetchFailed(f"{url!r} was not read within the deadline") from None
        raise FetchFailed(f"{url!r}: {type(error).__name__}: {error}") from None
    finally:
        timer.cancel()
        connection.close()


def get(url: str, *, allow_hosts: Collection[str] = (), limits: Limits = Limits(),
        headers: Mapping[str, str] | None = None) -> FetchedPage:
    """Fetch ``url`` under the rules of the module docstring and ``limits``; ``FetchRefused`` or ``FetchFailed``
    if not.

    ``headers`` may only make the request conditional (``CONDITIONAL_HEADERS``): a 304 answer is a ``FetchedPage`` with
    status 304 and no body."""
    extra = dict(headers or {})
    if unknown := set(extra) - CONDITIONAL_HEADERS:
        raise ValueError(f"only conditional request headers may be added, not {sorted(unknown)}")
    allowed = Allowed.parse(allow_hosts)
    ends_at = time.monotonic() + limits.deadline
    current = url.strip()
    try:
        for _hop_number in range(MAX_REDIRECTS + 1):
            answer = _hop(current, allowed, ends_at, limits, extra)
            if answer.location is None:
                if answer.status in REDIRECTS:
                    raise FetchFailed(f"{current!r} redirects without saying where")
                return FetchedPage(answer.body, current, answer.content_type.get_content_type(),
                                   answer.content_type.get_content_charset(), answer.status, answer.etag,
                                   answer.last_modified)
            current = urljoin(current, answer.location)
        raise FetchRefused(f"more than {MAX_REDIRECTS} redirects from {url!r}")
    except FetchError as error:
        log.warning("fetch of %r refused or failed: %s", url, error.detail)
        raise


def fetch_page(url: str, *, allow_hosts: Collection[str] = (), deadline: float = DEADLINE_S,
               max_bytes: int = MAX_FILE_BYTES) -> Page:
    """An article's page (see :func:`get`) with the title and publication date its markup gives."""
    page = get(url, allow_hosts=allow_hosts, limits=Limits(deadline=deadline, max_bytes=max_bytes))
    title, published = _metadata(page)
    return Page(page.raw, page.url, title, published)


def _metadata(page: FetchedPage) -> tuple[str | None, dt.date | None]:
    """The page's own title and publication date, when its markup gives them (the markup capped first)."""
    import trafilatura  # only pages need it

    html = page.raw.decode(text_codec(page.charset) or "utf_8", errors="replace")
    check_markup(html)
    try:
        meta = trafilatura.extract_metadata(html)
    except (LookupError, ValueError):
        return None, None
    if meta is None:
        return None, None
    try:
        published = dt.date.fromisoformat(meta.date) if meta.date else None
    except ValueError:
        published = None
    return (meta.title or None), published
