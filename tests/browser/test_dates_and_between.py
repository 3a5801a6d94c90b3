"""Dates a reader types or picks, periods matched by overlap, and countries matched all together ("between"),
in a real browser with the network blocked. Expectations are derived from the data."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from devtools.browser_harness import AtlasPage
from gasatlas.analysis.filters import DateRange, EventFilter, apply_filter, date_presets
from gasatlas.analysis.flows import direction_label, flows_in_view
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset

ATLAS = load_dataset(PROJECT_ROOT / "data")
EVENTS = ATLAS.events
SPAN = DateRange(EVENTS["date"].min().date(), EVENTS["date"].max().date())
BETWEEN = ("RUS", "UZB")


def query(atlas: AtlasPage) -> dict[str, list[str]]:
    return parse_qs(urlsplit(atlas.url).query)


def caption(atlas: AtlasPage) -> str:
    return atlas.page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first.inner_text()


def slider_days(atlas: AtlasPage) -> tuple[str, str]:
    handles = atlas.page.locator("[data-testid=stSidebar] [data-testid=stSlider]").first.locator("input[type=range]")
    return handles.nth(0).get_attribute("aria-valuetext") or "", handles.nth(1).get_attribute("aria-valuetext") or ""


def typed_days(atlas: AtlasPage) -> tuple[str, str]:
    fields = atlas.page.locator("[data-testid=stSidebar] [data-testid=stDateInput] input")
    return fields.nth(0).input_value(), fields.nth(1).input_value()


def type_day(atlas: AtlasPage, field: int, day: dt.date) -> None:
    """Type a day into the sidebar's first (0) or last (1) day, segment by segment, then leave the field."""
    box = atlas.page.locator("[data-testid=stSidebar] [data-testid=stDateInput]").nth(field)
    box.locator("[data-type=year]").click()
    atlas.page.keyboard.type(f"{day.year:04d}{day.month:02d}{day.day:02d}")
    atlas.rerun_after(lambda: atlas.page.locator("[data-testid=stSidebar] h3").first.click())


def test_a_typed_range_sets_the_slider_the_link_and_the_events(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline").wait_for_map_settled()
    first, last = dt.date(2023, 3, 1), dt.date(2023, 10, 31)

    type_day(atlas, 0, first)
    type_day(atlas, 1, last)

    assert slider_days(atlas) == typed_days(atlas) == (first.isoformat(), last.isoformat())
    assert query(atlas)["from"] == [first.isoformat()]
    assert query(atlas)["to"] == [last.isoformat()]
    shown = apply_filter(EVENTS, EventFilter(dates=DateRange(first, last)))
    assert caption(atlas).startswith(f"Showing {len(shown)} of {len(EVENTS)} events")


def test_the_slider_moves_one_day_per_key_press_and_the_typed_days_follow(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline&from=2023-05-01&to=2023-05-10").wait_for_map_settled()
    slider = atlas.page.locator("[data-testid=stSidebar] [data-testid=stSlider]").first
    start = slider.locator("input[type=range]").first

    start.focus()
    atlas.rerun_after(lambda: atlas.page.keyboard.press("ArrowRight"))

    assert slider_days(atlas) == typed_days(atlas) == ("2023-05-02", "2023-05-10")


def test_a_preset_sets_the_whole_year_and_stays_highlighted(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline").wait_for_map_settled()
    year = date_presets(SPAN)["2023"]
    pills = atlas.page.locator("[data-testid=stSidebar]").get_by_role("radiogroup", name="Period")

    atlas.rerun_after(lambda: pills.get_by_role("radio", name="2023", exact=True).click())

    assert slider_days(atlas) == typed_days(atlas) == (year.start.isoformat(), year.end.isoformat())
    assert query(atlas)["from"] == ["2023-01-01"]
    assert query(atlas)["to"] == ["2023-12-31"]
    expect(pills.get_by_role("radio", name="2023", exact=True)).to_have_attribute("aria-checked", "true")

    atlas.rerun_after(lambda: pills.get_by_role("radio", name="All", exact=True).click())
    assert "from" not in query(atlas)
    assert "to" not in query(atlas)


def test_an_event_of_a_month_is_shown_for_any_range_inside_that_month(atlas: AtlasPage) -> None:
    monthly = EVENTS[EVENTS["date_precision"] == "month"].iloc[0]
    first = monthly["date_start"].date()
    days = DateRange(first, first + dt.timedelta(days=4))
    assert not days.start <= monthly["date"].date() <= days.end, "the range leaves out the stand-in day"

    atlas.open(f"?basemap=offline&from={days.start}&to={days.end}").wait_for_map_settled()

    shown = apply_filter(EVENTS, EventFilter(dates=days))
    assert monthly["id"] in set(shown["id"])
    assert caption(atlas).startswith(f"Showing {len(shown)} of {len(EVENTS)} events")
    row = atlas.page.locator("[data-testid=stMain] [data-testid=stDataFrame] tr[role=row]").filter(
        has_text=monthly["title_en"][:40])
    expect(row).to_contain_text(monthly["date_text_en"])


def test_between_countries_narrows_map_table_timeline_and_flows(atlas: AtlasPage) -> None:
    atlas.open("?basemap=offline&" + "&".join(f"country={code}" for code in BETWEEN)).wait_for_map_settled()
    either = apply_filter(EVENTS, EventFilter(countries=frozenset(BETWEEN)))
    between = apply_filter(EVENTS, EventFilter(countries=frozenset(BETWEEN), country_match="all"))
    assert 0 < len(between) < len(either)
    assert caption(atlas).startswith(f"Showing {len(either)} of")
    match = atlas.page.locator("[data-testid=stSidebar]").get_by_role("radiogroup", name="Events involving")

    atlas.rerun_after(lambda: match.get_by_role("radio", name="all of them").click())

    assert query(atlas)["match"] == ["all"]
    assert caption(atlas).startswith(f"Showing {len(between)} of {len(EVENTS)} events")
    frame = atlas.wait_for_map()
    on_map = frame.locator("body").evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l instanceof L.EventClusters) n += l.size(); });"
        " return n; }")
    assert on_map == len(between)
    grid = atlas.page.locator("[data-testid=stMain] [data-testid=stDataFrame] [aria-rowcount]").first
    expect(grid).to_have_attribute("aria-rowcount", str(len(between) + 1))

    atlas.rerun_after(lambda: atlas.page.get_by_role("link", name="Timeline").click())
    expect(atlas.page.get_by_text("events match the other filters")).to_contain_text(
        f"{len(between)} of {len(EVENTS)} events match the other filters")

    atlas.rerun_after(lambda: atlas.page.get_by_role("link", name="Flows").click())
    flows = flows_in_view(ATLAS.flows, SPAN, BETWEEN, "all")
    assert 0 < len(flows) < 12, "the table shows every row without scrolling"
    names = dict(zip(ATLAS.countries["iso_a3"], ATLAS.countries["name_en"], strict=True))
    rows = atlas.page.locator("[data-testid=stMain] [data-testid=stDataFrame]").first.locator("tr[role=row]")
    expect(rows).to_have_count(len(flows) + 1)
    directions = {direction_label(a, b, names) for a, b in zip(flows["from_country"], flows["to_country"], strict=True)}
    assert all(any(way in text for way in directions) for text in rows.all_inner_texts()[1:])
    assert query(atlas)["match"] == ["all"]
    assert atlas.external_requests() == []
