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
from dataclasses import dataclass

import streamlit as st

from gasatlas.auth import Identity
from gasatlas.dataset.load import Dataset
from gasatlas.model.vocab import Lang
from gasatlas.ui import chrome, controls, embed, identity, navigation, orientation, resources, state
from gasatlas.ui.provenance import sidebar_footer


@dataclass(frozen=True)
class Run:
    """What the app found out before the page ran: the atlas this visitor sees, and who they are."""

    atlas: Dataset
    identity: Identity


_RUN: ContextVar[Run | None] = ContextVar("gasatlas_run", default=None)
"""Set while ``run_app`` runs in this script thread: ``page`` knows the app is around it."""


def run_app() -> None:
    """The entry script: page setup, who is visiting, the view from the URL, the chosen page, the URL again."""
    st.set_page_config(page_title="Central Asia Gas Atlas", page_icon=resources.FAVICON, layout="wide")
    resources.ensure_vendor_assets()
    who = identity.current()
    atlas = resources.dataset(state.url_language(), who)
    state.init(atlas)
    token = _RUN.set(Run(atlas, who))
    try:
        view = state.view()
        st.navigation(navigation.pages(view.lang, who, navigation.home_page(view.compare is not None)),
                      position="hidden" if embed.active() else "sidebar").run()
        state.publish(atlas)
    finally:
        _RUN.reset(token)


def page() -> tuple[Lang, Dataset]:
    """What every page starts with: the sidebar (account, language and filters), then the reader's
    language and the atlas. See the module docstring for a page file run without the app around it.

    The sidebar is drawn here, inside the page, so its widgets keep their identity whichever
    way Streamlit reached the page (Streamlit keys widgets by the page that draws them).
    """
    run = _RUN.get()
    if run is None:
        run_app()
        st.stop()
    if embed.active():  # no sidebar at all: the address sets the view (see ``gasatlas.ui.embed``)
        return state.view().lang, run.atlas
    lang = controls.language_selector()
    chrome.in_language(lang)
    identity.account(run.identity, lang)
    controls.filter_sidebar(run.atlas, lang)
    sidebar_footer(run.atlas, lang)
    orientation.orientation(run.atlas, lang)
    return lang, run.atlas


def visitor() -> Identity:
    """Who is using this run (for pages that change data; the store checks again)."""
    run = _RUN.get()
    if run is None:
        raise RuntimeError("shell.visitor() is for pages, after shell.page()")
    return run.identity
