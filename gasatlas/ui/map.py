"""The map page (``pages/map.py``): the network as of the end of the date range, the events in view, and
what the reader picked — the map, the events table and the detail card, linked both ways."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, cast

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from gasatlas.analysis.flows import FlowYear
from gasatlas.analysis.viewstate import Selection
from gasatlas.auth import Identity
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, ngettext
from gasatlas.i18n.formats import format_date, format_number
from gasatlas.map import cards, event_table
from gasatlas.map.cards import CARD_CSS, legend_html
from gasatlas.map.layers import Highlight, ShownEvents, base_map, network_bounds, overlays
from gasatlas.map.leaflet import map_resource
from gasatlas.map.selection import MAP_RETURNED_OBJECTS, click_count, row_of, selection_from_map, selection_from_rows
from gasatlas.model import records
from gasatlas.model.sanitize import markdown_text
from gasatlas.model.vocab import Lang, RecordStatus
from gasatlas.ui import controls, editorial, resources, state, story, takeaway

SORT_DIRECTIONS = {"date": {"asc": N_("Oldest first"), "desc": N_("Newest first")},
                   "text": {"asc": N_("A → Z"), "desc": N_("Z → A")}}
"""The two ways the table can be ordered, in words that fit a date column and a text column."""

MAP_KEY = "atlas-map"

MAP_HEIGHT = 560
"""The frame's height before the page's style sets it from the window's (``map/js/map_page.css``)."""
MAP_PAGE_CSS = map_resource("map_page.css")
PHONE_LEGEND_JS = map_resource("phone_legend.js")

KEY_PAGE = "events_table_page"
"""The table page the reader is on (from 0)."""
KEY_PAGE_CONTEXT = "events_table_page_context"
"""The table version and filter the page was set for: when either changes, the page is set anew."""
KEY_PAGE_CHOOSER = "events_table_page_chooser"
"""Counts the times the page was set from code, which re-creates the page chooser showing it."""
KEY_SORT = "events_table_sort"
"""How the reader ordered the events table (a ``event_table.TableSort``), for the session: every page shares it."""
DATE_WIDTH = 200
"""Pixels that hold the longest table date whole ("декабрь 2022 – январь 2023"; notes are left to the card)."""
SOURCE_WIDTH = 150


def _on_map_click() -> None:
    """Map callback: runs before the rerun, so the new selection is drawn in the same run."""
    value = st.session_state.get(MAP_KEY)
    clicked = selection_from_map(value)
    if clicked is not None:
        st.session_state[state.KEY_CLICK_NONCE] = click_count(value)
        state.select(clicked, centre=False, refresh_table=True)


def _highlight(selected: Selection | None) -> Highlight | None:
    """The reader's pick with this session's click and centring counters (see ``layers.selection_layer``)."""
    if selected is None:
        return None
    return Highlight(selected, st.session_state[state.KEY_CLICK_NONCE], st.session_state[state.KEY_CENTRE_REQUEST])


def render_map(fmap: Any, layers: list[Any]) -> dict[str, Any] | None:
    """Show the map; clicks select what was clicked (see ``_on_map_click``).

    The base map stays identical across reruns, so streamlit-folium keeps the
    reader's zoom and pan and swaps only ``layers``; the selection layer moves the
    view itself when asked (a table row or a link picked something).
    """
    returned = st_folium(
        fmap,
        feature_group_to_add=layers,
        key=MAP_KEY,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=MAP_RETURNED_OBJECTS,
        on_change=_on_map_click,
    )
    return cast(dict[str, Any] | None, returned)


def _on_table_select(table_key: str, page_ids: list[str]) -> None:
    rows = st.session_state[table_key]["selection"]["rows"]
    state.select(selection_from_rows(rows, page_ids), centre=True, refresh_table=False)


def table_sort() -> event_table.TableSort:
    return cast(event_table.TableSort, st.session_state.get(KEY_SORT, event_table.TableSort()))


def _on_sort_chosen(column_key: str, direction_key: str) -> None:
    order = table_sort()
    column = st.session_state.get(column_key, order.column)
    direction = st.session_state.get(direction_key, "desc" if order.descending else "asc")
    if column in event_table.EVENT_TABLE_COLUMNS:
        st.session_state[KEY_SORT] = event_table.TableSort(column, direction == "desc")


def _sort_chooser(total: int, lang: Lang) -> None:
    """Which column orders the whole table, and which way: the table is sent a page at a time, so its own
    column headings can only sort the page in view (the help says so). Keyed by their labels, like the
    sidebar's widgets (``state.widget_key``): a language switch must not lose the order."""
    order = table_sort()
    headers = event_table.event_table_headers(lang)
    kind = "date" if order.column == "date" else "text"
    directions = {way: gettext(words, lang) for way, words in SORT_DIRECTIONS[kind].items()}
    column_key = state.widget_key("table-sort-column", [headers[c] for c in event_table.EVENT_TABLE_COLUMNS])
    direction_key = state.widget_key("table-sort-direction", directions.values())
    st.selectbox(gettext("Sort by", lang), event_table.EVENT_TABLE_COLUMNS, format_func=headers.__getitem__,
                 index=event_table.EVENT_TABLE_COLUMNS.index(order.column), key=column_key,
                 on_change=_on_sort_chosen, args=(column_key, direction_key), width=220,
                 help=ngettext("Orders the {total} row of the filtered table. Clicking a column heading sorts only "
                               "the rows on the page in view.",
                               "Orders all {total} rows of the filtered table, across its pages. Clicking a column "
                               "heading sorts only the rows on the page in view.", total, lang).format(
                                   total=format_number(total, lang)))
    st.segmented_control(gettext("Order", lang), list(directions),
                         default="desc" if order.descending else "asc", format_func=directions.__getitem__,
                         key=direction_key, required=True, on_change=_on_sort_chosen, args=(column_key, direction_key))


def _table_page(shown: pd.DataFrame, row: int | None) -> event_table.TablePage:
    """The page of the table the reader sees: the one they chose; after the filters or the order changed or
    something was picked elsewhere (map, link), the page holding the selected event, else the first."""
    rows_per_page = settings().table_page_rows
    context = (st.session_state[state.KEY_TABLE_VERSION], state.view().filter, table_sort())
    if st.session_state.get(KEY_PAGE_CONTEXT) != context:
        st.session_state[KEY_PAGE_CONTEXT] = context
        holding = None if row is None else event_table.TablePage.holding(row, len(shown), rows_per_page)
        st.session_state[KEY_PAGE] = 0 if holding is None else holding.number
        st.session_state[KEY_PAGE_CHOOSER] = st.session_state.get(KEY_PAGE_CHOOSER, 0) + 1
    return event_table.TablePage.of(len(shown), rows_per_page, st.session_state[KEY_PAGE])


def _on_page_chosen(chooser_key: str) -> None:
    if isinstance(chosen := st.session_state.get(chooser_key), int):
        st.session_state[KEY_PAGE] = chosen


def _page_chooser(page: event_table.TablePage, lang: Lang) -> None:
    """Which rows of a long table to show (re-created, with the page in force, whenever that is set from code)."""
    rows_per_page = settings().table_page_rows

    def rows_text(number: int) -> str:
        shown = event_table.TablePage.of(page.total, rows_per_page, number)
        return gettext("{first}–{last} of {total}", lang).format(first=format_number(shown.start + 1, lang),
                                               last=format_number(shown.stop, lang),
                                               total=format_number(shown.total, lang))

    chooser_key = state.widget_key(f"events-table-page-{st.session_state[KEY_PAGE_CHOOSER]}",
                                   [rows_text(number) for number in range(page.count)])
    st.selectbox(gettext("Rows", lang), range(page.count), index=page.number, format_func=rows_text,
                 key=chooser_key, on_change=_on_page_chosen, args=(chooser_key,), width=320)


def events_table(atlas: Dataset, shown: pd.DataFrame, lang: Lang) -> None:
    """The filtered events in the reader's order, a page at a time; picking a row selects the event on the
    map and in the card.

    The whole filtered table is ordered before it is cut into pages. A selection made elsewhere (map, link)
    or a new order re-creates the table under a new key with the selected row pre-selected (and its page
    chosen): Streamlit tables cannot be selected from code otherwise.
    """
    order = table_sort()
    positions = event_table.sort_positions(shown, atlas, order, lang)
    row = row_of(state.view().selected, shown["id"].to_numpy()[positions])
    page = _table_page(shown, row)
    with st.container(horizontal=True, vertical_alignment="bottom", key="events-table-controls"):
        _sort_chooser(page.total, lang)
        if page.count > 1:
            _page_chooser(page, lang)
    rows = event_table.page_rows(shown, atlas, positions[page.start:page.stop])
    table = event_table.events_table(rows, atlas, lang)
    page_ids = list(table.index)
    table_key = (f"events-table-{st.session_state[state.KEY_TABLE_VERSION]}-{page.number}-{order.column}"
                 f"-{int(order.descending)}")
    row_on_page = row - page.start if row is not None and page.start <= row < page.stop else None
    headers = event_table.event_table_headers(lang)
    st.dataframe(
        table.reset_index(drop=True),
        key=table_key,
        on_select=functools.partial(_on_table_select, table_key, page_ids),
        selection_mode="single-row",
        selection_default={"selection": {"rows": [row_on_page] if row_on_page is not None else []}},
        hide_index=True,
        width="stretch",
        placeholder=event_table.MISSING,
        column_config={
            "date": st.column_config.TextColumn(headers["date"], width=DATE_WIDTH, pinned=True),
            "title": st.column_config.TextColumn(headers["title"], width="large"),
            "participants": st.column_config.TextColumn(headers["participants"], width="medium"),
            "source": st.column_config.LinkColumn(headers["source"], display_text=event_table.SOURCE_HOST,
                                                  width=SOURCE_WIDTH),
            "type": st.column_config.TextColumn(headers["type"], width="small"),
            "place": st.column_config.TextColumn(headers["place"], width="medium"),
            "volume": st.column_config.TextColumn(headers["volume"], width="small"),
        },
    )


def _related_buttons(heading: str, items: list[tuple[Selection, str]], key: str) -> None:
    if not items:
        return
    st.caption(heading)
    for item, text in items:
        st.button(markdown_text(text), key=f"{key}-{item.code()}", on_click=state.select, args=(item,),
                  kwargs={"centre": True, "refresh_table": True}, type="tertiary", icon=":material/arrow_forward:")


def detail_card(atlas: Dataset, selection: Selection | None, shown: pd.DataFrame, as_of: dt.date,
                visitor: Identity, lang: Lang) -> None:
    """The card beside the map for what is selected, with links to what it relates to (and, for
    moderators, the tools to correct an event)."""
    editorial.outcome(lang)  # what the last correction did — also when it took the event off the map
    if selection is None:
        st.info(gettext("Click a marker, a route or a facility on the map — or a row in the table — to see its "
                        "details here.", lang), icon=":material/touch_app:")
        return
    with st.container(border=True, key="detail-card"):
        if selection.kind == "event":
            event = records.record(atlas.events, selection.id)
            if event is None:
                return
            if selection.id not in set(shown["id"]):
                st.warning(gettext("This event is hidden by the current filters.", lang), icon=":material/filter_alt:")
            if event.status == RecordStatus.PENDING:
                st.info(gettext("Your submission, awaiting review: only you see it on the map.", lang),
                        icon=":material/pending:")
            st.html(f"<style>{CARD_CSS}</style>{cards.event_html(event, atlas, lang)}")
            routes = atlas.routes.set_index("id")
            facilities = atlas.facilities.set_index("id")
            _related_buttons(gettext("Routes", lang),
                             [(Selection("route", r), routes.loc[r, f"name_{lang}"]) for r in event.route_ids], "rel")
            _related_buttons(gettext("Facilities", lang),
                             [(Selection("facility", f), facilities.loc[f, f"name_{lang}"])
                              for f in event.facility_ids], "rel")
            editorial.event_tools(atlas, selection.id, visitor, lang)
        else:
            frame = atlas.routes if selection.kind == "route" else atlas.facilities
            record = records.record(frame, selection.id)
            if record is None:
                return
            if selection.kind == "route":
                st.html(f"<style>{CARD_CSS}</style>{cards.route_html(record, atlas, as_of, lang)}")
                linked = atlas.events[atlas.events["route_ids"].map(lambda ids: selection.id in ids)]
            else:
                st.html(f"<style>{CARD_CSS}</style>{cards.facility_html(record, atlas, lang)}")
                linked = atlas.events[atlas.events["facility_ids"].map(lambda ids: selection.id in ids)]
            _related_buttons(
                gettext("Events", lang),
                [(Selection("event", e.id), f"{cards.event_date_text(e, lang)} — {getattr(e, f'title_{lang}')}")
                 for e in linked.itertuples()],
                "rel",
            )
        st.button(gettext("Close", lang), on_click=state.select, args=(None,),
                  kwargs={"centre": False, "refresh_table": True}, icon=":material/close:", key="clear-selection")


def workspace(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """The page below its title: what is shown, the map beside the card and legend, the events table."""
    view = state.view()
    shown = view.filter.shown(atlas, event_table.map_page_columns(atlas))
    as_of = view.filter.dates.as_of
    basemap = controls.basemap_selector(lang)
    flow_year = FlowYear.of(atlas.flows, as_of.year) if controls.route_width_selector(lang) == "flow" else None

    st.caption(
        ngettext("Showing {shown} of {total} event", "Showing {shown} of {total} events", len(atlas.events),
                 lang).format(shown=len(shown), total=len(atlas.events))
        + " · "
        + gettext("Network shown as of {date} (the end of the date range)", lang).format(
            date=format_date(as_of, "day", lang))
        + ("" if flow_year is None else
           " · " + gettext("route widths: gas that moved in {year}", lang).format(year=flow_year.year))
    )
    st.html(f"<style>{MAP_PAGE_CSS}</style><script>({PHONE_LEGEND_JS})();</script>", unsafe_allow_javascript=True)
    on_map = ShownEvents(shown, resources.published_event_columns(atlas, lang))
    map_column, card_column = st.columns([0.72, 0.28], gap="medium")
    with map_column, st.container(key="atlas-map-frame"):
        render_map(
            base_map(atlas.country_shapes, basemap, network_bounds(atlas.routes), lang),
            overlays(atlas, on_map, as_of, lang, flow_year, _highlight(view.selected)) + story.frame_layers(atlas),
        )
        takeaway.map_downloads(atlas, lang)
    with card_column:
        detail_card(atlas, view.selected, shown, as_of, visitor, lang)
        with st.expander(gettext("Legend", lang), expanded=view.selected is None, icon=":material/info:",
                         key="map-legend"):
            st.html(f"<style>{CARD_CSS}</style>{legend_html(lang, None if flow_year is None else flow_year.year)}")

    st.subheader(gettext("Events", lang))
    if shown.empty:
        st.info(gettext("No event matches these filters.", lang), icon=":material/search_off:")
        st.button(gettext("Reset filters", lang), on_click=state.reset_filters, args=(atlas,), key="empty-reset",
                  type="primary")
    else:
        events_table(atlas, shown, lang)


def embedded_map(atlas: Dataset, lang: Lang) -> None:
    """The map alone, as the address sets it, for ``?embed=true`` (see ``gasatlas.ui.embed``)."""
    view = state.view()
    as_of = view.filter.dates.as_of
    flow_year = FlowYear.of(atlas.flows, as_of.year) if view.route_widths == "flow" else None
    shown = ShownEvents(view.filter.shown(atlas, event_table.map_page_columns(atlas)),
                        resources.published_event_columns(atlas, lang))
    render_map(
        base_map(atlas.country_shapes, view.basemap, lang=lang),
        overlays(atlas, shown, as_of, lang, flow_year, _highlight(view.selected)) + story.frame_layers(atlas),
    )
