"""Rows taken out of a frame held in Arrow blocks (as a frame read back from the disk cache is): the same rows
``iloc`` gives, in the order asked, whatever the blocks and the column types."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from gasatlas.dataset.columnar import rows_taken

TEXT_BLOCKS = [["Астана", None, "Tashkent"], ["Orenburg"], ["", "Ашхабад", "Kabul", None], ["Islamabad", "Beijing"]]
ROWS = 10


def frame_in_blocks() -> pd.DataFrame:
    """Text as the app's frames hold it (pandas' "str") and as Arrow strings, numbers, tuples and dates."""
    blocks = pa.chunked_array(TEXT_BLOCKS, pa.large_string())
    return pd.DataFrame({
        "title": pd.array(blocks, dtype="str"),
        "in_blocks": pd.arrays.ArrowStringArray(blocks),
        "count": pd.array(pa.chunked_array([[1, 2, 3, 4, 5], [6, None, 8, 9, 10]]), dtype=pd.ArrowDtype(pa.int64())),
        "volume": np.linspace(0.5, 5.0, ROWS),
        "participants": np.array([("a",), (), ("a", "b")] * 3 + [("c",)], dtype=object),
        "date": pd.date_range("2023-01-01", periods=ROWS, freq="D").astype("datetime64[s]"),
    }, index=pd.RangeIndex(100, 100 + ROWS))


@given(st.lists(st.integers(0, ROWS - 1), max_size=25))
def test_rows_taken_block_by_block_are_the_rows_iloc_gives(rows: list[int]) -> None:
    frame = frame_in_blocks()

    pd.testing.assert_frame_equal(rows_taken(frame, np.array(rows, dtype=np.int64)), frame.iloc[rows])


def test_a_column_in_blocks_is_taken_in_the_order_asked() -> None:
    frame = frame_in_blocks()
    assert frame["in_blocks"].array.__arrow_array__().num_chunks == len(TEXT_BLOCKS)

    taken = rows_taken(frame, np.array([9, 0, 3, 5, 3]))

    assert taken["in_blocks"].tolist() == ["Beijing", "Астана", "Orenburg", "Ашхабад", "Orenburg"]
    assert list(taken.index) == [109, 100, 103, 105, 103]
