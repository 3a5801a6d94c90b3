"""The events as the browser keeps them: column arrays, written once per dataset version as a static file.

A rerun (a slider step, a filter, a click) used to send every shown event's columns again — about 5 MB at
100,000 events. The map now fetches the columns of every published event once per dataset version and
language (the file's name says both, so the browser's copy stays good as long as the name does), and each
rerun sends only which of them are shown: one bit per event, 17 kB at 100,000. Rows the file does not hold —
a contributor's own submissions awaiting review — travel with the layer itself, so the public file never holds
an unreviewed event.
"""

from __future__ import annotations

import base64
import os
import re
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from gasatlas.dataset import diskcache
from gasatlas.i18n import gettext
from gasatlas.map.assets import URL_FROM_COMPONENT
from gasatlas.model.palette import EVENT_TYPE_COLOR
from gasatlas.model.sanitize import js_json
from gasatlas.model.vocab import GeoPrecision, Lang, RecordStatus

COLUMNS_FOLDER = "events"
"""The static folder's subfolder holding the column files."""
KEEP_FILES = 8
"""Column files kept in the folder however old (the newest): a page showing an older version has its copy."""
KEEP_SECONDS = 600
"""Column files written or used this recently are kept too: a page may be about to fetch one (several server
processes may share the static folder, each with its own data)."""
COORDINATE_SCALE = 10_000
"""Event positions travel as whole numbers of 1/10,000 degree (about 11 m): shorter and faster to write than
floats."""
TOOLTIP_TITLES_UP_TO = 5_000
"""Above this many events, marker tooltips show only the date: titles would dominate the columns."""
EVENT_TYPES = [str(kind) for kind in EVENT_TYPE_COLOR]
"""Event types by their code in the ``t`` column."""
_SAFE_NAME = re.compile(r"[^A-Za-z0-9-]")


def _codes(column: pd.Series, index: dict[str, int]) -> list[int]:
    """``column`` mapped through ``index``, each distinct value looked up once."""
    codes, values = pd.factorize(column)
    looked_up = np.array([index[str(value)] for value in values] + [-1], dtype=np.int64)
    return cast(list[int], looked_up[codes].tolist())


def columns_data(events: pd.DataFrame, lang: Lang, with_titles: bool) -> dict[str, Any]:
    """The columns ``map/js/events.js`` draws markers from: a few dozen bytes per event, no popup (the selected
    event's popup comes with the selection layer)."""
    data: dict[str, Any] = {
        "id": events["id"].tolist(),
        "lat": (events["lat"] * COORDINATE_SCALE).round().astype("int64").tolist(),
        "lon": (events["lon"] * COORDINATE_SCALE).round().astype("int64").tolist(),
        "t": _codes(events["event_type"], {kind: code for code, kind in enumerate(EVENT_TYPES)}),
        "p": (events["geo_precision"] == GeoPrecision.COUNTRY).astype(int).tolist(),
        "date": events[f"date_text_{lang}"].tolist(),
    }
    if with_titles:
        data["title"] = events[f"title_{lang}"].tolist()
    pending = events["status"] == RecordStatus.PENDING
    if pending.any():  # the reader's own submissions, not yet reviewed
        data["pending"] = pending.astype(int).tolist()
        data["unreviewed"] = gettext("unreviewed", lang)
    return data


@dataclass(frozen=True)
class EventColumns:
    """A column file of published events: its address seen from the map's frame, and the ids it holds in its
    order (an index, so finding the shown rows is one hash lookup per row)."""

    url: str
    path: Path
    ids: pd.Index
    with_titles: bool
    written_from: weakref.ref[pd.DataFrame] | None = None
    """The events frame the file holds row for row (a range index, nothing pending), while it lives: rows picked
    from it are found by their labels, without looking up 100,000 ids."""


def _prune(folder: Path) -> None:
    """Delete the column files beyond the ``KEEP_FILES`` newest that nobody used for ``KEEP_SECONDS`` (a data
    change per news batch would pile them up)."""
    ages = {path: path.stat().st_mtime for path in folder.glob("*.json")}
    newest = sorted(ages, key=ages.__getitem__, reverse=True)
    now = time.time()
    for stale in newest[KEEP_FILES:]:
        if now - ages[stale] > KEEP_SECONDS:
            stale.unlink(missing_ok=True)


def publish(events: pd.DataFrame, lang: Lang, version: str, static_dir: Path) -> EventColumns:
    """Write the published ``events``' columns for ``lang`` into the static folder (once per ``version``, the
    dataset's ``events_version``) and say where the map finds them. Rows awaiting review are left out."""
    public = events[events["status"] != RecordStatus.PENDING]
    with_titles = len(public) <= TOOLTIP_TITLES_UP_TO
    name = f"{_SAFE_NAME.sub('_', version)}-{lang}-{int(with_titles)}.json"
    path = static_dir / COLUMNS_FOLDER / name
    if not path.exists():  # written once per version; two server processes may write it at once
        with diskcache.written_in_place(path) as file:
            file.write(js_json(columns_data(public, lang, with_titles)).encode("utf-8"))
    os.utime(path)  # in use: the newest for _prune
    _prune(path.parent)
    ids = pd.Index(public["id"].to_numpy(dtype=object), dtype=object)  # Arrow strings are converted per lookup
    whole = len(public) == len(events) and events.index.equals(pd.RangeIndex(len(events)))
    return EventColumns(f"{URL_FROM_COMPONENT}{COLUMNS_FOLDER}/{name}", path, ids, with_titles,
                        weakref.ref(events) if whole else None)


@dataclass(frozen=True)
class ShownRows:
    """Which rows of a column file are shown (a little-endian bitset, base64) and the shown rows it lacks."""

    bits: str
    extra: pd.DataFrame


def shown_rows(columns: EventColumns, shown: pd.DataFrame, picked_from: pd.DataFrame | None = None) -> ShownRows:
    """The shown events as bits over ``columns``' rows; a pending row is always extra, even when a published
    event has its id (a correction awaiting review is drawn as such). ``picked_from`` is the frame ``shown``
    was filtered from, keeping its labels: when the file was written from that very frame, the labels are the
    rows."""
    if picked_from is not None and columns.written_from is not None and columns.written_from() is picked_from:
        positions = shown.index.to_numpy(dtype=np.int64, copy=True)
    else:
        positions = columns.ids.get_indexer(shown["id"].to_numpy(dtype=object))
        positions[(shown["status"] == RecordStatus.PENDING).to_numpy()] = -1
    mask = np.zeros(len(columns.ids), dtype=bool)
    mask[positions[positions >= 0]] = True
    bits = base64.b64encode(np.packbits(mask, bitorder="little").tobytes()).decode("ascii")
    return ShownRows(bits, shown[positions < 0])
