"""News feeds: moderators see how the watcher's feeds fare and choose which it reads."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import feeds, shell

lang, atlas = shell.page()

st.title(gettext("News feeds", lang))
st.caption(gettext("The feeds the watcher (python -m gasatlas.watch) reads by itself: how each fared, and its last "
                   "runs. What it finds waits in the review queue.", lang))
feeds.page(shell.visitor(), lang)
