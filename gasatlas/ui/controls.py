"""The sidebar: language, the event filters every page shares, and the map's basemap and route widths."""

from __future__ import annotations

import datetime as dt
import functools
from importlib.resources import files

import streamlit as st

from gasatlas.analysis.filters import (
    COUNTRY_MATCH_WORDS,
    COUNTRY_MATCHES,
    DateRange,
    EventFilter,
    date_presets,
    facet_counts,
)
from gasatlas.analysis.viewstate import BASEMAPS, ROUTE_WIDTHS, RouteWidths
from gasatlas.config import Basemap
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, label
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT
from gasatlas.model.vocab import LANGUAGES, EventType, Lang
from gasatlas.ui import state

LANGUAGE_NAMES: dict[Lang, str] = {"en": "English", "ru": "Русский"}

PRESET_WORDS: dict[str, str] = {
    "all": N_("All"),
    "last-12-months": N_("Last 12 months"),
}
"""The words of the date presets that are not a year."""
BASEMAP_WORDS: dict[str, str] = {
    "tiles": N_("Online map tiles"),
    "offline": N_("Offline (country shapes only)"),
}
"""The basemap choices."""
ROUTE_WIDTH_WORDS: dict[str, str] = {
    "capacity": N_("capacity"),
    "flow": N_("gas that moved"),
}
"""What a route's width can show."""


def _on_language(key: str) -> None:
    """Callbacks run before the script: the page titles of this very run are in the new language."""
    if chosen := st.session_state.get(key):
        state.update(lang=chosen)


def language_selector() -> Lang:
    key = state.widget_key("lang")
    st.sidebar.segmented_control(
        gettext("Language", "en") + " / " + gettext("Language", "ru"),
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
        dates=DateRange.between(*state.pending("dates", (current.dates.start, current.dates.end))),
        countries=frozenset(state.pending("countries", current.countries)),
        country_match=state.pending("country-match", current.country_match),
        event_types=frozenset(state.pending("types", current.event_types)),
        actors=frozenset(state.pending("actors", current.actors)),
        text=state.pending("text", current.text),
    )


@functools.cache
def _sidebar_css() -> str:
    return (files("gasatlas") / "ui" / "sidebar.css").read_text(encoding="utf-8")


def _with_count(name: str, count: int) -> str:
    return f"{name} ({count})"


def _on_dates_typed(start_key: str, end_key: str) -> None:
    """Typed dates (in either order) become the range, and the slider follows."""
    start, end = st.session_state.get(start_key), st.session_state.get(end_key)
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        state.set_dates(DateRange.between(start, end))


def _on_preset(key: str, presets: dict[str, DateRange]) -> None:
    if (chosen := st.session_state.get(key)) in presets:
        state.set_dates(presets[chosen])


def _preset_label(code: str, lang: Lang) -> str:
    return code if code.isdigit() else gettext(PRESET_WORDS[code], lang)


def date_controls(span: DateRange, lang: Lang) -> DateRange:
    """The date range four ways, kept in step: presets (years, last twelve months, all), a slider of
    one-day steps (arrow keys move a handle a day), and typed first and last days.

    The slider keeps its key while it is moved (re-creating it would take the keyboard focus from its
    handle); presets and typed days set the range from outside it (``state.set_dates``), which re-creates
    every widget from the view. The typed days are keyed by the range they show, so they follow the slider.
    """
    sidebar = st.sidebar
    sidebar.html(f"<style>{_sidebar_css()}</style>")
    current = state.view().filter.dates
    presets = date_presets(span)
    labels = [_preset_label(code, lang) for code in presets]
    active = next((code for code, dates in presets.items() if dates == current), None)
    preset_key = state.widget_key("date-preset", [*labels, active or ""])
    sidebar.pills(gettext("Period", lang), list(presets), default=active, format_func=lambda c: _preset_label(c, lang),
                  key=preset_key, on_change=_on_preset, args=(preset_key, presets))
    chosen = sidebar.slider(
        gettext("Dates", lang), min_value=span.start, max_value=span.end, value=(current.start, current.end),
        step=dt.timedelta(days=1), format=WIDGET_DATE_FORMAT[lang], key=state.widget_key("dates"),
    )
    dates = DateRange.between(*chosen)
    shown = [dates.start.isoformat(), dates.end.isoformat()]
    start_key, end_key = state.widget_key("date-from", shown), state.widget_key("date-to", shown)
    for key, value, name in ((start_key, dates.start, N_("First day")), (end_key, dates.end, N_("Last day"))):
        sidebar.date_input(gettext(name, lang), value=value, min_value=span.start, max_value=span.end,
                           format=WIDGET_DATE_FORMAT[lang], key=key, on_change=_on_dates_typed,
                           args=(start_key, end_key))
    return dates


def filter_sidebar(atlas: Dataset, lang: Lang) -> EventFilter:
    """The filters every page shares; each option shows how many events it would bring.

    Option widgets are keyed by their labels (``state.widget_key``): the counts change with every
    other filter, and a widget must not lose the reader's choice when they do.
    """
    span = state.day_span(atlas)
    current = state.view().filter
    pending = _pending_filter()
    sidebar = st.sidebar
    sidebar.subheader(gettext("Filters", lang))
    dates = date_controls(span, lang)

    countries = atlas.countries.sort_values(f"name_{lang}")
    country_names = dict(zip(countries["iso_a3"], countries[f"name_{lang}"], strict=True))
    counts = facet_counts(atlas.events, pending, "countries")
    country_labels = {code: _with_count(name, counts.get(code, 0)) for code, name in country_names.items()}
    chosen_countries = sidebar.multiselect(
        gettext("Countries involved", lang), list(country_labels), default=sorted(current.countries),
        format_func=country_labels.__getitem__, placeholder=gettext("Any", lang),
        key=state.widget_key("countries", country_labels.values()),
    )
    match_labels = {code: gettext(COUNTRY_MATCH_WORDS[code], lang) for code in COUNTRY_MATCHES}
    country_match = sidebar.segmented_control(
        gettext("Events involving", lang), list(match_labels), default=current.country_match, required=True,
        format_func=match_labels.__getitem__, help=gettext("“All of them” shows what happened between the chosen "
                                                           "countries: events involving every one of them, and gas "
                                                           "flows from one to another.", lang),
        key=state.widget_key("country-match", match_labels.values()),
    )

    type_counts = facet_counts(atlas.events, pending, "event_types")
    type_labels = {str(kind): _with_count(label(kind, lang), type_counts.get(kind, 0)) for kind in EventType}
    chosen_types = sidebar.multiselect(
        gettext("Event types", lang), list(type_labels), default=sorted(current.event_types),
        format_func=type_labels.__getitem__, placeholder=gettext("Any", lang),
        key=state.widget_key("types", type_labels.values()),
    )

    actor_counts = facet_counts(atlas.events, pending, "actors")
    actor_names = dict(zip(atlas.actors["id"], atlas.actors[f"name_{lang}"], strict=True))
    by_weight = sorted(actor_names, key=lambda actor: (-actor_counts.get(actor, 0), actor_names[actor]))
    actor_labels = {actor: _with_count(actor_names[actor], actor_counts.get(actor, 0)) for actor in by_weight}
    chosen_actors = sidebar.multiselect(
        gettext("People and organisations", lang), list(actor_labels), default=sorted(current.actors),
        format_func=actor_labels.__getitem__, placeholder=gettext("Any", lang),
        key=state.widget_key("actors", actor_labels.values()),
    )

    text = sidebar.text_input(
        gettext("Search titles and summaries", lang), value=current.text,
        placeholder=gettext("e.g. Orenburg, roadmap", lang), max_chars=200,
        key=state.widget_key("text"),
    )
    state.update_filter(
        dates=dates, countries=frozenset(chosen_countries), country_match=country_match or "any",
        event_types=frozenset(chosen_types), actors=frozenset(chosen_actors), text=text,
    )
    everything = EventFilter(dates=span)
    sidebar.button(
        gettext("Reset filters", lang), on_click=state.reset_filters, args=(atlas,), icon=":material/filter_alt_off:",
        disabled=state.view().filter == everything, key=state.widget_key("reset"),
    )
    return state.view().filter


def basemap_selector(lang: Lang) -> Basemap:
    labels = {code: gettext(BASEMAP_WORDS[code], lang) for code in BASEMAPS}
    options = list(labels)
    chosen = st.sidebar.radio(
        gettext("Basemap", lang), options, index=options.index(state.view().basemap),
        format_func=labels.__getitem__, help=gettext("Without internet the tiles cannot load; country shapes, routes "
                                                     "and markers always show.", lang),
        key=state.widget_key("basemap", labels.values()),
    )
    if chosen != state.view().basemap:
        state.update(basemap=chosen)
    return state.view().basemap


def route_width_selector(lang: Lang) -> RouteWidths:
    """Route width: capacity, or the gas that moved in the year of the date range's end (see ``flows``)."""
    labels = {code: gettext(ROUTE_WIDTH_WORDS[code], lang) for code in ROUTE_WIDTHS}
    options = list(labels)
    chosen = st.sidebar.radio(
        gettext("Route width", lang), options, index=options.index(state.view().route_widths),
        format_func=labels.__getitem__, help=gettext("Gas that moved: each route is as wide as the volume reported "
                                                     "for the year of the date range's end (an estimate when nothing "
                                                     "is reported, labelled so). Routes without such a figure are "
                                                     "drawn thin, grey and dashed: no data, not zero.", lang),
        horizontal=True,
        key=state.widget_key("widths", labels.values()),
    )
    if chosen != state.view().route_widths:
        state.update(route_widths=chosen)
    return state.view().route_widths
