"""Columns derived when data is loaded: the search text is the searchable columns joined and folded exactly as
``str.casefold`` folds them, whichever way the folding is done."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from gasatlas.config import settings
from gasatlas.dataset import derived
from gasatlas.dataset.derived import SEARCH_COLUMNS, with_search_text

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def search_texts(rows: list[tuple[str, ...]]) -> list[str]:
    return with_search_text(pd.DataFrame(rows, columns=list(SEARCH_COLUMNS)))["search_text"].tolist()


@examples(deadline=None)  # the first example also finds, once, which characters fold apart (a second or so)
@given(st.lists(st.tuples(*[TEXT] * len(SEARCH_COLUMNS)), min_size=1, max_size=6))
def test_the_search_text_is_the_columns_joined_and_casefolded(rows: list[tuple[str, ...]]) -> None:
    assert search_texts(rows) == [" ".join(row).casefold() for row in rows]


def test_characters_that_lower_otherwise_than_they_fold_are_folded() -> None:
    rows = [("Straße", "ΣΟΦΟΣ ς", "İstanbul", "ﬁne", "ŉ", "ГАЗПРОМ"), ("Gazprom", "Газпром", "", "", "", "")]

    assert search_texts(rows) == ["strasse σοφοσ σ i̇stanbul fine ʼn газпром", "gazprom газпром    "]


def test_columns_held_in_blocks_are_folded_a_slice_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large file's columns come in blocks, and beyond one slice the text is spilled to a file, written one
    folded slice at a time."""
    monkeypatch.setenv("GASATLAS_CACHE_DIR", str(tmp_path / "cache"))
    settings.cache_clear()
    monkeypatch.setattr(derived, "FOLD_ROWS", 2)
    blocks = pd.arrays.ArrowStringArray(pa.chunked_array([["Один", "ДВА"], ["Three", "ß"], ["V"]]))
    events = pd.DataFrame({column: pd.Series(blocks) for column in SEARCH_COLUMNS})
    try:
        texts = with_search_text(events)["search_text"].tolist()
    finally:
        settings.cache_clear()

    assert texts == [" ".join([word] * len(SEARCH_COLUMNS)).casefold() for word in ("Один", "ДВА", "Three", "ß", "V")]
