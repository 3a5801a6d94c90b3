"""A long events table, a page at a time, still linked both ways to the map (pages of 20 rows here)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import ROW_HEIGHT, AppServer, AtlasPage, atlas_tab, serving_copy_of_data
from gasatlas.map.event_table import TableSort, sorted_events
from tests.support.data import shipped_atlas

ROWS_PER_PAGE = 20
ATLAS = shipped_atlas()
EVENTS = ATLAS.events
TOTAL = len(EVENTS)
ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"


@pytest.fixture(scope="module")
def paged_server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[AppServer]:
    with serving_copy_of_data(browser, tmp_path_factory.mktemp("pages"),
                              extra_env={"GASATLAS_TABLE_PAGE_ROWS": str(ROWS_PER_PAGE)}) as server:
        yield server


@pytest.fixture
def paged(browser: Browser, paged_server: AppServer) -> Iterator[AtlasPage]:
    with atlas_tab(browser, paged_server.base_url) as atlas_page:
        yield atlas_page


def rows_text(first: int) -> str:
    return f"{first + 1}–{min(first + ROWS_PER_PAGE, TOTAL)} of {TOTAL}"


def test_a_row_chosen_on_a_later_page_selects_that_event(paged: AtlasPage) -> None:
    frame = paged.open("?basemap=offline").wait_for_map_settled()
    last_first = (TOTAL - 1) // ROWS_PER_PAGE * ROWS_PER_PAGE
    grid = paged.page.locator("[data-testid=stDataFrame]")
    expect(grid.locator("tr[role=row]").nth(1)).to_contain_text(EVENTS["title_en"].iloc[0][:30])

    paged.choose("Rows", rows_text(last_first))

    expect(grid.locator("tr[role=row]").nth(1)).to_contain_text(EVENTS["title_en"].iloc[last_first][:30])
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    paged.rerun_after(lambda: paged.page.mouse.click(box["x"] + 14, box["y"] + ROW_HEIGHT * 1.5))

    chosen = EVENTS["id"].iloc[last_first]
    expect(paged.page.locator(f"[data-testid=stMain] [data-event-id='{chosen}']")).to_be_visible()
    expect(frame.locator(".ga-selected")).to_have_count(1)
    assert parse_qs(urlsplit(paged.url).query)["sel"] == [f"event:{chosen}"]
    assert paged.external_requests() == []


def test_a_shared_link_opens_the_table_at_the_page_of_its_event(paged: AtlasPage) -> None:
    position = int(EVENTS.index[EVENTS["id"] == ROADMAP][0])
    first = position // ROWS_PER_PAGE * ROWS_PER_PAGE
    assert first > 0, "the roadmap is not on the first page"

    paged.open(f"?basemap=offline&sel=event:{ROADMAP}").wait_for_map()

    chooser = paged.page.locator("[data-testid=stMain] [data-testid=stSelectbox]").filter(
        has=paged.page.get_by_text("Rows", exact=True))
    expect(chooser.get_by_role("combobox")).to_have_value(rows_text(first))
    grid = paged.page.locator("[data-testid=stDataFrame]")
    paged.scroll_table_to(grid, position - first)
    expect(grid.locator("tr[aria-selected=true]")).to_contain_text("18 Jan 2023")


def test_newest_first_orders_the_whole_table_across_its_pages(paged: AtlasPage) -> None:
    paged.open("?basemap=offline").wait_for_map_settled()
    newest_first = sorted_events(EVENTS, ATLAS, TableSort("date", descending=True), "en")
    grid = paged.page.locator("[data-testid=stDataFrame]")
    order = paged.page.locator("[data-testid=stMain]").get_by_role("radiogroup", name="Order")

    paged.rerun_after(lambda: order.get_by_role("radio", name="Newest first").click())

    expect(grid.locator("tr[role=row]").nth(1)).to_contain_text(newest_first["title_en"].iloc[0][:30])
    last_first = (TOTAL - 1) // ROWS_PER_PAGE * ROWS_PER_PAGE
    paged.choose("Rows", rows_text(last_first))
    expect(grid.locator("tr[role=row]").nth(1)).to_contain_text(newest_first["title_en"].iloc[last_first][:30])
    assert newest_first["date"].iloc[0] >= newest_first["date"].iloc[last_first], "dates sorted as dates"
    assert newest_first["date"].iloc[0] == EVENTS["date"].max()


def test_the_order_survives_a_language_switch(paged: AtlasPage) -> None:
    paged.open("?basemap=offline").wait_for_map_settled()
    newest_first = sorted_events(EVENTS, ATLAS, TableSort("date", descending=True), "en")
    order = paged.page.locator("[data-testid=stMain]").get_by_role("radiogroup", name="Order")
    paged.rerun_after(lambda: order.get_by_role("radio", name="Newest first").click())

    paged.rerun_after(lambda: paged.page.get_by_text("Русский", exact=True).click())

    grid = paged.page.locator("[data-testid=stDataFrame]")
    expect(grid.locator("tr[role=row]").nth(1)).to_contain_text(newest_first["title_ru"].iloc[0][:30])
    russian_order = paged.page.locator("[data-testid=stMain]").get_by_role("radiogroup", name="Порядок")
    expect(russian_order.get_by_role("radio", name="Сначала поздние")).to_have_attribute("aria-checked", "true")
