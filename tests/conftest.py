"""Fixtures shared by every test layer."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gasatlas.dataset.load import Dataset
from tests.support.data import MINIMAL_DATA, PAGES, shipped_atlas


@pytest.fixture(scope="session")
def atlas() -> Dataset:
    """The shipped atlas (``data/``), loaded once per test run and worker: read it, never change it."""
    return shipped_atlas()


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A private copy of the smallest valid dataset, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL_DATA, target)
    return target


@pytest.fixture
def edit(minimal_data: Path) -> Callable[[str, str, str], Path]:
    """Replace one piece of text in one file of the minimal dataset."""

    def _edit(file: str, old: str, new: str) -> Path:
        path = minimal_data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture {file} does not contain {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return minimal_data

    return _edit


class _FixturePages(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, *_args) -> None:
        return None


@pytest.fixture
def site() -> Iterator[str]:
    """A local web server holding ``PAGES``: a link to read, with the network blocked."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FixturePages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
