"""Audit log: every change to the atlas, who made it, when and why; any event's history."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import audit, shell

lang, atlas = shell.page()
visitor = shell.visitor()

st.title(gettext("Audit log", lang))
st.caption(gettext("Every change to the atlas: who made it, when, what changed and why.", lang))
audit.audit_log(visitor, lang)
st.subheader(gettext("History of an event", lang))
audit.event_history(atlas, visitor, lang)
