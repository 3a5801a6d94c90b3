"""The Russian catalog: it translates every message the code shows, holds nothing the code no longer shows,
picks the right Russian plural, and keeps each message's placeholders."""

from __future__ import annotations

import gettext as stdlib_gettext
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from gasatlas.config import PROJECT_ROOT
from gasatlas.i18n import CATALOG, DOMAIN, LOCALE_DIR, ngettext, translations
from gasatlas.i18n.extract import KEYWORDS

MessageKey = tuple[str | None, str]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@cache
def extracted() -> frozenset[MessageKey]:
    """What a fresh ``pybabel extract`` finds in the code now, through Babel's API and the project's mapping."""
    with (PROJECT_ROOT / "babel.cfg").open() as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    return frozenset((context, message if isinstance(message, str) else message[0])
                     for _, _, message, _, context in extract_from_dir(PROJECT_ROOT, method_map, options_map,
                                                                       keywords=KEYWORDS))


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=locale, domain=DOMAIN)


def _key(message: Message) -> MessageKey:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


@cache
def russian() -> Catalog:
    return _read(CATALOG, "ru")


def _entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def _translated(message: Message) -> bool:
    if isinstance(message.string, str):
        return bool(message.string)
    return len(message.string) == 3 and all(message.string)


def test_every_message_the_code_shows_has_a_russian_translation_in_every_plural_form() -> None:
    translated = {_key(message) for message in _entries(russian()) if _translated(message)}
    assert extracted(), "the extraction found the code's messages"
    assert sorted(extracted() - translated, key=str) == []


def test_the_catalog_holds_no_entry_the_code_no_longer_shows() -> None:
    assert sorted({_key(message) for message in _entries(russian())} - extracted(), key=str) == []
    assert not any(message.fuzzy for message in _entries(russian()))


def test_the_committed_template_is_a_fresh_extraction() -> None:
    template = {_key(message) for message in _entries(_read(LOCALE_DIR / f"{DOMAIN}.pot"))}
    assert template == set(extracted())


@pytest.mark.parametrize(("count", "form"), [(1, 0), (2, 1), (5, 2), (11, 2), (21, 0), (22, 1), (25, 2), (111, 2)])
def test_the_russian_plural_rule_picks_one_few_or_many(count: int, form: int) -> None:
    """1 событие, 2 события, 5 событий; 11 событий but 21 событие."""
    header = dict(russian().mime_headers)["Plural-Forms"]
    nplurals, expression = re.fullmatch(r"nplurals=(\d); plural=(.+);", header).groups()  # type: ignore[union-attr]
    assert nplurals == "3"
    assert stdlib_gettext.c2py(expression)(count) == form


def test_a_plural_message_is_shown_in_the_form_its_count_needs() -> None:
    shown = [ngettext("{count} change.", "{count} changes.", count, "ru").format(count=count) for count in (1, 3, 7)]
    assert shown == ["1 изменение.", "3 изменения.", "7 изменений."]
    assert ngettext("{count} change.", "{count} changes.", 1, "en").format(count=1) == "1 change."


def test_each_translation_keeps_the_placeholders_of_its_message() -> None:
    def names(text: str) -> set[str]:
        return set(PLACEHOLDER.findall(text))

    wrong = []
    for message in _entries(russian()):
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        expected = set().union(*(names(text) for text in ids))
        wrong += [(ids[0], text) for text in strings if names(text) != expected]
    assert wrong == []


def test_the_catalog_is_read_once_per_process() -> None:
    assert translations("ru") is translations("ru")
