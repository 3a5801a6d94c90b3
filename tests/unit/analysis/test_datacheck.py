"""The data check command: what every data change passes, and the coverage report the README shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from gasatlas.analysis.datacheck import MISSING, check, coverage_table, main, url_problem, with_report
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.freshness import last_updated
from gasatlas.dataset.load import Dataset

DATA = PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def shipped():
    return check(DATA)


def test_the_shipped_data_passes_and_reports_every_route(shipped) -> None:
    assert shipped.problems == [], [str(problem) for problem in shipped.problems]
    assert shipped.report is not None
    for route in ("cac", "karachaganak-orenburg", "power-of-siberia", "corr-ru-uz-via-kz", "tapi"):
        assert f"| {route} |" in shipped.report


def test_every_route_year_the_atlas_promises_has_a_figure_or_a_gap(atlas: Dataset) -> None:
    table = coverage_table(atlas)

    assert not (table == MISSING).any().any(), table[(table == MISSING).any(axis=1)]
    assert table.columns[0] == 2018


def test_the_readme_shows_the_report_the_command_prints(shipped) -> None:
    """Regenerate with ``python -m gasatlas.analysis.datacheck --readme`` after changing the data."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")

    assert with_report(readme, shipped.report) == readme


@pytest.mark.parametrize(
    ("url", "why"),
    [("https://example.org/a b", "space"), ("https://localhost/page", "host name"), ("ftp://example.org/x", "http"),
     ("https://example.org/a|b", "character")],
)
def test_a_malformed_url_is_named(url: str, why: str) -> None:
    assert why in (url_problem(url) or "")


def test_well_formed_urls_pass() -> None:
    assert url_problem("https://www.interfax.ru/business/1067254") is None
    assert url_problem("https://ru.wikipedia.org/wiki/%D0%93%D0%B0%D0%B7") is None


def test_broken_files_fail_the_check_with_file_line_and_field(edit, capsys) -> None:
    data_dir = edit("flows.csv", "flow-a,test-pipe,", "flow-a,no-such-pipe,")

    assert main([str(data_dir)]) == 1
    assert "flows.csv, line 2, id 'flow-a', field 'route_id': unknown route id 'no-such-pipe'" in (
        capsys.readouterr().err)


def test_a_malformed_source_url_and_a_twice_entered_event_fail_the_check(edit) -> None:
    edit("events.csv", "https://example.org/a,", "http://example/a,")
    data_dir = edit("events.csv", "ev-b,2022-11-28,month,late Nov 2022,конец ноября 2022,Union proposed",
                    "ev-b,2023-01-18,day,,,Roadmap signed")

    messages = [str(problem) for problem in check(data_dir).problems]

    assert any(m.startswith("events.csv, id 'ev-a', field 'source_url': malformed URL") for m in messages), messages
    assert "events.csv, id 'ev-b', field 'title_en': same day and title as id 'ev-a'" in messages


def test_a_year_a_route_flowed_without_any_row_is_reported_missing(minimal_data: Path) -> None:
    result = check(minimal_data)

    assert result.problems == []
    assert f"| test-pipe | {MISSING} |" in result.report, "2018: operating, no figure and no gap row"
    assert "| 2023 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in result.report, "events per year and type"


def test_the_readme_is_written_between_its_markers_only(minimal_data: Path) -> None:
    (minimal_data / "README.md").write_text("before\n<!-- datacheck:coverage:start -->\nold\n"
                                            "<!-- datacheck:coverage:end -->\nafter\n", encoding="utf-8")

    assert main([str(minimal_data), "--readme"]) == 0
    text = (minimal_data / "README.md").read_text(encoding="utf-8")
    assert text.startswith("before\n<!-- datacheck:coverage:start -->\nData last updated")
    assert "old" not in text
    assert text.endswith("<!-- datacheck:coverage:end -->\nafter\n")


def test_last_updated_is_the_newest_date_the_data_speaks_of() -> None:
    events = pd.DataFrame({"date": pd.to_datetime(["2025-12-29", "2026-02-22", "2026-03-01"]),
                           "status": ["published", "published", "pending"]})
    flows = pd.DataFrame({"source_date": [dt.date(2026, 1, 12), None], "retrieved": [None, dt.date(2026, 2, 1)]})

    assert last_updated(events, flows) == dt.date(2026, 2, 22), "a contributor's pending event does not count"
    assert last_updated(events.iloc[:1], flows) == dt.date(2026, 2, 1)
    assert last_updated(events.iloc[2:], flows) == dt.date(2026, 2, 1), "nothing published: the flows' date"
    assert last_updated(events.iloc[0:0], flows.iloc[0:0]) is None, "no date: unknown, never today"
