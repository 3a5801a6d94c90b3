"""Story files: the main story loads and rests on real data; every kind of broken file is refused with the file,
step and field named, and the other stories still load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gasatlas.analysis import stories
from gasatlas.analysis.viewstate import Selection, StoryAt, ViewState
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.ui.state import _codes

ATLAS = load_dataset(PROJECT_ROOT / "data")
REFERENCES = stories.references(ATLAS, _codes(ATLAS))
MAIN = PROJECT_ROOT / "data" / "stories" / "main.toml"

GOOD = """
title_en = "A story"
title_ru = "История"

[[steps]]
title_en = "One"
title_ru = "Один"
from = 2023-10-01
to = "2023-12-31"
countries = ["UZB"]
select = "route:cac"
frame = ["cac"]

[[steps.claims]]
en = "Russian gas began flowing to Uzbekistan."
ru = "Российский газ пошёл в Узбекистан."
events = ["ev-2023-10-07-supplies-to-uzbekistan-launched"]
flows = ["flow-cac-rus-uzb-2023"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(tmp_path: Path, text: str) -> str:
    with pytest.raises(ValueError, match=r".") as error:
        stories.load_story(write(tmp_path, "broken.toml", text), REFERENCES)
    return str(error.value)


def test_the_main_story_loads_with_at_least_eight_steps_each_claim_resting_on_real_rows() -> None:
    main = stories.load_story(MAIN, REFERENCES)

    assert len(main.steps) >= 8
    events, flows = set(ATLAS.events["id"]), set(ATLAS.flows["id"]) | set(ATLAS.flow_gaps["id"])
    for step in main.steps:
        assert step.title_en
        assert step.title_ru
        for claim in step.claims:
            assert claim.events or claim.flows
            assert set(claim.events) <= events
            assert set(claim.flows) <= flows


def test_the_main_story_runs_from_2022_to_the_latest_data_in_order() -> None:
    steps = stories.load_story(MAIN, REFERENCES).steps

    assert steps[0].date_from.year == 2022
    assert max(step.date_to for step in steps) == ATLAS.events["date"].max().date()


def test_every_main_step_frames_what_it_selects() -> None:
    for step in stories.load_story(MAIN, REFERENCES).steps:
        (south, west), (north, east) = stories.frame_bounds(step, ATLAS)
        assert south < north
        assert west < east


def test_a_step_sets_the_whole_view_and_keeps_the_readers_language(tmp_path: Path) -> None:
    step = stories.load_story(write(tmp_path, "good.toml", GOOD), REFERENCES).steps[0]
    reader = ViewState(lang="ru", basemap="offline", route_widths="flow")

    view = step.view(reader, StoryAt("good", 1))

    assert (view.lang, view.basemap) == ("ru", "offline")
    assert view.route_widths == "capacity"
    assert str(view.filter.dates.start) == "2023-10-01"
    assert str(view.filter.dates.end) == "2023-12-31"
    assert view.filter.countries == {"UZB"}
    assert view.selected == Selection("route", "cac")
    assert view.story == StoryAt("good", 1)


@pytest.mark.parametrize(("change", "where", "why"), [
    (('events = ["ev-2023-10-07-supplies-to-uzbekistan-launched"]\nflows = ["flow-cac-rus-uzb-2023"]', ""),
     "step 1, field 'claims → 1'", "no source"),
    (("ev-2023-10-07-supplies-to-uzbekistan-launched", "ev-1999-01-01-made-up"),
     "step 1, field 'claims → 1 → events'", "unknown event: ev-1999-01-01-made-up"),
    (("flow-cac-rus-uzb-2023", "flow-made-up"), "step 1, field 'claims → 1 → flows'", "unknown flow row"),
    (('to = "2023-12-31"', 'to = "2023-02-30"'), "step 1, field 'to'", "date"),
    (('to = "2023-12-31"', 'to = "2023-09-01"'), "step 1", "'from' is after 'to'"),
    (('countries = ["UZB"]', 'colour = "red"'), "step 1, field 'colour'", "unknown field"),
    (('countries = ["UZB"]', 'countries = ["XXX"]'), "step 1, field 'countries'", "unknown country: XXX"),
    (('countries = ["UZB"]', 'types = ["rumour"]'), "step 1, field 'types'", "unknown event type: rumour"),
    (('select = "route:cac"', 'select = "route:nowhere"'), "step 1, field 'select'", "unknown route: nowhere"),
    (('frame = ["cac"]', 'frame = ["atlantis"]'), "step 1, field 'frame'", "atlantis"),
    (('from = 2023-10-01\n', ''), "step 1, field 'from'", "missing"),
])
def test_a_broken_story_is_refused_naming_the_file_the_step_and_the_field(
        tmp_path: Path, change: tuple[str, str], where: str, why: str) -> None:
    old, new = change
    assert old in GOOD

    message = refusal(tmp_path, GOOD.replace(old, new))

    assert message.startswith(f"broken.toml, {where}")
    assert why in message


def test_a_file_that_is_not_toml_is_refused_naming_the_file(tmp_path: Path) -> None:
    assert refusal(tmp_path, GOOD.replace("from = 2023-10-01", "from = 2023-13-01")).startswith(
        "broken.toml: not valid TOML")


def test_a_broken_story_does_not_stop_the_others_loading(tmp_path: Path) -> None:
    shutil.copy(MAIN, tmp_path / "main.toml")
    write(tmp_path, "broken.toml", GOOD.replace("route:cac", "route:nowhere"))
    write(tmp_path, "good.toml", GOOD)

    library = stories.load_library(tmp_path, REFERENCES)

    assert set(library.stories) == {"main", "good"}
    assert len(library.problems) == 1
    assert library.problems[0].startswith("broken.toml, step 1, field 'select'")
    assert library.step(StoryAt("good", 1)) is not None
    assert library.step(StoryAt("good", 2)) is None


def test_no_stories_folder_means_no_stories(tmp_path: Path) -> None:
    assert stories.load_library(tmp_path / "none", REFERENCES) == stories.Library()
