"""Adding a news article in the browser: paste, review, save, and find the new event on the map and in the table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import READ_TIMEOUT_MS, AppServer, AtlasPage, atlas_tab, serving_copy_of_data
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from tests.conftest import TEST_ARTICLE

EVENTS = load_dataset(PROJECT_ROOT / "data").events
TOTAL = len(EVENTS)
ROWS_BEFORE_THE_NEW_EVENT = int((EVENTS["date"] < "2024-03-14").sum())
"""The table lists events by date: the article's event (14 March 2024) comes after these."""


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[AppServer]:
    """A server with a store of its own: the saved event must not leak into the other browser tests."""
    with serving_copy_of_data(browser, tmp_path_factory.mktemp("add-news")) as server:
        yield server


@pytest.fixture
def atlas(browser: Browser, private_server: AppServer) -> Iterator[AtlasPage]:
    with atlas_tab(browser, private_server.base_url) as atlas_page:
        yield atlas_page


def test_a_pasted_article_reviewed_and_saved_appears_on_the_map_and_in_the_table(atlas: AtlasPage) -> None:
    page = atlas.open("add_news?basemap=offline").page
    page.get_by_label("Article text (Russian or English)").fill(TEST_ARTICLE.read_text(encoding="utf-8"))
    page.get_by_role("spinbutton", name="year, Publication date").click()
    page.keyboard.type("20240315")  # year, month and day: the field moves on by itself
    page.get_by_label("Source (publication and headline)").fill("Test Wire")
    page.get_by_label("Source URL").fill("https://example.org/news/orenburg")

    atlas.rerun_after(lambda: page.get_by_role("button", name="Find events").click())

    expect(page.get_by_text("Russian: full support")).to_be_visible(timeout=READ_TIMEOUT_MS)  # read by the pool
    save = page.get_by_role("button", name="Save 1 event")
    expect(save).to_be_enabled()
    atlas.rerun_after(save.click)

    expect(page.get_by_text("Saved 1 event.")).to_be_visible()
    atlas.rerun_after(lambda: page.get_by_role("button", name="Show on the map").click())

    frame = atlas.wait_for_map()
    expect(page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first).to_contain_text(
        f"Showing {TOTAL + 1} of {TOTAL + 1} events")
    expect(frame.locator(".ga-selected")).to_have_count(1)
    expect(frame.locator(".leaflet-popup-content .ga-card")).to_contain_text("Ivan Petrov, Alexey Miller")
    grid = page.locator("[data-testid=stDataFrame]").last  # the events table, below the card and its history
    atlas.scroll_table_to(grid, ROWS_BEFORE_THE_NEW_EVENT)
    expect(grid.locator("tr[aria-selected=true]")).to_contain_text("14 Mar 2024")
    assert "sel=event%3Aev-2024-03-14-" in atlas.url
    assert atlas.external_requests() == []
