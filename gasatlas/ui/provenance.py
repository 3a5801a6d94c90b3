"""Provenance every page shows: when the data was last updated, read from the data itself."""

from __future__ import annotations

import streamlit as st

from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext
from gasatlas.i18n.formats import format_date
from gasatlas.model.vocab import Lang


def provenance_line(atlas: Dataset, lang: Lang) -> str:
    """``Data last updated: 5 Dec 2026`` — the newest date in the data (``Dataset.last_updated``), never today's."""
    day = atlas.last_updated
    if day is None:
        return gettext("Data last updated: unknown", lang)
    return gettext("Data last updated: {date}", lang).format(date=format_date(day, "day", lang))


def sidebar_footer(atlas: Dataset, lang: Lang) -> None:
    """The last line of every page's sidebar."""
    st.sidebar.caption(provenance_line(atlas, lang))
