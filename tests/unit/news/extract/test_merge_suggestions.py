"""Which atlas events a pending candidate is offered to be merged into: events of its kind and days that share
its countries, the likeliest first — and never an event of other countries or months away."""

from __future__ import annotations

from typing import Any

import pandas as pd

from gasatlas.dataset.load import Dataset
from gasatlas.news.extract.merge import SUGGESTIONS, likely_same

ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"


def events(atlas: Dataset) -> list[dict[str, Any]]:
    return atlas.events.to_dict("records")


def retold(atlas: Dataset, event_id: str, **changes: Any) -> dict[str, Any]:
    """An atlas event as another outlet's candidate tells it: its own id and words, the same happening."""
    (record,) = [event for event in events(atlas) if event["id"] == event_id]
    return record | {"id": "ev-candidate", "title_en": "A roadmap is signed", "title_ru": "", "quote": ""} | changes


def test_a_report_of_an_atlas_event_a_day_later_offers_that_event_first(atlas: Dataset) -> None:
    candidate = retold(atlas, ROADMAP, date=pd.Timestamp("2023-01-19"))

    offered = likely_same(candidate, events(atlas))

    assert offered[0] == ROADMAP
    assert len(offered) <= SUGGESTIONS


def test_a_dated_text_is_read_like_a_frames_timestamp(atlas: Dataset) -> None:
    assert likely_same(retold(atlas, ROADMAP, date="2023-01-19"), events(atlas))[0] == ROADMAP


def test_events_of_other_countries_or_weeks_away_are_not_offered(atlas: Dataset) -> None:
    elsewhere = retold(atlas, ROADMAP, countries=("AZE",), place_country="AZE")
    later = retold(atlas, ROADMAP, date="2023-03-18")

    assert ROADMAP not in likely_same(elsewhere, events(atlas))
    assert ROADMAP not in likely_same(later, events(atlas))


def test_the_candidate_itself_is_never_offered(atlas: Dataset) -> None:
    (record,) = [event for event in events(atlas) if event["id"] == ROADMAP]

    assert ROADMAP not in likely_same(record, events(atlas))
