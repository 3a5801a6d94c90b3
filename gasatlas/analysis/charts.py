"""Altair charts for the timeline, the actors network and the gas flows, coloured from the shared palette.

Selections are named here (``BRUSH``, ``PICK``, ``ACTOR``) because the pages read
them back from Streamlit by these names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias, TypeVar, cast

import altair as alt
import pandas as pd

from gasatlas.analysis.flows import MOVED_KINDS
from gasatlas.analysis.network import NAME_FONT_SIZE, NAME_RISE, NETWORK_PLOT, NETWORK_SCALE_PADDING, named_actors
from gasatlas.i18n import gettext, label, pgettext
from gasatlas.i18n.formats import vega_locale
from gasatlas.model.palette import (
    EVENT_TYPE_COLOR,
    FLOW_KIND_SHAPE,
    FLOW_KIND_STYLE,
    NO_FLOW_STYLE,
    ROUTE_STATUS_STYLE,
    SELECTED_EVENT_COLOR,
)
from gasatlas.model.vocab import FlowKind, Lang

Layered: TypeAlias = alt.LayerChart | alt.FacetChart
"""What ``alt.layer(...).properties(...)`` is typed to return; these charts are always layers."""

BRUSH = "brush"
PICK = "pick"
ACTOR = "actor"
CHART_WIDTH = "container"
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
"""Stretch to the page's width but keep the height we ask for (legends add to it)."""


Chart = TypeVar("Chart", alt.Chart, Layered)


def _in_language(chart: Chart, lang: Lang) -> Chart:
    """The chart formats its axes, tooltips and numbers in ``lang`` (month names, decimal comma)."""
    return cast(Chart, chart.configure(locale=vega_locale(lang)))


def _type_scale(lang: Lang) -> alt.Scale:
    return alt.Scale(domain=[label(kind, lang) for kind in EVENT_TYPE_COLOR], range=list(EVENT_TYPE_COLOR.values()))


def status_scale(lang: Lang) -> alt.Scale:
    return alt.Scale(domain=[label(status, lang) for status in ROUTE_STATUS_STYLE],
                     range=[style.color for style in ROUTE_STATUS_STYLE.values()])


ROW_AXIS = alt.Axis(minExtent=230, maxExtent=230, labelLimit=220, labelOverlap=False)
"""The same label column width on every timeline chart, so their time axes line up."""


def _time_axis(span: tuple[dt.date, dt.date]) -> alt.Scale:
    """One time scale for every timeline chart, so they line up."""
    return alt.Scale(domain=[pd.Timestamp(span[0]).isoformat(), pd.Timestamp(span[1]).isoformat()])


def timeline_chart(
    events: pd.DataFrame,
    span: tuple[dt.date, dt.date],
    chosen: tuple[dt.date, dt.date],
    colour_by: str,
    lang: Lang,
    selected_id: str | None = None,
) -> Layered:
    """Events over time, one row per type (or country), the chosen dates shaded.

    Dragging across the events (``BRUSH``) picks a date range; clicking an event (``PICK``) selects it.
    """
    x_scale = _time_axis(span)
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    pick = alt.selection_point(name=PICK, fields=["id"], on="click")
    by_type = colour_by == "type"
    legend = alt.Legend(orient="bottom", columns=4)
    colour = (alt.Color("type_label:N", title=gettext("Type", lang), scale=_type_scale(lang), legend=legend)
              if by_type else alt.Color("country:N", title=gettext("Country", lang), legend=legend))
    row = alt.Y("type_label:N" if by_type else "country:N", title=None, sort=None, axis=ROW_AXIS)
    chosen_range = alt.Chart(
        pd.DataFrame({"start": [pd.Timestamp(chosen[0])], "end": [pd.Timestamp(chosen[1])]})
    ).mark_rect(color=SELECTED_EVENT_COLOR, opacity=0.15).encode(
        x=alt.X("start:T", scale=x_scale, title=None), x2="end:T")
    points = alt.Chart(events).mark_circle(size=110, opacity=0.9, stroke="#333").encode(
        x=alt.X("date:T", title=None, scale=x_scale), y=row, color=colour,
        strokeWidth=alt.condition(alt.datum.id == (selected_id or ""), alt.value(2.5), alt.value(0)),
        tooltip=[alt.Tooltip("when:N", title=gettext("Date", lang)),
                 alt.Tooltip("title:N", title=gettext("Event", lang)),
                 alt.Tooltip("type_label:N", title=gettext("Type", lang))],
    ).add_params(brush, pick)
    chart = alt.layer(chosen_range, points).properties(height=260, width=CHART_WIDTH, autosize=FIT_WIDTH)
    return _in_language(chart, lang)


def status_chart(bands: pd.DataFrame, span: tuple[dt.date, dt.date], lang: Lang) -> alt.Chart:
    """Each route's status as a band of dated segments, on the timeline's time axis."""
    chart: alt.Chart = alt.Chart(bands).mark_bar(height=14).encode(
        x=alt.X("start:T", title=None, scale=_time_axis(span)), x2="end:T",
        y=alt.Y("route:N", title=None, sort=None, axis=ROW_AXIS),
        color=alt.Color("status_label:N", title=gettext("Status", lang), scale=status_scale(lang),
                        legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("route:N", title=gettext("Routes", lang)),
                 alt.Tooltip("status_label:N", title=gettext("Status", lang)),
                 alt.Tooltip("start:T", title=gettext("From", lang), format="%Y-%m-%d"),
                 alt.Tooltip("note:N", title=gettext("Flow and notes", lang))],
    ).properties(height=22 * max(1, bands["route"].nunique()), width=CHART_WIDTH, autosize=FIT_WIDTH)
    return _in_language(chart, lang)


def network_chart(nodes: pd.DataFrame, edges: pd.DataFrame, lang: Lang, chosen: frozenset[str]) -> Layered:
    """Actors as circles sized by their events, linked by the events they share; click one to choose it. Only the
    chosen and the most connected are named where names would pile up (``named_actors``); every circle names its
    actor on hover."""
    pick = alt.selection_point(name=ACTOR, fields=["id"], on="click")
    axis: dict[str, Any] = {"axis": None, "scale": alt.Scale(zero=False, nice=False, padding=NETWORK_SCALE_PADDING)}
    links = alt.Chart(edges).mark_rule(color="#9a9a9a", opacity=0.6).encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("events:Q", legend=None, scale=alt.Scale(range=[1, 6])),
        tooltip=[alt.Tooltip("dates:N", title=gettext("Shared events", lang))],
    )
    midpoints = edges.assign(mx=(edges["x"] + edges["x2"]) / 2, my=(edges["y"] + edges["y2"]) / 2)
    link_dates = alt.Chart(midpoints).mark_text(fontSize=9, color="#555", dy=-4).encode(
        x=alt.X("mx:Q", **axis), y=alt.Y("my:Q", **axis), text="dates:N")
    kinds = alt.Scale(domain=[label("person", lang), label("organisation", lang)], range=["#0072B2", "#E69F00"])
    shown = nodes.assign(kind_label=[label(kind, lang) for kind in nodes["kind"]],
                         chosen=[actor in chosen for actor in nodes["id"]])
    circles = alt.Chart(shown).mark_circle(opacity=0.9, stroke="#222").encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis),
        size=alt.Size("events:Q", title=pgettext("count column", "Events", lang), scale=alt.Scale(range=[80, 1400])),
        color=alt.Color("kind_label:N", title=None, scale=kinds),
        strokeWidth=alt.condition(alt.datum.chosen, alt.value(3), alt.value(0.5)),
        tooltip=[alt.Tooltip("name:N", title=gettext("Actor", lang)),
                 alt.Tooltip("events:Q", title=pgettext("count column", "Events", lang))],
    ).add_params(pick)
    names = alt.Chart(shown[shown["id"].isin(named_actors(nodes, chosen))]).mark_text(
        fontSize=NAME_FONT_SIZE, dy=-NAME_RISE).encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), text="name:N")
    layers = [links, circles, names] if len(edges) > 40 else [links, link_dates, circles, names]
    return _in_language(alt.layer(*layers).properties(height=NETWORK_PLOT[1], width=CHART_WIDTH, autosize=FIT_WIDTH),
                        lang)


def route_status_chart(bands: pd.DataFrame, lang: Lang) -> alt.Chart:
    """One route's statuses as a single band over time."""
    chart: alt.Chart = alt.Chart(bands).mark_bar(height=18).encode(
        x=alt.X("start:T", title=None), x2="end:T", y=alt.Y("route:N", title=None, axis=None),
        color=alt.Color("status_label:N", title=None, scale=status_scale(lang),
                        legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("status_label:N", title=gettext("Status", lang)),
                 alt.Tooltip("start:T", title=gettext("From", lang), format="%Y-%m-%d"),
                 alt.Tooltip("note:N", title=gettext("Flow and notes", lang))],
    ).properties(height=40, width=CHART_WIDTH, autosize=FIT_WIDTH)
    return _in_language(chart, lang)


def _kind_encodings(lang: Lang, shown: pd.Series) -> tuple[alt.Scale, alt.Scale, alt.Scale]:
    """Colour, dash and point shape of the kinds of flow figure in ``shown`` (a column of kinds), so a contract
    never looks like gas that moved, and the legend names only what the chart holds."""
    kinds = [kind for kind in FlowKind if kind in set(shown)]
    domain = [label(kind, lang) for kind in kinds]
    dashes = [[float(part) for part in (FLOW_KIND_STYLE[kind].dash or "1 0").split()] for kind in kinds]
    return (alt.Scale(domain=domain, range=[FLOW_KIND_STYLE[kind].color for kind in kinds]),
            alt.Scale(domain=domain, range=dashes),
            alt.Scale(domain=domain, range=[FLOW_KIND_SHAPE[kind] for kind in kinds]))


def flow_tooltip(lang: Lang) -> list[alt.Tooltip]:
    """Every number with where it comes from."""
    return [alt.Tooltip("period:N", title=gettext("Period", lang)),
            alt.Tooltip("direction:N", title=gettext("Direction", lang)),
            alt.Tooltip("volume:N", title=gettext("Volume, bcm", lang)),
            alt.Tooltip("kind_label:N", title=gettext("Kind", lang)),
            alt.Tooltip("source:N", title=gettext("Source", lang)), alt.Tooltip("url:N", title=gettext("URL", lang))]


def route_flows_chart(figures: pd.DataFrame, lang: Lang, capacity: pd.DataFrame | None = None) -> Layered:
    """One route's figures over time (``flows.readable`` rows): a line and a mark per direction and kind,
    kinds told apart by colour, dash and shape, the volumes that moved written on; ``capacity`` (volume, source,
    url) as a dotted rule."""
    color, dash, shape = _kind_encodings(lang, figures["kind"])
    yearly = bool(figures["period"].str.fullmatch(r"\d{4}").all())
    x = alt.X("year(when):T" if yearly else "yearmonth(when):T", title=None,
              axis=alt.Axis(format="%Y" if yearly else "%b %Y", tickCount={"interval": "year" if yearly else "month",
                                                                           "step": 1}))
    y = alt.Y("volume_bcm:Q", title=gettext("bcm in the period", lang), scale=alt.Scale(zero=True))
    kind_colour = alt.Color("kind_label:N", title=None, scale=color, legend=alt.Legend(orient="bottom", columns=2))
    several_ways = figures["direction"].nunique() > 1  # then each volume says where its gas came from
    base = alt.Chart(figures.assign(series=figures["direction"] + " · " + figures["kind"],
                                    text=figures["volume"] + (" " + figures["from_to"] if several_ways else "")))
    layers = [
        base.mark_line(strokeWidth=2).encode(x=x, y=y, color=kind_colour, detail="series:N",
                                             strokeDash=alt.StrokeDash("kind_label:N", scale=dash, legend=None)),
        base.mark_point(filled=True, size=90, opacity=1).encode(
            x=x, y=y, color=kind_colour, shape=alt.Shape("kind_label:N", scale=shape, title=None),
            tooltip=flow_tooltip(lang)),
        base.transform_filter(alt.FieldOneOfPredicate("kind", [str(kind) for kind in MOVED_KINDS])).mark_text(
            dy=-11, fontSize=10, color="#333").encode(x=x, y=y, text="text:N"),
    ]
    if capacity is not None:
        rule = alt.Chart(capacity).encode(y="volume_bcm:Q", tooltip=[
            alt.Tooltip("label:N", title=gettext("Capacity", lang)),
            alt.Tooltip("source:N", title=gettext("Source", lang)),
            alt.Tooltip("url:N", title=gettext("URL", lang))])
        layers[:0] = [rule.mark_rule(color=NO_FLOW_STYLE.color, strokeDash=[2, 4]),
                      rule.mark_text(align="left", x=4, dy=-7, fontSize=10, color="#555").encode(text="label:N")]
    return _in_language(alt.layer(*layers).properties(height=230, width=CHART_WIDTH, autosize=FIT_WIDTH), lang)


def balance_chart(rows: pd.DataFrame, lang: Lang) -> alt.Chart:
    """A country's balance as stacked bars: one bar per direction (in, out, transit, processing) and kind, as long
    as that kind's whole-year total, its segments the routes and partners. Stacked because a balance is a sum of
    parts; one bar per kind because kinds are never added together (see ``flows.balance_totals``). Rows
    are ``readable`` rows with ``way_label``, ``partner`` and ``whole_year``; months and quarters are left to the
    table (a month stacked on a year would add a part to its whole)."""
    yearly = rows[rows["whole_year"]]
    bars = yearly.assign(bar=yearly["way_label"] + " · " + yearly["kind_label"],
                         segment=yearly["route"] + " — " + yearly["partner"])
    chart: alt.Chart = alt.Chart(bars).mark_bar(stroke="#fff", strokeWidth=1).encode(
        x=alt.X("sum(volume_bcm):Q", stack="zero", title=gettext("bcm", lang)),
        y=alt.Y("bar:N", title=None, sort=list(dict.fromkeys(bars["bar"])), axis=alt.Axis(labelLimit=360)),
        color=alt.Color("segment:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=360)),
        order=alt.Order("segment:N"),
        tooltip=[alt.Tooltip("segment:N", title=gettext("Route", lang)), *flow_tooltip(lang)],
    ).properties(height=34 * max(1, bars["bar"].nunique()) + 20, width=CHART_WIDTH, autosize=FIT_WIDTH)
    return _in_language(chart, lang)


def brushed_dates(selection: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The date range a reader brushed on the timeline (Vega-Lite reports epoch milliseconds)."""
    span = (selection.get(BRUSH) or {}).get("date")
    if not span or len(span) != 2:
        return None
    start, end = sorted(pd.Timestamp(value, unit="ms").date() for value in span)
    return start, end


def picked(selection: dict[str, Any], name: str) -> str | None:
    """The id of the mark a reader clicked in point selection ``name`` (``PICK`` or ``ACTOR``)."""
    points = selection.get(name) or []
    return points[0].get("id") if points and isinstance(points[0], dict) and points[0].get("id") else None
