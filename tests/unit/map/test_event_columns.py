"""The events' column file: written once per version, public rows only, and a rerun that sends bits, not rows."""

from __future__ import annotations

import base64
import json
import os
import time

import numpy as np
import pandas as pd

from gasatlas.map import event_columns
from gasatlas.map.layers import events_layer
from gasatlas.model.vocab import RecordStatus


def layer_data(group) -> dict:
    return json.loads(next(iter(group._children.values())).data_json)


def shown_positions(bits: str, size: int) -> list[int]:
    mask = np.unpackbits(np.frombuffer(base64.b64decode(bits), dtype=np.uint8), bitorder="little")[:size]
    return np.flatnonzero(mask).tolist()


def with_pending(atlas, event_id: str) -> pd.DataFrame:
    events = atlas.events.copy()
    events.loc[events["id"] == event_id, "status"] = str(RecordStatus.PENDING)
    return events


def test_the_file_holds_every_published_events_columns_in_the_readers_language(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "ru", atlas.events_version, tmp_path)

    written = json.loads(columns.path.read_text(encoding="utf-8"))
    assert written["id"] == atlas.events["id"].tolist() == columns.ids.tolist()
    assert written["date"] == atlas.events["date_text_ru"].tolist()
    assert written["title"] == atlas.events["title_ru"].tolist()
    assert columns.url.startswith("../../app/static/events/")


def test_the_file_is_named_by_version_and_language_and_written_once(atlas, tmp_path) -> None:
    first = event_columns.publish(atlas.events, "en", "v1", tmp_path)
    path = first.path
    path.write_text("kept", encoding="utf-8")

    again = event_columns.publish(atlas.events, "en", "v1", tmp_path)
    other_language = event_columns.publish(atlas.events, "ru", "v1", tmp_path)
    other_version = event_columns.publish(atlas.events, "en", "v2", tmp_path)

    assert again.url == first.url
    assert path.read_text(encoding="utf-8") == "kept"
    assert len({first.url, other_language.url, other_version.url}) == 3


def test_a_version_cannot_name_a_file_outside_the_folder(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "en", "../../etc/passwd", tmp_path / "static")

    assert columns.path.parent == tmp_path / "static" / event_columns.COLUMNS_FOLDER
    assert "/" not in columns.url.removeprefix("../../app/static/events/")


def test_events_awaiting_review_never_reach_the_public_file(atlas, tmp_path) -> None:
    hidden = atlas.events["id"].iloc[0]

    columns = event_columns.publish(with_pending(atlas, hidden), "en", "v", tmp_path)

    written = json.loads(columns.path.read_text(encoding="utf-8"))
    assert hidden not in written["id"]
    assert "pending" not in written
    assert len(written["id"]) == len(atlas.events) - 1


def test_old_files_go_but_the_newest_and_the_recently_used_stay(atlas, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(event_columns, "KEEP_FILES", 2)
    now = time.time()
    made = []
    for n in range(5):
        made.append(event_columns.publish(atlas.events, "en", f"v{n}", tmp_path).path)
    for n, path in enumerate(made[:4]):  # v0 … v3 last used a day ago, oldest first; v4 just now
        os.utime(path, (now - 86_400 + n, now - 86_400 + n))
    os.utime(made[2], (now - 60, now - 60))  # v2 used a minute ago

    event_columns.publish(atlas.events, "en", "v0", tmp_path)  # a version in use again is the newest

    assert [path.exists() for path in made] == [True, False, True, False, True]


def test_a_rerun_sends_one_bit_per_event_and_no_event_columns(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "en", atlas.events_version, tmp_path)
    shown = atlas.events.iloc[[1, 4, 5]]

    data = layer_data(events_layer(shown, "en", atlas.events_version, columns))

    assert data["source"] == columns.url
    assert shown_positions(data["shown"], len(atlas.events)) == [1, 4, 5]
    assert "base" not in data
    assert "extra" not in data
    assert atlas.events["title_en"].iloc[1] not in json.dumps(data)


def test_the_bits_follow_the_file_order_whatever_the_shown_order(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "en", "v", tmp_path)
    shown = atlas.events.iloc[[7, 2, 3]].reset_index(drop=True)

    assert shown_positions(event_columns.shown_rows(columns, shown).bits, len(atlas.events)) == [2, 3, 7]


def test_a_contributors_own_submission_travels_with_the_layer(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "en", "v", tmp_path)
    edited = atlas.events["id"].iloc[3]  # a correction awaiting review, under the published event's id
    shown = with_pending(atlas, edited)

    data = layer_data(events_layer(shown, "en", "v", columns))

    assert data["extra"]["id"] == [edited]
    assert data["extra"]["pending"] == [1]
    assert data["extra"]["unreviewed"] == "unreviewed"
    assert 3 not in shown_positions(data["shown"], len(atlas.events))


def test_a_slider_step_at_many_events_sends_a_small_fraction_of_the_inline_layer(atlas, tmp_path) -> None:
    many = pd.concat([atlas.events] * 40, ignore_index=True)
    many["id"] = [f"ev-{n}" for n in range(len(many))]
    columns = event_columns.publish(many, "en", "many", tmp_path)
    step = many.iloc[: len(many) * 3 // 4]

    inline = next(iter(events_layer(step, "en", "many")._children.values())).data_json
    bits = next(iter(events_layer(step, "en", "many", columns)._children.values())).data_json

    assert len(bits) * 20 < len(inline)


def test_rows_picked_from_the_frame_the_file_was_written_from_are_found_by_their_labels(atlas, tmp_path) -> None:
    columns = event_columns.publish(atlas.events, "en", "v", tmp_path)
    picked = atlas.events[atlas.events["event_type"] == "agreement"]
    relabelled = picked.set_axis(range(len(picked)))  # the same rows under other labels: found by id

    by_label = event_columns.shown_rows(columns, picked, picked_from=atlas.events).bits
    by_id = event_columns.shown_rows(columns, picked).bits

    assert by_label == by_id
    assert event_columns.shown_rows(columns, relabelled, picked_from=atlas.events.copy()).bits == by_id


def test_a_file_written_from_a_frame_with_pending_rows_never_trusts_labels(atlas, tmp_path) -> None:
    events = with_pending(atlas, atlas.events["id"].iloc[0])

    columns = event_columns.publish(events, "en", "v", tmp_path)

    assert columns.written_from is None
