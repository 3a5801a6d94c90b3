"""The reader's view — language, basemap, filters, selection — kept in one place.

The view lives in ``st.session_state`` as one ``ViewState`` (the source of
truth) and is mirrored to the URL after every run, so a link reproduces it and
every page shares it. Widgets never own it: each is created with its value from
the view and writes back what it returns. Changing a widget from code (a reset)
re-creates the widgets under new keys instead of writing to their state, which
also survives a rerun the map component can trigger before the sidebar widgets
have reported their values. A widget whose option labels change (a count beside
a country, a language) gets a new key too: see ``widget_key``.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import streamlit as st

from gasatlas.analysis import stories
from gasatlas.analysis.filters import DateRange, EventFilter
from gasatlas.analysis.viewstate import LINK_PROBLEMS, Selection, ViewState, Vocabulary, from_query, to_query
from gasatlas.config import settings
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext
from gasatlas.model import datewindow
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import LANGUAGES, Lang

KEY_VIEW = "atlas_view"
KEY_GENERATION = "widget_generation"
KEY_DRAWN = "widget_keys_drawn"
"""Widget name → the key it was drawn under in the current generation (see ``widget_key``)."""
KEY_CENTRE_REQUEST = "map_centre_request"
"""Counts the times the page asked the map to centre on the selection (0: never); see ``layers.selection_layer``."""
KEY_CLICK_NONCE = "map_click_nonce"
KEY_TABLE_VERSION = "table_version"
KEY_FRAME_REQUEST = "map_frame_request"
"""Counts the times a story step asked the map to fit its frame (0: never); see ``gasatlas.ui.story``."""


def day_span(atlas: Dataset) -> DateRange:
    """First and last event day: the range the date slider covers.

    Kept inside the atlas's date window whatever the records hold (they are
    validated against it, this is defence in depth: the slider refuses years
    outside 1684–2255), and a year back from today when there are no events.
    """
    dates = atlas.events["date"]
    if dates.empty:
        today = datewindow.latest()
        return DateRange(datewindow.clamp(today.replace(year=today.year - 1)), today)
    first, last = datewindow.clamp(dates.min().date()), datewindow.clamp(dates.max().date())
    return DateRange(first, max(first, last))


def vocabulary(atlas: Dataset) -> Vocabulary:
    """The codes a link may name, stories and their steps included."""
    return replace(_codes(atlas), stories=story_library(atlas).step_counts())


_LIBRARIES: dict[int, tuple[weakref.ref[Dataset], tuple[tuple[str, int, int, int], ...], stories.Library]] = {}
"""Each live dataset's stories (by the dataset's identity), with the status of the files they were read from."""


def story_library(atlas: Dataset) -> stories.Library:
    """The stories in ``data/stories/``, checked against this atlas. Asked for up to four times a run, and
    checking them against 100,000 events takes tens of milliseconds: read again only when a story file's status
    (name, size, modification time, inode) changes, so an editor's change still shows on the next run."""
    directory = settings().data_dir / "stories"
    files = tuple((path.name, *_status(path)) for path in stories.story_files(directory))
    known = _LIBRARIES.get(id(atlas))
    if known is None or known[0]() is not atlas:
        weakref.finalize(atlas, _LIBRARIES.pop, id(atlas), None)
    elif known[1] == files:
        return known[2]
    library = stories.load_library(directory, stories.references(atlas, _codes(atlas)))
    _LIBRARIES[id(atlas)] = (weakref.ref(atlas), files, library)
    return library


def _status(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns, status.st_ino


_VOCABULARIES: dict[int, tuple[weakref.ref[Dataset], Vocabulary]] = {}
"""Each live dataset's vocabulary (by the dataset's identity): sets of 100,000 event ids cost 30 ms a run."""


def _codes(atlas: Dataset) -> Vocabulary:
    known = _VOCABULARIES.get(id(atlas))
    if known is None or known[0]() is not atlas:
        known = _VOCABULARIES[id(atlas)] = (weakref.ref(atlas), _vocabulary(atlas))
        weakref.finalize(atlas, _VOCABULARIES.pop, id(atlas), None)
    return known[1]


def _vocabulary(atlas: Dataset) -> Vocabulary:
    return Vocabulary(
        countries=frozenset(atlas.countries["iso_a3"]),
        event_types=frozenset(atlas.events["event_type"]),
        actors=frozenset(atlas.actors["id"]),
        ids={
            "event": frozenset(atlas.events["id"]),
            "route": frozenset(atlas.routes["id"]),
            "facility": frozenset(atlas.facilities["id"]),
        },
        span=day_span(atlas),
    )


def url_language() -> Lang:
    """The language before the view exists (for messages shown while loading)."""
    if KEY_VIEW in st.session_state:
        return view().lang
    lang = st.query_params.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def init(atlas: Dataset) -> None:
    """On a session's first run, take the view from the URL (reporting what was ignored)."""
    if KEY_VIEW in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state, problems = from_query(params, vocabulary(atlas), default_basemap=settings().basemap)
    step = None if state.story is None else story_library(atlas).step(state.story)
    if state.story is not None and step is not None:
        state = step.view(state, state.story)  # a step's address opens the step, whatever else it says
    st.session_state[KEY_FRAME_REQUEST] = int(step is not None)
    st.session_state[KEY_VIEW] = state
    st.session_state[KEY_GENERATION] = 0
    st.session_state[KEY_DRAWN] = {}
    st.session_state[KEY_CENTRE_REQUEST] = int(centres_on(state.selected))
    st.session_state[KEY_CLICK_NONCE] = 0
    st.session_state[KEY_TABLE_VERSION] = 0
    for problem in problems:
        st.toast(markdown_format("{ignored}: {problem}", ignored=gettext("Part of the link was ignored", state.lang),
                                 problem=gettext(LINK_PROBLEMS[problem], state.lang)),
                 icon=":material/link_off:")


def view() -> ViewState:
    return cast(ViewState, st.session_state[KEY_VIEW])


def update(**changes: Any) -> None:
    st.session_state[KEY_VIEW] = replace(view(), **changes)


def update_filter(**changes: Any) -> None:
    update(filter=replace(view().filter, **changes))


def widget_key(name: str, labels: Iterable[str] = ()) -> str:
    """The key to draw widget ``name`` under in this run: its name, the generation (see ``recreate_widgets``)
    and a digest of the option ``labels`` it shows.

    Streamlit reports an option widget's value (multiselect, select box, radio, pills…) as the *labels*
    the reader picked, and maps them back through the labels of the run that reads them. When a label
    changes — a count beside a country after the slider moved, a name after the language changed — the
    old label matches nothing and the choice is silently dropped. A key naming its labels makes such a
    widget a new one, created from the view's value, which the reader's last choice is already in.
    """
    digest = hashlib.blake2b("\x1f".join(labels).encode(), digest_size=6).hexdigest()
    key = f"{name}-{st.session_state[KEY_GENERATION]}-{digest}"
    st.session_state[KEY_DRAWN][name] = key
    return key


def pending(name: str, fallback: Any) -> Any:
    """A widget's value at the start of a run, before it is drawn: what the reader just set, else the view's."""
    key = st.session_state[KEY_DRAWN].get(name)
    return fallback if key is None else st.session_state.get(key, fallback)


def recreate_widgets() -> None:
    """Give the widgets new keys, so they start again from the view's values."""
    st.session_state[KEY_GENERATION] += 1
    st.session_state[KEY_DRAWN] = {}


def set_dates(dates: DateRange) -> None:
    """Choose a date range from outside the sidebar (e.g. the timeline), keeping the slider in step."""
    update_filter(dates=dates)
    recreate_widgets()


def set_actors(actors: frozenset[str]) -> None:
    """Show only these actors' events everywhere (empty: everyone)."""
    update_filter(actors=actors)
    recreate_widgets()


def reset_filters(atlas: Dataset) -> None:
    """Widget callback: show every event again (the selection stays)."""
    update(filter=EventFilter(dates=day_span(atlas)))
    recreate_widgets()


def centres_on(selection: Selection | None) -> bool:
    """Whether picking ``selection`` elsewhere than on the map moves the map to it: a route is long, and
    keeps the reader's view."""
    return selection is not None and selection.kind != "route"


def select(selection: Selection | None, *, centre: bool, refresh_table: bool) -> None:
    """Make ``selection`` current; ``centre`` moves the map to it, ``refresh_table`` re-selects its row."""
    update(selected=selection)
    if centre and centres_on(selection):
        st.session_state[KEY_CENTRE_REQUEST] += 1
    if refresh_table:
        st.session_state[KEY_TABLE_VERSION] += 1


def publish(atlas: Dataset) -> None:
    """Mirror the view into the URL (only when it changed, to spare the browser history)."""
    wanted = to_query(view(), span=day_span(atlas), default_basemap=settings().basemap)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)
