"""The review queue: every pending submission beside the article it came from and every outlet that reported it
(with where their reports disagree), to approve or reject — and the watcher's other reports of events the atlas
holds, to add as their sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from gasatlas.auth import Identity, Permission, PermissionDenied
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, label, ngettext
from gasatlas.i18n.formats import format_date, format_fraction
from gasatlas.map import event_table
from gasatlas.map.cards import volume_text
from gasatlas.model.palette import DISAGREEMENT_STYLE
from gasatlas.model.sanitize import link_html, markdown_format
from gasatlas.model.vocab import Lang
from gasatlas.news.extract.merge import disagreements
from gasatlas.store import EditConflict, StoreError
from gasatlas.store.events import json_record
from gasatlas.store.feeds import FeedStore, ItemState, SourceReport
from gasatlas.ui import editorial, notices, resources

REPORTED = {"date": N_("Date"), "volume": N_("Volume"), "place": N_("Place")}
"""What two reports of one event may disagree on, as the queue names it."""

HOST = r"^https?://(?:www\.)?([^/?#]+)"
"""An outlet shown by its site's host name, linked to the report."""


def queue(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """Each pending event: what it says, the article it came from, and the moderator's decision."""
    if not visitor.can(Permission.MODERATE):
        st.info(gettext("This page is for the atlas's moderators.", lang), icon=":material/lock:")
        return
    editorial.outcome(lang)
    try:
        editorial.merge_undo(visitor, lang)
        pending = resources.store().queue(visitor)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.caption(markdown_format(ngettext("{count} event waiting.", "{count} events waiting.", len(pending), lang),
                               count=len(pending)))
    for event in pending:
        record = event.record
        with st.container(border=True, key=f"review-{event.id}"):
            when = format_date(dt.date.fromisoformat(str(record["date"])), record["date_precision"], lang,
                               record.get(f"date_label_{lang}") or None)
            st.markdown(markdown_format("**{date}** · {kind} · {title}", date=when,
                                        kind=label(record["event_type"], lang), title=record[f"title_{lang}"]))
            confidence = "–" if event.confidence is None else format_fraction(event.confidence, lang)
            st.caption(markdown_format(gettext("Submitted by {who} · {id} · confidence {confidence}", lang),
                                       who=event.submitted_by or "?", id=event.id, confidence=confidence))
            fields, source = st.columns([0.55, 0.45], gap="medium")
            with fields:
                st.dataframe({gettext("Value", lang): {name: str(value) for name, value in record.items()}},
                             width="stretch")
                with st.expander(gettext("Edit this event", lang), icon=":material/edit:",
                                 key=f"queue-edit-{event.id}"):
                    editorial.editor(atlas, event.id, visitor, lang, key="queue")
            with source:
                article = resources.store().article(visitor, event.article_sha256) if event.article_sha256 else None
                also = record.get("also_reported")
                sources = [record["source_url"], *(also if isinstance(also, list) else [])]
                st.caption(markdown_format(gettext("Sources ({count})", lang), count=len(sources)))
                st.html("<br>".join([link_html(record["source_url"], record["source_title"]),
                                     *(link_html(url, url) for url in sources[1:])]))
                _what_they_said(FeedStore(resources.store()).reports(visitor, event.id), sources, event.id, lang)
                if article is not None:
                    st.text_area(gettext("The article it was read from", lang), article.text, height=300, disabled=True,
                                 key=f"review-article-{event.id}")
                else:
                    st.caption(gettext("No article text was kept (an import).", lang))
            editorial.moderation(atlas, event, visitor, lang, key="queue")


def _volume(said: Mapping[str, Any], lang: Lang) -> str | None:
    volume, period = said.get("volume_bcm"), said.get("volume_period")
    if volume is None or not period:
        return None
    return volume_text(float(volume), period, lang)


def _what_they_said(reports: Sequence[SourceReport], sources: Sequence[str], event_id: str, lang: Lang) -> None:
    """What each watched report of the candidate said — date, volume, place — with the fields they disagree on
    marked: the candidate holds one report's reading, and the moderator settles the others' in the editor."""
    said = sorted((report for report in reports if report.url in sources), key=lambda r: sources.index(r.url))
    if len(said) < 2:
        return
    differ = disagreements([report.reading for report in said])
    frame = pd.DataFrame({
        "outlet": [report.url for report in said],
        "date": [format_date(dt.date.fromisoformat(str(r.reading["date"])[:10]), r.reading["date_precision"], lang)
                 for r in said],
        "volume": [_volume(report.reading, lang) for report in said],
        "place": [report.reading.get(f"place_name_{lang}") or report.reading.get("place_name_en") for report in said],
    })
    marked = frame.style.format(na_rep=event_table.MISSING).set_properties(subset=differ, **DISAGREEMENT_STYLE)
    st.dataframe(marked, hide_index=True, width="stretch", key=f"review-said-{event_id}",
                 placeholder=event_table.MISSING,
                 column_config={"outlet": st.column_config.LinkColumn(gettext("Outlet", lang), display_text=HOST),
                                **{name: gettext(REPORTED[name], lang) for name in ("date", "volume", "place")}})
    if differ:
        st.warning(markdown_format(gettext("Sources disagree on: {fields}. Settle it in the editor before approving.",
                                           lang), fields=", ".join(gettext(REPORTED[name], lang) for name in differ)),
                   icon=":material/rule:")
    else:
        st.caption(gettext("No two sources disagree on date, volume or place.", lang))


def extra_sources(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """Reports the watcher found of events the atlas holds: each added to its event's sources, or dismissed."""
    if not visitor.can(Permission.MODERATE):
        return
    try:
        feeds = FeedStore(resources.store())
        waiting = feeds.items(visitor, state=ItemState.SOURCE)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    if not waiting:
        return
    st.subheader(gettext("Other reports of events in the atlas", lang))
    st.caption(gettext("The watcher found these reports of events the atlas already holds: add each to the event's "
                       "sources or dismiss it.", lang))
    for item in waiting:
        with st.container(border=True, key=f"extra-source-{item['id']}"):
            st.html(link_html(item["url"], item["title"] or item["url"]))
            st.caption(markdown_format(gettext("Event in the atlas: {event}", lang), event=item["existing_event"]))
            add, dismiss = st.columns(2)
            accept = add.button(gettext("Add as a source", lang), key=f"extra-add-{item['id']}",
                                icon=":material/add_link:")
            refuse = dismiss.button(gettext("Not this event", lang), key=f"extra-dismiss-{item['id']}",
                                    icon=":material/link_off:")
            if accept or refuse:
                try:
                    feeds.decide_source(visitor, atlas, item["id"], accept)
                except (StoreError, KeyError, PermissionDenied, EditConflict) as refusal:
                    st.error(str(refusal))
                    continue
                st.rerun()


def volumes(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """Published events whose report gives a yearly volume on a route, not yet a flow figure: each proposed as
    one, for a moderator to confirm (``editorial.flow_figure``)."""
    if not visitor.can(Permission.MODERATE):
        return
    try:
        store = resources.store()
        used = store.flow_sources()
        waiting = [json_record(event) for event in store.events()
                   if event.volume_bcm is not None and event.volume_period == "year" and event.route_ids
                   and event.id not in used]
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    if not waiting:
        return
    st.subheader(gettext("Volumes of published events, as flow figures", lang))
    st.caption(gettext("Each event below reports a yearly volume on a route. Check the proposed figure — direction, "
                       "year, kind — against the report, correct it, and add it to the flows; nothing is added "
                       "without you.", lang))
    for record in waiting:
        with st.container(border=True, key=f"flow-from-{record['id']}"):
            st.markdown(markdown_format("**{date}** · {title}", date=record["date"], title=record[f"title_{lang}"]))
            editorial.flow_figure(atlas, record, visitor, lang)

