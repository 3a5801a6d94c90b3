"""Hostile text in the data reaches every view as text and never runs."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import AppServer, AtlasPage, atlas_tab, serving_copy_of_data
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset

ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"
ROADMAP_ROW = load_dataset(PROJECT_ROOT / "data").events["id"].tolist().index(ROADMAP)
"""Where the events table, in date order, lists the roadmap."""
IMG = "<img src=x onerror=\"window.__xss='img'\">"
TEMPLATE = "${window.__xss='template'}"
BACKTICK = "`); window.__xss='backtick'; (`"
SCRIPT = "</script><script>window.__xss='script'</script>"
ALL = f"{IMG} {TEMPLATE} {BACKTICK} {SCRIPT}"
MD_IMAGE = "![](https://evil.example/x.png)"
MD_LINK = "[Session expired - sign in](https://evil.example/login)"


KEEP_TOASTS = """
window.__shownToasts = [];
new MutationObserver(() => document.querySelectorAll('[data-testid=stToast]').forEach(toast => {
  if (!window.__shownToasts.includes(toast)) window.__shownToasts.push(toast);
})).observe(document, {childList: true, subtree: true});
"""
"""Keeps every toast the page shows (gone or not) in ``window.__shownToasts``."""


def _rewrite_csv(path: Path, row_id: str, changes: dict[str, str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["id"] == row_id:
            row.update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make_hostile(data: Path) -> None:
    """Put every kind of hostile string into the fields that reach popups, cards, tooltips and tables."""
    _rewrite_csv(data / "events.csv", ROADMAP, {
        "title_en": f"Roadmap {IMG} {TEMPLATE}", "summary_en": f"Summary {BACKTICK} {SCRIPT}",
        "quote": f"Quote {IMG}", "place_name_en": f"Place {TEMPLATE}", "source_title": f"Source {BACKTICK}",
    })
    _rewrite_csv(data / "actors.csv", "sklyar", {"name_en": f"Sklyar {IMG}"})
    _rewrite_csv(data / "actors.csv", "miller", {"name_en": f"Miller {MD_IMAGE} {MD_LINK}"})
    _rewrite_csv(data / "facilities.csv", "orenburg-gpp", {"name_en": f"Plant {ALL}"})
    routes = json.loads((data / "routes.geojson").read_text(encoding="utf-8"))
    for feature in routes["features"]:
        if feature["properties"]["id"] == "karachaganak-orenburg":
            feature["properties"]["name_en"] = f"Route {ALL}"
    (data / "routes.geojson").write_text(json.dumps(routes, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[AppServer]:
    with serving_copy_of_data(browser, tmp_path_factory.mktemp("hostile"), make_hostile) as server:
        yield server


@pytest.fixture
def hostile(browser: Browser, hostile_server: AppServer) -> Iterator[AtlasPage]:
    with atlas_tab(browser, hostile_server.base_url) as page:
        page.dialogs = []
        page.page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        yield page


def assert_nothing_ran(atlas: AtlasPage) -> None:
    assert atlas.page.evaluate("window.__xss") is None
    assert atlas.map().locator("body").evaluate("() => window.__xss") is None
    assert atlas.dialogs == []
    assert atlas.map().locator("img[src='x']").count() == 0
    assert atlas.page.locator("img[src='x']").count() == 0


def test_a_hostile_event_shows_as_text_in_popup_card_and_table(hostile: AtlasPage) -> None:
    frame = hostile.open(f"?basemap=offline&sel=event:{ROADMAP}").wait_for_map()

    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(f"Roadmap {IMG} {TEMPLATE}")
    expect(popup).to_contain_text(f"Summary {BACKTICK} {SCRIPT}")
    expect(popup).to_contain_text(f"Sklyar {IMG}")
    card = hostile.page.locator(f"[data-testid=stMain] [data-event-id='{ROADMAP}']")
    expect(card).to_contain_text(f"Place {TEMPLATE}")
    grid = hostile.page.locator("[data-testid=stDataFrame]").last  # the events table, below the card
    hostile.scroll_table_to(grid, ROADMAP_ROW)
    expect(grid.locator("tr[aria-selected=true]")).to_contain_text(f"Roadmap {IMG}")
    assert_nothing_ran(hostile)


def test_hostile_names_in_tooltips_labels_and_cards_stay_text(hostile: AtlasPage) -> None:
    frame = hostile.open("?basemap=offline").wait_for_map()

    frame.locator("svg[data-facility-id='orenburg-gpp']").hover()
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(f"Plant {ALL}")
    hostile.rerun_after(lambda: frame.locator("svg[data-facility-id='orenburg-gpp']").click())
    expect(hostile.page.locator("[data-testid=stMain] [data-facility-id='orenburg-gpp']")).to_contain_text(
        f"Plant {ALL}")
    assert_nothing_ran(hostile)


def test_a_hostile_route_name_stays_text_on_buttons_and_its_card(hostile: AtlasPage) -> None:
    hostile.open(f"?basemap=offline&sel=event:{ROADMAP}").wait_for_map()
    button = hostile.page.locator("[data-testid=stMain] button").filter(has_text="Route <img")

    expect(button).to_contain_text(f"Route {ALL}")  # Markdown in a button label is shown, not rendered
    hostile.rerun_after(button.click)

    expect(hostile.page.locator("[data-testid=stMain] [data-route-id='karachaganak-orenburg']")).to_contain_text(
        f"Route {ALL}")
    assert_nothing_ran(hostile)


def test_markdown_in_a_name_or_a_link_is_shown_as_text_and_fetches_nothing(hostile: AtlasPage) -> None:
    """A Markdown image would make every reader's browser call the attacker; a link would speak for the atlas."""
    query = urlencode({"basemap": "offline", "actor": "miller", "country": MD_IMAGE, "lang": MD_LINK})
    hostile.page.add_init_script(KEEP_TOASTS)  # a toast leaves after a few seconds, maybe before the page is done
    hostile.open(f"actors?{query}")

    notice = hostile.page.locator("[data-testid=stAlert]").first
    expect(notice).to_contain_text("Miller")
    shown = notice.inner_text().replace("\u2060", "")  # invisible word joiners keep addresses from becoming links
    assert f"Miller {MD_IMAGE} {MD_LINK}" in shown
    hostile.page.wait_for_function("window.__shownToasts.length > 0")
    toasts = hostile.page.evaluate("window.__shownToasts.map(toast => toast.textContent)")
    assert any("Part of the link was ignored" in toast for toast in toasts), toasts
    assert "evil.example" not in " ".join(toasts), "link values are never echoed"
    expect(hostile.page.locator("img[src*='evil.example'], a[href*='evil.example']")).to_have_count(0)
    assert hostile.external_requests() == []
    assert hostile.page.evaluate("window.__xss") is None
    assert hostile.dialogs == []
