"""The data & sources page: what the atlas cites, what its columns mean, and downloads of the view."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from gasatlas.analysis.filters import EventFilter, filter_mask
from gasatlas.analysis.viewstate import to_query
from gasatlas.auth import Identity, Permission
from gasatlas.config import settings
from gasatlas.dataset import exports, freshness
from gasatlas.dataset.dictionary import dictionary_frame
from gasatlas.dataset.load import ACTORS_FILE, FLOWS_FILE, Dataset
from gasatlas.dataset.sources import sources_table
from gasatlas.i18n import N_, gettext, ngettext, pgettext
from gasatlas.i18n.formats import format_date
from gasatlas.map.event_table import MISSING, SOURCE_HOST
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.model.vocab import Lang
from gasatlas.store import FileNames, ImportFiles, StoreError, export_archive, import_files
from gasatlas.ui import identity, notices, resources, state
from gasatlas.ui.provenance import provenance_line

KEY_IMPORTED = "data_imported"
IMPORT_HELP_MODERATOR = N_("Import such files: new events are published, changed ones are corrections (revisions); "
                           "new flow figures are added.")
IMPORT_HELP_CONTRIBUTOR = N_("Import such files: new events go to the review queue; changes to existing events need a "
                             "moderator.")


def sources(atlas: Dataset, lang: Lang) -> None:
    shown = state.view().filter.shown(atlas)
    st.caption(gettext("Every source the atlas cites; the counts follow the filters.", lang))
    st.dataframe(
        sources_table(atlas, shown), hide_index=True, width="stretch",
        column_config={
            "title": st.column_config.TextColumn(gettext("Source", lang), width="large"),
            "url": st.column_config.LinkColumn(gettext("URL", lang), display_text=SOURCE_HOST),
            "events": st.column_config.NumberColumn(gettext("Events resting on it", lang)),
            "also_reported": st.column_config.NumberColumn(gettext("Also reported", lang)),
            "routes": st.column_config.NumberColumn(pgettext("count column", "Routes", lang)),
            "facilities": st.column_config.NumberColumn(pgettext("count column", "Facilities", lang)),
            "actors": st.column_config.NumberColumn(pgettext("count column", "Actors", lang)),
        },
        placeholder=MISSING,
    )


def dictionary(lang: Lang) -> None:
    st.dataframe(
        dictionary_frame(lang), hide_index=True, width="stretch", placeholder=MISSING,
        column_config={"file": gettext("File", lang), "column": gettext("Column", lang),
                       "meaning": st.column_config.TextColumn(gettext("Meaning", lang), width="large")}
    )


@st.cache_data(show_spinner=False, max_entries=12)
def _events_file(_atlas: Dataset, content_version: str, event_filter: EventFilter, kind: str) -> bytes:  # noqa: ARG001 -- a cache key only
    """One download of the filtered events, built once per data version, filter and format."""
    shown = event_filter.shown(_atlas)
    if kind == "csv":
        return exports.events_csv(exports.frame_records(shown, EVENT_COLUMNS)).encode("utf-8")
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
    st.caption(markdown_format(gettext("Events as filtered now ({count}); the CSV can be imported back into the atlas.",
                                       lang), count=count))
    stamp = freshness.stamp(atlas.last_updated)
    st.caption(provenance_line(atlas, lang))

    def events_file(kind: str) -> Callable[[], bytes]:
        return functools.partial(_events_file, atlas, atlas.events_content_version, event_filter, kind)

    columns = [*st.columns(3), *st.columns(3)[:2]]  # two rows: labels stay whole at laptop width
    columns[0].download_button(gettext("Events (CSV)", lang), events_file("csv"),
                               file_name=f"gas-atlas-events-{stamp}.csv",
                               mime="text/csv", icon=":material/table:", key="download-csv", on_click="ignore")
    columns[1].download_button(gettext("Events (GeoJSON)", lang), events_file("geojson"),
                               file_name=f"gas-atlas-events-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/map:", key="download-geojson", on_click="ignore")
    columns[2].download_button(gettext("Events (Excel)", lang), events_file("excel"),
                               file_name=f"gas-atlas-events-{stamp}.xlsx",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               icon=":material/grid_on:", key="download-excel", on_click="ignore")
    columns[3].download_button(gettext("Routes (GeoJSON)", lang),
                               lambda: exports.geojson_text(exports.routes_geojson(atlas.routes)),
                               file_name=f"gas-atlas-routes-{stamp}.geojson", mime="application/geo+json",
                               icon=":material/timeline:", key="download-routes", on_click="ignore")
    columns[4].download_button(gettext("Facilities (GeoJSON)", lang),
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
    citation = ngettext("Central Asia Gas Atlas: {count} event, {start} – {end}{facets}. Accessed {today}. {url}",
                        "Central Asia Gas Atlas: {count} events, {start} – {end}{facets}. Accessed {today}. {url}",
                        len(shown), lang)
    text = citation.format(
        count=len(shown), start=format_date(f.dates.start, "day", lang), end=format_date(f.dates.end, "day", lang),
        facets=f" ({'; '.join(facets)})" if facets else "", today=format_date(dt.date.today(), "day", lang),
        url=view_link(atlas),
    )
    credits = gettext("Country shapes: Natural Earth. Route lines: Global Energy Monitor (CC BY 4.0), © OpenStreetMap "
                      "contributors (ODbL). Facts: the sources listed above.", lang)
    st.code(f"{text}\n{credits}", language=None, wrap_lines=True)


@st.cache_data(show_spinner=False, max_entries=2)
def _current_archive(url: str, version: tuple[Any, ...], lang: Lang) -> bytes:  # noqa: ARG001 -- a cache key only
    return export_archive(resources.store(), resources.curated(lang))


@st.cache_data(show_spinner=False, max_entries=2)
def _unreadable(url: str, version: tuple[Any, ...]) -> pd.DataFrame:  # noqa: ARG001 -- a cache key only
    return pd.DataFrame([vars(item) for item in resources.store().unreadable()], columns=["table", "id", "reason"])


def _unreadable_notice(version: tuple[Any, ...], lang: Lang) -> None:
    """Stored rows that fail today's validation are skipped everywhere; here they are listed to be fixed."""
    unreadable = _unreadable(settings().database_url, version)
    if not unreadable.empty:
        st.warning(markdown_format(ngettext("{count} stored record is not shown: it fails today's checks (for "
                                            "example a date outside 1900 to today). Correct or remove it in the "
                                            "database:",
                                            "{count} stored records are not shown: they fail today's checks (for "
                                            "example a date outside 1900 to today). Correct or remove them in the "
                                            "database:", len(unreadable), lang), count=len(unreadable)),
                   icon=":material/report:")
        st.dataframe(unreadable, hide_index=True, width="stretch", placeholder=MISSING)


def stored_events(visitor: Identity, lang: Lang) -> None:
    """The atlas's current state in the data/ formats, and (for contributors and moderators) an import."""
    imported = st.session_state.pop(KEY_IMPORTED, None)
    if imported is not None:
        stored, corrected = len(imported.stored), len(imported.corrected)
        new = ngettext("{count} new event", "{count} new events", stored, lang).format(count=stored)
        corrections = ngettext("{count} correction", "{count} corrections", corrected, lang).format(count=corrected)
        done = gettext("Imported {new} and {corrections}; {unchanged} were already in the atlas.", lang).format(
            new=new, corrections=corrections, unchanged=len(imported.unchanged))
        if imported.flows:
            done += " " + ngettext("{count} flow figure added.", "{count} flow figures added.", len(imported.flows),
                                   lang).format(count=len(imported.flows))
        st.success(done, icon=":material/check_circle:")
    try:
        version = resources.store().version()
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    added = ngettext("{count} event record added in the app", "{count} event records added in the app", version[0],
                     lang).format(count=version[0])
    st.caption(gettext("The atlas as it stands now — the curated files with the moderators' corrections, and the "
                       "{added} — in the format of data/events.csv and data/actors.csv, with the flow figures "
                       "moderators added as rows of data/flows.csv: to review corrections and figures into the "
                       "curated files, or to move the atlas to another deployment.", lang).format(added=added))
    _unreadable_notice(version, lang)
    st.download_button(gettext("The atlas now (ZIP of events.csv, actors.csv, flows.csv)", lang),
                       functools.partial(_current_archive, settings().database_url, version, lang),
                       file_name=f"gas-atlas-current-{dt.date.today().isoformat()}.zip", mime="application/zip",
                       icon=":material/folder_zip:", key="download-stored", on_click="ignore")
    if identity.read_only_note(visitor, lang):
        return
    moderator = visitor.can(Permission.MODERATE)
    st.caption(gettext(IMPORT_HELP_MODERATOR if moderator else IMPORT_HELP_CONTRIBUTOR, lang))
    with st.form("import-events", border=True):
        columns = st.columns(3 if moderator else 2)
        events_file = columns[0].file_uploader(gettext("events.csv to import", lang), type=["csv"],
                                               key="import-events-file")
        actors_file = columns[1].file_uploader(gettext("actors.csv with the people they name (optional)", lang),
                                               type=["csv"], key="import-actors-file")
        flows_file = columns[2].file_uploader(gettext("flows.csv with flow figures to add (optional)", lang),
                                              type=["csv"], key="import-flows-file") if moderator else None
        submitted = st.form_submit_button(gettext("Import", lang), icon=":material/upload:")
    if submitted:
        _import((events_file, actors_file, flows_file), visitor, lang)


def _uploaded_text(upload: Any, lang: Lang) -> str | None:
    try:
        return str(upload.getvalue().decode("utf-8-sig"))
    except UnicodeDecodeError:
        st.error(markdown_format(gettext("{file} is not UTF-8 text.", lang), file=upload.name))
        return None


def _import(uploads: tuple[Any, Any, Any], visitor: Identity, lang: Lang) -> None:
    """Import the uploaded events file with the optional actors and flows files (``None`` where not given)."""
    events_file, actors_file, flows_file = uploads
    if events_file is None:
        st.error(gettext("Choose an events.csv first.", lang))
        return
    events_text = _uploaded_text(events_file, lang)
    actors_text = _uploaded_text(actors_file, lang) if actors_file is not None else ""
    flows_text = _uploaded_text(flows_file, lang) if flows_file is not None else ""
    if events_text is None or actors_text is None or flows_text is None:
        return
    names = FileNames(events_file.name, actors_file.name if actors_file is not None else ACTORS_FILE,
                      flows_file.name if flows_file is not None else FLOWS_FILE)
    result = notices.store_write(
        lambda: import_files(resources.store(), visitor, resources.curated(lang),
                             ImportFiles(events_text, actors_text, flows_text, names)),
        invalid=gettext("Nothing was imported. Fix these rows and try again:", lang),
        failed=gettext("Nothing was imported: the event store is unavailable. Please try again later.", lang),
        lang=lang)
    if result is None:
        return
    st.session_state[KEY_IMPORTED] = result
    st.rerun()
