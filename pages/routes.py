"""Routes: every route and facility, and one route in detail."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import routes, shell

lang, atlas = shell.page()

st.title(t("routes_title", lang))
st.subheader(t("route_detail", lang))
routes.route_detail(atlas, lang)
routes.catalogue(atlas, lang)
