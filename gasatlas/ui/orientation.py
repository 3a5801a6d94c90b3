"""The orientation a first visit opens with: what the atlas covers and up to when — counted from the data, never
typed — and how to read it in three steps. Dismissed once, it stays away for the session and, through
``?intro=0`` in the address, after a reload or in a link the reader shares."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from gasatlas.analysis.viewstate import StoryAt
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import t
from gasatlas.i18n.formats import format_number
from gasatlas.model.sanitize import markdown_format, markdown_text
from gasatlas.model.vocab import Lang
from gasatlas.ui import navigation, state, story
from gasatlas.ui.provenance import provenance_line

MAIN_STORY = "main"


@dataclass(frozen=True)
class Coverage:
    """What the atlas holds, for the orientation's first lines."""

    countries: tuple[str, ...]
    first_year: int
    last_year: int
    events: int
    routes: int
    facilities: int
    flow_figures: int


def coverage(atlas: Dataset, lang: Lang) -> Coverage:
    """The focus countries (in the reader's language), the years the events span and how many of each record."""
    span = state.day_span(atlas)
    focus = atlas.countries[atlas.countries["focus"]]
    return Coverage(tuple(focus[f"name_{lang}"]), span.start.year, span.end.year, len(atlas.events),
                    len(atlas.routes), len(atlas.facilities), len(atlas.flows))


def dismiss() -> None:
    state.update(intro_dismissed=True)


def shown() -> bool:
    """Whether this run shows the orientation: a first visit, not dismissed, not inside a story."""
    view = state.view()
    return not view.intro_dismissed and view.story is None


def orientation(atlas: Dataset, lang: Lang) -> None:
    """The orientation, above the page, until the reader dismisses it or starts the story."""
    if not shown():
        return
    about = coverage(atlas, lang)
    with st.container(border=True, key="orientation"):
        st.subheader(t("intro_title", lang), anchor=False)
        st.markdown(markdown_format(
            t("intro_covers", lang), countries=", ".join(about.countries),
            first=about.first_year, last=about.last_year, events=format_number(about.events, lang),
            routes=format_number(about.routes, lang), facilities=format_number(about.facilities, lang),
            flows=format_number(about.flow_figures, lang)))
        st.markdown(markdown_text(provenance_line(atlas, lang)))
        st.markdown(t("intro_how", lang))
        st.markdown("\n".join(f"{n}. {t(f'intro_step_{n}', lang)}" for n in (1, 2, 3)))
        library = state.story_library(atlas)
        with st.container(horizontal=True):
            if MAIN_STORY in library.stories and st.button(t("intro_start_story", lang), key="intro-story",
                                                           type="primary", icon=":material/auto_stories:"):
                story.open_step(library, StoryAt(MAIN_STORY, 1))
                st.switch_page(navigation.MAP.path)  # the story is told on the map, whichever page this is
            st.button(t("intro_dismiss", lang), key="intro-dismiss", on_click=dismiss, icon=":material/check:")
