"""Geometry helpers over the country shapes: containment checks and line measures."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point, shape

BORDER_TOLERANCE_DEG = 0.3
"""How far (~30 km) a point may lie outside its country's simplified shape.

Border sites (Khorgos, compressor stations) sit on borders that simplification
moves by a few kilometres; anything further out is a data error.
"""


class CountryShapes:
    """Country polygons keyed by ISO3, prepared for repeated point tests."""

    def __init__(self, feature_collection: Mapping[str, Any]) -> None:
        self._shapes = {
            feature["properties"]["iso_a3"]: shape(feature["geometry"]) for feature in feature_collection["features"]
        }
        for geom in self._shapes.values():
            shapely.prepare(geom)

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self._shapes

    def degrees_outside(self, iso3: str, lat: float, lon: float) -> float:
        """0 when the point is inside the country, else its distance to it in degrees."""
        geom = self._shapes[iso3]
        point = Point(lon, lat)
        return 0.0 if geom.contains(point) else geom.distance(point)

    def degrees_outside_each(self, iso3s: Sequence[str], lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """``degrees_outside`` for many points at once (each named country must be known)."""
        result = np.zeros(len(iso3s))
        codes = np.asarray(iso3s, dtype=object)
        xs, ys = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        for iso3 in set(iso3s):
            at = np.flatnonzero(codes == iso3)
            geom = self._shapes[iso3]
            outside = at[~shapely.contains_xy(geom, xs[at], ys[at])]
            if len(outside):
                result[outside] = shapely.distance(geom, shapely.points(xs[outside], ys[outside]))
        return result

    def holds(self, iso3: str, lat: float, lon: float) -> bool:
        return self.degrees_outside(iso3, lat, lon) <= BORDER_TOLERANCE_DEG


def bearing_degrees(a: Sequence[float], b: Sequence[float]) -> float:
    """Compass bearing from lon/lat point a to b, 0 = north, clockwise."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    x = math.sin(lon2 - lon1) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def points_along(coords: Sequence[Sequence[float]], fractions: Sequence[float]) -> list[tuple[float, float, float]]:
    """Points at the given fractions of a line's length, each with the line's bearing there.

    Lengths are measured in plain degrees: good enough to spread direction arrows.
    Returns (lon, lat, bearing) tuples.
    """
    segments = [(a, b, math.dist(a, b)) for a, b in itertools.pairwise(coords) if math.dist(a, b) > 0]
    total = sum(length for _, _, length in segments)
    if total == 0:
        return []
    result = []
    for fraction in fractions:
        remaining = fraction * total
        for a, b, length in segments:
            if remaining <= length:
                t = remaining / length
                point = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                result.append((point[0], point[1], bearing_degrees(a, b)))
                break
            remaining -= length
    return result
