"""Driving the app in Debian's Chromium: a `streamlit run` server, and browser tabs on it.

Shared by the browser tests and the browser benchmark. Every request that is not
for localhost is aborted and recorded, so a caller can prove the app works — and
asks for nothing — without the internet. Waiting is done on Streamlit's health
endpoint and on its script-run state, never on fixed sleeps.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, FrameLocator, Locator, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from gasatlas.config import PROJECT_ROOT

CHROMIUM = os.environ.get("GASATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
SERVER_START_TIMEOUT = 60
UI_TIMEOUT_MS = 30_000
ROW_HEIGHT = 35
"""Streamlit's default dataframe row (and header) height in pixels."""
READ_TIMEOUT_MS = 120_000
"""Reading an article on a fresh server loads the language models first: much slower than a rerun."""

COUNT_SCRIPT_RUNS = (Path(__file__).parent / "script_runs.js").read_text(encoding="utf-8")
"""Follows the app's script runs on its websocket (``window.__runs``; ``window.__scriptRuns`` counts the finished)."""

# No run going on or asked for, and the page showing it: the server's word (the websocket) and the page's
# (the run-state attribute; both are needed, as a page can lag behind the messages it has been sent).
SETTLED = """() => window.__runs.settled()
  && document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'"""

# Let the page take in what it has been sent: React renders the app's messages in a task it queues through a
# message channel, so a message posted now is handled after that render; then the page paints a frame.
FLUSH = """() => new Promise(done => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => requestAnimationFrame(() => done(null));
  channel.port2.postMessage(null);
})"""


VISIBLE_TEXT = """() => {
  // Every text node a reader can see: not an icon's ligature name, not hidden, not shrunk to nothing.
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent.trim();
    if (!text || !element || element.closest('script, style, noscript, [data-testid=stIconMaterial]')) continue;
    const style = getComputedStyle(element);
    if (style.fontFamily.includes('Material') || parseFloat(style.fontSize) === 0) continue;
    if (element.checkVisibility({opacityProperty: true, visibilityProperty: true})) texts.push(text);
  }
  return texts;
}"""


def visible_texts(atlas: AtlasPage) -> list[str]:
    """What the page and every frame in it (the map) show; a frame still writing its document (a map drawn while
    the page settled) is read once it has a body."""
    texts: list[str] = []
    for frame in atlas.page.frames:
        frame.wait_for_function("() => document.body !== null", timeout=UI_TIMEOUT_MS)
        texts += frame.evaluate(VISIBLE_TEXT)
    return texts


def wait_for_labels_placed(frame: FrameLocator) -> None:
    """Country names and volumes are placed a moment after the map changes (label_placement.js), and again once
    the events' columns have arrived (events.js fetches them): the events drawn, no placement pending, every
    name then says where it sits and every volume carries its shift (empty before placement)."""
    frame.locator("body").evaluate(
        """() => new Promise(done => {
             const check = () => {
               const names = [...document.querySelectorAll('.ga-country-label')];
               const volumes = [...document.querySelectorAll('.ga-flow-label span')];
               let eventsWaiting = false;
               window.map.eachLayer(layer => {
                 if (L.EventClusters && layer instanceof L.EventClusters && !layer.loaded()) eventsWaiting = true;
               });
               if (!eventsWaiting && window.map.getContainer().getAttribute('data-labels') !== 'pending'
                   && names.length && names.every(n => n.hasAttribute('data-place'))
                   && volumes.every(v => v.style.translate !== '')) done();
               else requestAnimationFrame(check);
             };
             check();
           })""")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as response:
            return bool(response.read() == b"ok")
    except OSError:
        return False


@dataclass
class AppServer:
    base_url: str
    data_dir: Path
    process: subprocess.Popen[Any]
    log: IO[str]
    start_s: float
    """From the process's start to its first healthy answer (the start-up's imports included)."""

    def memory_mb(self, field: str) -> float:
        """One memory figure of the server process from Linux's ``/proc/PID/status``, in MB: ``VmHWM`` (peak
        resident so far, mapped file pages included) or ``RssAnon`` (resident now, without them)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith(f"{field}:"))
        return int(kilobytes) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def free_port() -> int:
    return _free_port()


def start_app_server(data_dir: Path, extra_env: dict[str, str] | None = None, extra_args: Sequence[str] = (),
                     port: int | None = None) -> AppServer:
    """``streamlit run`` on a free port (or ``port``), with its own data folder and a fresh SQLite event store."""
    port = port or _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "GASATLAS_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir.parent / 'store' / 'events.sqlite3'}",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **(extra_env or {}),
    }
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 -- lives as long as the server; closed by stop()
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", *extra_args],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = started + SERVER_START_TIMEOUT
    while not _healthy(base_url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.seek(0)
            raise RuntimeError(f"streamlit did not start:\n{log.read()}")
        time.sleep(0.2)  # polling the health endpoint, not waiting for the UI
    return AppServer(base_url, data_dir, process, log, start_s=time.monotonic() - started)


@contextmanager
def serving_copy_of_data(browser: Browser, workdir: Path, prepare: Callable[[Path], object] | None = None,
                         first_page_timeout_ms: int = UI_TIMEOUT_MS,
                         extra_env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """A warmed-up ``streamlit run`` over its own copy of ``data/`` (changed by ``prepare``) and its own store."""
    data_dir = workdir / "data"
    shutil.copytree(PROJECT_ROOT / "data", data_dir)
    if prepare is not None:
        prepare(data_dir)
    server = start_app_server(data_dir, extra_env)
    try:
        warm_up(browser, server, first_page_timeout_ms)
        yield server
    finally:
        server.stop()


def wait_for_first_run(page: Page, timeout_ms: int) -> None:
    """Until the page's first script run has drawn its title and ended (long for a very large dataset the
    server loads on that run: hence the caller's timeout)."""
    page.locator("h1").first.wait_for(timeout=timeout_ms)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout_ms)


def warm_up(browser: Browser, server: AppServer, timeout_ms: int = UI_TIMEOUT_MS) -> None:
    """Open the main page once: the first page loads and caches the dataset, and the tests should not time that.
    (A first visit to any page's address works too: see test_first_visit.py.)"""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.base_url)
    wait_for_first_run(page, timeout_ms)
    context.close()


@dataclass
class AtlasPage:
    """A browser tab on the app, with the requests it was refused."""

    page: Page
    base_url: str
    blocked: list[tuple[str, str]] = field(default_factory=list)
    """(request, page) of every request that left localhost."""

    def open(self, query: str = "") -> AtlasPage:
        self.page.goto(f"{self.base_url}/{query}")
        self.wait_for_idle()
        return self

    def wait_for_idle(self, timeout_ms: int = UI_TIMEOUT_MS) -> None:
        """Until no script run is going on or asked for, and the page has shown the last one's end."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            self._wait_for(SETTLED, "the app to finish its script runs", deadline)
            self.page.evaluate(FLUSH)
            if self.page.evaluate(SETTLED):  # not if a rerun was asked for meanwhile (a map reporting)
                return

    def rerun_after(self, action: Callable[[], object], timeout_ms: int = UI_TIMEOUT_MS) -> None:
        """Do ``action`` once the app is idle (a rerun asked for during a run replaces it), then wait until
        the page has asked for the rerun the action causes — the proof it landed — and that run is over."""
        self.wait_for_idle()
        requested = self.page.evaluate("window.__runs.requested")
        action()
        self.wait_for_rerun_asked(requested)
        self.wait_for_idle(timeout_ms)

    def wait_for_rerun_asked(self, requested: int, timeout_ms: int = UI_TIMEOUT_MS) -> None:
        """Until the page has asked for more reruns than ``requested``: an action meant to change a widget
        landed (a widget whose value did not change asks for nothing)."""
        self._wait_for(f"window.__runs.requested > {requested}", "the action to ask for a rerun",
                       time.monotonic() + timeout_ms / 1000)

    def _wait_for(self, predicate: str, what: str, deadline: float) -> None:
        try:
            self.page.wait_for_function(predicate, timeout=max(deadline - time.monotonic(), 0.001) * 1000)
        except PlaywrightTimeout:
            state = self.page.evaluate("window.__runs ? {...window.__runs, log: window.__runs.log.join('; '), state: "
                                       "document.querySelector('[data-testid=stApp]')?.dataset.testScriptState}"
                                       " : 'not followed in this document'")
            raise AssertionError(f"timed out waiting for {what}; script runs: {state}") from None

    def choose(self, label: str, option: str) -> None:
        """Pick ``option`` in the main area's select box labelled ``label`` as a person with a keyboard does:
        type the start of it into the box, then Enter."""
        box = self.page.locator("[data-testid=stMain] [data-testid=stSelectbox]").filter(
            has=self.page.get_by_text(label, exact=True)).get_by_role("combobox")
        self.wait_for_idle()  # a run under way may redraw the box and close its list
        box.click()
        self.page.keyboard.type(option)
        expect(self.page.get_by_role("option", name=option, exact=True)).to_be_visible(timeout=UI_TIMEOUT_MS)
        self.rerun_after(lambda: self.page.keyboard.press("Enter"))

    def pick(self, label: str, option: str) -> None:
        """Add ``option`` to the sidebar's multiselect labelled ``label`` as a person does: type its start into
        the box, then Enter; again if its chip did not appear (the keys went astray: nothing was picked)."""
        box = self.page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(
            has=self.page.get_by_text(label, exact=True))
        chip = box.locator(f"[data-tag] > span[title^='{option}']").first
        for attempt in range(3):
            self.wait_for_idle()
            requested = self.page.evaluate("window.__runs.requested")
            box.get_by_role("combobox").click()
            self.page.keyboard.type(option)
            try:
                expect(self.page.get_by_role("option").filter(has_text=option).first).to_be_visible(timeout=10_000)
                self.page.keyboard.press("Enter")
                self.page.keyboard.press("Escape")
                expect(chip).to_be_attached(timeout=10_000)
                break
            except AssertionError:
                self.page.keyboard.press("Escape")
                if attempt == 2:
                    raise
        self.wait_for_rerun_asked(requested)
        self.wait_for_idle()

    def drag_slider(self, slider: Locator, thumb: int, to: float) -> None:
        """Drag the ``thumb``-th thumb of ``slider`` to ``to`` (a fraction of its track) with the mouse, and wait
        for the rerun it asks for; again if the thumb did not move (the press missed it: nothing changed)."""
        handle = slider.locator("input[type=range]").nth(thumb)
        for attempt in range(3):
            self.wait_for_idle()
            requested = self.page.evaluate("window.__runs.requested")
            before = handle.input_value()
            grip = handle.locator("xpath=../..").bounding_box()
            track = slider.locator("[data-orientation=horizontal]").first.bounding_box()
            assert grip is not None, "the thumb is drawn"
            assert track is not None, "the track is drawn"
            y = grip["y"] + grip["height"] / 2
            self.page.mouse.move(grip["x"] + grip["width"] / 2, y)
            self.page.mouse.down()
            self.page.mouse.move(track["x"] + track["width"] * to, y, steps=5)
            self.page.mouse.up()
            try:
                expect(handle).not_to_have_value(before, timeout=10_000)
                break
            except AssertionError:
                if attempt == 2:
                    raise
        self.wait_for_rerun_asked(requested)
        self.wait_for_idle()

    def brush_timeline(self, start: float, end: float) -> None:
        """Drag across the timeline chart from ``start`` to ``end`` (fractions of its width), inside the plot
        below its first row of events, and wait for the rerun the brushed dates start."""
        self.wait_for_idle()  # the chart drawn by the last run, where it stays
        chart = self.page.locator("[data-testid=stVegaLiteChart]").first
        chart.locator("canvas, svg").first.wait_for(state="visible")
        chart.scroll_into_view_if_needed()  # the first-visit orientation may push it below the fold
        box = chart.bounding_box()
        assert box is not None, "the chart is drawn"
        y = box["y"] + 130

        def brush() -> None:
            self.page.mouse.move(box["x"] + box["width"] * start, y)
            self.page.mouse.down()
            self.page.mouse.move(box["x"] + box["width"] * end, y, steps=10)
            self.page.mouse.up()

        self.rerun_after(brush)

    @property
    def url(self) -> str:
        return str(self.page.evaluate("location.href"))  # page.url lags behind history.pushState

    def map(self) -> FrameLocator:
        return self.page.frame_locator("iframe[title='streamlit_folium.st_folium']")

    def wait_for_map(self) -> FrameLocator:
        frame = self.map()
        frame.locator(".leaflet-container").wait_for(state="visible", timeout=UI_TIMEOUT_MS)
        frame.locator(".ga-country-label").first.wait_for(state="attached", timeout=UI_TIMEOUT_MS)
        return frame

    def wait_for_map_settled(self) -> FrameLocator:
        """The map drawn and the page idle. (The map no longer reruns the page with its first report: see
        ``map/js/quiet_first_report.js``; a test pins that.)"""
        frame = self.wait_for_map()
        self.wait_for_idle()
        return frame

    def scroll_table_to(self, grid: Any, row: int) -> None:
        """Scroll a table to its ``row``-th row (from 0): a table draws only the rows in view."""
        grid.scroll_into_view_if_needed()
        grid.hover()
        self.page.mouse.wheel(0, ROW_HEIGHT * max(row - 3, 0))

    def external_requests(self) -> list[str]:
        """What pages of the app asked beyond localhost (other local servers' pages, like a sign-in
        provider's, are theirs to answer for)."""
        return [url for url, page in self.blocked if page.startswith(self.base_url) or not page]


def new_atlas_page(browser: Browser, base_url: str, width: int = 1280,
                   height: int = 800) -> tuple[AtlasPage, BrowserContext]:
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    atlas_page = AtlasPage(page=context.new_page(), base_url=base_url)

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            frame = route.request.frame if not route.request.is_navigation_request() else None
            atlas_page.blocked.append((route.request.url, frame.url if frame else ""))
            route.abort("internetdisconnected")

    context.route("**/*", guard)
    context.add_init_script(COUNT_SCRIPT_RUNS)
    return atlas_page, context


@contextmanager
def atlas_tab(browser: Browser, base_url: str, width: int = 1280, height: int = 800) -> Iterator[AtlasPage]:
    """A tab on the app in a browser context of its own, closed when done (what a test's page fixture yields)."""
    atlas_page, context = new_atlas_page(browser, base_url, width, height)
    try:
        yield atlas_page
    finally:
        context.close()


def launch_chromium(playwright: Any) -> Browser:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does)")
    return cast(Browser, playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True))
