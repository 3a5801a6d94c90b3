"""Map layers: built offline, styled from the palette, and escaped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from gasatlas.assets import install_vendor_assets, vendor_files
from gasatlas.config import PROJECT_ROOT
from gasatlas.data import load_dataset
from gasatlas.layers import base_map, facilities_layer, overlays, route_arrows, routes_layer
from gasatlas.palette import ROUTE_STATUS_STYLE
from gasatlas.sanitize import html_text
from gasatlas.status import routes_as_of
from gasatlas.vocab import RouteStatus

from .test_sanitize import HOSTILE


@pytest.fixture(scope="module")
def atlas():
    return load_dataset(PROJECT_ROOT / "data")


def rendered(fmap, groups) -> str:
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_the_map_page_references_no_remote_script_or_stylesheet(atlas) -> None:
    html = rendered(base_map(atlas.country_shapes, "offline"), overlays(atlas, atlas.events, dt.date(2023, 10, 7), "en"))

    remote = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert remote == []
    assert "cdn.jsdelivr.net" not in html and "cdnjs" not in html and "code.jquery.com" not in html


def test_the_online_basemap_adds_tiles_and_keeps_the_country_shapes(atlas) -> None:
    html = base_map(atlas.country_shapes, "tiles").get_root().render()

    assert "basemaps.cartocdn.com" in html
    assert '"iso_a3"' not in html, "only the focus flag travels with the shapes"
    assert html.count('"focus":true') == 7


def test_every_vendor_asset_is_copied_into_the_static_folder(tmp_path) -> None:
    install_vendor_assets(tmp_path)

    for _, relative in vendor_files():
        assert (tmp_path / relative).stat().st_size > 0
    assert (tmp_path / "vendor/leaflet/images/marker-icon.png").exists(), "Leaflet's CSS points at these"


def test_a_reversed_route_points_its_arrows_the_other_way() -> None:
    northward = {"type": "LineString", "coordinates": [[60.0, 40.0], [60.0, 50.0]]}

    forward = route_arrows(northward, RouteStatus.OPERATING)
    backward = route_arrows(northward, RouteStatus.REVERSED)

    assert [round(bearing) for _, _, bearing in forward] == [0]
    assert [round(bearing) for _, _, bearing in backward] == [180]


def layer_data(group) -> object:
    """The JSON a ScriptLayer ships to the browser, decoded."""
    return json.loads(next(iter(group._children.values())).data_json)


def test_routes_take_colour_and_dash_from_their_status_on_the_date(atlas) -> None:
    def cac_style(day: dt.date) -> dict:
        data = layer_data(routes_layer(routes_as_of(atlas.routes, day), "en"))
        return next(f["properties"]["style"] for f in data["routes"] if f["properties"]["id"] == "cac")

    operating, reversed_ = ROUTE_STATUS_STYLE[RouteStatus.OPERATING], ROUTE_STATUS_STYLE[RouteStatus.REVERSED]
    assert (cac_style(dt.date(2023, 10, 6))["color"], cac_style(dt.date(2023, 10, 6))["dashArray"]) == (
        operating.color, operating.dash)
    assert cac_style(dt.date(2023, 10, 7))["color"] == reversed_.color


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_names_reach_the_map_only_as_escaped_json(atlas, hostile: str) -> None:
    facilities = atlas.facilities.copy()
    facilities.loc[0, "name_en"] = hostile
    routes = atlas.routes.copy()
    routes.loc[0, "name_en"] = hostile
    countries = atlas.countries.copy()
    countries.loc[0, "name_en"] = hostile
    hostile_atlas = dataclasses.replace(atlas, facilities=facilities, routes=routes, countries=countries)
    groups = overlays(hostile_atlas, atlas.events, dt.date(2024, 1, 1), "en")

    labels, routes_data, facilities_data, _ = (layer_data(group) for group in groups)
    assert labels[0]["name"] == html_text(hostile)
    assert routes_data["routes"][0]["properties"]["tip"].startswith(f"<b>{html_text(hostile)}</b>")
    assert html_text(hostile) in facilities_data[0]["tip"]

    html = rendered(base_map(atlas.country_shapes, "offline"), groups)
    code = html
    for group in groups:
        code = code.replace(next(iter(group._children.values())).data_json, "DATA")
    assert "`" not in code and "${" not in code, "no data ever sits in a JS template string"
    for fragment in ("<img", "</script><script>", "<!-- comment"):
        assert fragment not in html


def test_facility_markers_are_findable_by_id_and_named_for_screen_readers(atlas) -> None:
    script = next(iter(facilities_layer(atlas.facilities, "ru")._children.values())).data_json

    assert 'data-facility-id=\\"orenburg-gpp\\"' in script
    assert 'aria-label=\\"Оренбургский газоперерабатывающий завод\\"' in script


@pytest.mark.parametrize("template", ["{{ 7*7 }}", "{% if true %}yes{% endif %}", "{{ unbalanced", "{# note #}"])
def test_template_syntax_in_data_is_shipped_as_text_not_evaluated(atlas, template: str) -> None:
    facilities = atlas.facilities.copy()
    facilities.loc[0, "name_en"] = f"Plant {template} end"
    hostile_atlas = dataclasses.replace(atlas, facilities=facilities)

    html = rendered(base_map(atlas.country_shapes, "offline"), overlays(hostile_atlas, atlas.events,
                                                                        dt.date(2024, 1, 1), "en"))

    assert html_text(f"Plant {template} end") in html
    assert "Plant 49 end" not in html and "Plant yes end" not in html
