"""Benchmark: sorting the whole filtered events table, ours against the naive pandas approach.

    python -m devtools.bench_sort --sizes 10000,100000 [--repeats 5] [--json PATH]

For each size, synthetic events are added to the curated atlas (as ``devtools.bench`` does), the
filter of a date-slider step is applied, and the time from the filtered events to the first page
of the table in the chosen order is measured for each column and direction. "ours" is
``event_table.sort_positions`` (integer codes per column, built once per dataset — timed separately as
"first") then the table of the page's rows; "naive" builds the whole table of the filtered events and sorts it
with ``DataFrame.sort_values`` on every rerun, dates by the date and text case-blind.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from devtools.bench import atlas_with, save_json, slider_step
from devtools.synth import synthetic_frame
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset, load_dataset
from gasatlas.map import event_table

COLUMNS = ("date", "title", "participants")


@dataclass(frozen=True)
class SortMeasurement:
    implementation: str
    events: int
    shown: int
    column: str
    descending: bool
    first_ms: float
    """The first sort on this column after the data loaded (ours builds its codes then)."""
    median_ms: float
    runs: int


def ours(atlas: Dataset, shown: pd.DataFrame, order: event_table.TableSort) -> pd.DataFrame:
    page = event_table.TablePage.of(len(shown), settings().table_page_rows, 0)
    positions = event_table.sort_positions(shown, atlas, order, "en")
    return event_table.events_table(shown.iloc[positions[page.start:page.stop]], atlas, "en")


def naive(atlas: Dataset, shown: pd.DataFrame, order: event_table.TableSort) -> pd.DataFrame:
    """The whole table built and sorted by pandas, then cut into a page."""
    table = event_table.events_table(shown, atlas, "en")
    if order.column == "date":
        table = table.assign(day=atlas.events.loc[shown.index, "date"].to_numpy()).sort_values(
            "day", ascending=not order.descending, kind="stable").drop(columns="day")
    else:
        table = table.sort_values(order.column, ascending=not order.descending, kind="stable",
                                  key=lambda column: column.str.casefold(), na_position="last")
    return table.iloc[:settings().table_page_rows]


def measure(name: str, sort: Callable[[Dataset, pd.DataFrame, event_table.TableSort], pd.DataFrame], atlas: Dataset,
            order: event_table.TableSort, repeats: int) -> SortMeasurement:
    shown = slider_step(atlas).shown(atlas, event_table.SOURCE_COLUMNS)
    times = []
    for _ in range(repeats + 1):
        gc.collect()
        start = time.perf_counter()
        sort(atlas, shown, order)
        times.append((time.perf_counter() - start) * 1000)
    return SortMeasurement(name, len(atlas.events), len(shown), order.column, order.descending, times[0],
                           statistics.median(times[1:]), repeats)


def table(rows: list[SortMeasurement]) -> str:
    lines = [f"{'events':>8} {'shown':>8} {'column':<13} {'dir':<4} {'impl':<6} {'first ms':>9} {'median ms':>10}"]
    lines += [f"{r.events:>8,} {r.shown:>8,} {r.column:<13} {'desc' if r.descending else 'asc':<4} "
              f"{r.implementation:<6} {r.first_ms:>9.1f} {r.median_ms:>10.1f}" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench_sort", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated numbers of synthetic events")
    parser.add_argument("--repeats", type=int, default=5, help="timed sorts after the first, per column")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    curated = load_dataset(settings().data_dir)
    rows: list[SortMeasurement] = []
    for size in (int(size) for size in args.sizes.split(",") if size.strip()):
        atlas = atlas_with(curated, synthetic_frame(curated, size))
        for column in COLUMNS:
            for descending in (False, True):
                order = event_table.TableSort(column, descending)
                for name, sort in (("ours", ours), ("naive", naive)):
                    rows.append(measure(name, sort, atlas, order, args.repeats))
                    print(table(rows[-1:]).splitlines()[1], file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        save_json(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
