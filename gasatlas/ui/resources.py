"""Things shared across sessions: the curated dataset, the event store, the map's assets."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from gasatlas.auth import ANONYMOUS, Identity
from gasatlas.config import STATIC_DIR, settings
from gasatlas.dataset.load import Dataset, DataValidationError, load_dataset, with_pending, with_stored
from gasatlas.i18n import gettext
from gasatlas.map import event_columns
from gasatlas.map.assets import install_vendor_assets
from gasatlas.model.vocab import Lang
from gasatlas.news.jobs import JobPool
from gasatlas.store import EventStore, StoreError
from gasatlas.ui import notices

FAVICON = str(Path(__file__).with_name("images") / "favicon.svg")
"""A local file: emoji and Material favicons are fetched from Google's servers."""


@st.cache_resource(show_spinner=False)
def _vendor_assets_installed(static_dir: str) -> bool:
    install_vendor_assets(Path(static_dir))
    return True


def ensure_vendor_assets() -> None:
    """Copy Leaflet & co. into the static folder once per server process."""
    _vendor_assets_installed(str(STATIC_DIR))


def _data_version(data_dir: Path) -> tuple[tuple[str, int], ...]:
    """File names and modification times: editing a data file invalidates the cache."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.iterdir() if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=2)
def _curated(data_dir: str, version: tuple[Any, ...]) -> Dataset:  # noqa: ARG001 -- a cache key only
    return load_dataset(Path(data_dir))


@st.cache_resource(show_spinner=False)
def _store(url: str, submissions_per_hour: int) -> EventStore:
    return EventStore(url, submissions_per_hour)


def _out_of_collections() -> None:
    """Take what lives long — the dataset just built, the modules, caches — out of the garbage collector's
    view. Streamlit runs a full collection after every script run (``runner.postScriptGC``), which went over
    all of it each time: ≈ 120 ms a rerun at 100,000 events. Frozen objects are still freed when nothing
    refers to them; unfreezing first lets one collection reclaim what the previous dataset left in cycles. The
    first dataset of a process has no predecessor: frozen without a collection (a quarter of a second of its
    first page), what its loading left in cycles is reclaimed with the next dataset."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()


@st.cache_resource(show_spinner=False, max_entries=4)
def _merged(data_dir: str, data_version: tuple[Any, ...], url: str, store_version: tuple[Any, ...]) -> Dataset:  # noqa: ARG001 -- a cache key only
    stored = store().frames()
    merged = with_stored(_curated(data_dir, data_version), stored.events, stored.actors, stored.hidden,
                         stored.flows)
    _out_of_collections()
    return merged


@st.cache_resource(show_spinner=False)
def _extraction_pool(workers: int, max_waiting: int) -> JobPool:
    return JobPool(workers, max_waiting)


def extraction_pool() -> JobPool:
    """The readers of articles, shared by every visitor of this server process (see ``gasatlas.news.jobs``)."""
    return _extraction_pool(settings().extraction_workers, settings().extraction_queue)


def store() -> EventStore:
    """The event store of this deployment (``DATABASE_URL``), opened (and upgraded) once per process."""
    return _store(settings().database_url, settings().submissions_per_hour)


def curated(lang: Lang) -> Dataset:
    """The reviewed data files alone (what stored events may refer to)."""
    data_dir = settings().data_dir
    try:
        return _curated(str(data_dir), _data_version(data_dir))
    except DataValidationError as error:
        notices.refused(gettext("The atlas data could not be loaded. Fix the data files and reload:", lang), error)
        st.stop()


def dataset(lang: Lang, identity: Identity = ANONYMOUS) -> Dataset:
    """The curated data plus the published stored events, cached until a data file or the store
    changes — and, for a contributor, their own submissions awaiting review.

    Shared by all sessions, so callers must treat its frames as read-only. A broken
    data file stops the page with every problem listed; a store that cannot be
    opened or read only hides the stored events, with a plain warning (details in the log).
    """
    with st.spinner(gettext("Loading the atlas data…", lang)):
        base = curated(lang)
        try:
            public = _published()
            return with_pending(public, store().pending_frame(identity)) if identity.signed_in else public
        except StoreError as error:
            notices.store_unavailable(error, lang)
            return base


def warm_up(lang: Lang = "en") -> Dataset:
    """Fill this process's caches with what every first page asks for — the map's assets, the curated data,
    the store, the published dataset and its events' column file in ``lang`` — with the same keys the pages
    use, so a page asking meanwhile waits for this load (Streamlit locks each entry) instead of starting its
    own. Returns the published dataset; raises what loading raises (a page asking afterwards loads again and
    says what is wrong)."""
    ensure_vendor_assets()
    public = _published()
    published_event_columns(public, lang)
    return public


def _published() -> Dataset:
    """The curated data plus the store's published events, under the one cache key every caller uses."""
    data_dir = settings().data_dir
    return _merged(str(data_dir), _data_version(data_dir), settings().database_url, store().version())


@st.cache_resource(show_spinner=False, max_entries=event_columns.KEEP_FILES)
def _event_columns(version: str, lang: Lang, _events: pd.DataFrame) -> event_columns.EventColumns:
    return event_columns.publish(_events, lang, version, STATIC_DIR)


def published_event_columns(atlas: Dataset, lang: Lang) -> event_columns.EventColumns:
    """The column file of the published events (``gasatlas.map.event_columns``), written once per dataset
    version and language by whichever visitor needs it first. A contributor's view of ``atlas`` (with their
    submissions awaiting review, which the file leaves out) uses the public dataset's file."""
    public = dataset(lang) if atlas.holds_pending else atlas
    columns = _event_columns(public.events_version, lang, public.events)
    if not columns.path.exists():  # pruned meanwhile (another server process sharing the static folder)
        columns = event_columns.publish(public.events, lang, public.events_version, STATIC_DIR)
    return columns
