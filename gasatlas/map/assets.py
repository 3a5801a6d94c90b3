"""Leaflet and its plugins served from this app, never from a CDN.

The JavaScript and CSS come from XStatic wheels (pinned in requirements.txt) and,
for supercluster and leaflet.fullscreen, which have no wheel, from ``gasatlas/map/js/vendor/`` (the npm
packages' files with their licences); they are copied at start-up into ``static/vendor/``, which Streamlit serves at
``/app/static/``. The map iframe lives at ``/component/<name>/index.html``, so
asset URLs are written relative to it and keep working under a base URL path.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import xstatic.pkg.jquery
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

VENDOR = "vendor"
URL_FROM_COMPONENT = "../../app/static/"
"""Where Streamlit's static folder is, seen from a component iframe."""

_PACKAGES = {
    "leaflet": Path(xstatic.pkg.leaflet.BASE_DIR),
    "jquery": Path(xstatic.pkg.jquery.BASE_DIR),
    "leaflet.markercluster": Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
    "supercluster": Path(__file__).parent / "js" / "vendor" / "supercluster",
    "leaflet.fullscreen": Path(__file__).parent / "js" / "vendor" / "leaflet.fullscreen",
}
_FILES = {
    "leaflet": ["leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"],
    "jquery": ["jquery.min.js"],
    "leaflet.markercluster": ["MarkerCluster.css", "MarkerCluster.Default.css"],  # the cluster badges' look
    "supercluster": ["supercluster.min.js", "LICENSE", "LICENSE.kdbush"],
    "leaflet.fullscreen": ["Control.FullScreen.js", "Control.FullScreen.css", "icon-fullscreen.svg", "LICENSE"],
}


def vendor_files() -> list[tuple[Path, Path]]:
    """(source in the installed wheel, path relative to the static folder) for every asset."""
    return [
        (_PACKAGES[package] / name, Path(VENDOR, package, name))
        for package, names in _FILES.items()
        for name in names
    ]


def install_vendor_assets(static_dir: Path) -> None:
    """Copy the assets into ``static_dir`` unless an identical copy is there already."""
    for source, relative in vendor_files():
        target = static_dir / relative
        if target.exists() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def asset_url(package: str, name: str) -> str:
    return f"{URL_FROM_COMPONENT}{VENDOR}/{package}/{name}"


LEAFLET_JS = [("leaflet", asset_url("leaflet", "leaflet.js")), ("jquery", asset_url("jquery", "jquery.min.js"))]
LEAFLET_CSS = [("leaflet_css", asset_url("leaflet", "leaflet.css"))]
SUPERCLUSTER_JS = [("supercluster", asset_url("supercluster", "supercluster.min.js"))]
MARKERCLUSTER_CSS = [
    ("markerclustercss", asset_url("leaflet.markercluster", "MarkerCluster.css")),
    ("markerclusterdefaultcss", asset_url("leaflet.markercluster", "MarkerCluster.Default.css")),
]
FULLSCREEN_JS = [("Control.Fullscreen.js", asset_url("leaflet.fullscreen", "Control.FullScreen.js"))]
FULLSCREEN_CSS = [("Control.FullScreen.css", asset_url("leaflet.fullscreen", "Control.FullScreen.css"))]
"""folium's ``plugins.Fullscreen`` under the same names, so its CDN links are replaced, not added to."""
