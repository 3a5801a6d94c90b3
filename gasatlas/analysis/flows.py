"""Gas flows: the figures a view shows, what moved along each route in a year, and a country's balance.

Kinds are never mixed. Reported and estimated volumes say how much gas moved (a reported
figure wins over an estimate for the same route, direction and year); contract volumes
are promises and capacities are what a route could carry, so neither is ever counted as
gas that moved. Figures are used as the sources give them: a year is drawn only from a
figure for the whole year, never from months added up or stretched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from gasatlas.analysis.filters import CountryMatch, DateRange
from gasatlas.i18n import N_, gettext, label
from gasatlas.i18n.formats import format_date, format_number
from gasatlas.model.periods import named_years
from gasatlas.model.schema import period_span
from gasatlas.model.vocab import DatePrecision, FlowChoice, FlowKind, FlowPurpose, FlowScope, Lang

MOVED_KINDS: tuple[FlowKind, ...] = (FlowKind.REPORTED, FlowKind.ESTIMATE)
"""The kinds that say how much gas moved, in order of preference."""
FLOW_KINDS_IN_BALANCE: tuple[FlowKind, ...] = (FlowKind.REPORTED, FlowKind.ESTIMATE, FlowKind.CONTRACT)
"""A balance counts what moved and what was contracted, each apart; a capacity is not a flow."""


BALANCE_DIRECTIONS: dict[str, str] = {"in": N_("came in"), "out": N_("went out"),
                                      "transit": N_("crossed in transit"),
                                      "processing": N_("sent for processing and returned")}
"""How gas touches a country, with its words: bought in, sold out, crossing it between two others, or sent across
a border to be processed and returned (neither an export nor an import of the gas itself)."""



def used(flows: pd.DataFrame) -> pd.DataFrame:
    """The figures the atlas uses: where sources disagree, the chosen one; the other stays listed beside it."""
    return flows[flows["choice"] != FlowChoice.ALTERNATIVE] if "choice" in flows else flows


DISAGREEMENT_KEYS: tuple[str, ...] = ("route_id", "from_country", "to_country", "period", "value_kind", "scope",
                                     "purpose")
"""What makes two figures figures of the same thing: route, direction, period, kind, scope and purpose."""


def disagreements(flows: pd.DataFrame) -> pd.DataFrame:
    """Each figure another source contradicts, beside it: for every route, direction, period and kind that has an
    ``alternative`` row, the chosen figure first and then each alternative, numbered by ``group``.

    Rows are returned as they are — each with its own value, source and dates — so that a reader sees the
    disagreement itself; nothing is averaged or merged. An alternative whose chosen figure is out of ``flows``
    is still listed, alone in its group."""
    if flows.empty or "choice" not in flows:
        return flows.iloc[0:0].assign(group=pd.Series(dtype=int), chosen=pd.Series(dtype=bool))
    keys = [key for key in DISAGREEMENT_KEYS if key in flows]
    contested = flows.loc[flows["choice"] == FlowChoice.ALTERNATIVE, keys].drop_duplicates()
    rows = flows.reset_index(drop=True).merge(contested, on=keys, how="inner")
    rows = rows.assign(chosen=rows["choice"] != FlowChoice.ALTERNATIVE)
    order = [key for key in ("period_start", "route_id", "from_country", "to_country", "period", "value_kind")
             if key in rows]
    rows = rows.sort_values([*order, "chosen", "id"], ascending=[*[True] * len(order), False, True], kind="stable")
    group = rows.groupby(keys, sort=False).ngroup()
    return rows.assign(group=group).reset_index(drop=True)



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

    Only whole-year figures count; a reported one wins over an estimate; another source's figure never does.
    Routes and directions without such a figure are absent, never zero. A route with a figure for the whole
    pipeline is given by it alone: its per-country parts would count the same gas again.
    """
    yearly = flows_of_year(used(flows), year)
    yearly = yearly[yearly["whole_year"] & yearly["value_kind"].isin(MOVED_KINDS)]
    if "scope" in yearly:
        totalled = set(yearly.loc[yearly["scope"] == FlowScope.ROUTE_TOTAL, "route_id"])
        yearly = yearly[(yearly["scope"] == FlowScope.ROUTE_TOTAL) | ~yearly["route_id"].isin(totalled)]
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
        text = f"{one(figures['volume_bcm'].iloc[0], figures['value_kind'].iloc[0])} {gettext('bcm', lang)}"
    else:
        text = " · ".join(f"{row.from_country}→{row.to_country} {one(row.volume_bcm, row.value_kind)}"
                          for row in figures.itertuples()) + f" {gettext('bcm', lang)}"
    return f"{text} {gettext('est.', lang)}" if (figures["value_kind"] == FlowKind.ESTIMATE).any() else text


def flow_years(flows: pd.DataFrame) -> list[int]:
    """The years some figure is given for, newest first."""
    return sorted(set(flows["period_start"].dt.year.tolist()), reverse=True)


def country_balance(flows: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    """How gas touched ``country`` in ``year``, by route: one row per figure, each kind apart.

    ``direction`` is ``in`` or ``out`` for a country at one end, ``transit`` for one the gas crossed (``via``),
    and ``processing`` for gas sent across a border to be processed and returned, which is neither an export nor
    an import; ``partner`` is the country at the other end (for transit, ``from→to``). A pipeline's whole-route
    total is left out (its per-country parts are the balance; the total would count them again), and so are
    capacities (not a flow) and another source's figure (not the one used).
    """
    rows = flows_of_year(used(flows), year)
    rows = rows[rows["value_kind"].isin(FLOW_KINDS_IN_BALANCE)]
    if "scope" in rows:
        rows = rows[rows["scope"] != FlowScope.ROUTE_TOTAL]
    processing = (rows["purpose"] == FlowPurpose.PROCESSING) if "purpose" in rows else pd.Series(False, rows.index)
    via = rows["via"] if "via" in rows else pd.Series([()] * len(rows), index=rows.index, dtype=object)
    ends = rows["to_country"].eq(country) | rows["from_country"].eq(country)
    incoming = rows[rows["to_country"].eq(country) & ~processing].assign(
        direction="in", partner=lambda f: f["from_country"])
    outgoing = rows[rows["from_country"].eq(country) & ~processing].assign(
        direction="out", partner=lambda f: f["to_country"])
    processed = rows[ends & processing].assign(
        direction="processing", partner=lambda f: f["to_country"].where(f["from_country"] == country,
                                                                         f["from_country"]))
    crossing = rows[via.map(lambda countries: country in countries).astype(bool)].assign(  # bool when empty too
        direction="transit", partner=lambda f: f["from_country"] + "→" + f["to_country"])
    kind_order = {str(kind): rank for rank, kind in enumerate(FLOW_KINDS_IN_BALANCE)}
    way_order = {way: rank for rank, way in enumerate(BALANCE_DIRECTIONS)}
    balance = pd.concat([incoming, outgoing, crossing, processed], ignore_index=True)
    balance = balance.assign(kind_order=balance["value_kind"].map(kind_order),
                             way_order=balance["direction"].map(way_order))
    return balance.sort_values(["way_order", "kind_order", "period_start", "route_id"], kind="stable").drop(
        columns=["kind_order", "way_order"]).reset_index(drop=True)


def balance_totals(balance: pd.DataFrame) -> pd.DataFrame:
    """Whole-year volumes in, out, across and sent for processing, summed per kind and never across kinds;
    months and quarters, which cover only part of the year, are listed in the balance but not added up."""
    yearly = balance[balance["whole_year"]]
    return yearly.groupby(["direction", "value_kind"], sort=False).agg(
        volume_bcm=("volume_bcm", "sum"), routes=("route_id", "nunique"), figures=("id", "count")).reset_index()


@dataclass(frozen=True)
class KnownShare:
    """How much of a country's year the atlas can put a number on: of the routes and directions that touched it
    (a figure of any kind, or a gap row), those with a whole-year figure of gas that moved."""

    known: int
    touched: int

    @property
    def share(self) -> float | None:
        return None if self.touched == 0 else self.known / self.touched


def known_share(flows: pd.DataFrame, gaps: pd.DataFrame, country: str, year: int) -> KnownShare:
    """``KnownShare`` of ``country`` in ``year``: route directions counted once, whole-pipeline totals aside."""
    def touching(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
        if frame.empty:
            return set()
        rows = flows_of_year(used(frame), year)
        if "scope" in rows:
            rows = rows[rows["scope"] != FlowScope.ROUTE_TOTAL]
        via = rows["via"] if "via" in rows else pd.Series([()] * len(rows), index=rows.index, dtype=object)
        hit = rows["from_country"].eq(country) | rows["to_country"].eq(country) | via.map(lambda v: country in v)
        return set(zip(rows.loc[hit, "route_id"], rows.loc[hit, "from_country"], rows.loc[hit, "to_country"],
                       strict=True))

    moved = flows[flows["value_kind"].isin(MOVED_KINDS) & flows["whole_year"]] if not flows.empty else flows
    known = touching(moved)
    return KnownShare(len(known), len(known | touching(flows) | touching(gaps)))


def kind_label(row: Any, lang: Lang) -> str:
    """A figure's kind as readers see it, saying too when it is a whole pipeline's total, gas sent for processing,
    or another source's figure the atlas does not use."""
    extras = [label(str(value), lang) for value in (getattr(row, "scope", None), getattr(row, "purpose", None),
                                                    getattr(row, "choice", None))
              if value in (FlowScope.ROUTE_TOTAL, FlowPurpose.PROCESSING, FlowChoice.ALTERNATIVE)]
    return " · ".join([label(row.value_kind, lang), *extras])


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
        "kind_label": [kind_label(row, lang) for row in flows.itertuples()],
        "source": flows["source_title"].to_numpy(),
        "url": flows["source_url"].to_numpy(),
        "quote": flows["quote"].to_numpy(),
        "note": flows[f"note_{lang}"].to_numpy(),
        "retrieved": flows["retrieved"].to_numpy() if "retrieved" in flows else None,
    })


COVERAGE_ORDER: tuple[str, ...] = ("reported", "estimate", "partial", "contract", "capacity", "gap", "none")
"""What a route-year cell can say, best first: a whole-year figure of gas that moved (reported, else estimated),
only months or quarters of it, only a contract or capacity, an explicit gap row, or no row at all."""


def _cell(figures: pd.DataFrame, gaps: pd.DataFrame) -> tuple[str, str]:
    moved = figures[figures["value_kind"].isin(MOVED_KINDS)]
    whole = moved[moved["whole_year"]]
    if not whole.empty:
        totals = whole[whole["scope"] == FlowScope.ROUTE_TOTAL] if "scope" in whole else whole.iloc[0:0]
        shown = totals if not totals.empty else whole
        kind = "reported" if (shown["value_kind"] == FlowKind.REPORTED).any() else "estimate"
        best = shown.assign(rank=shown["value_kind"].map({str(k): r for r, k in enumerate(MOVED_KINDS)}))
        best = best.sort_values("rank", kind="stable").drop_duplicates(["from_country", "to_country", "scope"])
        parts = [("Σ " if row.scope == FlowScope.ROUTE_TOTAL else f"{row.from_country}→{row.to_country} ")
                 + ("≈" if row.value_kind == FlowKind.ESTIMATE else "") + f"{row.volume_bcm:g}"
                 for row in best.itertuples()]
        return kind, " · ".join(parts)
    if not moved.empty:
        return "partial", f"{len(moved)} part-year figure(s)"
    for kind in (FlowKind.CONTRACT, FlowKind.CAPACITY):
        rows = figures[figures["value_kind"] == kind]
        if not rows.empty:
            return str(kind), " · ".join(f"{row.from_country}→{row.to_country} {kind} {row.volume_bcm:g}"
                                         for row in rows.itertuples())
    if not gaps.empty:
        return "gap", "no public figure"
    return "none", ""


def route_year_coverage(flows: pd.DataFrame, gaps: pd.DataFrame, routes: Collection[str],
                        years: Collection[int]) -> pd.DataFrame:
    """One row per route and year: what the atlas can say of it (``COVERAGE_ORDER``) and the figures in short.

    Another source's figure is left out (the chosen one speaks); a gap row counts only where no figure of any
    kind exists, so a cell is never both a number and "no figure"."""
    figures, holes = used(flows), gaps
    rows = []
    for route in routes:
        route_figures = figures[figures["route_id"] == route]
        route_gaps = holes[holes["route_id"] == route] if not holes.empty else holes
        for year in years:
            status, text = _cell(flows_of_year(route_figures, year),
                                 flows_of_year(route_gaps, year) if not route_gaps.empty else route_gaps)
            rows.append({"route_id": route, "year": year, "status": status, "text": text})
    return pd.DataFrame(rows, columns=["route_id", "year", "status", "text"])


def coverage_matrix(coverage: pd.DataFrame, cell: str = "status") -> pd.DataFrame:
    """``route_year_coverage`` as a route × year table of ``cell`` (``status`` or ``text``)."""
    return coverage.pivot(index="route_id", columns="year", values=cell).reindex(
        index=list(dict.fromkeys(coverage["route_id"])))


VOLUME_UNIT = re.compile(r"\d\s*(?:млрд|миллиард|млн|миллион|billion|bn|million|mln|bcm|mcm)", re.IGNORECASE)
"""Where a sentence gives its volume: a number with its scale."""


def volume_year(event: Mapping[str, Any]) -> int:
    """The year an event's volume is for, as its sentence (the quote) names it: a year written out ("в 2025 году
    поставки составили 5,6 млрд кубометров"), or the year before the report's ("в прошлом году", "last year") —
    a report of January giving last year's volume is about last year, not the report's. Where the sentence names
    several years, the one written nearest before the volume. Where it names none, the event's year.

    "Last year" is counted from the event's date: a statement is dated by the report; an event dated to a year
    (precision ``year``) was dated by that very phrase, so its year is already the one meant."""
    own = int(pd.Timestamp(event["date"]).year)
    quote = event.get("quote")
    if not isinstance(quote, str) or not quote:
        return own
    named = named_years(quote)
    if not named:
        return own
    volume = VOLUME_UNIT.search(quote)
    before = [year for position, year in named if volume is not None and position < volume.start()]
    chosen = before[-1] if before else named[0][1]
    if chosen is None:
        return own if event.get("date_precision") == DatePrecision.YEAR else own - 1
    return chosen


CONTRACT_WORDS = re.compile(r"контракт|договор|contract", re.IGNORECASE)
"""A volume a report ties to a contract is a contract figure, whatever kind of event told it."""


def _direction(event: Mapping[str, Any], route_id: str, flows: pd.DataFrame,
               routes: pd.DataFrame) -> tuple[str, str] | None:
    """Which way a route's figure between the event's countries runs: the way the route's figures between them
    run, else the route's order (its first and last country the event names); None without two of them."""
    countries = set(event.get("countries") or ())
    held = flows[flows["route_id"] == route_id]
    pairs = [(a, b) for a, b in zip(held["from_country"], held["to_country"], strict=True) if {a, b} <= countries]
    if pairs:
        return Counter(pairs).most_common(1)[0][0]
    route = routes[routes["id"] == route_id]
    order = [country for country in (route["countries"].iloc[0] if not route.empty else ()) if country in countries]
    return (order[0], order[-1]) if len(order) > 1 else None


def figure_from_event(event: Mapping[str, Any], route_id: str, flows: pd.DataFrame, routes: pd.DataFrame,
                      retrieved: dt.date) -> dict[str, Any] | None:
    """The flow figure an event's volume could become along ``route_id`` — a proposal for a moderator to confirm
    or correct, never added by itself. Only a yearly volume is a year's flow (a day's rate or a total is not);
    the year is the one the volume is for (``volume_year``), the direction ``_direction``'s, the kind ``contract``
    where the event is an agreement or its words name a contract, else ``reported``; an ``alternative`` where the
    atlas has a chosen figure for the same route, direction, kind and year. None when the event gives no such
    volume."""
    volume = event.get("volume_bcm")
    if (volume is None or pd.isna(volume) or event.get("volume_period") != "year"
            or route_id not in (event.get("route_ids") or ())):
        return None
    direction = _direction(event, route_id, flows, routes)
    if direction is None:
        return None
    source, sink = direction
    year = str(volume_year(event))
    words = " ".join(str(event.get(key) or "") for key in ("quote", "title_ru", "title_en"))
    kind = FlowKind.CONTRACT if event.get("event_type") == "agreement" or CONTRACT_WORDS.search(words) \
        else FlowKind.REPORTED
    same = flows[(flows["route_id"] == route_id) & (flows["from_country"] == source) & (flows["to_country"] == sink)
                 & (flows["value_kind"] == kind) & (flows["period"] == year) & (flows["choice"] == FlowChoice.CHOSEN)]
    event_id = str(event["id"])
    quote = event.get("quote")
    return {"id": f"flow-{route_id}-{event_id.removeprefix('ev-')}"[:80].rstrip("-"), "route_id": route_id,
            "from_country": source, "to_country": sink, "period": year, "value_kind": str(kind),
            "volume_bcm": float(volume), "source_title": event["source_title"], "source_url": event["source_url"],
            "quote": quote if isinstance(quote, str) and quote else None,
            "note_en": f"From the atlas event {event_id}, confirmed by a moderator.",
            "note_ru": f"Из события атласа {event_id}, подтверждено модератором.",
            "choice": str(FlowChoice.ALTERNATIVE if not same.empty else FlowChoice.CHOSEN),
            "source_date": str(event["date"])[:10], "retrieved": retrieved.isoformat()}

