"""The flows page: the figures the shared filters let through and their download, every route and year with
its figure or gap, and a country's gas balance."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import streamlit as st

from gasatlas.analysis.charts import balance_chart
from gasatlas.analysis.datacheck import report_years
from gasatlas.analysis.filters import CountryMatch, DateRange
from gasatlas.analysis.flows import (
    BALANCE_DIRECTIONS,
    balance_totals,
    country_balance,
    coverage_matrix,
    direction_label,
    disagreements,
    flow_years,
    flows_in_view,
    known_share,
    period_label,
    readable,
    route_year_coverage,
)
from gasatlas.dataset import exports, freshness
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label, ngettext
from gasatlas.i18n.formats import format_number
from gasatlas.map.event_table import MISSING
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import FlowChoice, Lang
from gasatlas.ui import chrome, state, takeaway
from gasatlas.ui.provenance import provenance_line
from gasatlas.ui.routes import FLOW_NUMBERS, flow_columns

TABLE_WIDTHS = {"period": 60, "route": 150, "direction": 125, "volume_bcm": 75, "kind_label": 120, "source": 120,
                "url": 95, "retrieved": 85, "quote": 70, "note": 60}
"""The flows table's columns and their widths in pixels: together inside the page's card at 1440 px (960 of
its 978), the numbers and their sources in view; a long quote or note is cut short (widen its column or open
the table full screen to read it whole, or download the figures)."""
TABLE_COLUMNS = list(TABLE_WIDTHS)
KEY_COUNTRY = "balance-country"
KEY_YEAR = "balance-year"


def _names(atlas: Dataset, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    return (dict(zip(atlas.countries["iso_a3"], atlas.countries[f"name_{lang}"], strict=True)),
            dict(zip(atlas.routes["id"], atlas.routes[f"name_{lang}"], strict=True)))


def _shown(atlas: Dataset) -> pd.DataFrame:
    f = state.view().filter
    return flows_in_view(atlas.flows, f.dates, f.countries, f.country_match)


@st.cache_data(show_spinner=False, max_entries=12)
def _flows_file(_atlas: Dataset, flows_version: str, dates: DateRange, countries: frozenset[str],  # noqa: ARG001 -- a cache key
                match: CountryMatch) -> bytes:
    """The download of the figures and gap rows in view, built when a reader clicks and once per data version and
    filter: a valid flows file, gaps included so that a reader of the file sees them too."""
    parts = [flows_in_view(frame, dates, countries, match) for frame in (_atlas.flows, _atlas.flow_gaps)
             if not frame.empty]
    return exports.flows_csv(pd.concat(parts, ignore_index=True) if parts else _atlas.flows).encode("utf-8")


def _fitted(columns: dict[str, Any], widths: dict[str, int]) -> dict[str, Any]:
    """``columns`` (headers or column configurations) at fixed ``widths``."""
    return {name: {**(config if isinstance(config, dict) else st.column_config.Column(config)), "width": widths[name]}
            for name, config in columns.items() if name in widths}


def flows_table(atlas: Dataset, lang: Lang) -> None:
    """Every figure whose period overlaps the shared dates and that starts or ends in a chosen country, each with
    its source and the day it was checked; the download holds these rows and their gaps, in the format of
    data/flows.csv, named by the data's date."""
    shown = _shown(atlas)
    figures = ngettext("{shown} of {total} figure", "{shown} of {total} figures", len(atlas.flows), lang)
    st.caption(markdown_format(figures, shown=len(shown), total=len(atlas.flows))
               + " · " + provenance_line(atlas, lang))
    if shown.empty:
        st.info(gettext("No flow figure matches these dates and countries.", lang), icon=":material/search_off:")
    else:
        st.dataframe(chrome.numbers_in(readable(shown, *_names(atlas, lang), lang)[TABLE_COLUMNS], FLOW_NUMBERS, lang),
                     hide_index=True, width="stretch",
                     column_config=_fitted(flow_columns(lang), TABLE_WIDTHS), key="flows-table", placeholder=MISSING)
    f = state.view().filter
    st.download_button(
        gettext("Figures in view (CSV)", lang),
        functools.partial(_flows_file, atlas, atlas.flows_version, f.dates, f.countries, f.country_match),
        file_name=f"gas-atlas-flows-{freshness.stamp(atlas.last_updated)}.csv", mime="text/csv",
        icon=":material/table:", key="download-flows", on_click="ignore", disabled=shown.empty,
        help=markdown_format(ngettext("The {count} figure in the table, in the format of data/flows.csv.",
                                      "The {count} figures in the table, in the format of data/flows.csv.",
                                      len(shown), lang), count=len(shown)))


def _cell_text(status: str, text: str, lang: Lang) -> str:
    if status == "gap":
        return f"— {gettext('no public figure', lang)}"
    if status == "partial":
        return gettext("months only", lang)
    if status in ("contract", "capacity"):
        return f"{label(status, lang)}: {text}"
    return text


def coverage(atlas: Dataset, lang: Lang) -> None:
    """Every route × year from 2018 (``flows.route_year_coverage``): the figure of gas that moved, or what
    stands in for it, or the explicit gap; then every gap row with what was searched."""
    st.caption(gettext("What the atlas knows of each route and year: the whole-year figure of gas that moved (≈ an "
                       "estimate; Σ a whole-pipeline total), or else months only, a contract or capacity, or an "
                       "explicit gap — no public figure was found (what was searched is in the gap list below). An "
                       "empty cell: no row, the route was not operating.", lang))
    country_names, route_names = _names(atlas, lang)
    cells = route_year_coverage(atlas.flows, atlas.flow_gaps, list(atlas.routes["id"]), report_years(atlas))
    cells = cells.assign(shown=[_cell_text(status, text, lang)
                                for status, text in zip(cells["status"], cells["text"], strict=True)])
    matrix = coverage_matrix(cells, "shown")
    matrix.index = [route_names.get(route, route) for route in matrix.index]
    matrix.columns = [str(year) for year in matrix.columns]
    st.dataframe(matrix, width="stretch", key="flows-matrix", placeholder=MISSING)
    gaps = atlas.flow_gaps
    if gaps.empty:
        return
    with st.expander(f"{gettext('Gaps: what was searched', lang)} ({len(gaps)})"):
        st.dataframe(pd.DataFrame({
            "period": [period_label(period, lang) for period in gaps["period"]],
            "route": [route_names.get(route, route) for route in gaps["route_id"]],
            "direction": [direction_label(a, b, country_names)
                          for a, b in zip(gaps["from_country"], gaps["to_country"], strict=True)],
            "searched": gaps["searched"].to_numpy(),
            "note": gaps[f"note_{lang}"].to_numpy(),
        }), hide_index=True, width="stretch", key="flows-gaps", placeholder=MISSING,
            column_config={**flow_columns(lang), "searched": st.column_config.TextColumn(gettext("Searched", lang))})


def disagreement_table(atlas: Dataset, lang: Lang) -> None:
    """The figures in view that another source contradicts (``flows.disagreements``), each group's chosen
    figure first and marked, every figure with its own value, source, publication and check dates."""
    st.caption(gettext("The same route, direction, period and kind of figure as two sources give it: the figure the "
                       "atlas uses is marked, the other is listed beside it with its own source and date — never "
                       "averaged.", lang))
    pairs = disagreements(_shown(atlas))
    if pairs.empty:
        st.info(gettext("No two sources disagree on a figure in view.", lang), icon=":material/check:")
        return
    country_names, route_names = _names(atlas, lang)
    rows = readable(pairs, country_names, route_names, lang)
    figure = [f"{route} · {direction} · {period} · {label(kind, lang)}" for route, direction, period, kind
              in zip(rows["route"], rows["direction"], rows["period"], rows["kind"], strict=True)]
    marks = [f"✓ {label(FlowChoice.CHOSEN, lang)}" if chosen else label(FlowChoice.ALTERNATIVE, lang)
             for chosen in pairs["chosen"]]
    table = pd.DataFrame({"figure": figure, "choice": marks, "volume_bcm": rows["volume_bcm"].to_numpy(),
                          "source": rows["source"].to_numpy(), "url": rows["url"].to_numpy(),
                          "source_date": pairs["source_date"].to_numpy(), "retrieved": rows["retrieved"].to_numpy()})
    st.dataframe(chrome.numbers_in(table, FLOW_NUMBERS, lang), hide_index=True, width="stretch",
                 key="flows-disagreements",
                 column_config={**flow_columns(lang), "figure": gettext("Figure", lang),
                                "choice": gettext("In the atlas", lang),
                                "source_date": st.column_config.DateColumn(gettext("Published", lang),
                                                                           format="YYYY-MM-DD")}, placeholder=MISSING)


def _default(options: list[Any], wanted: Any) -> int:
    return options.index(wanted) if wanted in options else 0


def gas_balance(atlas: Dataset, lang: Lang) -> None:
    """How gas touched one country in one year, by route and partner, each kind apart (see
    ``flows.country_balance``): the whole-year totals, the known share, a stacked bar chart and a table
    with every source."""
    st.caption(gettext("How gas touched the country in the year, by route and partner, as the sources give it: what "
                       "came in, what went out, what crossed it in transit, and what was sent across a border to be "
                       "processed and returned (neither an export nor an import). Reported, estimated and contracted "
                       "volumes are kept apart and never added together; a capacity is not a flow; a pipeline's "
                       "whole-route total is left out (its per-country parts are here) and so is another source's "
                       "figure; months and quarters are listed, only whole-year figures are added up.", lang))
    country_names, route_names = _names(atlas, lang)
    countries = sorted(set(atlas.flows["from_country"]) | set(atlas.flows["to_country"]),
                       key=lambda code: country_names.get(code, code))
    years = flow_years(atlas.flows)
    if not countries:
        st.info(gettext("No flow figure matches these dates and countries.", lang), icon=":material/search_off:")
        return
    view = state.view()
    chosen = sorted(view.filter.countries & set(countries))
    left, right = st.columns(2)
    country = left.selectbox(gettext("Country", lang), countries, key=KEY_COUNTRY,
                             index=_default(countries, chosen[0] if chosen else "UZB"),
                             format_func=lambda code: country_names.get(code, code))
    year = right.selectbox(gettext("Year", lang), years, key=KEY_YEAR,
                           index=_default(years, view.filter.dates.as_of.year))
    share = known_share(atlas.flows, atlas.flow_gaps, country, year)
    name = country_names.get(country, country)
    if share.touched:
        st.caption(markdown_format(gettext("Known: {known} of {touched} routes and directions that touched {country} "
                                           "in {year} have a whole-year figure of gas that moved; the others have "
                                           "only a contract, months, or an explicit gap.", lang),
                                   known=share.known, touched=share.touched, country=name, year=year))
    balance = country_balance(atlas.flows, country, year)
    if balance.empty:
        st.info(markdown_format(gettext("No figure names {country} as an end or a transit country of a flow in {year}.",
                                        lang), country=name, year=year), icon=":material/info:")
        return
    ways = {way: gettext(words, lang) for way, words in BALANCE_DIRECTIONS.items()}
    partners = [" → ".join(country_names.get(code, code) for code in partner.split("→"))
                for partner in balance["partner"]]
    rows = readable(balance, country_names, route_names, lang).assign(
        way=balance["direction"].to_numpy(), way_label=balance["direction"].map(ways).to_numpy(),
        partner=partners, whole_year=balance["whole_year"].to_numpy())
    with st.container(key="gas-balance"):
        totals = balance_totals(balance)
        if not totals.empty:
            st.markdown(f"**{gettext('Whole-year totals, each kind apart', lang)}**")
            for total in totals.itertuples():
                st.markdown("- " + markdown_format(
                    gettext("{direction}, {kind}: {volume} bcm (routes: {routes})", lang),
                    direction=ways[total.direction].capitalize(),
                    kind=label(total.value_kind, lang), volume=format_number(total.volume_bcm, lang),
                    routes=total.routes))
            chart = balance_chart(rows, lang)
            st.altair_chart(chart, width="stretch")
            takeaway.chart_downloads(chart, "balance", lang)
            st.caption(gettext("Stacked bars, because a balance is a sum of parts: each bar is one direction and one "
                               "kind of figure, its length that kind's whole-year total and its segments the routes "
                               "and partners. Kinds get bars of their own and are never stacked together: a contract "
                               "added to gas that moved means nothing.", lang))
        st.dataframe(chrome.numbers_in(rows[["way_label", "partner", "route", "period", "volume_bcm", "kind_label",
                                             "source", "url", "retrieved"]], FLOW_NUMBERS, lang),
                     hide_index=True, width="stretch",
                     column_config={**flow_columns(lang), "way_label": gettext("In, out, transit or processing", lang),
                                    "partner": gettext("From / to", lang)}, placeholder=MISSING)
