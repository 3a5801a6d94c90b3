"""Orientation, stories and the embedded view in a real browser with the network blocked."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, expect

from devtools.browser_harness import UI_TIMEOUT_MS, AppServer, AtlasPage, atlas_tab
from gasatlas.analysis.stories import Step, frame_bounds, load_story, references
from gasatlas.config import PROJECT_ROOT
from gasatlas.i18n import gettext
from gasatlas.ui.state import _codes, day_span
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
MAIN = load_story(PROJECT_ROOT / "data" / "stories" / "main.toml", references(ATLAS, _codes(ATLAS)))
SPAN = day_span(ATLAS)

FRAMED = """(_, [south, west, north, east]) => new Promise(done => {
  const deadline = performance.now() + 15000;
  const check = () => {
    if (window.map.getBounds().contains(L.latLngBounds([south, west], [north, east]))) done(true);
    else if (performance.now() > deadline) done(window.map.getBounds().toBBoxString());
    else requestAnimationFrame(check);
  };
  check();
})"""
"""Whether the map comes to show the whole of these corners (the map's own bounds when it does not in time)."""


def orientation(atlas: AtlasPage):
    return atlas.page.locator(".st-key-orientation")


def query(atlas: AtlasPage) -> dict[str, list[str]]:
    return parse_qs(urlsplit(atlas.url).query)


def shows_step(atlas: AtlasPage, number: int) -> None:
    """The page shows step ``number`` of the main story, its address says so and sets its view, and the map
    frames what the step is about."""
    step: Step = MAIN.steps[number - 1]
    expect(atlas.page.locator(".st-key-story-step h3")).to_have_text(step.title_en, timeout=UI_TIMEOUT_MS)
    # The address is written at the end of the script run that drew the step: wait for it, not for a fixed time.
    atlas.page.wait_for_function("([story, step]) => { const q = new URLSearchParams(location.search); "
                                 "return q.get('story') === story && q.get('step') === step; }",
                                 arg=["main", str(number)], timeout=UI_TIMEOUT_MS)
    params = query(atlas)
    assert params["story"] == ["main"]
    assert params["step"] == [str(number)]
    assert params.get("from", [SPAN.start.isoformat()]) == [step.date_from.isoformat()]
    assert params.get("to", [SPAN.end.isoformat()]) == [step.date_to.isoformat()]
    assert sorted(params.get("country", [])) == sorted(step.countries)
    assert params.get("type", []) == list(step.types)
    assert params.get("sel") == ([step.select] if step.select else None)
    assert params.get("widths", ["capacity"]) == [step.widths]
    (south, west), (north, east) = frame_bounds(step, ATLAS)
    atlas.wait_for_map()
    framed = atlas.map().locator("body").evaluate(FRAMED, [south, west, north, east])
    assert framed is True, f"step {number}: map shows {framed}, not {(south, west, north, east)}"


def test_a_cold_first_visit_shows_the_orientation_once(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline")

    expect(orientation(atlas)).to_contain_text("Welcome to the Central Asia Gas Atlas", timeout=UI_TIMEOUT_MS)
    expect(orientation(atlas)).to_contain_text(f"{len(ATLAS.events)} dated events")
    atlas.rerun_after(lambda: atlas.page.get_by_role("button", name=gettext("Explore on my own", "en")).click())

    expect(orientation(atlas)).to_have_count(0)
    assert query(atlas)["intro"] == ["0"]
    atlas.page.reload()
    atlas.wait_for_idle()
    expect(atlas.page.locator("h1").first).to_have_text(gettext("Central Asia Gas Atlas", "en"), timeout=UI_TIMEOUT_MS)
    expect(orientation(atlas)).to_have_count(0)
    assert atlas.external_requests() == []


def test_the_orientation_in_russian(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline&lang=ru")

    welcome = gettext("Welcome to the Central Asia Gas Atlas", "ru")
    expect(orientation(atlas)).to_contain_text(welcome, timeout=UI_TIMEOUT_MS)
    expect(orientation(atlas).get_by_role("button", name=gettext("Read the main story", "ru"))).to_be_visible()


def test_the_main_story_played_to_its_end_and_each_steps_address_reopens_it(
        atlas: AtlasPage, browser: Browser, app_server: AppServer) -> None:
    atlas.open("?basemap=offline")
    atlas.wait_for_map_settled()
    atlas.rerun_after(lambda: atlas.page.get_by_role("button", name=gettext("Read the main story", "en")).click())
    addresses = []
    for number in range(1, len(MAIN.steps) + 1):
        shows_step(atlas, number)
        expect(orientation(atlas)).to_have_count(0)
        addresses.append(atlas.url)
        if number == len(MAIN.steps):
            expect(atlas.page.get_by_role("button", name=gettext("Next", "en"))).to_be_disabled()
        elif number % 2:  # by button and by keyboard, in turn
            atlas.rerun_after(lambda: atlas.page.get_by_role("button", name=gettext("Next", "en")).click())
        else:
            atlas.page.locator(".st-key-story-step h3").click()
            atlas.rerun_after(lambda: atlas.page.keyboard.press("Shift+ArrowRight"))

    atlas.rerun_after(lambda: atlas.page.keyboard.press("Shift+ArrowLeft"))
    shows_step(atlas, len(MAIN.steps) - 1)

    for number, address in enumerate(addresses, start=1):
        with atlas_tab(browser, app_server.base_url) as fresh:
            fresh.page.goto(address)
            fresh.wait_for_idle()
            shows_step(fresh, number)


def test_the_embedded_view_shows_the_map_and_the_step_without_the_sidebar(atlas: AtlasPage) -> None:
    atlas.open("?embed=true&story=main&step=7&basemap=offline")

    shows_step(atlas, 7)
    expect(atlas.page.locator("[data-testid=stSidebar]")).to_have_count(0)
    expect(atlas.page.locator("h1")).to_have_count(0)
    expect(orientation(atlas)).to_have_count(0)
    expect(atlas.page.get_by_text(gettext("Central Asia Gas Atlas · every fact with its source", "en"))).to_be_visible()
    assert "embed" in query(atlas)
    assert atlas.external_requests() == []


def test_the_embedded_view_keeps_the_address_view_in_russian(atlas: AtlasPage) -> None:
    atlas.open("?embed=true&lang=ru&basemap=offline&from=2023-01-01&to=2023-12-31&country=UZB")

    atlas.wait_for_map()
    expect(atlas.page.locator("[data-testid=stSidebar]")).to_have_count(0)
    expect(atlas.page.get_by_text(gettext("Central Asia Gas Atlas · every fact with its source", "ru"))).to_be_visible()
    params = query(atlas)
    assert params["from"] == ["2023-01-01"]
    assert params["to"] == ["2023-12-31"]
    assert params["country"] == ["UZB"]
