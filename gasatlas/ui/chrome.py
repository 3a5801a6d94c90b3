"""Streamlit's own interface text in the reader's language, where Streamlit itself writes only English.

Streamlit 1.67 offers no translation of its widgets' built-in words: the file
uploader's button and size limit, the empty date field's ``yyyy``/``mm``/``dd``,
the keyboard users' "Skip to main content". Outside English, a style sheet
(``mapjs/streamlit_chrome.css``) hides them and writes the atlas's own words in
their place; the widgets keep working as they are.
"""

from __future__ import annotations

from string import Template

import streamlit as st

from gasatlas.formats import format_number
from gasatlas.i18n import t
from gasatlas.leaflet import map_resource
from gasatlas.sanitize import css_string
from gasatlas.vocab import Lang


def chrome_css(lang: Lang, upload_limit_mb: float) -> str:
    """The style sheet that writes Streamlit's built-in words in ``lang``."""
    size = f"{format_number(upload_limit_mb, lang)}\u00a0{t('unit_megabytes', lang)}"
    texts = {"upload": t("upload_button", lang), "limit": t("upload_limit", lang).format(size=size),
             "skip": t("skip_to_content", lang), "year": t("date_year", lang), "month": t("date_month", lang),
             "day": t("date_day", lang)}
    return Template(map_resource("streamlit_chrome.css")).substitute(
        {name: css_string(text) for name, text in texts.items()})


def in_language(lang: Lang) -> None:
    """On every page: Streamlit's own words in the reader's language (English needs nothing)."""
    if lang != "en":
        st.html(f"<style>{chrome_css(lang, st.get_option('server.maxUploadSize'))}</style>")
