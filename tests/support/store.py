"""Records the store tests save (a valid event to vary, a person only the store knows), and the PostgreSQL
server scripts/test.sh starts for the store tests: every store test runs on SQLite and on it."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

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


def event(event_id: str = "ev-2023-02-01-test-meeting", **changes) -> dict:
    record = {
        "id": event_id, "date": "2023-02-01", "date_precision": "day", "title_en": "Test meeting",
        "title_ru": "Тестовая встреча", "summary_en": "A meeting for the tests.", "summary_ru": "Встреча для тестов.",
        "event_type": "meeting", "place_name_en": "Astana", "place_name_ru": "Астана", "place_country": "KAZ",
        "lat": 51.1801, "lon": 71.44598, "geo_precision": "town", "countries": "KAZ;RUS",
        "participants": "sklyar;miller", "organisations": "gazprom", "route_ids": "corr-ru-kz",
        "facility_ids": "", "source_title": "Example", "source_url": "https://example.org/news/1",
        "quote": "", "also_reported": "",
    }
    record.update(changes)
    return record


PETROV = {"id": "ivan-petrov", "kind": "person", "name_en": "Ivan Petrov", "name_ru": "Иван Петров",
          "source_title": "Example", "source_url": "https://example.org/news/1"}

FIGURE = {"id": "flow-corr-ru-uz-via-kz-2025-10-16-novak-mirzamakhmudov-7-7-bcm", "route_id": "corr-ru-uz-via-kz",
          "from_country": "RUS", "to_country": "UZB", "period": "2025", "value_kind": "contract", "volume_bcm": 7.7,
          "source_title": "TASS: Россия видит перспективы по увеличению поставок газа в Узбекистан",
          "source_url": "https://tass.ru/ekonomika/25369553",
          "quote": "\"Газпром\" продолжает реализацию контракта на поставку природного газа в Узбекистан в объеме "
                   "7,7 млрд куб. м в год.", "choice": "alternative", "source_date": "2025-10-16"}
"""The contract volume of a curated event, as a moderator confirms it (the atlas holds a chosen figure for 2025)."""
FIGURE_EVENT = "ev-2025-10-16-novak-mirzamakhmudov-7-7-bcm"
