"""Titles, summaries and quotes of candidate events, written from their structured fields.

Both languages come from the same fields through templates — nothing is machine
translated, so a title never says more than the fields it was built from.
"""

from __future__ import annotations

import datetime as dt

from gasatlas.extract.dates import day_en, day_ru
from gasatlas.vocab import label

MAX_QUOTE_CHARS = 400
MAX_NAMES_IN_TITLE = 2


def quote_of(sentence: str) -> str:
    """The supporting sentence verbatim; a longer one is cut at a word boundary and ends in "…"."""
    if len(sentence) <= MAX_QUOTE_CHARS:
        return sentence
    cut = sentence[:MAX_QUOTE_CHARS - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def _names(names: list[str], lang: str) -> str:
    shown = names[:MAX_NAMES_IN_TITLE]
    more = len(names) - len(shown)
    if not more:
        return ", ".join(shown)
    return ", ".join(shown) + (f" and {more} more" if lang == "en" else f" и ещё {more}")


def _listing(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if lang == "en" else " и ") + names[-1]


def title(event_type: str, names: list[str], place: str, lang: str) -> str:
    """"Agreement: Roman Sklyar, Alexey Miller — St Petersburg"."""
    who = _names(names, lang)
    return f"{label(event_type, lang)}: {who} — {place}" if who else f"{label(event_type, lang)} — {place}"


def summary(event_type: str, countries: list[str], source_title: str, published: dt.date, lang: str) -> str:
    if lang == "en":
        return (f"{label(event_type, 'en')} involving {_listing(countries, 'en')}, reported by {source_title} "
                f"on {day_en(published)}; see the quoted sentence.")
    return (f"{label(event_type, 'ru')} (страны: {_listing(countries, 'ru')}); сообщение: {source_title}, "
            f"{day_ru(published)}; см. цитату.")
