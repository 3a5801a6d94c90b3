"""The app's pages, in one list the entry script and page links share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

import streamlit as st

from gasatlas.auth import Identity, Permission
from gasatlas.i18n import N_, gettext
from gasatlas.model.vocab import Lang


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    """Its name in the menu, in English (marked with ``N_``, translated where the menu is made)."""
    icon: str

    @property
    def url_path(self) -> str:
        """The file's name: the address Streamlit's legacy ``pages/`` mode gives it too (see ``shell``)."""
        return PurePosixPath(self.path).stem


MAP = PageSpec("pages/map.py", N_("Map"), ":material/map:")
TIMELINE = PageSpec("pages/timeline.py", N_("Timeline"), ":material/timeline:")
ACTORS = PageSpec("pages/actors.py", N_("Actors"), ":material/hub:")
ROUTES = PageSpec("pages/routes.py", N_("Routes"), ":material/conversion_path:")
FLOWS = PageSpec("pages/flows.py", N_("Flows"), ":material/swap_horiz:")
COMPARE = PageSpec("pages/compare.py", N_("Compare"), ":material/compare:")
DATA = PageSpec("pages/data.py", N_("Data & sources"), ":material/dataset:")
ADD_NEWS = PageSpec("pages/add_news.py", N_("Add news"), ":material/post_add:")
REVIEW = PageSpec("pages/review.py", N_("Review queue"), ":material/fact_check:")
AUDIT = PageSpec("pages/audit.py", N_("Audit log"), ":material/history:")
FEEDS = PageSpec("pages/feeds.py", N_("News feeds"), ":material/rss_feed:")
PAGES = [MAP, TIMELINE, ACTORS, ROUTES, FLOWS, COMPARE, DATA, ADD_NEWS, REVIEW, FEEDS, AUDIT]
MODERATORS_ONLY = frozenset({REVIEW, FEEDS, AUDIT})


def pages(lang: Lang, visitor: Identity, home: PageSpec = MAP) -> list[st.Page]:
    """The navigation entries in the reader's language; ``home`` (the map, unless the address asks to
    compare two moments) is the page the bare address ``/`` opens.

    The moderators' pages are listed for moderators only; for others their address
    still opens them, and they say who may use them (the store refuses anyway).
    """
    moderator = visitor.can(Permission.MODERATE)
    return [
        st.Page(spec.path, title=gettext(spec.title, lang), icon=spec.icon, url_path=spec.url_path,
                default=spec is home, visibility="visible" if moderator or spec not in MODERATORS_ONLY else "hidden")
        for spec in PAGES
    ]


def home_page(compare_requested: bool) -> PageSpec:
    """The page ``/`` opens: a shared ``/?compare=A,B`` means the compare page, as the issue's address promises."""
    return COMPARE if compare_requested else MAP
