"""The map's first view holds the whole network, on a desktop and on a phone; full screen and "show the whole
network" work; and no page, table cells included, shows a missing value as "None" or "nan", in either language.
Network blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import AppServer, AtlasPage, atlas_tab, visible_texts
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.i18n import gettext
from gasatlas.map.layers import line_parts
from gasatlas.ui import navigation

ROUTES = load_dataset(PROJECT_ROOT / "data").routes
ROUTE_ENDS = [(route_id, lat, lon) for route_id, geometry in zip(ROUTES["id"], ROUTES["geometry"], strict=True)
              for part in line_parts(geometry) for lon, lat in (part[0], part[-1])]
MISSING = re.compile(r"\b(None|nan|NaN|NaT|null)\b")

OUTSIDE_VIEW = """(_, ends) => ends.filter(([id, lat, lon]) => !window.map.getBounds().contains([lat, lon]))
                                      .map(([id]) => id)"""


SETTLED_OUTSIDE_VIEW = """(_, ends) => new Promise(done => {
  const started = performance.now();
  const check = () => {
    const out = ends.filter(([id, lat, lon]) => !window.map.getBounds().contains([lat, lon])).map(([id]) => id);
    if (!out.length || performance.now() - started > 5000) done(out); else requestAnimationFrame(check);
  };
  check();
})"""
"""The routes still cut off once the view has settled (polled on animation frames, up to 5 s)."""


def routes_cut_off(atlas: AtlasPage) -> list[str]:
    return atlas.map().locator("body").evaluate(OUTSIDE_VIEW, ROUTE_ENDS)


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_first_view_holds_every_route_end_to_end(browser: Browser, app_server: AppServer, width: int,
                                                     height: int) -> None:
    with atlas_tab(browser, app_server.base_url, width, height) as atlas:
        atlas.open("?basemap=offline").wait_for_map_settled()

        assert routes_cut_off(atlas) == []
        frame_box = atlas.page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        main = atlas.page.locator("[data-testid=stMainBlockContainer]").bounding_box()
        if width > 1000:  # beside the sidebar, the map and its card share the main area, the map most of it
            assert frame_box["width"] > main["width"] * 0.6, "the map takes most of the page beside the sidebar"
            assert frame_box["height"] > height * 0.6, "and most of the window's height"
        assert atlas.external_requests() == []


def test_show_everything_brings_the_whole_network_back_after_zooming_in(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map_settled()
    frame.locator("body").evaluate("() => window.map.setView([51.8, 55.1], 9, {animate: false})")
    assert routes_cut_off(atlas) != []

    frame.locator(f"[aria-label='{gettext('Show the whole network', 'en')}']").click()

    assert frame.locator("body").evaluate(SETTLED_OUTSIDE_VIEW, ROUTE_ENDS) == []


def test_full_screen_fills_the_window_and_comes_back(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map_settled()
    button = frame.locator(".leaflet-control-zoom-fullscreen")

    button.click()
    expect(button).to_have_class(re.compile("leaflet-fullscreen-on"))
    assert frame.locator("body").evaluate("() => window.map._isFullscreen") is True

    button.click()
    expect(button).not_to_have_class(re.compile("leaflet-fullscreen-on"))


TABLE_CELLS = "() => [...document.querySelectorAll('[data-testid=stDataFrame] table td')].map(cell => cell.textContent)"
"""The text of every table cell drawn (tables are painted on a canvas; their cells are also written for screen
readers)."""


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_page_shows_a_missing_value_as_none_or_nan(atlas: AtlasPage, lang: str) -> None:
    found = {}
    cells = 0
    for spec in navigation.PAGES:
        atlas.open(f"{'' if spec is navigation.MAP else spec.url_path}?basemap=offline&lang={lang}")
        expect(atlas.page.locator("h1").first).to_be_visible()
        if spec in (navigation.MAP, navigation.ROUTES):
            atlas.map().locator(".leaflet-container").wait_for(state="visible")
        if atlas.page.locator("[data-testid=stDataFrame]").count():
            atlas.page.locator("[data-testid=stDataFrame] table td").first.wait_for(state="attached")
        table_texts = atlas.page.evaluate(TABLE_CELLS)
        cells += len(table_texts)
        for text in [*visible_texts(atlas), *table_texts]:
            if MISSING.search(text):
                found.setdefault(spec.url_path, text)

    assert cells > 100, "the tables were read"
    assert found == {}
