"""From a news article to stored events — the one code path of the command line and the page.

    python -m gasatlas.news.ingest ARTICLE --published YYYY-MM-DD [--source-title T] [--source-url U]
                              [--format json|csv] [--save]
    python -m gasatlas.news.ingest --url https://… [--allow-host HOST ...] [--published YYYY-MM-DD] [...]

prints the candidate events the article reports (the columns of data/events.csv
plus ``confidence``, ``flags``, ``duplicate_of`` and ``new_actors``, the people and
organisations it names that the atlas does not know) and, with ``--save``, stores
those that do not repeat an event already in the atlas — published, since the
command line is the server's operator, a moderator (``auth.operator_identity``). Bad input — an empty or
binary file, a file or text over its size limit, an impossible date or one
outside the atlas's window (1900 to today) — exits with status 2 and one message;
a store that cannot be opened or refuses the save exits with status 1. Either
way nothing is stored.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gasatlas.auth import Identity, operator_identity
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset, DataValidationError, load_dataset, with_stored
from gasatlas.model import datewindow
from gasatlas.model.sanitize import guard_cell
from gasatlas.model.schema import EVENT_COLUMNS, LIST_SEPARATOR
from gasatlas.news.extract import (
    ArticleError,
    Candidate,
    ProposedActor,
    Source,
    article_text,
    extract_events,
    find_duplicates,
)
from gasatlas.news.fetch import DEADLINE_S, FetchError, fetch_page
from gasatlas.news.jobs import Report, no_report

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported only when something is stored: the command starts faster
    from gasatlas.store import EventStore

CANDIDATE_COLUMNS = (*EVENT_COLUMNS, "confidence", "flags", "duplicate_of", "new_actors")
"""What the command prints for each candidate: a data/events.csv row and what a reviewer needs —
including the people and organisations it names that the atlas does not know yet."""


@dataclass(frozen=True)
class Article:
    """An article's text and where it came from."""

    text: str
    published: dt.date
    source_title: str
    source_url: str
    encoding: str | None = None
    """The encoding the file was read in ("Windows-1251"); None for a paste."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_article(raw: bytes | str, filename: str | None, published: dt.date, source_title: str,
                 source_url: str) -> Article:
    """Check and reduce an upload or a paste to text; ``ArticleError`` says what is wrong with it."""
    try:
        datewindow.check(published, "the publication date")
    except datewindow.DateOutOfRange as error:
        raise ArticleError(str(error)) from None
    read = article_text(raw, filename)
    return Article(read.text, published, source_title.strip(), source_url.strip(), read.encoding)


def propose(article: Article, atlas: Dataset, report: Report = no_report) -> list[Candidate]:
    """The candidate events the article reports, for review (``report``: see ``extract_events``)."""
    source = Source(article.source_title, article.source_url)
    return extract_events(article.text, article.published, atlas, source=source, report=report)


@dataclass(frozen=True)
class ArticleRequest:
    """What a visitor gave to read: a paste or a file (``raw``), or else a ``link`` the server fetches."""

    published: dt.date
    source_title: str
    source_url: str
    raw: bytes | str | None = None
    filename: str | None = None
    link: str | None = None
    allow_hosts: tuple[str, ...] = ()
    deadline: float = DEADLINE_S


@dataclass(frozen=True)
class Reading:
    """A request read: the article, the file name it came in (for the encoding note) and its candidates."""

    article: Article
    filename: str | None
    candidates: list[Candidate]


def read_and_propose(request: ArticleRequest, atlas: Dataset, report: Report = no_report) -> Reading:
    """Fetch, decode, reduce the markup and extract — all of it work for the bounded pool (``gasatlas.news.jobs``):
    a page's markup can cost as much as reading its text, and a fetch waits on another server, so neither
    may run in a visitor's own script thread, where parallel visitors would escape the pool's limit."""
    raw, filename, title = request.raw, request.filename, request.source_title
    if request.link:
        report("fetch", 0.0)
        page = fetch_page(request.link, allow_hosts=request.allow_hosts, deadline=request.deadline)
        raw, filename, title = page.raw, "page.html", title or page.title or ""
        if not title:
            raise ArticleError("the page gives no title: name the source (publication and headline)")
    if raw is None:
        raise ArticleError("there is no article: paste a text, upload a file or give a link")
    article = read_article(raw, filename, request.published, title, request.source_url)
    return Reading(article, filename, propose(article, atlas, report))


def save(store: EventStore, identity: Identity, atlas: Dataset, article: Article,
         accepted: Sequence[Candidate]) -> list[str]:
    """Submit the accepted candidates (and the people they introduce) in one transaction, with the article
    they came from for the moderators: to the review queue, or published when a moderator submits."""
    from gasatlas.store import Provenance, SourceArticle

    actors = {actor.id: asdict(actor) | {"source_title": article.source_title, "source_url": article.source_url}
              for candidate in accepted for actor in candidate.new_actors}
    return store.submit(
        identity,
        atlas,
        [candidate.event for candidate in accepted],
        actors=list(actors.values()),
        provenance=Provenance("extracted", SourceArticle(article.sha256, article.text, article.source_title,
                                                         article.source_url, article.published)),
        confidence=[candidate.confidence for candidate in accepted],
    )


def duplicates_of(candidates: Sequence[Candidate], atlas: Dataset) -> list[list[str]]:
    """For each candidate, the ids of the atlas events it seems to repeat."""
    return [find_duplicates(candidate, atlas.events) for candidate in candidates]


def candidate_row(candidate: Candidate, duplicate_of: Sequence[str] = ()) -> dict[str, Any]:
    """A candidate as one flat record: the events.csv columns plus confidence, flags and duplicates."""
    row = {}
    for column in EVENT_COLUMNS:
        value = candidate.event.get(column)
        if isinstance(value, list | tuple):
            value = LIST_SEPARATOR.join(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        row[column] = "" if value is None else value
    row["confidence"] = round(candidate.confidence, 3)
    row["flags"] = "; ".join(candidate.flags)
    row["duplicate_of"] = LIST_SEPARATOR.join(duplicate_of)
    row["new_actors"] = [asdict(actor) for actor in candidate.new_actors]
    return row


def new_actors(candidates: Sequence[Candidate]) -> list[ProposedActor]:
    """Every new person and organisation the candidates propose, once each (one id however spelled)."""
    return list({actor.id: actor for candidate in candidates for actor in candidate.new_actors}.values())


def _actor_cell(actors: Sequence[dict[str, Any]]) -> str:
    """New actors in one CSV cell: "ivan-petrov (person): Иван Петров / Ivan Petrov; …"."""
    return "; ".join(f"{a['id']} ({a['kind']}): {a['name_ru']} / {a['name_en']}" for a in actors)


def format_candidates(candidates: Sequence[Candidate], output: str,
                      duplicates: Sequence[Sequence[str]] | None = None) -> str:
    duplicates = duplicates if duplicates is not None else [()] * len(candidates)
    rows = [candidate_row(candidate, found) for candidate, found in zip(candidates, duplicates, strict=True)]
    if output == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CANDIDATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:  # article text becomes cells: guarded as every download is (gasatlas.dataset.exports)
        cells = row | {"new_actors": _actor_cell(row["new_actors"])}
        writer.writerow({column: guard_cell(value) if isinstance(value, str) else value
                         for column, value in cells.items()})
    return buffer.getvalue()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a real date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class _Input:
    """What the command was given to read: a file's or a page's bytes and what they say of themselves."""

    raw: bytes
    name: str
    filename: str
    title: str
    url: str
    published: dt.date | None = None


def _input(args: argparse.Namespace) -> _Input:
    """The article's bytes from the file or the link; ``ArticleError`` (or ``OSError``) says why not."""
    if args.url:
        page = fetch_page(args.url, allow_hosts=args.allow_host or settings().fetch_allow_hosts,
                          deadline=settings().fetch_deadline_s)
        return _Input(page.raw, args.url, "page.html", page.title or urlsplit(page.url).hostname or args.url, page.url,
                      page.published)
    path: Path = args.article
    return _Input(path.read_bytes(), str(path), path.name, path.stem, "")


def curated_atlas(data_dir: Path) -> Dataset:
    """The curated data files, validated once and kept on disk until a file, the validating code or the day
    (dates may not lie after today) changes — the command line is a new process each time (see
    ``gasatlas.dataset.load.load_dataset``)."""
    return load_dataset(data_dir)


class _Stop(Exception):
    """Why the command stops before its end: printed as ``error: …``, with the exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gasatlas.news.ingest", description=__doc__.splitlines()[0])
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("article", type=Path, nargs="?", help="a .txt, .md or .html file")
    given.add_argument("--url", help="an http(s) link: the atlas fetches the page and reads its main text")
    parser.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                        help="with --url: a private host (name, address or network) that may be fetched, for an "
                             "intranet; repeatable (default: GASATLAS_FETCH_ALLOW_HOSTS, else none)")
    parser.add_argument("--published", type=_date,
                        help="publication date, YYYY-MM-DD (with --url: default the page's own date)")
    parser.add_argument("--source-title", help="publication and headline (default: the page title or file name)")
    parser.add_argument("--source-url", default="", help="the article's URL (needed to --save; default: --url)")
    parser.add_argument("--format", choices=["json", "csv"], default="json", dest="output")
    parser.add_argument("--save", action="store_true", help="store the candidates in the event store")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _run(args)
    except _Stop as stop:
        print(f"error: {stop}", file=sys.stderr)
        return stop.status
    return 0


def _run(args: argparse.Namespace) -> None:
    source_url = args.source_url or args.url or ""
    if args.save and not source_url:
        raise _Stop("--save needs --source-url: every stored event names its source")
    if not args.url and args.published is None:
        raise _Stop("--published is needed: the article's publication date, YYYY-MM-DD")
    article = _article(args, source_url)
    curated = curated_atlas(settings().data_dir)
    store, atlas = _store_and_atlas(curated) if args.save else (None, curated)
    candidates = propose(article, atlas)
    duplicates = duplicates_of(candidates, atlas)
    sys.stdout.write(format_candidates(candidates, args.output, duplicates))
    if proposed := new_actors(candidates):
        print("new actors proposed (check their names): "
              + "; ".join(f"{a.name_ru} / {a.name_en} ({a.id}, {a.kind})" for a in proposed), file=sys.stderr)
    if store is not None:
        _save_new(store, curated, article, candidates, duplicates)


def _article(args: argparse.Namespace, source_url: str) -> Article:
    """The article of the file or link given, with its publication date (given, or the page's own)."""
    try:
        given_input = _input(args)
    except OSError as error:
        raise _Stop(f"cannot read {args.article}: {error.strerror}") from None
    except FetchError as error:  # the operator may read why (a visitor sees only the first half)
        raise _Stop(f"{args.url}: {error}: {error.detail}") from None
    except ArticleError as error:
        raise _Stop(f"{args.url}: {error}") from None
    published = args.published or given_input.published
    if published is None:
        raise _Stop(f"{args.url}: the page gives no publication date: add --published YYYY-MM-DD")
    if args.published is None:
        print(f"{args.url}: publication date {published.isoformat()}, from the page", file=sys.stderr)
    try:
        article = read_article(given_input.raw, given_input.filename, published,
                               args.source_title or given_input.title, source_url)
    except ArticleError as error:
        raise _Stop(f"{given_input.name}: {error}") from None
    if article.encoding not in (None, "UTF-8"):
        print(f"{given_input.name}: read as {article.encoding}", file=sys.stderr)
    return article


def _store_and_atlas(curated: Dataset) -> tuple[EventStore, Dataset]:
    """The event store, and the atlas as it holds it (curated plus stored) — duplicates are judged against both."""
    from gasatlas.store import EventStore, StoreError

    try:
        store = EventStore(settings().database_url)
        stored_frames = store.frames()
    except StoreError as error:
        raise _Stop(f"nothing was stored: {error} ({error.detail})", status=1) from None
    return store, with_stored(curated, stored_frames.events, stored_frames.actors, stored_frames.hidden)


def _save_new(store: EventStore, curated: Dataset, article: Article, candidates: list[Candidate],
              duplicates: list[list[str]]) -> None:
    """Store the candidates that repeat no event of the atlas, and say which were skipped."""
    from gasatlas.store import StoreError

    fresh = [candidate for candidate, found in zip(candidates, duplicates, strict=True) if not found]
    try:
        stored = save(store, operator_identity(), curated, article, fresh)
    except DataValidationError as error:
        raise _Stop(f"nothing was stored: {error}", status=1) from None
    except StoreError as error:
        raise _Stop(f"nothing was stored: {error} ({error.detail})", status=1) from None
    skipped = len(candidates) - len(fresh)
    print(f"stored {len(stored)} event(s): {', '.join(stored) or '-'}"
          + (f"; skipped {skipped} that repeat events already in the atlas (see duplicate_of)" if skipped else ""),
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
