"""Map layers built from data frames: the base map and the overlays that change with filters.

Everything here is a pure function of data (and language), so the page can
cache it, the tests can inspect it, and the benchmark can time it. Text is
escaped here, once, before it becomes HTML; layers carry it as JSON.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import folium
import pandas as pd

from gasatlas.analysis.flows import FlowYear, moved_text
from gasatlas.analysis.viewstate import Selection
from gasatlas.config import Basemap
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label
from gasatlas.i18n.formats import format_date
from gasatlas.map import event_columns
from gasatlas.map.assets import MARKERCLUSTER_CSS, SUPERCLUSTER_JS
from gasatlas.map.cards import CARD_CSS, event_html
from gasatlas.map.leaflet import (
    FOCUS_WITHOUT_SCROLLING,
    QUIET_FIRST_REPORT,
    AtlasFullscreen,
    AtlasMap,
    MapScript,
    ScriptLayer,
    add_header_css,
    map_resource,
)
from gasatlas.model import records
from gasatlas.model.geo import points_along
from gasatlas.model.palette import (
    CORRIDOR_OPACITY,
    COUNTRY_CONTEXT_STYLE,
    COUNTRY_FOCUS_STYLE,
    EVENT_TYPE_COLOR,
    FACILITY_SYMBOL,
    NO_FLOW_STYLE,
    NO_FLOW_WEIGHT,
    OFFLINE_SEA_COLOR,
    ROUTE_OPACITY,
    ROUTE_STATUS_STYLE,
    SELECTED_EVENT_COLOR,
    flow_weight,
    route_weight,
    symbol_svg,
)
from gasatlas.model.sanitize import html_text
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import (
    FlowKind,
    GeometryLicence,
    Lang,
    RouteKind,
    RouteStatus,
)

Bounds = tuple[tuple[float, float], tuple[float, float]]
"""(south, west), (north, east) in degrees, as Leaflet takes them."""
FOCUS_BOUNDS: Bounds = ((23.6, 46.5), (58.0, 121.5))
"""All seven focus countries: Pakistan's coast to Russia's label, the Caspian to the Yellow Sea (most of China).
The map opens on these widened to the whole network (``network_bounds``)."""
FIT_PADDING = {"topLeft": (52, 16), "bottomRight": (16, 52)}
"""Pixels (x, y) kept free at a fitted view's corners, so no point of a route is drawn on the map's edge or under
its controls: zoom, full screen and "show everything" down the left, the scale bottom left, the credits bottom
right (``map/js/map_controls.js``)."""
MAP_CENTER = (43.5, 84.0)
MAP_ZOOM = 3.5
"""Where the map stands before it fits ``FOCUS_BOUNDS`` (for a map that has no size yet)."""
ZOOM_SNAP = 0.25
"""Quarter zoom steps, so the focus area fills the map instead of jumping between too close and too far."""
MIN_ZOOM = 2
MAX_ZOOM = 12
LABELS_PANE = "gaLabels"
"""A pane for country and volume labels, above the markers: a cluster badge never hides a country's name
(made by ``map/js/labels_pane.js``, which names it too)."""
TILES_URL = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
OSM_LINK = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
CARTO_LINK = '&copy; <a href="https://carto.com/attributions">CARTO</a>'
GEM_LINK = '<a href="https://globalenergymonitor.org/projects/global-gas-infrastructure-tracker/">GEM</a> (CC BY 4.0)'


def osm_credit(lang: Lang) -> str:
    """"© OpenStreetMap contributors" / "© участники OpenStreetMap" (trusted HTML)."""
    return html_text(gettext("© {osm} contributors", lang)).replace("{osm}", OSM_LINK)


def tiles_credit(lang: Lang) -> str:
    return f"{osm_credit(lang)} {CARTO_LINK}"


def licence_credits(licence: GeometryLicence, lang: Lang) -> list[str]:
    """Map credits (trusted HTML) for a route line of ``licence``; full wording is in data/README.md."""
    return {GeometryLicence.GEM_OSM: [GEM_LINK, f"{osm_credit(lang)} (ODbL)"], GeometryLicence.GEM: [GEM_LINK],
            GeometryLicence.ATLAS: []}[licence]

def palette_css() -> str:
    """The palette's colours as the map's CSS needs them: custom properties and one rule per event type."""
    events = "\n".join(
        f".ga-event.{kind} {{ background: {color}; border-color: {color}; }}"
        f" .ga-event.{kind}:not(.country) {{ border-color: #fff; }}"
        for kind, color in EVENT_TYPE_COLOR.items()
    )
    return f":root {{ --ga-sea: {OFFLINE_SEA_COLOR}; --ga-selected: {SELECTED_EVENT_COLOR}; }}\n{events}\n"


MAP_CSS = palette_css() + map_resource("map.css") + CARD_CSS
COUNTRIES_JS = map_resource("countries.js")
LABELS_PANE_JS = map_resource("labels_pane.js")
COUNTRY_LABELS_JS = map_resource("country_labels.js")
ROUTES_JS = map_resource("routes.js")
FLOW_LABELS_JS = map_resource("flow_labels.js")
LABEL_PLACEMENT_JS = map_resource("label_placement.js")
FACILITIES_JS = map_resource("facilities.js")
EVENTS_JS = map_resource("events.js")
SELECTION_JS = map_resource("selection.js")
MAP_CONTROLS_JS = map_resource("map_controls.js")
NETWORK_VIEW_JS = map_resource("network_view.js")
SHOW_EVERYTHING_SVG = map_resource("show_everything.svg").strip()


def network_bounds(routes: pd.DataFrame, countries: Bounds = FOCUS_BOUNDS) -> Bounds:
    """The focus countries and every route end to end (Power of Siberia reaches 128°E, its second line
    66°N): what the first view must hold."""
    points = [point for geometry in routes["geometry"] for part in line_parts(geometry) for point in part]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    (south, west), (north, east) = countries
    return (min([south, *lats]), min([west, *lons])), (max([north, *lats]), max([east, *lons]))


def base_map(country_shapes: dict[str, Any], basemap: Basemap, bounds: Bounds = FOCUS_BOUNDS,
             lang: Lang = "en") -> AtlasMap:
    """The part of the map that never changes during a session: view (fitted to ``bounds``), controls, tiles,
    country shapes.

    streamlit-folium keeps the map (and the user's zoom and pan) as long as this
    part is identical between reruns; everything else goes into overlays. The
    view is fitted to ``bounds`` again when the map changes size before anything
    moved it, and the "show everything" button does it on demand (``map/js/network_view.js``).
    """
    fmap = AtlasMap(location=MAP_CENTER, zoom_start=MAP_ZOOM,  # type: ignore[arg-type]  # Leaflet takes 3.5
                    tiles=None, control_scale=False,
                    minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM, zoomSnap=ZOOM_SNAP)  # clustering needs maxZoom
    AtlasFullscreen(position="topleft", title=gettext("Full screen", lang),
                    title_cancel=gettext("Leave full screen", lang)).add_to(fmap)
    MapScript(NETWORK_VIEW_JS, name="NetworkView",
              data={"bounds": bounds, "padding": FIT_PADDING, "label": gettext("Show the whole network", lang),
                    "icon": SHOW_EVERYTHING_SVG}).add_to(fmap)
    add_header_css(fmap, MAP_CSS)
    MapScript(FOCUS_WITHOUT_SCROLLING, name="FocusWithoutScrolling").add_to(fmap)
    MapScript(QUIET_FIRST_REPORT, name="QuietFirstReport").add_to(fmap)
    MapScript(LABELS_PANE_JS, name="LabelsPane").add_to(fmap)
    MapScript(LABEL_PLACEMENT_JS, name="LabelPlacement").add_to(fmap)
    controls = {"imperial": lang == "en", "locale": None if lang == "en" else lang, "zoomIn": gettext("Zoom in", lang),
                "zoomOut": gettext("Zoom out", lang), "units": {"m": gettext("m", lang), "km": gettext("km", lang)}}
    ScriptLayer(MAP_CONTROLS_JS, controls, name="MapControls").add_to(fmap)
    if basemap == "tiles":
        folium.TileLayer(TILES_URL, attr=tiles_credit(lang), name="CARTO Positron", max_zoom=MAX_ZOOM).add_to(fmap)
    shapes = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"focus": f["properties"]["focus"]}, "geometry": f["geometry"]}
            for f in country_shapes["features"]
        ],
    }
    data = {
        "shapes": shapes,
        "focus": COUNTRY_FOCUS_STYLE,
        "context": COUNTRY_CONTEXT_STYLE,
        "attribution": '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
    }
    ScriptLayer(COUNTRIES_JS, data, name="Countries").add_to(fmap)
    return fmap


def country_labels_layer(countries: pd.DataFrame, lang: Lang) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="country-labels")
    data = [
        {"lat": row.label_lat, "lon": row.label_lon, "focus": bool(row.focus),
         "name": html_text(getattr(row, f"name_{lang}"))}
        for row in countries.itertuples()
    ]
    ScriptLayer(COUNTRY_LABELS_JS, data, name="CountryLabels").add_to(group)
    return group


def line_parts(geometry: dict[str, Any]) -> list[list[list[float]]]:
    return [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]


def route_arrows(geometry: dict[str, Any], status: RouteStatus | str) -> list[tuple[float, float, float]]:
    """Arrow positions (lon, lat, bearing) showing the flow direction on the route.

    Geometries run in the design flow direction; a reversed route flows the other way.
    Long routes get three arrows, short parts one, tiny fragments none.
    """
    parts = line_parts(geometry)
    lengths = [sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in itertools.pairwise(p)) for p in parts]
    longest = max(lengths, default=0)
    arrows: list[tuple[float, float, float]] = []
    for part, length in zip(parts, lengths, strict=True):
        if length < 0.15 * longest or length == 0:
            continue
        coords = part[::-1] if status == RouteStatus.REVERSED else part
        fractions = (0.2, 0.5, 0.8) if length > 12 else (0.5,)
        arrows.extend(points_along(coords, fractions))
    return arrows


def _since_text(row: Any, lang: Lang) -> str:
    if row.status_since is None:
        return gettext("start date not in sources", lang)
    change = next(c for c in row.status_history if c["from"] == row.status_since)
    return f"{gettext('since', lang)} {format_date(row.status_since, change['from_precision'], lang)}"


def _flow_tip(figures: pd.DataFrame | None, year: int, lang: Lang) -> str:
    """The year's figures in a route's tooltip, each with the title of its source (the card links it)."""
    if figures is None:
        none = gettext("{year}: no reported or estimated figure", lang).format(year=year)
        return f'<br><span class="ga-muted">{html_text(none)}</span>'
    return "".join(
        f"<br><b>{html_text(row.from_country)}→{html_text(row.to_country)} {year}: "
        f"{html_text(moved_text(figures.iloc[[number]], lang))}</b> "
        f'<span class="ga-muted">({html_text(label(row.value_kind, lang))}; {html_text(row.source_title)})</span>'
        for number, row in enumerate(figures.itertuples())
    )


def route_tooltip(row: Any, lang: Lang, flow_year: FlowYear | None = None) -> str:
    name = html_text(getattr(row, f"name_{lang}"))
    status = html_text(label(row.status, lang))
    kind = html_text(label(row.kind, lang))
    quality = html_text(label(row.geometry_quality, lang))
    flows = "" if flow_year is None else _flow_tip(flow_year.by_route.get(row.id), flow_year.year, lang)
    return (
        f"<b>{name}</b><br>{status} · {html_text(_since_text(row, lang))}"
        f'<br><span class="ga-muted">{kind}; {quality}</span>{flows}'
    )


def route_width(route: Any, flow_year: FlowYear | None) -> float:
    """A route's line width: by capacity, or in flow mode by the gas that moved in the year (thin without a figure)."""
    if flow_year is None:
        return route_weight(route.kind, route.capacity_bcm)
    figures = flow_year.by_route.get(route.id)
    return NO_FLOW_WEIGHT if figures is None else flow_weight(figures["volume_bcm"].sum())


def routes_layer(routes_as_of: pd.DataFrame, lang: Lang, flow_year: FlowYear | None = None) -> folium.FeatureGroup:
    """Routes styled by their status on the chosen date (see ``gasatlas.model.status.routes_as_of``), as wide as their
    capacity — or, given ``flow_year``, as the gas that moved in that year, with "no data" drawn apart."""
    features: list[dict[str, Any]] = []
    arrows: list[dict[str, Any]] = []
    for row in routes_as_of.itertuples():
        no_data = flow_year is not None and row.id not in flow_year.by_route
        style = NO_FLOW_STYLE if no_data else ROUTE_STATUS_STYLE[RouteStatus(row.status)]
        corridor = row.kind == RouteKind.SUPPLY_CORRIDOR
        features.append(
            {
                "type": "Feature",
                "geometry": row.geometry,
                "properties": {
                    "layer": "route",
                    "id": row.id,
                    "tip": route_tooltip(row, lang, flow_year),
                    "style": {
                        "color": style.color,
                        "weight": route_width(row, flow_year),
                        "opacity": CORRIDOR_OPACITY if corridor else ROUTE_OPACITY,
                        "dashArray": style.dash,
                        "lineCap": "round",
                        "className": f"ga-route ga-route-{row.id}" + (" ga-no-flow" if no_data else ""),
                    },
                },
            }
        )
        arrows.extend(
            {"lon": round(lon, 4), "lat": round(lat, 4), "bearing": round(bearing, 1), "color": style.color}
            for lon, lat, bearing in route_arrows(row.geometry, row.status)
        )
    credits = [c for licence in sorted(set(routes_as_of["geometry_licence"])) for c in licence_credits(licence, lang)]
    attribution = f"{html_text(gettext('Routes', lang))}: " + ", ".join(dict.fromkeys(credits)) if credits else ""
    group = folium.FeatureGroup(name="routes")
    data = {"routes": features, "arrows": arrows, "attribution": attribution}
    ScriptLayer(ROUTES_JS, data, name="Routes").add_to(group)
    return group


FLOW_LABEL_CANDIDATES = (0.35, 0.25, 0.45, 0.15, 0.55, 0.65, 0.75, 0.85, 0.05, 0.95)
"""Where along a route its volume may be written, best first: off the middle, where a direction arrow sits."""


def flow_label_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """Where a route's volume is written: the best of ``FLOW_LABEL_CANDIDATES`` along its longest part that lies
    in the map's opening view; for a route wholly outside it, the point closest to that view."""
    points = points_along(max(line_parts(geometry), key=len), FLOW_LABEL_CANDIDATES)
    (south, west), (north, east) = FOCUS_BOUNDS

    def outside(point: tuple[float, float, float]) -> float:
        lon, lat, _ = point
        return max(south - lat, lat - north, 0) + max(west - lon, lon - east, 0)

    lon, lat, _ = min(points, key=outside)  # min keeps the first of equals: the preferred candidate
    return lat, lon


def flow_labels_layer(routes_as_of: pd.DataFrame, flow_year: FlowYear, lang: Lang) -> folium.FeatureGroup:
    """The volume that moved in the year written on each route that has a figure; routes without one get none."""
    labels = []
    for row in routes_as_of.itertuples():
        figures = flow_year.by_route.get(row.id)
        if figures is None:
            continue
        lat, lon = flow_label_point(row.geometry)
        kind = FlowKind.ESTIMATE if (figures["value_kind"] == FlowKind.ESTIMATE).any() else FlowKind.REPORTED
        labels.append({"id": html_text(row.id), "lat": round(lat, 4), "lon": round(lon, 4), "kind": str(kind),
                       "text": html_text(moved_text(figures, lang))})
    group = folium.FeatureGroup(name="flow-labels")
    ScriptLayer(FLOW_LABELS_JS, {"pane": LABELS_PANE, "labels": labels}, name="FlowLabels").add_to(group)
    return group


def facility_tooltip(row: Any, lang: Lang) -> str:
    name = html_text(getattr(row, f"name_{lang}"))
    kind = html_text(label(row.kind, lang))
    precision = html_text(label(row.geo_precision, lang))
    return f"<b>{name}</b><br>{kind}<br><span class=\"ga-muted\">{gettext('Location', lang)}: {precision}</span>"


def facilities_layer(facilities: pd.DataFrame, lang: Lang) -> folium.FeatureGroup:
    data = []
    for row in facilities.itertuples():
        symbol = FACILITY_SYMBOL[row.kind]
        name = html_text(getattr(row, f"name_{lang}"))
        data.append(
            {
                "id": row.id,
                "kind": str(row.kind),
                "lat": row.lat,
                "lon": row.lon,
                "size": symbol.size,
                "z": 500 if symbol.size >= 24 else 0,
                "svg": symbol_svg(symbol, label_html=name, data_id=row.id),
                "tip": facility_tooltip(row, lang),
            }
        )
    group = folium.FeatureGroup(name="facilities")
    ScriptLayer(FACILITIES_JS, data, name="Facilities").add_to(group)
    return group


EVENT_LAYER_COLUMNS = ("id", "lat", "lon", "event_type", "geo_precision", "date_text_en", "date_text_ru",
                       "title_en", "title_ru", "status")
"""The events columns the map layer is made from."""


@dataclass(frozen=True)
class ShownEvents:
    """The events a map shows (picked from ``atlas.events``, keeping its labels) and, when the browser can fetch
    the columns of every published event from a file (``event_columns``), that file: then a rerun sends only
    which rows are shown."""

    rows: pd.DataFrame
    columns: event_columns.EventColumns | None = None


def events_layer(events: pd.DataFrame, lang: Lang, version: str = "",
                 columns: event_columns.EventColumns | None = None,
                 picked_from: pd.DataFrame | None = None) -> folium.FeatureGroup:
    """Events as one clustered layer (``map/js/events.js``, supercluster) fed by column arrays.

    With ``columns``, the layer names their file and carries one bit per row of it plus the shown rows the file
    lacks (``picked_from``: the frame ``events`` were filtered from, see ``event_columns.shown_rows``); without,
    it carries the shown events' columns itself. ``version`` names the data the events come from
    (``Dataset.events_version``): while it stays the same, the browser reuses the markers it built.
    """
    data: dict[str, Any] = {"types": event_columns.EVENT_TYPES, "maxZoom": MAX_ZOOM}
    if columns is None:
        with_titles = len(events) <= event_columns.TOOLTIP_TITLES_UP_TO
        data["base"] = event_columns.columns_data(events, lang, with_titles)
        data["version"] = f"{version}:{lang}:{int(with_titles)}"
    else:
        shown = event_columns.shown_rows(columns, events, picked_from)
        data.update(source=columns.url, version=columns.url, shown=shown.bits)
        if not shown.extra.empty:
            data["extra"] = event_columns.columns_data(shown.extra, lang, columns.with_titles)
    group = folium.FeatureGroup(name="events")
    ScriptLayer(EVENTS_JS, data, js=SUPERCLUSTER_JS, css=MARKERCLUSTER_CSS, name="Events").add_to(group)
    return group


def _midpoint(geometry: dict[str, Any]) -> tuple[float, float]:
    longest = max(line_parts(geometry), key=len)
    lon, lat, _ = points_along(longest, (0.5,))[0]
    return lat, lon


@dataclass(frozen=True)
class Highlight:
    """What the reader picked, with the page's counters of clicks (``nonce``) and of requests to centre the map on
    the pick (``centre``): see ``selection_layer``."""

    selected: Selection
    nonce: int = 0
    centre: int = 0


def selection_layer(
    atlas: Dataset, highlight: Highlight, lang: Lang, flow_year: FlowYear | None = None,
) -> folium.FeatureGroup | None:
    """The highlighted pick: a ring (and for events its popup), a halo for a route.

    The highlight's ``nonce`` changes on every click so that clicking the same marker again
    re-opens its popup even though nothing else changed. ``centre`` counts the
    page's requests to centre the map on the pick: the layer moves the view when
    it sees a new one, before it opens the popup, so that nothing else pans the
    map meanwhile (streamlit-folium's own ``center`` raced the popup's auto-pan).
    """
    selected = highlight.selected
    data: dict[str, Any] = {"kind": selected.kind, "id": selected.id, "nonce": highlight.nonce, "popup": None,
                            "line": None, "centre": highlight.centre}
    if selected.kind == "event":
        event = records.record(atlas.events, selected.id)
        if event is None:
            return None
        data.update(lat=event.lat, lon=event.lon, popup=event_html(event, atlas, lang))
    elif selected.kind == "facility":
        facility = records.record(atlas.facilities, selected.id)
        if facility is None:
            return None
        data.update(lat=facility.lat, lon=facility.lon)
    else:
        route = records.record(atlas.routes, selected.id)
        if route is None:
            return None
        lat, lon = _midpoint(route.geometry)
        data.update(lat=lat, lon=lon, line=route.geometry, color=SELECTED_EVENT_COLOR,
                    weight=route_width(route, flow_year) + 8)
    group = folium.FeatureGroup(name="selection")
    ScriptLayer(SELECTION_JS, data, name="Selection").add_to(group)
    return group


def overlays(
    atlas: Dataset,
    events: ShownEvents,
    as_of: dt.date,
    lang: Lang,
    flow_year: FlowYear | None = None,
    highlight: Highlight | None = None,
) -> list[folium.FeatureGroup]:
    """The layers that follow the page state, in drawing order; ``flow_year`` sizes routes by the gas that moved."""
    network = routes_as_of(atlas.routes, as_of)
    groups = [
        country_labels_layer(atlas.countries, lang),
        routes_layer(network, lang, flow_year),
        facilities_layer(atlas.facilities, lang),
        events_layer(events.rows, lang, atlas.events_version, events.columns, atlas.events),
    ]
    if flow_year is not None:
        groups.append(flow_labels_layer(network, flow_year, lang))
    picked = None if highlight is None else selection_layer(atlas, highlight, lang, flow_year)
    if picked is not None:
        groups.append(picked)
    return groups
