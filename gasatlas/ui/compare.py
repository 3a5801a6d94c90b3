"""The compare page (``pages/compare.py``): two days chosen, then what changed between them — on a map of the
network on the later day with each change written on its route, and in tables of route changes, agreements,
flows by route and by country, and every event in between. The two days live in the view (``?compare=``)."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from gasatlas.dataset.load import Dataset
from gasatlas.i18n import t
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT, format_date
from gasatlas.map import compare, event_table
from gasatlas.map.layers import base_map, country_labels_layer, events_layer, routes_layer
from gasatlas.model import datewindow
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import Lang
from gasatlas.ui import state, takeaway
from gasatlas.ui.routes import LINK

MAP_HEIGHT = 480


def chosen(atlas: Dataset) -> compare.Moments:
    """The two moments in the view; without them, the ends of the reader's date range."""
    view = state.view()
    if view.compare is not None:
        return compare.Moments.of(*view.compare)
    dates = view.filter.dates.clamped(state.day_span(atlas))
    return compare.Moments.of(dates.start, dates.end)


def _on_pick(atlas: Dataset, key: str, end: int) -> None:
    """Date widget callback: set one moment; the pair is kept in order (a later first day swaps them)."""
    picked, moments = st.session_state[key], chosen(atlas)
    pair = (picked, moments.after) if end == 0 else (moments.before, picked)
    state.update(compare=(min(pair), max(pair)))
    state.recreate_widgets()


def pickers(atlas: Dataset, moments: compare.Moments, lang: Lang) -> None:
    first, second = st.columns(2)
    for column, end, day, name in ((first, 0, moments.before, "compare_first"),
                                   (second, 1, moments.after, "compare_second")):
        key = state.widget_key(f"compare-{end}")
        column.date_input(t(name, lang), value=day, min_value=datewindow.EARLIEST, max_value=datewindow.latest(),
                          format=WIDGET_DATE_FORMAT[lang], key=key, on_change=_on_pick, args=(atlas, key, end))


def changes_map(atlas: Dataset, moments: compare.Moments, changes, events, lang: Lang) -> None:
    """The network on the later day with each change written on its route, and the events in between."""
    layers = [country_labels_layer(atlas.countries, lang),
              routes_layer(routes_as_of(atlas.routes, moments.after), lang),
              events_layer(events, lang, atlas.events_version),
              compare.change_labels_layer(changes, atlas.routes, lang)]
    st_folium(base_map(atlas.country_shapes, state.view().basemap, lang=lang), feature_group_to_add=layers,
              key="compare-map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])


def workspace(atlas: Dataset, lang: Lang) -> None:
    """Everything below the title."""
    moments = chosen(atlas)
    pickers(atlas, moments, lang)
    before, after = (format_date(day, "day", lang) for day in (moments.before, moments.after))
    changes = compare.route_changes(atlas.routes, moments)
    events = compare.events_between(atlas.events, moments, state.view().filter)
    signed = compare.agreements(events)
    st.caption(t("compare_summary", lang).format(before=before, after=after, changes=len(changes),
                                                 agreements=len(signed), events=len(events)))
    changes_map(atlas, moments, changes, events, lang)
    takeaway.print_friendly()
    st.caption(t("compare_map_note", lang).format(after=after))

    st.subheader(t("compare_routes", lang))
    if changes.empty:
        st.info(t("compare_no_route_change", lang), icon=":material/check:")
    else:
        st.dataframe(compare.readable_route_changes(changes, atlas.routes, lang), hide_index=True, width="stretch",
                     placeholder=event_table.MISSING,
                     column_config={"date": t("col_date", lang), "route": t("col_route", lang),
                                    "change": t("compare_col_change", lang), "was": t("compare_col_was", lang),
                                    "now": t("compare_col_now", lang), "note": t("col_note", lang)})
    events_table(atlas, signed, t("compare_agreements", lang), t("compare_no_agreement", lang), lang)
    flow_tables(atlas, moments, lang)
    events_table(atlas, events, t("compare_events", lang), t("no_match", lang), lang)


def events_table(atlas: Dataset, events, heading: str, empty: str, lang: Lang) -> None:
    st.subheader(heading)
    if events.empty:
        st.info(empty, icon=":material/event_busy:")
        return
    headers = event_table.event_table_headers(lang)
    st.dataframe(event_table.events_table(events, atlas, lang)[["date", "title", "type", "source"]], hide_index=True,
                 width="stretch", placeholder=event_table.MISSING,
                 column_config={"date": headers["date"], "title": headers["title"], "type": headers["type"],
                                "source": LINK(headers["source"], display_text=event_table.SOURCE_HOST)})


def flow_tables(atlas: Dataset, moments: compare.Moments, lang: Lang) -> None:
    """Whole-year figures of the two moments' years, by route and by country, each kind apart."""
    years = moments.before.year, moments.after.year
    st.subheader(t("compare_flows", lang).format(before=years[0], after=years[1]))
    if years[0] == years[1]:
        st.info(t("compare_same_year", lang).format(year=years[0]), icon=":material/calendar_today:")
        return
    st.caption(t("compare_flows_note", lang))
    by_route = compare.flow_changes(atlas.flows, atlas.flow_gaps, *years)
    columns = {"before": str(years[0]), "after": str(years[1]), "change_bcm": t("compare_col_change_bcm", lang),
               "change_pct": t("compare_col_change_pct", lang), "kind": t("col_kind", lang),
               "direction": t("col_direction", lang)}
    st.dataframe(compare.readable_flow_changes(by_route, atlas.routes, atlas.countries, lang), hide_index=True,
                 width="stretch", placeholder=event_table.MISSING,
                 column_config={**columns, "route": t("col_route", lang),
                                "source": LINK(t("source", lang), display_text=event_table.SOURCE_HOST)})
    focus = atlas.countries.loc[atlas.countries["focus"], "iso_a3"].tolist()
    by_country = compare.country_changes(atlas.flows, focus, *years)
    st.caption(t("compare_countries", lang))
    st.dataframe(compare.readable_country_changes(by_country, atlas.countries, lang), hide_index=True,
                 width="stretch",
                 column_config={**columns, "country": t("country", lang), "direction": t("col_direction", lang),
                                "note": t("col_note", lang)}, placeholder=event_table.MISSING)

