"""Timeline, actors and data pages, driven the way a reader uses them."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from devtools.browser_harness import AtlasPage
from gasatlas.analysis.filters import EventFilter, apply_filter
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset

ROW_HEIGHT = 35
EVENTS = load_dataset(PROJECT_ROOT / "data").events


def query(atlas: AtlasPage) -> dict[str, list[str]]:
    return parse_qs(urlsplit(atlas.url).query)


def test_brushing_the_timeline_sets_the_dates_of_every_page(atlas: AtlasPage) -> None:
    atlas.open("timeline?basemap=offline")
    atlas.brush_timeline(0.45, 0.75)

    expect(atlas.page.get_by_text("Chosen dates:")).not_to_contain_text("28 Nov 2022 – 28 Nov 2024")
    params = query(atlas)
    assert "from" in params
    assert "to" in params
    assert params["from"][0] < params["to"][0]
    slider = atlas.page.locator("[data-testid=stSlider]").first
    expect(slider).to_contain_text(params["from"][0])
    atlas.rerun_after(lambda: atlas.page.get_by_role("link", name="Map").click())
    expect(atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first).not_to_contain_text(
        f"Showing {len(EVENTS)} of {len(EVENTS)}")


def test_choosing_an_actor_filters_everything_to_their_events(atlas: AtlasPage) -> None:
    atlas.open("actors?basemap=offline")
    grid = atlas.page.locator("[data-testid=stDataFrame]")
    grid.scroll_into_view_if_needed()
    expect(grid).to_contain_text("Roman Sklyar")
    rows = grid.locator("tr[role=row]")
    index = next(i for i in range(rows.count()) if "Roman Sklyar" in rows.nth(i).inner_text()) - 1
    box = grid.bounding_box()

    atlas.rerun_after(lambda: atlas.page.mouse.click(box["x"] + 14, box["y"] + ROW_HEIGHT * (index + 1.5)))

    assert query(atlas)["actor"] == ["sklyar"]
    expect(atlas.page.get_by_text("Showing the events of: Roman Sklyar")).to_be_visible()
    atlas.rerun_after(lambda: atlas.page.get_by_role("link", name="Map").click())
    theirs = apply_filter(EVENTS, EventFilter(actors=frozenset({"sklyar"})))
    expect(atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first).to_contain_text(
        f"Showing {len(theirs)} of {len(EVENTS)} events")


def test_the_downloaded_csv_holds_exactly_the_rows_of_the_filtered_table(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline&type=agreement&country=UZB")
    table_rows = atlas.page.locator("[data-testid=stDataFrame] tr[role=row]")
    expect(table_rows.nth(1)).to_be_attached()
    shown_titles = [table_rows.nth(i).locator("td").nth(1).inner_text() for i in range(1, table_rows.count())]

    atlas.rerun_after(lambda: atlas.page.get_by_role("link", name="Data & sources").click())
    with atlas.page.expect_download() as download:
        atlas.page.get_by_role("button", name="Events (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))

    assert len(rows) == len(shown_titles) > 0
    assert [row["title_en"] for row in rows] == shown_titles
    assert all(row["event_type"] == "agreement" and "UZB" in row["countries"].split(";") for row in rows)
    assert atlas.external_requests() == []
