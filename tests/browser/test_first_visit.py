"""A shared link works as the very first visit to a freshly started server, for every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import UI_TIMEOUT_MS, new_atlas_page, start_app_server
from gasatlas.config import PROJECT_ROOT
from gasatlas.ui import navigation

TITLES = {navigation.MAP: "Central Asia Gas Atlas", navigation.TIMELINE: "Timeline", navigation.ACTORS: "Who met whom",
          navigation.ROUTES: "Routes and facilities", navigation.FLOWS: "Gas flows",
          navigation.COMPARE: "Compare two moments", navigation.DATA: "Data and sources",
          navigation.ADD_NEWS: "Add events from a news article",
          navigation.REVIEW: "Review queue", navigation.FEEDS: "News feeds", navigation.AUDIT: "Audit log"}


@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda spec: spec.url_path)
def test_a_pages_address_opened_first_on_a_fresh_server_shows_that_page(
        browser: Browser, tmp_path, spec: navigation.PageSpec) -> None:
    data_dir = tmp_path / "data"
    data_dir.symlink_to(PROJECT_ROOT / "data", target_is_directory=True)
    server = start_app_server(data_dir)
    atlas, context = new_atlas_page(browser, server.base_url)
    try:
        address = "" if spec is navigation.MAP else spec.url_path  # the map is the home page, at /
        atlas.open(f"{address}?basemap=offline")

        expect(atlas.page.locator("h1").first).to_have_text(TITLES[spec], timeout=UI_TIMEOUT_MS)
        expect(atlas.page.get_by_text("Page not found")).to_have_count(0)
        expect(atlas.page.locator("[data-testid=stException]")).to_have_count(0)
        assert atlas.external_requests() == []
    finally:
        context.close()
        server.stop()
