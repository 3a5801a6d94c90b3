"""A record is found by its id in any of the dataset's frames, however often it is asked for."""

from __future__ import annotations

import pandas as pd

from gasatlas.dataset.load import Dataset
from gasatlas.model import records


def test_a_record_is_found_by_its_id_and_an_unknown_id_finds_nothing(atlas: Dataset) -> None:
    for frame in (atlas.events, atlas.routes, atlas.facilities, atlas.actors):
        last = frame["id"].iloc[-1]

        assert records.record(frame, last).id == last
        assert list(records.rows(frame, last)["id"]) == [last]
        assert records.record(frame, "no-such-id") is None
        assert records.rows(frame, "no-such-id").empty


def test_each_frame_has_its_own_index() -> None:
    one = pd.DataFrame({"id": ["a", "b"], "value": [1, 2]})
    other = pd.DataFrame({"id": ["b", "a"], "value": [3, 4]})

    assert records.record(one, "a").value == 1
    assert records.record(other, "a").value == 4
