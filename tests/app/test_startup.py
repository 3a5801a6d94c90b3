"""The server's start-up: Streamlit serves ``app.py`` with the atlas's hook, which imports what the pages need
before the first reader comes and keeps the map's component known to the server."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.components.lib.local_component_registry import LocalComponentRegistry
from streamlit.web.server.app_discovery import discover_asgi_app

from gasatlas.dataset.load import load_dataset
from gasatlas.ui import resources, startup, state
from tests.support.app import APP


def test_streamlit_run_serves_the_entry_script_as_an_app_with_the_start_up_hook() -> None:
    found = discover_asgi_app(Path(APP))
    assert (found.is_asgi_app, found.app_name) == (True, "app")
    assert "lifespan=startup.lifespan" in Path(APP).read_text(encoding="utf-8")


def test_the_start_up_imports_every_page_module_and_keeps_the_map_component_registered(
        monkeypatch: pytest.MonkeyPatch) -> None:
    registry = LocalComponentRegistry()
    monkeypatch.setattr(startup.runtime, "get_instance", lambda: SimpleNamespace(component_registry=registry))
    startup.import_page_modules()
    assert {"gasatlas.ui.map", "gasatlas.ui.shell", "gasatlas.ui.review"} <= set(startup.page_modules())
    assert all(name in sys.modules for name in startup.page_modules())
    assert registry.get_component_path("streamlit_folium.st_folium") is not None


def test_a_page_after_the_start_up_finds_the_shared_data_loaded_and_indexed(
        minimal_data: Path, data_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir(minimal_data)
    startup.load_shared_data()

    def computed_again(*_: object) -> None:
        raise AssertionError("the page computed it again")

    for module, name in [(resources, "with_stored"), (resources, "load_dataset"), (state, "_vocabulary")]:
        monkeypatch.setattr(module, name, computed_again)
    atlas = resources.dataset("en")
    assert len(atlas.events) == len(load_dataset(minimal_data).events)
    assert "RUS" in state.vocabulary(atlas).countries


def test_data_that_fails_at_start_up_is_logged_and_left_to_the_first_page(
        edit, data_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir(edit("events.csv", "2023-01-18", "2023-02-30"))
    warnings: list[str] = []
    monkeypatch.setattr(startup.LOGGER, "warning", lambda message, **_: warnings.append(message))
    startup.load_shared_data()
    assert warnings == ["the shared data did not load at start-up; the first page will load it"]
