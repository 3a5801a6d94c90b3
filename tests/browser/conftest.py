"""Browser test fixtures: one app server and one Chromium per session, a fresh tab per test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from devtools.browser_harness import AppServer, AtlasPage, atlas_tab, launch_chromium, serving_copy_of_data


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[AppServer]:
    """The app over a copy of the shipped data, so tests that add to it never touch the repository."""
    with serving_copy_of_data(browser, tmp_path_factory.mktemp("app")) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def atlas(browser: Browser, app_server: AppServer) -> Iterator[AtlasPage]:
    with atlas_tab(browser, app_server.base_url) as atlas_page:
        yield atlas_page
