"""What the reader picked, whichever way they picked it: a map click or a table row.

The map reports a click as streamlit-folium's component value: the clicked
layer's GeoJSON (``last_active_drawing``), whose properties carry the ``layer``
kind and ``id`` our layers put there, plus a click counter that grows on every
click — so clicking the same marker twice is still two clicks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from shapely.geometry import Point, shape

from gasatlas.analysis.viewstate import SELECTION_KINDS, Selection

MAP_RETURNED_OBJECTS = ["last_object_clicked", "last_object_clicked_count", "last_active_drawing"]
"""The parts of the map's state the page needs: clicks only, so panning never reruns the app."""


POINT_TOLERANCE_DEG = 1e-4
LINE_TOLERANCE_DEG = 0.5


def _clicked_on(geometry: Mapping[str, Any] | None, clicked: Mapping[str, Any] | None) -> bool:
    """Whether the click position lies on the feature the component reports.

    A click on a marker cluster counts as a click but carries no feature, so the
    component still reports the feature of the *previous* click; comparing
    positions tells a fresh pick from that stale one.
    """
    if not geometry or not clicked:
        return bool(not geometry)
    try:
        point = Point(float(clicked["lng"]), float(clicked["lat"]))
        if geometry.get("type") == "Point":
            lon, lat = geometry["coordinates"][:2]
            return bool(point.distance(Point(lon, lat)) <= POINT_TOLERANCE_DEG)
        return bool(shape(geometry).distance(point) <= LINE_TOLERANCE_DEG)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return False


def selection_from_map(value: Mapping[str, Any] | None) -> Selection | None:
    """The route, facility or event a map click landed on; None for anything else."""
    if not value:
        return None
    feature = value.get("last_active_drawing") or {}
    properties = feature.get("properties") if isinstance(feature, Mapping) else None
    if not isinstance(properties, Mapping):
        return None
    if not _clicked_on(feature.get("geometry"), value.get("last_object_clicked")):
        return None
    kind, item = properties.get("layer"), properties.get("id")
    if kind in SELECTION_KINDS and isinstance(item, str) and item:
        return Selection(kind, item)
    return None


def click_count(value: Mapping[str, Any] | None) -> int:
    return int((value or {}).get("last_object_clicked_count") or 0)


def selection_from_rows(rows: Sequence[int], shown_ids: Sequence[str]) -> Selection | None:
    """The event behind the selected table row (the table is single-row)."""
    if not rows:
        return None
    index = rows[0]
    if 0 <= index < len(shown_ids):
        return Selection("event", shown_ids[index])
    return None


def row_of(selection: Selection | None, shown_ids: Sequence[str] | np.ndarray) -> int | None:
    """The table row that shows the selected event, if the filters let it through (one vectorised
    comparison: the table may hold 100,000 events)."""
    if selection is None or selection.kind != "event":
        return None
    rows = np.flatnonzero(np.asarray(shown_ids, dtype=object) == selection.id)
    return int(rows[0]) if len(rows) else None
