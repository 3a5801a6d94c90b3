"""Columns derived once, when a dataset is loaded, that every view reads: free-text search over both languages,
each flow period's first and last day, and the flow figures apart from the gap rows.

They live here, not beside the analyses that read them, so that loading data never imports an analysis.
"""

from __future__ import annotations

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
"""Rows case-folded at a time: a million events' text would be a gigabyte of Python strings at once."""


def with_search_text(events: pd.DataFrame) -> pd.DataFrame:
    """Add the case-folded text that free-text search runs over (both languages).

    Joined by pyarrow and folded by ``str.casefold`` (pyarrow's ``utf8_lower`` is no faster and folds ß, ς… apart)
    a slice of rows at a time. Beyond one slice the folded text is spilled to a mapped file
    (``diskcache.spilled``): it is a second copy of the six longest columns, and the process need not hold it."""
    columns = [pc.fill_null(pa.array(events[column], pa.string()), "") for column in SEARCH_COLUMNS]

    def folded() -> Iterator[pa.Array]:
        for start in range(0, len(events), FOLD_ROWS):
            joined = pc.binary_join_element_wise(*(column.slice(start, FOLD_ROWS) for column in columns), " ")
            yield pa.array([text.casefold() for text in joined.to_pylist()], pa.large_string())

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
