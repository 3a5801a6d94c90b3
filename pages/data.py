"""Data & sources: every source, the data dictionary, downloads, and how to cite the view."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import data, shell

lang, atlas = shell.page()

st.title(t("data_title", lang))
st.subheader(t("downloads", lang))
data.downloads(atlas, lang)
st.subheader(t("stored_title", lang))
data.stored_events(shell.visitor(), lang)
st.subheader(t("cite", lang))
data.citation(atlas, lang)
st.subheader(t("sources", lang))
data.sources(atlas, lang)
st.subheader(t("dictionary", lang))
data.dictionary(lang)
