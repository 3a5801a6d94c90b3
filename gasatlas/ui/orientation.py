"""The orientation a first visit opens with: what the atlas covers and up to when — counted from the data, never
typed — and how to read it in three steps. Dismissed once, it stays away for the session and, through
``?intro=0`` in the address, after a reload or in a link the reader shares."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from gasatlas.analysis.viewstate import StoryAt
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, ngettext
from gasatlas.i18n.formats import format_number
from gasatlas.model.sanitize import markdown_format, markdown_text
from gasatlas.model.vocab import Lang
from gasatlas.ui import navigation, state, story
from gasatlas.ui.provenance import provenance_line

STEPS = (
    N_("Choose dates and filters in the sidebar: the map draws the network as of the last day of the range."),
    N_("Click a route, a facility or an event (on the map or in the table) to open its card and its sources."),
    N_("Every page keeps the same view, and the address holds it: copy the link to share exactly what you see."),
)
"""How to read the atlas, in the order a first visitor needs."""

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


def holdings(about: Coverage, lang: Lang) -> dict[str, str]:
    """How many records of each kind the atlas holds, each with its noun in the form its number needs."""
    counted = {"events": (ngettext("{count} dated event", "{count} dated events", about.events, lang), about.events),
               "routes": (ngettext("{count} route", "{count} routes", about.routes, lang), about.routes),
               "facilities": (ngettext("{count} facility", "{count} facilities", about.facilities, lang),
                              about.facilities),
               "flows": (ngettext("{count} flow figure", "{count} flow figures", about.flow_figures, lang),
                         about.flow_figures)}
    return {name: words.format(count=format_number(count, lang)) for name, (words, count) in counted.items()}


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
        st.subheader(gettext("Welcome to the Central Asia Gas Atlas", lang), anchor=False)
        st.markdown(markdown_format(
            gettext("Gas diplomacy between Russia and Central Asia, {first}–{last}: {countries}. The atlas holds "
                    "{events}, {routes}, {facilities} and {flows}, each with its source.", lang),
            countries=", ".join(about.countries), first=about.first_year, last=about.last_year,
            **holdings(about, lang)))
        st.markdown(markdown_text(provenance_line(atlas, lang)))
        st.markdown(gettext("How to read it, in three steps:", lang))
        st.markdown("\n".join(f"{number}. {gettext(step, lang)}" for number, step in enumerate(STEPS, start=1)))
        library = state.story_library(atlas)
        with st.container(horizontal=True):
            if MAIN_STORY in library.stories and st.button(gettext("Read the main story", lang), key="intro-story",
                                                           type="primary", icon=":material/auto_stories:"):
                story.open_step(library, StoryAt(MAIN_STORY, 1))
                st.switch_page(navigation.MAP.path)  # the story is told on the map, whichever page this is
            st.button(gettext("Explore on my own", lang), key="intro-dismiss", on_click=dismiss,
                      icon=":material/check:")
