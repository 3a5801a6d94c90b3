"""The sidebar: language, the event filters every page shares, and the map's basemap and route widths."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from gasatlas.config import Basemap
from gasatlas.data import Dataset
from gasatlas.filters import DateRange, EventFilter, facet_counts
from gasatlas.formats import WIDGET_DATE_FORMAT
from gasatlas.i18n import t
from gasatlas.ui import state
from gasatlas.viewstate import BASEMAPS, ROUTE_WIDTHS, RouteWidths
from gasatlas.vocab import LANGUAGES, EventType, Lang, label

LANGUAGE_NAMES: dict[Lang, str] = {"en": "English", "ru": "Русский"}


def _on_language(key: str) -> None:
    """Callbacks run before the script: the page titles of this very run are in the new language."""
    if chosen := st.session_state.get(key):
        state.update(lang=chosen)


def language_selector() -> Lang:
    key = state.widget_key("lang")
    st.sidebar.segmented_control(
        t("language", "en") + " / " + t("language", "ru"),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        default=state.view().lang,
        key=key,
        required=True,
        on_change=_on_language,
        args=(key,),
    )
    return state.view().lang


def _pending_filter() -> EventFilter:
    """The filter as the reader has just set it, before the widgets are drawn (for the counts)."""
    current = state.view().filter
    return EventFilter(
        dates=DateRange(*state.pending("dates", (current.dates.start, current.dates.end))),
        countries=frozenset(state.pending("countries", current.countries)),
        event_types=frozenset(state.pending("types", current.event_types)),
        actors=frozenset(state.pending("actors", current.actors)),
        text=state.pending("text", current.text),
    )


def _with_count(name: str, count: int) -> str:
    return f"{name} ({count})"


def filter_sidebar(atlas: Dataset, lang: Lang) -> EventFilter:
    """The filters every page shares; each option shows how many events it would bring."""
    span = state.day_span(atlas)
    current = state.view().filter
    pending = _pending_filter()
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))

    dates = sidebar.slider(
        t("date_range", lang), min_value=span.start, max_value=span.end, value=(current.dates.start, current.dates.end),
        step=dt.timedelta(days=1), format=WIDGET_DATE_FORMAT[lang], key=state.widget_key("dates"),
    )

    countries = atlas.countries.sort_values(f"name_{lang}")
    country_names = dict(zip(countries["iso_a3"], countries[f"name_{lang}"], strict=True))
    counts = facet_counts(atlas.events, pending, "countries")
    chosen_countries = sidebar.multiselect(
        t("filter_countries", lang), list(country_names), default=sorted(current.countries),
        format_func=lambda code: _with_count(country_names[code], counts.get(code, 0)),
        placeholder=t("any", lang), key=state.widget_key("countries"),
    )

    type_counts = facet_counts(atlas.events, pending, "event_types")
    chosen_types = sidebar.multiselect(
        t("filter_types", lang), [str(kind) for kind in EventType], default=sorted(current.event_types),
        format_func=lambda code: _with_count(label(code, lang), type_counts.get(code, 0)),
        placeholder=t("any", lang), key=state.widget_key("types"),
    )

    actor_counts = facet_counts(atlas.events, pending, "actors")
    actor_names = dict(zip(atlas.actors["id"], atlas.actors[f"name_{lang}"], strict=True))
    by_weight = sorted(actor_names, key=lambda actor: (-actor_counts.get(actor, 0), actor_names[actor]))
    chosen_actors = sidebar.multiselect(
        t("filter_actors", lang), by_weight, default=sorted(current.actors),
        format_func=lambda actor: _with_count(actor_names[actor], actor_counts.get(actor, 0)),
        placeholder=t("any", lang), key=state.widget_key("actors"),
    )

    text = sidebar.text_input(
        t("search", lang), value=current.text, placeholder=t("search_placeholder", lang), max_chars=200,
        key=state.widget_key("text"),
    )
    state.update_filter(
        dates=DateRange(*dates), countries=frozenset(chosen_countries),
        event_types=frozenset(chosen_types), actors=frozenset(chosen_actors), text=text,
    )
    everything = EventFilter(dates=span)
    sidebar.button(
        t("reset_filters", lang), on_click=state.reset_filters, args=(atlas,), icon=":material/filter_alt_off:",
        disabled=state.view().filter == everything, key=state.widget_key("reset"),
    )
    return state.view().filter


def basemap_selector(lang: Lang) -> Basemap:
    options = list(BASEMAPS)
    chosen = st.sidebar.radio(
        t("basemap", lang), options, index=options.index(state.view().basemap),
        format_func=lambda code: t(f"basemap_{code}", lang), help=t("basemap_help", lang),
        key=state.widget_key("basemap"),
    )
    if chosen != state.view().basemap:
        state.update(basemap=chosen)
    return state.view().basemap


def route_width_selector(lang: Lang) -> RouteWidths:
    """Route width: capacity, or the gas that moved in the year of the date range's end (see ``gasatlas.flows``)."""
    options = list(ROUTE_WIDTHS)
    chosen = st.sidebar.radio(
        t("route_widths", lang), options, index=options.index(state.view().route_widths),
        format_func=lambda code: t(f"widths_{code}", lang), help=t("widths_help", lang), horizontal=True,
        key=state.widget_key("widths"),
    )
    if chosen != state.view().route_widths:
        state.update(route_widths=chosen)
    return state.view().route_widths
