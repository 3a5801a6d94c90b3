"""A news agency's dateline: where the report was filed and on which day — never where the event was.

    МОСКВА, 7 октября — РИА Новости.          Москва. 30 ноября. INTERFAX.RU -
    ТАШКЕНТ, 10 октября. /ТАСС/.              Ташкент, Узбекистан (UzDaily.uz) --
    MOSCOW, December 13. /TASS/.              TASHKENT, Azerbaijan, September 5.
    TASHKENT (UrduPoint News / Sputnik - 26th January, 2023)

A dateline opens the article or its second paragraph (the first may be the headline).
It is read once, taken out of the text the extractor analyses (its place is no
event's place), and its day — the day of the report — dates the undated lede.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gasatlas.news.extract.dates import MONTH_EN, MONTH_RU
from gasatlas.news.extract.units import fold, paragraphs

_WORD = r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’-]+"
_NOT_MONTH = r"(?!(?:" + "|".join(name.capitalize() for name in MONTH_EN) + r")\b)"
_SEPARATOR = r"\s*[.,]?\s*(?:[-–—]{1,2}\s*)?"
_END = r"\s*(?:\.|[-–—]{1,2})"
DATELINE = re.compile(
    r"(?P<place>" + _WORD + r"(?:\s" + _WORD + r")?)"
    r"(?:,\s*" + _NOT_MONTH + r"(?P<country>" + _WORD + r"))?"
    r"(?:[,.]\s*(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-zА-Яа-яЁё]{3,}\.?|[A-Z][a-z]{2,}\.?\s+\d{1,2})"
    r"(?:,?\s+(?P<year>\d{4}))?(?:\s*г\.)?)?"
    r"(?:" + _SEPARATOR + r"(?P<bracketed>/[^/\n]{1,40}/|\([^()\n]{1,80}\))(?:" + _END + r")?"
    r"|" + _SEPARATOR + r"(?P<agency>[A-ZА-ЯЁ][\w/-]*(?:\.[A-Za-z]{2,4})?(?:\s[A-ZА-ЯЁ][\w/-]*){0,2})" + _END +
    r"|(?P<end>" + _END + r"))?"
    r"(?:\s+|$)"
)
"""Place, optional country, optional date, then an agency (in brackets, in slashes, or up to three capitalised
words before a full stop or dash) or just a full stop or dash."""
DAY_MONTH = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-zА-Яа-яЁё]{3,})"
                       r"|(?P<month2>[A-Z][a-z]{2,})\.?\s+(?P<day2>\d{1,2})")


@dataclass(frozen=True)
class Dateline:
    """The dateline at ``[start, stop)`` of the article; ``day`` when it gives the report's day."""

    start: int
    stop: int
    place: str
    day: dt.date | None


def _month(word: str) -> int | None:
    """A month by its name or a prefix of three letters or more ("мар", "Sept", "October")."""
    word = fold(word).rstrip(".")
    for name, number in (MONTH_RU | MONTH_EN).items():
        if name.startswith(word) or word.startswith(name):
            return number
    return None


def _report_day(text: str, year: str | None, published: dt.date) -> dt.date | None:
    """The day a dateline names, in the publication's year or the one before (never after publication)."""
    match = DAY_MONTH.search(text)
    if match is None:
        return None
    month = _month(match["month"] or match["month2"])
    if month is None:
        return None
    day = int(match["day"] or match["day2"])
    for candidate_year in ([int(year)] if year else []) + [published.year, published.year - 1]:
        try:
            day_of = dt.date(candidate_year, month, day)
        except ValueError:
            return None
        if day_of <= published:
            return day_of
    return None


def _year_in(text: str) -> str | None:
    found = re.search(r"\b(?:19|20)\d{2}\b", text)
    return found.group() if found else None


def find_dateline(text: str, published: dt.date) -> Dateline | None:
    """The dateline at the start of the first or second paragraph, if any. A capitalised opening is a
    dateline only with something a sentence would not have there: a date, an agency in brackets or
    slashes, or a place in capitals followed by a country, an agency or a date."""
    for offset, paragraph in paragraphs(text)[:2]:
        match = DATELINE.match(paragraph)
        if match is None:
            continue
        place, bracketed = match["place"], match["bracketed"] or ""
        shouted = place.replace("-", "").replace(" ", "").isupper() and len(place) > 2
        if not (match["date"] or bracketed or (shouted and (match["country"] or match["agency"]))):
            continue
        if match["date"]:
            day = _report_day(match["date"], match["year"], published)
        else:
            day = _report_day(bracketed, _year_in(bracketed), published) if bracketed else None
        return Dateline(offset, offset + match.end(), place, day)
    return None


def without_dateline(text: str, dateline: Dateline | None) -> str:
    """The text with the dateline blanked out, every other character where it was."""
    if dateline is None:
        return text
    return text[:dateline.start] + " " * (dateline.stop - dateline.start) + text[dateline.stop:]
