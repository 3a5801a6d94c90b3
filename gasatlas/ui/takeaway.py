"""What a reader takes away: the map view as a print-quality PNG or an editable SVG, each chart as PNG or SVG,
and a page that prints cleanly. Pictures are made only when a button is clicked (Streamlit runs a callable
download in its own thread), so drawing the page costs nothing."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import streamlit as st

from gasatlas.analysis.filters import EventFilter
from gasatlas.dataset.exports import IMAGE_FORMATS, ImageFormat, chart_image
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext
from gasatlas.map.leaflet import map_resource
from gasatlas.model.vocab import Lang
from gasatlas.ui import state

if TYPE_CHECKING:
    import altair as alt

MAP_DOWNLOADS = {"png": N_("Map (PNG, print)"), "svg": N_("Map (SVG, editable)")}
CHART_DOWNLOADS = {"png": N_("Chart (PNG)"), "svg": N_("Chart (SVG)")}
"""The download buttons, by image format (``exports.IMAGE_FORMATS``)."""

MIME = {"png": "image/png", "svg": "image/svg+xml"}
PRINT_CSS = map_resource("print.css")


def print_friendly() -> None:
    """The print stylesheet: the browser's Print then leaves the sidebar and the controls off the paper."""
    st.html(f"<style>{PRINT_CSS}</style>")


def _map_image(atlas: Dataset, view: EventFilter, lang: Lang, fmt: ImageFormat) -> bytes:
    """The picture, made only when a button is clicked: copying the shown events every run cost 2/3 of a
    slider step at 100,000 events. matplotlib, which draws it, is imported here too: it took a second of a
    restarted server's first page."""
    from gasatlas.map import staticmap

    return staticmap.render_map(atlas, view, view.shown(atlas), lang, fmt)


def map_downloads(atlas: Dataset, lang: Lang) -> None:
    """PNG and SVG of the map as the view stands: network on its last day, the events its filters let through."""
    print_friendly()
    view = state.view().filter
    stem = f"gas-atlas-map-{view.dates.start.isoformat()}-{view.dates.end.isoformat()}-{lang}"
    columns = st.columns(2, gap="small")
    for column, fmt in zip(columns, IMAGE_FORMATS, strict=True):
        column.download_button(
            gettext(MAP_DOWNLOADS[fmt], lang), functools.partial(_map_image, atlas, view, lang, fmt),
            file_name=f"{stem}.{fmt}", mime=MIME[fmt], on_click="ignore", icon=":material/download:",
            key=f"map-download-{fmt}", help=gettext("The map as drawn now (network on the last day, events in view), "
                                                    "framed on the atlas's region, with legend, scale, sources and "
                                                    "credits. To print the page itself, use the browser's Print.",
                                                    lang), width="stretch")


def chart_downloads(chart: alt.TopLevelMixin, name: str, lang: Lang) -> None:
    """PNG and SVG buttons for a chart, beside it (through Altair's own exporter, ``exports.chart_image``)."""
    columns = st.columns([1, 1, 4], gap="small")[:2]  # the buttons side by side at the chart's left
    for column, fmt in zip(columns, IMAGE_FORMATS, strict=True):
        column.download_button(gettext(CHART_DOWNLOADS[fmt], lang), functools.partial(chart_image, chart, fmt),
                               file_name=f"gas-atlas-{name}-{lang}.{fmt}", mime=MIME[fmt], on_click="ignore",
                               icon=":material/download:", key=f"{name}-download-{fmt}", type="tertiary")
