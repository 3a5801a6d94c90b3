"""Actors: who met whom, linked by the events they share."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import actors, shell

lang, atlas = shell.page()

st.title(gettext("Who met whom", lang))
st.caption(gettext("People and organisations are linked when they appear in the same event; circle size is the number "
                   "of events. Click a circle or a table row to show only that actor's events everywhere.", lang))
actors.actors(atlas, lang)
