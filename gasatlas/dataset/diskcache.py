"""Costly, deterministic builds kept on disk, so a new process does not pay for them again.

The command line is a new process every time: building the place index from GeoNames
and loading natasha's neural models cost seconds that the page, a long-lived process,
pays once. Each build is stored as a pickle in ``GASATLAS_CACHE_DIR`` (``var/cache``
by default) under a key made of everything it depends on — the data's contents, the
source of the modules that build it, the versions of the packages it reads — so a
change to any of them makes a new entry, and a stale one is never read.

An entry is written behind: ``cached`` returns the value at once and one background thread writes it, so
whoever asked first (a reader opening a page over data never seen) does not wait for a file only the next
process reads — 2 s at 100,000 events, 11–24 s at a million. A second ask for the same entry in this process
waits for its write to finish (``finish_writes`` waits for all of them).

Pickles execute code when loaded: the cache directory must be writable only by the
atlas's own user (``var/`` is). A cache that cannot be read or written is not an
error: the value is built as if there were none.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import json
import logging
import os
import pickle
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, TypeVar, cast

import pyarrow as pa

from gasatlas.config import settings

T = TypeVar("T")
KEPT_ENTRIES = 4
"""Entries kept per name: an atlas with the store's actors and the curated one alternate without rebuilding."""
FORMAT = 1
"""Raised when what a cache file holds changes shape for reasons the key cannot see."""
log = logging.getLogger("gasatlas")
DIGESTS_FILE = "file-digests.json"
KEPT_DIGESTS = 64
"""Files whose digest is remembered (``file_digest``): a few data folders' files."""
SETTLED_SECONDS = 2.0
"""How long a file must have been left alone before its digest is remembered: a file rewritten within one tick of
the file system's clock (up to 2 s on some) keeps its times, so its status would not tell the versions apart."""


def source_of(*modules: ModuleType) -> tuple[str, ...]:
    """A key part that changes whenever the source of one of these modules does."""
    return tuple(hashlib.sha256(Path(module.__file__ or "").read_bytes()).hexdigest() for module in modules)


def versions(*packages: str) -> tuple[str, ...]:
    return tuple(f"{name}=={importlib.metadata.version(name)}" for name in packages)


def files_of(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """A key part for a folder of data files: each file's name, size and modification time."""
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file())


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, remembered in the cache folder for as long as the file's size, modification
    and change times, inode and device stay the same: a restart at a million events read 1.5 GB again (2–3 CPU
    seconds) to learn what it knew. The same bytes in another folder are hashed afresh, and give the same digest.

    This trusts the file's status as git's index does, and its limits are git's: a rewrite that keeps the size and
    both times is not seen. The change time cannot be set back (``touch`` or ``cp -p`` restoring a modification
    time still moves it), and a file changed within ``SETTLED_SECONDS`` of being hashed is not remembered, so that
    a second write in the same tick of the clock is not missed."""
    signature = _signature(path)
    memo_path, key = settings().cache_dir / DIGESTS_FILE, str(path.resolve())
    memo = _digests(memo_path)
    remembered = memo.get(key)
    if isinstance(remembered, list) and remembered[:-1] == signature:
        return str(remembered[-1])
    started = time.time_ns()
    digest = _sha256(path)
    settled = max(signature[1:3]) < started - int(SETTLED_SECONDS * 1e9)
    if settled and _signature(path) == signature:
        memo.pop(key, None)
        memo[key] = [*signature, digest]
        _keep_digests(memo_path, dict(list(memo.items())[-KEPT_DIGESTS:]))
    return digest


def _signature(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _digests(memo_path: Path) -> dict[str, list[int | str]]:
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _keep_digests(memo_path: Path, memo: dict[str, list[int | str]]) -> None:
    """Written whole and moved into place: processes that start together each keep a whole memo, the last one's."""
    try:
        with written_in_place(memo_path) as written:
            written.write(json.dumps(memo).encode("utf-8"))
    except OSError as error:
        log.warning("cannot remember file digests in %s (%s)", memo_path, error)


@contextmanager
def written_in_place(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces ``path`` whole when the block ends, so that a reader (another process, the
    browser) never sees half of it; dropped if the block fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}-", delete=False) as file:
        try:
            yield cast(BinaryIO, file)
        except BaseException:
            file.close()
            Path(file.name).unlink(missing_ok=True)
            raise
    os.replace(file.name, path)


def spilled(chunks: Callable[[], Iterator[pa.Array]], kind: pa.DataType) -> pa.ChunkedArray:
    """The arrays ``chunks()`` makes, written to a file in the cache folder as they come and mapped back: pages the
    kernel reads in when they are used and may drop again, where the process's own memory would hold every byte
    for as long as it lives (a million events' search text is 1.3 GB). The file is unlinked at once: the mapping
    keeps it until its arrays are freed. Made again, in memory, if the cache folder cannot be written."""
    name = None
    try:
        settings().cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=settings().cache_dir, prefix=".spilled-", delete=False) as file:
            name = file.name
            with pa.ipc.new_stream(file, pa.schema([("chunk", kind)])) as stream:
                for chunk in chunks():
                    stream.write_batch(pa.record_batch([chunk], names=["chunk"]))
        return pa.ipc.open_stream(pa.memory_map(name)).read_all().column(0)
    except OSError as error:
        log.warning("cannot spill to %s (%s): kept in memory", settings().cache_dir, error)
        return pa.chunked_array(list(chunks()), kind)
    finally:
        if name is not None:
            Path(name).unlink(missing_ok=True)


def _path(name: str, key: Sequence[object]) -> Path:
    digest = hashlib.sha256(repr((FORMAT, *key)).encode("utf-8")).hexdigest()[:32]
    return settings().cache_dir / f"{name}-{digest}.pickle"


def _load(file: BinaryIO) -> object:
    """Unpickle with the cyclic garbage collector paused: a place index is a hundred thousand small
    objects, and collections triggered while creating them cost several times the loading itself."""
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        gc.enable()


def _dump(value: object, file: BinaryIO) -> None:
    pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass(frozen=True)
class Codec:
    """How a value is written to and read from its cache file: a pickle unless a value has a better form."""

    dump: Callable[[Any, BinaryIO], None] = _dump
    load: Callable[[BinaryIO], Any] = _load


_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gasatlas-cache-writer")
"""Writes entries one at a time (two at once would hold two large files' buffers); its thread is joined when the
process exits, so an entry being written is finished, not left half-written."""
_WRITING: dict[Path, Future[None]] = {}
_WRITING_LOCK = threading.Lock()


def cached(name: str, key: Sequence[object], build: Callable[[], T], codec: Codec = Codec()) -> T:
    """The value ``build()`` returns for ``key``: from the cache when it holds one, else built and stored
    behind (keeping the ``KEPT_ENTRIES`` newest entries of the same ``name``)."""
    path = _path(name, key)
    _finish_write(path)
    try:
        with path.open("rb") as file:
            return cast(T, codec.load(file))
    except FileNotFoundError:
        pass
    except Exception as error:
        log.warning("cache entry %s unreadable (%s): rebuilding", path, error)
    value = build()
    with _WRITING_LOCK:
        writing = _WRITING[path] = _WRITER.submit(_write_entry, name, path, value, codec)
    writing.add_done_callback(lambda done: _forget_write(path, done))
    return value


def finish_writes() -> None:
    """Wait until every entry this process started writing is written (or given up)."""
    with _WRITING_LOCK:
        writing = list(_WRITING.values())
    for write in writing:
        write.result()


def _finish_write(path: Path) -> None:
    with _WRITING_LOCK:
        writing = _WRITING.get(path)
    if writing is not None:
        writing.result()


def _forget_write(path: Path, done: Future[None]) -> None:
    with _WRITING_LOCK:
        if _WRITING.get(path) is done:
            del _WRITING[path]


def _write_entry(name: str, path: Path, value: object, codec: Codec) -> None:
    """A cache that cannot be written is no error: the next process builds the value again."""
    try:
        with written_in_place(path) as written:
            codec.dump(value, written)
        older = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEPT_ENTRIES:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, ValueError, TypeError) as error:  # pyarrow's errors are either
        log.warning("cannot write cache entry %s (%s)", path, error)
