"""Every store test runs on SQLite and on PostgreSQL (the server scripts/test.sh starts)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from gasatlas.store import EventStore

POSTGRES_URL = os.environ.get("GASATLAS_TEST_POSTGRES_URL")
REQUIRE_POSTGRES = os.environ.get("GASATLAS_REQUIRE_POSTGRES") == "1"


def _workers_database(url: sa.URL) -> sa.URL:
    """This test worker's own database on the server (created once): tests run in parallel (pytest-xdist),
    and each empties its database before it starts."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    name = f"gasatlas_test_{worker}"
    server = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = sa.text("SELECT 1 FROM pg_database WHERE datname = :name")
        if connection.execute(exists, {"name": name}).first() is None:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return url.set(database=name)


def empty_postgres() -> str:
    """The test server's database (this worker's own) with every table dropped: the store's migrations start
    from nothing."""
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("GASATLAS_TEST_POSTGRES_URL is not set (scripts/test.sh starts a PostgreSQL server)")
        pytest.skip("no PostgreSQL server (run through scripts/test.sh)")
    url = _workers_database(sa.make_url(POSTGRES_URL))
    engine = sa.create_engine(url)
    tables = sa.MetaData()
    tables.reflect(engine)
    tables.drop_all(engine)
    engine.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}" if request.param == "sqlite" else empty_postgres()


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    store = EventStore(store_url)
    yield store
    store.engine.dispose()
