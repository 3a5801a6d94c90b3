"""Data frames shaped for reading: the events table beside the map."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from gasatlas.dataset import columnar
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, label
from gasatlas.i18n.formats import format_date
from gasatlas.map.cards import volume_text
from gasatlas.map.layers import EVENT_LAYER_COLUMNS
from gasatlas.model.status import status_as_of
from gasatlas.model.vocab import EventType, Lang

EVENT_TABLE_HEADINGS = {"date": N_("Date"), "title": N_("Event"), "participants": N_("Participants"),
                        "source": N_("Source"), "type": N_("Type"), "place": N_("Place"), "volume": N_("Volume, bcm")}
"""In the order a reader needs them: what happened when, who took part and who reported it come first."""
EVENT_TABLE_COLUMNS = tuple(EVENT_TABLE_HEADINGS)
SOURCE_COLUMNS = ("id", "date_text_en", "date_text_ru", "title_en", "title_ru", "event_type", "place_name_en",
                  "place_name_ru", "participants", "source_url", "volume_bcm", "volume_period")
"""The events columns the table is made from."""
SOURCE_HOST = r"https?://(?:www\.)?([^/]+)"
"""How a table shows a source link: by its host, without "www." (a Streamlit ``LinkColumn``'s ``display_text``)."""
MISSING = "—"
"""What every table shows for a missing value (``st.dataframe``'s ``placeholder``; its default is "None")."""
SHOWN_COLUMNS = ("id", "status")
"""What the map page copies of each shown event: the map reads its columns from a file (``event_columns``),
the table from ``atlas.events`` for the page in view only (``page_rows``). Copying the table's and the layer's
16 columns of 100,000 shown events took longer than the rest of a slider step's rerun."""


def map_page_columns(atlas: Dataset) -> tuple[str, ...]:
    """The columns the map page copies of the shown events: with a contributor's own submissions (not in the
    map's file, carried by the layer itself) the layer's columns too."""
    return tuple(dict.fromkeys([*SHOWN_COLUMNS, *EVENT_LAYER_COLUMNS])) if atlas.holds_pending else SHOWN_COLUMNS


def _participant_names(events: pd.DataFrame, atlas: Dataset, lang: Lang) -> list[str]:
    """Each event's participants as a comma-separated list of names (each distinct group joined once)."""
    names = dict(zip(atlas.actors["id"].tolist(), atlas.actors[f"name_{lang}"].tolist(), strict=True))
    groups = events["participants"].tolist()
    joined = {group: ", ".join(names.get(actor, actor) for actor in group) for group in dict.fromkeys(groups)}
    return [joined[group] for group in groups]


def _rows_of(events: pd.DataFrame, atlas: Dataset) -> np.ndarray | None:
    """Where each of ``events`` sits in ``atlas.events``, if it was picked from it (index and id agree)."""
    index = events.index
    if not pd.api.types.is_integer_dtype(index.dtype) or len(atlas.events) != len(atlas.events.index):
        return None
    rows: np.ndarray = index.to_numpy()
    if len(rows) and (rows.min() < 0 or rows.max() >= len(atlas.events)):
        return None
    if not atlas.events.index.equals(pd.RangeIndex(len(atlas.events))):
        return None
    if not _same_ids(atlas.events["id"], rows, events["id"]):
        return None
    return rows


def _same_ids(ids: pd.Series, rows: np.ndarray, picked: pd.Series) -> bool:
    """Whether ``picked`` holds ``ids`` at ``rows``, compared in Arrow when both are Arrow strings: converting
    100,000 ids to Python strings twice a rerun cost more than the table's whole page."""
    if isinstance(ids.dtype, pd.StringDtype) and isinstance(picked.dtype, pd.StringDtype):
        equal = pc.equal(pa.array(ids.array).take(pa.array(rows)), pa.array(picked.array))
        return bool(equal.null_count == 0 and pc.all(equal).as_py() is not False)
    return bool(np.array_equal(ids.to_numpy()[rows], picked.to_numpy()))


DATE_NOTE = r"\s+\([^()]*\)$"
"""A date's closing note in brackets ("mid-Oct 2023 (reported by 18 Oct)"): left to the event's card, so that
the table's date column shows every date whole in one narrow column."""


def events_table(events: pd.DataFrame, atlas: Dataset, lang: Lang) -> pd.DataFrame:
    """One row per shown event, in the reader's language, in the same order as ``events``.

    Dates are written no more precisely than they are known (without their closing note, see ``DATE_NOTE``);
    people are named, not referenced by id; nothing known is left empty (``None``, for the table's
    placeholder). The event id is the (hidden) index.
    """
    type_labels = {str(code): label(code, lang) for code in EventType}
    # Columns are taken as they are (no conversion of 100,000 strings back and forth).
    table = events[[f"date_text_{lang}", f"title_{lang}", f"place_name_{lang}", "source_url"]].set_axis(
        ["date", "title", "place", "source"], axis=1)
    table["date"] = table["date"].str.replace(DATE_NOTE, "", regex=True)
    codes, types = pd.factorize(events["event_type"])
    table["type"] = np.array([type_labels.get(str(kind)) for kind in types] + [None], dtype=object)[codes]
    table["participants"] = _participant_names(events, atlas, lang)
    table["participants"] = table["participants"].where(table["participants"] != "")
    table["volume"] = _volumes(events, lang)
    table.index = pd.Index(events["id"], name="id")
    return table[list(EVENT_TABLE_COLUMNS)]


def _volumes(events: pd.DataFrame, lang: Lang) -> np.ndarray:
    """The volume each event's source gives, as written in its card ("2.8 bcm a year"); None without one.
    Most events give none, so only those that do are formatted."""
    volumes = np.full(len(events), None, dtype=object)
    given = np.flatnonzero(events["volume_bcm"].notna().to_numpy())
    for row in given:
        volumes[row] = volume_text(float(events["volume_bcm"].iat[row]), events["volume_period"].iat[row], lang)
    return volumes


@dataclass(frozen=True)
class TableSort:
    """How the whole events table is ordered: by one of ``EVENT_TABLE_COLUMNS``, rising or falling.

    Dates sort as dates (the day the record stands for), text case-blind, missing values last either way;
    ties keep the atlas's order (by date)."""

    column: str = "date"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in EVENT_TABLE_COLUMNS:
            raise ValueError(f"the events table has no column {self.column!r}")


_SORT_KEYS: dict[tuple[int, int, str, str], tuple[weakref.ref[Any], weakref.ref[Any], np.ndarray]] = {}


def _sort_codes(events: pd.DataFrame, names: np.ndarray | list[str] | None, column: str, lang: Lang) -> np.ndarray:
    """Each event's place in the order of ``column`` as an integer (equal values share one; -1: missing).

    ``names`` are the events' participants by name (``_participant_names``), needed for that column only."""
    if column == "date":
        values: pd.Series = events["date"]
    elif column == "volume":  # as numbers: bcm, a year's before a day's of the same size (rare; kept apart)
        values = events["volume_bcm"]
    elif column == "participants":
        values = pd.Series(names, index=events.index, dtype=object)
    elif column == "type":
        values = events["event_type"].map({str(code): label(code, lang) for code in EventType})
    elif column == "source":
        url = events["source_url"]
        values = url.str.extract(SOURCE_HOST, expand=False).fillna("") + " " + url
    else:
        values = events[f"{'title' if column == 'title' else 'place_name'}_{lang}"]
    if column not in ("date", "volume"):
        values = values.astype(object).where(values.notna() & (values.astype(str).str.strip() != ""))
        values = values.str.casefold()
    codes, _ = pd.factorize(values, sort=True, use_na_sentinel=True)
    return np.asarray(codes)


def _atlas_sort_codes(atlas: Dataset, column: str, lang: Lang) -> np.ndarray:
    """``_sort_codes`` of every event of the atlas: built once per dataset, column and language (the frames
    are shared and never modified), so a rerun only sorts small integers."""
    key = (id(atlas.events), id(atlas.actors), column, lang)
    entry = _SORT_KEYS.get(key)
    if entry is None or entry[0]() is not atlas.events or entry[1]() is not atlas.actors:
        names = _participant_names(atlas.events, atlas, lang) if column == "participants" else None
        entry = (weakref.ref(atlas.events), weakref.ref(atlas.actors), _sort_codes(atlas.events, names, column, lang))
        _SORT_KEYS[key] = entry
        weakref.finalize(atlas.events, _SORT_KEYS.pop, key, None)
    return entry[2]


def sort_positions(events: pd.DataFrame, atlas: Dataset, order: TableSort, lang: Lang) -> np.ndarray:
    """Where each row of ``events`` goes in the order ``order`` asks for (``events.iloc`` positions): all of
    them, before the table is cut into pages, so that page 2 follows page 1. Only the page's rows need
    copying then. Fast when ``events`` were picked from ``atlas.events`` (the codes are cached; only ``id`` is
    needed then), else ``events`` must hold the ``SOURCE_COLUMNS``."""
    rows = _rows_of(events, atlas)
    if rows is not None:
        codes = _atlas_sort_codes(atlas, order.column, lang)[rows]
    else:
        names = _participant_names(events, atlas, lang) if order.column == "participants" else None
        codes = _sort_codes(events, names, order.column, lang)
    missing = codes < 0
    # Missing values go last in both directions: after every code rising, after every negated code falling.
    keys = np.where(missing, 1, -codes) if order.descending else np.where(missing, codes.max(initial=0) + 1, codes)
    return np.argsort(keys, kind="stable")


def page_rows(events: pd.DataFrame, atlas: Dataset, positions: np.ndarray) -> pd.DataFrame:
    """The rows at ``positions`` (``iloc``) of ``events`` with the table's columns: read from ``atlas.events``
    when ``events`` were picked from it (the map page copies only the shown events' ids), else from ``events``.
    Only the page's rows are checked against the atlas, not every shown event."""
    picked = events.iloc[positions]
    rows = _rows_of(picked, atlas)
    if rows is None:
        return picked
    # Columns first: taking rows of every column would read the whole (memory-mapped) frame in.
    return columnar.rows_taken(atlas.events[list(SOURCE_COLUMNS)], rows)


def sorted_events(events: pd.DataFrame, atlas: Dataset, order: TableSort, lang: Lang) -> pd.DataFrame:
    """``events`` in the order ``order`` asks for (see ``sort_positions``)."""
    return events.iloc[sort_positions(events, atlas, order, lang)]


@dataclass(frozen=True)
class TablePage:
    """One page of a long table: rows ``start`` up to ``stop`` (exclusive) of ``total``; page ``number`` of
    ``count``, counted from 0. A browser is sent one page, not 100,000 rows on every rerun."""

    number: int
    count: int
    start: int
    stop: int
    total: int

    @classmethod
    def of(cls, total: int, rows_per_page: int, number: int) -> TablePage:
        """Page ``number`` of a table of ``total`` rows, brought into range (the table may have shrunk since
        the reader chose it); an empty table has one empty page."""
        count = max(1, -(-total // rows_per_page))
        number = min(max(number, 0), count - 1)
        start = number * rows_per_page
        return cls(number, count, start, min(total, start + rows_per_page), total)

    @classmethod
    def holding(cls, row: int, total: int, rows_per_page: int) -> TablePage:
        """The page that shows ``row``."""
        return cls.of(total, rows_per_page, row // rows_per_page)


def event_table_headers(lang: Lang) -> dict[str, str]:
    return {column: gettext(heading, lang) for column, heading in EVENT_TABLE_HEADINGS.items()}


def _history_text(history: Any, lang: Lang) -> str:
    parts = []
    for change in history:
        when = format_date(change["from"], change["from_precision"], lang) if change["from"] else "…"
        parts.append(f"{when}: {label(change['status'], lang)}")
    return " → ".join(parts)


def routes_table(routes: pd.DataFrame, countries: pd.DataFrame, as_of: Any, lang: Lang) -> pd.DataFrame:
    """Every route with its figures, its status on ``as_of`` and its whole history in one line."""
    names = dict(zip(countries["iso_a3"], countries[f"name_{lang}"], strict=True))
    statuses = [status_as_of(history, as_of) for history in routes["status_history"]]
    return pd.DataFrame(
        {
            "name": routes[f"name_{lang}"].to_numpy(),
            "kind": [label(kind, lang) for kind in routes["kind"]],
            "status": [label(s["status"], lang) if s else "—" for s in statuses],
            "capacity": routes["capacity_bcm"].to_numpy(),
            "length": routes["length_km"].to_numpy(),
            "operator": routes["operator" if lang == "en" else "operator_ru"].to_numpy(),
            "countries": [", ".join(names.get(c, c) for c in codes) for codes in routes["countries"]],
            "history": [_history_text(history, lang) for history in routes["status_history"]],
            "source": routes["source_url"].to_numpy(),
        },
        index=pd.Index(routes["id"].to_numpy(), name="id"),
    )


def facilities_table(facilities: pd.DataFrame, countries: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    names = dict(zip(countries["iso_a3"], countries[f"name_{lang}"], strict=True))
    return pd.DataFrame(
        {
            "name": facilities[f"name_{lang}"].to_numpy(),
            "kind": [label(kind, lang) for kind in facilities["kind"]],
            "country": [names.get(code, code) for code in facilities["country"]],
            "capacity": facilities["capacity_bcm"].to_numpy(),
            "precision": [label(p, lang) for p in facilities["geo_precision"]],
            "source": facilities["source_url"].to_numpy(),
        },
        index=pd.Index(facilities["id"].to_numpy(), name="id"),
    )
