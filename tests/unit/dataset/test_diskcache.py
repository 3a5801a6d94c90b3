"""Costly builds kept on disk: read back when their key is unchanged, rebuilt when it changes or is unreadable."""

from __future__ import annotations

from pathlib import Path

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
    assert len(list(cache.glob("index-*.pickle"))) == diskcache.KEPT_ENTRIES, "the oldest entries are removed"


def test_an_unreadable_entry_is_rebuilt_not_trusted(cache: Path) -> None:
    diskcache.cached("index", ("v1",), lambda: "first")
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
