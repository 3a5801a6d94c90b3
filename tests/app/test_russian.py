"""In Russian, every page speaks Russian: no English interface word in any element, table header or chart, and
numbers and dates written the Russian way."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyarrow
import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from gasatlas.i18n import gettext
from gasatlas.i18n.formats import month_names
from gasatlas.ui import navigation
from tests.app.test_app import APP, TIMEOUT, FakeMap
from tests.english_words import english_words

SHOWN_FIELDS = frozenset({"label", "body", "placeholder", "help", "options", "content", "caption", "text"})
"""The fields of Streamlit's element messages a reader sees (a widget's label, help and options, a text's body)."""
SKIPPED = frozenset({"html", "code", "vega_lite_chart", "dataframe", "component_instance"})
"""Elements whose text is read apart (charts, tables) or is not interface (style sheets, a citation's code)."""


@pytest.fixture(autouse=True)
def fake_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gasatlas.ui.map.st_folium", FakeMap())
    monkeypatch.setattr("gasatlas.ui.routes.st_folium", FakeMap())


def open_in_russian(spec: navigation.PageSpec, lang: str = "ru") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    return at.switch_page(spec.path).run()


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.message_type is not None:
            for item in ([value] if isinstance(value, Message) else value):
                yield from _strings(item)
        elif field.name in SHOWN_FIELDS:
            yield from ([value] if isinstance(value, str) else (item for item in value if isinstance(item, str)))


def _nodes(node) -> Iterator:
    for child in (node.children.values() if isinstance(getattr(node, "children", None), dict) else []):
        yield child
        yield from _nodes(child)


def element_texts(at: AppTest) -> list[str]:
    """What the page's elements say: labels, bodies, options, help, placeholders."""
    texts = []
    for node in _nodes(at._tree):
        if getattr(node, "type", None) not in SKIPPED and isinstance(getattr(node, "proto", None), Message):
            texts.extend(_strings(node.proto))
    return texts


def table_headers(at: AppTest) -> list[str]:
    """Every table's column headers as shown: the configured label, else the column's own name."""
    headers = []
    for table in at.dataframe:
        config = json.loads(table.proto.columns or "{}")
        for column in table.value.columns:
            shown = config.get(str(column), {})
            if shown is not None and not shown.get("hidden"):
                headers.append(str(shown.get("label") or column))
    return headers


def _chart_titles(spec: object) -> Iterator[str]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                yield value
            elif key not in ("data", "datasets"):
                yield from _chart_titles(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _chart_titles(item)


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda spec: spec.url_path)
def test_no_page_shows_an_english_interface_word_in_russian(spec: navigation.PageSpec) -> None:
    at = open_in_russian(spec)

    assert not at.exception, at.exception
    titles = [title for chart in chart_specs(at) for title in _chart_titles(chart)]
    shown = [*element_texts(at), *table_headers(at), *titles]
    assert len(shown) > 5, "the page was read"
    assert english_words(shown) == {}


def test_the_same_reading_finds_the_english_interface_of_the_english_pages() -> None:
    at = open_in_russian(navigation.ROUTES, lang="en")

    found = english_words([*element_texts(at), *table_headers(at)])
    assert {"Filters", "Capacity", "Countries", "Date", "Facilities"} <= set(found), found


@pytest.mark.parametrize("spec", [navigation.TIMELINE, navigation.ACTORS, navigation.ROUTES, navigation.FLOWS],
                         ids=lambda spec: spec.url_path)
def test_every_chart_formats_months_and_numbers_in_russian(spec: navigation.PageSpec) -> None:
    charts = chart_specs(open_in_russian(spec))

    assert charts
    for chart in charts:
        locale = chart["config"]["locale"]
        assert locale["time"]["months"] == list(month_names("ru"))
        assert locale["time"]["months"][0] == "январь"
        assert locale["number"]["decimal"] == ","


def test_numbers_in_russian_tables_have_a_decimal_comma_and_still_sort_as_numbers() -> None:
    at = open_in_russian(navigation.ROUTES)

    routes = next(table for table in at.dataframe if "capacity" in table.value.columns)
    assert routes.value["capacity"].dtype.kind == "f", "the value stays a number, so the column sorts as numbers"
    shown = pyarrow.ipc.open_stream(routes.proto.arrow_data.styler.display_values).read_all().to_pandas()
    texts = [text for text in shown["capacity"] if text and text != "—"]
    assert texts
    assert all("." not in text for text in texts)
    assert any("," in text for text in texts)


def test_dates_in_russian_are_written_the_russian_way() -> None:
    at = open_in_russian(navigation.MAP)

    assert at.slider[0].proto.format == "DD.MM.YYYY"
    caption = at.caption[0].value
    assert any(month in caption for month in month_names("ru", "wide", "format")), caption


@pytest.mark.parametrize(("link", "problems"), [
    ({"basemap": "x", "widths": "x", "from": "2023-02-30", "to": "soon", "country": "ATL", "type": "x", "actor": "x",
      "sel": "event:none", "match": "x", "story": "fiction"}, 10),
    ({"from": "2024-01-01", "to": "2023-01-01", "compare": "2023-13-01,2023-01-01"}, 2),
    ({"compare": "2024-01-01,2023-01-01", "story": "main", "step": "99"}, 2),
], ids=["unknown values", "dates", "order and story step"])
def test_what_a_bad_link_lost_is_told_in_russian(link: dict[str, str], problems: int) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in {"lang": "ru", **link}.items():
        at.query_params[key] = value

    toasts = [toast.value for toast in at.run().toast]

    assert not at.exception, at.exception
    assert len(toasts) == problems, toasts
    assert all(toast.startswith(gettext("Part of the link was ignored", "ru")) for toast in toasts)
    assert english_words(toasts) == {}
