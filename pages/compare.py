"""Compare: two moments side by side — what changed in the network, the agreements, the flows, the events."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import compare, shell

lang, atlas = shell.page()

st.title(gettext("Compare two moments", lang))
compare.workspace(atlas, lang)
