"""The path every reader takes, on a cold first visit of a fresh server: choose countries, a type and a person,
pick an event, move the dates by keyboard and by mouse, brush the timeline, visit every page, reload the link —
and the view (filters, dates, selection) is the same each time, in the sidebar and in the address bar.

The expected values come from the data: the person is the one with most events of that type between those
countries, the event is the middle row of the table they leave.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from devtools.browser_harness import ROW_HEIGHT, AppServer, AtlasPage, atlas_tab, start_app_server
from gasatlas.analysis.filters import EventFilter, apply_filter
from gasatlas.config import PROJECT_ROOT
from gasatlas.i18n import gettext, label
from gasatlas.model.vocab import Lang
from gasatlas.ui import navigation
from tests.support.data import shipped_atlas

ATLAS = shipped_atlas()
EVENTS = ATLAS.events
COUNTRIES = ("RUS", "UZB")
EVENT_TYPE = "agreement"
THEIRS = apply_filter(EVENTS, EventFilter(countries=frozenset(COUNTRIES), event_types=frozenset({EVENT_TYPE})))
ACTOR = Counter(actor for people in THEIRS["participants"] for actor in people).most_common(1)[0][0]
CHOSEN = apply_filter(THEIRS, EventFilter(actors=frozenset({ACTOR})))
PICKED = CHOSEN.iloc[len(CHOSEN) // 2]
COUNT = re.compile(r" \(\d+\)$")


@dataclass(frozen=True)
class View:
    """What the reader sees of the view: the sidebar's choices (names, without counts) and the address's."""

    countries: tuple[str, ...]
    types: tuple[str, ...]
    actors: tuple[str, ...]
    dates: tuple[str, str]
    typed: tuple[str, str]
    link: tuple[tuple[str, tuple[str, ...]], ...]


def names(lang: Lang) -> dict[str, dict[str, str]]:
    countries = dict(zip(ATLAS.countries["iso_a3"], ATLAS.countries[f"name_{lang}"], strict=True))
    actors = dict(zip(ATLAS.actors["id"], ATLAS.actors[f"name_{lang}"], strict=True))
    return {"countries": countries, "actors": actors}


def multiselect(atlas: AtlasPage, label_text: str):
    return atlas.page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(
        has=atlas.page.get_by_text(label_text, exact=True))


def chips(atlas: AtlasPage, label_text: str) -> tuple[str, ...]:
    tags = multiselect(atlas, label_text).locator(".react-aria-ComboBox [data-tag] > span[title]")
    return tuple(sorted(COUNT.sub("", text) for text in tags.all_inner_texts()))


def slider_handles(atlas: AtlasPage):
    return atlas.page.locator("[data-testid=stSidebar] [data-testid=stSlider]").first.locator("input[type=range]")


def iso(day: str | None) -> str:
    """A day as the widgets write it in either language (2023-05-01, 01.05.2023), in ISO form."""
    if day and (russian := re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4})", day)):
        return "-".join(reversed(russian.groups()))
    return day or ""


def view_of(atlas: AtlasPage, lang: Lang) -> View:
    handles = slider_handles(atlas)
    typed = atlas.page.locator("[data-testid=stSidebar] [data-testid=stDateInput] input")
    query = parse_qs(urlsplit(atlas.url).query)
    return View(
        countries=chips(atlas, gettext("Countries involved", lang)),
        types=chips(atlas, gettext("Event types", lang)),
        actors=chips(atlas, gettext("People and organisations", lang)),
        dates=(iso(handles.nth(0).get_attribute("aria-valuetext")),
               iso(handles.nth(1).get_attribute("aria-valuetext"))),
        typed=(iso(typed.nth(0).input_value()), iso(typed.nth(1).input_value())),
        link=tuple(sorted((key, tuple(values)) for key, values in query.items())),
    )


def expected_view(lang: Lang, start: str, end: str) -> View:
    known = names(lang)
    link = {"country": tuple(sorted(COUNTRIES)), "type": (EVENT_TYPE,), "actor": (ACTOR,),
            "sel": (f"event:{PICKED['id']}",), "from": (start,), "to": (end,), "basemap": ("offline",)}
    if lang != "en":
        link["lang"] = (lang,)
    return View(
        countries=tuple(sorted(known["countries"][code] for code in COUNTRIES)),
        types=(label(EVENT_TYPE, lang),),
        actors=(known["actors"][ACTOR],),
        dates=(start, end),
        typed=(start, end),
        link=tuple(sorted(link.items())),
    )


def go_to(atlas: AtlasPage, spec: navigation.PageSpec, lang: Lang) -> None:
    atlas.rerun_after(lambda: atlas.page.locator("[data-testid=stSidebarNav]").get_by_role(
        "link", name=gettext(spec.title, lang), exact=True).click())
    expect(atlas.page.locator("h1").first).to_be_visible()


@pytest.fixture
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server nobody has visited: the reader's first page loads the data (no warm-up)."""
    import shutil

    data_dir = tmp_path_factory.mktemp("cold") / "data"
    shutil.copytree(PROJECT_ROOT / "data", data_dir)
    server = start_app_server(data_dir)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_view_holds_along_the_readers_whole_path(browser: Browser, fresh_server: AppServer, lang: Lang) -> None:
    known = names(lang)
    with atlas_tab(browser, fresh_server.base_url, 1440, 900) as atlas:
        atlas.open("?basemap=offline" if lang == "en" else "?basemap=offline&lang=ru")
        atlas.wait_for_map_settled()

        for code in COUNTRIES:
            atlas.pick(gettext("Countries involved", lang), known["countries"][code])
        atlas.pick(gettext("Event types", lang), label(EVENT_TYPE, lang))
        atlas.pick(gettext("People and organisations", lang), known["actors"][ACTOR])
        grid = atlas.page.locator("[data-testid=stMain] [data-testid=stDataFrame]").first
        expect(grid.locator("tr[role=row]")).to_have_count(len(CHOSEN) + 1)
        row = int(CHOSEN.index.get_loc(PICKED.name))
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        atlas.rerun_after(lambda: atlas.page.mouse.click(box["x"] + 14, box["y"] + ROW_HEIGHT * (row + 1.5)))
        expect(atlas.page.locator(f"[data-testid=stMain] [data-event-id='{PICKED['id']}']")).to_be_visible()

        first, last = (day.date() for day in (EVENTS["date"].min(), EVENTS["date"].max()))
        start, end = first.isoformat(), last.isoformat()
        seen = view_of(atlas, lang)
        assert seen == replace(expected_view(lang, start, end), link=tuple(
            (key, values) for key, values in expected_view(lang, start, end).link if key not in ("from", "to")))

        end_handle = slider_handles(atlas).nth(1)
        for step in (1, 2, 3):
            atlas.rerun_after(lambda: end_handle.press("ArrowLeft"))
            end = (last - dt.timedelta(days=step)).isoformat()
            link = expected_view(lang, start, end)
            assert view_of(atlas, lang) == replace(link, link=tuple(
                (key, values) for key, values in link.link if key != "from")), f"after key press {step}"

        atlas.drag_slider(atlas.page.locator("[data-testid=stSidebar] [data-testid=stSlider]").first, 0, 0.05)
        start = view_of(atlas, lang).dates[0]
        assert start > first.isoformat(), "the drag moved the start"
        assert view_of(atlas, lang) == expected_view(lang, start, end), "after the drag"

        go_to(atlas, navigation.TIMELINE, lang)
        atlas.brush_timeline(0.35, 0.8)
        start, end = view_of(atlas, lang).dates
        assert (start, end) != (first.isoformat(), (last - dt.timedelta(days=3)).isoformat()), "the brush set dates"
        assert view_of(atlas, lang) == expected_view(lang, start, end), "after brushing the timeline"

        for spec in [*navigation.PAGES, navigation.MAP]:
            go_to(atlas, spec, lang)
            assert view_of(atlas, lang) == expected_view(lang, start, end), f"on {spec.url_path}"
        expect(atlas.page.locator(f"[data-testid=stMain] [data-event-id='{PICKED['id']}']")).to_be_visible()

        atlas.page.reload()
        atlas.wait_for_idle()
        atlas.wait_for_map_settled()
        assert view_of(atlas, lang) == expected_view(lang, start, end), "after reloading the address"
        expect(atlas.page.locator(f"[data-testid=stMain] [data-event-id='{PICKED['id']}']")).to_be_visible()
        assert atlas.external_requests() == []
