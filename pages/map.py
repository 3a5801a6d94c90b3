"""Map: the network as of the end of the date range, the events in view, and what the reader picked."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import embed, shell, story
from gasatlas.ui import map as map_page

lang, atlas = shell.page()

if embed.active():
    story.panel(atlas, lang, offer_stories=False)
    map_page.embedded_map(atlas, lang)
    embed.credit(atlas, lang)
else:
    st.title(gettext("Central Asia Gas Atlas", lang))
    story.panel(atlas, lang)
    map_page.workspace(atlas, shell.visitor(), lang)
