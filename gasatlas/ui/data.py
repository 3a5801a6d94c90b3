"""The data & sources page: what the atlas cites, what its columns mean, and downloads of the view."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from gasatlas.analysis.filters import EventFilter, filter_mask
from gasatlas.analysis.viewstate import to_query
from gasatlas.auth import Identity, Permission
from gasatlas.config import settings
from gasatlas.dataset import exports, freshness
from gasatlas.dataset.dictionary import dictionary_frame
from gasatlas.dataset.load import ACTORS_FILE, Dataset
from gasatlas.dataset.sources import sources_table
from gasatlas.i18n import t
from gasatlas.i18n.formats import format_date
from gasatlas.map.event_table import MISSING, SOURCE_HOST
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import Lang
from gasatlas.store import FileNames, StoreError, export_archive, import_csv
from gasatlas.ui import identity, notices, resources, state
from gasatlas.ui.provenance import provenance_line

KEY_IMPORTED = "data_imported"


def sources(atlas: Dataset, lang: Lang) -> None:
    shown = state.view().filter.shown(atlas)
    st.caption(t("sources_help", lang))
    st.dataframe(
        sources_table(atlas, shown), hide_index=True, width="stretch",
        column_config={
            "title": st.column_config.TextColumn(t("source", lang), width="large"),
            "url": st.column_config.LinkColumn(t("col_url", lang), display_text=SOURCE_HOST),
            "events": st.column_config.NumberColumn(t("col_events_resting", lang)),
            "also_reported": st.column_config.NumberColumn(t("col_also", lang)),
            "routes": st.column_config.NumberColumn(t("col_routes_n", lang)),
            "facilities": st.column_config.NumberColumn(t("col_facilities_n", lang)),
            "actors": st.column_config.NumberColumn(t("col_actors_n", lang)),
        },
        placeholder=MISSING,
    )


def dictionary(lang: Lang) -> None:
    st.dataframe(
        dictionary_frame(lang), hide_index=True, width="stretch", placeholder=MISSING,
        column_config={"file": t("col_file", lang), "column": t("col_column", lang),
                       "meaning": st.column_config.TextColumn(t("col_meaning", lang), width="large")}
    )


@st.cache_data(show_spinner=False, max_entries=12)
def _events_file(_atlas: Dataset, content_version: str, event_filter: EventFilter, kind: str) -> bytes:  # noqa: ARG001 -- a cache key only
    """One download of the filtered events, built once per data version, filter and format."""
    shown = event_filter.shown(_atlas)
    if kind == "csv":
        return exports.events_csv(exports.frame_records(shown, exports.EVENT_COLUMNS)).encode("utf-8")
    if kind == "geojson":
        return exports.geojson_text(exports.events_geojson(shown)).encode("utf-8")
    return exports.events_excel(shown)


def downloads(atlas: Dataset, lang: Lang) -> None:
    """The filtered events in three formats, plus the routes and facilities.

    Files are built when a reader clicks (on a thread of their own, so the page
    never waits for them) and cached by data version and filter: moving a widget
    costs nothing, and the same download twice is built once.
    """
    event_filter = state.view().filter
    count = int(filter_mask(atlas.events, event_filter).sum())
    st.caption(markdown_format(t("downloads_help", lang), count=count))
    stamp = freshness.stamp(atlas.last_updated)
    st.caption(provenance_line(atlas, lang))

    def events_file(kind: str) -> Callable[[], bytes]:
        return functools.partial(_events_file, atlas, atlas.events_content_version, event_filter, kind)

    columns = [*st.columns(3), *st.columns(3)[:2]]  # two rows: labels stay whole at laptop width
    columns[0].download_button(t("download_csv", lang), events_file("csv"), file_name=f"gas-atlas-events-{stamp}.csv",
                               mime="text/csv", icon=":material/table:", key="download-csv", on_click="ignore")
    columns[1].download_button(t("download_geojson", lang), events_file("geojson"),
                               file_name=f"gas-atlas-events-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/map:", key="download-geojson", on_click="ignore")
    columns[2].download_button(t("download_excel", lang), events_file("excel"),
                               file_name=f"gas-atlas-events-{stamp}.xlsx",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               icon=":material/grid_on:", key="download-excel", on_click="ignore")
    columns[3].download_button(t("download_routes", lang),
                               lambda: exports.geojson_text(exports.routes_geojson(atlas.routes)),
                               file_name=f"gas-atlas-routes-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/timeline:", key="download-routes", on_click="ignore")
    columns[4].download_button(t("download_facilities", lang),
                               lambda: exports.geojson_text(exports.facilities_geojson(atlas.facilities)),
                               file_name=f"gas-atlas-facilities-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/factory:", key="download-facilities", on_click="ignore")


def view_link(atlas: Dataset) -> str:
    """The shareable address of the current view (on the map page)."""
    query = urlencode(to_query(state.view(), span=state.day_span(atlas), default_basemap=settings().basemap),
                      doseq=True)
    here = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((here.scheme, here.netloc, "/", query, ""))


def citation(atlas: Dataset, lang: Lang) -> None:
    view = state.view()
    f = view.filter
    shown = f.shown(atlas, ["id"])
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
        count=len(shown), start=format_date(f.dates.start, "day", lang), end=format_date(f.dates.end, "day", lang),
        facets=f" ({'; '.join(facets)})" if facets else "", today=format_date(dt.date.today(), "day", lang),
        url=view_link(atlas),
    )
    st.code(f"{text}\n{t('citation_credits', lang)}", language=None, wrap_lines=True)


@st.cache_data(show_spinner=False, max_entries=2)
def _current_archive(url: str, version: tuple, lang: Lang) -> bytes:  # noqa: ARG001 -- a cache key only
    return export_archive(resources.store(), resources.curated(lang))


@st.cache_data(show_spinner=False, max_entries=2)
def _unreadable(url: str, version: tuple) -> pd.DataFrame:  # noqa: ARG001 -- a cache key only
    return pd.DataFrame([vars(item) for item in resources.store().unreadable()], columns=["table", "id", "reason"])


def _unreadable_notice(version: tuple, lang: Lang) -> None:
    """Stored rows that fail today's validation are skipped everywhere; here they are listed to be fixed."""
    unreadable = _unreadable(settings().database_url, version)
    if not unreadable.empty:
        st.warning(markdown_format(t("stored_unreadable", lang), count=len(unreadable)),
                   icon=":material/report:")
        st.dataframe(unreadable, hide_index=True, width="stretch", placeholder=MISSING)


def stored_events(visitor: Identity, lang: Lang) -> None:
    """The atlas's current state in the data/ formats, and (for contributors and moderators) an import."""
    imported = st.session_state.pop(KEY_IMPORTED, None)
    if imported is not None:
        st.success(t("imported", lang).format(stored=len(imported.stored), unchanged=len(imported.unchanged),
                                              corrected=len(imported.corrected)), icon=":material/check_circle:")
    try:
        version = resources.store().version()
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.caption(t("stored_help", lang).format(count=version[0]))
    _unreadable_notice(version, lang)
    st.download_button(t("download_stored", lang),
                       functools.partial(_current_archive, settings().database_url, version, lang),
                       file_name=f"gas-atlas-current-{dt.date.today().isoformat()}.zip", mime="application/zip",
                       icon=":material/folder_zip:", key="download-stored", on_click="ignore")
    if identity.read_only_note(visitor, lang):
        return
    st.caption(t("import_help" if visitor.can(Permission.MODERATE) else "import_help_contributor", lang))
    with st.form("import-events", border=True):
        left, right = st.columns(2)
        events_file = left.file_uploader(t("import_events", lang), type=["csv"], key="import-events-file")
        actors_file = right.file_uploader(t("import_actors", lang), type=["csv"], key="import-actors-file")
        submitted = st.form_submit_button(t("import_button", lang), icon=":material/upload:")
    if submitted:
        _import(events_file, actors_file, visitor, lang)


def _uploaded_text(upload, lang: Lang) -> str | None:
    try:
        return upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        st.error(markdown_format(t("import_not_utf8", lang), file=upload.name))
        return None


def _import(events_file, actors_file, visitor: Identity, lang: Lang) -> None:
    if events_file is None:
        st.error(t("import_need_file", lang))
        return
    events_text = _uploaded_text(events_file, lang)
    actors_text = _uploaded_text(actors_file, lang) if actors_file is not None else ""
    if events_text is None or actors_text is None:
        return
    result = notices.store_write(
        lambda: import_csv(resources.store(), visitor, resources.curated(lang), events_text, actors_text,
                           names=FileNames(events_file.name,
                                           actors_file.name if actors_file is not None else ACTORS_FILE)),
        invalid=t("import_invalid", lang), failed=t("import_failed", lang), lang=lang)
    if result is None:
        return
    st.session_state[KEY_IMPORTED] = result
    st.rerun()
