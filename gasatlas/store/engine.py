"""Opening the store's database: the engine, its write lock, its schema (Alembic), and its errors.

SQLite by default (a file, WAL mode, created on first use); any SQLAlchemy URL
works, and PostgreSQL is tested. The schema is managed by the Alembic migrations
in ``migrations/``: opening a store upgrades it to the newest revision, a store
written by release 0.1 (before Alembic) included, so every instance of a
deployment runs on the same schema without an operator step.

A store that cannot be opened, read or written raises ``StoreError``, whose
message is fit for any reader; the details (driver, host, file) are in
``StoreError.detail`` for the log and the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

WRITE = "gasatlas_write"
"""Execution option of a connection that writes: SQLite then begins with ``BEGIN IMMEDIATE``."""
POSTGRES_WRITE_LOCK = 0x6761_7361  # "gasa": the advisory lock every write transaction holds on PostgreSQL
RELEASE_0_1 = "0001"
"""The migration that describes stores written before Alembic managed the schema."""
MIGRATIONS = files("gasatlas.store") / "migrations"
STORE_FAILURES = (SQLAlchemyError, OSError, ImportError, ValueError)
"""What opening, reading or writing a database can raise: driver errors, a missing folder or driver, a bad URL."""


class StoreError(RuntimeError):
    """The store could not be opened, read or written; a write left it as it was before.

    ``str(error)`` says what failed in words fit for any reader; ``detail`` holds what
    only the operator should see (URL without password, driver message).
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def _safe_url(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "(an unparsable DATABASE_URL)"


def failure(message: str, url: str, error: BaseException) -> StoreError:
    """A ``StoreError`` for ``error``: ``message`` for anyone, the cause in ``detail`` for the operator."""
    cause = getattr(error, "orig", None) or error
    return StoreError(message, f"{_safe_url(url)}: {type(cause).__name__}: {cause}")


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    dbapi_connection.isolation_level = None  # transactions begin in _sqlite_begin, not inside pysqlite
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA busy_timeout=30000")  # a writer waits for the lock instead of failing
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    """SQLAlchemy's documented pysqlite recipe; a writing connection takes the write lock at once."""
    immediate = connection.get_execution_options().get(WRITE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine(url: str) -> Engine:
    """An engine for ``url``; an SQLite file and its folder are created on first use."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.query.get("uri"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[sa.Connection]:
    """One transaction holding the store's write lock: writers queue instead of racing."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(POSTGRES_WRITE_LOCK)))
            yield connection


def alembic_config(connection: sa.Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def newest_revision() -> str:
    """The revision the newest migration brings a store to. Migration files are named after their revisions,
    which follow one another (``0004_flows.py`` is ``0004``, after ``0003``); a test holds this to Alembic's
    own head."""
    return max(entry.name.split("_", 1)[0] for entry in (MIGRATIONS / "versions").iterdir()
               if entry.name.endswith(".py"))


def migrate(engine: Engine) -> None:
    """Bring the store's schema to the newest migration, under the write lock (instances may start together).

    A store of release 0.1 has its tables but no ``alembic_version``: it is stamped
    at that release's revision first, so its rows are upgraded, never recreated. A store already at the
    newest revision — every start but the first after an upgrade — is left without importing Alembic, whose
    import took a sixth of a restarted server's first page.
    """
    with writing(engine) as connection:
        tables = set(sa.inspect(connection).get_table_names())
        if "alembic_version" in tables and connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar() == newest_revision():
            return
        from alembic import command

        config = alembic_config(connection)
        if "events" in tables and "alembic_version" not in tables:
            command.stamp(config, RELEASE_0_1)
        command.upgrade(config, "head")
