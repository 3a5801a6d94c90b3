"""A reader at ?lang=ru walks every page: everything the browser shows — Streamlit's own widgets and the map's
frame included — is Russian."""

from __future__ import annotations

from playwright.sync_api import expect

from gasatlas.ui import navigation
from tests.english_words import english_words

from .harness import AtlasPage, visible_texts


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
