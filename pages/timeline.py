"""Timeline: when things happened, and how each route's status changed."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import shell, timeline

lang, atlas = shell.page()

st.title(t("timeline_title", lang))
st.caption(t("timeline_help", lang))
timeline.timeline(atlas, lang)
