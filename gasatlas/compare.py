"""Two moments side by side: what changed in the network, the agreements and events, and the gas flows.

A journalist asks "what was different in October 2023 from a year before?". Every answer here is a
pure function of the dataset and two days, so the page, its map and the tests read the same frames.
The earlier day is excluded and the later one included: a change dated on the first day was already
in force then. Flows are compared year against year (a year's figure is the atlas's unit of gas that
moved), each kind apart, and a missing figure stays missing — never a zero, never a 100 % fall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from gasatlas.filters import DateRange, EventFilter, apply_filter
from gasatlas.flows import FLOW_KINDS_IN_BALANCE, country_balance, flows_of_year, used
from gasatlas.vocab import EventType, RouteStatus

CHANGE_KINDS: tuple[str, ...] = ("built", "reversed", "suspended", "resumed", "construction", "proposed",
                                 "mothballed", "updated")
"""What a dated status change did to a route, in the order a reader scans them (i18n keys ``change_<kind>``)."""
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


def route_names(routes: pd.DataFrame, lang: str) -> Mapping[str, str]:
    return dict(zip(routes["id"], routes[f"name_{lang}"], strict=True))

