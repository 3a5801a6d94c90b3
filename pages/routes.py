"""Routes: every route and facility, and one route in detail."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import routes, shell

lang, atlas = shell.page()

st.title(gettext("Routes and facilities", lang))
st.subheader(gettext("One route", lang))
routes.route_detail(atlas, lang)
routes.catalogue(atlas, lang)
