"""Things loaded once per server process: the validated dataset and the map's assets."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from gasatlas.assets import install_vendor_assets
from gasatlas.config import STATIC_DIR, settings
from gasatlas.data import DataValidationError, Dataset, load_dataset
from gasatlas.i18n import t
from gasatlas.vocab import Lang

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
def _load(data_dir: str, version: tuple) -> Dataset:
    return load_dataset(Path(data_dir))


def dataset(lang: Lang) -> Dataset:
    """The validated dataset, loaded once per data version and shared by all sessions.

    Shared, so callers must treat its frames as read-only. A broken data file
    stops the page with every problem listed instead of a traceback.
    """
    data_dir = settings().data_dir
    try:
        with st.spinner(t("loading", lang)):
            return _load(str(data_dir), _data_version(data_dir))
    except DataValidationError as error:
        st.error(t("data_error", lang))
        st.code("\n".join(str(problem) for problem in error.problems), language=None)
        st.stop()
