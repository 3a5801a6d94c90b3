"""The pictures a reader takes away: the map view at print size as PNG and SVG, and charts through Altair's
exporter — valid images of the promised size whose SVG text layer carries the title, dates and source line."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from gasatlas.analysis.charts import status_chart
from gasatlas.analysis.filters import DateRange, EventFilter
from gasatlas.analysis.timeline import status_bands
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.exports import CHART_EXPORT_WIDTH, CHART_PNG_SCALE, chart_image
from gasatlas.i18n import gettext
from gasatlas.i18n.formats import format_date
from gasatlas.map import staticmap
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
YEAR_2023 = EventFilter(dates=DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), countries=frozenset({"UZB"}))
SVG = "{http://www.w3.org/2000/svg}"


def svg_text(svg: bytes) -> str:
    """Every text element of an SVG, joined: what a screen reader, an editor or a search finds in it."""
    root = ET.fromstring(svg)
    return " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def test_the_map_png_is_an_a4_page_at_print_resolution() -> None:
    png = staticmap.render_map(ATLAS, YEAR_2023, YEAR_2023.shown(ATLAS), "en", "png")

    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == staticmap.png_size() == (3507, 2481)
    assert len(image.getcolors(maxcolors=1_000_000) or ()) > 50  # a drawn map, not a blank page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_map_svg_keeps_title_dates_filters_source_and_credits_as_text(lang: str) -> None:
    shown = YEAR_2023.shown(ATLAS)

    text = svg_text(staticmap.render_map(ATLAS, YEAR_2023, shown, lang, "svg"))

    assert gettext("Central Asia Gas Atlas", lang) in text
    assert format_date(dt.date(2023, 1, 1), "day", lang) in text
    assert format_date(dt.date(2023, 12, 31), "day", lang) \
        in text
    assert ATLAS.countries.set_index("iso_a3").loc["UZB", f"name_{lang}"] in text  # the country filter
    assert gettext("Source: Central Asia Gas Atlas, data last updated {updated}; every event, route and figure with "
                   "its source publication in the atlas.", lang).split("{")[0] in text
    assert format_date(ATLAS.last_updated, "day", lang) in text
    assert "Natural Earth" in text
    assert "OpenStreetMap" in text
    assert gettext("Legend", lang) in text
    assert gettext("km", lang) in text
    assert gettext("No event matches these filters:\nthe map shows the network only.", lang).splitlines()[0] not in text


def test_an_empty_view_says_so_in_the_picture() -> None:
    nothing = EventFilter(dates=YEAR_2023.dates, text="no event says this")

    text = svg_text(staticmap.render_map(ATLAS, nothing, nothing.shown(ATLAS), "en", "svg"))

    assert "No event matches these filters:" in text
    assert "the map shows the network only." in text


def test_charts_export_as_png_and_svg_at_the_export_width() -> None:
    span = (dt.date(2022, 1, 1), dt.date(2026, 1, 1))
    chart = status_chart(status_bands(ATLAS.routes, *span, "ru"), span, "ru")

    png = Image.open(io.BytesIO(chart_image(chart, "png")))
    svg = chart_image(chart, "svg")

    assert png.format == "PNG"
    assert png.size[0] == CHART_EXPORT_WIDTH * CHART_PNG_SCALE
    assert ET.fromstring(svg).get("width") == str(CHART_EXPORT_WIDTH)
    assert ATLAS.routes.set_index("id").loc["cac", "name_ru"] in svg_text(svg)


def test_the_map_page_leaves_the_picture_libraries_to_the_click_that_needs_them() -> None:
    """matplotlib, openpyxl, Altair and vl-convert took a third of a restarted server's first page (its imports),
    for pictures and workbooks that are made only when a download button is clicked."""
    heavy = ("matplotlib", "openpyxl", "altair", "vl_convert")
    code = f"import sys, gasatlas.ui.map; print(sorted(name for name in {heavy!r} if name in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              cwd=PROJECT_ROOT).stdout.strip()

    assert imported == "[]"
