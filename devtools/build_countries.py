"""Rebuild ``data/countries.geojson`` from Natural Earth (via the npm package world-atlas).

Run once when the country list or the simplification changes; the app only reads
the committed result. Needs Node.js and npm (for world-atlas and topojson-client):

    python -m devtools.build_countries
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any, cast

import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

OUT = Path(__file__).resolve().parent.parent / "data" / "countries.geojson"
WORLD_ATLAS = "world-atlas@2.0.2"
TOPOJSON_CLIENT = "topojson-client@3.1.0"
SIMPLIFY_DEGREES = 0.02  # ~2 km: borders stay recognisable at zoom 3-8
COORD_DECIMALS = 3

# ISO 3166-1 numeric id in world-atlas -> (ISO3, English name, Russian name, focus)
COUNTRIES: dict[str, tuple[str, str, str, bool]] = {
    "643": ("RUS", "Russia", "Россия", True),
    "398": ("KAZ", "Kazakhstan", "Казахстан", True),
    "860": ("UZB", "Uzbekistan", "Узбекистан", True),
    "795": ("TKM", "Turkmenistan", "Туркменистан", True),
    "156": ("CHN", "China", "Китай", True),
    "004": ("AFG", "Afghanistan", "Афганистан", True),
    "586": ("PAK", "Pakistan", "Пакистан", True),
    "417": ("KGZ", "Kyrgyzstan", "Киргизия", False),
    "762": ("TJK", "Tajikistan", "Таджикистан", False),
    "496": ("MNG", "Mongolia", "Монголия", False),
    "364": ("IRN", "Iran", "Иран", False),
    "356": ("IND", "India", "Индия", False),
}


# Label points inside the map's default view for the two countries whose
# pole of inaccessibility lies far east of Central Asia. Country-level events
# ("place not reported") are drawn at these points too.
LABEL_POINT_OVERRIDES: dict[str, tuple[float, float]] = {
    "RUS": (57.5, 60.0),  # (lat, lon): Urals, west of the Siberian interior
    "CHN": (40.0, 85.0),  # Xinjiang, where Central Asian gas enters China
}


def _natural_earth_countries() -> dict[str, Any]:
    """Download world-atlas with npm and decode its TopoJSON with topojson-client."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "install", "--no-save", "--silent", WORLD_ATLAS, TOPOJSON_CLIENT],
            cwd=tmp,
            check=True,
        )
        topo = Path(tmp, "node_modules", "world-atlas", "countries-50m.json")
        result = subprocess.run(
            [str(Path(tmp, "node_modules", ".bin", "topo2geo")), "countries=-"],
            stdin=topo.open("rb"),
            capture_output=True,
            check=True,
        )
        return cast(dict[str, Any], json.loads(result.stdout))


def _unwrap_antimeridian(coords: np.ndarray) -> np.ndarray:
    """Move Chukotka's far-east tip (negative longitudes) east of 180 degrees.

    Leaflet then draws Russia as one shape instead of a sliver at the map's left edge.
    """
    lon = coords[:, 0]
    return np.column_stack([np.where(lon < -160.0, lon + 360.0, lon), coords[:, 1]])


def build() -> dict[str, Any]:
    features = []
    for feature in _natural_earth_countries()["features"]:
        meta = COUNTRIES.get(feature.get("id", ""))
        if meta is None:
            continue
        iso_a3, name_en, name_ru, focus = meta
        geom = shape(feature["geometry"])
        if iso_a3 == "RUS":
            geom = shapely.transform(geom, _unwrap_antimeridian)
        geom = geom.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        mainland = max(getattr(geom, "geoms", [geom]), key=lambda part: part.area)
        if iso_a3 in LABEL_POINT_OVERRIDES:
            label_lat, label_lon = LABEL_POINT_OVERRIDES[iso_a3]
        else:
            pole = polylabel(mainland, tolerance=0.05)
            label_lat, label_lon = pole.y, pole.x
        rounded = json.loads(json.dumps(mapping(geom)), parse_float=lambda v: round(float(v), COORD_DECIMALS))
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso_a3": iso_a3,
                    "name_en": name_en,
                    "name_ru": name_ru,
                    "focus": focus,
                    "label_lat": round(label_lat, 3),
                    "label_lon": round(label_lon, 3),
                },
                "geometry": rounded,
            }
        )
    features.sort(key=lambda f: (not f["properties"]["focus"], f["properties"]["iso_a3"]))
    missing = {m[0] for m in COUNTRIES.values()} - {f["properties"]["iso_a3"] for f in features}
    if missing:
        raise SystemExit(f"world-atlas lacks countries: {sorted(missing)}")
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    collection = build()
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB, {len(collection['features'])} countries)")
