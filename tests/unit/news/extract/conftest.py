"""A helper that extracts from a short text (about the shipped atlas), shared by the extraction tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from gasatlas.dataset.load import Dataset
from gasatlas.news.extract import Candidate, extract_events
from tests.support.news import WIRE


@pytest.fixture(scope="session")
def extract(atlas: Dataset) -> Callable[..., list[Candidate]]:
    """``extract(text, published)`` → candidates, from a made-up source."""

    def _extract(text: str, published: dt.date = dt.date(2023, 1, 20), **options) -> list[Candidate]:
        return extract_events(text, published, atlas, source=WIRE, **options)

    return _extract


@pytest.fixture(scope="session")
def only(extract: Callable[..., list[Candidate]]) -> Callable[..., Candidate]:
    """The one candidate a text must yield."""

    def _only(text: str, published: dt.date = dt.date(2023, 1, 20), **options) -> Candidate:
        candidates = extract(text, published, **options)
        assert len(candidates) == 1, [c.event["quote"] for c in candidates]
        return candidates[0]

    return _only
