"""Browser benchmark: how fast the map page feels in Chromium at 1k, 10k and 100k events.

    python -m devtools.bench_browser [--sizes 1000,10000,100000] [--repeats 3] [--json PATH]
    python -m devtools.bench_browser --data DIR --cache DIR [--repeats 3]

The second form serves a data folder made beforehand (as BENCHMARKS.md shows) with a cache folder kept
between runs: once the cache holds the folder's entry, every run's first page is a restarted server's,
without synthesising and validating a million events each time (an empty cache folder: data never seen).

For each size, the curated data plus synthetic events is served by `streamlit run`
(network blocked, assets local) and timed in headless Chromium:

* start-up: from a fresh server's process start to its first healthy answer (its start-up hook included);
* first page: that server's first reader, from the start of navigation (begun the moment the server answers):
  when the first script run ended, and when the map held every event (the first markers) — on data never
  seen (it validates the files and keeps the result in its disk cache), and on a second server started on
  the same data (every restart: it reads the validated data back);
* load: from the start of navigation to the map holding every event marker (clustered);
* slider: from the key press that steps the date slider to the map holding the new set.

Times are taken inside the browser (``Date.now()`` in the page and in the map's
frame), so Playwright's own round trips are not counted.

Needs what scripts/test.sh installs (Debian's chromium, Playwright).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from devtools.browser_harness import launch_chromium, new_atlas_page, start_app_server, wait_for_first_run
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
ANON_SAMPLE_SECONDS = 0.05
"""How often the server's anonymous memory is sampled (Linux keeps a peak of the resident total only)."""


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


def add_synthetic_events(size: int) -> Callable[[Path], int]:
    """Adds ``size`` synthetic events to a copy of the curated data; says how many events it then holds."""

    def prepare(data_dir: Path) -> int:
        curated = load_dataset(data_dir)
        rows = frame_records(curated.events, EVENT_COLUMNS) + synthetic_events(curated, size)
        (data_dir / "events.csv").write_text(events_csv(rows), encoding="utf-8")
        return len(rows)

    return prepare


def events_in(events_csv: Path) -> int:
    """The records of a prepared folder's ``events.csv``, counted without loading it: with ``--cache`` an empty
    folder, the server's first page is then on data never seen."""
    with events_csv.open(encoding="utf-8", newline="") as file:
        return sum(1 for _ in csv.reader(file)) - 1


def data_with_synthetic_events(workdir: Path, size: int) -> tuple[Path, int]:
    """A copy of the curated data with ``size`` synthetic events added: the folder and its event count."""
    data_dir = workdir / "data"
    shutil.copytree(ROOT / "data", data_dir)
    return data_dir, add_synthetic_events(size)(data_dir)


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


def first_visit(browser: Any, base_url: str, total: int) -> tuple[float, float]:
    """A fresh server's first reader, from the start of navigation: when the first script run ended, and
    when the map held every event (the first markers)."""
    atlas, context = new_atlas_page(browser, base_url)
    try:
        page = atlas.page
        page.goto(f"{base_url}/?basemap=offline", timeout=FIRST_PAGE_TIMEOUT_MS)
        wait_for_first_run(page, FIRST_PAGE_TIMEOUT_MS)
        run_ended = page.evaluate("Date.now() - performance.timeOrigin") / 1000
        drawn = markers_drawn(atlas, total)
        log("first markers drawn")
        return run_ended, (drawn - page.evaluate("performance.timeOrigin")) / 1000
    finally:
        context.close()


def served_folder(browser: Any, data_dir: Path, cache_dir: Path, total: int, repeats: int) -> dict[str, Any]:
    """A fresh server on ``data_dir`` with ``cache_dir``: its start-up, its first page, then ``repeats`` page loads
    and slider steps."""
    server = start_app_server(data_dir, extra_env={"GASATLAS_CACHE_DIR": str(cache_dir)})
    stop_sampling = threading.Event()
    anonymous_mb = [0.0]

    def sample_anonymous_memory() -> None:  # no peak of it in /proc: sampled
        while not stop_sampling.wait(ANON_SAMPLE_SECONDS):
            anonymous_mb[0] = max(anonymous_mb[0], server.memory_mb("RssAnon"))

    sampler = threading.Thread(target=sample_anonymous_memory, daemon=True)
    sampler.start()
    try:
        first_run_s, first_markers_s = first_visit(browser, server.base_url, total)
        runs = [measure(browser, server.base_url, total) for _ in range(repeats)]
        peak_mb = server.memory_mb("VmHWM")
    finally:
        stop_sampling.set()
        sampler.join()
        server.stop()
    row = {"events": total, "start_s": server.start_s, "first_run_s": first_run_s, "first_markers_s": first_markers_s,
           "server_peak_mb": peak_mb, "server_peak_anonymous_mb": anonymous_mb[0]}
    if runs:
        row |= {"load_s": statistics.median(r[0] for r in runs), "slider_s": statistics.median(r[1] for r in runs),
                "runs": len(runs)}
    return row


def report(row: dict[str, Any]) -> None:
    line = (f"{row['events']:>8,} events: a fresh server starts in {row['start_s']:.1f} s; its first page's run ends"
            f" at {row['first_run_s']:.1f} s, first markers {row['first_markers_s']:.1f} s")
    if "never_seen" in row:
        never_seen = row["never_seen"]
        line += (f" (data never seen: start {never_seen['start_s']:.1f} s, run {never_seen['first_run_s']:.1f} s,"
                 f" markers {never_seen['first_markers_s']:.1f} s, server peak {never_seen['server_peak_mb']:,.0f} MB,"
                 f" {never_seen['server_peak_anonymous_mb']:,.0f} MB anonymous)")
    if "runs" in row:
        line += (f"; page load to map {row['load_s']:.2f} s, slider step to map {row['slider_s']:.2f} s"
                 f" (median of {row['runs']})")
    print(line + f"; server peak {row['server_peak_mb']:,.0f} MB resident, {row['server_peak_anonymous_mb']:,.0f} MB"
          " anonymous (without mapped file pages)", flush=True)


def synthetic_sizes(browser: Any, sizes: list[int], repeats: int) -> Iterator[dict[str, Any]]:
    """For each size, a server on data never seen (its first page validates), then a restarted one."""
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            workdir = Path(tempfile.mkdtemp(dir=scratch))
            cache = workdir / "cache"  # starts empty: the data is never seen
            log(f"{size:,} events: preparing the data and starting a server")
            data_dir, total = data_with_synthetic_events(workdir, size)
            never_seen = served_folder(browser, data_dir, cache, total, repeats=0)
            log(f"{size:,} events: a new server on the same data")
            yield served_folder(browser, data_dir, cache, total, repeats) | {"never_seen": never_seen}


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
            total = events_in(args.data / "events.csv")
            rows: Iterable[dict[str, Any]] = [served_folder(browser, args.data, args.cache, total, args.repeats)]
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
