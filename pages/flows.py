"""Flows: how much gas moved along each route, with its source; and a country's gas balance for a year."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import flows, shell

lang, atlas = shell.page()

st.title(t("flows_title", lang))
st.caption(t("flows_help", lang))
flows.flows_table(atlas, lang)
st.subheader(t("matrix_title", lang))
flows.coverage(atlas, lang)
st.subheader(t("conflicts_title", lang))
flows.disagreement_table(atlas, lang)
st.subheader(t("balance_title", lang))
flows.gas_balance(atlas, lang)
