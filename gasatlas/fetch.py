"""An article fetched from its link by the atlas itself, for the command line and the Add news page.

Only ``http`` and ``https`` links are followed — a ``file:`` link or any other scheme
would let a visitor read the server's own files — and a redirect may not leave them
either. The page is read up to ``MAX_FILE_BYTES`` within ``TIMEOUT_S`` seconds; every
failure (no network, an unknown host, an HTTP error, a page too large, something that
is not a web page) is an ``ArticleError`` with one plain sentence, as for a file.
"""

from __future__ import annotations

import datetime as dt
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from gasatlas.extract.text import MAX_FILE_BYTES, ArticleError

SCHEMES = frozenset({"http", "https"})
TIMEOUT_S = 15.0
USER_AGENT = "CentralAsiaGasAtlas/0.1 (news article reader)"
PAGE_TYPES = ("text/", "application/xhtml+xml", "application/xml")
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the address it was finally read from, and what its markup says."""

    raw: bytes
    url: str
    title: str | None
    published: dt.date | None


def check_url(url: str) -> str:
    """The link, if it is an http(s) address of a host; ``ArticleError`` otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise ArticleError(f"only http and https links can be read, not {parts.scheme or 'a link without a scheme'}:")
    if not parts.hostname:
        raise ArticleError(f"the link {url!r} names no host")
    if parts.username or parts.password:
        raise ArticleError("a link with a user name or password is not read")
    return url


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to other http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    """An opener that knows http and https only: no file:, ftp: or data: handler is installed."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(), _HttpOnlyRedirects(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _why(error: urllib.error.URLError, host: str, timeout: float) -> str:
    reason = error.reason
    if isinstance(reason, ArticleError):
        return str(reason)
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{host} did not answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot reach {host}: the host is unknown or this computer is offline ({reason.strerror})"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot reach {host}: the connection was refused"
    return f"cannot reach {host}: {reason} (is this computer offline?)"


def _read(response, limit: int) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise ArticleError(f"the page is {int(length) / 1e6:.1f} MB; pages are read up to {limit / 1e6:.0f} MB")
    raw = response.read(limit + 1)
    if len(raw) > limit:
        raise ArticleError(f"the page is larger than {limit / 1e6:.0f} MB, the most the atlas reads")
    return raw


def _metadata(raw: bytes, headers: Message) -> tuple[str | None, dt.date | None]:
    """The page's own title and publication date, when its markup gives them."""
    import trafilatura  # only pages need it

    charset = headers.get_content_charset() or "utf-8"
    try:
        meta = trafilatura.extract_metadata(raw.decode(charset, errors="replace"))
    except (LookupError, ValueError):
        return None, None
    if meta is None:
        return None, None
    try:
        published = dt.date.fromisoformat(meta.date) if meta.date else None
    except ValueError:
        published = None
    return (meta.title or None), published


def fetch_page(url: str, *, timeout: float = TIMEOUT_S, limit: int = MAX_FILE_BYTES) -> Page:
    """Read the page at ``url`` (see the module docstring); ``ArticleError`` says why it could not be."""
    url = check_url(url)
    host = urlsplit(url).hostname or url
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with _opener().open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if not kind.startswith(PAGE_TYPES):
                raise ArticleError(f"the link gives {kind}, not a web page or text")
            raw = _read(response, limit)
            final_url, headers = response.geturl(), response.headers
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib refuses a redirect to file:, ftp: … before asking the handler
            raise ArticleError("the page redirects to a link that is not read (only http and https links are)"
                               ) from None
        raise ArticleError(f"{host} answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise ArticleError(_why(error, host, timeout)) from None
    except TimeoutError:
        raise ArticleError(f"{host} did not answer within {timeout:g} s") from None
    except OSError as error:
        raise ArticleError(f"cannot read {host}: {error}") from None
    title, published = _metadata(raw, headers)
    return Page(raw, final_url, title, published)
