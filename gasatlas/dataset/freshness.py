"""When the atlas's data was last updated, read from the data itself rather than from a file's timestamp or a
date someone remembered to type: a checkout, a copy or a cache of the same files tells the same date."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from gasatlas.model.vocab import RecordStatus

DATED_FLOW_COLUMNS = ("source_date", "retrieved")
"""The flow columns that say when a figure was published and when it was last checked against its source."""


def _newest_day(values: pd.Series) -> dt.date | None:
    """The newest day in ``values``: a column of datetimes (the events' dates, a million of them) at once, else
    cell by cell (dates read from a file, with gaps)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        newest = values.max()
        return None if pd.isna(newest) else newest.date()
    days = [value.date() if isinstance(value, pd.Timestamp | dt.datetime) else value for value in values
            if value is not None and (isinstance(value, dt.date) or not pd.isna(value))]
    return max(days, default=None)


def last_updated(events: pd.DataFrame, *flow_frames: pd.DataFrame) -> dt.date | None:
    """The newest day the data speaks of: a published event's date, or a flow figure's (or gap's) publication or
    retrieval date. ``None`` for data with no date at all (never today's date in its place)."""
    days = []
    if not events.empty:  # only the two columns: a copy of every published row would read them all
        dates = events["date"][events["status"] == RecordStatus.PUBLISHED] if "status" in events else events["date"]
        days.append(_newest_day(dates))
    days += [_newest_day(flows[column]) for flows in flow_frames for column in DATED_FLOW_COLUMNS if column in flows]
    return max((day for day in days if day is not None), default=None)


def stamp(day: dt.date | None) -> str:
    """What a download's file name carries: the data's date, so two downloads of the same data share it."""
    return f"data-{day.isoformat()}" if day else "data-undated"
