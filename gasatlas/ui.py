"""Streamlit glue shared by the entry script and every page: cached data, view state, sidebar.

Only this module and the files in ``pages/`` import Streamlit, so the rest of the
package stays testable without a browser or a script run. The view state lives
in ``st.session_state`` under the keys below and is mirrored to the URL, so a
link reproduces what the reader sees and every page shares one state.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from gasatlas.assets import install_vendor_assets
from gasatlas.config import settings
from gasatlas.data import DataValidationError, Dataset, load_dataset
from gasatlas.i18n import t
from gasatlas.viewstate import (
    BASEMAPS,
    Selection,
    ViewState,
    Vocabulary,
    from_query,
    to_query,
)
from gasatlas.vocab import LANGUAGES, Lang

LANGUAGE_NAMES: dict[Lang, str] = {"en": "English", "ru": "Русский"}
FAVICON = str(Path(__file__).with_name("resources") / "favicon.svg")
"""A local file: emoji and Material favicons are fetched from Google's servers."""

KEY_LANG = "lang"
KEY_BASEMAP = "basemap"
KEY_SELECTED = "selected"
KEY_INITIALISED = "_view_initialised"


@st.cache_resource(show_spinner=False)
def _vendor_assets_installed(static_dir: str) -> bool:
    install_vendor_assets(Path(static_dir))
    return True


def ensure_vendor_assets() -> None:
    """Copy Leaflet & co. into the static folder once per server process."""
    _vendor_assets_installed(str(settings().static_dir))


def _data_version(data_dir: Path) -> tuple[tuple[str, int], ...]:
    """File names and modification times: editing a data file invalidates the cache."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.iterdir() if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(data_dir: str, version: tuple) -> Dataset:
    return load_dataset(Path(data_dir))


def current_language() -> Lang:
    """The chosen language; before the selector exists, the one the URL asks for."""
    lang = st.session_state.get(KEY_LANG) or st.query_params.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def dataset() -> Dataset:
    """The validated dataset, loaded once per data version and shared by all sessions.

    Shared, so callers must treat its frames as read-only. A broken data file
    stops the page with every problem listed instead of a traceback.
    """
    data_dir = settings().data_dir
    try:
        with st.spinner(t("loading", current_language())):
            return _load(str(data_dir), _data_version(data_dir))
    except DataValidationError as error:
        st.error(t("data_error", current_language()))
        st.code("\n".join(str(problem) for problem in error.problems), language=None)
        st.stop()


def vocabulary(atlas: Dataset) -> Vocabulary:
    return Vocabulary(
        countries=frozenset(atlas.countries["iso_a3"]),
        event_types=frozenset(atlas.events["event_type"]),
        actors=frozenset(atlas.actors["id"]),
        ids={
            "event": frozenset(atlas.events["id"]),
            "route": frozenset(atlas.routes["id"]),
            "facility": frozenset(atlas.facilities["id"]),
        },
    )


def init_view_from_url(atlas: Dataset) -> None:
    """On a session's first run, put the view the URL describes into the widgets' state."""
    if st.session_state.get(KEY_INITIALISED):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state, problems = from_query(params, vocabulary(atlas), default_basemap=settings().basemap)
    st.session_state[KEY_LANG] = state.lang
    st.session_state[KEY_BASEMAP] = state.basemap
    st.session_state[KEY_SELECTED] = state.selected.code() if state.selected else None
    st.session_state[KEY_INITIALISED] = True
    for problem in problems:
        st.toast(f"{t('link_ignored', state.lang)}: {problem}")


def selected() -> Selection | None:
    code = st.session_state.get(KEY_SELECTED)
    if not code:
        return None
    kind, _, item = code.partition(":")
    return Selection(kind, item)


def current_view() -> ViewState:
    return ViewState(
        lang=current_language(),
        basemap=st.session_state.get(KEY_BASEMAP, settings().basemap),
        selected=selected(),
    )


def publish_view(state: ViewState) -> None:
    """Mirror the view into the URL (only when it changed, to spare the browser history)."""
    wanted = to_query(state, default_basemap=settings().basemap)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)


def language_selector() -> Lang:
    st.sidebar.segmented_control(
        t("language", "en") + " / " + t("language", "ru"),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=KEY_LANG,
        required=True,
    )
    return current_language()


def basemap_selector(lang: Lang) -> str:
    return st.sidebar.radio(
        t("basemap", lang),
        list(BASEMAPS),
        format_func=lambda code: t(f"basemap_{code}", lang),
        help=t("basemap_help", lang),
        key=KEY_BASEMAP,
    )


def day_span(atlas: Dataset) -> tuple[dt.date, dt.date]:
    """First and last event day: the range the date slider covers."""
    dates = atlas.events["date"]
    return dates.min().date(), dates.max().date()
