"""Every AppTest gets its own empty event store."""

from __future__ import annotations

import pytest

from gasatlas.config import settings


@pytest.fixture(autouse=True)
def private_event_store(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}")
    settings.cache_clear()
    yield
    settings.cache_clear()
