"""The routes page: every route and facility in tables, and one route in detail, its gas flows included."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from gasatlas.analysis.charts import route_flows_chart, route_status_chart
from gasatlas.analysis.flows import readable
from gasatlas.analysis.timeline import status_bands
from gasatlas.analysis.viewstate import Selection
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext
from gasatlas.i18n.formats import format_date, format_number
from gasatlas.map import event_table
from gasatlas.map.event_table import SOURCE_HOST
from gasatlas.map.layers import base_map, events_layer, facilities_layer, line_parts, routes_layer
from gasatlas.model import datewindow, records
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import Lang
from gasatlas.ui import chrome, state, takeaway

LINK = st.column_config.LinkColumn
FLOW_NUMBERS = {"volume_bcm": 2}
"""Decimals of the numbers in a table of flow figures (``numbers_in``)."""
ROUTE_NUMBERS = {"capacity": 1, "length": 0}
"""Decimals of the numbers in the routes table."""


def catalogue(atlas: Dataset, lang: Lang) -> None:
    """Routes and facilities as sortable tables, statuses as of the end of the date range."""
    as_of = state.view().filter.dates.as_of
    st.subheader(gettext("Routes", lang))
    st.dataframe(
        chrome.numbers_in(event_table.routes_table(atlas.routes, atlas.countries, as_of, lang),
                          ROUTE_NUMBERS, lang), hide_index=True, width="stretch",
        column_config={
            "name": gettext("Name", lang), "kind": gettext("Kind", lang),
            "status": gettext("Status on {date}", lang).format(date=format_date(as_of, "day", lang)),
            "capacity": gettext("Capacity, bcm/yr", lang),
            "length": gettext("Length, km", lang),
            "operator": gettext("Operator", lang), "countries": gettext("Countries", lang),
            "history": st.column_config.TextColumn(gettext("Status history", lang), width="large"),
            "source": LINK(gettext("Source", lang), display_text=SOURCE_HOST),
        },
        placeholder=event_table.MISSING,
    )
    st.subheader(gettext("Facilities", lang))
    st.dataframe(
        chrome.numbers_in(event_table.facilities_table(atlas.facilities, atlas.countries, lang), {"capacity": 1}, lang),
        hide_index=True, width="stretch",
        column_config={
            "name": gettext("Name", lang), "kind": gettext("Kind", lang), "country": gettext("Country", lang),
            "capacity": gettext("Capacity, bcm/yr", lang),
            "precision": gettext("Location", lang),
            "source": LINK(gettext("Source", lang), display_text=SOURCE_HOST),
        },
        placeholder=event_table.MISSING,
    )


def flow_columns(lang: Lang) -> dict[str, Any]:
    """How the pages show ``flows.readable`` rows: headers in the reader's language, sources as links."""
    return {
        "period": gettext("Period", lang), "route": gettext("Route", lang), "direction": gettext("Direction", lang),
        "volume_bcm": gettext("Volume, bcm", lang),
        "kind_label": gettext("Kind", lang),
        "source": st.column_config.TextColumn(gettext("Source", lang), width="medium"),
        "url": LINK(gettext("URL", lang), display_text=SOURCE_HOST),
        "quote": st.column_config.TextColumn(gettext("Quote", lang)),
        "note": st.column_config.TextColumn(gettext("Note", lang)),
        "retrieved": st.column_config.DateColumn(gettext("Checked on", lang), format="YYYY-MM-DD"),
    }


def route_flows(atlas: Dataset, route: Any, lang: Lang) -> None:
    """A route's figures over the years beside its capacity, each kind apart, every number with its source;
    months and quarters in a chart of their own (bcm in a month is not comparable with a year's)."""
    st.caption(gettext("Gas that moved, contracts and capacity, by year", lang))
    figures = atlas.flows[atlas.flows["route_id"] == route.id]
    if figures.empty:
        st.info(gettext("No flow figure for this route yet.", lang), icon=":material/water_drop:")
        return
    names = dict(zip(atlas.countries["iso_a3"], atlas.countries[f"name_{lang}"], strict=True))
    rows = readable(figures, names, {route.id: getattr(route, f"name_{lang}")}, lang)
    yearly, within = rows[figures["whole_year"].to_numpy()], rows[~figures["whole_year"].to_numpy()]
    capacity = None
    if not pd.isna(route.capacity_bcm):
        capacity = pd.DataFrame([{"volume_bcm": route.capacity_bcm, "source": route.source_title,
                                  "url": route.source_url, "label": f"{gettext('Capacity', lang)}: "
                                  f"{format_number(route.capacity_bcm, lang)} {gettext('bcm/yr', lang)}"}])
    with st.container(key="route-flows"):
        if not yearly.empty:
            chart = route_flows_chart(yearly, lang, capacity)
            st.altair_chart(chart, width="stretch")
            takeaway.chart_downloads(chart, f"flows-{route.id}", lang)
        if not within.empty:
            st.caption(gettext("Months and quarters (bcm in the period, not comparable with yearly totals)", lang))
            st.altair_chart(route_flows_chart(within, lang), width="stretch")
        st.dataframe(chrome.numbers_in(rows[["period", "direction", "volume_bcm", "kind_label", "source", "url"]],
                                       FLOW_NUMBERS, lang), hide_index=True,
                     width="stretch", column_config=flow_columns(lang), placeholder=event_table.MISSING)


def _choose(key: str) -> None:
    state.select(Selection("route", st.session_state[key]), centre=False, refresh_table=True)


def route_detail(atlas: Dataset, lang: Lang) -> None:
    """One route: its own small map with its events, its status over time and its event list."""
    view = state.view()
    names = dict(zip(atlas.routes["id"], atlas.routes[f"name_{lang}"], strict=True))
    ids = list(names)
    current = view.selected.id if view.selected and view.selected.kind == "route" else ids[0]
    key = state.widget_key("route-choice", names.values())
    route_id = st.selectbox(gettext("Route", lang), ids, index=ids.index(current), format_func=names.__getitem__,
                            key=key, on_change=_choose, args=(key,))
    route = records.rows(atlas.routes, route_id)
    events = view.filter.shown(atlas)
    linked = events[events["route_ids"].map(lambda routes: route_id in routes)]

    map_column, detail_column = st.columns([0.55, 0.45], gap="medium")
    with map_column:
        facilities = atlas.facilities[atlas.facilities["id"].isin(set(itertools.chain(*linked["facility_ids"])))]
        layers = [routes_layer(routes_as_of(route, view.filter.dates.as_of), lang), facilities_layer(facilities, lang),
                  events_layer(linked, lang, atlas.events_version)]
        coordinates = [point for part in line_parts(route.iloc[0]["geometry"]) for point in part]
        lons, lats = [p[0] for p in coordinates], [p[1] for p in coordinates]
        fmap = base_map(atlas.country_shapes, view.basemap, ((min(lats), min(lons)), (max(lats), max(lons))), lang)
        st_folium(fmap, feature_group_to_add=layers, key=f"route-map-{route_id}", height=380,
                  use_container_width=True, returned_objects=[])
    with detail_column:
        span = state.day_span(atlas)
        known = [change["from"] for change in route.iloc[0]["status_history"] if change["from"]]
        year = dt.timedelta(days=365)
        start = datewindow.shift(min([span.start, *known]), -year)
        bands = status_bands(route, start, datewindow.shift(span.end, year), lang)
        st.caption(gettext("Status history", lang))
        st.altair_chart(route_status_chart(bands, lang), width="stretch")
        route_flows(atlas, next(route.itertuples()), lang)
        st.caption(gettext("Its events (within the filters)", lang))
        st.dataframe(event_table.events_table(linked, atlas, lang)[["date", "title", "type"]], hide_index=True,
                     width="stretch", column_config={"date": gettext("Date", lang), "title": gettext("Event", lang),
                                                     "type": gettext("Type", lang)}, placeholder=event_table.MISSING)
