"""Date expressions in a sentence, resolved against the publication date with an honest precision.

News dates are relative to the day the article appeared: "18 января" in a
piece of 20 January 2023 is 18 January 2023, "в конце декабря" is late December
2022. Month, year and approximate dates hold a representative day and keep a
label in both languages ("late Nov 2022" / "конец ноября 2022"); a year that had
to be assumed is said so in the mention's ``note``, never silently. Dates whose
period begins after publication are plans or forecasts, not events, and are ignored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from gasatlas.extract.russian import russian_models
from gasatlas.i18n import MONTHS_EN, MONTHS_RU, MONTHS_RU_GENITIVE
from gasatlas.vocab import DatePrecision

QUALIFIER_DAY = {"early": 5, "mid": 15, "late": 25, None: 15}
"""Representative day of a month: "late November" → 25 November; a bare month → the 15th."""
QUALIFIER_YEAR_DAY = {"early": (2, 15), "mid": (7, 1), "late": (11, 15), None: (7, 1)}
QUALIFIER_RU = {"early": "начало", "mid": "середина", "late": "конец"}
QUALIFIER_WORDS = {
    "начале": "early", "середине": "mid", "конце": "late",
    "early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid", "late": "late", "end": "late",
}
PRECISION_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2, DatePrecision.APPROXIMATE: 3}
"""The date of a sentence is its most precise mention ("На предыдущей неделе, 10 января" → 10 Jan)."""

MONTH_RU = {form: number for number, (nominative, genitive) in enumerate(zip(MONTHS_RU, MONTHS_RU_GENITIVE), 1)
            for form in (nominative, genitive, genitive[:-1] + "е")}
MONTH_EN = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_EN |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6}
WEEKDAYS_EN = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_RU_MONTHS = "|".join(sorted(MONTH_RU, key=len, reverse=True))
_EN_MONTH = r"(?P<month>" + "|".join(
    sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_RU_YEAR_WORD = r"\s*(?:года|году|год|г\.)?"
_RU_WHICH_YEAR = r"(?:\s+" + _YEAR + _RU_YEAR_WORD + r"|\s+(?P<rel>прошлого|минувшего|этого|текущего|нынешнего)\s+года)?"
_EN_WHICH_YEAR = r"(?:,?\s+" + _YEAR + r"|\s+(?P<rel>last|this)\s+year)?"
LAST_YEAR_WORDS = {"прошлого", "минувшего", "last"}
_EN_QUALIFIER = r"(?i:(?P<q>early|mid|late)|the\s+(?P<qq>beginning|start|middle|end)\s+of)[\s-]+"

RU_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("month", re.compile(r"(?:\bв\s+)?(?P<q>начале|середине|конце)\s+(?P<month>" + _RU_MONTHS + r")\b"
                         + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("month", re.compile(r"\bв\s+(?P<month>" + _RU_MONTHS + r")\b" + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("year", re.compile(r"(?:\bв\s+)?(?P<q>начале|середине|конце)\s+" + _YEAR + _RU_YEAR_WORD, re.IGNORECASE)),
    ("yesterday", re.compile(r"\bвчера\b", re.IGNORECASE)),
    ("day_before_yesterday", re.compile(r"\bпозавчера\b", re.IGNORECASE)),
    ("today", re.compile(r"\bсегодня\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\bв(?:о)?\s+(?P<weekday>" + "|".join(WEEKDAYS_RU) + r")\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\bна\s+(?:прошлой|предыдущей|минувшей)\s+неделе\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\bв\s+(?:прошлом|минувшем)\s+месяце\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\bв\s+(?:прошлом|минувшем)\s+году\b", re.IGNORECASE)),
    ("earlier", re.compile(r"(?<!не\s)\bранее\b", re.IGNORECASE)),
)
"""Russian expressions natasha's DatesExtractor does not resolve: qualifiers, bare months, relative days."""

EN_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("day", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("day", re.compile(r"\b" + _EN_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r"\b)?")),
    ("month", re.compile(r"\b" + _EN_QUALIFIER + _EN_MONTH + _EN_WHICH_YEAR + r"\b")),
    ("month", re.compile(r"\b(?i:in|since|during|by|until|from|of|last)\s+" + _EN_MONTH + _EN_WHICH_YEAR + r"\b")),
    ("month", re.compile(r"\b" + _EN_MONTH + r",?\s+" + _YEAR + r"\b")),
    ("year", re.compile(r"\b" + _EN_QUALIFIER + _YEAR + r"\b")),
    ("year", re.compile(r"\b(?i:in|since|during|by|of)\s+" + _YEAR + r"\b")),
    ("yesterday", re.compile(r"\byesterday\b", re.IGNORECASE)),
    ("today", re.compile(r"\btoday\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?i:on|last)\s+(?P<weekday>" + "|".join(calendar.day_name) + r")\b")),
    ("last_week", re.compile(r"\blast\s+week\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\blast\s+month\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\blast\s+year\b", re.IGNORECASE)),
    ("earlier", re.compile(r"\b(?:earlier|previously)\b(?!\s+than)", re.IGNORECASE)),
)
"""English month names must be capitalised: "may" is a verb far more often than a month."""

NUMERIC_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("day", re.compile(r"\b" + _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("day", re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\." + _YEAR + r"\b")),
)


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression at ``[start, stop)`` of a sentence's text."""

    start: int
    stop: int
    date: dt.date
    precision: DatePrecision
    label_en: str | None = None
    label_ru: str | None = None
    note: str | None = None


def day_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def day_ru(day: dt.date) -> str:
    return f"{day.day} {MONTHS_RU_GENITIVE[day.month - 1]} {day.year}"


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTH_RU.get(word) or MONTH_EN.get(word) or int(word)


def _qualifier(groups: dict) -> str | None:
    word = groups.get("q") or groups.get("qq")
    return QUALIFIER_WORDS[word.lower()] if word else None


def _rolled_back(year: int, earliest: dt.date, published: dt.date) -> tuple[int, str | None]:
    """The year of a date written without one: the publication year, or the year before
    when the date would otherwise begin after publication."""
    if earliest.replace(year=year) <= published:
        return year, None
    return year - 1, f"year not stated: {year - 1} assumed ({year} would be after publication)"


def _day(start: int, stop: int, year: int | None, month: int, day: int, published: dt.date) -> DateMention | None:
    note = None
    try:
        if year is None:
            year, note = _rolled_back(published.year, dt.date(published.year, month, day), published)
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if date > published:
        return None
    return DateMention(start, stop, date, DatePrecision.DAY, note=note)


def _month(start: int, stop: int, year: int | None, month: int, qualifier: str | None,
           published: dt.date) -> DateMention | None:
    note = None
    if year is None:
        year, note = _rolled_back(published.year, dt.date(published.year, month, 1), published)
    if dt.date(year, month, 1) > published:
        return None
    date = min(dt.date(year, month, QUALIFIER_DAY[qualifier]), published)
    label_en = " ".join(filter(None, [qualifier, MONTHS_EN[month - 1], str(year)]))
    label_ru = (f"{QUALIFIER_RU[qualifier]} {MONTHS_RU_GENITIVE[month - 1]} {year}" if qualifier
                else f"{MONTHS_RU[month - 1]} {year}")
    return DateMention(start, stop, date, DatePrecision.MONTH, label_en, label_ru, note)


def _year(start: int, stop: int, year: int, qualifier: str | None, published: dt.date) -> DateMention | None:
    if dt.date(year, 1, 1) > published:
        return None
    date = min(dt.date(year, *QUALIFIER_YEAR_DAY[qualifier]), published)
    label_en = f"{qualifier} {year}" if qualifier else str(year)
    label_ru = f"{QUALIFIER_RU[qualifier]} {year} года" if qualifier else f"{year} год"
    return DateMention(start, stop, date, DatePrecision.YEAR, label_en, label_ru)


def _relative(kind: str, start: int, stop: int, groups: dict, published: dt.date) -> DateMention:
    if kind in {"yesterday", "day_before_yesterday", "today"}:
        back = {"yesterday": 1, "day_before_yesterday": 2, "today": 0}[kind]
        return DateMention(start, stop, published - dt.timedelta(days=back), DatePrecision.DAY)
    if kind == "weekday":
        weekday = {**WEEKDAYS_RU, **WEEKDAYS_EN}[groups["weekday"].lower()]
        day = published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)
        note = f"weekday read as the last {calendar.day_name[weekday]} before publication: {day_en(day)}"
        return DateMention(start, stop, day, DatePrecision.DAY, note=note)
    if kind == "last_week":
        return DateMention(start, stop, published - dt.timedelta(days=7), DatePrecision.APPROXIMATE,
                           f"the week before {day_en(published)}", f"за неделю до {day_ru(published)}",
                           "date is approximate (the week before publication)")
    if kind == "last_month":
        last = published.replace(day=1) - dt.timedelta(days=1)
        return _month(start, stop, last.year, last.month, None, published)
    if kind == "last_year":
        return _year(start, stop, published.year - 1, None, published)
    return DateMention(start, stop, published - dt.timedelta(days=1), DatePrecision.APPROXIMATE,
                       f"before {day_en(published)}", f"до {day_ru(published)}",
                       "date is approximate (before publication)")


def _resolve(kind: str, match: re.Match, published: dt.date) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("rel"):
        year = published.year - (groups["rel"].lower() in LAST_YEAR_WORDS)
    start, stop = match.span()
    if kind == "day":
        return _day(start, stop, year, _month_number(groups["month"]), int(groups["day"]), published)
    if kind == "month":
        return _month(start, stop, year, _month_number(groups["month"]), _qualifier(groups), published)
    if kind == "year":
        return _year(start, stop, year, _qualifier(groups), published)
    return _relative(kind, start, stop, groups, published)


def _natasha_dates(text: str, published: dt.date) -> Iterator[DateMention]:
    """Day–month(–year), month–year and year expressions, as natasha reads them."""
    for match in russian_models().dates(text):
        fact = match.fact
        if fact.month and fact.day:
            found = _day(match.start, match.stop, fact.year, fact.month, fact.day, published)
        elif fact.month and fact.year:
            found = _month(match.start, match.stop, fact.year, fact.month, None, published)
        elif fact.year and not fact.month:
            found = _year(match.start, match.stop, fact.year, None, published)
        else:
            found = None
        if found:
            yield found


def find_dates(text: str, published: dt.date, lang: str) -> list[DateMention]:
    """Every date expression in ``text`` that resolves to a day on or before ``published``.

    Where expressions overlap, the longest wins ("в конце ноября 2022 года" over "ноября 2022 года").
    """
    rules = (RU_RULES if lang == "ru" else EN_RULES) + NUMERIC_RULES
    found = [m for kind, rule in rules for match in rule.finditer(text) if (m := _resolve(kind, match, published))]
    if lang == "ru":
        found.extend(_natasha_dates(text, published))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.stop, m.start)):
        if all(mention.stop <= k.start or k.stop <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def sentence_date(mentions: list[DateMention]) -> DateMention | None:
    """The date a sentence reports: its most precise mention, the first of equals."""
    return min(mentions, key=lambda m: (PRECISION_RANK[m.precision], m.start), default=None)


def inherited(mention: DateMention) -> DateMention:
    """The date of a fact reported without its own date, taken from the passage before it:
    a day becomes approximate ("c. 7 Dec 2022"), coarser dates stay as they are."""
    note = "date not stated for this fact: taken from the preceding passage"
    if mention.precision != DatePrecision.DAY:
        return replace(mention, note=note)
    return replace(mention, precision=DatePrecision.APPROXIMATE, label_en=f"c. {day_en(mention.date)}",
                   label_ru=f"около {day_ru(mention.date)}", note=note)
