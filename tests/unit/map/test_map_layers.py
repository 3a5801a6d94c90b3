"""Map layers: built offline, styled from the palette, and escaped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from gasatlas.analysis.flows import FlowYear
from gasatlas.map.assets import install_vendor_assets, vendor_files
from gasatlas.map.cards import legend_html
from gasatlas.map.layers import (
    FOCUS_BOUNDS,
    ShownEvents,
    base_map,
    facilities_layer,
    overlays,
    route_arrows,
    routes_layer,
)
from gasatlas.model.palette import NO_FLOW_STYLE, ROUTE_STATUS_STYLE, flow_weight
from gasatlas.model.sanitize import html_text
from gasatlas.model.status import routes_as_of
from gasatlas.model.vocab import RouteStatus
from tests.support.hostile import HOSTILE


def rendered(fmap, groups) -> str:
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_the_map_page_references_no_remote_script_or_stylesheet(atlas) -> None:
    html = rendered(base_map(atlas.country_shapes, "offline"),
                    overlays(atlas, ShownEvents(atlas.events), dt.date(2023, 10, 7), "en"))

    remote = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert remote == []
    assert "cdn.jsdelivr.net" not in html
    assert "cdnjs" not in html
    assert "code.jquery.com" not in html


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
    groups = overlays(hostile_atlas, ShownEvents(atlas.events), dt.date(2024, 1, 1), "en")

    labels, routes_data, facilities_data, _ = (layer_data(group) for group in groups)
    assert labels[0]["name"] == html_text(hostile)
    assert routes_data["routes"][0]["properties"]["tip"].startswith(f"<b>{html_text(hostile)}</b>")
    assert html_text(hostile) in facilities_data[0]["tip"]

    html = rendered(base_map(atlas.country_shapes, "offline"), groups)
    code = html
    for group in groups:
        code = code.replace(next(iter(group._children.values())).data_json, "DATA")
    assert "`" not in code, "no data ever sits in a JS template string"
    assert "${" not in code, "no data ever sits in a JS template string"
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

    html = rendered(base_map(atlas.country_shapes, "offline"), overlays(hostile_atlas, ShownEvents(atlas.events),
                                                                        dt.date(2024, 1, 1), "en"))

    assert html_text(f"Plant {template} end") in html
    assert "Plant 49 end" not in html
    assert "Plant yes end" not in html


def flow_mode(atlas, year: int, flows=None) -> tuple[dict, dict]:
    """The routes (by id) and the volume labels (by route id) the map draws in flow mode for ``year``."""
    flow_year = FlowYear.of(atlas.flows if flows is None else flows, year)
    groups = {group.layer_name: layer_data(group)
              for group in overlays(atlas, ShownEvents(atlas.events), dt.date(year, 12, 31), "en",
                                    flow_year=flow_year)}
    routes = {f["properties"]["id"]: f["properties"] for f in groups["routes"]["routes"]}
    return routes, {label["id"]: label for label in groups["flow-labels"]["labels"]}


def test_in_flow_mode_a_route_is_as_wide_as_the_gas_that_moved_in_the_year_and_labelled(atlas) -> None:
    route = "corr-ru-uz-via-kz"
    flows = atlas.flows
    reported = flows[(flows["route_id"] == route) & (flows["value_kind"] == "reported") & (flows["choice"] == "chosen")]
    volumes = dict(zip(reported["period"], reported["volume_bcm"], strict=True))

    routes_2023, labels_2023 = flow_mode(atlas, 2023)
    routes_2024, labels_2024 = flow_mode(atlas, 2024)

    assert routes_2023[route]["style"]["weight"] == flow_weight(volumes["2023"])
    assert routes_2024[route]["style"]["weight"] == flow_weight(volumes["2024"]) > flow_weight(volumes["2023"])
    assert labels_2023[route]["text"] == f"{volumes['2023']:g} bcm"
    assert labels_2024[route]["text"] == "5.64 bcm"
    assert "Interfax" in routes_2024[route]["tip"], "the tooltip names the figure's source"


def test_in_flow_mode_a_route_without_a_figure_is_drawn_as_no_data_never_as_zero(atlas) -> None:
    routes, labels = flow_mode(atlas, 2024)

    without = set(routes) - set(atlas.flows.loc[atlas.flows["period"] == "2024", "route_id"])
    assert "tapi" in without
    for route_id in without:
        style = routes[route_id]["style"]
        assert (style["color"], style["dashArray"]) == (NO_FLOW_STYLE.color, NO_FLOW_STYLE.dash)
        assert "ga-no-flow" in style["className"]
        assert route_id not in labels
        assert "no reported or estimated figure" in routes[route_id]["tip"]


def test_contracts_capacities_and_months_never_size_a_route(atlas) -> None:
    flows = atlas.flows
    only_promises = flows[~((flows["route_id"] == "power-of-siberia") & (flows["value_kind"] == "reported"))]

    routes_2022, labels_2022 = flow_mode(atlas, 2022, only_promises)
    routes_2023, _ = flow_mode(atlas, 2023)

    assert "ga-no-flow" in routes_2022["power-of-siberia"]["style"]["className"], "a contract is not gas that moved"
    assert "power-of-siberia" not in labels_2022
    assert "ga-no-flow" in routes_2023["cac-china-abc"]["style"]["className"], "three months are not a year"


def test_an_estimate_is_labelled_as_one(atlas) -> None:
    route, year = "power-of-siberia", 2023
    flows = atlas.flows
    estimated = flows.assign(value_kind=flows["value_kind"].where(
        (flows["route_id"] != route) | (flows["value_kind"] != "reported"), "estimate"))
    _, labels = flow_mode(atlas, year, estimated)

    assert labels[route]["kind"] == "estimate"
    assert labels[route]["text"].startswith("≈ ")
    assert labels[route]["text"].endswith("est.")


def test_the_flow_legend_names_the_year_and_the_kinds() -> None:
    legend = legend_html("en", flow_year=2024)

    assert "width: gas that moved in 2024" in legend
    assert "no figure for 2024 — no data, not zero" in legend
    assert "Contract and capacity figures are never drawn as gas that moved" in legend
    assert "width: gas that moved" not in legend_html("en")


def test_the_map_opens_on_the_seven_focus_countries(atlas) -> None:
    html = base_map(atlas.country_shapes, "offline").get_root().render()
    (south, west), (north, east) = FOCUS_BOUNDS
    labels = atlas.countries[atlas.countries["focus"]]

    assert "fitBounds" in html
    assert "zoomSnap" in html
    assert ((labels["label_lat"] > south) & (labels["label_lat"] < north)).all()
    assert ((labels["label_lon"] > west) & (labels["label_lon"] < east)).all()
    assert south < 24.0, "Pakistan's coast and Beijing are inside"
    assert east > 117.0, "Pakistan's coast and Beijing are inside"
