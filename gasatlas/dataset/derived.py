"""Columns derived once, when a dataset is loaded, that every view reads: free-text search over both languages,
each flow period's first and last day, and the flow figures apart from the gap rows.

They live here, not beside the analyses that read them, so that loading data never imports an analysis.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from gasatlas.dataset import diskcache
from gasatlas.model.schema import period_span
from gasatlas.model.vocab import FlowKind

SEARCH_COLUMNS = ("title_en", "title_ru", "summary_en", "summary_ru", "place_name_en", "place_name_ru")
"""The text free-text search runs over."""

FOLD_ROWS = 50_000
"""Rows case-folded at a time: a million events' text is more than a gigabyte."""


@functools.cache
def _lowered_apart() -> str:
    """An RE2 character class of the characters pyarrow's ``utf8_lower`` maps otherwise than ``str.casefold``
    (ß → ss, ς → σ, ﬁ → fi, İ → i̇ …): found by asking both about every character (1.6 CPU-seconds), once per
    Python and pyarrow version, as their Unicode tables may differ."""
    return diskcache.cached("case-folding", (sys.version, *diskcache.versions("pyarrow")), _find_lowered_apart)


def _find_lowered_apart() -> str:
    characters = [chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point <= 0xDFFF]
    lowered = pc.utf8_lower(pa.array(characters)).to_pylist()
    apart = [character for character, lower in zip(characters, lowered, strict=True) if lower != character.casefold()]
    return "[" + "".join(f"\\x{{{ord(character):x}}}" for character in apart) + "]"


def _casefolded(texts: pa.Array) -> pa.Array:
    """``str.casefold`` of every text: by pyarrow's ``utf8_lower`` (16 times faster, 0.18 against 3.0
    CPU-seconds at 100,000 events), except the texts holding a character it lowers otherwise."""
    lowered = pc.utf8_lower(texts)
    apart = pc.match_substring_regex(texts, _lowered_apart())
    if pc.any(apart).as_py():
        folded = [text.casefold() for text in texts.filter(apart).to_pylist()]
        lowered = pc.replace_with_mask(lowered, apart, pa.array(folded, lowered.type))
    return lowered.cast(pa.large_string())


def with_search_text(events: pd.DataFrame) -> pd.DataFrame:
    """Add the case-folded text that free-text search runs over (both languages).

    Joined and folded by pyarrow (``_casefolded``: ``str.casefold``'s result) a slice of rows at a time. Beyond
    one slice the folded text is spilled to a mapped file (``diskcache.spilled``): it is a second copy of the
    six longest columns, and the process need not hold it."""
    columns = [pc.fill_null(pa.array(events[column], pa.string()), "") for column in SEARCH_COLUMNS]

    def folded() -> Iterator[pa.Array]:
        for start in range(0, len(events), FOLD_ROWS):
            joined = pc.binary_join_element_wise(*(column.slice(start, FOLD_ROWS) for column in columns), " ")
            # One array a slice: a large file's columns come in blocks, and a whole column would be a copy.
            yield _casefolded(joined.combine_chunks() if isinstance(joined, pa.ChunkedArray) else joined)

    text = diskcache.spilled(folded, pa.large_string()) if len(events) > FOLD_ROWS else \
        pa.chunked_array(list(folded()), pa.large_string())
    return events.assign(search_text=pd.Series(text.to_pandas().array, index=events.index))


def split_flows(flows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The figures apart from the gap rows (``Dataset.flows`` and ``Dataset.flow_gaps``): a gap has no volume and
    must never reach a sum, a chart or a map width as a zero."""
    gap = flows["value_kind"] == FlowKind.GAP
    return {"flows": flows[~gap].reset_index(drop=True), "flow_gaps": flows[gap].reset_index(drop=True)}


def with_periods(flows: pd.DataFrame) -> pd.DataFrame:
    """Add each period's first and last day and whether it is a whole year, sorted by period then route."""
    spans = [period_span(period) for period in flows["period"]]
    result = flows.assign(
        period_start=pd.to_datetime([start for start, _ in spans]),
        period_end=pd.to_datetime([end for _, end in spans]),
        whole_year=[len(period) == 4 for period in flows["period"]],
    )
    return result.sort_values(["period_start", "period_end", "route_id", "id"], kind="stable").reset_index(drop=True)
