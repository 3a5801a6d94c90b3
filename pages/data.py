"""Data & sources: every source, the data dictionary, downloads, and how to cite the view."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import data, shell

lang, atlas = shell.page()

st.title(gettext("Data and sources", lang))
st.subheader(gettext("Downloads", lang))
data.downloads(atlas, lang)
st.subheader(gettext("The whole atlas in the data/ formats", lang))
data.stored_events(shell.visitor(), lang)
st.subheader(gettext("Cite this view", lang))
data.citation(atlas, lang)
st.subheader(gettext("Sources", lang))
data.sources(atlas, lang)
st.subheader(gettext("Data dictionary", lang))
data.dictionary(lang)
