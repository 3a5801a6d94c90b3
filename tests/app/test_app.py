"""The app runs as Streamlit runs it: every page, both languages, bad data handled."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.config import PROJECT_ROOT, settings

APP = str(PROJECT_ROOT / "app.py")
TIMEOUT = 30


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch):
    """Point the app at a data folder for one test (settings are read once per process)."""

    def _use(path: Path) -> None:
        monkeypatch.setenv("GASATLAS_DATA_DIR", str(path))
        settings.cache_clear()

    yield _use
    settings.cache_clear()


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_map_page_runs_without_exceptions() -> None:
    at = run_app()

    assert not at.exception
    assert at.title[0].value == "Central Asia Gas Atlas"


def test_a_link_with_lang_ru_opens_the_russian_interface() -> None:
    at = run_app(lang="ru")

    assert not at.exception
    assert at.title[0].value == "Газовый атлас Центральной Азии"


def test_choosing_a_language_switches_the_interface_and_the_link() -> None:
    at = run_app()

    at.sidebar.button_group[0].set_value("ru").run()

    assert at.title[0].value == "Газовый атлас Центральной Азии"
    assert at.query_params["lang"] == "ru"


def test_an_invalid_link_value_is_ignored_with_a_notice() -> None:
    at = run_app(lang="xx", basemap="satellite")

    assert not at.exception
    assert at.title[0].value == "Central Asia Gas Atlas"
    assert any("unknown language" in toast.value for toast in at.toast)


def test_a_broken_data_file_stops_the_app_with_the_problem_named(data_dir, minimal_data: Path) -> None:
    events = minimal_data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2023-01-18", "2023-02-30"), encoding="utf-8")
    data_dir(minimal_data)

    at = run_app()

    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    assert "events.csv, line 2, id 'ev-a', field 'date'" in at.code[0].value
