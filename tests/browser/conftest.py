"""Browser test fixtures: one app server and one Chromium per session, a fresh tab per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from gasatlas.config import PROJECT_ROOT

from .harness import AppServer, AtlasPage, launch_chromium, new_atlas_page, start_app_server, warm_up


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data, so tests that add to it never touch the repository."""
    target = tmp_path_factory.mktemp("app") / "data"
    shutil.copytree(PROJECT_ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def app_server(app_data_dir: Path, browser: Browser) -> Iterator[AppServer]:
    server = start_app_server(app_data_dir)
    warm_up(browser, server)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def atlas(browser: Browser, app_server: AppServer) -> Iterator[AtlasPage]:
    atlas_page, context = new_atlas_page(browser, app_server.base_url)
    yield atlas_page
    context.close()
