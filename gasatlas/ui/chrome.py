"""Streamlit's own interface text in the reader's language, where Streamlit itself writes only English.

Streamlit 1.67 offers no translation of its widgets' built-in words: the file
uploader's button and size limit, the empty date field's ``yyyy``/``mm``/``dd``,
the keyboard users' "Skip to main content", the "Stop" button shown while a page runs. Outside English, a style sheet
(``map/js/streamlit_chrome.css``) hides them and writes the atlas's own words in
their place; the widgets keep working as they are. The date pickers' calendars,
which name months and weekdays in the language the browser had when the page
loaded (Streamlit has no setting for it), get the page's names from a script
(``map/js/calendar_words.js``). Numbers in tables, which Streamlit formats in the
browser, are written here too (``numbers_in``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from string import Template
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.i18n.formats import format_number
from gasatlas.map.leaflet import map_resource
from gasatlas.model.sanitize import css_string
from gasatlas.model.vocab import Lang

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

CHROME_KEY = "ga-chrome"
"""The container of the style sheet and script (``map/js/chrome_container.css`` hides it)."""
CHROME_CONTAINER_CSS = map_resource("chrome_container.css")
CALENDAR_WORDS_JS = map_resource("calendar_words.js")
CALENDAR_LOCALES: dict[Lang, str | None] = {"en": None, "ru": "ru-RU"}
"""The calendars' language per page language (``None``: Streamlit's, the browser's)."""


def chrome_css(lang: Lang, upload_limit_mb: float) -> str:
    """The style sheet that writes Streamlit's built-in words in ``lang``."""
    size = f"{format_number(upload_limit_mb, lang)}\u00a0{gettext('MB', lang)}"
    texts = {"upload": gettext("Upload", lang), "limit": gettext("{size} per file", lang).format(size=size),
             "skip": gettext("Skip to main content", lang), "year": gettext("yyyy", lang), "month": gettext("mm", lang),
             "day": gettext("dd", lang), "stop": gettext("Stop", lang), "stopping": gettext("Stopping…", lang)}
    return Template(map_resource("streamlit_chrome.css")).substitute(
        {name: css_string(text) for name, text in texts.items()})


def in_language(lang: Lang) -> None:
    """On every page: Streamlit's own words and its calendars in the reader's language.

    The style sheet and script are an element of the sidebar, in a container they hide: a style-only ``st.html``
    would go to Streamlit's event container, which every rerun empties first — English would flash back meanwhile.
    English needs no style sheet, but its script gives the calendars back their own names after Russian.
    """
    words = "" if lang == "en" else chrome_css(lang, st.get_option("server.maxUploadSize"))
    script = f"({CALENDAR_WORDS_JS})({json.dumps(CALENDAR_LOCALES[lang])});"
    with st.sidebar.container(key=CHROME_KEY):
        st.html(f"<style>{CHROME_CONTAINER_CSS}{words}</style><script>{script}</script><span></span>",
                unsafe_allow_javascript=True)


def numbers_in(frame: pd.DataFrame, decimals: Mapping[str, int], lang: Lang) -> Styler:
    """``frame`` with the numbers of the ``decimals`` columns written in ``lang`` by the atlas's one formatter
    (``1,234.5`` / ``1 234,5``, as the cards write them) but still sorting as numbers: a pandas Styler's display
    text, which Streamlit shows while sorting by the value. (Streamlit would format them in the browser, with a dot
    or in the browser's locale, never in the page's language.)"""
    return frame.style.format({column: functools.partial(_number_text, lang=lang, decimals=places)
                               for column, places in decimals.items() if column in frame.columns})


def _number_text(value: float, lang: Lang, decimals: int) -> str:
    return "—" if pd.isna(value) else format_number(value, lang, decimals)
