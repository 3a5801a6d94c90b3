"""Timeline: when things happened, and how each route's status changed."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import shell, timeline

lang, atlas = shell.page()

st.title(gettext("Timeline", lang))
st.caption(gettext("Drag across the events to choose a date range for every page; click an event to select it.", lang))
timeline.timeline(atlas, lang)
