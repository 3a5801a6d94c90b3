"""The audit log: every change anyone made, filterable by person, action and day, downloadable —
and any event's history by its id (deleted events included), to restore what was lost."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from gasatlas.auth import Identity, Permission
from gasatlas.dataset.exports import table_csv
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import t
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT, WIDGET_DATETIME_FORMAT
from gasatlas.map.event_table import MISSING
from gasatlas.model.vocab import Lang, label
from gasatlas.store import Action, StoreError
from gasatlas.ui import editorial, notices, resources


def audit_log(visitor: Identity, lang: Lang) -> None:
    if not visitor.can(Permission.READ_AUDIT):
        st.info(t("moderators_only", lang), icon=":material/lock:")
        return
    try:
        store = resources.store()
        people = store.people(visitor)
    except StoreError as error:
        notices.store_unavailable(error, lang)
        return
    who, what, when = st.columns([0.4, 0.25, 0.35])
    person = who.selectbox(t("audit_person", lang), [None, *people], format_func=lambda p: p or t("any", lang),
                           key="audit-person")
    action = what.selectbox(t("audit_action", lang), [None, *[str(a) for a in Action]],
                            format_func=lambda a: label(a, lang) if a else t("any", lang), key="audit-action")
    days = when.date_input(t("audit_days", lang), value=[], format=WIDGET_DATE_FORMAT[lang], key="audit-days")
    since, until = (days[0], days[-1]) if days else (None, None)
    log = store.audit_log(visitor, person=person, action=action, since=since, until=until)
    st.caption(t("audit_count", lang).format(count=len(log)))
    shown = log.assign(**{column: [label(code, lang) for code in log[column]] for column in ("action", "entity",
                                                                                           "status")})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={"at": st.column_config.DatetimeColumn(t("col_when", lang),
                                                                      format=WIDGET_DATETIME_FORMAT[lang]),
                                "actor": t("col_who", lang), "action": t("col_action", lang),
                                "entity": t("col_entity", lang), "entity_id": t("col_record", lang),
                                "number": t("col_revision", lang), "status": t("col_status_now", lang),
                                "changes": t("col_changes", lang), "comment": t("col_comment", lang),
                                "article_sha256": t("col_article", lang)}, placeholder=MISSING)
    st.download_button(t("audit_download", lang), lambda: table_csv(log),
                       file_name=f"gas-atlas-audit-{dt.date.today().isoformat()}.csv", mime="text/csv",
                       icon=":material/download:", key="audit-download", on_click="ignore")


def event_history(atlas: Dataset, visitor: Identity, lang: Lang) -> None:
    """Any event's history by id — deleted ones too, which no longer appear anywhere else."""
    if not visitor.can(Permission.MODERATE):
        return
    editorial.outcome(lang)
    event_id = st.text_input(t("audit_event", lang), max_chars=80, key="audit-event").strip()
    if event_id:
        editorial.history(atlas, event_id, visitor, lang, key="audit")
