"""Comparing two moments and taking the view away, in a real browser with the network blocked.

The comparison of the months around October 2023 must list Central Asia–Centre's reversal and the start of
Russian gas to Uzbekistan (their dates come from data/routes.geojson); a link with the dates the wrong way
round opens the same comparison. The map's PNG and SVG downloads must be valid images of the promised size
whose SVG text holds the title, the dates and the source line.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

from PIL import Image
from playwright.sync_api import expect

from devtools.browser_harness import AtlasPage
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.i18n import gettext
from gasatlas.i18n.formats import format_date
from gasatlas.map.compare import CHANGE_KINDS, Moments, route_changes
from gasatlas.map.staticmap import png_size

ATLAS = load_dataset(PROJECT_ROOT / "data")
ROUTES = ATLAS.routes.set_index("id")
BEFORE, AFTER = dt.date(2023, 9, 1), dt.date(2023, 11, 30)


def test_the_comparison_around_october_2023_lists_the_reversal_and_opens_from_a_swapped_link(
        atlas: AtlasPage) -> None:
    expected = route_changes(ATLAS.routes, Moments.of(BEFORE, AFTER))
    assert "cac" in set(expected["route_id"])

    atlas.open(f"compare?basemap=offline&compare={AFTER.isoformat()},{BEFORE.isoformat()}")

    expect(atlas.page.get_by_role("heading", name=gettext("Compare two moments", "en"))).to_be_visible()
    assert f"compare={BEFORE.isoformat()}%2C{AFTER.isoformat()}" in atlas.url, "the dates come back in order"
    grid = atlas.page.locator("[data-testid=stDataFrame]").first
    expect(grid.locator("tr[role=row]")).to_have_count(len(expected) + 1)
    rows = [[cell.inner_text() for cell in grid.locator("tr[role=row]").nth(i).locator("td").all()[:3]]
            for i in range(1, len(expected) + 1)]
    assert rows == [[format_date(row.date, row.date_precision, "en"), ROUTES.loc[row.route_id, "name_en"],
                     CHANGE_KINDS[row.change]] for row in expected.itertuples()]
    frame = atlas.wait_for_map()
    labels = frame.locator(".ga-flow-label.ga-change")
    expect(labels).to_have_count(expected["route_id"].nunique())
    expect(frame.locator(".ga-flow-label.ga-change [data-route-id=cac]")).to_contain_text(gettext("Reversed", "en"))


def svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text"))


def test_the_map_view_downloads_as_print_png_and_svg_with_title_dates_and_source(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline&from=2023-01-01&to=2023-12-31&country=UZB")
    atlas.wait_for_map_settled()

    with atlas.page.expect_download() as png_download:
        atlas.page.get_by_role("button", name=gettext("Map (PNG, print)", "en")).click()
    with atlas.page.expect_download() as svg_download:
        atlas.page.get_by_role("button", name=gettext("Map (SVG, editable)", "en")).click()

    image = Image.open(io.BytesIO(png_download.value.path().read_bytes()))
    assert image.format == "PNG"
    assert image.size == png_size()
    assert svg_download.value.suggested_filename.endswith(".svg")
    text = svg_text(svg_download.value.path().read_bytes())
    assert gettext("Central Asia Gas Atlas", "en") in text
    assert "1 Jan 2023" in text
    assert "31 Dec 2023" in text
    assert "Uzbekistan" in text
    assert "Source: Central Asia Gas Atlas, data last updated" in text
