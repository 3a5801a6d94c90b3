"""Browser benchmark: how fast the map page feels in Chromium at 1k, 10k and 100k events.

    python -m devtools.bench_browser [--sizes 1000,10000,100000] [--repeats 3] [--json PATH]
    python -m devtools.bench_browser --data DIR --cache DIR [--repeats 3]

The second form serves a data folder made beforehand (as BENCHMARKS.md shows) with a cache folder kept
between runs: once the cache holds the folder's entry, every run's first page is a restarted server's,
without synthesising and validating a million events each time.

For each size, the curated data plus synthetic events is served by `streamlit run`
(network blocked, assets local) and timed in headless Chromium:

* first page: a fresh server's first page, timed from Playwright — on data never seen
  (it validates the files and keeps the result in its disk cache), and on a second
  server started on the same data (every restart: it reads the validated data back);
* load: from the start of navigation to the map holding every event marker (clustered);
* slider: from the key press that steps the date slider to the map holding the new set.

Times are taken inside the browser (``Date.now()`` in the page and in the map's
frame), so Playwright's own round trips are not counted.

Needs what scripts/test.sh installs (Debian's chromium, Playwright).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from devtools.browser_harness import (
    launch_chromium,
    new_atlas_page,
    serving_copy_of_data,
    start_app_server,
    warm_up,
)
from devtools.synth import synthetic_events
from gasatlas.dataset.exports import events_csv, frame_records
from gasatlas.dataset.load import load_dataset
from gasatlas.model.schema import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent

FIRST_PAGE_TIMEOUT_MS = 600_000

MARKERS_ON_MAP = """(_, [expected, waitMs]) => new Promise((done, fail) => {
  const deadline = performance.now() + waitMs;
  const check = () => {
    let count = -1;
    if (window.map) window.map.eachLayer(layer => {
      if (L.EventClusters && layer instanceof L.EventClusters) count = layer.size();
    });
    if (count === expected) done(Date.now());
    else if (performance.now() > deadline) fail(new Error(`${count} markers, expected ${expected}`));
    else setTimeout(check, 5);
  };
  check();
})"""
"""When the map's clustering layer holds ``expected`` events (``Date.now()`` in the map's frame). Polled with
timers, not animation frames: a frame the browser does not paint (hidden while the page reruns) gets none."""
MARKERS_WAIT_MS = 20_000
"""One wait in the map's frame; it is asked again (up to ``MARKERS_TIMEOUT_S``) if the page replaced the frame."""
MARKERS_TIMEOUT_S = 600


def markers_drawn(atlas: Any, expected: int) -> int:
    """The time (ms since the epoch, in the page) the map first held ``expected`` events."""
    deadline = time.monotonic() + MARKERS_TIMEOUT_S
    while True:
        try:
            return int(atlas.map().locator("body").evaluate(MARKERS_ON_MAP, [expected, MARKERS_WAIT_MS]))
        except PlaywrightError as error:
            if time.monotonic() > deadline:
                raise
            log(f"waiting for the map again ({str(error).splitlines()[0]})")


def add_synthetic_events(size: int) -> Callable[[Path], None]:
    """Adds ``size`` synthetic events to a copy of the curated data."""

    def prepare(data_dir: Path) -> None:
        curated = load_dataset(data_dir)
        rows = frame_records(curated.events, EVENT_COLUMNS) + synthetic_events(curated, size)
        (data_dir / "events.csv").write_text(events_csv(rows), encoding="utf-8")

    return prepare


def shown_count(page: Any) -> int:
    text = page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first.inner_text()
    found = re.search(r"Showing ([\d,]+) of", text)
    if found is None:
        raise RuntimeError(f"no 'Showing N of' in the caption {text!r}")
    return int(found.group(1).replace(",", ""))


def log(step: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {step}", file=sys.stderr, flush=True)


def measure(browser: Any, base_url: str, total: int) -> tuple[float, float]:
    atlas, context = new_atlas_page(browser, base_url)
    try:
        page = atlas.page
        page.goto(f"{base_url}/?basemap=offline")
        drawn = markers_drawn(atlas, total)
        log("map drawn")
        load = (drawn - page.evaluate("performance.timeOrigin")) / 1000

        atlas.wait_for_idle()
        thumb = page.locator("[data-testid=stSlider]").first.get_by_role("slider").nth(1)
        thumb.focus()
        thumb.evaluate("el => el.addEventListener('keydown', () => { window.__pressed = Date.now(); }, {once: true})")
        atlas.rerun_after(lambda: page.keyboard.press("PageDown"))
        log("slider rerun finished")
        drawn = markers_drawn(atlas, shown_count(page))
        slider = (drawn - page.evaluate("window.__pressed")) / 1000
        assert atlas.external_requests() == [], atlas.external_requests()
        return load, slider
    finally:
        context.close()


def served_folder(browser: Any, data_dir: Path, cache_dir: Path, repeats: int) -> dict[str, Any]:
    """A fresh server on ``data_dir`` with ``cache_dir``: its first page, then page loads and slider steps."""
    server = start_app_server(data_dir, extra_env={"GASATLAS_CACHE_DIR": str(cache_dir)})
    try:
        warm_up(browser, server, FIRST_PAGE_TIMEOUT_MS)
        total = len(load_dataset(data_dir).events)
        runs = [measure(browser, server.base_url, total) for _ in range(repeats)]
    finally:
        server.stop()
    return {"events": total, "first_page_s": server.first_page_s, "load_s": statistics.median(r[0] for r in runs),
            "slider_s": statistics.median(r[1] for r in runs), "runs": len(runs)}


def report(row: dict[str, Any]) -> None:
    never_seen = row.get("first_page_never_seen_s")
    print(f"{row['events']:>8,} events: first page of a fresh server {row['first_page_s']:.1f} s"
          + ("" if never_seen is None else f" ({never_seen:.1f} s on data never seen)")
          + f", page load to map {row['load_s']:.2f} s, slider step to map {row['slider_s']:.2f} s"
          f" (median of {row['runs']})", flush=True)


def synthetic_sizes(browser: Any, sizes: list[int], repeats: int) -> Iterator[dict[str, Any]]:
    """For each size, a server on data never seen (its first page validates), then a restarted one."""
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            workdir = Path(tempfile.mkdtemp(dir=scratch))
            cache = workdir / "cache"  # starts empty: the data is never seen
            log(f"{size:,} events: preparing the data and starting a server")
            with serving_copy_of_data(browser, workdir, add_synthetic_events(size), FIRST_PAGE_TIMEOUT_MS,
                                      extra_env={"GASATLAS_CACHE_DIR": str(cache)}) as never_seen:
                data_dir, first_page_never_seen = never_seen.data_dir, never_seen.first_page_s
            log(f"{size:,} events: a new server on the same data")
            yield served_folder(browser, data_dir, cache, repeats) | {"first_page_never_seen_s": first_page_never_seen}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--data", type=Path, help="a prepared data folder, served as it is (with --cache)")
    parser.add_argument("--cache", type=Path, help="the cache folder kept between runs of --data")
    args = parser.parse_args(argv)
    if args.data is not None and args.cache is None:
        parser.error("--data needs --cache")
    results = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        if args.data is not None:
            os.environ["GASATLAS_CACHE_DIR"] = str(args.cache)  # load_dataset here reads the server's entry
            rows: Iterable[dict[str, Any]] = [served_folder(browser, args.data, args.cache, args.repeats)]
        else:
            rows = synthetic_sizes(browser, [int(s) for s in args.sizes.split(",")], args.repeats)
        for row in rows:
            report(row)
            results.append(row)
        browser.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
