"""The data & sources page: what the atlas cites, what its columns mean, and downloads of the view."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from gasatlas import exports
from gasatlas.config import settings
from gasatlas.data import Dataset
from gasatlas.dictionary import dictionary_frame
from gasatlas.filters import apply_filter
from gasatlas.i18n import format_date, t
from gasatlas.sources import sources_table
from gasatlas.ui import state
from gasatlas.viewstate import to_query
from gasatlas.vocab import Lang

SOURCE_HOST = r"https?://(?:www\.)?([^/]+)"


def sources(atlas: Dataset, lang: Lang) -> None:
    shown = apply_filter(atlas.events, state.view().filter)
    st.caption(t("sources_help", lang))
    st.dataframe(
        sources_table(atlas, shown), hide_index=True, width="stretch",
        column_config={
            "title": st.column_config.TextColumn(t("source", lang), width="large"),
            "url": st.column_config.LinkColumn("URL", display_text=SOURCE_HOST),
            "events": st.column_config.NumberColumn(t("col_events_resting", lang)),
            "also_reported": st.column_config.NumberColumn(t("col_also", lang)),
            "routes": st.column_config.NumberColumn(t("col_routes_n", lang)),
            "facilities": st.column_config.NumberColumn(t("col_facilities_n", lang)),
            "actors": st.column_config.NumberColumn(t("col_actors_n", lang)),
        },
    )


def dictionary(lang: Lang) -> None:
    st.dataframe(
        dictionary_frame(lang), hide_index=True, width="stretch",
        column_config={"file": t("col_file", lang), "column": t("col_column", lang),
                       "meaning": st.column_config.TextColumn(t("col_meaning", lang), width="large")},
    )


def downloads(atlas: Dataset, lang: Lang) -> None:
    """The filtered events in three formats, plus the routes and facilities."""
    shown = apply_filter(atlas.events, state.view().filter)
    st.caption(t("downloads_help", lang).format(count=len(shown)))
    stamp = dt.date.today().isoformat()
    columns = st.columns(5)
    columns[0].download_button(t("download_csv", lang), exports.events_csv(exports.frame_records(
        shown, exports.EVENT_COLUMNS)), file_name=f"gas-atlas-events-{stamp}.csv", mime="text/csv",
        icon=":material/table:", key="download-csv", on_click="ignore")
    columns[1].download_button(t("download_geojson", lang), exports.geojson_text(exports.events_geojson(shown)),
                               file_name=f"gas-atlas-events-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/map:", key="download-geojson", on_click="ignore")
    columns[2].download_button(t("download_excel", lang), exports.events_excel(shown),
                               file_name=f"gas-atlas-events-{stamp}.xlsx",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               icon=":material/grid_on:", key="download-excel", on_click="ignore")
    columns[3].download_button(t("download_routes", lang), exports.geojson_text(exports.routes_geojson(atlas.routes)),
                               file_name="gas-atlas-routes.geojson", mime="application/geo+json",
                               icon=":material/timeline:", key="download-routes", on_click="ignore")
    columns[4].download_button(t("download_facilities", lang),
                               exports.geojson_text(exports.facilities_geojson(atlas.facilities)),
                               file_name="gas-atlas-facilities.geojson", mime="application/geo+json",
                               icon=":material/factory:", key="download-facilities", on_click="ignore")


def view_link(atlas: Dataset) -> str:
    """The shareable address of the current view (on the map page)."""
    query = urlencode(to_query(state.view(), span=state.day_span(atlas), default_basemap=settings().basemap),
                      doseq=True)
    here = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((here.scheme, here.netloc, "/", query, ""))


def citation(atlas: Dataset, lang: Lang) -> None:
    view = state.view()
    shown = apply_filter(atlas.events, view.filter)
    f = view.filter
    facets = []
    if f.countries:
        facets.append(", ".join(sorted(f.countries)))
    if f.event_types:
        facets.append(", ".join(sorted(f.event_types)))
    if f.actors:
        facets.append(", ".join(sorted(f.actors)))
    if f.text.strip():
        facets.append(f"“{f.text.strip()}”")
    text = t("citation", lang).format(
        count=len(shown), start=format_date(f.date_from, "day", lang), end=format_date(f.date_to, "day", lang),
        facets=f" ({'; '.join(facets)})" if facets else "", today=format_date(dt.date.today(), "day", lang),
        url=view_link(atlas),
    )
    st.code(f"{text}\n{t('citation_credits', lang)}", language=None, wrap_lines=True)
