"""Add news: turn an article into reviewed, sourced events on the map."""

import streamlit as st

from gasatlas.i18n import gettext
from gasatlas.ui import add_news, identity, shell

lang, atlas = shell.page()
visitor = shell.visitor()

st.title(gettext("Add events from a news article", lang))
st.caption(gettext("Paste an article, upload a file or give its link, say where and when it was published, and review "
                   "the events the atlas finds in it before they are saved.", lang))
if identity.read_only_note(visitor, lang):
    st.stop()
add_news.saved_notice(visitor, lang)

request = add_news.article_form(lang)
if request is not None:
    add_news.propose(atlas, request, lang)
add_news.extraction_progress(lang)
if st.session_state.get(add_news.KEY_CANDIDATES) is not None:
    add_news.language_note(st.session_state[add_news.KEY_ARTICLE], lang)
    edited = add_news.review(atlas, lang)
    add_news.proposed_actors(lang)
    if edited is not None:
        add_news.save_button(edited, visitor, lang)
add_news.my_submissions(visitor, lang)
