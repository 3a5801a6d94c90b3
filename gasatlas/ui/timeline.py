"""The timeline page's chart: brushing sets the shared dates, clicking selects an event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from gasatlas.analysis.charts import BRUSH, PICK, brushed_dates, picked, status_chart, timeline_chart
from gasatlas.analysis.filters import EVERY_DAY, DateRange
from gasatlas.analysis.timeline import status_bands, timeline_events
from gasatlas.analysis.viewstate import Selection
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, ngettext
from gasatlas.i18n.formats import format_date, format_number
from gasatlas.model import datewindow
from gasatlas.model.vocab import Lang
from gasatlas.ui import state, takeaway

KEY_CHART = "timeline-chart"
MARGIN = dt.timedelta(days=30)  # room at both ends so the first and last events are not cut


def _on_select() -> None:
    """Chart callback: a brushed span becomes the shared date range; a clicked event is selected."""
    selection = st.session_state[state.widget_key(KEY_CHART)]["selection"]
    if dates := brushed_dates(selection):
        state.set_dates(DateRange.between(*dates))
    if event_id := picked(selection, PICK):
        state.select(Selection("event", event_id), centre=True, refresh_table=True)


def timeline(atlas: Dataset, lang: Lang) -> None:
    """Events over the whole span (other filters applied) above the route-status bands."""
    view = state.view()
    every = state.day_span(atlas)
    shown = replace(view.filter, dates=EVERY_DAY).shown(atlas)
    colour_labels = {"type": gettext("Event type", lang), "country": gettext("Country", lang)}
    colour_by = st.segmented_control(
        gettext("Colour and rows by", lang), list(colour_labels), default=state.pending("timeline-colour", "type"),
        required=True,
        format_func=colour_labels.__getitem__, key=state.widget_key("timeline-colour", colour_labels.values()),
    )
    chosen = view.filter.dates
    matching = ngettext("{shown} of {total} event matches the other filters (every date is drawn)",
                        "{shown} of {total} events match the other filters (every date is drawn)", len(atlas.events),
                        lang).format(
        shown=format_number(len(shown), lang, 0), total=format_number(len(atlas.events), lang, 0))
    dates = gettext("Chosen dates: {start} – {end}", lang).format(start=format_date(chosen.start, "day", lang),
                                                                  end=format_date(chosen.end, "day", lang))
    st.caption(f"{matching} · {dates}")
    selected = view.selected.id if view.selected and view.selected.kind == "event" else None
    span = (datewindow.shift(every.start, -MARGIN), datewindow.shift(every.end, MARGIN))
    chart = timeline_chart(timeline_events(shown, atlas.countries, lang), span, (chosen.start, chosen.end),
                           colour_by, lang, selected)
    st.altair_chart(chart, key=state.widget_key(KEY_CHART), on_select=_on_select,
                    selection_mode=[BRUSH, PICK], width="stretch")
    takeaway.chart_downloads(chart, "timeline", lang)
    if chosen != every:
        st.button(gettext("All dates", lang), on_click=state.set_dates, args=(every,), icon=":material/date_range:")
    st.subheader(gettext("Route statuses over time", lang))
    statuses = status_chart(status_bands(atlas.routes, *span, lang), span, lang)
    st.altair_chart(statuses, width="stretch")
    takeaway.chart_downloads(statuses, "route-statuses", lang)
