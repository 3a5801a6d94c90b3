"""Fixtures shared by every test layer."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_DATA = ROOT / "tests" / "fixtures" / "minimal"
SHARED = ROOT.parent / "shared"
TEST_ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "orenburg-test-wire.txt"
"""A made-up Russian news item: one meeting on 14 March 2024 at the Orenburg plant, published the 15th."""
TEST_ARTICLE_PUBLISHED = "2024-03-15"


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
