"""Map: the network as of the end of the date range, the events in view, and what the reader picked."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import map as map_page
from gasatlas.ui import shell

lang, atlas = shell.page()

st.title(t("app_title", lang))
map_page.workspace(atlas, shell.visitor(), lang)
