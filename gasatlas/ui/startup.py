"""What the server does once, before it accepts its first reader.

A restarted server's first visitor used to wait for the imports every page needs (pandas, pyarrow,
folium, SQLAlchemy, pydantic, Babel and the atlas's own modules: ≈ 2.4 s of a 4–5 s first page at
100,000 events, measured with py-spy). ``app.py`` hands ``lifespan`` to ``st.App``, whose server runs it
before it listens, so those imports are paid at start-up instead. The dataset itself is still read by
the first run that needs it: the data can change while the server runs (the news watcher), and a
start-up that validated a large never-seen folder would keep the server unreachable meanwhile.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from streamlit import runtime
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner_utils import script_run_context

import gasatlas.ui

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


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """``st.App``'s start-up hook: the imports, before the server listens (nothing to release at the end)."""
    LOGGER.info("imported the pages' modules in %.1f s", import_page_modules())
    yield
