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
    data_dir = edit("routes.geojson", '"from": null, "from_precision": null',
                    '"from": "2024-01-01", "from_precision": "day"')

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


def test_the_minimal_flows_load_with_their_periods(minimal_data: Path) -> None:
    flows = load_dataset(minimal_data).flows.set_index("id")

    assert flows.loc["flow-a", "volume_bcm"] == 1.5
    assert (flows.loc["flow-b", "period_start"].date().isoformat(),
            flows.loc["flow-b", "period_end"].date().isoformat()) == ("2024-01-01", "2024-03-31")
    assert bool(flows.loc["flow-a", "whole_year"]) and not bool(flows.loc["flow-b", "whole_year"])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("flow-a,test-pipe,", "flow-a,no-such-pipe,",
                     "flows.csv, line 2, id 'flow-a', field 'route_id': unknown route id 'no-such-pipe'",
                     id="unknown route"),
        pytest.param("test-pipe,KAZ,RUS,2023", "test-pipe,KAZ,XXX,2023",
                     "flows.csv, line 2, id 'flow-a', field 'to_country': unknown country code 'XXX'",
                     id="unknown country"),
        pytest.param("test-pipe,KAZ,RUS,2023", "test-pipe,KAZ,KAZ,2023",
                     "flows.csv, line 2, id 'flow-a': Value error, 'from_country' and 'to_country' must differ",
                     id="same country at both ends"),
        pytest.param(",1.5,reported,", ",-1.5,reported,",
                     "flows.csv, line 2, id 'flow-a', field 'volume_bcm': Input should be greater than or equal to 0",
                     id="negative volume"),
        pytest.param(",1.5,reported,", ",1500,reported,",
                     "field 'volume_bcm': Value error, 1500 bcm is more than any country trades in a year",
                     id="million cubic metres by mistake"),
        pytest.param(",1.5,reported,", ",,reported,",
                     "flows.csv, line 2, id 'flow-a', field 'volume_bcm': Value error, a figure needs its volume",
                     id="missing volume"),
        pytest.param(",1.5,reported,", ",1.5,actual,", "flows.csv, line 2, id 'flow-a', field 'value_kind'",
                     id="unknown kind"),
        pytest.param("KAZ,RUS,2023,", "KAZ,RUS,2023-13,",
                     "field 'period': Value error, must be a year (2023), a quarter (2023-Q4) or a month (2023-10)",
                     id="malformed period"),
        pytest.param("KAZ,RUS,2023,", "KAZ,RUS,1899,",
                     "field 'period': Value error, the period 1899 begins before 1900-01-01", id="period too early"),
        pytest.param("KAZ,RUS,2023,", "KAZ,RUS,2999-Q1,",
                     "field 'period': Value error, the period 2999-Q1 has not begun yet", id="period not begun"),
        pytest.param("Example,https://example.org/flow-a,", ",https://example.org/flow-a,",
                     "flows.csv, line 2, id 'flow-a', field 'source_title'", id="missing source title"),
        pytest.param("Example,https://example.org/flow-a,", "Example,,",
                     "flows.csv, line 2, id 'flow-a', field 'source_url'", id="missing source URL"),
        pytest.param("/flow-a,One sentence.,", "/flow-a,,", "flows.csv, line 2, id 'flow-a', field 'quote'",
                     id="missing quote"),
        pytest.param("flow-b,test-pipe,RUS,KAZ,2024-Q1,0.4,estimate", "flow-b,test-pipe,KAZ,RUS,2023-Q1,0.4,reported",
                     "flows.csv, line 3, id 'flow-b', field 'period': period 2023-Q1 overlaps 2023 of id 'flow-a' "
                     "(line 2) for the same route, direction and kind", id="overlapping periods"),
        pytest.param("flow-b,test-pipe", "flow-a,test-pipe",
                     "flows.csv, line 3, id 'flow-a', field 'id': duplicated id", id="duplicated id"),
    ],
)
def test_a_bad_flow_is_refused_with_file_line_id_and_field(edit, old: str, new: str, expected: str) -> None:
    messages = [str(problem) for problem in problems_for(edit("flows.csv", old, new))]

    assert any(expected in message for message in messages), messages


def test_figures_of_different_kinds_or_directions_may_share_a_period(edit) -> None:
    data_dir = edit("flows.csv", "flow-b,test-pipe,RUS,KAZ,2024-Q1,0.4,estimate",
                    "flow-b,test-pipe,KAZ,RUS,2023-Q1,0.4,contract")

    assert len(load_dataset(data_dir).flows) == 2


def test_a_flow_country_must_be_one_of_its_routes_countries(edit) -> None:
    data_dir = edit("routes.geojson", '"countries": ["KAZ", "RUS"]', '"countries": ["KAZ"]')

    messages = [str(problem) for problem in problems_for(data_dir)]

    assert messages == [
        "flows.csv, line 2, id 'flow-a', field 'to_country': RUS is not among the countries of route 'test-pipe' (KAZ)",
        ("flows.csv, line 3, id 'flow-b', field 'from_country': RUS is not among the countries of route "
         "'test-pipe' (KAZ)"),
    ]


def test_a_missing_flows_file_is_named(minimal_data: Path) -> None:
    (minimal_data / "flows.csv").unlink()

    assert "flows.csv: file not found" in [str(p) for p in problems_for(minimal_data)]
