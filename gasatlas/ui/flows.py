"""The flows page: the figures the shared filters let through and their download, every route and year with
its figure or gap, and a country's gas balance."""

from __future__ import annotations

import functools

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
from gasatlas.i18n import t
from gasatlas.i18n.formats import format_number
from gasatlas.map.event_table import MISSING
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import FlowChoice, Lang, label
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
WAYS = {"in": "balance_in", "out": "balance_out", "transit": "balance_transit", "processing": "balance_processing"}


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


def _fitted(columns: dict, widths: dict[str, int]) -> dict:
    """``columns`` (headers or column configurations) at fixed ``widths``."""
    return {name: {**(config if isinstance(config, dict) else st.column_config.Column(config)), "width": widths[name]}
            for name, config in columns.items() if name in widths}


def flows_table(atlas: Dataset, lang: Lang) -> None:
    """Every figure whose period overlaps the shared dates and that starts or ends in a chosen country, each with
    its source and the day it was checked; the download holds these rows and their gaps, in the format of
    data/flows.csv, named by the data's date."""
    shown = _shown(atlas)
    st.caption(markdown_format(t("flows_count", lang), shown=len(shown), total=len(atlas.flows)) + " · "
               + provenance_line(atlas, lang))
    if shown.empty:
        st.info(t("flows_none", lang), icon=":material/search_off:")
    else:
        st.dataframe(chrome.numbers_in(readable(shown, *_names(atlas, lang), lang)[TABLE_COLUMNS], FLOW_NUMBERS, lang),
                     hide_index=True, width="stretch",
                     column_config=_fitted(flow_columns(lang), TABLE_WIDTHS), key="flows-table", placeholder=MISSING)
    f = state.view().filter
    st.download_button(
        t("download_flows", lang),
        functools.partial(_flows_file, atlas, atlas.flows_version, f.dates, f.countries, f.country_match),
        file_name=f"gas-atlas-flows-{freshness.stamp(atlas.last_updated)}.csv", mime="text/csv",
        icon=":material/table:", key="download-flows", on_click="ignore", disabled=shown.empty,
        help=markdown_format(t("download_flows_help", lang), count=len(shown)))


def _cell_text(status: str, text: str, lang: Lang) -> str:
    if status == "gap":
        return f"— {t('matrix_gap', lang)}"
    if status == "partial":
        return t("matrix_partial", lang)
    if status in ("contract", "capacity"):
        return f"{label(status, lang)}: {text}"
    return text


def coverage(atlas: Dataset, lang: Lang) -> None:
    """Every route × year from 2018 (``flows.route_year_coverage``): the figure of gas that moved, or what
    stands in for it, or the explicit gap; then every gap row with what was searched."""
    st.caption(t("matrix_help", lang))
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
    with st.expander(f"{t('gaps_title', lang)} ({len(gaps)})"):
        st.dataframe(pd.DataFrame({
            "period": [period_label(period, lang) for period in gaps["period"]],
            "route": [route_names.get(route, route) for route in gaps["route_id"]],
            "direction": [direction_label(a, b, country_names)
                          for a, b in zip(gaps["from_country"], gaps["to_country"], strict=True)],
            "searched": gaps["searched"].to_numpy(),
            "note": gaps[f"note_{lang}"].to_numpy(),
        }), hide_index=True, width="stretch", key="flows-gaps", placeholder=MISSING,
            column_config={**flow_columns(lang), "searched": st.column_config.TextColumn(t("col_searched", lang))})


def disagreement_table(atlas: Dataset, lang: Lang) -> None:
    """The figures in view that another source contradicts (``flows.disagreements``), each group's chosen
    figure first and marked, every figure with its own value, source, publication and check dates."""
    st.caption(t("conflicts_help", lang))
    pairs = disagreements(_shown(atlas))
    if pairs.empty:
        st.info(t("conflicts_none", lang), icon=":material/check:")
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
                 column_config={**flow_columns(lang), "figure": t("col_figure", lang),
                                "choice": t("col_choice", lang),
                                "source_date": st.column_config.DateColumn(t("col_source_date", lang),
                                                                           format="YYYY-MM-DD")}, placeholder=MISSING)


def _default(options: list, wanted) -> int:
    return options.index(wanted) if wanted in options else 0


def gas_balance(atlas: Dataset, lang: Lang) -> None:
    """How gas touched one country in one year, by route and partner, each kind apart (see
    ``flows.country_balance``): the whole-year totals, the known share, a stacked bar chart and a table
    with every source."""
    st.caption(t("balance_help", lang))
    country_names, route_names = _names(atlas, lang)
    countries = sorted(set(atlas.flows["from_country"]) | set(atlas.flows["to_country"]),
                       key=lambda code: country_names.get(code, code))
    years = flow_years(atlas.flows)
    if not countries:
        st.info(t("flows_none", lang), icon=":material/search_off:")
        return
    view = state.view()
    chosen = sorted(view.filter.countries & set(countries))
    left, right = st.columns(2)
    country = left.selectbox(t("balance_country", lang), countries, key=KEY_COUNTRY,
                             index=_default(countries, chosen[0] if chosen else "UZB"),
                             format_func=lambda code: country_names.get(code, code))
    year = right.selectbox(t("balance_year", lang), years, key=KEY_YEAR,
                           index=_default(years, view.filter.dates.as_of.year))
    share = known_share(atlas.flows, atlas.flow_gaps, country, year)
    name = country_names.get(country, country)
    if share.touched:
        st.caption(markdown_format(t("balance_known_share", lang), known=share.known, touched=share.touched,
                                   country=name, year=year))
    balance = country_balance(atlas.flows, country, year)
    if balance.empty:
        st.info(markdown_format(t("balance_none", lang), country=name, year=year), icon=":material/info:")
        return
    ways = {way: t(WAYS[way], lang) for way in BALANCE_DIRECTIONS}
    partners = [" → ".join(country_names.get(code, code) for code in partner.split("→"))
                for partner in balance["partner"]]
    rows = readable(balance, country_names, route_names, lang).assign(
        way=balance["direction"].to_numpy(), way_label=balance["direction"].map(ways).to_numpy(),
        partner=partners, whole_year=balance["whole_year"].to_numpy())
    with st.container(key="gas-balance"):
        totals = balance_totals(balance)
        if not totals.empty:
            st.markdown(f"**{t('balance_totals', lang)}**")
            for total in totals.itertuples():
                st.markdown("- " + markdown_format(
                    t("balance_total_line", lang), direction=ways[total.direction].capitalize(),
                    kind=label(total.value_kind, lang), volume=format_number(total.volume_bcm, lang),
                    routes=total.routes))
            chart = balance_chart(rows, lang)
            st.altair_chart(chart, width="stretch")
            takeaway.chart_downloads(chart, "balance", lang)
            st.caption(t("balance_chart_help", lang))
        st.dataframe(chrome.numbers_in(rows[["way_label", "partner", "route", "period", "volume_bcm", "kind_label",
                                             "source", "url", "retrieved"]], FLOW_NUMBERS, lang),
                     hide_index=True, width="stretch",
                     column_config={**flow_columns(lang), "way_label": t("col_way", lang),
                                    "partner": t("col_partner", lang)}, placeholder=MISSING)
