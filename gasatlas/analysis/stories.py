"""Stories: guided readings of the atlas, one TOML file per story in ``data/stories/``, each step a whole view.

An editor writes a story without touching Python, so a file is checked on load against the data it cites:
every claim rests on events or flow rows that exist, every filter names a known code, every date is a date.
A broken file is refused with a message naming the file, the step and the field — and the other stories
still load. TOML because Python reads it without a dependency (``tomllib``) and an editor writes it by hand.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from gasatlas.analysis.filters import CountryMatch, DateRange, EventFilter
from gasatlas.analysis.viewstate import RouteWidths, Selection, SelectionKind, StoryAt, ViewState, Vocabulary
from gasatlas.model.vocab import Lang

if TYPE_CHECKING:
    from gasatlas.dataset.load import Dataset

STORY_SUFFIX = ".toml"
Bounds = tuple[tuple[float, float], tuple[float, float]]
"""(south, west), (north, east): what Leaflet's ``fitBounds`` takes."""


@dataclass(frozen=True)
class References:
    """What a story may cite and set: the data's codes (``Vocabulary``) and its flow rows' ids (figures and gaps)."""

    vocabulary: Vocabulary
    flows: frozenset[str]


def _refs(info: ValidationInfo) -> References:
    if info.context is None:
        raise ValueError("stories are checked against the data: validate with context={'references': ...}")
    return cast(References, info.context["references"])


def _unknown(values: tuple[str, ...], known: frozenset[str], what: str) -> tuple[str, ...]:
    missing = [value for value in values if value not in known]
    if missing:
        raise ValueError(f"unknown {what}: {', '.join(missing)}")
    return values


class Claim(BaseModel):
    """One sentence of a step, in both languages, with the events and flow rows it rests on (at least one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)
    events: tuple[str, ...] = ()
    flows: tuple[str, ...] = ()

    @field_validator("events")
    @classmethod
    def _events_exist(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _unknown(value, _refs(info).vocabulary.ids["event"], "event")

    @field_validator("flows")
    @classmethod
    def _flows_exist(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _unknown(value, _refs(info).flows, "flow row")

    @model_validator(mode="after")
    def _has_source(self) -> Claim:
        if not self.events and not self.flows:
            raise ValueError("no source: name the events or flows the claim rests on")
        return self

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.ru


class Step(BaseModel):
    """A step sets the whole view — dates, filters, selection, route widths, map framing — and says why."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title_en: str = Field(min_length=1)
    title_ru: str = Field(min_length=1)
    date_from: dt.date = Field(alias="from")
    date_to: dt.date = Field(alias="to")
    countries: tuple[str, ...] = ()
    match: CountryMatch = "any"
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    select: str | None = None
    """``event:<id>``, ``route:<id>`` or ``facility:<id>``: what the card shows."""
    widths: RouteWidths = "capacity"
    frame: tuple[str, ...] = ()
    """Routes, facilities or events the map is framed on, besides the selection."""
    claims: tuple[Claim, ...] = Field(min_length=1)

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _unknown(value, _refs(info).vocabulary.countries, "country")

    @field_validator("types")
    @classmethod
    def _types(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _unknown(value, _refs(info).vocabulary.event_types, "event type")

    @field_validator("actors")
    @classmethod
    def _actors(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        return _unknown(value, _refs(info).vocabulary.actors, "actor")

    @field_validator("select")
    @classmethod
    def _select(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        kind, _, item = value.partition(":")
        ids = _refs(info).vocabulary.ids
        if kind not in ids:
            raise ValueError("must be event:<id>, route:<id> or facility:<id>")
        _unknown((item,), ids[kind], kind)  # type: ignore[index]
        return value

    @field_validator("frame")
    @classmethod
    def _frame(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        kinds = _refs(info).vocabulary.ids.values()  # looked up in each: a union would copy 100,000 event ids
        return _unknown(value, frozenset(item for item in value if any(item in ids for ids in kinds)),
                        "route, facility or event")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Step:
        if self.date_from > self.date_to:
            raise ValueError("'from' is after 'to'")
        return self

    def title(self, lang: Lang) -> str:
        return self.title_en if lang == "en" else self.title_ru

    @property
    def selection(self) -> Selection | None:
        if self.select is None:
            return None
        kind, _, item = self.select.partition(":")
        return Selection(_selection_kind(kind), item)

    def view(self, base: ViewState, story: StoryAt) -> ViewState:
        """``base`` (the reader's language and basemap kept) showing this step."""
        event_filter = EventFilter(dates=DateRange(self.date_from, self.date_to), countries=frozenset(self.countries),
                                   country_match=self.match, event_types=frozenset(self.types),
                                   actors=frozenset(self.actors))
        return replace(base, filter=event_filter, selected=self.selection, route_widths=self.widths, story=story)


def _selection_kind(kind: str) -> SelectionKind:
    for option in ("event", "route", "facility"):
        if kind == option:
            return option
    raise ValueError(kind)


class Story(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title_en: str = Field(min_length=1)
    title_ru: str = Field(min_length=1)
    summary_en: str = ""
    summary_ru: str = ""
    steps: tuple[Step, ...] = Field(min_length=1)

    def title(self, lang: Lang) -> str:
        return self.title_en if lang == "en" else self.title_ru

    def summary(self, lang: Lang) -> str:
        return self.summary_en if lang == "en" else self.summary_ru


@dataclass(frozen=True)
class Library:
    """The stories that loaded (by id: the file name without ``.toml``), and why the others did not."""

    stories: Mapping[str, Story] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def step_counts(self) -> dict[str, int]:
        return {story_id: len(story.steps) for story_id, story in self.stories.items()}

    def step(self, at: StoryAt) -> Step | None:
        story = self.stories.get(at.id)
        return story.steps[at.step - 1] if story is not None and 1 <= at.step <= len(story.steps) else None


def _where(file: str, location: tuple[int | str, ...]) -> str:
    """``main.toml, step 3, field 'claims 2 → events'`` from a pydantic error location."""
    parts = [file]
    rest = list(location)
    if len(rest) >= 2 and rest[0] == "steps" and isinstance(rest[1], int):
        parts.append(f"step {rest[1] + 1}")
        rest = rest[2:]
    names = [str(part + 1) if isinstance(part, int) else str(part) for part in rest]
    if names:
        parts.append(f"field '{' → '.join(names)}'")
    return ", ".join(parts)


def _message(error: Mapping[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (not something a step can set)"
    if error["type"] == "missing":
        return "missing"
    return str(error["msg"]).removeprefix("Value error, ")


def load_story(path: Path, references: References) -> Story:
    """The story in ``path``; ``ValueError`` naming the file, step and field of every problem otherwise."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path.name}: not valid TOML ({error})") from error
    try:
        return Story.model_validate(raw, context={"references": references})
    except ValidationError as error:
        raise ValueError("; ".join(f"{_where(path.name, tuple(e['loc']))}: {_message(e)}"
                                   for e in error.errors())) from error


def story_files(directory: Path) -> list[Path]:
    """The story files in ``directory``, by name (none if it does not exist)."""
    return sorted(directory.glob(f"*{STORY_SUFFIX}")) if directory.is_dir() else []


def load_library(directory: Path, references: References) -> Library:
    """Every story in ``directory`` (none if it does not exist); a broken file is reported, never fatal."""
    stories: dict[str, Story] = {}
    problems: list[str] = []
    for path in story_files(directory):
        try:
            stories[path.stem] = load_story(path, references)
        except ValueError as error:
            problems.append(str(error))
    return Library(stories, tuple(problems))


def references(atlas: Dataset, vocabulary: Vocabulary) -> References:
    gaps = frozenset(atlas.flow_gaps["id"]) if "id" in atlas.flow_gaps else frozenset()
    return References(vocabulary, frozenset(atlas.flows["id"]) | gaps)


def _extent(points: list[tuple[float, float]]) -> Bounds | None:
    if not points:
        return None
    lats, lons = [lat for lat, _ in points], [lon for _, lon in points]
    return (min(lats), min(lons)), (max(lats), max(lons))


def frame_bounds(step: Step, atlas: Dataset) -> Bounds | None:
    """The corners of what the step frames (its ``frame`` ids and its selection), for the map to fit."""
    ids = step.frame + ((step.selection.id,) if step.selection is not None else ())
    points: list[tuple[float, float]] = []
    routes = atlas.routes.set_index("id")
    for frame in (atlas.facilities, atlas.events):
        located = frame[frame["id"].isin(ids)]
        points += list(zip(located["lat"].astype(float), located["lon"].astype(float), strict=True))
    for route_id in (i for i in ids if i in routes.index):
        geometry = routes.at[route_id, "geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
        points += [(float(lat), float(lon)) for line in lines for lon, lat, *_ in line]
    return _extent(points)
