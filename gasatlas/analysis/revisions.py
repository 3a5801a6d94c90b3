"""Revisions and submissions as the pages show them: tables of what changed, who changed it and why.

Pure functions over the store's records, so the moderators' and contributors'
views can be tested without a browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from gasatlas.model.schema import EVENT_COLUMNS, LIST_SEPARATOR
from gasatlas.model.vocab import Lang
from gasatlas.store import Revision, StoredEvent

EDITABLE_FIELDS = tuple(column for column in EVENT_COLUMNS if column != "id")
"""What a moderator may correct: every column of events.csv but the id (other records refer to it)."""


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def changes_text(changes: Mapping[str, Sequence[Any]]) -> str:
    """``title_en: "old" → "new"; status: pending → published`` — one line per revision for a table."""
    return "; ".join(f"{name}: {_shown(before)!r} → {_shown(after)!r}" for name, (before, after) in changes.items())


def history_frame(history: Iterable[Revision]) -> pd.DataFrame:
    """An event's revisions, newest first, for the history view."""
    rows = [{"number": r.number, "at": r.at, "actor": r.actor, "action": str(r.action), "status": str(r.status),
             "changes": changes_text(r.changes), "comment": r.comment} for r in history]
    columns = ["number", "at", "actor", "action", "status", "changes", "comment"]
    return pd.DataFrame(rows, columns=columns).sort_values("number", ascending=False).reset_index(drop=True)


def submissions_frame(submitted: Iterable[StoredEvent], comments: Mapping[str, str], lang: Lang) -> pd.DataFrame:
    """A contributor's submissions with where each stands and the moderator's last word on it."""
    rows = [{"date": item.record.get("date"), "title": item.record.get(f"title_{lang}"), "status": str(item.status),
             "comment": comments.get(item.id, ""), "id": item.id} for item in submitted]
    return pd.DataFrame(rows, columns=["date", "title", "status", "comment", "id"])


def versions_frame(current: Mapping[str, Any], attempted: Mapping[str, Any]) -> pd.DataFrame:
    """Two versions of a record side by side, the fields that differ first (an edit conflict)."""
    names = list(EDITABLE_FIELDS)
    rows = [{"field": name, "saved": _shown(current.get(name)), "yours": _shown(attempted.get(name))}
            for name in names]
    frame = pd.DataFrame(rows, columns=["field", "saved", "yours"])
    return frame.assign(differs=frame["saved"] != frame["yours"]).sort_values(
        "differs", ascending=False, kind="stable").reset_index(drop=True)


def record_from_form(values: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    """A record from an edit form's values: list fields typed as ``a;b;c``, every other field as it came."""
    record = dict(base)
    for name, value in values.items():
        record[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return record
