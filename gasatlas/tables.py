"""Data frames shaped for reading: the events table beside the map."""

from __future__ import annotations

import pandas as pd

from gasatlas.data import Dataset
from gasatlas.i18n import format_date, t
from gasatlas.vocab import Lang, label

EVENT_TABLE_COLUMNS = ("date", "title", "type", "place", "participants", "source")


def events_table(events: pd.DataFrame, atlas: Dataset, lang: Lang) -> pd.DataFrame:
    """One row per shown event, in the reader's language, in the same order as ``events``.

    Dates are written no more precisely than they are known; people are named,
    not referenced by id. The event id is the (hidden) index.
    """
    names = dict(zip(atlas.actors["id"], atlas.actors[f"name_{lang}"]))
    labels = events[f"date_label_{lang}"]
    table = pd.DataFrame(
        {
            "date": [
                format_date(day, precision, lang, text if isinstance(text, str) else None)
                for day, precision, text in zip(events["date"].dt.date, events["date_precision"], labels)
            ],
            "title": events[f"title_{lang}"].to_numpy(),
            "type": [label(kind, lang) for kind in events["event_type"]],
            "place": events[f"place_name_{lang}"].to_numpy(),
            "participants": [", ".join(names.get(p, p) for p in people) for people in events["participants"]],
            "source": events["source_url"].to_numpy(),
        },
        index=pd.Index(events["id"].to_numpy(), name="id"),
    )
    return table


def event_table_headers(lang: Lang) -> dict[str, str]:
    return {column: t(f"col_{column}", lang) for column in EVENT_TABLE_COLUMNS}
