"""What a reader does on the map page, in a real browser with the network blocked."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import FrameLocator, expect

from devtools.browser_harness import UI_TIMEOUT_MS, AtlasPage, atlas_tab, wait_for_labels_placed
from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter
from tests.support.data import shipped_atlas

ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"
EVENTS = shipped_atlas().events
TOTAL = len(EVENTS)
TASHKENT_REFUSAL = "ev-2022-12-07-uzbekistan-rejects-union"
ROW_HEIGHT = 35  # Streamlit's default dataframe row (and header) height in pixels


CLUSTER_SETTLED = """() => ({settled: new Promise(done => {
  window.map.once('zoomend', () => done('zoomed'));
  window.map.eachLayer(layer => {
    if (layer instanceof L.EventClusters) layer.once('spiderfied', () => done('spread'));
  });
})})"""
"""A promise (wrapped, so creating it does not wait) that a cluster click zoomed in or spread events out."""

SPREAD = """(_, ids) => ids.every(id => {
  const marker = window.__gasAtlasEvents.current.markerOf(id), icon = marker && marker._icon;
  if (icon) icon.setAttribute('data-test-spread', id);
  return !!icon;
})"""
"""Whether each of these events has a marker of its own on the map (not hidden in a cluster); marks them."""

MARK_CLUSTER_AT = """(_, [lat, lon]) => {
  document.querySelectorAll('[data-test-target]').forEach(e => e.removeAttribute('data-test-target'));
  const map = window.map, box = map.getContainer().getBoundingClientRect();
  map.setView([lat, lon], map.getZoom(), {animate: false});
  const spot = map.latLngToContainerPoint([lat, lon]);
  let nearest = null, distance = Infinity;
  document.querySelectorAll('.marker-cluster').forEach(badge => {
    const r = badge.getBoundingClientRect();
    const d = Math.hypot(r.left + r.width / 2 - box.left - spot.x, r.top + r.height / 2 - box.top - spot.y);
    if (d < distance) { distance = d; nearest = badge; }
  });
  nearest.setAttribute('data-test-target', '');
}"""
"""Centre the map on a place and mark the cluster badge nearest to it, for a click."""


def events_on_map(frame: FrameLocator) -> int:
    """How many event markers the map holds (clustered or not)."""
    return frame.locator("body").evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l instanceof L.EventClusters) n += l.size()"
        "; }); return n; }"
    )


def shows(frame: FrameLocator, lat: float, lon: float) -> bool:
    """Whether the map comes to show the point, popup and all (it centres, then auto-pans).

    Polls on animation frames inside the page (up to 10 s) while the view settles.
    """
    return frame.locator("body").evaluate(
        """(_, [lat, lon]) => new Promise(done => {
             const deadline = performance.now() + 10000;
             const check = () => {
               const map = window.map, popup = document.querySelector('.leaflet-popup');
               const box = map.getContainer().getBoundingClientRect();
               const r = popup && popup.getBoundingClientRect();
               const fits = !!r && r.top >= box.top - 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
               if (map.getBounds().contains([lat, lon]) && fits) done(true);
               else if (performance.now() > deadline) done(false);
               else requestAnimationFrame(check);
             };
             check();
           })""", [lat, lon])


def caption(atlas: AtlasPage) -> str:
    return atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first.inner_text()


def selected_row_text(atlas: AtlasPage) -> str:
    return atlas.page.locator("[data-testid=stDataFrame] tr[aria-selected=true]").inner_text()


def query(atlas: AtlasPage) -> dict[str, list[str]]:
    return parse_qs(urlsplit(atlas.url).query)


def test_moving_the_date_slider_changes_the_markers_shown(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map()
    expect(frame.locator(".marker-cluster, .ga-event").first).to_be_visible()
    assert events_on_map(frame) == TOTAL

    end_of_range = atlas.page.locator("[data-testid=stSlider]").first.get_by_role("slider").nth(1)
    end_of_range.focus()
    atlas.rerun_after(lambda: [atlas.page.keyboard.press("PageDown") for _ in range(3)])

    expect(atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first).not_to_contain_text(
        f"Showing {TOTAL} of {TOTAL} events")
    date_to = dt.date.fromisoformat(query(atlas)["to"][0])
    shown = len(apply_filter(EVENTS, EventFilter(dates=DateRange(EVENTS["date"].min().date(), date_to))))
    assert 0 < shown < TOTAL
    assert caption(atlas).startswith(f"Showing {shown} of {TOTAL} events")
    frame.locator("body").evaluate(
        "(_, n) => new Promise(done => { const check = () => { let c = 0; window.map.eachLayer(l => {"
        " if (l instanceof L.EventClusters) c += l.size(); });"
        " c === n ? done() : setTimeout(check, 50); }; check(); })", shown)
    assert events_on_map(frame) == shown


def test_the_drawn_map_does_not_run_the_page_again_and_its_first_click_still_selects(atlas: AtlasPage) -> None:
    """The map's first report used to differ from the component's default (a click count of 0 against None) and
    ran every first page twice; the first click must still count."""
    frame = atlas.open("?basemap=offline&q=commercial+contracts").wait_for_map()
    wait_for_labels_placed(frame)  # drawn, its events in: any report it makes on load has been made
    atlas.wait_for_idle()
    assert atlas.page.evaluate("window.__scriptRuns") == 1

    atlas.rerun_after(frame.locator(".ga-event").click)

    assert query(atlas)["sel"] == [f"event:{TASHKENT_REFUSAL}"]


def test_clicking_a_marker_shows_its_popup_card_and_table_row(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline&q=commercial+contracts").wait_for_map()
    marker = frame.locator(".ga-event")
    expect(marker).to_have_count(1)

    atlas.rerun_after(marker.click)

    expect(frame.locator(".leaflet-popup-content .ga-card")).to_contain_text("Uzbekistan rejects a 'union'")
    expect(atlas.page.locator(f"[data-testid=stMain] [data-event-id='{TASHKENT_REFUSAL}']")).to_be_visible()
    expect(atlas.page.locator("[data-testid=stDataFrame] tr[aria-selected=true]")).to_contain_text("7 Dec 2022")
    assert query(atlas)["sel"] == [f"event:{TASHKENT_REFUSAL}"]

    # Close the popup, click the same marker again: it still answers.
    frame.locator(".leaflet-popup-close-button").click()
    expect(frame.locator(".leaflet-popup")).to_have_count(0)
    atlas.rerun_after(lambda: frame.locator(".ga-selected").click())
    expect(frame.locator(".leaflet-popup-content .ga-card")).to_have_count(1)
    expect(frame.locator(".leaflet-popup-content .ga-card")).to_be_visible()


def test_choosing_a_table_row_centres_the_map_on_that_event(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline&from=2023-01-01").wait_for_map()  # the row among the first in view
    frame.locator("body").evaluate("() => window.map.setView([45, 66], 5)")
    grid = atlas.page.locator("[data-testid=stDataFrame]")
    grid.scroll_into_view_if_needed()
    rows = grid.locator("tr[role=row]")
    index = next(i for i in range(rows.count()) if "18 Jan 2023" in rows.nth(i).inner_text()) - 1  # header row
    box = grid.bounding_box()

    atlas.rerun_after(lambda: atlas.page.mouse.click(box["x"] + 14, box["y"] + ROW_HEIGHT * (index + 1.5)))

    expect(atlas.page.locator(f"[data-testid=stMain] [data-event-id='{ROADMAP}']")).to_be_visible()
    expect(frame.locator(".ga-selected")).to_have_count(1)
    assert shows(frame, 59.94, 30.31)
    assert frame.locator("body").evaluate("() => window.map.getZoom()") == 5, "the zoom is the reader's"


def test_a_shared_link_opens_the_same_view(atlas: AtlasPage) -> None:
    link = f"?basemap=offline&lang=ru&from=2023-01-01&to=2023-12-31&type=agreement&sel=event:{ROADMAP}"
    frame = atlas.open(link).wait_for_map()

    expect(atlas.page.locator("h1")).to_have_text("Газовый атлас Центральной Азии")
    expected = apply_filter(EVENTS, EventFilter(dates=DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
                                                event_types=frozenset({"agreement"})))
    assert caption(atlas).startswith(f"Показано событий: {len(expected)} из {TOTAL}")
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("дорожную карту")
    expect(atlas.page.locator("[data-testid=stDataFrame] tr[aria-selected=true]")).to_contain_text("18 января 2023")
    assert events_on_map(frame) == len(expected)
    assert shows(frame, 59.94, 30.31)
    assert query(atlas)["type"] == ["agreement"]


def test_switching_language_translates_page_map_and_link(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline").wait_for_map()
    expect(frame.locator(".ga-country-label.focus").filter(has_text="Kazakhstan")).to_have_count(1)

    atlas.rerun_after(lambda: atlas.page.get_by_text("Русский", exact=True).click())

    expect(atlas.page.locator("h1")).to_have_text("Газовый атлас Центральной Азии")
    expect(frame.locator(".ga-country-label.focus").filter(has_text="Казахстан")).to_have_count(1)
    assert query(atlas)["lang"] == ["ru"]
    expect(atlas.page.locator("[data-testid=stDataFrame]")).to_contain_text(EVENTS["title_ru"].iloc[0][:30])


def test_the_page_fits_a_phone(browser, app_server) -> None:
    with atlas_tab(browser, app_server.base_url, width=390, height=844) as phone:
        frame = phone.open("?basemap=offline").wait_for_map()
        expect(frame.locator("svg[data-facility-id='orenburg-gpp']")).to_be_visible()
        width = phone.page.evaluate("document.scrollingElement.scrollWidth")
        iframe = phone.page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        assert width <= 390
        assert iframe["width"] <= 390
        phone.page.wait_for_function("() => document.querySelector('[data-testid=stDataFrame]')",
                                     timeout=UI_TIMEOUT_MS)


def test_events_at_the_same_place_stay_individually_clickable(atlas: AtlasPage) -> None:
    frame = atlas.open("?basemap=offline&q=St+Petersburg").wait_for_map()
    together = apply_filter(EVENTS, EventFilter(text="St Petersburg"))
    same_spot = together[(together["lat"] == 59.93863) & (together["lon"] == 30.31413)]
    assert len(same_spot) >= 3
    ids = same_spot["id"].tolist()

    frame.locator("body").evaluate("() => window.map.setView([59.9, 30.3], 4, {animate: false})")  # pan there

    # Clicking the cluster that holds them zooms in, and spreads out events that share one position.
    for _ in range(12):  # bounded: at most one click per zoom level
        if frame.locator("body").evaluate(SPREAD, ids):
            break
        settled = frame.locator("body").evaluate_handle(CLUSTER_SETTLED)
        frame.locator("body").evaluate(MARK_CLUSTER_AT, [59.93863, 30.31413])
        frame.locator("[data-test-target]").click()
        settled.evaluate("handle => handle.settled")
    assert frame.locator("body").evaluate(SPREAD, ids)
    assert atlas.url.count("sel=") == 0, "a cluster click selects nothing"

    spread = frame.locator("[data-test-spread]")
    expect(spread).to_have_count(len(ids))
    atlas.rerun_after(spread.first.click)
    expect(atlas.page.locator("[data-testid=stMain] [data-event-id]")).to_have_count(1)
    selected = atlas.page.locator("[data-testid=stMain] [data-event-id]").get_attribute("data-event-id")
    assert selected in set(ids)
