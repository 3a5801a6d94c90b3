"""When the atlas's data was last updated, read from the data itself rather than from a file's timestamp or a
date someone remembered to type: a checkout, a copy or a cache of the same files tells the same date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from gasatlas.model.vocab import RecordStatus

DATED_FLOW_COLUMNS = ("source_date", "retrieved")
"""The flow columns that say when a figure was published and when it was last checked against its source."""


def _days(values: Iterable[Any]) -> list[dt.date]:
    days = []
    for value in values:
        if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
            continue
        days.append(value.date() if isinstance(value, pd.Timestamp | dt.datetime) else value)
    return days


def last_updated(events: pd.DataFrame, *flow_frames: pd.DataFrame) -> dt.date | None:
    """The newest day the data speaks of: a published event's date, or a flow figure's (or gap's) publication or
    retrieval date. ``None`` for data with no date at all (never today's date in its place)."""
    days: list[dt.date] = []
    if not events.empty:
        published = events[events["status"] == RecordStatus.PUBLISHED] if "status" in events else events
        days += _days(published["date"])
    for flows in flow_frames:
        for column in DATED_FLOW_COLUMNS:
            if column in flows:
                days += _days(flows[column])
    return max(days, default=None)


def stamp(day: dt.date | None) -> str:
    """What a download's file name carries: the data's date, so two downloads of the same data share it."""
    return f"data-{day.isoformat()}" if day else "data-undated"
