"""Add news: turn an article into reviewed, sourced events on the map."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import identity, news, shell

lang, atlas = shell.page()
visitor = shell.visitor()

st.title(t("news_title", lang))
st.caption(t("news_intro", lang))
if identity.read_only_note(visitor, lang):
    st.stop()
news.saved_notice(visitor, lang)

article = news.article_form(lang)
if article is not None:
    news.propose(atlas, article, lang)
news.extraction_progress(lang)
if st.session_state.get(news.KEY_CANDIDATES) is not None:
    news.language_note(st.session_state[news.KEY_ARTICLE], lang)
    edited = news.review(atlas, lang)
    news.proposed_actors(lang)
    if edited is not None:
        news.save_button(atlas, edited, visitor, lang)
news.my_submissions(visitor, lang)
