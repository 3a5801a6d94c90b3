"""Deployment settings, read once from the environment (``GASATLAS_*``, ``DATABASE_URL``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = PROJECT_ROOT / "static"
"""Streamlit serves ./static beside app.py at /app/static (server.enableStaticServing)."""
Basemap = Literal["tiles", "offline"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GASATLAS_", extra="ignore")

    data_dir: Path = PROJECT_ROOT / "data"
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'gasatlas.sqlite3'}",
        validation_alias=AliasChoices("DATABASE_URL", "GASATLAS_DATABASE_URL"),
    )
    basemap: Basemap = "tiles"
    cache_dir: Path = PROJECT_ROOT / "var" / "cache"
    """Costly builds kept between processes: the place index, natasha's models (see gasatlas.dataset.diskcache)."""
    extraction_workers: int = Field(default=1, ge=1, le=16)
    """Articles read at once by the whole server (each costs a fraction of a CPU-second per 1,000 characters)."""
    extraction_queue: int = Field(default=8, ge=0, le=1000)
    """Articles that may wait for a reader; beyond that a visitor is asked to try again later."""
    submissions_per_hour: int = Field(default=30, ge=1)
    """Records — events and the people or organisations they introduce — one contributor may submit in an hour
    (moderators are not limited)."""
    fetch_allow_hosts: tuple[str, ...] = ()
    """Private hosts (names, addresses or networks) the atlas may fetch links from, for an intranet
    deployment: a JSON list, ``GASATLAS_FETCH_ALLOW_HOSTS='["wiki.intranet", "10.2.0.0/16"]'``. None by default."""
    fetch_deadline_s: float = Field(default=30.0, gt=0, le=120)
    """The most one fetch of a link may take, redirects included (see gasatlas.news.fetch)."""
    table_page_rows: int = Field(default=1000, ge=10, le=100_000)
    """Rows of the map page's events table sent to the browser at a time: 100,000 rows are 22 MB of Arrow
    on every rerun, one page of 1,000 about 0.2 MB."""


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()
