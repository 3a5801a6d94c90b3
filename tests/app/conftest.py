"""Every AppTest gets its own empty event store; the faked map and a chosen data folder, for the tests that ask."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasatlas.config import settings
from tests.support.app import FakeMap


@pytest.fixture(autouse=True)
def private_event_store(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}")
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    return fake


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch):
    """Point the app at a data folder for one test (settings are read once per process)."""

    def _use(path: Path) -> None:
        monkeypatch.setenv("GASATLAS_DATA_DIR", str(path))
        settings.cache_clear()

    return _use
