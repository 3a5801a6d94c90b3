"""Recompute the geometries in ``data/routes.geojson`` from each route's ``geometry_source``.

Properties stay as reviewed in git; only ``geometry`` is rewritten:

* ``{"gem": [...], "flow_from": {...}}`` — surveyed lines from Global Energy Monitor
  (``../shared/reference/gem-routes``): OSM ways are merged, each part is oriented to
  start at the end nearest ``flow_from`` (so arrows show the design flow), then
  simplified for the web.
* ``{"waypoints": [...], "curve": bool}`` — a schematic line through the waypoints;
  supply corridors are drawn as gentle arcs so they never pass for a real pipe.

    python -m devtools.build_routes [--gem-dir DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from pathlib import Path
from typing import Any, cast

from shapely.geometry import LineString, MultiLineString, mapping, shape
from shapely.ops import linemerge

ROOT = Path(__file__).resolve().parent.parent
ROUTES = ROOT / "data" / "routes.geojson"
GEM_DIR = ROOT.parent / "shared" / "reference" / "gem-routes"
SIMPLIFY_DEGREES = 0.01  # ~1 km keeps the trace faithful at zoom 4-8
COORD_DECIMALS = 4
ARC_BULGE = 0.12  # arc height as a share of the segment length
ARC_STEPS = 24


def _gem_lines(gem_dir: Path, project_ids: list[str]) -> list[LineString]:
    lines: list[LineString] = []
    for project_id in project_ids:
        collection = json.loads((gem_dir / f"{project_id}.geojson").read_text(encoding="utf-8"))
        for feature in collection.get("features", [collection]):
            if not feature.get("geometry"):
                continue
            geom = shape(feature["geometry"])
            lines.extend(getattr(geom, "geoms", [geom]))
    return [line for line in lines if line.length > 0]


def _oriented(line: LineString, origin: tuple[float, float]) -> LineString:
    start, end = line.coords[0], line.coords[-1]
    if math.dist(end, origin) < math.dist(start, origin):
        return LineString(list(line.coords)[::-1])
    return line


def surveyed_geometry(gem_dir: Path, project_ids: list[str], flow_from: dict[str, Any]) -> MultiLineString | LineString:
    merged = linemerge(_gem_lines(gem_dir, project_ids))
    parts = list(getattr(merged, "geoms", [merged]))
    origin = (flow_from["lon"], flow_from["lat"])
    parts = [_oriented(part.simplify(SIMPLIFY_DEGREES), origin) for part in parts]
    parts.sort(key=lambda part: -part.length)
    return parts[0] if len(parts) == 1 else MultiLineString(parts)


def _arc(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """A quadratic Bezier from a to b bulging to the left of the direction of travel."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2 - dy * ARC_BULGE * 2, (y0 + y1) / 2 + dx * ARC_BULGE * 2
    points = []
    for step in range(ARC_STEPS + 1):
        t = step / ARC_STEPS
        points.append(
            (
                (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1,
                (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1,
            )
        )
    return points


def schematic_geometry(waypoints: list[dict[str, Any]], curve: bool) -> LineString:
    points = [(w["lon"], w["lat"]) for w in waypoints]
    if not curve:
        return LineString(points)
    coords: list[tuple[float, float]] = [points[0]]
    for a, b in itertools.pairwise(points):
        coords.extend(_arc(a, b)[1:])
    return LineString(coords)


def _rounded(geom: Any) -> dict[str, Any]:
    rounded = json.loads(json.dumps(mapping(geom)), parse_float=lambda v: round(float(v), COORD_DECIMALS))
    return cast(dict[str, Any], rounded)


def dump_feature_collection(collection: dict[str, Any]) -> str:
    """Readable properties, one compact line per geometry: diffs stay reviewable."""
    blocks = []
    for feature in collection["features"]:
        geometry = json.dumps(feature["geometry"], separators=(",", ":"))
        body = json.dumps({**feature, "geometry": "__GEOMETRY__"}, ensure_ascii=False, indent=2)
        blocks.append(body.replace('"__GEOMETRY__"', geometry))
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(blocks) + "\n]}\n"


def build(gem_dir: Path) -> dict[str, Any]:
    collection = json.loads(ROUTES.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        source = feature["properties"]["geometry_source"]
        if "gem" in source:
            geom = surveyed_geometry(gem_dir, source["gem"], source["flow_from"])
        else:
            geom = schematic_geometry(source["waypoints"], source.get("curve", False))
        feature["geometry"] = _rounded(geom)
    return cast(dict[str, Any], collection)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gem-dir", type=Path, default=GEM_DIR)
    args = parser.parse_args()
    result = build(args.gem_dir)
    ROUTES.write_text(dump_feature_collection(result), encoding="utf-8")
    print(f"wrote {ROUTES} ({ROUTES.stat().st_size / 1024:.0f} KiB, {len(result['features'])} routes)")
