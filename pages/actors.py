"""Actors: who met whom, linked by the events they share."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import actors, shell

lang, atlas = shell.page()

st.title(t("actors_title", lang))
st.caption(t("actors_help", lang))
actors.actors(atlas, lang)
