"""Gas flows in a real browser with the network blocked: the map's flow mode, a route's flow chart,
the Flows page's download and a country's gas balance. Expected figures come from data/flows.csv.

Two tests also leave screenshots at 1440×900 for a person to look at: test-artifacts/flow-map.png
(the map in flow mode) and test-artifacts/gas-balance.png (a country's gas balance).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, FrameLocator, expect

from devtools.browser_harness import AppServer, AtlasPage, atlas_tab, wait_for_labels_placed
from gasatlas.analysis.filters import DateRange
from gasatlas.analysis.flows import (
    BALANCE_DIRECTIONS,
    FlowYear,
    balance_totals,
    country_balance,
    flows_in_view,
    moved_text,
    period_label,
)
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.i18n import gettext, label
from gasatlas.i18n.formats import format_number
from gasatlas.map.layers import FOCUS_BOUNDS, route_width
from gasatlas.model.palette import NO_FLOW_STYLE, NO_FLOW_WEIGHT
from gasatlas.model.status import routes_as_of

ATLAS = load_dataset(PROJECT_ROOT / "data")
FLOWS = ATLAS.flows
ROUTES = ATLAS.routes.set_index("id")
COUNTRIES = ATLAS.countries.set_index("iso_a3")
FIRST_DAY = ATLAS.events["date"].min().date()
CAC = "corr-ru-uz-via-kz"  # Russian gas to Uzbekistan through Kazakhstan (the reversed Central Asia–Center), from 2023
SCREEN = {"width": 1440, "height": 900}
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


@pytest.fixture
def wide(browser: Browser, app_server: AppServer) -> Iterator[AtlasPage]:
    """A tab at the size of a laptop screen, for the screenshots."""
    with atlas_tab(browser, app_server.base_url, **SCREEN) as atlas_page:
        yield atlas_page


def route_line(frame: FrameLocator, route_id: str):
    return frame.locator(f"path.ga-route-{route_id}")


def volume_label(frame: FrameLocator, route_id: str):
    return frame.locator(f".ga-flow-label span[data-route-id='{route_id}']")


def pixels(weight: float) -> str:
    """A line width as Leaflet writes it into the SVG (JavaScript's number formatting)."""
    return f"{weight:g}"


def drawn_for(year: int, route_id: str) -> tuple[str, str]:
    """The width and the label a route should have on the map in flow mode for ``year``, from flows.csv."""
    flow_year = FlowYear.of(FLOWS, year)
    route = next(ATLAS.routes[ATLAS.routes["id"] == route_id].itertuples())
    return pixels(route_width(route, flow_year)), moved_text(flow_year.by_route[route_id], "en")


def routes_without_figure(year: int, as_of: dt.date) -> set[str]:
    on_map = set(routes_as_of(ATLAS.routes, as_of)["id"])
    return on_map - set(FlowYear.of(FLOWS, year).by_route)


def main_caption(atlas: AtlasPage):
    return atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first


# --- The map in flow mode ---------------------------------------------------------------------------------------


def test_in_flow_mode_moving_the_end_date_into_the_next_year_redraws_the_route_for_that_year(
        atlas: AtlasPage) -> None:
    width_2023, text_2023 = drawn_for(2023, CAC)
    width_2024, text_2024 = drawn_for(2024, CAC)
    assert width_2023 != width_2024, "flows.csv should show a change to see"
    assert text_2023 != text_2024, "flows.csv should show a change to see"
    frame = atlas.open("?basemap=offline&to=2023-12-31").wait_for_map()
    atlas.wait_for_map_settled()
    expect(volume_label(frame, CAC)).to_have_count(0)  # capacity mode: no volumes on the map

    atlas.rerun_after(lambda: atlas.page.get_by_text(gettext("gas that moved", "en"), exact=True).click())

    assert "widths=flow" in atlas.url
    expect(main_caption(atlas)).to_contain_text("route widths: gas that moved in 2023")
    expect(route_line(frame, CAC)).to_have_attribute("stroke-width", width_2023)
    expect(volume_label(frame, CAC)).to_have_text(text_2023)

    end_of_range = atlas.page.locator("[data-testid=stSlider]").first.get_by_role("slider").nth(1)
    end_of_range.focus()
    atlas.rerun_after(lambda: atlas.page.keyboard.press("ArrowRight"))  # 31 Dec 2023 → 1 Jan 2024

    expect(atlas.page.locator("[data-testid=stSlider]").first).to_contain_text("2024-01-01")
    expect(main_caption(atlas)).to_contain_text("route widths: gas that moved in 2024")
    expect(route_line(frame, CAC)).to_have_attribute("stroke-width", width_2024)
    expect(volume_label(frame, CAC)).to_have_text(text_2024)
    expect(atlas.page.locator("[data-testid=stMain] .ga-legend")).to_contain_text(
        gettext("Routes by status; width: gas that moved in {year}", "en").format(year=2024))
    assert atlas.external_requests() == []


def test_a_route_without_a_whole_year_figure_is_drawn_as_no_data_not_as_zero(atlas: AtlasPage) -> None:
    year, as_of = 2023, dt.date(2023, 12, 31)
    without = routes_without_figure(year, as_of)
    months_only = set(FLOWS[(FLOWS["period_start"].dt.year == year) & ~FLOWS["whole_year"]]["route_id"]) & without
    assert months_only, "flows.csv should hold a route with only months for the year"
    frame = atlas.open(f"?basemap=offline&widths=flow&to={as_of}").wait_for_map()

    no_data = frame.locator("path.ga-no-flow")
    expect(no_data).to_have_count(len(without))
    drawn = {cls.split("ga-route-")[1].split()[0] for cls in
             (no_data.nth(i).get_attribute("class") for i in range(no_data.count()))}
    assert drawn == without
    for route_id in sorted(months_only):  # months are never added up into a year
        line = route_line(frame, route_id)
        expect(line).to_have_attribute("stroke", NO_FLOW_STYLE.color)
        expect(line).to_have_attribute("stroke-dasharray", NO_FLOW_STYLE.dash)
        expect(line).to_have_attribute("stroke-width", pixels(NO_FLOW_WEIGHT))
        assert NO_FLOW_WEIGHT > 0
        expect(line).to_be_visible()
        expect(volume_label(frame, route_id)).to_have_count(0)
    for route_id in FlowYear.of(FLOWS, year).by_route:  # routes with a figure keep their status style
        expect(route_line(frame, route_id)).not_to_have_attribute("stroke", NO_FLOW_STYLE.color)
    expect(atlas.page.locator("[data-testid=stMain] .ga-legend")).to_contain_text(
        gettext("Grey dashed: no figure for {year} — no data, not zero", "en").format(year=year))


def test_the_flow_map_opens_on_the_seven_focus_countries_with_readable_names_and_volumes(wide: AtlasPage) -> None:
    frame = wide.open("?basemap=offline&widths=flow&to=2024-12-31").wait_for_map()
    wide.wait_for_map_settled()
    expect(volume_label(frame, CAC)).to_have_count(1)
    wait_for_labels_placed(frame)
    ARTIFACTS.mkdir(exist_ok=True)
    wide.page.screenshot(path=ARTIFACTS / "flow-map.png")

    (south, west), (north, east) = FOCUS_BOUNDS
    assert frame.locator("body").evaluate(
        "(_, b) => window.map.getBounds().contains(L.latLngBounds(b))", [[south, west], [north, east]])
    seen = frame.locator("body").evaluate(
        """() => {
             const box = e => { const r = e.getBoundingClientRect();
                                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
             const z = pane => Number(getComputedStyle(window.map.getPane(pane)).zIndex);
             return {
               frame: box(window.map.getContainer()),
               names: [...document.querySelectorAll('.ga-country-label.focus span')].map(n => {
                 const text = document.createRange();  // the letters, without the line's leading
                 text.selectNodeContents(n);
                 return {name: n.textContent, ...box(text)};
               }),
               volumes: [...document.querySelectorAll('.ga-flow-label span')].map(
                 v => ({name: v.textContent, ...box(v)})),
               labelsAboveMarkers: [...document.querySelectorAll('.ga-country-label, .ga-flow-label')].every(
                 label => label.parentElement === window.map.getPane('gaLabels')) && z('gaLabels') > z('markerPane'),
             };
           }""")

    def overlap(a: dict, b: dict) -> bool:
        return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]

    def inside(a: dict) -> bool:
        outer = seen["frame"]
        return (a["left"] >= outer["left"] and a["right"] <= outer["right"] and a["top"] >= outer["top"]
                and a["bottom"] <= outer["bottom"])

    focus = {COUNTRIES.loc[code, "name_en"].upper() for code in COUNTRIES.index[COUNTRIES["focus"]]}
    assert len(focus) == 7
    assert {name["name"].upper() for name in seen["names"]} == focus
    assert all(inside(label) for label in seen["names"] + seen["volumes"]), seen
    assert seen["labelsAboveMarkers"], "a cluster badge never sits on a name or a volume"
    labels = seen["names"] + seen["volumes"]
    assert [(a["name"], b["name"]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a, b)] == []
    assert {volume["name"] for volume in seen["volumes"]} == {
        moved_text(figures, "en") for figures in FlowYear.of(FLOWS, 2024).by_route.values()}


# --- The Routes page ----------------------------------------------------------------------------------------------


def test_choosing_a_route_shows_its_flows_over_the_years(atlas: AtlasPage) -> None:
    yearly = FLOWS[FLOWS["whole_year"]]
    route_id = yearly.groupby("route_id")["period"].nunique().idxmax()  # the route with the longest record
    route_name = ROUTES.loc[route_id, "name_en"]
    years = sorted(set(yearly[yearly["route_id"] == route_id]["period"]))
    moved = yearly[(yearly["route_id"] == route_id) & yearly["value_kind"].isin(["reported", "estimate"])]
    atlas.open("routes?basemap=offline")

    atlas.choose(gettext("Route", "en"), route_name)

    assert f"sel=route%3A{route_id}" in atlas.url
    flows = atlas.page.locator(".st-key-route-flows")
    chart = flows.locator("[data-testid=stVegaLiteChart]").first
    expect(chart.locator("svg .role-axis-label text").first).to_be_attached()
    axis = chart.locator("svg .role-axis-label text").all_text_contents()
    assert set(years) <= set(axis), axis
    written = set(chart.locator("svg .role-mark text").all_text_contents())
    assert {format_number(volume, "en") for volume in moved["volume_bcm"]} <= written, written
    table = flows.locator("[data-testid=stDataFrame]")
    for year in years:
        expect(table).to_contain_text(year)


# --- The Flows page -----------------------------------------------------------------------------------------------


def test_the_flows_download_holds_exactly_the_rows_in_view(atlas: AtlasPage) -> None:
    to = dt.date(2024, 12, 31)
    dates = DateRange(FIRST_DAY, to)
    expected = flows_in_view(FLOWS, dates, {"KAZ"})
    gaps = flows_in_view(ATLAS.flow_gaps, dates, {"KAZ"})
    assert 0 < len(expected) < len(flows_in_view(FLOWS, dates, ()))
    atlas.open(f"flows?basemap=offline&to={to}")

    atlas.pick(gettext("Countries involved", "en"), "Kazakhstan")

    assert "country=KAZ" in atlas.url
    expect(atlas.page.get_by_text(f"{len(expected)} of {len(FLOWS)} figures")).to_be_visible()
    grid = atlas.page.locator("[data-testid=stDataFrame]").first
    expect(grid.locator("tr[role=row]")).to_have_count(len(expected) + 1)  # and the header
    shown = [[cell.inner_text() for cell in grid.locator("tr[role=row]").nth(i).locator("td").all()[:4]]
             for i in range(1, len(expected) + 1)]

    with atlas.page.expect_download() as download:
        atlas.page.get_by_role("button", name=gettext("Figures in view (CSV)", "en")).click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))

    assert [row["id"] for row in rows] == list(expected["id"]) + list(gaps["id"]), "the figures, then their gaps"
    header = (PROJECT_ROOT / "data" / "flows.csv").read_text(encoding="utf-8").splitlines()[0]
    assert list(rows[0]) == header.split(","), "a download is a valid flows file"
    names = COUNTRIES["name_en"]
    assert shown == [[period_label(row["period"], "en"), ROUTES.loc[row["route_id"], "name_en"],
                      f"{names[row['from_country']]} → {names[row['to_country']]}", f"{float(row['volume_bcm']):g}"]
                     for row in rows if row["value_kind"] != "gap"]
    assert atlas.external_requests() == []


def test_the_gas_balance_shows_what_a_country_sent_and_received_in_a_year(wide: AtlasPage) -> None:
    country, year = "RUS", 2024
    balance = country_balance(FLOWS, country, year)
    assert not balance.empty
    wide.open("flows?basemap=offline")

    wide.choose(gettext("Country", "en"), COUNTRIES.loc[country, "name_en"])
    wide.choose(gettext("Year", "en"), str(year))

    view = wide.page.locator(".st-key-gas-balance")
    for total in balance_totals(balance).itertuples():
        expect(view).to_contain_text(gettext("{direction}, {kind}: {volume} bcm (routes: {routes})", "en").format(
            direction=BALANCE_DIRECTIONS[total.direction].capitalize(), kind=label(total.value_kind, "en"),
            volume=format_number(total.volume_bcm, "en"), routes=total.routes))
    chart = view.locator("[data-testid=stVegaLiteChart] svg")
    expect(chart.locator(".role-mark path").first).to_be_attached()
    bars = chart.locator(".mark-rect path")
    expect(bars).to_have_count(int(balance["whole_year"].sum()))  # months are listed, never stacked on a year
    expect(view.locator("[data-testid=stDataFrame] tr[role=row]")).to_have_count(len(balance) + 1)
    view.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    wide.page.screenshot(path=ARTIFACTS / "gas-balance.png")
