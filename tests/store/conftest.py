"""Every store test runs on SQLite and on PostgreSQL (the server scripts/test.sh starts)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gasatlas.store import EventStore
from tests.support.store import empty_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}" if request.param == "sqlite" else empty_postgres()


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    store = EventStore(store_url)
    yield store
    store.engine.dispose()
