"""Map layers built from data frames: the base map and the overlays that change with filters.

Everything here is a pure function of data (and language), so the page can
cache it, the tests can inspect it, and the benchmark can time it. Text is
escaped here, once, before it becomes HTML; layers carry it as JSON.
"""

from __future__ import annotations

import datetime as dt
import itertools
from importlib.resources import files

import folium
import pandas as pd

from gasatlas.assets import MARKERCLUSTER_CSS, MARKERCLUSTER_JS
from gasatlas.cards import CARD_CSS, event_html
from gasatlas.config import Basemap
from gasatlas.data import Dataset
from gasatlas.flows import FlowYear, moved_text
from gasatlas.geo import points_along
from gasatlas.i18n import format_date, t
from gasatlas.leaflet import FOCUS_WITHOUT_SCROLLING, AtlasMap, MapScript, ScriptLayer, add_header_css
from gasatlas.palette import (
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
from gasatlas.sanitize import html_text
from gasatlas.status import routes_as_of
from gasatlas.viewstate import Selection
from gasatlas.vocab import (
    FlowKind,
    GeometryLicence,
    GeoPrecision,
    Lang,
    RecordStatus,
    RouteKind,
    RouteStatus,
    label,
)

FOCUS_BOUNDS = ((23.6, 46.5), (58.0, 121.5))
"""The map opens on these (south-west, north-east) corners: Pakistan's coast to Russia's label, the Caspian
to the Yellow Sea — all seven focus countries, most of China included, on a laptop screen."""
MAP_CENTER = (43.5, 84.0)
MAP_ZOOM = 3.5
"""Where the map stands before it fits ``FOCUS_BOUNDS`` (for a map that has no size yet)."""
ZOOM_SNAP = 0.25
"""Quarter zoom steps, so the focus area fills the map instead of jumping between too close and too far."""
MIN_ZOOM = 2
MAX_ZOOM = 12
LABELS_PANE = "gaLabels"
"""A pane for country and volume labels, above the markers: a cluster badge never hides a country's name."""
TILES_URL = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'

GEM_LINK = '<a href="https://globalenergymonitor.org/projects/global-gas-infrastructure-tracker/">GEM</a> (CC BY 4.0)'
OSM_LINK = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)'
LICENCE_ATTRIBUTION: dict[GeometryLicence, list[str]] = {
    GeometryLicence.GEM_OSM: [GEM_LINK, OSM_LINK],
    GeometryLicence.GEM: [GEM_LINK],
    GeometryLicence.ATLAS: [],
}
"""Map credits (trusted HTML) for the route lines on show; full wording is in data/README.md."""

EVENT_CSS = "\n".join(
    f".ga-event.{kind} {{ background: {color}; border-color: {color}; }}"
    f" .ga-event.{kind}:not(.country) {{ border-color: #fff; }}"
    for kind, color in EVENT_TYPE_COLOR.items()
)

MAP_CSS = f"""
.leaflet-container {{ background: {OFFLINE_SEA_COLOR}; font: 13px/1.4 system-ui, sans-serif; }}
.ga-country-label {{ white-space: nowrap; text-align: center; pointer-events: none;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; }}
.ga-country-label span {{ display: inline-block; transform: translate(-50%, calc(-100% - 21px)); }}
.ga-country-label[data-place=below] span {{ transform: translate(-50%, 21px); }}
.ga-country-label[data-place=right] span {{ transform: translate(21px, -50%); }}
.ga-country-label[data-place=left] span {{ transform: translate(calc(-100% - 21px), -50%); }}
.ga-country-label.focus span {{ font-weight: 700; font-size: 14px; color: #2b2b2b; letter-spacing: .04em; text-transform: uppercase; }}
.ga-country-label.context span {{ font-size: 11px; color: #7a7a7a; }}
.ga-facility, .ga-arrow {{ background: none; border: none; }}
.ga-facility svg {{ filter: drop-shadow(0 1px 1px rgba(0,0,0,.45)); }}
.ga-facility.processing_plant svg {{ filter: drop-shadow(0 0 4px #fff) drop-shadow(0 1px 2px rgba(0,0,0,.6)); }}
.ga-muted {{ color: #666; }}
.ga-flow-label {{ white-space: nowrap; pointer-events: none; }}
.ga-flow-label span {{ display: inline-block; transform: translate(-50%, -50%); padding: 0 .3em; border-radius: 3px;
  background: rgba(255,255,255,.9); border: 1px solid #444; font-size: 11px; font-weight: 600; color: #1f1f1f; }}
.ga-flow-label.estimate span {{ border-style: dashed; font-style: italic; }}
.leaflet-container .leaflet-control-attribution {{ font-size: 11px; }}
.ga-event {{ border-radius: 50%; border: 1.5px solid #fff; box-shadow: 0 0 0 1px rgba(0,0,0,.35); box-sizing: border-box; }}
.ga-event.country {{ background: #fff !important; border-width: 3px; }}
.ga-event.pending {{ opacity: .75; border: 2px dashed #222 !important; box-shadow: 0 0 0 2px #fff; }}
{EVENT_CSS}
.ga-selected {{ border-radius: 50%; border: 3px solid {SELECTED_EVENT_COLOR}; background: rgba(255,212,0,.25);
  box-shadow: 0 0 0 2px #333, 0 0 10px 3px rgba(255,212,0,.9); box-sizing: border-box; }}
.leaflet-popup-content {{ margin: 10px 12px; }}
.leaflet-popup-content .ga-card {{ font-size: 13px; }}
.leaflet-popup-content .ga-card h3 {{ font-size: 14px; }}
{CARD_CSS}
"""

COUNTRIES_JS = """function (data) {
  return L.geoJSON(data.shapes, {
    interactive: false,
    attribution: data.attribution,
    style: function (f) { return f.properties.focus ? data.focus : data.context; }
  });
}"""

LABELS_PANE_JS = """function (map) {
  var pane = map.createPane('""" + LABELS_PANE + """');
  pane.style.zIndex = 640;  // above markers (600), below tooltips (650) and popups (700)
  pane.style.pointerEvents = 'none';
}"""

COUNTRY_LABELS_JS = """function (data) {
  // A name sits just above its country's label point, where events of unknown place sit.
  var group = L.layerGroup();
  data.forEach(function (c) {
    L.marker([c.lat, c.lon], {interactive: false, keyboard: false, pane: '""" + LABELS_PANE + """', icon: L.divIcon({
      className: 'ga-country-label ' + (c.focus ? 'focus' : 'context'), iconSize: null,
      html: '<span>' + c.name + '</span>'
    })}).addTo(group);
  });
  return group;
}"""

ROUTES_JS = """function (data) {
  var group = L.featureGroup();
  L.geoJSON(data.routes, {
    attribution: data.attribution,
    style: function (f) { return f.properties.style; },
    onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.tip, {sticky: true}); }
  }).addTo(group);
  data.arrows.forEach(function (a) {
    L.marker([a.lat, a.lon], {interactive: false, keyboard: false, icon: L.divIcon({
      className: 'ga-arrow', iconSize: [16, 16], iconAnchor: [8, 8],
      html: '<svg viewBox="0 0 16 16" width="16" height="16" style="transform: rotate(' + Number(a.bearing) +
        'deg)"><path d="M8 1.5 14 14 8 10.5 2 14z" fill="' + a.color + '" stroke="#fff" stroke-width="1.2"/></svg>'
    })}).addTo(group);
  });
  return group;
}"""

FLOW_LABELS_JS = (files("gasatlas") / "mapjs" / "flow_labels.js").read_text(encoding="utf-8")
LABEL_PLACEMENT_JS = (files("gasatlas") / "mapjs" / "label_placement.js").read_text(encoding="utf-8")

FACILITIES_JS = """function (data) {
  var group = L.featureGroup();
  data.forEach(function (f) {
    var marker = L.marker([f.lat, f.lon], {
      riseOnHover: true, zIndexOffset: f.z,
      icon: L.divIcon({className: 'ga-facility ' + f.kind, html: f.svg,
                       iconSize: [f.size, f.size], iconAnchor: [f.size / 2, f.size / 2]})
    });
    marker.feature = {type: 'Feature', properties: {layer: 'facility', id: f.id}};
    marker.bindTooltip(f.tip, {direction: 'top', offset: [0, -f.size / 2]});
    marker.addTo(group);
  });
  return group;
}"""


EVENTS_JS = """function (data) {
  // Markers and their clustering survive reruns (the page re-runs this on every change):
  // a slider step then only removes and adds the events that changed, instead of
  // rebuilding and re-clustering every marker. A new data version starts afresh.
  var kept = window.__gasAtlasEvents;
  if (!kept || kept.version !== data.version) {
    kept = window.__gasAtlasEvents = {
      version: data.version, markers: {}, shown: {}, count: 0,
      cluster: L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40,
                                     spiderfyDistanceMultiplier: 1.5})
    };
  }
  var icons = {};
  function icon(t, p, pending) {
    var key = t + ':' + p + ':' + pending;
    if (!icons[key]) {
      icons[key] = L.divIcon({className: 'ga-event ' + data.types[t] + (p ? ' country' : '') +
                                         (pending ? ' pending' : ''),
                              iconSize: [14, 14], iconAnchor: [7, 7]});
    }
    return icons[key];
  }
  function tip(i) {
    var box = document.createElement('div');
    var when = document.createElement('b');
    when.textContent = data.date[i];
    box.appendChild(when);
    if (data.pending && data.pending[i]) {
      box.appendChild(document.createTextNode(' · ' + data.unreviewed));
    }
    if (data.title) {
      box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(data.title[i]));
    }
    return box;
  }
  function marker(i) {
    var pending = data.pending ? data.pending[i] : 0;
    var made = L.marker([data.lat[i], data.lon[i]], {icon: icon(data.t[i], data.p[i], pending), keyboard: false});
    made.feature = {type: 'Feature', properties: {layer: 'event', id: data.id[i]}};
    made.bindTooltip(tip.bind(null, i), {direction: 'top', offset: [0, -6]});
    return made;
  }
  var wanted = {}, added = [], removed = [];
  for (var i = 0; i < data.id.length; i++) {
    var id = data.id[i];
    wanted[id] = true;
    if (!kept.shown[id]) added.push(kept.markers[id] || (kept.markers[id] = marker(i)));
  }
  for (var shownId in kept.shown) if (!wanted[shownId]) removed.push(kept.markers[shownId]);
  if (removed.length > kept.count / 2) {  // removing most markers one by one is slower than starting over
    kept.cluster.clearLayers();
    added = data.id.map(function (id) { return kept.markers[id]; });
  } else if (removed.length) {
    kept.cluster.removeLayers(removed);
  }
  if (added.length) kept.cluster.addLayers(added);
  kept.shown = wanted;
  kept.count = data.id.length;
  return kept.cluster;
}"""

SELECTION_JS = """function (data) {
  var group = L.featureGroup();
  if (data.line) {
    L.geoJSON(data.line, {interactive: false, style: {color: data.color, weight: data.weight, opacity: 0.55}})
      .addTo(group);
  }
  var marker = L.marker([data.lat, data.lon], {zIndexOffset: 10000, keyboard: false,
    icon: L.divIcon({className: 'ga-selected', iconSize: [28, 28], iconAnchor: [14, 14]})});
  marker.feature = {type: 'Feature', properties: {layer: data.kind, id: data.id, click: data.nonce}};
  if (data.popup) {
    marker.bindPopup(data.popup, {maxWidth: 340, minWidth: 240, maxHeight: 320, autoPanPadding: [16, 16]});
    marker.on('add', function () {
      // Open once the map has settled: the page may re-centre it right after adding layers,
      // and the popup's auto-pan must work from the final view.
      var map = marker._map;
      setTimeout(function () {
        if (map._panAnim && map._panAnim._inProgress) map.once('moveend', function () { marker.openPopup(); });
        else marker.openPopup();
      }, 0);
    });
  }
  marker.addTo(group);
  return group;
}"""


def base_map(country_shapes: dict, basemap: Basemap,
             bounds: tuple[tuple[float, float], tuple[float, float]] = FOCUS_BOUNDS) -> AtlasMap:
    """The part of the map that never changes during a session: view (fitted to ``bounds``), tiles, country shapes.

    streamlit-folium keeps the map (and the user's zoom and pan) as long as this
    part is identical between reruns; everything else goes into overlays.
    """
    fmap = AtlasMap(location=MAP_CENTER, zoom_start=MAP_ZOOM, tiles=None, control_scale=True,
                    minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM, zoomSnap=ZOOM_SNAP)  # clustering needs maxZoom
    fmap.fit_bounds(bounds)
    add_header_css(fmap, MAP_CSS)
    MapScript(FOCUS_WITHOUT_SCROLLING, name="FocusWithoutScrolling").add_to(fmap)
    MapScript(LABELS_PANE_JS, name="LabelsPane").add_to(fmap)
    MapScript(LABEL_PLACEMENT_JS, name="LabelPlacement").add_to(fmap)
    if basemap == "tiles":
        folium.TileLayer(TILES_URL, attr=TILES_ATTRIBUTION, name="CARTO Positron", max_zoom=MAX_ZOOM).add_to(fmap)
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


def line_parts(geometry: dict) -> list[list[list[float]]]:
    return [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]


def route_arrows(geometry: dict, status: RouteStatus | str) -> list[tuple[float, float, float]]:
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


def _since_text(row, lang: Lang) -> str:
    if row.status_since is None:
        return t("since_unknown", lang)
    change = next(c for c in row.status_history if c["from"] == row.status_since)
    return f"{t('status_since', lang)} {format_date(row.status_since, change['from_precision'], lang)}"


def _flow_tip(figures: pd.DataFrame | None, year: int, lang: Lang) -> str:
    """The year's figures in a route's tooltip, each with the title of its source (the card links it)."""
    if figures is None:
        return f'<br><span class="ga-muted">{html_text(t("flow_tip_none", lang).format(year=year))}</span>'
    return "".join(
        f"<br><b>{html_text(row.from_country)}→{html_text(row.to_country)} {year}: "
        f"{html_text(moved_text(figures.iloc[[number]], lang))}</b> "
        f'<span class="ga-muted">({html_text(label(row.value_kind, lang))}; {html_text(row.source_title)})</span>'
        for number, row in enumerate(figures.itertuples())
    )


def route_tooltip(row, lang: Lang, flow_year: FlowYear | None = None) -> str:
    name = html_text(getattr(row, f"name_{lang}"))
    status = html_text(label(row.status, lang))
    kind = html_text(label(row.kind, lang))
    quality = html_text(label(row.geometry_quality, lang))
    flows = "" if flow_year is None else _flow_tip(flow_year.by_route.get(row.id), flow_year.year, lang)
    return (
        f"<b>{name}</b><br>{status} · {html_text(_since_text(row, lang))}"
        f'<br><span class="ga-muted">{kind}; {quality}</span>{flows}'
    )


def route_width(route, flow_year: FlowYear | None) -> float:
    """A route's line width: by capacity, or in flow mode by the gas that moved in the year (thin without a figure)."""
    if flow_year is None:
        return route_weight(route.kind, route.capacity_bcm)
    figures = flow_year.by_route.get(route.id)
    return NO_FLOW_WEIGHT if figures is None else flow_weight(figures["volume_bcm"].sum())


def routes_layer(routes_as_of: pd.DataFrame, lang: Lang, flow_year: FlowYear | None = None) -> folium.FeatureGroup:
    """Routes styled by their status on the chosen date (see ``gasatlas.status.routes_as_of``), as wide as their
    capacity — or, given ``flow_year``, as the gas that moved in that year, with "no data" drawn apart."""
    features, arrows = [], []
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
    credits = [c for licence in sorted(set(routes_as_of["geometry_licence"])) for c in LICENCE_ATTRIBUTION[licence]]
    attribution = "Routes: " + ", ".join(dict.fromkeys(credits)) if credits else ""
    group = folium.FeatureGroup(name="routes")
    ScriptLayer(ROUTES_JS, {"routes": features, "arrows": arrows, "attribution": attribution}, name="Routes").add_to(group)
    return group


FLOW_LABEL_CANDIDATES = (0.35, 0.25, 0.45, 0.15, 0.55, 0.65, 0.75, 0.85, 0.05, 0.95)
"""Where along a route its volume may be written, best first: off the middle, where a direction arrow sits."""


def flow_label_point(geometry: dict) -> tuple[float, float]:
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


def facility_tooltip(row, lang: Lang) -> str:
    name = html_text(getattr(row, f"name_{lang}"))
    kind = html_text(label(row.kind, lang))
    precision = html_text(label(row.geo_precision, lang))
    return f"<b>{name}</b><br>{kind}<br><span class=\"ga-muted\">{t('location_precision', lang)}: {precision}</span>"


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
TOOLTIP_TITLES_UP_TO = 5_000
"""Above this many events, marker tooltips show only the date: titles would dominate the payload."""


def events_layer(events: pd.DataFrame, lang: Lang, version: str = "") -> folium.FeatureGroup:
    """Events as one clustered layer fed by column arrays: a few dozen bytes per event.

    Popups are not shipped; the selected event's popup comes with the selection layer.
    ``version`` names the data the events come from (``Dataset.events_version``):
    while it stays the same, the browser reuses the markers it built.
    """
    types = list(EVENT_TYPE_COLOR)
    type_index = {str(kind): i for i, kind in enumerate(types)}
    data = {
        "types": [str(kind) for kind in types],
        "id": events["id"].tolist(),
        "lat": events["lat"].round(4).tolist(),
        "lon": events["lon"].round(4).tolist(),
        "t": events["event_type"].map(type_index).tolist(),
        "p": (events["geo_precision"] == GeoPrecision.COUNTRY).astype(int).tolist(),
        "date": events[f"date_text_{lang}"].tolist(),
    }
    with_titles = len(events) <= TOOLTIP_TITLES_UP_TO
    if with_titles:
        data["title"] = events[f"title_{lang}"].tolist()
    pending = events["status"] == RecordStatus.PENDING
    if pending.any():  # the reader's own submissions, not yet reviewed
        data["pending"] = pending.astype(int).tolist()
        data["unreviewed"] = t("unreviewed", lang)
    data["version"] = f"{version}:{lang}:{int(with_titles)}"
    group = folium.FeatureGroup(name="events")
    ScriptLayer(EVENTS_JS, data, js=MARKERCLUSTER_JS, css=MARKERCLUSTER_CSS, name="Events").add_to(group)
    return group


def _midpoint(geometry: dict) -> tuple[float, float]:
    longest = max(line_parts(geometry), key=len)
    lon, lat, _ = points_along(longest, (0.5,))[0]
    return lat, lon


def selection_layer(
    atlas: Dataset, selected: Selection, lang: Lang, nonce: int = 0, flow_year: FlowYear | None = None,
) -> folium.FeatureGroup | None:
    """The highlighted pick: a ring (and for events its popup), a halo for a route.

    ``nonce`` changes on every click so that clicking the same marker again
    re-opens its popup even though nothing else changed.
    """
    data: dict = {"kind": selected.kind, "id": selected.id, "nonce": nonce, "popup": None, "line": None}
    if selected.kind == "event":
        found = atlas.events[atlas.events["id"] == selected.id]
        if found.empty:
            return None
        event = next(found.itertuples())
        data.update(lat=event.lat, lon=event.lon, popup=event_html(event, atlas, lang))
    elif selected.kind == "facility":
        found = atlas.facilities[atlas.facilities["id"] == selected.id]
        if found.empty:
            return None
        facility = next(found.itertuples())
        data.update(lat=facility.lat, lon=facility.lon)
    else:
        found = atlas.routes[atlas.routes["id"] == selected.id]
        if found.empty:
            return None
        route = next(found.itertuples())
        lat, lon = _midpoint(route.geometry)
        data.update(lat=lat, lon=lon, line=route.geometry, color=SELECTED_EVENT_COLOR,
                    weight=route_width(route, flow_year) + 8)
    group = folium.FeatureGroup(name="selection")
    ScriptLayer(SELECTION_JS, data, name="Selection").add_to(group)
    return group


def overlays(
    atlas: Dataset,
    events: pd.DataFrame,
    as_of: dt.date,
    lang: Lang,
    selected: Selection | None = None,
    nonce: int = 0,
    flow_year: FlowYear | None = None,
) -> list[folium.FeatureGroup]:
    """The layers that follow the page state, in drawing order; ``flow_year`` sizes routes by the gas that moved."""
    network = routes_as_of(atlas.routes, as_of)
    groups = [
        country_labels_layer(atlas.countries, lang),
        routes_layer(network, lang, flow_year),
        facilities_layer(atlas.facilities, lang),
        events_layer(events, lang, atlas.events_version),
    ]
    if flow_year is not None:
        groups.append(flow_labels_layer(network, flow_year, lang))
    highlight = None if selected is None else selection_layer(atlas, selected, lang, nonce, flow_year)
    if highlight is not None:
        groups.append(highlight)
    return groups
