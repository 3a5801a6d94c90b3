"""Interface text in English and Russian, from a gettext catalog (numbers and dates: ``gasatlas.i18n.formats``).

The English text is the message id, so a call site reads as what it shows: ``gettext("Filters", lang)``,
``ngettext("{count} change.", "{count} changes.", count, lang).format(count=count)``, and
``pgettext("event type", "Meeting", lang)`` where one English word needs two Russian ones. Text defined
away from where it is shown (a vocabulary's labels, a menu's choices) is marked for extraction with ``N_``
(or ``pN_`` with a context) and translated where it is shown. The Russian catalog,
``locale/ru/LC_MESSAGES/gasatlas.po``, is read once per process and compiled in memory.

To add or change a string, write the call in English (``gettext("New text", lang)``), then from the
repository root (``python -m babel.messages.frontend`` is ``pybabel``, run so that ``babel.cfg``'s extraction
method, ``gasatlas.i18n.extract``, is imported from this checkout)::

    python -m babel.messages.frontend extract -F babel.cfg -k pN_:1c,2 --sort-by-file \
        --project="Central Asia Gas Atlas" --version=1 -o gasatlas/i18n/locale/gasatlas.pot .
    python -m babel.messages.frontend update -i gasatlas/i18n/locale/gasatlas.pot -d gasatlas/i18n/locale \
        -D gasatlas -l ru --no-fuzzy-matching --ignore-obsolete
    # write the Russian msgstr of each new entry in locale/ru/LC_MESSAGES/gasatlas.po (all three plural forms)
    python -m pytest tests/unit/i18n   # every message translated, no entry unused, placeholders kept
"""

from __future__ import annotations

from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from gasatlas.model.vocab import LABELS, N_, Lang, pN_

__all__ = ["CATALOG", "DOMAIN", "LOCALE_DIR", "N_", "gettext", "label", "ngettext", "pN_", "pgettext"]

DOMAIN = "gasatlas"
LOCALE_DIR = Path(__file__).parent / "locale"
CATALOG = LOCALE_DIR / "ru" / "LC_MESSAGES" / f"{DOMAIN}.po"
"""The Russian catalog; English needs none, its text is the message id."""


@cache
def translations(lang: Lang) -> NullTranslations:
    """The compiled catalog of ``lang``, read once per process (no binary ``.mo`` is kept in the repository)."""
    if lang == "en":
        return NullTranslations()
    with CATALOG.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(message: str, lang: Lang) -> str:
    """``message`` (its English text) in ``lang``."""
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int, lang: Lang) -> str:
    """The form of a message for ``count`` things: one English plural, three Russian ones (1, 2–4, 5 and 11–14)."""
    return translations(lang).ngettext(singular, plural, count)


def pgettext(context: str, message: str, lang: Lang) -> str:
    """``message`` in ``lang`` where its English text alone is ambiguous (``context`` tells which one)."""
    return translations(lang).pgettext(context, message)


def label(code: str, lang: Lang) -> str:
    """The display label of a vocabulary code; an unknown code is shown as itself."""
    if code not in LABELS:
        return code
    context, message = LABELS[code]
    return pgettext(context, message, lang)
