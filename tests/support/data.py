"""The test fixtures' files, and the shipped atlas loaded once per process (per xdist worker)."""

from __future__ import annotations

from functools import cache

from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import Dataset, load_dataset

SHIPPED_DATA = PROJECT_ROOT / "data"
MINIMAL_DATA = PROJECT_ROOT / "tests" / "fixtures" / "minimal"
SHARED = PROJECT_ROOT.parent / "shared"
TEST_ARTICLE = PROJECT_ROOT / "tests" / "fixtures" / "articles" / "orenburg-test-wire.txt"
"""A made-up Russian news item: one meeting on 14 March 2024 at the Orenburg plant, published the 15th."""
TEST_ARTICLE_PUBLISHED = "2024-03-15"
PAGES = PROJECT_ROOT / "tests" / "fixtures" / "pages"
"""Saved news pages (a few sentences each, with their URLs) that the link tests fetch from ``site``."""


@cache
def shipped_atlas() -> Dataset:
    """The atlas in ``data/``, loaded once: validation of every row is the slowest part of a test's set-up.

    Shared by every test that reads it: never change it in place — a test that needs a changed atlas
    makes its own copy (``dataclasses.replace``, ``DataFrame.copy``) or loads ``minimal_data``.
    Tests take it as the ``atlas`` fixture; module constants and parametrisations call this.
    """
    return load_dataset(SHIPPED_DATA)
