"""Every data file is loaded through one validated path; bad input is named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasatlas.data import DataValidationError, Problem, load_dataset


def problems_for(data_dir: Path) -> list[Problem]:
    with pytest.raises(DataValidationError) as caught:
        load_dataset(data_dir)
    return caught.value.problems


def test_the_minimal_dataset_loads_into_frames(minimal_data: Path) -> None:
    atlas = load_dataset(minimal_data)

    assert list(atlas.events["id"]) == ["ev-b", "ev-a"], "events are sorted by date"
    assert atlas.events.loc[1, "countries"] == ("RUS", "KAZ")
    assert atlas.events.loc[0, "participants"] == ()
    assert atlas.routes.loc[0, "status_history"][1]["from"].isoformat() == "2023-10-07"
    assert atlas.routes.loc[0, "geometry"]["type"] == "LineString"
    assert set(atlas.countries["iso_a3"]) == {"RUS", "KAZ"}


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "events.csv", "ev-a,2023-01-18", "ev-a,2023-13-18",
            "events.csv, line 2, id 'ev-a', field 'date'", id="bad date",
        ),
        pytest.param(
            "events.csv", "RUS;KAZ,alice", "RUS;XXX,alice",
            "events.csv, line 2, id 'ev-a', field 'countries': unknown country code 'XXX'", id="unknown ISO3",
        ),
        pytest.param(
            "facilities.csv", "RUS,55.0,50.0", "RUS,45.0,70.0",
            "facilities.csv, line 2, id 'test-plant', field 'lat/lon': (45.0, 70.0) lies", id="outside its country",
        ),
        pytest.param(
            "events.csv", ",test-pipe,", ",no-such-pipe,",
            "events.csv, line 2, id 'ev-a', field 'route_ids': unknown route id 'no-such-pipe'", id="unknown route",
        ),
        pytest.param(
            "events.csv", ",test-plant,", ",no-such-plant,",
            "events.csv, line 2, id 'ev-a', field 'facility_ids': unknown facility id 'no-such-plant'",
            id="unknown facility",
        ),
        pytest.param(
            "events.csv", "KAZ,alice,acme", "KAZ,acme,acme",
            "field 'participants': unknown person id (see actors.csv) 'acme'", id="organisation as a person",
        ),
        pytest.param(
            "events.csv", "ev-b,2022-11-28", "ev-a,2022-11-28",
            "events.csv, line 3, id 'ev-a', field 'id': duplicated id", id="duplicated id",
        ),
        pytest.param(
            "events.csv", ",agreement,", ",summit,",
            "events.csv, line 2, id 'ev-a', field 'event_type'", id="unknown event type",
        ),
        pytest.param(
            "events.csv", "https://example.org/a", "javascript:alert(1)",
            "field 'source_url': Value error, must be a full http(s) URL", id="bad source URL",
        ),
        pytest.param(
            "events.csv", ",town,RUS;KAZ", ",street,RUS;KAZ",
            "field 'geo_precision'", id="unknown precision",
        ),
        pytest.param(
            "events.csv", ",Roadmap signed,", ",,",
            "field 'title_en'", id="empty title",
        ),
        pytest.param(
            "events.csv", ",55.5,45.0,", ",155.5,45.0,",
            "field 'lat': Input should be less than or equal to 90", id="latitude out of range",
        ),
        pytest.param(
            "events.csv", "quote,also_reported", "quote,also_reported,mood",
            "events.csv, line 1: unknown column(s): mood", id="unknown column",
        ),
        pytest.param(
            "facilities.csv", "id,name_en", "ident,name_en",
            "facilities.csv, line 1: missing column(s): id", id="missing column",
        ),
        pytest.param(
            "actors.csv", "Minister,министр,KAZ,", "Minister,министр,KAZ,extra,",
            "actors.csv, line 2, id 'alice': more cells than the header has columns", id="extra cell",
        ),
        pytest.param(
            "routes.geojson", '"features": [', '"features": [[',
            "routes.geojson, line 16, column 2: invalid JSON", id="invalid JSON",
        ),
        pytest.param(
            "routes.geojson", '"from": "2023-10-07", "from_precision": "day"', '"from": null, "from_precision": null',
            "routes.geojson, feature 1, id 'test-pipe', field 'status_history'", id="unknown start after the first",
        ),
        pytest.param(
            "routes.geojson", '"type": "LineString"', '"type": "Point"',
            "routes.geojson, feature 1, id 'test-pipe', field 'geometry'", id="route is not a line",
        ),
        pytest.param(
            "routes.geojson", '"countries": ["KAZ", "RUS"]', '"countries": ["KAZ", "TUR"]',
            "routes.geojson, feature 1, id 'test-pipe', field 'countries': unknown country code 'TUR'",
            id="route in an unknown country",
        ),
    ],
)
def test_a_malformed_file_is_reported_with_file_place_and_field(
    edit, file: str, old: str, new: str, expected: str
) -> None:
    messages = [str(problem) for problem in problems_for(edit(file, old, new))]

    assert any(expected in message for message in messages), messages


def test_route_history_must_be_chronological(edit) -> None:
    data_dir = edit("routes.geojson", '"from": null, "from_precision": null', '"from": "2024-01-01", "from_precision": "day"')

    messages = [str(problem) for problem in problems_for(data_dir)]

    assert any("chronological order" in message for message in messages), messages


def test_a_binary_file_is_named_not_parsed(minimal_data: Path) -> None:
    (minimal_data / "events.csv").write_bytes(b"\xff\xfe\x00\x01binary")

    assert [str(p) for p in problems_for(minimal_data)] == ["events.csv: not UTF-8 text (byte 0)"]


def test_a_missing_file_is_named(minimal_data: Path) -> None:
    (minimal_data / "actors.csv").unlink()

    messages = [str(p) for p in problems_for(minimal_data)]

    assert "actors.csv: file not found" in messages


def test_every_problem_is_reported_at_once(edit) -> None:
    edit("events.csv", "ev-a,2023-01-18", "ev-a,2023-02-30")
    data_dir = edit("facilities.csv", "processing_plant", "refinery")

    files = {problem.file for problem in problems_for(data_dir)}

    assert files == {"events.csv", "facilities.csv"}


def test_the_error_message_lists_every_problem(edit) -> None:
    data_dir = edit("events.csv", "ev-a,2023-01-18", "ev-a,yesterday")

    with pytest.raises(DataValidationError, match=r"1 problem\(s\) in the data files:\n- events.csv, line 2"):
        load_dataset(data_dir)
