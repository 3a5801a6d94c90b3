"""Every colour, dash pattern and symbol the map and legend use, in one place.

Colours follow the Okabe–Ito palette where possible so that statuses and event
types stay distinguishable for colour-blind readers; dash patterns repeat the
status so it never rests on colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gasatlas.model.vocab import EventType, FacilityKind, FlowKind, RouteKind, RouteStatus


@dataclass(frozen=True)
class LineStyle:
    color: str
    dash: str | None  # SVG stroke-dasharray; None draws a solid line


ROUTE_STATUS_STYLE: dict[RouteStatus, LineStyle] = {
    RouteStatus.OPERATING: LineStyle("#0072B2", None),
    RouteStatus.REVERSED: LineStyle("#CC79A7", None),
    RouteStatus.SUSPENDED: LineStyle("#D55E00", "2 7"),
    RouteStatus.UNDER_CONSTRUCTION: LineStyle("#E69F00", "12 6"),
    RouteStatus.PROPOSED: LineStyle("#009E73", "6 8"),
    RouteStatus.MOTHBALLED: LineStyle("#7F7F7F", "1 6"),
}

CORRIDOR_WEIGHT = 2.5
ROUTE_OPACITY = 0.9
CORRIDOR_OPACITY = 0.75


def route_weight(kind: RouteKind | str, capacity_bcm: float | None) -> float:
    """Line width in pixels: grows with the square root of capacity, so 90 bcm is not 40x 2 bcm."""
    if kind == RouteKind.SUPPLY_CORRIDOR:
        return CORRIDOR_WEIGHT
    if capacity_bcm is None or (isinstance(capacity_bcm, float) and math.isnan(capacity_bcm)):
        return 3.0
    return round(2.5 + 0.6 * math.sqrt(capacity_bcm), 1)


def flow_weight(volume_bcm: float) -> float:
    """Line width in pixels in the map's flow mode: the square root of the volume, steeper than
    ``route_weight`` so that a year's change on a small route shows (1.3 → 5.6 bcm is 3.4 → 4.8 px)."""
    return round(2.0 + 1.2 * math.sqrt(volume_bcm), 1)


NO_FLOW_STYLE = LineStyle("#8C8C8C", "2 6")
"""A route with no figure for the year in flow mode: thin, grey and dashed — "no data", never zero."""
NO_FLOW_WEIGHT = 1.5
FLOW_LEGEND_VOLUMES = (1.0, 10.0, 40.0)
"""Sample widths the legend shows in flow mode, in bcm."""

FLOW_KIND_STYLE: dict[FlowKind, LineStyle] = {
    FlowKind.REPORTED: LineStyle("#0072B2", None),
    FlowKind.ESTIMATE: LineStyle("#56B4E9", "4 3"),
    FlowKind.CONTRACT: LineStyle("#E69F00", "8 4"),
    FlowKind.CAPACITY: LineStyle("#7F7F7F", "1 4"),
    FlowKind.GAP: LineStyle("#BDBDBD", "2 6"),
}
"""How each kind of flow figure is drawn in charts: contracts and capacities never look like gas that moved."""
FLOW_KIND_SHAPE: dict[FlowKind, str] = {
    FlowKind.REPORTED: "circle",
    FlowKind.ESTIMATE: "triangle-up",
    FlowKind.CONTRACT: "diamond",
    FlowKind.CAPACITY: "square",
    FlowKind.GAP: "cross",
}
"""Vega-Lite point shapes of the kinds, so they differ in more than colour."""


EVENT_TYPE_COLOR: dict[EventType, str] = {
    EventType.MEETING: "#0072B2",
    EventType.AGREEMENT: "#009E73",
    EventType.STATEMENT: "#56B4E9",
    EventType.PROPOSAL: "#CC79A7",
    EventType.SUPPLY_CHANGE: "#E69F00",
    EventType.DISRUPTION: "#D55E00",
    EventType.CONSTRUCTION: "#555555",
}
SELECTED_EVENT_COLOR = "#FFD400"
DISAGREEMENT_STYLE = {"background-color": "#FBD9C2", "color": "#000000"}
"""Cells of a table where sources disagree (a pale Okabe–Ito vermillion; the caption names the fields too)."""


@dataclass(frozen=True)
class Symbol:
    shape: str  # a key of SHAPE_PATHS
    color: str
    size: int  # pixels


FACILITY_SYMBOL: dict[FacilityKind, Symbol] = {
    FacilityKind.PROCESSING_PLANT: Symbol("star", "#B2182B", 30),
    FacilityKind.GAS_FIELD: Symbol("triangle", "#8C6D1F", 18),
    FacilityKind.COMPRESSOR_STATION: Symbol("diamond", "#333333", 16),
    FacilityKind.BORDER_CROSSING: Symbol("hexagon", "#6A3D9A", 16),
    FacilityKind.PIPELINE_HUB: Symbol("circle", "#1F4E79", 14),
    FacilityKind.HEADQUARTERS: Symbol("square", "#444444", 14),
}

SHAPE_PATHS: dict[str, str] = {
    "star": "M12 1.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z",
    "triangle": "M12 2L22.5 21h-21z",
    "diamond": "M12 1.5L22.5 12 12 22.5 1.5 12z",
    "hexagon": "M12 1.5l9.1 5.25v10.5L12 22.5l-9.1-5.25V6.75z",
    "circle": "M12 2.5a9.5 9.5 0 1 0 0.001 0z",
    "square": "M3 3h18v18H3z",
}
"""SVG path data in a 24x24 box."""


def symbol_svg(symbol: Symbol, label_html: str = "", data_id: str = "") -> str:
    """An inline SVG for a facility symbol.

    ``label_html`` must already be HTML-escaped; ``data_id`` must be a validated id.
    """
    attributes = f' aria-label="{label_html}"' if label_html else ""
    attributes += f' data-facility-id="{data_id}"' if data_id else ""
    title_tag = f"<title>{label_html}</title>" if label_html else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="{symbol.size}" '
        f'height="{symbol.size}" role="img"{attributes}>{title_tag}<path d="{SHAPE_PATHS[symbol.shape]}" '
        f'fill="{symbol.color}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/></svg>'
    )


COUNTRY_FOCUS_STYLE = {"color": "#4D4D4D", "weight": 1.2, "fillColor": "#FFF8E7", "fillOpacity": 0.55}
COUNTRY_CONTEXT_STYLE = {"color": "#9E9E9E", "weight": 0.8, "fillColor": "#D9D9D9", "fillOpacity": 0.45}
OFFLINE_SEA_COLOR = "#C9DCEB"
