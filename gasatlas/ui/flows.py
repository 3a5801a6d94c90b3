"""The flows page: the figures the shared filters let through, their download, and a country's gas balance."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from gasatlas import exports
from gasatlas.charts import balance_chart
from gasatlas.data import Dataset
from gasatlas.filters import CountryMatch, DateRange
from gasatlas.flows import balance_totals, country_balance, flow_years, flows_in_view, readable
from gasatlas.formats import format_number
from gasatlas.i18n import t
from gasatlas.sanitize import markdown_format
from gasatlas.ui import chrome, state
from gasatlas.ui.routes import FLOW_NUMBERS, flow_columns
from gasatlas.vocab import Lang, label

TABLE_COLUMNS = ["period", "route", "direction", "volume_bcm", "kind_label", "source", "url", "quote", "note"]
KEY_COUNTRY = "balance-country"
KEY_YEAR = "balance-year"


def _names(atlas: Dataset, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    return (dict(zip(atlas.countries["iso_a3"], atlas.countries[f"name_{lang}"], strict=True)),
            dict(zip(atlas.routes["id"], atlas.routes[f"name_{lang}"], strict=True)))


def _shown(atlas: Dataset) -> pd.DataFrame:
    f = state.view().filter
    return flows_in_view(atlas.flows, f.dates, f.countries, f.country_match)


@st.cache_data(show_spinner=False, max_entries=12)
def _flows_file(_atlas: Dataset, flows_version: str, dates: DateRange, countries: frozenset[str],
                match: CountryMatch) -> bytes:
    """The download of the figures in view, built when a reader clicks and once per data version and filter."""
    return exports.flows_csv(flows_in_view(_atlas.flows, dates, countries, match)).encode("utf-8")


def flows_table(atlas: Dataset, lang: Lang) -> None:
    """Every figure whose period overlaps the shared dates and that starts or ends in a chosen country, each with
    its source; the download holds exactly these rows, in the format of data/flows.csv."""
    shown = _shown(atlas)
    st.caption(markdown_format(t("flows_count", lang), shown=len(shown), total=len(atlas.flows)))
    if shown.empty:
        st.info(t("flows_none", lang), icon=":material/search_off:")
    else:
        st.dataframe(chrome.numbers_in(readable(shown, *_names(atlas, lang), lang)[TABLE_COLUMNS], FLOW_NUMBERS, lang),
                     hide_index=True, width="stretch",
                     column_config=flow_columns(lang), key="flows-table")
    f = state.view().filter
    st.download_button(
        t("download_flows", lang),
        functools.partial(_flows_file, atlas, atlas.flows_version, f.dates, f.countries, f.country_match),
        file_name=f"gas-atlas-flows-{dt.date.today().isoformat()}.csv", mime="text/csv", icon=":material/table:",
        key="download-flows", on_click="ignore", disabled=shown.empty,
        help=markdown_format(t("download_flows_help", lang), count=len(shown)))


def _default(options: list, wanted) -> int:
    return options.index(wanted) if wanted in options else 0


def gas_balance(atlas: Dataset, lang: Lang) -> None:
    """What came into and went out of one country in one year, by route, each kind apart (see
    ``gasatlas.flows.country_balance``): a table with every source, the whole-year totals and a small chart."""
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
    balance = country_balance(atlas.flows, country, year)
    if balance.empty:
        st.info(markdown_format(t("balance_none", lang), country=country_names.get(country, country), year=year),
                icon=":material/info:")
        return
    ways = {"in": t("balance_in", lang), "out": t("balance_out", lang)}
    rows = readable(balance, country_names, route_names, lang).assign(
        way=balance["direction"].to_numpy(), way_label=balance["direction"].map(ways).to_numpy(),
        partner=balance["partner"].map(lambda code: country_names.get(code, code)).to_numpy())
    rows = rows.assign(bar=[f"{row.way_label}: {row.route} — {row.partner}" + ("" if len(row.period) == 4 else
                                                                              f" ({row.period})")
                            for row in rows.itertuples()])
    with st.container(key="gas-balance"):
        totals = balance_totals(balance)
        if not totals.empty:
            st.markdown(f"**{t('balance_totals', lang)}**")
            for total in totals.itertuples():
                st.markdown("- " + markdown_format(
                    t("balance_total_line", lang), direction=ways[total.direction].capitalize(),
                    kind=label(total.value_kind, lang), volume=format_number(total.volume_bcm, lang),
                    routes=total.routes))
        st.altair_chart(balance_chart(rows, lang), width="stretch")
        st.dataframe(chrome.numbers_in(rows[["way_label", "partner", "route", "period", "volume_bcm", "kind_label",
                                             "source", "url"]], FLOW_NUMBERS, lang), hide_index=True, width="stretch",
                     column_config={**flow_columns(lang), "way_label": t("col_way", lang),
                                    "partner": t("col_partner", lang)})
