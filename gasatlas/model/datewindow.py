"""The dates the atlas accepts: one window for curated files, the store, imports, forms and extraction.

The window opens on 1 January 1900, before the first gas fields and pipelines of
the region (the Soviet Central Asian fields and the Central Asia–Center system
date from the 1950s–60s), and closes today: the atlas records what happened, so
a date in the future is a plan, not an event. An event read from an article may
not postdate the article either. A date outside the window is refused with a
message that names it; no date is ever moved into the window silently.

The second half of this module is defence in depth for display code: whatever a
record holds, the slider's bounds and date arithmetic never overflow.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1900, 1, 1)
"""The first day an event, a route status or a publication may carry."""


class DateOutOfRange(ValueError):
    """A date outside the atlas's window; the message names what was dated and the window."""


def latest() -> dt.date:
    """The last day the atlas accepts: today (the server's local date)."""
    return dt.date.today()


def check(day: dt.date, what: str) -> dt.date:
    """``day`` if it lies in the window; else ``DateOutOfRange`` naming ``what`` ("the publication date")."""
    if day < EARLIEST:
        raise DateOutOfRange(f"{what} {day.isoformat()} is before {EARLIEST.isoformat()}, the atlas's earliest date")
    if day > latest():
        raise DateOutOfRange(f"{what} {day.isoformat()} is in the future (today is {latest().isoformat()})")
    return day


def within(day: dt.date) -> bool:
    return EARLIEST <= day <= latest()


def clamp(day: dt.date) -> dt.date:
    """``day`` moved into the window — for drawing only (slider bounds, axes), never for storing."""
    return min(max(day, EARLIEST), latest())


def shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    """``day + delta`` that stops at the calendar's ends instead of raising ``OverflowError``."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min
