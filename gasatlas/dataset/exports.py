"""Downloads: events, flows, routes and facilities as CSV, GeoJSON and Excel, charts as PNG and SVG, and how to
cite a view.

Every export is built from data frames the app already holds, so what a reader
downloads is exactly what the filtered table shows. The CSV is the format of
``data/events.csv``, so a download can be re-imported without loss.

Texts come from anyone who may add events, and a spreadsheet reads a cell that
begins with ``=``, ``+``, ``-`` or ``@`` as a formula (OWASP: CSV injection). So
CSV cells that a spreadsheet would evaluate get a leading apostrophe, which every
reader of the ``data/`` formats removes again (``sanitize.unguard_cell``, applied by
``gasatlas.dataset.load``), and Excel cells are written as text, never as formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from gasatlas.model.sanitize import guard_cell
from gasatlas.model.schema import EVENT_COLUMNS, FLOW_COLUMNS, LIST_SEPARATOR, unix_lines

if TYPE_CHECKING:
    import altair as alt

# Excel's and Vega's writers (openpyxl, vl-convert) are imported by the functions that use them: together with
# Altair they took a third of a restarted server's first page, for files a reader makes only by a click.

ImageFormat = Literal["png", "svg"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
"""The picture formats of every download of a map or a chart: PNG to print, SVG to edit."""

ROUTE_PROPERTIES = ("id", "name_en", "name_ru", "kind", "capacity_bcm", "length_km", "countries", "operator",
                    "operator_ru", "description_en", "description_ru", "geometry_quality", "geometry_licence",
                    "status_history", "source_title", "source_url")
FACILITY_PROPERTIES = ("id", "name_en", "name_ru", "kind", "country", "geo_precision", "capacity_bcm", "note_en",
                       "note_ru", "source_title", "source_url")
LICENCE_NOTE = (
    "Route geometries: Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0); lines traced from "
    "OpenStreetMap are (c) OpenStreetMap contributors and available under the ODbL 1.0 (share-alike). "
    "See data/README.md of Central Asia Gas Atlas."
)


def _plain(value: Any) -> Any:
    """A value as JSON or CSV can hold it: ISO dates, lists for tuples, None for NaN."""
    if isinstance(value, pd.Timestamp | dt.date):
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def _csv_cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return guard_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if isinstance(value, str):  # the csv module would leave a lone carriage return unquoted: a broken row
        return guard_cell(unix_lines(value))
    return str(value)


def records_csv(records: Iterable[Mapping[str, Any]], columns: Iterable[str]) -> str:
    """Records as CSV with the given columns in order, lists joined the way the data files join them."""
    columns = list(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_cell(record.get(column)) for column in columns])
    return buffer.getvalue()


def table_csv(frame: pd.DataFrame) -> str:
    """Any other table a reader downloads (the audit log…) as CSV through the same guard as the events; times
    keep their time of day (``_plain`` reduces a timestamp to its date, as the data files hold dates)."""
    columns = [str(column) for column in frame.columns]
    return records_csv(({column: value.isoformat() if isinstance(value, dt.datetime) else value
                         for column, value in zip(columns, row, strict=True)}
                        for row in frame.itertuples(index=False, name=None)), columns)


def events_csv(events: Iterable[Mapping[str, Any]]) -> str:
    """Events in the exact format of ``data/events.csv``: its columns, order and list cells."""
    return records_csv(events, EVENT_COLUMNS)


def flows_csv(flows: pd.DataFrame) -> str:
    """Flow figures in the exact format of ``data/flows.csv``: a download is a valid flows file."""
    return records_csv(frame_records(flows, FLOW_COLUMNS), FLOW_COLUMNS)


def frame_records(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict[str, Any]]:
    wanted = [column for column in columns if column in frame.columns]
    return [{column: _plain(value) for column, value in zip(wanted, row, strict=True)}
            for row in frame[wanted].itertuples(index=False, name=None)]


def events_geojson(events: pd.DataFrame) -> dict[str, Any]:
    """Events as GeoJSON points; properties are the events.csv columns (lists stay lists)."""
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
         "properties": record}
        for record in frame_records(events, EVENT_COLUMNS)
    ]
    return {"type": "FeatureCollection", "features": features}


def routes_geojson(routes: pd.DataFrame) -> dict[str, Any]:
    features = [
        {"type": "Feature", "geometry": geometry, "properties": record}
        for record, geometry in zip(frame_records(routes, ROUTE_PROPERTIES), routes["geometry"], strict=True)
    ]
    return {"type": "FeatureCollection", "licence": LICENCE_NOTE, "features": features}


def facilities_geojson(facilities: pd.DataFrame) -> dict[str, Any]:
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": record}
        for record, lat, lon in zip(frame_records(facilities, FACILITY_PROPERTIES), facilities["lat"],
                                    facilities["lon"], strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def geojson_text(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1)


def events_excel(events: pd.DataFrame) -> bytes:
    """The events as an Excel workbook, one row per event in the events.csv columns.

    Every text is a text cell, marked "quote prefix" as Excel does for text typed
    after an apostrophe: a title such as ``=HYPERLINK(…)`` shows as written and
    stays text even when the cell is edited.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "events"
    sheet.append(list(EVENT_COLUMNS))
    for number, record in enumerate(frame_records(events, EVENT_COLUMNS), start=2):
        for column, name in enumerate(EVENT_COLUMNS, start=1):
            value = record.get(name)
            if isinstance(value, list):
                value = LIST_SEPARATOR.join(str(item) for item in value)
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
                cell.quotePrefix = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CHART_EXPORT_WIDTH = 900
"""Pixels a chart is drawn across when exported: the page's width does not exist outside the browser."""
CHART_PNG_SCALE = 3
"""PNG charts at three times screen size: about 2700 pixels across, sharp in print."""


def chart_image(chart: alt.TopLevelMixin, fmt: ImageFormat) -> bytes:
    """A chart as PNG or SVG through Altair's own exporter (vl-convert: Vega in-process, offline, no browser),
    with the fonts, colours and the reader's locale the page draws it with."""
    import vl_convert

    spec = chart.properties(width=CHART_EXPORT_WIDTH).to_dict()
    if fmt == "png":
        return bytes(vl_convert.vegalite_to_png(spec, scale=CHART_PNG_SCALE))
    return vl_convert.vegalite_to_svg(spec).encode()
