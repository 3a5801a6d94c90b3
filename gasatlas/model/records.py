"""One record by its id, from any of the dataset's frames (events, routes, facilities, actors).

The dataset's frames are shared and never modified, so each frame's id → row index is
built once and kept while the frame lives: a lookup is then a dictionary access instead of
a comparison over the whole id column (100,000 of them on a large atlas, on every rerun).
"""

from __future__ import annotations

import weakref
from typing import Any

import pandas as pd

_POSITIONS: dict[int, tuple[weakref.ref[pd.DataFrame], dict[str, int]]] = {}


def _positions(frame: pd.DataFrame) -> dict[str, int]:
    """The row position of every id in ``frame`` (the first, should an id repeat)."""
    entry = _POSITIONS.get(id(frame))
    if entry is None or entry[0]() is not frame:
        ids = frame["id"].tolist()
        entry = (weakref.ref(frame), {record_id: at for at, record_id in reversed(list(enumerate(ids)))})
        _POSITIONS[id(frame)] = entry
        weakref.finalize(frame, _POSITIONS.pop, id(frame), None)
    return entry[1]


def rows(frame: pd.DataFrame, record_id: str) -> pd.DataFrame:
    """The record with ``record_id`` as a one-row frame; an empty frame when there is none."""
    at = _positions(frame).get(record_id)
    return frame.iloc[[] if at is None else [at]]


def record(frame: pd.DataFrame, record_id: str) -> Any | None:
    """The record with ``record_id`` as a named tuple (as ``DataFrame.itertuples`` gives it), or None."""
    return next(rows(frame, record_id).itertuples(), None)
