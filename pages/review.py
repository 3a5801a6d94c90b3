"""Review queue: moderators approve or reject what contributors submitted, beside its source article."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import review, shell

lang, atlas = shell.page()

st.title(gettext("Review queue", lang))
st.caption(gettext("Submitted events wait here until a moderator checks them against their article: approve to "
                   "publish, reject to keep them off the atlas, edit to correct them. Every decision is a revision "
                   "with its comment.", lang))
review.queue(atlas, shell.visitor(), lang)
review.extra_sources(atlas, shell.visitor(), lang)
review.volumes(atlas, shell.visitor(), lang)
