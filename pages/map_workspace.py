"""The map workspace: the gas network and facilities of the region."""

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from gasatlas import ui
from gasatlas.i18n import t
from gasatlas.layers import base_map, overlays

lang = ui.current_language()
atlas = ui.dataset()

st.title(t("app_title", lang))
st.caption(t("app_tagline", lang))

as_of = st.sidebar.date_input(t("network_as_of", lang), value=ui.day_span(atlas)[1], key="as_of")
basemap = ui.basemap_selector(lang)

st_folium(
    base_map(atlas.country_shapes, basemap),
    feature_group_to_add=overlays(atlas, as_of, lang),
    key="atlas-map",
    height=620,
    use_container_width=True,
    returned_objects=[],
)
