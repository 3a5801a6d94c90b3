"""The cold path for a large, valid CSV file: parsed by pyarrow, validated and framed a whole column at a time.

A never-seen ``events.csv`` of 100,000 rows took ≈ 10 s parsed with ``csv`` and checked cell by cell in Python;
pyarrow's compiled reader and kernels do the same in a fraction of that. The models stay the definition of a
valid record: the column rules (``schema.vouched_rows``) vouch only for cells already in the model's canonical
form, every other row is validated by its model, and a file with anything wrong in it — a cell count, a row its
model refuses, bytes the ``csv`` module would read differently — is handed back (``None``) to the row-by-row
path, which names each bad row by its line, exactly as before. So this path never reports a problem: it only
accepts files that pass.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from pydantic import BaseModel, ValidationError

from gasatlas.model import schema
from gasatlas.model.sanitize import FORMULA_START

Columns = dict[str, pa.Array | pa.ChunkedArray]
BOM = b"\xef\xbb\xbf"
HEADER_BYTES = 65_536
LONGEST_CELL_BYTES = 32_768
"""Longer cells go the row-by-row way: the ``csv`` module refuses cells over 128 KiB (a problem to report)."""
TAKE_ROWS = 1 << 17
"""Rows sorted into place at a time (``_taken``)."""
_GUARDED = "^'('*[" + "".join(f"\\x{{{ord(char):x}}}" for char in FORMULA_START) + "])"
"""A cell guarded against spreadsheet formulas (``sanitize.guard_cell``): one leading apostrophe to drop."""


def read_columns(path: Path, model: type[BaseModel]) -> Columns | None:
    """A CSV file's cells as string columns, unguarded, as the ``csv`` module would read them; ``None`` when the
    file has a problem to report (header, cell count, encoding) or something the two readers may read apart.

    Read in blocks, never whole: a million events are 1.5 GB of text."""
    try:
        with path.open("rb") as file:
            start = file.read(HEADER_BYTES).removeprefix(BOM)
        header = next(csv.reader(io.StringIO(start.decode("utf-8", "replace"), newline="")), [])
        table = pa_csv.read_csv(
            path,  # pyarrow skips a byte order mark as utf-8-sig does
            read_options=pa_csv.ReadOptions(block_size=1 << 24),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in header}, strings_can_be_null=False,
                quoted_strings_can_be_null=False, auto_dict_encode=False, include_missing_columns=False,
                check_utf8=True),
        )
    except (OSError, pa.ArrowInvalid, UnicodeDecodeError):
        return None
    names = table.column_names
    known = {f.alias or name for name, f in model.model_fields.items()}
    required = {f.alias or name for name, f in model.model_fields.items() if f.is_required()}
    if names != header or len(set(names)) != len(names) or not set(names) <= known or not required <= set(names) \
            or not len(table):
        return None
    columns = {name: table.column(name) for name in names}  # pyarrow's blocks, not copied into one
    del table
    if any(_refused_by_csv(array) for array in columns.values()):
        return None
    return {name: _unguarded(array) for name, array in columns.items()}


def _refused_by_csv(cells: pa.Array) -> bool:
    """The csv module refuses NUL bytes and cells over 128 KiB (problems to report, by line)."""
    longest = pc.max(pc.binary_length(cells)).as_py() or 0
    return longest > LONGEST_CELL_BYTES or bool(pc.any(pc.match_substring(cells, "\0")).as_py())


def _unguarded(cells: pa.Array) -> pa.Array:
    """``sanitize.unguard_cell`` for a column; most columns hold no guarded cell and are left as they are."""
    if not pc.any(pc.starts_with(cells, "'")).as_py():
        return cells
    return pc.replace_substring_regex(cells, _GUARDED, r"\1")


def _records_as_columns(records: list[Any], types: dict[str, pa.DataType]) -> Columns:
    return {name: pa.array([record.__dict__[name] for record in records], kind) for name, kind in types.items()}


def validate_columns(model: type[BaseModel], cells: Columns) -> Columns | None:
    """Every field's values for a file whose every row is valid, vouched for by the column rules or validated by
    the model; ``None`` if a row is not (the row-by-row path will name it) or the model has no column rules."""
    vouched = schema.vouched_rows(model, cells)
    if vouched is None:
        return None
    values, ok = vouched
    unsure = pc.indices_nonzero(pc.invert(ok))
    if not len(unsure):
        return values
    rows = pa.table({name: pc.take(array, unsure) for name, array in cells.items()}).to_pylist()
    try:
        records = [model.model_validate(row) for row in rows]
    except ValidationError:
        return None
    checked = _records_as_columns(records, {name: array.type for name, array in values.items()})
    return {name: pa.chunked_array([*_chunks(pc.filter(array, ok)), checked[name]], array.type)
            for name, array in values.items()}


def _chunks(array: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
    return array.chunks if isinstance(array, pa.ChunkedArray) else [array]


def frame(model: type[BaseModel], values: Columns, order: list[tuple[str, str]]) -> pd.DataFrame:
    """Valid columns as ``load._frame`` shapes records — one column per field in the model's order, list fields
    as tuples, dates as timestamps — with the rows sorted by ``order`` (pyarrow's ``sort_indices`` keys).

    Empties ``values``: only an index is sorted, and each column is freed as soon as its sorted copy is taken,
    so a million events' text is held twice one column at a time, never all at once."""
    indices = pc.sort_indices(pa.table({name: values[name] for name, _ in order}), sort_keys=order)
    columns = {}
    for name in model.model_fields:
        column = _whole(values.pop(name))
        _release_freed()  # the column's chunks
        columns[name] = _pandas(_taken(column, indices))
        del column
        _release_freed()
    values.clear()
    return pd.DataFrame(columns, copy=False)


def _release_freed() -> None:
    """Hand the pages of freed arrays back to the system now: pyarrow's allocator keeps them a while, and the next
    column taken would come on top of them (at a million events, hundreds of megabytes each)."""
    pa.default_memory_pool().release_unused()


def _taken(column: pa.Array, indices: pa.Array) -> pa.ChunkedArray:
    """``take`` a slice of the rows at a time: a whole text column taken at once grows its buffer as it goes,
    and the process peaked 0.5 GB higher at a million events."""
    return pa.chunked_array([pc.take(column, indices.slice(start, TAKE_ROWS))
                             for start in range(0, len(indices), TAKE_ROWS)], column.type)


def _whole(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """A column in one piece: ``take`` joins the chunks itself, but holding them until it is done."""
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _pandas(column: pa.Array | pa.ChunkedArray) -> pd.Series | np.ndarray:
    """One column as the frame holds it: text as pandas' Arrow strings (the same buffers), tuples for lists."""
    if pa.types.is_list(column.type):
        return _tuples(_whole(column))
    result = column.to_pandas(date_as_object=False, coerce_temporal_nanoseconds=False)
    return result.astype("datetime64[s]") if pd.api.types.is_datetime64_dtype(result) else result


def _tuples(lists: pa.Array) -> np.ndarray:
    """Each list as a tuple; equal lists share one tuple (a few thousand distinct ones among a million rows)."""
    encoded = pc.dictionary_encode(pc.binary_join(lists, schema.LIST_SEPARATOR))
    distinct = np.empty(len(encoded.dictionary), dtype=object)
    distinct[:] = [tuple(text.split(schema.LIST_SEPARATOR)) if text else () for text in encoded.dictionary.to_pylist()]
    codes: np.ndarray = encoded.indices.to_numpy(zero_copy_only=False)
    return np.asarray(distinct[codes])


def rows_taken(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[rows]``, each Arrow column's rows taken block by block. A frame read back from the disk cache
    holds each column in the blocks it was written in (28 at a million events), and pyarrow's ``take`` over such a
    column cost 15 ms where taking from each block cost 3.5: a table page of 1,000 rows out of a million events
    took 0.57 s of a slider step's run."""
    positions = np.asarray(rows, dtype=np.int64)
    columns = {name: _column_rows(frame[name], positions) for name in frame.columns}
    return pd.DataFrame(columns, index=frame.index[positions], copy=False)


def _column_rows(column: pd.Series, positions: np.ndarray) -> Any:
    values = column.array
    blocks = values.__arrow_array__() if hasattr(values, "__arrow_array__") else None
    if not isinstance(blocks, pa.ChunkedArray) or blocks.num_chunks < 2 or not len(positions):
        return column.iloc[positions].array
    starts = np.cumsum([0, *(len(block) for block in blocks.chunks)])
    block_of = np.searchsorted(starts, positions, side="right") - 1
    order = np.argsort(block_of, kind="stable")  # the rows grouped by block, then put back in the asked order
    grouped = pa.concat_arrays([
        blocks.chunk(block).take(pa.array(positions[order][block_of[order] == block] - starts[block]))
        for block in np.unique(block_of)])
    return column.dtype.__from_arrow__(grouped.take(pa.array(np.argsort(order))))


def write_frame(frame: pd.DataFrame, file: BinaryIO) -> None:
    """A frame as an Arrow IPC stream (list fields as lists): written and read back at the speed of the disk."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with pa.ipc.new_stream(file, table.schema) as stream:
        stream.write_table(table)


def read_frame(file: BinaryIO) -> pd.DataFrame:
    """``write_frame``'s frame, from where ``file`` stands (the text is mapped, not copied, when it can be)."""
    try:
        source: Any = pa.memory_map(file.name)
        source.seek(file.tell())
    except (AttributeError, TypeError, OSError):  # not a file on disk
        source = file
    table = pa.ipc.open_stream(source).read_all()
    lists = [name for name in table.column_names if pa.types.is_list(table.schema.field(name).type)]
    result = table.to_pandas(coerce_temporal_nanoseconds=False)
    for name in lists:
        result[name] = _tuples(table.column(name).combine_chunks())
    return result
