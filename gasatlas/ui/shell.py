"""What runs around every page: page setup, the shared view, the sidebar and the navigation.

``app.py`` calls ``run_app``; every page file starts with ``page``. The two meet
because of how Streamlit treats a ``pages/`` folder beside the entry script: until
``st.navigation`` has run once in a server process, Streamlit serves the legacy
multipage mode, in which an address such as ``/timeline`` runs ``pages/timeline.py``
*alone*. So a shared link opened as the first visit to a fresh server reaches the
page file without the app around it; ``page`` notices, runs the app (whose
``st.navigation`` then runs the same page properly, inside it) and stops the
legacy run. Page files are named after their addresses so that the legacy mode
finds them instead of answering "Page not found".
"""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from gasatlas.data import Dataset
from gasatlas.ui import controls, navigation, resources, state
from gasatlas.vocab import Lang

_ATLAS: ContextVar[Dataset | None] = ContextVar("gasatlas_atlas", default=None)
"""The atlas of this run while ``run_app`` runs in this script thread: ``page`` knows the app is around it."""


def run_app() -> None:
    """The entry script: page setup, the view from the URL, the chosen page, then the view back into the URL."""
    st.set_page_config(page_title="Central Asia Gas Atlas", page_icon=resources.FAVICON, layout="wide")
    resources.ensure_vendor_assets()
    atlas = resources.dataset(state.url_language())
    state.init(atlas)
    token = _ATLAS.set(atlas)
    try:
        st.navigation(navigation.pages(state.view().lang)).run()
        state.publish(atlas)
    finally:
        _ATLAS.reset(token)


def page() -> tuple[Lang, Dataset]:
    """What every page starts with: the sidebar (language and filters), then the reader's language
    and the atlas. See the module docstring for a page file run without the app around it.

    The sidebar is drawn here, inside the page, so its widgets keep their identity whichever
    way Streamlit reached the page (Streamlit keys widgets by the page that draws them).
    """
    atlas = _ATLAS.get()
    if atlas is None:
        run_app()
        st.stop()
    lang = controls.language_selector()
    controls.filter_sidebar(atlas, lang)
    return lang, atlas
