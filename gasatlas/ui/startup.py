"""What the server does once, as it starts: a restarted server's first reader should not wait for it.

``app.py`` hands ``lifespan`` to ``st.App``, whose server runs it before it listens. It imports what every
page needs (pandas, pyarrow, folium, SQLAlchemy, pydantic, Babel and the atlas's own modules: 1.3–2.4 s of
a first page at 100,000 events, by py-spy), then starts loading the shared data in a background thread
and lets the server listen at once: a restart reads its validated data back from the disk cache in about
a second, but data the server has never seen takes long to validate (a minute at a million events), and
the server should answer meanwhile. A first reader arriving before the load is done waits for that same
load, not a second one.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from streamlit import runtime
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner_utils import script_run_context

import gasatlas.ui
from gasatlas.analysis.filters import FACETS, EventFilter, facet_counts
from gasatlas.dataset.load import Dataset
from gasatlas.ui import resources, state

LOGGER = get_logger(__name__)
"""Streamlit's logger: its messages reach the server log at Streamlit's ``logger.level``."""


def page_modules() -> list[str]:
    """Every module of ``gasatlas.ui``: together they import what any page needs at its first run."""
    return sorted(f"gasatlas.ui.{info.name}" for info in pkgutil.iter_modules(gasatlas.ui.__path__))


@contextmanager
def _outside_a_script_run() -> Iterator[None]:
    """Quiets Streamlit's "missing ScriptRunContext" warning, which every component declared at import
    logs when no script runs: expected here, and registered below instead."""
    streamlit_logger = logging.getLogger(script_run_context.__name__)
    level = streamlit_logger.level
    streamlit_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        streamlit_logger.setLevel(level)


def import_page_modules() -> float:
    """Imports ``page_modules()`` and registers the map's component; returns the seconds it took.

    Streamlit registers a component only when the module declaring it is imported by a script run;
    imported here, streamlit-folium's would be unknown to the server (its frame answered 404), so it
    is registered with the running server by hand.
    """
    started = time.perf_counter()
    with _outside_a_script_run():
        for name in page_modules():
            importlib.import_module(name)
        import streamlit_folium
    runtime.get_instance().component_registry.register_component(streamlit_folium._component_func)
    return time.perf_counter() - started


def index_published_data(atlas: Dataset) -> None:
    """What the first page computes once per dataset and keeps while the dataset lives: the codes a link may name
    (``state.vocabulary``), the filters' per-value indexes (built by the first facet count), the date the data
    speaks of. py-spy: 0.4 s of a 0.7 s first run at 100,000 events, once the data was loaded. (Kept in plain
    per-dataset memos, not Streamlit's locked cache: a page asking while they are built builds them too.)"""
    state.vocabulary(atlas)
    for facet in FACETS:
        facet_counts(atlas.events, EventFilter(), facet)
    _ = atlas.last_updated


def load_shared_data() -> None:
    """``resources.warm_up`` and ``index_published_data`` in the background: a failure is only logged, as the
    first page that needs the data loads it again and shows the reader what is wrong."""
    started = time.perf_counter()
    try:
        with _outside_a_script_run():
            index_published_data(resources.warm_up())
    except Exception:
        LOGGER.warning("the shared data did not load at start-up; the first page will load it", exc_info=True)
    else:
        LOGGER.info("loaded the shared data in %.1f s", time.perf_counter() - started)


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """``st.App``'s start-up hook: the imports before the server listens, the data beside it (nothing to release
    at the end: the loading thread is a daemon)."""
    LOGGER.info("imported the pages' modules in %.1f s", import_page_modules())
    threading.Thread(target=load_shared_data, name="gasatlas-start-up", daemon=True).start()
    yield
