"""Review queue: moderators approve or reject what contributors submitted, beside its source article."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import review, shell

lang, atlas = shell.page()

st.title(t("review_title", lang))
st.caption(t("review_help", lang))
review.queue(atlas, shell.visitor(), lang)
review.extra_sources(atlas, shell.visitor(), lang)
review.volumes(atlas, shell.visitor(), lang)
