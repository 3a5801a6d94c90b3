"""The map workspace: the network as of a date, the filtered events, and what the reader picked."""

import streamlit as st

from gasatlas import tables
from gasatlas.cards import CARD_CSS, legend_html
from gasatlas.flows import FlowYear
from gasatlas.i18n import format_date, t
from gasatlas.layers import base_map, overlays
from gasatlas.ui import controls, shell, state, workspace

lang, atlas = shell.page()
view = state.view()
shown = view.filter.shown(atlas, tables.MAP_PAGE_COLUMNS)
as_of = view.filter.dates.as_of
basemap = controls.basemap_selector(lang)
flow_year = FlowYear.of(atlas.flows, as_of.year) if controls.route_width_selector(lang) == "flow" else None

st.title(t("app_title", lang))
st.caption(
    t("shown_of_total", lang).format(shown=len(shown), total=len(atlas.events))
    + " · "
    + t("network_on", lang).format(date=format_date(as_of, "day", lang))
    + ("" if flow_year is None else " · " + t("widths_on", lang).format(year=flow_year.year))
)

map_column, card_column = st.columns([0.64, 0.36], gap="medium")
with map_column:
    workspace.render_map(
        atlas,
        base_map(atlas.country_shapes, basemap),
        overlays(atlas, shown, as_of, lang, view.selected, st.session_state[state.KEY_CLICK_NONCE], flow_year),
        center=st.session_state[state.KEY_MAP_CENTER],
    )
with card_column:
    workspace.detail_card(atlas, view.selected, shown, as_of, shell.visitor(), lang)
    with st.expander(t("legend", lang), expanded=view.selected is None, icon=":material/info:"):
        st.html(f"<style>{CARD_CSS}</style>{legend_html(lang, None if flow_year is None else flow_year.year)}")

st.subheader(t("events_table", lang))
if shown.empty:
    st.info(t("no_match", lang), icon=":material/search_off:")
    st.button(t("reset_filters", lang), on_click=state.reset_filters, args=(atlas,), key="empty-reset", type="primary")
else:
    workspace.events_table(atlas, shown, lang)
