"""A story on the map page: the step's text with the evidence behind every claim, previous/next by button and
keyboard, and the map framed on what the step is about. The story lives in the view (``?story=&step=``), so a
step's address reopens it; the stories themselves are data files (``gasatlas.analysis.stories``)."""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st

from gasatlas.analysis.flows import kind_label, period_label
from gasatlas.analysis.stories import Claim, Library, Step, frame_bounds
from gasatlas.analysis.viewstate import Selection, StoryAt
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, pgettext
from gasatlas.i18n.formats import format_number
from gasatlas.map.cards import event_date_text
from gasatlas.map.leaflet import ScriptLayer, map_resource
from gasatlas.model import records
from gasatlas.model.sanitize import link_html, markdown_format, markdown_text
from gasatlas.model.vocab import Lang
from gasatlas.ui import state

FRAME_JS = map_resource("story_frame.js")
NEXT_KEY = "Shift+Right"
PREVIOUS_KEY = "Shift+Left"
"""Keyboard shortcuts for the step buttons: with Shift, so the date slider and text boxes keep the arrows."""


def open_step(library: Library, at: StoryAt) -> None:
    """Show step ``at`` — its dates, filters, selection and route widths — and frame the map on it."""
    step = library.step(at)
    if step is None:
        return
    shown = step.view(state.view(), at)
    state.update(filter=shown.filter, selected=shown.selected, route_widths=shown.route_widths, story=at,
                 intro_dismissed=True)
    state.recreate_widgets()
    st.session_state[state.KEY_FRAME_REQUEST] += 1
    st.session_state[state.KEY_TABLE_VERSION] += 1


def close() -> None:
    """Leave the story; the view stays as the last step left it."""
    state.update(story=None)


def frame_layers(atlas: Dataset) -> list[folium.FeatureGroup]:
    """The layer that fits the map to the open step's frame (none outside a story)."""
    at = state.view().story
    step = None if at is None else state.story_library(atlas).step(at)
    bounds = None if step is None else frame_bounds(step, atlas)
    if bounds is None:
        return []
    group = folium.FeatureGroup(name="story-frame")
    ScriptLayer(FRAME_JS, {"bounds": bounds, "request": st.session_state[state.KEY_FRAME_REQUEST]},
                name="StoryFrame").add_to(group)
    return [group]


def _flow_lines(atlas: Dataset, flow_ids: tuple[str, ...], lang: Lang) -> str:
    """The flow rows a claim rests on, each with its figure (or its gap) and a link to its source (trusted HTML)."""
    rows = pd.concat([atlas.flows, atlas.flow_gaps], ignore_index=True)
    rows = rows[rows["id"].isin(flow_ids)]
    routes = atlas.routes.set_index("id")[f"name_{lang}"]
    lines = []
    for row in rows.itertuples():
        figure = pgettext("story", "no public figure", lang) if pd.isna(row.volume_bcm) else \
            f"{format_number(row.volume_bcm, lang)} {gettext('bcm', lang)} · {kind_label(row, lang)}"
        text = f"{routes.get(row.route_id, row.route_id)}, {period_label(str(row.period), lang)}: {figure}"
        lines.append(f"<li>{link_html(row.source_url, text)}</li>")
    return f"<ul class='ga-story-flows'>{''.join(lines)}</ul>" if lines else ""


def _claim(atlas: Dataset, claim: Claim, number: int, lang: Lang, key: str) -> None:
    st.markdown(markdown_text(claim.text(lang)))
    for event_id in claim.events:
        event = records.record(atlas.events, event_id)
        if event is None:
            continue
        label = f"{event_date_text(event, lang)} — {getattr(event, f'title_{lang}')}"
        st.button(markdown_text(label), key=f"{key}-{number}-{event_id}", on_click=state.select,
                  args=(Selection("event", event_id),), kwargs={"centre": True, "refresh_table": True},
                  type="tertiary", icon=":material/event:", help=gettext("Show this event on the map, with its card "
                                                                         "and source", lang))
    if claim.flows:
        st.html(_flow_lines(atlas, claim.flows, lang))


def _changed(step: Step, at: StoryAt) -> bool:
    """Whether the reader has moved the view away from the step's own."""
    view = state.view()
    return step.view(view, at) != view


def panel(atlas: Dataset, lang: Lang, *, offer_stories: bool = True) -> None:
    """The open story's step above the map, or (``offer_stories``) a button to start each story; stories that
    failed to load are named, with the file, step and field at fault."""
    library = state.story_library(atlas)
    for problem in library.problems:
        st.warning(markdown_format("{intro} {problem}", intro=gettext("A story could not be loaded:", lang),
                                   problem=problem),
                   icon=":material/error:")
    at = state.view().story
    step = None if at is None else library.step(at)
    if at is None or step is None:
        for story_id, story in library.stories.items() if offer_stories else ():
            st.button(markdown_format(gettext("Story: {title}", lang), title=story.title(lang)),
                      key=f"story-start-{story_id}",
                      on_click=open_step, args=(library, StoryAt(story_id, 1)), icon=":material/auto_stories:")
        return
    story = library.stories[at.id]
    total = len(story.steps)
    with st.container(border=True, key="story-step"):
        st.caption(markdown_format(gettext("{title} · step {step} of {total}", lang), title=story.title(lang),
                                   step=at.step, total=total))
        st.subheader(markdown_text(step.title(lang)), anchor=False)
        for number, claim in enumerate(step.claims, start=1):
            _claim(atlas, claim, number, lang, f"story-{at.id}-{at.step}")
        if _changed(step, at):
            st.button(gettext("You changed the view: show this step again", lang), key="story-again",
                      on_click=open_step, args=(library, at),
                      icon=":material/undo:")
        with st.container(horizontal=True, key="story-nav"):
            st.button(gettext("Previous", lang), key="story-previous", on_click=open_step,
                      args=(library, StoryAt(at.id, at.step - 1)), disabled=at.step == 1,
                      icon=":material/arrow_back:", shortcut=PREVIOUS_KEY)
            st.button(gettext("Next", lang), key="story-next", on_click=open_step,
                      args=(library, StoryAt(at.id, at.step + 1)), disabled=at.step == total, type="primary",
                      icon=":material/arrow_forward:", shortcut=NEXT_KEY)
            st.button(gettext("Close the story", lang), key="story-close", on_click=close, icon=":material/close:",
                      type="tertiary")
