"""Gas flows: the figures a view shows, what moved along each route in a year, and a country's balance.

Kinds are never mixed. Reported and estimated volumes say how much gas moved (a reported
figure wins over an estimate for the same route, direction and year); contract volumes
are promises and capacities are what a route could carry, so neither is ever counted as
gas that moved. Figures are used as the sources give them: a year is drawn only from a
figure for the whole year, never from months added up or stretched.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from gasatlas.filters import CountryMatch, DateRange
from gasatlas.formats import format_date, format_number
from gasatlas.i18n import t
from gasatlas.schema import period_span
from gasatlas.vocab import DatePrecision, FlowKind, Lang, label

MOVED_KINDS: tuple[FlowKind, ...] = (FlowKind.REPORTED, FlowKind.ESTIMATE)
"""The kinds that say how much gas moved, in order of preference."""
FLOW_KINDS_IN_BALANCE: tuple[FlowKind, ...] = (FlowKind.REPORTED, FlowKind.ESTIMATE, FlowKind.CONTRACT)
"""A balance counts what moved and what was contracted, each apart; a capacity is not a flow."""


def with_periods(flows: pd.DataFrame) -> pd.DataFrame:
    """Add each period's first and last day and whether it is a whole year, sorted by period then route."""
    spans = [period_span(period) for period in flows["period"]]
    result = flows.assign(
        period_start=pd.to_datetime([start for start, _ in spans]),
        period_end=pd.to_datetime([end for _, end in spans]),
        whole_year=[len(period) == 4 for period in flows["period"]],
    )
    return result.sort_values(["period_start", "period_end", "route_id", "id"], kind="stable").reset_index(drop=True)


def flows_in_view(flows: pd.DataFrame, dates: DateRange, countries: Collection[str] = (),
                  match: CountryMatch = "any") -> pd.DataFrame:
    """The figures whose period overlaps ``dates`` and that start or end in one of ``countries``
    (any country when empty) — or, matching ``all`` of two or more countries, that go from one of them
    to another: the filters of the other pages that have a meaning for flows."""
    mask = pd.Series(True, index=flows.index)
    if dates.start > pd.Timestamp.min.date():
        mask &= flows["period_end"] >= pd.Timestamp(dates.start)
    if dates.end < pd.Timestamp.max.date():
        mask &= flows["period_start"] <= pd.Timestamp(dates.end)
    if countries:
        starts, ends = flows["from_country"].isin(countries), flows["to_country"].isin(countries)
        mask &= (starts & ends) if match == "all" and len(countries) > 1 else (starts | ends)
    return flows[mask]


def flows_of_year(flows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every figure for the year or a quarter or month of it (a period never spans two years)."""
    return flows[flows["period_start"].dt.year == year]


def moved_in_year(flows: pd.DataFrame, year: int) -> pd.DataFrame:
    """How much gas moved along each route in ``year``: one row per route and direction.

    Only whole-year figures count; a reported one wins over an estimate. Routes and
    directions without such a figure are absent, never zero.
    """
    yearly = flows_of_year(flows, year)
    yearly = yearly[yearly["whole_year"] & yearly["value_kind"].isin(MOVED_KINDS)]
    preference = yearly["value_kind"].map({str(kind): rank for rank, kind in enumerate(MOVED_KINDS)})
    best = yearly.assign(preference=preference).sort_values(["preference", "id"], kind="stable")
    best = best.drop_duplicates(["route_id", "from_country", "to_country"]).drop(columns="preference")
    return best.sort_values(["route_id", "from_country", "to_country"]).reset_index(drop=True)


def moved_by_route(flows: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """``moved_in_year`` grouped by route: what each route's width and label on the map rest on."""
    moved = moved_in_year(flows, year)
    return {route_id: rows.reset_index(drop=True) for route_id, rows in moved.groupby("route_id", sort=True)}


@dataclass(frozen=True)
class FlowYear:
    """What the map's flow mode draws: the year, and for each route the figures saying what moved in it."""

    year: int
    by_route: Mapping[str, pd.DataFrame]

    @classmethod
    def of(cls, flows: pd.DataFrame, year: int) -> FlowYear:
        return cls(year, moved_by_route(flows, year))


def moved_text(figures: pd.DataFrame, lang: Lang) -> str:
    """A route's figures for its label on the map (plain text): ``5.64 bcm``, ``≈ 6 bcm est.`` for an
    estimate, and each direction named when gas moved more than one way."""
    def one(volume: float, kind: str) -> str:
        number = format_number(volume, lang)
        return f"≈ {number}" if kind == FlowKind.ESTIMATE else number

    if len(figures) == 1:
        text = f"{one(figures['volume_bcm'].iloc[0], figures['value_kind'].iloc[0])} {t('bcm', lang)}"
    else:
        text = " · ".join(f"{row.from_country}→{row.to_country} {one(row.volume_bcm, row.value_kind)}"
                          for row in figures.itertuples()) + f" {t('bcm', lang)}"
    return f"{text} {t('estimate_short', lang)}" if (figures["value_kind"] == FlowKind.ESTIMATE).any() else text


def flow_years(flows: pd.DataFrame) -> list[int]:
    """The years some figure is given for, newest first."""
    return sorted(set(flows["period_start"].dt.year.tolist()), reverse=True)


def country_balance(flows: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    """What came into and went out of ``country`` in ``year``, by route: one row per figure.

    ``direction`` is ``in`` or ``out``, ``partner`` the country at the other end. A transit
    country is not counted: a figure counts for the countries it names as its two ends.
    Capacities are left out (not a flow).
    """
    rows = flows_of_year(flows, year)
    rows = rows[rows["value_kind"].isin(FLOW_KINDS_IN_BALANCE)]
    incoming = rows[rows["to_country"] == country].assign(direction="in", partner=lambda f: f["from_country"])
    outgoing = rows[rows["from_country"] == country].assign(direction="out", partner=lambda f: f["to_country"])
    kind_order = {str(kind): rank for rank, kind in enumerate(FLOW_KINDS_IN_BALANCE)}
    balance = pd.concat([incoming, outgoing], ignore_index=True)
    balance = balance.assign(kind_order=balance["value_kind"].map(kind_order))
    return balance.sort_values(["direction", "kind_order", "period_start", "route_id"], kind="stable").drop(
        columns="kind_order").reset_index(drop=True)


def balance_totals(balance: pd.DataFrame) -> pd.DataFrame:
    """Whole-year volumes in and out, summed per kind and never across kinds; months and quarters,
    which cover only part of the year, are listed in the balance but not added up."""
    yearly = balance[balance["whole_year"]]
    totals = yearly.groupby(["direction", "value_kind"], sort=False).agg(
        volume_bcm=("volume_bcm", "sum"), routes=("route_id", "nunique"), figures=("id", "count")).reset_index()
    return totals


def period_label(period: str, lang: Lang) -> str:
    """A period as readers write it: ``2023``, ``Q4 2023`` / ``4-й квартал 2023``, ``Oct 2023`` / ``октябрь 2023``."""
    start, _ = period_span(period)
    if len(period) == 4:
        return period
    return format_date(start, DatePrecision.QUARTER if "-Q" in period else DatePrecision.MONTH, lang)


def direction_label(from_country: str, to_country: str, names: Mapping[str, str]) -> str:
    return f"{names.get(from_country, from_country)} → {names.get(to_country, to_country)}"


def readable(flows: pd.DataFrame, country_names: Mapping[str, str], route_names: Mapping[str, str],
             lang: Lang) -> pd.DataFrame:
    """The figures as readers see them (plain text, for tables and chart tooltips), one row per figure:
    period, route, direction, volume, kind and source, with the period's middle for drawing on a time axis."""
    return pd.DataFrame({
        "id": flows["id"].to_numpy(),
        "when": (flows["period_start"] + (flows["period_end"] - flows["period_start"]) / 2).to_numpy(),
        "period": [period_label(period, lang) for period in flows["period"]],
        "route": [route_names.get(route, route) for route in flows["route_id"]],
        "direction": [direction_label(a, b, country_names)
                      for a, b in zip(flows["from_country"], flows["to_country"], strict=True)],
        "from_to": (flows["from_country"] + "→" + flows["to_country"]).to_numpy(),
        "volume_bcm": flows["volume_bcm"].to_numpy(),
        "volume": [format_number(volume, lang) for volume in flows["volume_bcm"]],
        "kind": flows["value_kind"].astype(str).to_numpy(),
        "kind_label": [label(kind, lang) for kind in flows["value_kind"]],
        "source": flows["source_title"].to_numpy(),
        "url": flows["source_url"].to_numpy(),
        "quote": flows["quote"].to_numpy(),
        "note": flows[f"note_{lang}"].to_numpy(),
    })
