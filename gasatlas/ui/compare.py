"""The compare page (``pages/compare.py``): two days chosen, then what changed between them — on a map of the
network on the later day with each change written on its route, and in tables of route changes, agreements,
flows by route and by country, and every event in between. The two days live in the view (``?compare=``)."""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit_folium import st_folium

from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, ngettext
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT, format_date
from gasatlas.map import compare, event_table
from gasatlas.map.layers import base_map, country_labels_layer, events_layer, routes_layer
from gasatlas.model import datewindow
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import Lang
from gasatlas.ui import resources, state, takeaway
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
    for column, end, day, name in ((first, 0, moments.before, N_("First date")),
                                   (second, 1, moments.after, N_("Second date"))):
        key = state.widget_key(f"compare-{end}")
        column.date_input(gettext(name, lang), value=day, min_value=datewindow.EARLIEST, max_value=datewindow.latest(),
                          format=WIDGET_DATE_FORMAT[lang], key=key, on_change=_on_pick, args=(atlas, key, end))


def changes_map(atlas: Dataset, moments: compare.Moments, changes: Any, events: Any, lang: Lang) -> None:
    """The network on the later day with each change written on its route, and the events in between."""
    layers = [country_labels_layer(atlas.countries, lang),
              routes_layer(routes_as_of(atlas.routes, moments.after), lang),
              events_layer(events, lang, columns=resources.published_event_columns(atlas, lang)),
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
    counts = {
        "changes": ngettext("{count} route status change", "{count} route status changes", len(changes), lang),
        "agreements": ngettext("{count} agreement", "{count} agreements", len(signed), lang),
        "events": ngettext("{count} event", "{count} events", len(events), lang),
    }
    st.caption(gettext("From {before} to {after}: {changes}, {agreements}, {events} in view.", lang).format(
        before=before, after=after, changes=counts["changes"].format(count=len(changes)),
        agreements=counts["agreements"].format(count=len(signed)), events=counts["events"].format(count=len(events))))
    changes_map(atlas, moments, changes, events, lang)
    takeaway.print_friendly()
    st.caption(gettext("The network on {after}; each route that changed is labelled with what happened and when. "
                       "Markers: the events in between.", lang).format(after=after))

    st.subheader(gettext("Routes that changed", lang))
    if changes.empty:
        st.info(gettext("No route changed its status between these dates.", lang), icon=":material/check:")
    else:
        st.dataframe(compare.readable_route_changes(changes, atlas.routes, lang), hide_index=True, width="stretch",
                     placeholder=event_table.MISSING,
                     column_config={"date": gettext("Date", lang), "route": gettext("Route", lang),
                                    "change": gettext("What happened", lang), "was": gettext("Status before", lang),
                                    "now": gettext("Status after", lang), "note": gettext("Note", lang)})
    events_table(atlas, signed, gettext("Agreements signed in between", lang),
                 gettext("No agreement in view between these dates.", lang), lang)
    flow_tables(atlas, moments, lang)
    events_table(atlas, events, gettext("Every event in between", lang),
                 gettext("No event matches these filters.", lang), lang)


def events_table(atlas: Dataset, events: Any, heading: str, empty: str, lang: Lang) -> None:
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
    st.subheader(gettext("Gas flows, {before} and {after}", lang).format(before=years[0], after=years[1]))
    if years[0] == years[1]:
        st.info(gettext("Both dates fall in {year}: flows are compared year against year.", lang).format(year=years[0]),
                icon=":material/calendar_today:")
        return
    st.caption(gettext("Whole-year figures of each date's year, each kind apart: reported and estimated gas that "
                       "moved, contracted volumes. A missing figure is written as such, never as zero, and has no "
                       "change.", lang))
    by_route = compare.flow_changes(atlas.flows, atlas.flow_gaps, *years)
    columns = {"before": str(years[0]), "after": str(years[1]), "change_bcm": gettext("Change, bcm", lang),
               "change_pct": gettext("Change, %", lang), "kind": gettext("Kind", lang),
               "direction": gettext("Direction", lang)}
    st.dataframe(compare.readable_flow_changes(by_route, atlas.routes, atlas.countries, lang), hide_index=True,
                 width="stretch", placeholder=event_table.MISSING,
                 column_config={**columns, "route": gettext("Route", lang),
                                "source": LINK(gettext("Source", lang), display_text=event_table.SOURCE_HOST)})
    focus = atlas.countries.loc[atlas.countries["focus"], "iso_a3"].tolist()
    by_country = compare.country_changes(atlas.flows, focus, *years)
    st.caption(gettext("By country: totals over the routes with a figure; where the routes counted differ, no change "
                       "is given.", lang))
    st.dataframe(compare.readable_country_changes(by_country, atlas.countries, lang), hide_index=True,
                 width="stretch",
                 column_config={**columns, "country": gettext("Country", lang), "direction": gettext("Direction", lang),
                                "note": gettext("Note", lang)}, placeholder=event_table.MISSING)

