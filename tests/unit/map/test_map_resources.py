"""The map's JavaScript, CSS and SVG are package data files, read as they are; Python only feeds them data."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

from gasatlas.map import assets, cards, layers, leaflet

MAPJS = files("gasatlas.map") / "js"
SCRIPTS = sorted(entry.name for entry in MAPJS.iterdir() if entry.name.endswith(".js"))


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_script_is_one_function_expression(name: str) -> None:
    code = (MAPJS / name).read_text(encoding="utf-8").strip()

    assert code.startswith("function ("), "a layer factory (data) or a map script (map)"
    assert code.endswith("}")


@pytest.mark.parametrize("module", [layers, cards, leaflet])
def test_no_javascript_css_or_svg_is_left_in_python_strings(module) -> None:
    source = Path(module.__file__).read_text(encoding="utf-8")

    assert not re.search(r"function \((data|map)\) \{\n", source)
    assert "<svg xmlns" not in source
    assert "<path " not in source
    assert not re.search(r"^\.[a-z-]+ \{", source, re.MULTILINE), "no CSS rule starts a line"


def test_the_legend_symbols_are_well_formed_svg() -> None:
    legend = cards.legend_html("en", flow_year=2023)
    images = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', legend)

    assert len(images) > 20
    for encoded in images:
        ET.fromstring(base64.b64decode(encoded))


def test_the_map_css_carries_the_palette() -> None:
    assert "--ga-sea:" in layers.MAP_CSS
    assert "var(--ga-sea)" in layers.MAP_CSS
    assert ".ga-event.agreement" in layers.MAP_CSS
    assert ".ga-card" in layers.MAP_CSS, "cards in popups are styled like cards beside the map"


def test_supercluster_is_served_from_the_app_with_its_licences(tmp_path: Path) -> None:
    assets.install_vendor_assets(tmp_path)

    folder = tmp_path / "vendor" / "supercluster"
    assert {"supercluster.min.js", "LICENSE", "LICENSE.kdbush"} <= {path.name for path in folder.iterdir()}
    assert "ISC License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert [url for _, url in assets.SUPERCLUSTER_JS] == ["../../app/static/vendor/supercluster/supercluster.min.js"]
