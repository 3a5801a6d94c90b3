"""Load benchmark: many browser sessions stepping the date slider at once, on the 1k-event set.

    python -m devtools.bench_load [--sessions 20] [--steps 10] [--events 1000] [--json PATH]

One `streamlit run` server serves the curated data plus synthetic events (network
blocked, assets local). The same run measures, side by side:

* baseline: one session alone, stepping the slider ``--steps`` times;
* load: ``--sessions`` sessions that open the map page, wait at a barrier, and then
  all step the slider ``--steps`` times, each step as soon as its previous one is done.

A step presses PageDown on the slider's end thumb when it is at the end, else
PageUp: the range ends on the newest event's day, so every step removes or restores
events and changes the shown count. A step is done when the caption shows a new count,
no script run is going on, and the map's marker layer holds that many markers.
Its latency runs from ``Date.now()`` at the keydown in the page to ``Date.now()`` in
the map's frame when the layer first held the new count: a watcher in the frame
notes when each count first appears, so the end of a step is timed inside the
browser, not by Playwright's round trips, which grow under load. "run end" is the
time from the key press to the page showing the new count with its script run over
(polled every 50 ms): the whole page updated, table and cards included; the map's
markers are usually there earlier.

Errors: steps that do not complete (not done within ``STEP_TIMEOUT_S``, a Streamlit
exception on the page, a failed session, the phase's deadline) and requests that
left localhost. A failed step is reported with what the page showed, and the
session goes on with its next step. The server's log is scanned for tracebacks and
printed when anything went wrong; the exit status is 1 then.

Concurrency: Playwright's async API, one headless Chromium, one browser context (its
own Streamlit session) per reader. On a 2-vCPU machine the load generator shares the
CPU with the server it measures; one browser and one Playwright driver cost much
less than twenty of each (one per thread, as the sync API would need), so less of
the measured latency is the generator's own. The harness starts and warms the server
with the sync API; the async phases run once that has stopped.

Needs what scripts/test.sh installs (Debian's chromium, Playwright).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, Frame, Page, async_playwright
from playwright.sync_api import sync_playwright

from devtools.bench_browser import FIRST_PAGE_TIMEOUT_MS, add_synthetic_events, log
from devtools.browser_harness import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    COUNT_SCRIPT_RUNS,
    LOCAL_HOSTS,
    AppServer,
    launch_chromium,
    serving_copy_of_data,
)
from gasatlas.dataset.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent

STEP_TIMEOUT_S = 60
OPEN_TIMEOUT_S = 300
"""Opening the page: every session loads the map and draws all its markers at the same time."""
PHASE_DEADLINE_S = 1_200
"""Each phase (baseline, load) is stopped after this, whatever is still waiting."""
POLL_MS = 50

# In every frame (the page and the map's): what a step reads and when things happened.
STEP_HELPERS = """
window.__markerCount = () => {  // markers in the map's cluster layer, -1 without a map
  let count = -1;
  if (window.map) window.map.eachLayer(layer => {
    if (L.EventClusters && layer instanceof L.EventClusters) count = layer.size();
  });
  return count;
};
window.__shownCount = () => {  // "Showing N of M events" in the page's caption
  const caption = document.querySelector('[data-testid=stMain] [data-testid=stCaptionContainer]');
  const match = caption && /Showing ([\\d,]+) of/.exec(caption.innerText);
  return match && Number(match[1].replace(/,/g, ''));
};
window.__idle = () => window.__runs.settled()  // (COUNT_SCRIPT_RUNS)
  && document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning';
document.addEventListener('keydown', () => { window.__pressed = Date.now(); }, true);
"""

# On the slider's end thumb, before a step: where it is, and the shown count.
BEFORE_STEP = "el => ({atEnd: el.value === el.max, shown: window.__shownCount()})"

# In the map's frame, before the key press: note when each marker count first appears.
WATCH_MARKERS = """() => {
  const seen = window.__markerCounts = {};
  const watch = () => {
    if (window.__markerCounts !== seen) return;  // the step is over
    const count = window.__markerCount();
    if (!(count in seen)) seen[count] = Date.now();
    requestAnimationFrame(watch);
  };
  watch();
}"""

# In the map's frame, polled: when the marker layer first held ``expected`` markers
# (as noted by the watcher, or now), falsy until it does.
MARKERS_HELD = """(expected) => {
  const seen = window.__markerCounts || {};
  const at = seen[expected] || (window.__markerCount() === expected && Date.now());
  if (at) window.__markerCounts = null;
  return at;
}"""

# In the page, polled after the key press: the new shown count and the time, once the
# caption changed and no script run is going on, or the first Streamlit exception shown.
SHOWN_AFTER = """(previous) => {
  const failure = document.querySelector('[data-testid=stException]');
  if (failure) return {exception: failure.innerText};
  const shown = window.__shownCount();
  return window.__idle() && shown !== null && shown !== previous && {shown, at: Date.now()};
}"""

# In the page, for a step that did not finish.
PAGE_STATE = """() => ({scriptRuns: window.__scriptRuns, idle: window.__idle(),
  shown: window.__shownCount(), exceptions: document.querySelectorAll('[data-testid=stException]').length,
  sliderEnd: document.querySelectorAll('[data-testid=stSlider] input')[1]?.getAttribute('aria-valuetext'),
  focused: document.activeElement?.getAttribute('aria-label'), pressedSecondsAgo: (Date.now() - window.__pressed) / 1000
})"""

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
SLIDER = "[data-testid=stSlider]"


class StepFailed(Exception):
    """A step that showed a Streamlit exception."""


@dataclass
class SessionLog:
    latencies: list[float] = field(default_factory=list)
    """Key press to updated markers, per completed step."""
    run_ends: list[float] = field(default_factory=list)
    """Key press to the page showing the new count with no script run going on, per completed step."""
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    doing: str = ""
    """What the current step is waiting for, for its error message."""


@dataclass
class Phase:
    name: str
    sessions: int
    steps: int
    total_steps: int
    errors: int
    """Steps that did not complete (failed, timed out, never ran) plus requests that left localhost."""
    p50_s: float | None
    p95_s: float | None
    max_s: float | None
    run_end_p50_s: float | None
    run_end_p95_s: float | None
    steps_per_s: float
    wall_s: float
    server_cpu_s: float
    """CPU time the server used while the sessions stepped."""
    machine_busy: float
    """Share of all the machine's CPUs busy while the sessions stepped (anything running)."""
    error_details: list[str]


async def map_frame(page: Page) -> Frame:
    """The map component's frame, as it is now."""
    frame = await (await page.locator(MAP_FRAME).element_handle()).content_frame()
    if frame is None:
        raise RuntimeError("the map's iframe holds no document")
    return frame


async def markers_held(page: Page, expected: int) -> int:
    """``Date.now()`` in the map's frame when its marker layer held ``expected`` markers.

    Polled with ``wait_for_function`` on the frame, which survives the frame's first
    navigation: a single long ``evaluate`` started then was seen never to settle.
    """
    frame = await map_frame(page)
    return int(await (await frame.wait_for_function(MARKERS_HELD, arg=expected, polling=POLL_MS)).json_value())


async def open_session(browser: Browser, base_url: str, total: int, blocked: list[str]) -> Page:
    """A new browser context on the map page, all markers drawn and the first reruns settled."""
    context = await browser.new_context(viewport={"width": 1280, "height": 800})

    async def guard(route: Any) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            await route.continue_()
        else:
            blocked.append(route.request.url)
            await route.abort("internetdisconnected")

    await context.route("**/*", guard)
    await context.add_init_script(COUNT_SCRIPT_RUNS)
    await context.add_init_script(STEP_HELPERS)
    page = await context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT_S * 1000)
    await page.goto(f"{base_url}/?basemap=offline")
    await markers_held(page, total)
    await page.locator(IDLE).wait_for(state="attached")
    page.set_default_timeout(STEP_TIMEOUT_S * 1000)
    return page


async def step(page: Page, record: SessionLog) -> tuple[float, float]:
    """Step the slider's end thumb away from where it is (PageDown from the end, else PageUp).

    Returns the seconds from the key press to updated markers and to the script run's end.
    """
    record.doing = "waiting for the page to be idle"
    await page.locator(IDLE).wait_for(state="attached")
    thumb = page.locator(SLIDER).first.get_by_role("slider").nth(1)
    before = await thumb.evaluate(BEFORE_STEP)
    await (await map_frame(page)).evaluate(WATCH_MARKERS)
    record.doing = "waiting for the rerun and a new shown count"
    await thumb.press("PageDown" if before["atEnd"] else "PageUp")
    outcome = await (await page.wait_for_function(SHOWN_AFTER, arg=before["shown"], polling=POLL_MS)).json_value()
    if "exception" in outcome:
        raise StepFailed(outcome["exception"][:300])
    record.doing = f"waiting for {outcome['shown']} markers on the map"
    drawn = await markers_held(page, outcome["shown"])
    pressed = await page.evaluate("window.__pressed")
    return (drawn - pressed) / 1000, (outcome["at"] - pressed) / 1000


async def page_state(page: Page) -> str:
    """What the page and its map show, for a step that did not finish."""
    try:
        async with asyncio.timeout(10):
            state = await page.evaluate(PAGE_STATE)
            state["markers"] = await (await map_frame(page)).evaluate("window.__markerCount()")
    except Exception as exc:
        return f"unreadable ({exc!r})"
    return json.dumps(state)


async def step_through(page: Page, steps: int, record: SessionLog) -> None:
    """``steps`` slider steps; a failed step is counted and the next one starts from what the page shows."""
    for number in range(1, steps + 1):
        try:
            async with asyncio.timeout(STEP_TIMEOUT_S):
                latency, run_end = await step(page, record)
        except TimeoutError:
            record.errors.append(f"step {number}: not done within {STEP_TIMEOUT_S} s, {record.doing}; "
                                 f"page: {await page_state(page)}")
            continue
        except Exception as exc:
            record.errors.append(f"step {number}, {record.doing}: {exc!r}"[:400])
            continue
        record.latencies.append(latency)
        record.run_ends.append(run_end)


async def run_session(browser: Browser, base_url: str, total: int, steps: int, barrier: asyncio.Barrier,
                      record: SessionLog) -> None:
    """Open the map page, wait for every other session, then step the slider."""
    page = None
    try:
        async with asyncio.timeout(OPEN_TIMEOUT_S):
            page = await open_session(browser, base_url, total, record.blocked)
    except TimeoutError:
        record.errors.append(f"opening the page: not done within {OPEN_TIMEOUT_S} s")
    except Exception as exc:
        record.errors.append(f"opening the page: {exc!r}"[:400])
    await barrier.wait()
    if page is not None:
        await step_through(page, steps, record)


def cpu_seconds(pid: int) -> tuple[float, float, float]:
    """CPU seconds so far: used by process ``pid``, busy on the whole machine, and all (busy, idle, stolen)."""
    ticks = os.sysconf("SC_CLK_TCK")
    process = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    user, nice, system, idle, iowait, irq, softirq, steal = (
        int(value) / ticks for value in Path("/proc/stat").read_text().split()[1:9])
    busy = user + nice + system + irq + softirq
    return (int(process[11]) + int(process[12])) / ticks, busy, busy + idle + iowait + steal


def machine_busy_now(window_s: float = 5) -> float:
    """Share of the machine's CPUs busy over the next ``window_s`` (a shared, busy machine slows every step)."""
    _, busy, total = cpu_seconds(os.getpid())
    time.sleep(window_s)
    _, busy_after, total_after = cpu_seconds(os.getpid())
    return (busy_after - busy) / (total_after - total)


async def run_phase(name: str, server: AppServer, total: int, sessions: int, steps: int) -> Phase:
    """``sessions`` sessions in one browser: they open the page, meet at a barrier, then step together."""
    records = [SessionLog() for _ in range(sessions)]
    barrier = asyncio.Barrier(sessions + 1)
    notes, started, wall, cpu = [], None, 0.0, (0.0, 0.0, 0.0)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        tasks = [asyncio.create_task(run_session(browser, server.base_url, total, steps, barrier, record))
                 for record in records]
        try:
            async with asyncio.timeout(PHASE_DEADLINE_S):
                await barrier.wait()
                started, cpu = time.monotonic(), cpu_seconds(server.process.pid)
                log(f"{name}: {sessions} session(s) on the map page, stepping")
                await asyncio.gather(*tasks)
        except TimeoutError:
            notes.append(f"deadline of {PHASE_DEADLINE_S} s reached; unfinished sessions were stopped")
        if started is not None:
            wall = time.monotonic() - started
            server_now, busy_now, total_now = cpu_seconds(server.process.pid)
            cpu = (server_now - cpu[0], busy_now - cpu[1], total_now - cpu[2])
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await browser.close()
    return summarise(name, records, steps, wall, cpu, notes)


def percentile(values: list[float], percent: int) -> float | None:
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def summarise(name: str, records: list[SessionLog], steps: int, wall: float, cpu: tuple[float, float, float],
              notes: list[str]) -> Phase:
    latencies = [latency for record in records for latency in record.latencies]
    run_ends = [run_end for record in records for run_end in record.run_ends]
    total_steps = len(records) * steps
    blocked = [url for record in records for url in record.blocked]
    details = notes + [f"session {number}: {error}" for number, record in enumerate(records, 1)
                       for error in record.errors]
    details += [f"request left localhost: {url}" for url in blocked]
    if len(latencies) < total_steps:
        details.append(f"{total_steps - len(latencies)} of {total_steps} steps did not complete")
    return Phase(
        name=name, sessions=len(records), steps=steps, total_steps=total_steps,
        errors=total_steps - len(latencies) + len(blocked),
        p50_s=percentile(latencies, 50), p95_s=percentile(latencies, 95), max_s=max(latencies, default=None),
        run_end_p50_s=percentile(run_ends, 50), run_end_p95_s=percentile(run_ends, 95),
        steps_per_s=len(latencies) / wall if wall else 0.0, wall_s=wall,
        server_cpu_s=cpu[0], machine_busy=cpu[1] / cpu[2] if cpu[2] else 0.0, error_details=details,
    )


def server_log(server: AppServer) -> str:
    """What the server wrote so far (read without moving the file offset it writes at)."""
    descriptor = server.log.fileno()
    return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode("utf-8", "replace")


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_table(phases: list[Phase]) -> None:
    print(f"{'run':<9} {'sessions':>8} {'steps':>5} {'total steps':>11} {'errors':>6} {'p50 s':>6} {'p95 s':>6} "
          f"{'max s':>6} {'steps/s':>7} {'wall s':>6} {'run end p50 s':>13} {'run end p95 s':>13} "
          f"{'server CPU s':>12} {'machine busy':>12}")
    for phase in phases:
        print(f"{phase.name:<9} {phase.sessions:>8} {phase.steps:>5} {phase.total_steps:>11} {phase.errors:>6} "
              f"{seconds(phase.p50_s):>6} {seconds(phase.p95_s):>6} {seconds(phase.max_s):>6} "
              f"{phase.steps_per_s:>7.2f} {phase.wall_s:>6.1f} {seconds(phase.run_end_p50_s):>13} "
              f"{seconds(phase.run_end_p95_s):>13} {phase.server_cpu_s:>12.1f} {phase.machine_busy:>12.0%}")
    baseline, load = phases
    if baseline.p50_s and load.p50_s:
        print(f"load p50 is {load.p50_s / baseline.p50_s:.1f}x the single-session baseline's")
    for phase in phases:
        for detail in phase.error_details:
            print(f"{phase.name} error: {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--events", type=int, default=1000, help="synthetic events added to the curated data")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    busy_before = machine_busy_now()
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as serving:
        log(f"{args.events:,} synthetic events: preparing the data and starting a server")
        with sync_playwright() as playwright:  # the harness warms the server up with the sync API
            browser = launch_chromium(playwright)
            server = serving.enter_context(serving_copy_of_data(
                browser, Path(scratch), add_synthetic_events(args.events), FIRST_PAGE_TIMEOUT_MS))
            browser.close()
        total = len(load_dataset(server.data_dir).events)
        phases = [asyncio.run(run_phase("baseline", server, total, 1, args.steps)),
                  asyncio.run(run_phase("load", server, total, args.sessions, args.steps))]
        output = server_log(server)
    tracebacks = output.count("Traceback")
    print(f"{total:,} events, one server; machine busy before the run {busy_before:.0%}; "
          f"{tracebacks} traceback(s) in the server's log")
    print_table(phases)
    if tracebacks or any(phase.errors for phase in phases):
        print(f"--- server log ---\n{output}", file=sys.stderr)
    if args.json:
        results = {"events": total, "machine_busy_before": busy_before, "server_tracebacks": tracebacks,
                   "phases": [asdict(phase) for phase in phases]}
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if tracebacks or any(phase.errors for phase in phases) else 0


if __name__ == "__main__":
    sys.exit(main())
