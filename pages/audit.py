"""Audit log: every change to the atlas, who made it, when and why; any event's history."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import audit, shell

lang, atlas = shell.page()
visitor = shell.visitor()

st.title(t("audit_title", lang))
st.caption(t("audit_help", lang))
audit.audit_log(visitor, lang)
st.subheader(t("event_history", lang))
audit.event_history(atlas, visitor, lang)
