"""Which language an article is in, and its sentences read by that language's analyser."""

from __future__ import annotations

from collections.abc import Callable

from gasatlas.i18n import N_
from gasatlas.news.extract.english import read_english
from gasatlas.news.extract.russian import read_russian
from gasatlas.news.extract.units import Sentence

LANGUAGES = ("ru", "en")
LANGUAGE_SUPPORT: dict[str, str] = {
    "ru": N_("Russian: full support — natasha's NER and lemmatiser find people, organisations and places in any case "
             "form, including people the atlas does not know yet."),
    "en": N_("English: partial — dates, places in the gazetteer and people or organisations already in the atlas are "
             'found; new people only when a role introduces them ("Energy Minister Jurabek Mirzamakhmudov").'),
}
"""How well the article reader reads each language it recognises."""


def language_of(text: str) -> str:
    """"ru" when most letters are Cyrillic, else "en" — quotes of English names in a
    Russian article (QazaqGaz, Spot) do not change its language."""
    cyrillic = sum(1 for character in text if "\u0400" <= character <= "\u04ff")
    letters = sum(1 for character in text if character.isalpha())
    return "ru" if letters and cyrillic * 2 >= letters else "en"


def read_sentences(text: str, lang: str, progress: Callable[[float], None] | None = None) -> list[Sentence]:
    """``progress`` hears how much of the text has been analysed (Russian texts, the costly ones)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not supported (use one of {', '.join(LANGUAGES)})")
    return read_russian(text, progress) if lang == "ru" else read_english(text)
