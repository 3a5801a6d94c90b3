"""Compare: two moments side by side — what changed in the network, the agreements, the flows, the events."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import compare, shell

lang, atlas = shell.page()

st.title(t("compare_title", lang))
compare.workspace(atlas, lang)
