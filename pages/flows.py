"""Flows: how much gas moved along each route, with its source; and a country's gas balance for a year."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import flows, shell

lang, atlas = shell.page()

st.title(gettext("Gas flows", lang))
st.caption(gettext("How much gas moved (or was contracted, estimated, or could move) along each route, as its source "
                   "reports it. The table follows the shared dates (figures whose period overlaps them) and countries "
                   "(a figure's two ends); event types, people and the search apply to events only.", lang))
flows.flows_table(atlas, lang)
st.subheader(gettext("Every route, every year", lang))
flows.coverage(atlas, lang)
st.subheader(gettext("Where sources disagree", lang))
flows.disagreement_table(atlas, lang)
st.subheader(gettext("Gas balance of a country", lang))
flows.gas_balance(atlas, lang)
