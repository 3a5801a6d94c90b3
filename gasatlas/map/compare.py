"""Two moments side by side: what changed in the network, the agreements and events, and the gas flows.

A journalist asks "what was different in October 2023 from a year before?". Every answer here is a
pure function of the dataset and two days, so the page, its map and the tests read the same frames.
The earlier day is excluded and the later one included: a change dated on the first day was already
in force then. Flows are compared year against year (a year's figure is the atlas's unit of gas that
moved), each kind apart, and a missing figure stays missing — never a zero, never a 100 % fall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

import folium
import numpy as np
import pandas as pd

from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter
from gasatlas.analysis.flows import (
    BALANCE_DIRECTIONS,
    FLOW_KINDS_IN_BALANCE,
    country_balance,
    direction_label,
    flows_of_year,
    used,
)
from gasatlas.i18n import N_, gettext, label
from gasatlas.i18n.formats import format_change, format_date, format_number, format_percent_change
from gasatlas.map.layers import FLOW_LABELS_JS, LABELS_PANE, flow_label_point
from gasatlas.map.leaflet import ScriptLayer
from gasatlas.model.sanitize import html_text
from gasatlas.model.vocab import EventType, FlowScope, Lang, RouteStatus

CHANGE_KINDS: dict[str, str] = {
    "built": N_("Built / started operating"), "reversed": N_("Reversed"), "suspended": N_("Suspended"),
    "resumed": N_("Resumed"), "construction": N_("Construction started"), "proposed": N_("Proposed"),
    "mothballed": N_("Mothballed"), "updated": N_("Updated (still operating)"),
}
"""What a dated status change did to a route, in the order a reader scans them, with its words."""
FIGURE, GAP, NONE = "figure", "gap", "none"
"""What the atlas holds for a route direction in a year: a whole-year figure, a gap row saying no public
figure was found, or nothing at all."""


@dataclass(frozen=True)
class Moments:
    """Two days in order: ``before`` is the earlier, ``after`` the later (given in either order)."""

    before: dt.date
    after: dt.date

    @classmethod
    def of(cls, one: dt.date, other: dt.date) -> Moments:
        return cls(min(one, other), max(one, other))

    @property
    def between(self) -> DateRange | None:
        """The days after ``before`` up to ``after``, both excluded and included; None for the same day twice."""
        first = self.before + dt.timedelta(days=1)
        return DateRange(first, self.after) if first <= self.after else None


def change_kind(old: str | None, new: str) -> str:
    """How a route went from status ``old`` (None: not yet recorded) to ``new``."""
    if new == RouteStatus.OPERATING:
        if old in (None, RouteStatus.PROPOSED, RouteStatus.UNDER_CONSTRUCTION):
            return "built"
        return "resumed" if old in (RouteStatus.SUSPENDED, RouteStatus.MOTHBALLED) else "updated"
    return {RouteStatus.REVERSED: "reversed", RouteStatus.SUSPENDED: "suspended",
            RouteStatus.UNDER_CONSTRUCTION: "construction", RouteStatus.PROPOSED: "proposed",
            RouteStatus.MOTHBALLED: "mothballed"}[RouteStatus(new)]


ROUTE_CHANGE_COLUMNS = ["route_id", "date", "date_precision", "old_status", "new_status", "change",
                        "note_en", "note_ru"]


def route_changes(routes: pd.DataFrame, moments: Moments) -> pd.DataFrame:
    """Every dated status change between the two moments, oldest first — also one undone before the second
    (a suspension lifted nine days later is news even if both ends show the route operating)."""
    rows = []
    for route in routes.itertuples():
        old = None
        for entry in route.status_history:
            start = entry["from"]
            if start is not None and moments.before < start <= moments.after:
                rows.append({"route_id": route.id, "date": start, "date_precision": entry["from_precision"],
                             "old_status": old, "new_status": str(entry["status"]),
                             "change": change_kind(old, entry["status"]),
                             "note_en": entry["direction_note"], "note_ru": entry["direction_note_ru"]})
            old = str(entry["status"])
    frame = pd.DataFrame(rows, columns=ROUTE_CHANGE_COLUMNS)
    return frame.sort_values(["date", "route_id"], kind="stable").reset_index(drop=True)


def events_between(events: pd.DataFrame, moments: Moments, view: EventFilter | None = None) -> pd.DataFrame:
    """The events after the first moment up to the second that the reader's other filters let through (their
    own date range gives way to the two moments)."""
    between = moments.between
    if between is None:
        return events.iloc[0:0]
    return apply_filter(events, replace(view or EventFilter(), dates=between))


def agreements(events: pd.DataFrame) -> pd.DataFrame:
    """The contracts, roadmaps and intergovernmental agreements among ``events``."""
    return events[events["event_type"] == EventType.AGREEMENT]


FLOW_KEY = ["route_id", "from_country", "to_country", "scope", "value_kind"]
FLOW_CHANGE_COLUMNS = [*FLOW_KEY, "volume_before", "volume_after", "state_before", "state_after", "change_bcm",
                       "change_pct", "source_before", "url_before", "source_after", "url_after"]


def _percent(before: pd.Series, after: pd.Series) -> pd.Series:
    """The change as a share of the first figure; undefined (NaN) where either is missing or the first is 0."""
    ratio = (after - before) / before.where(before != 0)
    return (ratio * 100).round(1)


def _year_figures(flows: pd.DataFrame, year: int) -> pd.DataFrame:
    yearly = flows_of_year(used(flows), year)
    yearly = yearly[yearly["whole_year"] & yearly["value_kind"].isin(FLOW_KINDS_IN_BALANCE)]
    return yearly.sort_values("id", kind="stable").drop_duplicates(FLOW_KEY)


def _gap_keys(gaps: pd.DataFrame, year: int) -> set[tuple[str, str, str]]:
    if gaps.empty:
        return set()
    rows = flows_of_year(gaps, year)
    return set(zip(rows["route_id"], rows["from_country"], rows["to_country"], strict=True))


def flow_changes(flows: pd.DataFrame, gaps: pd.DataFrame, year_before: int, year_after: int) -> pd.DataFrame:
    """Whole-year figures of ``year_before`` beside ``year_after``, one row per route, direction, scope and kind
    (reported, estimated and contracted volumes apart; capacities are not flows).

    Where a year has no figure, its volume is NaN and ``state_*`` says whether a gap row records that no public
    figure was found (``gap``) or the atlas holds nothing (``none``); the change is then undefined, not a zero.
    """
    before, after = _year_figures(flows, year_before), _year_figures(flows, year_after)
    columns = {"volume_bcm": "volume", "source_title": "source", "source_url": "url"}
    merged = pd.merge(before[[*FLOW_KEY, *columns]].rename(columns={k: f"{v}_before" for k, v in columns.items()}),
                      after[[*FLOW_KEY, *columns]].rename(columns={k: f"{v}_after" for k, v in columns.items()}),
                      on=FLOW_KEY, how="outer")
    for year, side in ((year_before, "before"), (year_after, "after")):
        holes = _gap_keys(gaps, year)
        keys = zip(merged["route_id"], merged["from_country"], merged["to_country"], strict=True)
        merged[f"state_{side}"] = np.where(merged[f"volume_{side}"].notna(), FIGURE,
                                           [GAP if key in holes else NONE for key in keys])
    merged["change_bcm"] = (merged["volume_after"] - merged["volume_before"]).round(3)
    merged["change_pct"] = _percent(merged["volume_before"], merged["volume_after"])
    kind_order = {str(kind): rank for rank, kind in enumerate(FLOW_KINDS_IN_BALANCE)}
    merged = merged.assign(order=merged["value_kind"].map(kind_order))
    merged = merged.sort_values(["route_id", "order", "scope", "from_country", "to_country"], kind="stable")
    return merged[FLOW_CHANGE_COLUMNS].reset_index(drop=True)


COUNTRY_CHANGE_COLUMNS = ["country", "direction", "value_kind", "volume_before", "volume_after", "routes_before",
                          "routes_after", "change_bcm", "change_pct"]


def _country_totals(flows: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    balance = country_balance(flows, country, year)
    yearly = balance[balance["whole_year"]]
    return yearly.groupby(["direction", "value_kind"], sort=False).agg(
        volume=("volume_bcm", "sum"), routes=("route_id", lambda ids: tuple(sorted(set(ids))))).reset_index()


def country_changes(flows: pd.DataFrame, countries: Collection[str], year_before: int,
                    year_after: int) -> pd.DataFrame:
    """Each country's whole-year gas in, out, across and for processing in the two years, per kind.

    A total adds up only the routes with a figure; when the routes counted differ between the years the
    two totals measure different things, so the change is left undefined rather than shown as growth or a
    fall (``routes_*`` name the routes each total rests on).
    """
    rows = []
    for country in countries:
        before = _country_totals(flows, country, year_before)
        after = _country_totals(flows, country, year_after)
        merged = pd.merge(before, after, on=["direction", "value_kind"], how="outer", suffixes=("_before", "_after"))
        rows.append(merged.assign(country=country))
    if not rows:
        return pd.DataFrame(columns=COUNTRY_CHANGE_COLUMNS)
    frame = pd.concat(rows, ignore_index=True)
    same = [isinstance(a, tuple) and a == b for a, b in zip(frame["routes_before"], frame["routes_after"],
                                                             strict=True)]
    change = (frame["volume_after"] - frame["volume_before"]).round(3)
    frame = frame.assign(change_bcm=change.where(same), change_pct=_percent(frame["volume_before"],
                                                                            frame["volume_after"]).where(same))
    return frame[COUNTRY_CHANGE_COLUMNS].reset_index(drop=True)


def changed_route_ids(changes: pd.DataFrame) -> list[str]:
    """The routes with a status change between the moments, each once, in the order of their first change."""
    return list(dict.fromkeys(changes["route_id"]))



def _names(frame: pd.DataFrame, key: str, lang: Lang) -> dict[str, str]:
    return dict(zip(frame[key], frame[f"name_{lang}"], strict=True))


def readable_route_changes(changes: pd.DataFrame, routes: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The status changes as a reader sees them: when (no more precise than known), route, what happened."""
    names = _names(routes, "id", lang)
    return pd.DataFrame({
        "date": [format_date(day, precision, lang) for day, precision in zip(changes["date"],
                                                                              changes["date_precision"], strict=True)],
        "route": [names.get(route, route) for route in changes["route_id"]],
        "change": [gettext(CHANGE_KINDS[kind], lang) for kind in changes["change"]],
        "was": [label(old, lang) if old else gettext("not yet recorded", lang) for old in changes["old_status"]],
        "now": [label(new, lang) for new in changes["new_status"]],
        "note": changes[f"note_{lang}"].fillna("").to_numpy(),
    })


def _volume_text(volume: float, state: str, lang: Lang) -> str:
    """A year's volume, or why there is none: "no figure" is never written as 0."""
    if state == FIGURE:
        return format_number(volume, lang)
    return gettext("no public figure", lang) if state == GAP else gettext("no figure", lang)


def _change_texts(frame: pd.DataFrame, lang: Lang) -> tuple[list[str], list[str]]:
    bcm = ["—" if pd.isna(value) else format_change(value, lang) for value in frame["change_bcm"]]
    pct = ["—" if pd.isna(value) else format_percent_change(value, lang) for value in frame["change_pct"]]
    return bcm, pct


def readable_flow_changes(changes: pd.DataFrame, routes: pd.DataFrame, countries: pd.DataFrame,
                          lang: Lang) -> pd.DataFrame:
    """``flow_changes`` as text: each kind named, a missing figure said in words, a change only between figures."""
    route_names, country_names = _names(routes, "id", lang), _names(countries, "iso_a3", lang)
    bcm, pct = _change_texts(changes, lang)
    kinds = [label(kind, lang) + (f" · {label(scope, lang)}" if scope == FlowScope.ROUTE_TOTAL else "")
             for kind, scope in zip(changes["value_kind"], changes["scope"], strict=True)]
    return pd.DataFrame({
        "route": [route_names.get(route, route) for route in changes["route_id"]],
        "direction": [direction_label(a, b, country_names)
                      for a, b in zip(changes["from_country"], changes["to_country"], strict=True)],
        "kind": kinds,
        "before": [_volume_text(v, s, lang) for v, s in zip(changes["volume_before"], changes["state_before"],
                                                             strict=True)],
        "after": [_volume_text(v, s, lang) for v, s in zip(changes["volume_after"], changes["state_after"],
                                                            strict=True)],
        "change_bcm": bcm, "change_pct": pct,
        "source": changes["url_after"].fillna(changes["url_before"]).to_numpy(),
    })


def readable_country_changes(changes: pd.DataFrame, countries: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``country_changes`` as text: the routes each total rests on are named when they differ between years."""
    country_names = _names(countries, "iso_a3", lang)
    bcm, pct = _change_texts(changes, lang)

    def total(volume: float) -> str:
        return gettext("no figure", lang) if pd.isna(volume) else format_number(volume, lang)

    notes = ["" if isinstance(a, tuple) and a == b else gettext("different routes counted", lang)
             for a, b in zip(changes["routes_before"], changes["routes_after"], strict=True)]
    return pd.DataFrame({
        "country": [country_names.get(code, code) for code in changes["country"]],
        "direction": [gettext(BALANCE_DIRECTIONS[way], lang) for way in changes["direction"]],
        "kind": [label(kind, lang) for kind in changes["value_kind"]],
        "before": [total(v) for v in changes["volume_before"]],
        "after": [total(v) for v in changes["volume_after"]],
        "change_bcm": bcm, "change_pct": pct, "note": notes,
    })


def change_labels_layer(changes: pd.DataFrame, routes: pd.DataFrame, lang: Lang) -> folium.FeatureGroup:
    """What happened to each changed route, written on its line ("Reversed · 7 Oct 2023"), in the map's
    labels pane like the flow volumes (``map/js/flow_labels.js``); texts escaped here."""
    geometry = dict(zip(routes["id"], routes["geometry"], strict=True))
    labels = []
    for route_id, rows in changes.groupby("route_id", sort=False):
        text = "; ".join(f"{gettext(CHANGE_KINDS[row.change], lang)} · "
                         f"{format_date(row.date, row.date_precision, lang)}"
                         for row in rows.itertuples())
        lat, lon = flow_label_point(geometry[route_id])
        labels.append({"id": html_text(str(route_id)), "lat": round(lat, 4), "lon": round(lon, 4),
                       "kind": "ga-change", "text": html_text(text)})
    group = folium.FeatureGroup(name="change-labels")
    ScriptLayer(FLOW_LABELS_JS, {"pane": LABELS_PANE, "labels": labels}, name="FlowLabels").add_to(group)
    return group
