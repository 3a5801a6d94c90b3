"""The Add news page's parts: the article form, the review table of candidates, the save."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from gasatlas.analysis.viewstate import Selection
from gasatlas.auth import Identity, Permission
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, label, ngettext, pgettext
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT
from gasatlas.map.event_table import MISSING
from gasatlas.model import datewindow
from gasatlas.model.sanitize import markdown_format, markdown_text
from gasatlas.model.vocab import DatePrecision, EventType, GeoPrecision, Lang
from gasatlas.news import fetch, ingest
from gasatlas.news.extract import MAX_ARTICLE_CHARS, ArticleError, Candidate, language_of
from gasatlas.news.extract.sentences import LANGUAGE_SUPPORT
from gasatlas.news.jobs import Job, JobState, QueueFull
from gasatlas.store import StoreError
from gasatlas.ui import navigation, notices, resources, state
from gasatlas.ui.editorial import submissions_table

if TYPE_CHECKING:
    from streamlit.elements.lib.column_types import ColumnConfig

KEY_ARTICLE = "news_article"
KEY_JOB = "news_job"
KEY_CANCELLED = "news_cancelled"
KEY_FAILED = "news_failed"
KEY_CANDIDATES = "news_candidates"
KEY_REVIEW = "news_review_version"
KEY_SAVED = "news_saved_ids"
KEY_READ_AS = "news_read_as"
UPLOAD_TYPES = ["txt", "md", "html", "htm"]
EDITABLE = ["accept", "date", "date_precision", "event_type", "title_en", "title_ru", "place_name_en",
            "place_name_ru", "place_country", "lat", "lon", "geo_precision", "countries", "participants",
            "organisations", "route_ids", "facility_ids"]
SHOWN = [*EDITABLE, "confidence", "duplicate_of", "flags", "quote"]
PROGRESS_INTERVAL_S = 0.5
READING_STAGES: dict[str, str] = {
    "fetch": N_("Fetching the page"),
    "analyse": N_("Analysing the text"),
    "read": N_("Reading sentence by sentence"),
    "compose": N_("Composing candidate events"),
}
"""What the article reader is doing, by the stage its job reports."""
log = logging.getLogger("gasatlas")


def article_form(lang: Lang) -> ingest.ArticleRequest | None:
    """The article and its source; returns what to read when the reader asks for extraction. Nothing is
    fetched, decoded or parsed here: that is the pool's work (``ingest.read_and_propose``)."""
    with st.form("article", border=True):
        pasted = st.text_area(gettext("Article text (Russian or English)", lang), height=220,
                              max_chars=MAX_ARTICLE_CHARS,
                              placeholder=gettext("Paste the article here…", lang))
        uploaded = st.file_uploader(gettext("…or upload a .txt, .md or .html file", lang), type=UPLOAD_TYPES)
        link = st.text_input(gettext("…or the article's link: the atlas fetches the page itself", lang),
                             placeholder="https://…", max_chars=1000, key="news_link")
        left, right = st.columns(2)
        published = left.date_input(gettext("Publication date", lang), value=None, min_value=datewindow.EARLIEST,
                                    max_value=datewindow.latest(), format=WIDGET_DATE_FORMAT[lang])
        source_title = right.text_input(gettext("Source (publication and headline)", lang), max_chars=300)
        source_url = st.text_input(gettext("Source URL", lang), placeholder="https://…", max_chars=1000)
        submitted = st.form_submit_button(gettext("Find events", lang), type="primary", icon=":material/auto_awesome:")
    if not submitted:
        return None
    given = uploaded is not None or bool(pasted.strip())
    link = "" if given else link.strip()
    source_url = source_url.strip() or link
    problems = []
    if not given and not link:
        problems.append(gettext("Paste a text, upload a file or give the article's link.", lang))
    if published is None:
        problems.append(gettext("Give the publication date: dates in the text are read against it.", lang))
    if not source_title.strip() and not link:  # a fetched page may name itself
        problems.append(gettext("Name the source (publication and headline).", lang))
    if not (link and source_url == link) and not source_url.startswith(("https://", "http://")):  # links: the fetcher
        problems.append(gettext("Give the source's full URL (https://…).", lang))
    if problems or published is None:
        st.error("\n".join(f"- {markdown_text(problem)}" for problem in problems))
        return None
    raw: bytes | str | None = None
    filename: str | None = None
    if uploaded is not None:
        raw, filename = uploaded.getvalue(), uploaded.name
    elif given:
        raw = pasted
    return ingest.ArticleRequest(published, source_title.strip(), source_url, raw=raw, filename=filename,
                                 link=link or None, allow_hosts=tuple(settings().fetch_allow_hosts),
                                 deadline=settings().fetch_deadline_s)


def proposed_actors(lang: Lang) -> None:
    """The people and organisations the article names that the atlas does not know yet, once each however
    spelled: they are stored with the events that name them, so the reviewer should check their names."""
    candidates: list[Candidate] = st.session_state.get(KEY_CANDIDATES) or []
    actors = ingest.new_actors(candidates)
    if not actors:
        return
    st.caption(gettext("New people and organisations this article names (one line each, however spelled). They are "
                       "saved with the events that name them: check their names and transliterations.", lang))
    st.dataframe(pd.DataFrame([{gettext("Name (RU)", lang): a.name_ru,
                                gettext("Name (EN, machine transliteration)", lang): a.name_en,
                                pgettext("actor", "Kind", lang): label(a.kind, lang), gettext("id", lang): a.id}
                               for a in actors]),
                 hide_index=True, key="news-new-actors", placeholder=MISSING)


def propose(atlas: Dataset, request: ingest.ArticleRequest, lang: Lang) -> None:
    """Hand the request to the shared pool of readers; the progress panel follows the job."""
    previous = st.session_state.pop(KEY_JOB, None)
    if previous is not None:
        previous.cancel()
    try:
        job = resources.extraction_pool().submit(functools.partial(ingest.read_and_propose, request, atlas))
    except QueueFull:
        st.warning(gettext("The article reader is busy with other visitors' articles. Please try again in a minute.",
                           lang), icon=":material/hourglass_top:")
        return
    st.session_state[KEY_JOB] = job
    st.session_state.pop(KEY_ARTICLE, None)
    st.session_state.pop(KEY_CANDIDATES, None)
    st.session_state.pop(KEY_SAVED, None)


def _cancel() -> None:
    job = st.session_state.pop(KEY_JOB, None)
    if job is not None:
        job.cancel()
    st.session_state[KEY_CANCELLED] = True


def _take_result(job: Job[ingest.Reading], lang: Lang) -> None:
    """Move a finished job's article and candidates into the review (or say why there are none)."""
    st.session_state.pop(KEY_JOB, None)
    if job.state == JobState.DONE and job.result is not None:
        reading = job.result
        st.session_state[KEY_ARTICLE] = reading.article
        st.session_state[KEY_CANDIDATES] = reading.candidates
        st.session_state[KEY_REVIEW] = st.session_state.get(KEY_REVIEW, 0) + 1
        if reading.filename is not None and reading.article.encoding not in (None, "UTF-8"):
            st.session_state[KEY_READ_AS] = markdown_format(gettext("{file} was read as {encoding}.", lang),
                                                            file=reading.filename,
                                                            encoding=reading.article.encoding)
    elif job.state == JobState.FAILED:
        if isinstance(job.error, fetch.FetchError):
            st.session_state[KEY_FAILED] = markdown_format("{reason}: {error}",
                                                           reason=gettext("The page cannot be read", lang),
                                                           error=job.error)
        elif isinstance(job.error, ArticleError | ValueError):
            st.session_state[KEY_FAILED] = markdown_format("{reason}: {error}",
                                                           reason=gettext("The article cannot be used", lang),
                                                           error=job.error)
        else:
            log.error("extraction failed", exc_info=job.error)
            st.session_state[KEY_FAILED] = gettext("The article could not be read. The details were logged for the "
                                                   "operator.", lang)


@st.fragment(run_every=PROGRESS_INTERVAL_S)
def _progress_panel(lang: Lang) -> None:
    job: Job[ingest.Reading] | None = st.session_state.get(KEY_JOB)
    if job is None:
        return
    if job.finished:
        _take_result(job, lang)
        st.rerun(scope="app")
    position = resources.extraction_pool().position(job)
    if position:
        st.progress(0.0, text=markdown_format(gettext("Waiting for a free reader: {position} in line.", lang),
                                              position=position))
    else:
        stage = gettext(READING_STAGES[job.stage] if job.stage else "Reading the article…", lang)
        st.progress(job.fraction, text=f"{markdown_text(stage)} · {job.fraction:.0%}")
    st.button(gettext("Cancel", lang), on_click=_cancel, icon=":material/cancel:", key="news-cancel")


def extraction_progress(lang: Lang) -> None:
    """While the article is being read: its place in line or its progress, and a way to cancel;
    then what came of it. The panel polls on its own, so the rest of the page stays responsive."""
    if st.session_state.pop(KEY_CANCELLED, False):
        st.info(gettext("Reading was cancelled.", lang), icon=":material/cancel:")
    if failed := st.session_state.pop(KEY_FAILED, None):
        st.error(failed)
    if read_as := st.session_state.pop(KEY_READ_AS, None):
        st.info(read_as, icon=":material/translate:")
    if KEY_JOB in st.session_state:
        _progress_panel(lang)


def language_note(article: ingest.Article, lang: Lang) -> None:
    st.caption(gettext(LANGUAGE_SUPPORT[language_of(article.text)], lang))


def _review_frame(candidates: list[Candidate], atlas: Dataset) -> pd.DataFrame:
    rows = []
    for candidate, duplicates in zip(candidates, ingest.duplicates_of(candidates, atlas), strict=True):
        row = {column: candidate.event.get(column) for column in EDITABLE if column != "accept"}
        for column in ("countries", "participants", "organisations", "route_ids", "facility_ids"):
            row[column] = list(row[column] or [])
        row.update(accept=not duplicates, confidence=candidate.confidence, duplicate_of=", ".join(duplicates),
                   flags="; ".join(candidate.flags), quote=candidate.event.get("quote") or "")
        rows.append(row)
    return pd.DataFrame(rows, columns=SHOWN)


def _names(frame: pd.DataFrame, column: str, lang: Lang) -> dict[str, str]:
    return dict(zip(frame["id"], frame[f"{column}_{lang}"], strict=True))


def review(atlas: Dataset, lang: Lang) -> pd.DataFrame | None:
    """The candidates in an editable table: accept, correct or reject each one."""
    candidates: list[Candidate] = st.session_state.get(KEY_CANDIDATES) or []
    if not candidates:
        st.info(gettext("No dated event was found in this article.", lang), icon=":material/search_off:")
        return None
    new_people = {a.id: a.name_ru for c in candidates for a in c.new_actors}
    actors = atlas.actors
    people = {**_names(actors[actors["kind"] == "person"], "name", lang), **new_people}
    organisations = _names(actors[actors["kind"] == "organisation"], "name", lang)
    organisations |= {a.id: a.name_ru for c in candidates for a in c.new_actors if a.kind == "organisation"}
    countries = dict(zip(atlas.countries["iso_a3"], atlas.countries[f"name_{lang}"], strict=True))
    routes, facilities = _names(atlas.routes, "name", lang), _names(atlas.facilities, "name", lang)

    def multi(title: str, options: dict[str, str]) -> ColumnConfig:
        return st.column_config.MultiselectColumn(title, options=list(options), format_func=lambda o: options.get(o, o))

    def select(title: str, options: list[str], named: bool = True) -> ColumnConfig:
        return st.column_config.SelectboxColumn(title, options=options, required=True,
                                                format_func=(lambda o: label(str(o), lang)) if named else None)

    st.caption(gettext("Each row is one event the article reports. Untick what is wrong, correct dates, places, types "
                       "and people in place; rows that repeat a stored event start unticked.", lang))
    return st.data_editor(
        _review_frame(candidates, atlas),
        key=f"news-review-{st.session_state[KEY_REVIEW]}",
        hide_index=True,
        num_rows="fixed",
        disabled=["confidence", "duplicate_of", "flags", "quote"],
        column_config={
            "accept": st.column_config.CheckboxColumn(gettext("Keep", lang), pinned=True),
            "date": st.column_config.DateColumn(gettext("Date", lang), format=WIDGET_DATE_FORMAT[lang], required=True),
            "date_precision": select(gettext("Date precision", lang), [str(p) for p in DatePrecision]),
            "event_type": select(gettext("Type", lang), [str(e) for e in EventType]),
            "title_en": st.column_config.TextColumn(gettext("Title (EN)", lang), required=True, max_chars=300),
            "title_ru": st.column_config.TextColumn(gettext("Title (RU)", lang), required=True, max_chars=300),
            "place_name_en": st.column_config.TextColumn(gettext("Place", lang) + " (EN)", required=True),
            "place_name_ru": st.column_config.TextColumn(gettext("Place", lang) + " (RU)", required=True),
            "place_country": select(gettext("Country", lang), list(countries), named=False),
            "lat": st.column_config.NumberColumn(gettext("lat", lang), min_value=-90, max_value=90, format="%.4f"),
            "lon": st.column_config.NumberColumn(gettext("lon", lang), min_value=-180, max_value=360, format="%.4f"),
            "geo_precision": select(gettext("Location", lang), [str(p) for p in GeoPrecision]),
            "countries": multi(gettext("Countries", lang), countries),
            "participants": multi(gettext("Participants", lang), people),
            "organisations": multi(gettext("Organisations", lang), organisations),
            "route_ids": multi(gettext("Routes", lang), routes),
            "facility_ids": multi(gettext("Facilities", lang), facilities),
            "confidence": st.column_config.ProgressColumn(gettext("Confidence", lang), min_value=0, max_value=1),
            "duplicate_of": st.column_config.TextColumn(gettext("Already stored as", lang)),
            "flags": st.column_config.TextColumn(gettext("Check", lang), width="large"),
            "quote": st.column_config.TextColumn(gettext("Supporting sentence", lang), width="large"),
        },
        placeholder=MISSING,
    )


def accepted_candidates(edited: pd.DataFrame) -> list[Candidate]:
    """The reviewed candidates the reader kept, with their corrections applied."""
    candidates: list[Candidate] = st.session_state[KEY_CANDIDATES]
    kept = []
    for candidate, (_, row) in zip(candidates, edited.iterrows(), strict=True):
        if not row["accept"]:
            continue
        event = dict(candidate.event)
        for column in EDITABLE[1:]:
            value = row[column]
            event[column] = list(value) if isinstance(value, list | tuple) else value
        if isinstance(event["date"], pd.Timestamp):
            event["date"] = event["date"].date()
        used = set(event["participants"]) | set(event["organisations"])
        kept.append(Candidate(event=event, confidence=candidate.confidence, flags=candidate.flags,
                              new_actors=[a for a in candidate.new_actors if a.id in used],
                              sentence_index=candidate.sentence_index))
    return kept


def save_button(edited: pd.DataFrame, visitor: Identity, lang: Lang) -> None:
    """Submit the kept candidates: to the review queue, or straight onto the atlas for a moderator."""
    accepted = accepted_candidates(edited)
    moderator = visitor.can(Permission.MODERATE)
    button = (ngettext("Save {count} event", "Save {count} events", len(accepted), lang) if moderator else
              ngettext("Submit {count} event for review", "Submit {count} events for review", len(accepted), lang))
    label = button.format(count=len(accepted))
    if not st.button(label, type="primary", disabled=not accepted, icon=":material/save:"):
        return
    stored = notices.store_write(
        lambda: ingest.save(resources.store(), visitor, resources.curated(lang), st.session_state[KEY_ARTICLE],
                            accepted),
        invalid=gettext("Nothing was saved. Correct these fields:", lang),
        failed=gettext("Nothing was saved: the event store is unavailable. Please try again later.", lang), lang=lang)
    if stored is None:
        return
    st.session_state[KEY_SAVED] = (stored, moderator)
    st.session_state.pop(KEY_CANDIDATES, None)
    st.rerun()


def saved_notice(visitor: Identity, lang: Lang) -> None:
    """After a save: what was stored (published, or waiting for review), and a way to see it on the map."""
    saved = st.session_state.get(KEY_SAVED)
    if not saved or not saved[0]:
        return
    stored, published = saved
    done = (ngettext("Saved {count} event. It is on the map and in the table now.",
                     "Saved {count} events. They are on the map and in the table now.", len(stored), lang)
            if published else
            ngettext("Submitted {count} event for review. Moderators will check it against the article; until then "
                     "only you see it, marked as unreviewed.",
                     "Submitted {count} events for review. Moderators will check them against the article; until "
                     "then only you see them, marked as unreviewed.", len(stored), lang))
    st.success(done.format(count=len(stored)),
               icon=":material/check_circle:")
    if st.button(gettext("Show on the map", lang), icon=":material/map:"):
        atlas = resources.dataset(lang, visitor)
        state.reset_filters(atlas)
        state.select(Selection("event", stored[0]), centre=True, refresh_table=True)
        st.switch_page(navigation.MAP.path)


def my_submissions(visitor: Identity, lang: Lang) -> None:
    """A contributor's own submissions: what waits for review, what was published or rejected, and why."""
    if visitor.can(Permission.MODERATE):
        return
    try:
        submitted = resources.store().submissions(visitor)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    if not submitted:
        return
    st.subheader(gettext("Your submissions", lang))
    st.dataframe(submissions_table(submitted, resources.store(), visitor, lang), hide_index=True,
                 width="stretch", column_config={"date": gettext("Date", lang), "title": gettext("Event", lang),
                                                 "status": gettext("Status", lang), "comment": gettext("Why", lang),
                                                 "id": gettext("id", lang)}, placeholder=MISSING)
