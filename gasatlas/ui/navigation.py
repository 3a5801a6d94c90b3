"""The app's pages, in one list the entry script and page links share."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from gasatlas.i18n import t
from gasatlas.vocab import Lang


@dataclass(frozen=True)
class PageSpec:
    path: str
    url_path: str  # deliberately not the file name: see ``pages``
    title_key: str
    icon: str


MAP = PageSpec("pages/map_workspace.py", "map", "nav_map", ":material/map:")
TIMELINE = PageSpec("pages/timeline_view.py", "timeline", "nav_timeline", ":material/timeline:")
ACTORS = PageSpec("pages/actors_network.py", "actors", "nav_actors", ":material/hub:")
ROUTES = PageSpec("pages/routes_catalogue.py", "routes", "nav_routes", ":material/conversion_path:")
DATA = PageSpec("pages/data_sources.py", "data", "nav_data", ":material/dataset:")
ADD_NEWS = PageSpec("pages/add_news.py", "add-news", "nav_add_news", ":material/post_add:")
PAGES = [MAP, TIMELINE, ACTORS, ROUTES, DATA, ADD_NEWS]


def pages(lang: Lang) -> list[st.Page]:
    """The navigation entries in the reader's language.

    URL paths differ from the file names: Streamlit also registers every file in
    pages/ as a legacy page under its file name, and a rerun that names such a
    page would run that file alone, without the entry script.
    """
    return [
        st.Page(spec.path, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path,
                default=spec is MAP)
        for spec in PAGES
    ]
