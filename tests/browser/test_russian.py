"""A reader at ?lang=ru walks every page: everything the browser shows — Streamlit's own widgets, the date
pickers' calendars and the map's frame included — is Russian."""

from __future__ import annotations

from babel import Locale
from playwright.sync_api import Locator, expect

from devtools.browser_harness import AtlasPage, visible_texts
from gasatlas.i18n.formats import month_names
from gasatlas.ui import navigation
from tests.support.data import shipped_atlas
from tests.support.english_words import english_words

EVENTS = shipped_atlas().events
RUSSIAN_WEEKDAYS = set(Locale.parse("ru").days["format"]["abbreviated"].values())


def test_every_page_in_russian_shows_no_english_interface_word(atlas: AtlasPage) -> None:
    found = {}
    for spec in navigation.PAGES:
        atlas.open(f"{'' if spec is navigation.MAP else spec.url_path}?lang=ru&basemap=offline")
        expect(atlas.page.locator("h1").first).to_be_visible()
        atlas.page.locator(".st-key-ga-chrome style").first.wait_for(state="attached")  # Streamlit's words restyled
        if spec in (navigation.MAP, navigation.ROUTES):  # the map page's map, the route's own small map
            frame = atlas.map()
            frame.locator(".leaflet-container").wait_for(state="visible")
            expect(frame.locator(".leaflet-control-scale-line").first).to_contain_text("км")
            expect(frame.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "Приблизить")
        found |= {f"{spec.url_path}: {word}": text for word, text in english_words(visible_texts(atlas)).items()}

    assert found == {}
    assert atlas.external_requests() == []


def test_streamlits_own_words_are_written_in_russian(atlas: AtlasPage) -> None:
    atlas.open("add_news?lang=ru&basemap=offline")
    texts = visible_texts(atlas)

    assert not {"Upload", "yyyy", "per file"} & {word for text in texts for word in (text, *text.split())}
    upload = atlas.page.locator("[data-testid=stFileUploaderDropzone] button p").first
    assert upload.evaluate("p => getComputedStyle(p, '::after').content") == '"Загрузить"'
    limit = atlas.page.locator("[data-testid=stFileUploaderDropzoneInstructions] span").first
    assert limit.evaluate("s => getComputedStyle(s, '::after').content") == '"до 4\u00a0МБ на файл"'
    with atlas.page.expect_file_chooser() as chooser:  # the widget works as before
        upload.click()
    assert chooser.value is not None


def open_first_calendar(atlas: AtlasPage) -> Locator:
    """Open the sidebar's first date field's calendar (the first day of the range)."""
    field = atlas.page.locator("[data-testid=stSidebar] [data-testid=stDateInput]").first
    field.locator("[data-testid=stDateInputCalendarButton]").click()
    calendar = atlas.page.locator("[data-testid=stDateInputCalendar]")
    calendar.wait_for()
    return calendar


def test_the_date_pickers_calendar_names_months_and_weekdays_in_russian(atlas: AtlasPage) -> None:
    atlas.open("timeline?lang=ru")
    calendar = open_first_calendar(atlas)
    shown = month_names("ru")[EVENTS["date"].min().month - 1].capitalize()  # the range starts on the first event
    month = calendar.locator("button[aria-haspopup=listbox]").first

    expect(month).to_have_attribute("data-ga-text", shown)
    assert month.evaluate("b => getComputedStyle(b, '::before').content") == f'"{shown}"', "drawn in its place"
    assert month.evaluate("b => getComputedStyle(b).fontSize") == "0px", "Streamlit's English name is not"
    weekdays = calendar.locator("thead th")
    expect(weekdays).to_have_count(7)
    names = [weekdays.nth(day).get_attribute("data-ga-text") for day in range(7)]
    assert {name.lower() for name in names} == RUSSIAN_WEEKDAYS, names

    month.click()
    options = atlas.page.locator("[role=listbox] [role=option][data-key]")
    expect(options).to_have_count(12)
    assert [options.nth(number).get_attribute("data-ga-text") for number in range(12)] == [
        name.capitalize() for name in month_names("ru")]


def test_in_english_the_calendar_keeps_streamlits_names(atlas: AtlasPage) -> None:
    atlas.open("timeline?lang=en")
    calendar = open_first_calendar(atlas)

    expect(calendar.locator("thead th").first).to_be_visible()
    assert calendar.locator("[data-ga-text]").count() == 0
