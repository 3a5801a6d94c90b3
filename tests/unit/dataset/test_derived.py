"""Columns derived when data is loaded: the search text is the searchable columns joined and folded exactly as
``str.casefold`` folds them, whichever way the folding is done."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from gasatlas.dataset.derived import SEARCH_COLUMNS, with_search_text

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def search_texts(rows: list[tuple[str, ...]]) -> list[str]:
    return with_search_text(pd.DataFrame(rows, columns=list(SEARCH_COLUMNS)))["search_text"].tolist()


@settings(deadline=None)  # the first example also finds, once, which characters fold apart (a second or so)
@given(st.lists(st.tuples(*[TEXT] * len(SEARCH_COLUMNS)), min_size=1, max_size=6))
def test_the_search_text_is_the_columns_joined_and_casefolded(rows: list[tuple[str, ...]]) -> None:
    assert search_texts(rows) == [" ".join(row).casefold() for row in rows]


def test_characters_that_lower_otherwise_than_they_fold_are_folded() -> None:
    rows = [("Straße", "ΣΟΦΟΣ ς", "İstanbul", "ﬁne", "ŉ", "ГАЗПРОМ"), ("Gazprom", "Газпром", "", "", "", "")]

    assert search_texts(rows) == ["strasse σοφοσ σ i̇stanbul fine ʼn газпром", "gazprom газпром    "]
