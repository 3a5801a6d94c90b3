"""The network as of a date: which routes exist and in what state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd


def status_as_of(history: Sequence[Mapping[str, Any]], as_of: dt.date) -> Mapping[str, Any] | None:
    """The status entry in force on ``as_of``; None if the route had no recorded state yet.

    An entry with ``from`` null holds from the unknown past until the next change.
    """
    current = None
    for change in history:
        start = change["from"]
        if start is not None and start > as_of:
            break
        current = change
    return current


def routes_as_of(routes: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Routes that existed on ``as_of`` with ``status``, ``status_since`` and ``status_note`` columns."""
    entries = [status_as_of(history, as_of) for history in routes["status_history"]]
    result = routes.assign(
        status=[e["status"] if e else None for e in entries],
        status_since=[e["from"] if e else None for e in entries],
        status_note_en=[e["direction_note"] if e else None for e in entries],
        status_note_ru=[e["direction_note_ru"] if e else None for e in entries],
    )
    return result[result["status"].notna()].reset_index(drop=True)
