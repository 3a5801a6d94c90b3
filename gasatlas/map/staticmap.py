"""The map view as a picture to take away: PNG or SVG at print size, drawn on the server without internet.

Drawn with matplotlib, a library made for static figures: it ships its own fonts (DejaVu, Cyrillic included),
writes PNG and SVG from the same drawing, keeps SVG text as text (``svg.fonttype = 'none'``: a newsroom can
edit the title, a test can read it), and needs no tiles, browser or network. The picture is made from what the
interactive map draws — the country shapes, the routes in force on the view's last day with their status
colours, dashes and direction arrows, the facilities and the events in view, all from ``gasatlas.model.palette`` —
in the same Web Mercator projection, framed on the map's opening view (``layers.FOCUS_BOUNDS``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import matplotlib as mpl
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from gasatlas.analysis.filters import COUNTRY_MATCH_WORDS, EventFilter
from gasatlas.dataset.exports import ImageFormat
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label
from gasatlas.i18n.formats import format_date, format_number
from gasatlas.map.layers import FOCUS_BOUNDS, line_parts, route_arrows
from gasatlas.model.palette import (
    COUNTRY_CONTEXT_STYLE,
    COUNTRY_FOCUS_STYLE,
    EVENT_TYPE_COLOR,
    FACILITY_SYMBOL,
    OFFLINE_SEA_COLOR,
    ROUTE_STATUS_STYLE,
    route_weight,
)
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import GeometryLicence, GeoPrecision, Lang, RouteStatus

PAGE_INCHES = (11.69, 8.27)
"""A4 landscape: the page a printed explainer or report is laid out on."""
PNG_DPI = 300
"""Print resolution: an A4 page at 300 dots per inch (3507 × 2481 pixels)."""
PX_TO_PT = 0.75
"""Screen pixels of the interactive map's line widths and dashes as printer's points (1 px = 0.75 pt)."""
MARKERS = {"star": "*", "triangle": "^", "diamond": "D", "hexagon": "h", "circle": "o", "square": "s"}
"""``palette.SHAPE_PATHS`` shapes as matplotlib markers."""


def png_size() -> tuple[int, int]:
    """The PNG's width and height in pixels."""
    return round(PAGE_INCHES[0] * PNG_DPI), round(PAGE_INCHES[1] * PNG_DPI)


def mercator_y(lat: float) -> float:
    """Web Mercator's northing in degrees of longitude at the equator, so that x (the longitude) and y share a unit."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


@dataclass(frozen=True)
class Caption:
    """The words around the map: its title, the dates and filters in force, and the credits."""

    title: str
    dates: str
    filters: str
    source: str
    attribution: str


def filter_text(view: EventFilter, atlas: Dataset, lang: Lang) -> str:
    """The filters in force in words ("Countries: Kazakhstan, Uzbekistan · Types: Agreement"), or "none"."""
    countries = dict(zip(atlas.countries["iso_a3"], atlas.countries[f"name_{lang}"], strict=True))
    actors = dict(zip(atlas.actors["id"], atlas.actors[f"name_{lang}"], strict=True))
    parts = []
    if view.countries:
        match = gettext(COUNTRY_MATCH_WORDS[view.country_match], lang)
        parts.append(f"{gettext('Countries involved', lang)} ({match}): "
                     + ", ".join(sorted(countries.get(c, c) for c in view.countries)))
    if view.event_types:
        parts.append(f"{gettext('Types', lang)}: " + ", ".join(sorted(label(k, lang) for k in view.event_types)))
    if view.actors:
        parts.append(f"{gettext('Actors', lang)}: " + ", ".join(sorted(actors.get(a, a) for a in view.actors)))
    if view.text.strip():
        parts.append(f"{gettext('Search', lang)}: “{view.text.strip()}”")
    none = gettext("none (every event in the dates)", lang)
    return f"{gettext('Filters', lang)}: " + (" · ".join(parts) if parts else none)


def route_credits(licences: Sequence[str], lang: Lang) -> list[str]:
    """The routes' geometry credits as plain text (``layers.licence_credits`` writes them as links)."""
    osm = gettext("© {osm} contributors", lang).format(osm="OpenStreetMap") + " (ODbL)"
    gem = "Global Energy Monitor, GGIT (CC BY 4.0)"
    credits = {GeometryLicence.GEM_OSM: [gem, osm], GeometryLicence.GEM: [gem], GeometryLicence.ATLAS: []}
    return list(dict.fromkeys(credit for licence in sorted(set(licences))
                              for credit in credits[GeometryLicence(licence)]))


def caption(atlas: Dataset, view: EventFilter, shown: int, lang: Lang) -> Caption:
    dates = view.dates
    updated = format_date(atlas.last_updated, "day", lang) if atlas.last_updated else "—"
    network = routes_as_of(atlas.routes, dates.as_of)
    credits = ["Natural Earth", *route_credits(list(network["geometry_licence"]), lang)]
    return Caption(
        title=gettext("{title}: the network on {date}", lang).format(title=gettext("Central Asia Gas Atlas", lang),
                                                                      date=format_date(dates.as_of, "day", lang)),
        dates=gettext("Events from {start} to {end}: {events} shown", lang).format(
            start=format_date(dates.start, "day", lang), end=format_date(dates.end, "day", lang),
            events=format_number(shown, lang)),
        filters=filter_text(view, atlas, lang),
        source=gettext("Source: Central Asia Gas Atlas, data last updated {updated}; every event, route and figure "
                       "with its source publication in the atlas.", lang).format(updated=updated),
        attribution=gettext("Country shapes and routes: {credits}", lang).format(credits=" · ".join(credits)),
    )


def _rings(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [[(lon, mercator_y(max(min(lat, 85.0), -85.0))) for lon, lat in polygon[0]] for polygon in polygons]


def _dashes(dash: str | None, width: float) -> tuple[float, tuple[float, ...]] | None:
    """An SVG dash array in screen pixels as matplotlib's (offset, on-off) in multiples of the line width."""
    if dash is None:
        return None
    return 0, tuple(float(part) * PX_TO_PT / width for part in dash.split())


def _draw_countries(ax: Any, shapes: dict[str, Any], countries: pd.DataFrame, lang: Lang) -> None:
    for focus, style in ((False, COUNTRY_CONTEXT_STYLE), (True, COUNTRY_FOCUS_STYLE)):
        rings = [ring for feature in shapes["features"] if bool(feature["properties"]["focus"]) == focus
                 for ring in _rings(feature["geometry"])]
        ax.add_collection(PolyCollection(rings, facecolors=style["fillColor"], edgecolors=style["color"],
                                         linewidths=cast(float, style["weight"]) * PX_TO_PT, alpha=None, zorder=1))
    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    for row in countries[countries["focus"]].itertuples():
        x, y = row.label_lon, mercator_y(row.label_lat)
        if west < x < east and south < y < north:
            ax.text(x, y, getattr(row, f"name_{lang}"), ha="center", va="center", fontsize=9, color="#555555",
                    style="italic", zorder=6)


def _draw_routes(ax: Any, network: pd.DataFrame) -> None:
    for row in network.itertuples():
        style = ROUTE_STATUS_STYLE[RouteStatus(row.status)]
        width = route_weight(row.kind, row.capacity_bcm) * PX_TO_PT
        for part in line_parts(row.geometry):
            ax.plot([p[0] for p in part], [mercator_y(p[1]) for p in part], color=style.color, linewidth=width,
                    linestyle=_dashes(style.dash, width), solid_capstyle="round", alpha=0.9, zorder=3)
        for lon, lat, bearing in route_arrows(row.geometry, row.status):
            ax.plot(lon, mercator_y(lat), marker=(3, 0, -bearing), markersize=6, color=style.color,
                    markeredgecolor="white", markeredgewidth=0.5, zorder=4)


def _draw_points(ax: Any, atlas: Dataset, events: pd.DataFrame) -> None:
    for row in atlas.facilities.itertuples():
        symbol = FACILITY_SYMBOL[row.kind]
        ax.plot(row.lon, mercator_y(row.lat), marker=MARKERS[symbol.shape], markersize=symbol.size * 0.35,
                color=symbol.color, markeredgecolor="white", markeredgewidth=0.6, zorder=5)
    for kind, color in EVENT_TYPE_COLOR.items():
        of_kind = events[events["event_type"] == kind]
        for hollow in (False, True):
            rows = of_kind[(of_kind["geo_precision"] == GeoPrecision.COUNTRY) == hollow]
            if rows.empty:
                continue
            ax.scatter(rows["lon"], [mercator_y(lat) for lat in rows["lat"]], s=22, zorder=7, linewidths=1.0,
                       facecolors="none" if hollow else color, edgecolors=color if hollow else "white")


def _scale_bar(ax: Any, lang: Lang) -> None:
    """A bar of a round number of kilometres, true at the latitude it is drawn at (Mercator stretches north)."""
    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    x0, y0 = west + 0.04 * (east - west), south + 0.05 * (north - south)
    lat = math.degrees(2 * math.atan(math.exp(math.radians(y0))) - math.pi / 2)
    km_per_degree = 111.32 * math.cos(math.radians(lat))
    km = 1000 if (east - west) * km_per_degree > 4000 else 200
    length = km / km_per_degree
    ax.plot([x0, x0 + length], [y0, y0], color="#222222", linewidth=3, solid_capstyle="butt", zorder=8)
    ax.text(x0 + length / 2, y0 + 0.012 * (north - south), f"{format_number(km, lang)} {gettext('km', lang)}",
            ha="center", va="bottom", fontsize=8, zorder=8)
    ax.text(x0 + length / 2, y0 - 0.012 * (north - south),
            gettext("true at {lat}° N", lang).format(lat=format_number(round(lat), lang)), ha="center", va="top",
            fontsize=6, color="#555555", zorder=8)


def _legend(fig: Figure, network: pd.DataFrame, events: pd.DataFrame, lang: Lang) -> None:
    statuses = [status for status in RouteStatus if status in set(network["status"])]
    handles = [Line2D([], [], color=ROUTE_STATUS_STYLE[s].color, linewidth=2.5,
                      linestyle=_dashes(ROUTE_STATUS_STYLE[s].dash, 2.5), label=label(s, lang)) for s in statuses]
    kinds = [kind for kind in EVENT_TYPE_COLOR if kind in set(events["event_type"])]
    handles += [Line2D([], [], color="white", marker="o", markerfacecolor=EVENT_TYPE_COLOR[k], markersize=7,
                       label=label(k, lang)) for k in kinds]
    handles += [Line2D([], [], color="white", marker="o", markerfacecolor="none", markeredgecolor="#555555",
                       markersize=7, label=gettext("Hollow: only the country is known", lang))]
    handles += [Line2D([], [], color="white", marker=MARKERS[s.shape], markerfacecolor=s.color, markersize=7,
                       label=label(kind, lang)) for kind, s in FACILITY_SYMBOL.items()]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.755, 0.86), fontsize=7.5, frameon=False,
               title=gettext("Legend", lang), title_fontsize=9, alignment="left")


def render_map(atlas: Dataset, view: EventFilter, events: pd.DataFrame, lang: Lang, fmt: ImageFormat) -> bytes:
    """The view as an A4 landscape picture: the title, dates and filters above the map, the legend beside it,
    a scale bar on it, the source line and credits below; a view with no event says so across the map."""
    text = caption(atlas, view, len(events), lang)
    network = routes_as_of(atlas.routes, view.dates.as_of)
    with mpl.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=PAGE_INCHES)
        fig.text(0.03, 0.955, text.title, fontsize=17, weight="bold", va="top")
        fig.text(0.03, 0.91, text.dates, fontsize=10, va="top")
        fig.text(0.03, 0.885, text.filters, fontsize=9, va="top", color="#333333")
        ax = fig.add_axes((0.03, 0.09, 0.71, 0.78))
        (south, west), (north, east) = FOCUS_BOUNDS
        ax.set_xlim(west, east)
        ax.set_ylim(mercator_y(south), mercator_y(north))
        ax.set_aspect("equal", adjustable="box", anchor="NW")
        ax.set_facecolor(OFFLINE_SEA_COLOR)
        ax.set_xticks([])
        ax.set_yticks([])
        _draw_countries(ax, atlas.country_shapes, atlas.countries, lang)
        _draw_routes(ax, network)
        _draw_points(ax, atlas, events)
        _scale_bar(ax, lang)
        if events.empty:
            ax.text(0.5, 0.5, gettext("No event matches these filters:\nthe map shows the network only.", lang),
                    transform=ax.transAxes, ha="center", va="center", fontsize=14,
                    weight="bold", color="#B2182B", zorder=9,
                    bbox={"boxstyle": "round,pad=0.6", "facecolor": "white", "edgecolor": "#B2182B", "alpha": 0.92})
        _legend(fig, network, events, lang)
        fig.text(0.03, 0.055, text.source, fontsize=8, va="top")
        fig.text(0.03, 0.03, text.attribution, fontsize=7, va="top", color="#555555")
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {}
        fig.savefig(out, format=fmt, dpi=PNG_DPI, metadata=metadata, facecolor="white")
    return out.getvalue()

