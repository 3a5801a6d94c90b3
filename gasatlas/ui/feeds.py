"""The moderators' page of news feeds: each feed's health, the watcher's last runs and latest items, and the
forms to add a feed or switch one off. The store checks the moderator's role on every change."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from gasatlas.auth import Identity, Permission, PermissionDenied
from gasatlas.i18n import N_, gettext, label, pgettext
from gasatlas.i18n.formats import WIDGET_DATETIME_FORMAT
from gasatlas.model.vocab import Lang
from gasatlas.store import StoreError
from gasatlas.store.feeds import LANGUAGES, FeedRefused, FeedSeed, FeedStore
from gasatlas.ui import notices, resources

ITEMS_SHOWN = 100
FEED_LANGUAGES: dict[str, str] = {
    "ru": N_("Russian"),
    "en": N_("English"),
    "kk": N_("Kazakh"),
    "uz": N_("Uzbek"),
    "tk": N_("Turkmen"),
    "ky": N_("Kyrgyz"),
    "tg": N_("Tajik"),
    "zh": N_("Chinese"),
}
"""The languages a feed may be in, by code (``gasatlas.store.feeds.LANGUAGES``)."""


def _when(lang: Lang, heading: str) -> ColumnConfig:
    return st.column_config.DatetimeColumn(gettext(heading, lang), format=WIDGET_DATETIME_FORMAT[lang])


def _link(lang: Lang) -> ColumnConfig:
    return st.column_config.LinkColumn(gettext("URL", lang))


def page(visitor: Identity, lang: Lang) -> None:
    """Health, runs and items for moderators; everyone else is told whose page it is."""
    if not visitor.can(Permission.MODERATE):
        st.info(gettext("This page is for the atlas's moderators.", lang), icon=":material/lock:")
        return
    try:
        feeds = FeedStore(resources.store())
        listed, runs = feeds.feeds(), feeds.runs(visitor)
        items = feeds.items(visitor, limit=ITEMS_SHOWN)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.subheader(gettext("Feeds", lang))
    if listed:
        health = pd.DataFrame([asdict(feed) for feed in listed])
        st.dataframe(health[["title", "url", "language", "enabled", "last_fetch", "items_seen", "items_relevant",
                             "items_proposed", "errors", "last_error"]],
                     hide_index=True, width="stretch", key="feeds-health",
                     column_config={"title": gettext("Feed", lang), "url": _link(lang),
                                    "language": gettext("Language", lang), "enabled": gettext("Read", lang),
                                    "last_fetch": _when(lang, N_("Last read (UTC)")),
                                    "items_seen": gettext("Items read", lang),
                                    "items_relevant": gettext("About gas", lang),
                                    "items_proposed": pgettext("feed items", "Proposed", lang),
                                    "errors": gettext("Errors", lang),
                                    "last_error": gettext("Last error", lang)})
    else:
        st.info(gettext("No feed is watched yet: add one below, or run the watcher once to add the seed list.", lang))
    st.subheader(gettext("The watcher's last runs", lang))
    if runs:
        shown = pd.DataFrame([asdict(run) for run in runs]).drop(columns=["id"])
        shown["status"] = [label(status, lang) for status in shown["status"]]
        st.dataframe(shown, hide_index=True, width="stretch", key="feeds-runs",
                     column_config={"started_at": _when(lang, N_("Started (UTC)")),
                                    "finished_at": _when(lang, N_("Finished (UTC)")),
                                    "host": gettext("Machine", lang), "status": gettext("Outcome", lang),
                                    "feeds": pgettext("count column", "Feeds", lang),
                                    "items_new": gettext("New items", lang),
                                    "items_relevant": gettext("About gas", lang),
                                    "proposed": pgettext("feed items", "Proposed", lang),
                                    "errors": gettext("Errors", lang),
                                    "note": gettext("Note", lang)})
    else:
        st.caption(gettext("The watcher has not run yet.", lang))
    if items:
        st.subheader(gettext("Latest items read", lang))
        latest = pd.DataFrame(items)[["seen_at", "feed", "title", "url", "state", "proposal", "existing_event",
                                      "error"]]
        latest["state"] = [label(state, lang) for state in latest["state"]]
        st.dataframe(latest, hide_index=True, width="stretch", key="feeds-items",
                     column_config={"seen_at": _when(lang, N_("When (UTC)")), "feed": gettext("Feed", lang),
                                    "title": gettext("Event", lang), "url": _link(lang),
                                    "state": gettext("What became of it", lang), "proposal": gettext("Candidate", lang),
                                    "existing_event": gettext("Atlas event", lang), "error": gettext("Error", lang)})
    _add(feeds, visitor, lang)
    _switch(feeds, visitor, lang)


def _add(feeds: FeedStore, visitor: Identity, lang: Lang) -> None:
    with st.form("feeds-add", clear_on_submit=True):
        st.markdown(f"**{gettext('Add a feed', lang)}**")
        url = st.text_input(gettext("Feed address (RSS or Atom)", lang), max_chars=2000, key="feeds-add-url")
        name, language = st.columns([0.7, 0.3])
        title = name.text_input(gettext("Outlet", lang), max_chars=200, key="feeds-add-title")
        chosen = language.selectbox(gettext("Language", lang), LANGUAGES, key="feeds-add-language",
                                    format_func=lambda code: gettext(FEED_LANGUAGES[code], lang))
        note = st.text_input(gettext("Why watch it", lang), max_chars=500, key="feeds-add-note")
        if not st.form_submit_button(gettext("Add a feed", lang), icon=":material/add:"):
            return
    try:
        feeds.add(visitor, FeedSeed(url, title, chosen, note))
    except (FeedRefused, PermissionDenied) as refusal:
        st.error(gettext("The feed was not added: {reason}", lang).format(reason=refusal))
        return
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    st.success(gettext("Feed added: the watcher reads it on its next run.", lang))


def _switch(feeds: FeedStore, visitor: Identity, lang: Lang) -> None:
    listed = {feed.id: feed for feed in feeds.feeds()}  # read again: one may have been added just now
    if not listed:
        return

    def named(feed_id: int) -> str:
        feed = listed[feed_id]
        return f"{feed.title} — {label('enabled' if feed.enabled else 'disabled', lang)}"

    with st.form("feeds-switch"):
        st.markdown(f"**{gettext('Switch a feed on or off', lang)}**")
        feed_id = st.selectbox(gettext("Feed", lang), list(listed), key="feeds-switch-feed", format_func=named)
        comment = st.text_input(gettext("Why", lang), max_chars=500, key="feeds-switch-comment")
        off, on = st.columns(2)
        stop = off.form_submit_button(gettext("Stop reading it", lang), icon=":material/pause:")
        read = on.form_submit_button(gettext("Read it again", lang), icon=":material/play_arrow:")
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
    st.success(gettext("Done: the audit log keeps who changed it and why.", lang))
