"""What a reader sees fits: on a phone the legend starts folded and names keep clear of each other and of the
badges; the Routes page's small map holds its whole route; the
flows table stays inside its card; the actors' names never pile up. Network blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, FrameLocator, expect

from devtools.browser_harness import AppServer, AtlasPage, atlas_tab, wait_for_labels_placed
from gasatlas.map.layers import line_parts
from gasatlas.ui import navigation
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
ROUTES = ATLAS.routes
PHONE = {"width": 390, "height": 844}

LABEL_AND_BADGE_BOXES = """() => new Promise(done => {
  const box = (name, element) => {
    const r = element.getBoundingClientRect();
    return {name, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  const letters = span => {  // the letters, without the line's leading
    const text = document.createRange();
    text.selectNodeContents(span);
    return box(span.textContent, text);
  };
  const started = performance.now();
  const read = () => {
    const seen = {
      names: [...document.querySelectorAll('.ga-country-label:not([data-place=hidden]) span')].map(letters),
      volumes: [...document.querySelectorAll('.ga-flow-label span:not([data-place=hidden])')]
        .map(v => box(v.textContent, v)),
      badges: [...document.querySelectorAll('.marker-cluster')].map(b => box('badge ' + b.textContent, b)),
    };
    if (seen.names.length || performance.now() - started > 5000) done(seen); else requestAnimationFrame(read);
  };
  read();
})"""
"""Names, volumes and badges once some names are placed (placement reruns as the map settles; up to 5 s)."""


def overlapping(boxes: list[dict], others: list[dict] | None = None) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap: within ``boxes``, or between ``boxes`` and ``others``."""
    def overlap(a: dict, b: dict) -> bool:
        return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    pairs = ([(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]] if others is None
             else [(a, b) for a in boxes for b in others])
    return [(a["name"], b["name"]) for a, b in pairs if overlap(a, b)]


# --- On a phone ---------------------------------------------------------------------------------------------------

@pytest.fixture
def phone(browser: Browser, app_server: AppServer):
    with atlas_tab(browser, app_server.base_url, **PHONE) as atlas:
        yield atlas


def test_on_a_phone_the_legend_starts_folded_and_opens_on_a_tap(phone: AtlasPage) -> None:
    phone.open("?basemap=offline").wait_for_map_settled()
    legend = phone.page.locator(".st-key-map-legend details")

    expect(legend).not_to_have_attribute("open", "")
    legend.locator("summary").click()
    expect(legend).to_have_attribute("open", "")
    expect(legend.locator(".ga-legend")).to_be_visible()


def test_on_a_desktop_the_legend_stays_open(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline").wait_for_map_settled()
    expect(atlas.page.locator(".st-key-map-legend details")).to_have_attribute("open", "")


@pytest.mark.parametrize("query", ["?basemap=offline", "?basemap=offline&widths=flow&to=2024-12-31"])
def test_on_a_phone_names_keep_clear_of_each_other_and_of_the_badges(phone: AtlasPage, query: str) -> None:
    frame = phone.open(query).wait_for_map_settled()
    wait_for_labels_placed(frame)

    seen = frame.locator("body").evaluate(LABEL_AND_BADGE_BOXES)

    labels = seen["names"] + seen["volumes"]
    assert seen["names"], "some country names are shown"
    assert overlapping(labels) == []
    assert overlapping(labels, seen["badges"]) == []


# --- The Routes page's small map ----------------------------------------------------------------------------------

HIDDEN_POINTS = """(_, points) => new Promise(done => {
  // A point is hidden when it lies outside the map or under one of its controls (zoom, full screen, scale, credits).
  const started = performance.now();
  const container = window.map.getContainer().getBoundingClientRect();
  const hidden = () => {
    const controls = [...document.querySelectorAll('.leaflet-control')].map(c => c.getBoundingClientRect());
    return points.filter(([lon, lat]) => {
      const p = window.map.latLngToContainerPoint([lat, lon]);
      const x = p.x + container.left, y = p.y + container.top;
      return x < container.left || x > container.right || y < container.top || y > container.bottom
        || controls.some(c => c.left <= x && x <= c.right && c.top <= y && y <= c.bottom);
    });
  };
  const check = () => {
    const out = hidden();
    if (!out.length || performance.now() - started > 5000) done(out); else requestAnimationFrame(check);
  };
  check();
})"""
"""The route's points out of view once the map has settled (polled on animation frames, up to 5 s)."""


def test_the_routes_small_map_shows_every_point_of_its_route_clear_of_the_controls(atlas: AtlasPage) -> None:
    cut = {}
    for route_id, geometry in zip(ROUTES["id"], ROUTES["geometry"], strict=True):
        atlas.open(f"{navigation.ROUTES.url_path}?basemap=offline&sel=route:{route_id}")
        frame: FrameLocator = atlas.map()
        frame.locator(".leaflet-container").wait_for(state="visible")
        points = [point for part in line_parts(geometry) for point in part]
        if outside := frame.locator("body").evaluate(HIDDEN_POINTS, points):
            cut[route_id] = outside

    assert cut == {}


# --- Tables inside their cards ------------------------------------------------------------------------------------

def within(inner: dict, outer: dict) -> bool:
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


def test_the_flows_table_stays_inside_its_card(browser: Browser, app_server: AppServer) -> None:
    with atlas_tab(browser, app_server.base_url, 1440, 900) as atlas:
        atlas.open(navigation.FLOWS.url_path)
        table = atlas.page.locator("[data-testid=stDataFrame]").first  # the figures in view, the page's first table
        expect(table.locator(".dvn-scroller").first).to_be_attached()
        card = atlas.page.locator("[data-testid=stMainBlockContainer]").bounding_box()

        assert within(table.bounding_box(), card)
        scroller = table.locator(".dvn-scroller").first
        assert scroller.evaluate("s => s.scrollWidth - s.clientWidth") <= 1, "every column in view, no sideways scroll"


# --- The actors' network ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_actors_names_never_pile_on_each_other(browser: Browser, app_server: AppServer, lang: str) -> None:
    names = set(ATLAS.actors[f"name_{lang}"])
    with atlas_tab(browser, app_server.base_url, 1440, 900) as atlas:
        atlas.open(f"{navigation.ACTORS.url_path}?lang={lang}")
        chart = atlas.page.locator("[data-testid=stVegaLiteChart]").first
        chart.locator("svg text").first.wait_for()

        written = [{"name": text, **box} for text, box in chart.locator("svg text").evaluate_all(
            "texts => texts.map(t => [t.textContent, t.getBoundingClientRect().toJSON()])") if text in names]

        assert len(written) >= 10, "the most connected actors are named"
        assert overlapping(written) == []
