"""News feeds: moderators see how the watcher's feeds fare and choose which it reads."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import feeds, shell

lang, atlas = shell.page()

st.title(t("feeds_title", lang))
st.caption(t("feeds_help", lang))
feeds.page(shell.visitor(), lang)
