"""The app's pages, in one list the entry script and page links share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

import streamlit as st

from gasatlas.auth import Identity, Permission
from gasatlas.i18n import t
from gasatlas.model.vocab import Lang


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_key: str
    icon: str

    @property
    def url_path(self) -> str:
        """The file's name: the address Streamlit's legacy ``pages/`` mode gives it too (see ``shell``)."""
        return PurePosixPath(self.path).stem


MAP = PageSpec("pages/map.py", "nav_map", ":material/map:")
TIMELINE = PageSpec("pages/timeline.py", "nav_timeline", ":material/timeline:")
ACTORS = PageSpec("pages/actors.py", "nav_actors", ":material/hub:")
ROUTES = PageSpec("pages/routes.py", "nav_routes", ":material/conversion_path:")
FLOWS = PageSpec("pages/flows.py", "nav_flows", ":material/swap_horiz:")
COMPARE = PageSpec("pages/compare.py", "nav_compare", ":material/compare:")
DATA = PageSpec("pages/data.py", "nav_data", ":material/dataset:")
ADD_NEWS = PageSpec("pages/add_news.py", "nav_add_news", ":material/post_add:")
REVIEW = PageSpec("pages/review.py", "nav_review", ":material/fact_check:")
AUDIT = PageSpec("pages/audit.py", "nav_audit", ":material/history:")
FEEDS = PageSpec("pages/feeds.py", "nav_feeds", ":material/rss_feed:")
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
        st.Page(spec.path, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path,
                default=spec is home, visibility="visible" if moderator or spec not in MODERATORS_ONLY else "hidden")
        for spec in PAGES
    ]


def home_page(compare_requested: bool) -> PageSpec:
    """The page ``/`` opens: a shared ``/?compare=A,B`` means the compare page, as the issue's address promises."""
    return COMPARE if compare_requested else MAP
