"""Benchmark: the map page's server-side work per rerun, ours against the naive folium approach.

    python -m devtools.bench --sizes 1000,10000,100000 [--repeats 5] [--json PATH]

For each size, synthetic events are added to the curated atlas, and one rerun
of the map page after a date-slider step is timed: the sidebar's facet counts,
filter, the table's first page as Arrow bytes, map layers, and the payload
streamlit-folium sends to the browser. "ours" names the events' column file (written
once per dataset version, ``gasatlas.map.event_columns``) and sends one bit per event;
"inline" is the layer before that file, carrying the shown events' columns on every
rerun; "naive" builds one ``folium.Marker`` with popup and tooltip per event and sends
the whole map, as most folium-in-Streamlit apps do. All run in the same process,
side by side.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import html
import json
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
import streamlit_folium as sf
from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

from devtools.synth import synthetic_frame
from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter, facet_counts
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset, load_dataset
from gasatlas.map import event_columns, event_table
from gasatlas.map.event_table import events_table
from gasatlas.map.layers import EVENT_LAYER_COLUMNS, TILES_URL, ShownEvents, base_map, overlays, tiles_credit

SLIDER_STEP = dt.timedelta(days=30)


@dataclass(frozen=True)
class Measurement:
    implementation: str
    events: int
    shown: int
    median_ms: float
    runs: int
    payload_bytes: int
    peak_memory_bytes: int


def component_payload(fmap: folium.Map, layers: list[folium.FeatureGroup] | None) -> int:
    """Bytes of the arguments streamlit-folium sends to the browser for this map (as ``st_folium`` builds them)."""
    fmap.get_root().render()
    fmap.render()
    html_part = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    groups = "".join(sf._get_feature_group_string(group, fmap, idx) for idx, group in enumerate(layers or []))
    sf.generate_js_hash(script, "bench", False)
    return len(json.dumps({"script": script, "header": header, "html": html_part, "feature_group": groups}))


def table_for_rerun(atlas: Dataset, shown: pd.DataFrame) -> int:
    """The first page of the events table as the map page sends it (``st.dataframe``'s Arrow bytes)."""
    page = event_table.TablePage.of(len(shown), settings().table_page_rows, 0)
    table = events_table(event_table.page_rows(shown, atlas, np.arange(page.start, page.stop)), atlas, "en")
    return len(convert_pandas_df_to_arrow_bytes(table.reset_index(drop=True)))


def facet_counts_for_sidebar(atlas: Dataset, event_filter: EventFilter) -> None:
    """The counts beside each filter option, as the sidebar computes them on every rerun."""
    for facet in ("countries", "event_types", "actors"):
        facet_counts(atlas.events, event_filter, facet)


def atlas_with(atlas: Dataset, synthetic: pd.DataFrame) -> Dataset:
    events = pd.concat([atlas.events, synthetic], ignore_index=True).sort_values(["date", "id"], kind="stable")
    return dataclasses.replace(atlas, events=events.reset_index(drop=True))


def slider_step(atlas: Dataset) -> EventFilter:
    """The filter after a reader drags the end of the date range back by one step."""
    first, last = atlas.events["date"].min().date(), atlas.events["date"].max().date()
    return EventFilter(dates=DateRange(first, last - SLIDER_STEP))


STATIC_DIR = Path(tempfile.mkdtemp(prefix="gasatlas-bench-static-"))
"""Where ``ours`` writes the events' column files (the app's ``static/`` folder)."""
_published: dict[str, event_columns.EventColumns] = {}


def published_columns(atlas: Dataset) -> event_columns.EventColumns:
    """The column file, written by the first rerun of a dataset version (as the app caches it per process)."""
    if atlas.events_version not in _published:
        started = time.perf_counter()
        columns = _published[atlas.events_version] = event_columns.publish(
            atlas.events, "en", atlas.events_version, STATIC_DIR)
        print(f"{len(atlas.events):,} events: column file written once in {time.perf_counter() - started:.2f} s, "
              f"{columns.path.stat().st_size / 1e6:.2f} MB", file=sys.stderr, flush=True)
    return _published[atlas.events_version]


def ours(atlas: Dataset, event_filter: EventFilter) -> int:
    """What the map page does on a rerun (``pages/map.py``), minus Streamlit itself."""
    facet_counts_for_sidebar(atlas, event_filter)
    shown = event_filter.shown(atlas, event_table.map_page_columns(atlas))
    table_for_rerun(atlas, shown)
    return component_payload(base_map(atlas.country_shapes, "tiles"),
                             overlays(atlas, ShownEvents(shown, published_columns(atlas)), event_filter.dates.as_of,
                                      "en"))


INLINE_COLUMNS = tuple(dict.fromkeys([*event_table.SOURCE_COLUMNS, *EVENT_LAYER_COLUMNS]))
"""What the map page copied of each shown event before the column file: the table's and the layer's columns."""


def inline(atlas: Dataset, event_filter: EventFilter) -> int:
    """The map page before the column file: the events layer carries the shown events' columns each rerun."""
    facet_counts_for_sidebar(atlas, event_filter)
    shown = event_filter.shown(atlas, INLINE_COLUMNS)
    table_for_rerun(atlas, shown)
    return component_payload(base_map(atlas.country_shapes, "tiles"),
                             overlays(atlas, ShownEvents(shown), event_filter.dates.as_of, "en"))


def naive(atlas: Dataset, event_filter: EventFilter) -> int:
    facet_counts_for_sidebar(atlas, event_filter)
    shown = apply_filter(atlas.events, event_filter)
    table_for_rerun(atlas, shown)
    fmap = folium.Map(location=(47, 66), zoom_start=4, tiles=TILES_URL, attr=tiles_credit("en"))
    for event in shown.itertuples():
        popup = (f"<b>{html.escape(event.title_en)}</b><br>{event.date.date()}<br>{html.escape(event.summary_en)}"
                 f'<br><a href="{html.escape(event.source_url)}">{html.escape(event.source_title)}</a>')
        folium.Marker((event.lat, event.lon), popup=folium.Popup(popup, max_width=300),
                      tooltip=html.escape(event.title_en)).add_to(fmap)
    return component_payload(fmap, None)


def measure(name: str, rerun: Callable[[Dataset, EventFilter], int], atlas: Dataset, repeats: int,
            warm_up: bool = False) -> Measurement:
    """The median of ``repeats`` timed reruns; with ``warm_up``, after one untimed rerun, as a slider step
    follows the first page, which built the per-dataset indexes (facets, participants' names) it reuses."""
    event_filter = slider_step(atlas)
    shown = len(apply_filter(atlas.events, event_filter))
    if warm_up:
        rerun(atlas, event_filter)
    times, payload = [], 0
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        payload = rerun(atlas, event_filter)
        times.append((time.perf_counter() - start) * 1000)
    gc.collect()
    tracemalloc.start()
    rerun(atlas, event_filter)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Measurement(name, len(atlas.events), shown, statistics.median(times), repeats, payload, peak)


def table(rows: list[Measurement]) -> str:
    """A plain-text table, ours, inline and naive side by side, each other one's time as a multiple of ours."""
    header = (f"{'events':>8} {'impl':<6} {'shown':>8} {'median ms':>10} {'runs':>4} {'payload MB':>11} "
              f"{'peak MB':>8} {'x ours':>10}")
    lines = [header]
    by_size: dict[int, dict[str, Measurement]] = {}
    for row in rows:
        by_size.setdefault(row.events, {})[row.implementation] = row
    for size, pair in by_size.items():
        for name in ("ours", "inline", "naive"):
            measured = pair.get(name)
            if measured is None:
                continue
            ratio = ""
            if name != "ours" and "ours" in pair:
                ratio = f"{measured.median_ms / pair['ours'].median_ms:>9.1f}x"
            lines.append(f"{size:>8,} {name:<6} {measured.shown:>8,} {measured.median_ms:>10.1f} {measured.runs:>4} "
                         f"{measured.payload_bytes / 1e6:>11.2f} {measured.peak_memory_bytes / 1e6:>8.1f} {ratio:>10}")
    return "\n".join(lines)


def save_json(path: Path, rows: list[Any]) -> None:
    """The machine and every measured row, for comparing runs (``--json``)."""
    path.write_text(json.dumps({"machine": machine(), "results": [dataclasses.asdict(r) for r in rows]}, indent=2)
                    + "\n", encoding="utf-8")


def machine() -> dict[str, Any]:
    """The machine and the versions the figures were measured with (as installed, not as imported)."""
    return {"python": platform.python_version(), "machine": platform.machine(), "system": platform.system(),
            "processor": platform.processor() or "unknown",
            **{name: metadata.version(name) for name in ("folium", "streamlit", "streamlit-folium", "pandas")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of events")
    parser.add_argument("--repeats", type=int, default=5, help="timed reruns per size (fewer above 20,000 events)")
    parser.add_argument("--naive-up-to", type=int, default=100_000, help="skip the naive baseline above this size")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    curated = load_dataset(settings().data_dir)
    rows: list[Measurement] = []
    for size in sizes:
        atlas = atlas_with(curated, synthetic_frame(curated, size))
        repeats = args.repeats if size <= 20_000 else max(1, args.repeats // 2)
        rows.append(measure("ours", ours, atlas, repeats, warm_up=True))
        print(f"{size:,} events: ours {rows[-1].median_ms:.0f} ms", file=sys.stderr, flush=True)
        rows.append(measure("inline", inline, atlas, repeats, warm_up=True))
        print(f"{size:,} events: inline {rows[-1].median_ms:.0f} ms", file=sys.stderr, flush=True)
        if size <= args.naive_up_to:
            rows.append(measure("naive", naive, atlas, 1 if size > 20_000 else repeats))
            print(f"{size:,} events: naive {rows[-1].median_ms:.0f} ms", file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        save_json(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
