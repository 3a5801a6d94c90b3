"""The shared sidebar holds the reader's view: filters survive every other control, dates are set four ways in
step, and countries can be matched all together ("between").

Streamlit reports an option widget's value as the labels the reader picked; these tests move the controls that
change those labels (counts, language) and check that nothing is dropped.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter, date_presets
from gasatlas.ui import navigation
from tests.support.app import APP, TIMEOUT, FakeMap
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
EVENTS = ATLAS.events
SPAN = DateRange(EVENTS["date"].min().date(), EVENTS["date"].max().date())
CHOSEN = {"countries": ["RUS", "UZB"], "types": ["agreement"], "actors": ["miller"], "text": "gas"}


@pytest.fixture(autouse=True)
def fake_map(monkeypatch: pytest.MonkeyPatch) -> FakeMap:
    fake = FakeMap()
    monkeypatch.setattr("gasatlas.ui.map.st_folium", fake)
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())
    return fake


def multiselect(at: AppTest, label: str):
    return next(box for box in at.sidebar.multiselect if box.label.startswith(label))


def set_filters(at: AppTest) -> AppTest:
    multiselect(at, "Countries").set_value(CHOSEN["countries"]).run()
    multiselect(at, "Event types").set_value(CHOSEN["types"]).run()
    multiselect(at, "People").set_value(CHOSEN["actors"]).run()
    at.sidebar.text_input[0].input(CHOSEN["text"]).run()
    return at


def chosen(at: AppTest) -> dict[str, object]:
    return {"countries": multiselect(at, "Countries").value, "types": multiselect(at, "Event types").value,
            "actors": multiselect(at, "People").value, "text": at.sidebar.text_input[0].value}


def link(at: AppTest, key: str) -> list[str]:
    """A query parameter's values (AppTest holds a single one as a string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def in_link(at: AppTest) -> dict[str, object]:
    return {"countries": link(at, "country"), "types": link(at, "type"), "actors": link(at, "actor"),
            "text": "".join(link(at, "q"))}


def slider(at: AppTest):
    return at.sidebar.slider[0]


def date_inputs(at: AppTest) -> tuple[dt.date, dt.date]:
    first, last = at.sidebar.date_input
    return first.value, last.value


def test_every_filter_survives_moving_the_slider_one_day_at_a_time() -> None:
    at = set_filters(AppTest.from_file(APP, default_timeout=TIMEOUT).run())
    assert chosen(at) == CHOSEN == in_link(at)

    for days in (1, 2, 3):
        slider(at).set_range(SPAN.start + dt.timedelta(days=days * 30), SPAN.end - dt.timedelta(days=days)).run()

        assert not at.exception
        assert chosen(at) == CHOSEN == in_link(at), f"after slider move {days}"
        assert link(at, "to") == [(SPAN.end - dt.timedelta(days=days)).isoformat()]


def test_filters_survive_a_language_switch_and_a_trip_through_every_page() -> None:
    at = set_filters(AppTest.from_file(APP, default_timeout=TIMEOUT).run())

    at.sidebar.button_group[0].set_value("ru").run()
    assert at.title[0].value == "Газовый атлас Центральной Азии"
    russian = {"countries": multiselect(at, "Страны").value, "types": multiselect(at, "Типы").value,
               "actors": multiselect(at, "Люди").value, "text": at.sidebar.text_input[0].value}
    assert russian == CHOSEN

    at.sidebar.button_group[0].set_value("en").run()
    for spec in navigation.PAGES[:6]:
        at.switch_page(spec.path).run()
        assert not at.exception, spec.path
        assert chosen(at) == CHOSEN, spec.path
    assert in_link(at) == CHOSEN


def test_typed_dates_set_the_range_and_the_slider_follows() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    first, last = dt.date(2023, 3, 1), dt.date(2023, 10, 31)

    at.sidebar.date_input[0].set_value(first).run()
    at.sidebar.date_input[1].set_value(last).run()

    assert slider(at).value == (first, last)
    assert date_inputs(at) == (first, last)
    assert link(at, "from") == [first.isoformat()]
    assert link(at, "to") == [last.isoformat()]


def test_typed_dates_in_the_wrong_order_are_swapped() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()

    at.sidebar.date_input[0].set_value(dt.date(2024, 6, 1)).run()
    at.sidebar.date_input[1].set_value(dt.date(2023, 6, 1)).run()

    assert slider(at).value == (dt.date(2023, 6, 1), dt.date(2024, 6, 1))


def test_moving_the_slider_moves_the_typed_dates() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()

    slider(at).set_range(dt.date(2023, 1, 18), dt.date(2023, 2, 1)).run()

    assert date_inputs(at) == (dt.date(2023, 1, 18), dt.date(2023, 2, 1))


@pytest.mark.parametrize("preset", ["2023", "last-12-months", "all"])
def test_a_preset_sets_the_range_slider_and_typed_dates(preset: str) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["from"], at.query_params["to"] = "2024-02-01", "2024-02-29"
    at.run()
    expected = date_presets(SPAN)[preset]

    presets = at.sidebar.button_group[1]
    presets.set_value(preset).run()

    assert slider(at).value == (expected.start, expected.end)
    assert date_inputs(at) == (expected.start, expected.end)
    assert at.sidebar.button_group[1].value == preset, "the chosen preset stays highlighted"


def test_countries_matched_all_together_show_the_events_between_them(fake_map: FakeMap) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["country"] = ["RUS", "UZB"]
    at.run()
    either = fake_map.events()["id"]

    at.sidebar.button_group[2].set_value("all").run()

    between = apply_filter(EVENTS, EventFilter(countries=frozenset({"RUS", "UZB"}), country_match="all"))
    assert fake_map.events()["id"] == list(between["id"])
    assert 0 < len(between) < len(either)
    assert link(at, "match") == ["all"]
    assert len(at.dataframe[0].value) == len(between)
