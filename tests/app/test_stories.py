"""The orientation of a first visit and a story told step by step, as Streamlit runs them (the map faked)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.analysis.stories import load_story, references
from gasatlas.config import PROJECT_ROOT
from gasatlas.i18n import gettext
from gasatlas.model.sanitize import markdown_text
from gasatlas.ui.state import _codes, story_library
from tests.support.app import FakeMap, run_app
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
MAIN = load_story(PROJECT_ROOT / "data" / "stories" / "main.toml", references(ATLAS, _codes(ATLAS)))


@pytest.fixture
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    return fake


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def has_orientation(at: AppTest, lang: str = "en") -> bool:
    return any(h.value == gettext("Welcome to the Central Asia Gas Atlas", lang) for h in at.subheader)


def expected_step(at: AppTest, number: int) -> None:
    """The view and the address are exactly what step ``number`` of the main story sets."""
    step = MAIN.steps[number - 1]
    view = at.session_state["atlas_view"]
    assert (view.filter.dates.start, view.filter.dates.end) == (step.date_from, step.date_to)
    assert view.filter.countries == set(step.countries)
    assert view.filter.event_types == set(step.types)
    assert view.selected == step.selection
    assert view.route_widths == step.widths
    assert at.query_params["story"] == "main"
    assert at.query_params["step"] == str(number)
    assert any(h.value == markdown_text(step.title_en) for h in at.subheader)


@pytest.mark.usefixtures("fake_map")
def test_a_first_visit_opens_with_the_orientation_counted_from_the_data() -> None:
    at = run_app()

    assert not at.exception
    assert has_orientation(at)
    covers = next(m.value for m in at.markdown if "dated events" in m.value)
    assert f"{len(ATLAS.events)} dated events" in covers
    assert f"{len(ATLAS.routes)} routes" in covers
    assert f"{len(ATLAS.flows)} flow figures" in covers
    first, last = ATLAS.events["date"].min().year, ATLAS.events["date"].max().year
    assert f"{first}–{last}: Afghanistan, China, Kazakhstan" in covers
    assert any(m.value.startswith("Data last updated") for m in at.markdown)


@pytest.mark.usefixtures("fake_map")
def test_dismissed_once_the_orientation_stays_away_and_the_address_remembers_it() -> None:
    at = run_app()

    button(at, gettext("Explore on my own", "en")).click().run()

    assert not has_orientation(at)
    assert at.query_params["intro"] == "0"
    at.sidebar.button_group[0].set_value("ru").run()
    assert not has_orientation(at, "ru")
    assert not has_orientation(run_app(intro="0"))


@pytest.mark.usefixtures("fake_map")
def test_the_orientation_speaks_russian() -> None:
    at = run_app(lang="ru")

    assert has_orientation(at, "ru")
    count = len(ATLAS.events)  # Russian grammar: 1, 21, 131 событие; 2–4, 22 события; 5–20, 25 событий
    noun = ("событие" if count % 10 == 1 and count % 100 != 11 else
            "события" if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else "событий")
    assert any(f"{count} {noun}" in m.value for m in at.markdown)


def test_the_main_story_plays_to_its_end_setting_each_steps_view(fake_map: FakeMap) -> None:
    at = run_app()

    button(at, gettext("Read the main story", "en")).click().run()
    expected_step(at, 1)
    assert not has_orientation(at)
    for number in range(2, len(MAIN.steps) + 1):
        button(at, gettext("Next", "en")).click().run()
        assert not at.exception
        expected_step(at, number)
        assert fake_map.layer("story-frame")["request"] == number
    assert button(at, gettext("Next", "en")).disabled

    button(at, gettext("Previous", "en")).click().run()
    expected_step(at, len(MAIN.steps) - 1)


def test_a_steps_address_opens_that_step(fake_map: FakeMap) -> None:
    at = run_app(story="main", step="5")

    expected_step(at, 5)
    assert not has_orientation(at)
    bounds = fake_map.layer("story-frame")["bounds"]
    assert bounds[0][0] < bounds[1][0]
    assert bounds[0][1] < bounds[1][1]


@pytest.mark.usefixtures("fake_map")
def test_every_claim_links_to_its_evidence() -> None:
    at = run_app(story="main", step="5")
    step = MAIN.steps[4]
    launch = ATLAS.events.set_index("id").loc["ev-2023-10-07-supplies-to-uzbekistan-launched"]

    evidence = next(b for b in at.button if b.label.endswith(launch["title_en"].replace("'", "'")))
    evidence.click().run()

    assert at.session_state["atlas_view"].selected.id == "ev-2023-10-07-supplies-to-uzbekistan-launched"
    assert any("1.28 bcm" in h.proto.body and "interfax" in h.proto.body for h in at.get("html"))
    assert at.button(key="story-again")  # the reader moved away from the step: it can be shown again
    at.button(key="story-again").click().run()
    assert at.session_state["atlas_view"].selected == step.selection


@pytest.mark.usefixtures("fake_map")
def test_a_story_in_russian() -> None:
    at = run_app(story="main", step="1", lang="ru")

    assert any(h.value == markdown_text(MAIN.steps[0].title_ru) for h in at.subheader)
    assert any(m.value.startswith("28 ноября 2022") for m in at.markdown)
    assert button(at, gettext("Next", "ru"))


@pytest.mark.usefixtures("fake_map")
def test_closing_the_story_keeps_the_view() -> None:
    at = run_app(story="main", step="3")

    button(at, gettext("Close the story", "en")).click().run()

    assert "story" not in at.query_params
    assert at.session_state["atlas_view"].selected == MAIN.steps[2].selection


def test_an_edited_story_is_read_again_on_the_next_run(tmp_path, data_dir) -> None:
    (tmp_path / "stories").mkdir()
    story = tmp_path / "stories" / "main.toml"
    story.write_bytes((PROJECT_ROOT / "data" / "stories" / "main.toml").read_bytes())
    data_dir(tmp_path)
    first = story_library(ATLAS)
    assert story_library(ATLAS) is first, "files unchanged: the stories checked once are kept"

    story.write_text(story.read_text(encoding="utf-8").replace(MAIN.title_en, "An edited title", 1), encoding="utf-8")

    assert story_library(ATLAS).stories["main"].title_en == "An edited title"
    story.unlink()
    assert story_library(ATLAS).stories == {}, "a story taken away is gone on the next run"
