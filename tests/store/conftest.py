"""Every store test runs on SQLite and on PostgreSQL (the server scripts/test.sh starts)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from gasatlas.store import EventStore

POSTGRES_URL = os.environ.get("GASATLAS_TEST_POSTGRES_URL")
REQUIRE_POSTGRES = os.environ.get("GASATLAS_REQUIRE_POSTGRES") == "1"


def empty_postgres() -> str:
    """The test server's database with every table dropped (the store's migrations start from nothing)."""
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("GASATLAS_TEST_POSTGRES_URL is not set (scripts/test.sh starts a PostgreSQL server)")
        pytest.skip("no PostgreSQL server (run through scripts/test.sh)")
    engine = sa.create_engine(POSTGRES_URL)
    tables = sa.MetaData()
    tables.reflect(engine)
    tables.drop_all(engine)
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}" if request.param == "sqlite" else empty_postgres()


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    store = EventStore(store_url)
    yield store
    store.engine.dispose()
