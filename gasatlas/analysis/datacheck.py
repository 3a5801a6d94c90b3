"""The data check every change to ``data/`` passes: ``python -m gasatlas.analysis.datacheck [DATA_DIR] [--readme]``.

It runs the app's own validation (schema, ids, dates, references, coordinates inside their country shapes), then
what the app does not need but a reference dataset does — every source URL well-formed, no event or figure
entered twice — and prints a coverage report: for every route, each year from 2018 to the newest year with a flow
row, what is known (a figure of gas that moved, only months, only a contract, an explicit gap, or nothing while
the route was operating), and the events per year and type. ``--readme`` writes the report into the data
dictionary between its markers, so the README shows what the command printed, never a hand-typed table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from gasatlas.analysis.flows import route_year_coverage
from gasatlas.dataset.freshness import last_updated
from gasatlas.dataset.load import (
    ACTORS_FILE,
    EVENTS_FILE,
    FACILITIES_FILE,
    FLOWS_FILE,
    ROUTES_FILE,
    Dataset,
    DataValidationError,
    Problem,
    validate_dataset,
)
from gasatlas.model.status import status_as_of
from gasatlas.model.vocab import EventType, RouteStatus

FIRST_YEAR = 2018
"""The atlas promises every route's figure or gap from this year (or the route's start) on."""
FLOWING = {RouteStatus.OPERATING, RouteStatus.REVERSED}
MARK = {"reported": "R", "estimate": "E", "partial": "m", "contract": "C", "capacity": "K", "gap": "gap",
        "none": ""}
"""How the report's matrix writes each coverage status (``gasatlas.analysis.flows.COVERAGE_ORDER``)."""
MISSING = "MISSING"
README_START = "<!-- datacheck:coverage:start -->"
README_END = "<!-- datacheck:coverage:end -->"
_HOST = re.compile(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?$")


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a well-formed public web address, or ``None``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "must start with http:// or https://"
    if not _HOST.match(parts.netloc):
        return f"'{parts.netloc}' is not a host name"
    if any(character.isspace() for character in url) or any(character in url for character in '"<>\\^`{|}'):
        return "holds a space or a character a URL cannot hold unescaped"
    return None


def _url_cells(atlas: Dataset) -> Iterable[tuple[str, str, str, str]]:
    """(file, id, field, url) for every source URL in the dataset."""
    frames = ((EVENTS_FILE, atlas.events), (ACTORS_FILE, atlas.actors), (FACILITIES_FILE, atlas.facilities),
              (ROUTES_FILE, atlas.routes), (FLOWS_FILE, atlas.flows), (FLOWS_FILE, atlas.flow_gaps))
    for file, frame in frames:
        for row in frame.itertuples():
            if isinstance(row.source_url, str):
                yield file, row.id, "source_url", row.source_url
            for url in getattr(row, "also_reported", ()) or ():
                yield file, row.id, "also_reported", url


def url_problems(atlas: Dataset) -> list[Problem]:
    return [Problem(file, f"malformed URL {url!r}: {why}", None, record_id, field)
            for file, record_id, field, url in _url_cells(atlas) if (why := url_problem(url)) is not None]


def duplicate_problems(atlas: Dataset) -> list[Problem]:
    """The same event entered twice (same day and title) and the same figure entered twice (same route, direction,
    period, kind and volume): ids differ, so the app's id check cannot see them."""
    problems = []
    events = atlas.events
    for _, group in events[events.duplicated(["date", "title_en"], keep=False)].groupby(["date", "title_en"]):
        ids = list(group["id"])
        problems += [Problem(EVENTS_FILE, f"same day and title as id '{ids[0]}'", None, other, "title_en")
                     for other in ids[1:]]
    key = ["route_id", "from_country", "to_country", "period", "value_kind", "volume_bcm"]
    flows = atlas.flows
    for _, group in flows[flows.duplicated(key, keep=False)].groupby(key):
        ids = list(group["id"])
        problems += [Problem(FLOWS_FILE, f"the same figure as id '{ids[0]}'", None, other, "volume_bcm")
                     for other in ids[1:]]
    return problems


def flowing_years(history: Sequence[dict[str, Any]], years: Sequence[int]) -> set[int]:
    """The years in which a route was operating (or reversed) on at least one day."""
    flowing = set()
    for year in years:
        states = [status_as_of(history, dt.date(year, 1, 1))]
        states += [change for change in history if change["from"] is not None and change["from"].year == year]
        if any(state is not None and state["status"] in FLOWING for state in states):
            flowing.add(year)
    return flowing


def report_years(atlas: Dataset) -> list[int]:
    """2018 to the newest year any flow row (figure or gap) speaks of."""
    periods = pd.concat([atlas.flows["period_start"], atlas.flow_gaps.get("period_start", pd.Series(dtype=object))])
    newest = max((stamp.year for stamp in periods if not pd.isna(stamp)), default=FIRST_YEAR)
    return list(range(FIRST_YEAR, newest + 1))


def coverage_table(atlas: Dataset) -> pd.DataFrame:
    """Route × year: ``MARK`` of what is known, and ``MISSING`` for a year a route was flowing with no row at all."""
    years = report_years(atlas)
    coverage = route_year_coverage(atlas.flows, atlas.flow_gaps, list(atlas.routes["id"]), years)
    flowing = {row.id: flowing_years(row.status_history, years) for row in atlas.routes.itertuples()}
    marks = [MISSING if status == "none" and year in flowing[route] else MARK[status]
             for route, year, status in zip(coverage["route_id"], coverage["year"], coverage["status"], strict=True)]
    table = coverage.assign(mark=marks).pivot(index="route_id", columns="year", values="mark")
    return table.reindex(index=list(atlas.routes["id"]))


def events_table(atlas: Dataset) -> pd.DataFrame:
    """Published events per year (rows) and type (columns), with totals."""
    events = atlas.events
    table = pd.crosstab(events["date"].dt.year, events["event_type"]).reindex(
        columns=[str(kind) for kind in EventType], fill_value=0)
    table["all"] = table.sum(axis=1)
    table.loc["all"] = table.sum(axis=0)
    table.index = table.index.map(str)
    return table


def _markdown(table: pd.DataFrame, corner: str) -> list[str]:
    header = [corner, *map(str, table.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join([str(index), *(str(value) for value in row)]) + " |"
              for index, row in zip(table.index, table.itertuples(index=False), strict=True)]
    return lines


def coverage_report(atlas: Dataset) -> str:
    """The report as Markdown: what the README shows between its markers."""
    coverage = coverage_table(atlas)
    cells = coverage.to_numpy().ravel().tolist()
    counted = {mark: cells.count(mark) for mark in ("R", "E", "m", "C", "K", "gap", MISSING)}
    updated = last_updated(atlas.events, atlas.flows, atlas.flow_gaps)
    lines = [
        f"Data last updated (newest date in the data): **{updated.isoformat() if updated else 'unknown'}**. "
        f"{len(atlas.events)} events, {len(atlas.flows)} flow figures, {len(atlas.flow_gaps)} gap rows.",
        "",
        "Flows, route × year: `R` reported, `E` estimate (whole-year figure of gas that moved), `m` months or "
        "quarters only, `C` contract or plan only, `K` capacity only, `gap` an explicit row saying no public "
        f"figure was found, `{MISSING}` a year the route was operating with no row at all, blank: not operating "
        "and no row.",
        "",
        *_markdown(coverage, "route"),
        "",
        "Cells: " + ", ".join(f"{mark} {count}" for mark, count in counted.items()) + ".",
        "",
        "Events per year and type:",
        "",
        *_markdown(events_table(atlas), "year"),
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Result:
    """What a run found: every problem (empty when the data passes) and the report (``None`` if it did not load)."""

    problems: list[Problem]
    report: str | None


def check(data_dir: Path) -> Result:
    try:
        atlas = validate_dataset(data_dir)
    except DataValidationError as error:
        return Result(error.problems, None)
    return Result(url_problems(atlas) + duplicate_problems(atlas), coverage_report(atlas))


def with_report(readme: str, report: str) -> str:
    """``readme`` with the text between its coverage markers replaced by ``report``."""
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return f"{readme[:start]}\n{report}{readme[end:]}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gasatlas.analysis.datacheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("data"))
    parser.add_argument("--readme", action="store_true",
                        help="write the coverage report into DATA_DIR/README.md between its markers")
    args = parser.parse_args(argv)
    result = check(args.data_dir)
    for problem in result.problems:
        print(f"- {problem}", file=sys.stderr)
    if result.report is not None:
        print(result.report)
        if args.readme and not result.problems:
            readme = args.data_dir / "README.md"
            readme.write_text(with_report(readme.read_text(encoding="utf-8"), result.report), encoding="utf-8")
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
