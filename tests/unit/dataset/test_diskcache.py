"""Costly builds kept on disk: read back when their key is unchanged, rebuilt when it changes or is unreadable."""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from gasatlas.config import settings
from gasatlas.dataset import diskcache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(tmp_path / "cache"))
    settings.cache_clear()
    yield tmp_path / "cache"
    settings.cache_clear()


def test_a_value_is_built_once_per_key_and_old_keys_are_pruned(cache: Path) -> None:
    builds = []

    def build() -> dict:
        builds.append(1)
        return {"places": len(builds)}

    assert diskcache.cached("index", ("v1",), build) == {"places": 1}
    assert diskcache.cached("index", ("v1",), build) == {"places": 1}, "read back, not rebuilt"
    assert diskcache.cached("index", ("v2",), build) == {"places": 2}
    assert len(builds) == 2
    for version in range(3, 9):
        diskcache.cached("index", (f"v{version}",), build)
    diskcache.finish_writes()
    assert len(list(cache.glob("index-*.pickle"))) == diskcache.KEPT_ENTRIES, "the oldest entries are removed"


def test_the_value_is_returned_before_its_entry_is_written(cache: Path) -> None:
    release = threading.Event()

    def slow_dump(value: object, file: BinaryIO) -> None:
        assert release.wait(10), "the test never let the write go on"
        pickle.dump(value, file)

    codec = diskcache.Codec(dump=slow_dump)
    assert diskcache.cached("index", ("v1",), lambda: "built", codec) == "built", "not waiting for the write"
    assert list(cache.glob("index-*.pickle")) == []

    release.set()
    assert diskcache.cached("index", ("v1",), lambda: "built again", codec) == "built", \
        "a second ask waits for the write and reads it back"
    assert len(list(cache.glob("index-*.pickle"))) == 1


def test_an_unreadable_entry_is_rebuilt_not_trusted(cache: Path) -> None:
    diskcache.cached("index", ("v1",), lambda: "first")
    diskcache.finish_writes()
    [entry] = cache.glob("index-*.pickle")
    entry.write_bytes(b"not a pickle")

    assert diskcache.cached("index", ("v1",), lambda: "rebuilt") == "rebuilt"


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(blocker / "cache"))
    settings.cache_clear()
    try:
        assert diskcache.cached("index", ("v1",), lambda: 42) == 42
    finally:
        settings.cache_clear()


def test_the_key_follows_the_source_of_the_building_code() -> None:
    from gasatlas.news.extract import gazetteer

    assert diskcache.source_of(gazetteer) == diskcache.source_of(gazetteer)
    assert len(diskcache.source_of(gazetteer)[0]) == 64


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose bytes were actually read to be hashed."""
    seen: list[Path] = []
    sha256 = diskcache._sha256

    def counting(path: Path) -> str:
        seen.append(path)
        return sha256(path)

    monkeypatch.setattr(diskcache, "_sha256", counting)
    return seen


def settled_file(path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file left alone for longer than ``SETTLED_SECONDS`` (shortened, not waited for)."""
    monkeypatch.setattr(diskcache, "SETTLED_SECONDS", 0.05)
    path.write_text(text, encoding="utf-8")
    time.sleep(0.1)
    return path


@pytest.mark.usefixtures("cache")
def test_an_unchanged_file_is_not_read_again_to_be_hashed(
    tmp_path: Path, hashed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    events = settled_file(tmp_path / "events.csv", "id,title\nev-a,Roadmap\n", monkeypatch)

    first, second = diskcache.file_digest(events), diskcache.file_digest(events)

    assert first == second == hashlib.sha256(events.read_bytes()).hexdigest()
    assert hashed == [events], "the second digest is remembered: same size, times, inode and device"


@pytest.mark.usefixtures("cache")
def test_a_rewrite_of_the_same_size_and_modification_time_is_hashed_again(
    tmp_path: Path, hashed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    events = settled_file(tmp_path / "events.csv", "id,title\nev-a,Roadmap\n", monkeypatch)
    before = diskcache.file_digest(events)
    modified = events.stat().st_mtime_ns
    events.write_text("id,title\nev-b,Roadmap\n", encoding="utf-8")
    os.utime(events, ns=(modified, modified))  # as `cp -p` or `touch -r` would: the change time still moves

    after = diskcache.file_digest(events)

    assert after != before
    assert after == hashlib.sha256(events.read_bytes()).hexdigest()
    assert len(hashed) == 2


@pytest.mark.usefixtures("cache")
def test_a_file_just_written_is_hashed_every_time(tmp_path: Path, hashed: list[Path]) -> None:
    events = tmp_path / "events.csv"
    events.write_text("id,title\nev-a,Roadmap\n", encoding="utf-8")

    diskcache.file_digest(events)
    diskcache.file_digest(events)

    assert len(hashed) == 2, "a second write in the same tick of the clock would keep its times: not trusted yet"


def test_the_same_bytes_in_another_folder_give_the_same_digest_read_afresh(
    cache: Path, tmp_path: Path, hashed: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = settled_file(tmp_path / "events.csv", "id,title\nev-a,Roadmap\n", monkeypatch)
    (tmp_path / "copy").mkdir()
    copy = settled_file(tmp_path / "copy" / "events.csv", first.read_text(encoding="utf-8"), monkeypatch)

    assert diskcache.file_digest(first) == diskcache.file_digest(copy)
    assert hashed == [first, copy]
    assert (cache / diskcache.DIGESTS_FILE).exists()
