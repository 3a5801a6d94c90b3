"""The moderators' page of news feeds: each feed's health, the watcher's last runs and latest items, and the
forms to add a feed or switch one off. The store checks the moderator's role on every change."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from gasatlas.auth import Identity, Permission, PermissionDenied
from gasatlas.i18n import t
from gasatlas.i18n.formats import WIDGET_DATETIME_FORMAT
from gasatlas.model.vocab import Lang, label
from gasatlas.store import StoreError
from gasatlas.store.feeds import LANGUAGES, FeedRefused, FeedSeed, FeedStore
from gasatlas.ui import notices, resources

ITEMS_SHOWN = 100


def _when(lang: Lang, key: str) -> ColumnConfig:
    return st.column_config.DatetimeColumn(t(key, lang), format=WIDGET_DATETIME_FORMAT[lang])


def _link(lang: Lang) -> ColumnConfig:
    return st.column_config.LinkColumn(t("col_url", lang))


def page(visitor: Identity, lang: Lang) -> None:
    """Health, runs and items for moderators; everyone else is told whose page it is."""
    if not visitor.can(Permission.MODERATE):
        st.info(t("moderators_only", lang), icon=":material/lock:")
        return
    try:
        feeds = FeedStore(resources.store())
        listed, runs = feeds.feeds(), feeds.runs(visitor)
        items = feeds.items(visitor, limit=ITEMS_SHOWN)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.subheader(t("feeds_health", lang))
    if listed:
        health = pd.DataFrame([asdict(feed) for feed in listed])
        st.dataframe(health[["title", "url", "language", "enabled", "last_fetch", "items_seen", "items_relevant",
                             "items_proposed", "errors", "last_error"]],
                     hide_index=True, width="stretch", key="feeds-health",
                     column_config={"title": t("col_feed", lang), "url": _link(lang),
                                    "language": t("feeds_language", lang), "enabled": t("col_enabled", lang),
                                    "last_fetch": _when(lang, "col_last_fetch"),
                                    "items_seen": t("col_items_seen", lang),
                                    "items_relevant": t("col_items_relevant", lang),
                                    "items_proposed": t("col_items_proposed", lang), "errors": t("col_errors", lang),
                                    "last_error": t("col_last_error", lang)})
    else:
        st.info(t("feeds_none", lang))
    st.subheader(t("feeds_runs", lang))
    if runs:
        shown = pd.DataFrame([asdict(run) for run in runs]).drop(columns=["id"])
        shown["status"] = [label(status, lang) for status in shown["status"]]
        st.dataframe(shown, hide_index=True, width="stretch", key="feeds-runs",
                     column_config={"started_at": _when(lang, "col_started"),
                                    "finished_at": _when(lang, "col_finished"),
                                    "host": t("col_host", lang), "status": t("col_run_status", lang),
                                    "feeds": t("col_feeds_read", lang), "items_new": t("col_items_new", lang),
                                    "items_relevant": t("col_items_relevant", lang),
                                    "proposed": t("col_items_proposed", lang), "errors": t("col_errors", lang),
                                    "note": t("col_note", lang)})
    else:
        st.caption(t("feeds_runs_none", lang))
    if items:
        st.subheader(t("feeds_items", lang))
        latest = pd.DataFrame(items)[["seen_at", "feed", "title", "url", "state", "proposal", "existing_event",
                                      "error"]]
        latest["state"] = [label(state, lang) for state in latest["state"]]
        st.dataframe(latest, hide_index=True, width="stretch", key="feeds-items",
                     column_config={"seen_at": _when(lang, "col_when"), "feed": t("col_feed", lang),
                                    "title": t("col_title", lang), "url": _link(lang),
                                    "state": t("col_state", lang), "proposal": t("col_proposal", lang),
                                    "existing_event": t("col_existing", lang), "error": t("col_error", lang)})
    _add(feeds, visitor, lang)
    _switch(feeds, visitor, lang)


def _add(feeds: FeedStore, visitor: Identity, lang: Lang) -> None:
    with st.form("feeds-add", clear_on_submit=True):
        st.markdown(f"**{t('feeds_add', lang)}**")
        url = st.text_input(t("feeds_url", lang), max_chars=2000, key="feeds-add-url")
        name, language = st.columns([0.7, 0.3])
        title = name.text_input(t("feeds_name", lang), max_chars=200, key="feeds-add-title")
        chosen = language.selectbox(t("feeds_language", lang), LANGUAGES, key="feeds-add-language",
                                    format_func=lambda code: t(f"feeds_lang_{code}", lang))
        note = st.text_input(t("feeds_note", lang), max_chars=500, key="feeds-add-note")
        if not st.form_submit_button(t("feeds_add", lang), icon=":material/add:"):
            return
    try:
        feeds.add(visitor, FeedSeed(url, title, chosen, note))
    except (FeedRefused, PermissionDenied) as refusal:
        st.error(t("feeds_refused", lang).format(reason=refusal))
        return
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.success(t("feeds_added", lang))


def _switch(feeds: FeedStore, visitor: Identity, lang: Lang) -> None:
    listed = {feed.id: feed for feed in feeds.feeds()}  # read again: one may have been added just now
    if not listed:
        return

    def named(feed_id: int) -> str:
        feed = listed[feed_id]
        return f"{feed.title} — {label('enabled' if feed.enabled else 'disabled', lang)}"

    with st.form("feeds-switch"):
        st.markdown(f"**{t('feeds_switch', lang)}**")
        feed_id = st.selectbox(t("feeds_choose", lang), list(listed), key="feeds-switch-feed", format_func=named)
        comment = st.text_input(t("col_comment", lang), max_chars=500, key="feeds-switch-comment")
        off, on = st.columns(2)
        stop = off.form_submit_button(t("feeds_switch_off", lang), icon=":material/pause:")
        read = on.form_submit_button(t("feeds_switch_on", lang), icon=":material/play_arrow:")
    if not (stop or read) or feed_id is None:
        return
    try:
        feeds.set_enabled(visitor, feed_id, read, comment)
    except PermissionDenied as refusal:
        st.error(str(refusal))
        return
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.success(t("feeds_switched", lang))
