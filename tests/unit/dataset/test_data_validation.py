"""Every data file is loaded through one validated path; bad input is named precisely."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gasatlas.dataset.load import DataValidationError, Problem, load_dataset


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
    assert bool(flows.loc["flow-a", "whole_year"])
    assert not bool(flows.loc["flow-b", "whole_year"])


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


# --- flows in the full format: gaps, totals, processing, transit, other sources' figures ------------------------

FULL_HEADER = ("id,route_id,from_country,to_country,period,volume_bcm,value_kind,source_title,source_url,quote,"
               "note_en,note_ru,scope,purpose,via,choice,searched,source_date,retrieved")
FIGURE = "Example,https://example.org/f,One sentence.,,"


def flows_file(data_dir: Path, *rows: str) -> Path:
    (data_dir / "flows.csv").write_text("\n".join([FULL_HEADER, *rows]) + "\n", encoding="utf-8")
    return data_dir


def test_a_full_flows_file_loads_gaps_apart_from_figures(minimal_data: Path) -> None:
    atlas = load_dataset(flows_file(
        minimal_data,
        f"f-2023,test-pipe,KAZ,RUS,2023,8,reported,{FIGURE},,processing,,,,2025-10-21,2026-01-05",
        "g-2024,test-pipe,KAZ,RUS,2024,,gap,,,,,,,processing,,,searched the operator's reports,,2026-01-05",
    ))

    assert list(atlas.flows["id"]) == ["f-2023"]
    assert list(atlas.flow_gaps["id"]) == ["g-2024"]
    assert atlas.flows.loc[0, "purpose"] == "processing"
    assert atlas.flow_gaps["volume_bcm"].isna().all()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param([f"f-a,test-pipe,KAZ,RUS,2023,16,reported,{FIGURE},,,,,,,"],
                     "flows.csv, line 2, id 'f-a', field 'volume_bcm': 16 bcm in 2023 is more than 1.5 × the "
                     "route's capacity of 10 bcm a year", id="absurd volume"),
        pytest.param([f"f-a,test-pipe,KAZ,RUS,2023-01,1.5,reported,{FIGURE},,,,,,,"],
                     "flows.csv, line 2, id 'f-a', field 'volume_bcm': 1.5 bcm in 2023-01 is more than 1.5 × the "
                     "route's capacity", id="absurd volume for a month"),
        pytest.param(["g-a,test-pipe,KAZ,RUS,2023,2,gap,,,,,,,,,,searched everywhere,,"],
                     "flows.csv, line 2, id 'g-a', field 'volume_bcm': Value error, a gap row says no public figure "
                     "was found: leave 'volume_bcm' empty", id="gap carrying a number"),
        pytest.param(["g-a,test-pipe,KAZ,RUS,2023,,gap,,,,,,,,,,,,"],
                     "flows.csv, line 2, id 'g-a', field 'searched': Value error, a gap row must say what was "
                     "searched", id="gap not saying what was searched"),
        pytest.param([f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,,,,,",
                      "g-a,test-pipe,KAZ,RUS,2023,,gap,,,,,,,,,,searched,,"],
                     "flows.csv, line 3, id 'g-a', field 'value_kind': a gap row for 2023, but id 'f-a' gives the "
                     "figure", id="gap beside a figure"),
        pytest.param([f"t-a,test-pipe,KAZ,RUS,2023,3,reported,{FIGURE},route_total,,,,,,",
                      f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,,,,,",
                      f"f-b,test-pipe,RUS,KAZ,2023,2,reported,{FIGURE},,,,,,,"],
                     "flows.csv, line 2, id 't-a', field 'volume_bcm': its parts (f-a, f-b) add up to 4 bcm, more "
                     "than this total of 3 bcm", id="total double-counting its parts"),
        pytest.param([f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,XXX,,,,"],
                     "flows.csv, line 2, id 'f-a', field 'via': unknown country code 'XXX'", id="unknown transit"),
        pytest.param([f"f-a,test-pipe,KAZ,RUS,23/2023,2,reported,{FIGURE},,,,,,,"],
                     "flows.csv, line 2, id 'f-a', field 'period': Value error, must be a year", id="bad period"),
        pytest.param([f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,,,,yesterday,"],
                     "flows.csv, line 2, id 'f-a', field 'source_date'", id="bad source date"),
    ],
)
def test_bad_flows_in_the_full_format_are_refused_with_file_line_and_field(minimal_data: Path, rows: list[str],
                                                                           expected: str) -> None:
    messages = [str(problem) for problem in problems_for(flows_file(minimal_data, *rows))]

    assert any(expected in message for message in messages), messages


def test_another_sources_figure_may_stand_beside_the_chosen_one(minimal_data: Path) -> None:
    atlas = load_dataset(flows_file(
        minimal_data,
        f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,,,,,",
        f"f-b,test-pipe,KAZ,RUS,2023,2.1,reported,{FIGURE},,,,alternative,,,",
    ))

    assert dict(zip(atlas.flows["id"], atlas.flows["choice"], strict=True)) == {"f-a": "chosen", "f-b": "alternative"}


def test_a_total_holding_its_parts_is_accepted(minimal_data: Path) -> None:
    atlas = load_dataset(flows_file(
        minimal_data,
        f"t-a,test-pipe,KAZ,RUS,2023,5,reported,{FIGURE},route_total,,,,,,",
        f"f-a,test-pipe,KAZ,RUS,2023,2,reported,{FIGURE},,,,,,,",
        f"f-b,test-pipe,RUS,KAZ,2023,2.5,reported,{FIGURE},,,,,,,",
    ))

    assert len(atlas.flows) == 3



def test_a_volume_without_what_it_is_for_is_refused_and_with_it_loads(edit) -> None:
    edit("events.csv", "quote,also_reported\n", "quote,also_reported,volume_bcm,volume_period\n")
    edit("events.csv", "https://example.org/a,,\n", "https://example.org/a,,,2.8,\n")
    data_dir = edit("events.csv", "https://example.org/c\n", "https://example.org/c,,\n")

    messages = [str(problem) for problem in problems_for(data_dir)]
    assert any("events.csv, line 2, id 'ev-a'" in message and "volume_bcm and volume_period go together" in message
               for message in messages), messages

    edit("events.csv", ",2.8,\n", ",2.8,year\n")
    events = load_dataset(data_dir).events.set_index("id")
    assert (events.loc["ev-a", "volume_bcm"], events.loc["ev-a", "volume_period"]) == (2.8, "year")
    assert pd.isna(events.loc["ev-b", "volume_bcm"])
