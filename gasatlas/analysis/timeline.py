"""The atlas over time: events as points, and each route's status as a band of dated segments."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from gasatlas.i18n import label
from gasatlas.model.vocab import Lang


def timeline_events(events: pd.DataFrame, atlas_countries: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per event with what the timeline draws and shows on hover (plain text)."""
    names = dict(zip(atlas_countries["iso_a3"], atlas_countries[f"name_{lang}"], strict=True))
    return pd.DataFrame(
        {
            "id": events["id"].to_numpy(),
            "date": events["date"].to_numpy(),
            "when": events[f"date_text_{lang}"].to_numpy(),
            "title": events[f"title_{lang}"].to_numpy(),
            "type": events["event_type"].to_numpy(),
            "type_label": [label(kind, lang) for kind in events["event_type"].tolist()],
            "country": [names.get(codes[0], codes[0]) if codes else "" for codes in events["countries"].tolist()],
        }
    )


def status_bands(routes: pd.DataFrame, start: dt.date, end: dt.date, lang: Lang) -> pd.DataFrame:
    """Each route's statuses as segments clipped to [start, end] (one row per segment).

    A status whose start is unknown is drawn from ``start``; the last status runs to ``end``.
    """
    rows = []
    for route in routes.itertuples():
        history = route.status_history
        for position, change in enumerate(history):
            begins = change["from"] or start
            ends = history[position + 1]["from"] if position + 1 < len(history) else end
            begins, ends = max(begins, start), min(ends, end)
            if begins >= ends:
                continue
            rows.append(
                {
                    "route_id": route.id,
                    "route": getattr(route, f"name_{lang}"),
                    "status": change["status"],
                    "status_label": label(change["status"], lang),
                    "start": pd.Timestamp(begins),
                    "end": pd.Timestamp(ends),
                    "note": change["direction_note" if lang == "en" else "direction_note_ru"],
                }
            )
    return pd.DataFrame(rows, columns=["route_id", "route", "status", "status_label", "start", "end", "note"])
