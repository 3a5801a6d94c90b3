"""The audit log: every change anyone made, filterable by person, action and day, downloadable —
and any event's history by its id (deleted events included), to restore what was lost."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from gasatlas.auth import Identity, Permission
from gasatlas.dataset.exports import table_csv
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label, ngettext
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT, WIDGET_DATETIME_FORMAT
from gasatlas.map.event_table import MISSING
from gasatlas.model.vocab import Lang
from gasatlas.store import Action, StoreError
from gasatlas.ui import editorial, notices, resources


def audit_log(visitor: Identity, lang: Lang) -> None:
    if not visitor.can(Permission.READ_AUDIT):
        st.info(gettext("This page is for the atlas's moderators.", lang), icon=":material/lock:")
        return
    try:
        store = resources.store()
        people = store.people(visitor)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    who, what, when = st.columns([0.4, 0.25, 0.35])
    person = who.selectbox(gettext("Person", lang), [None, *people], format_func=lambda p: p or gettext("Any", lang),
                           key="audit-person")
    action = what.selectbox(gettext("Action", lang), [None, *[str(a) for a in Action]],
                            format_func=lambda a: label(a, lang) if a else gettext("Any", lang), key="audit-action")
    days = when.date_input(gettext("Days", lang), value=[], format=WIDGET_DATE_FORMAT[lang], key="audit-days")
    since, until = (days[0], days[-1]) if days else (None, None)
    log = store.audit_log(visitor, person=person, action=action, since=since, until=until)
    st.caption(ngettext("{count} change.", "{count} changes.", len(log), lang).format(count=len(log)))
    shown = log.assign(**{column: [label(code, lang) for code in log[column]] for column in ("action", "entity",
                                                                                           "status")})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={"at": st.column_config.DatetimeColumn(gettext("When (UTC)", lang),
                                                                      format=WIDGET_DATETIME_FORMAT[lang]),
                                "actor": gettext("Who", lang), "action": gettext("Action", lang),
                                "entity": gettext("Record type", lang), "entity_id": gettext("Record", lang),
                                "number": gettext("Revision", lang), "status": gettext("Status after", lang),
                                "changes": gettext("What changed", lang), "comment": gettext("Why", lang),
                                "article_sha256": gettext("Article (SHA-256)", lang)}, placeholder=MISSING)
    st.download_button(gettext("Download the log (CSV)", lang), lambda: table_csv(log),
                       file_name=f"gas-atlas-audit-{dt.date.today().isoformat()}.csv", mime="text/csv",
                       icon=":material/download:", key="audit-download", on_click="ignore")


def event_history(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """Any event's history by id — deleted ones too, which no longer appear anywhere else."""
    if not visitor.can(Permission.MODERATE):
        return
    editorial.outcome(lang)
    event_id = st.text_input(gettext("Event id (deleted ones too)", lang), max_chars=80, key="audit-event").strip()
    if event_id:
        editorial.history(atlas, event_id, visitor, lang, key="audit")
