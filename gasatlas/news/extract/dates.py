"""Date expressions in a sentence, resolved against the publication date with an honest precision.

News dates are relative to the day the article appeared: "18 января" in a
piece of 20 January 2023 is 18 January 2023, "в конце декабря" is late December
2022. Month, year and approximate dates hold a representative day and keep a
label in both languages ("late Nov 2022" / "конец ноября 2022"); a year that had
to be assumed is said so in the mention's ``note``, never silently. Dates whose
period begins after publication are plans or forecasts, not events, and are ignored —
so is a date without a year in a sentence about the future ("поставки начнутся в
марте"), which is next March, not last March.

A year written after a day or month is always read as written, even one the
patterns do not expect ("18 января 2300 года" is a date in 2300 — a plan — never
18 January of the publication year). A stated date before the atlas's window
("5 мая 1650 года") is kept as a mention marked ``outside``: its sentence is
dated, but it is no event the atlas can hold, and no candidate is made of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from gasatlas.i18n.formats import month_names
from gasatlas.model import datewindow
from gasatlas.model.vocab import DatePrecision
from gasatlas.news.extract.russian import russian_models
from gasatlas.news.extract.units import fold

MONTHS_EN = month_names("en", "abbreviated", "format")
MONTHS_RU = month_names("ru")
MONTHS_RU_GENITIVE = month_names("ru", "wide", "format")
"""Month names as the labels of found dates write them (CLDR's): "Nov", "ноябрь", "ноября"."""
QUALIFIER_DAY = {"early": 5, "mid": 15, "late": 25, None: 15}
"""Representative day of a month: "late November" → 25 November; a bare month → the 15th."""
QUALIFIER_YEAR_DAY = {"early": (2, 15), "mid": (7, 1), "late": (11, 15), None: (7, 1)}
QUALIFIER_RU = {"early": "начало", "mid": "середина", "late": "конец"}
QUALIFIER_WORDS = {
    "начале": "early", "середине": "mid", "конце": "late",
    "early": "early", "beginning": "early", "start": "early",
    "mid": "mid", "middle": "mid", "late": "late", "end": "late",
}
PRECISION_RANK = {precision: rank for rank, precision in enumerate(DatePrecision)}
"""Finest first, as the vocabulary lists them."""
ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
            "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
SEASONS = {"зим": 0, "весн": 1, "лет": 2, "осен": 3, "winter": 0, "spring": 1, "summer": 2, "autumn": 3, "fall": 3}
"""Season stems → 0 winter … 3 autumn; a season's middle month is 1 (January), 4, 7 or 10."""
SEASON_EN = ("winter", "spring", "summer", "autumn")
SEASON_RU = ("зима", "весна", "лето", "осень")
STATED_YEAR = {
    "ru": re.compile(r"\s*,?\s+(?P<year>\d{1,5})\s*(?:года|году|год|г\.)", re.IGNORECASE),
    "en": re.compile(r",?\s+(?P<year>\d{3,5})\b"),
}
"""A year written right after a day or month, whatever its value (the patterns above know only 19xx/20xx)."""
"""The date of a sentence is its most precise mention ("На предыдущей неделе, 10 января" → 10 Jan)."""

MONTH_RU = {form: number
            for number, (nominative, genitive) in enumerate(zip(MONTHS_RU, MONTHS_RU_GENITIVE, strict=True), 1)
            for form in (nominative, genitive, genitive[:-1] + "е")}
"""Month names in the cases news use them: январь, января, январе."""
MONTH_EN = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_EN |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6}
WEEKDAYS_EN = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_RU_MONTHS = "|".join(sorted(MONTH_RU, key=len, reverse=True))
_EN_MONTH = r"(?P<month>" + "|".join(
    sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_RU_YEAR_WORD = r"\s*(?:года|году|год|г\.)?"
_RU_WHICH_YEAR = (r"(?:\s+" + _YEAR + _RU_YEAR_WORD
                  + r"|\s+(?P<rel>прошлого|минувшего|этого|текущего|нынешнего)\s+года)?")
_EN_WHICH_YEAR = r"(?:,?\s+" + _YEAR + r"|\s+(?P<rel>last|this)\s+year)?"
LAST_YEAR_WORDS = {"прошлого", "минувшего", "last"}
_EN_QUALIFIER = r"(?i:(?P<q>early|mid|late)|the\s+(?P<qq>beginning|start|middle|end)\s+of)[\s-]+"

_RU_ORDINAL = r"(?P<ord>перв\w*|втор\w*|трет\w*|четв[её]рт\w*|IV|I{1,3}|[1-4])(?:-?м)?"
_EN_ORDINAL = r"(?P<ord>first|second|third|fourth)"
_RU_MONTH_RANGE = (r"(?P<month>" + _RU_MONTHS + r")\s*[-–—]\s*(?P<month2>" + _RU_MONTHS + r")\b")
_RU_DAY_RANGE = (r"\b(?P<day>\d{1,2})(?:\s+(?P<month>" + _RU_MONTHS + r"))?\s*[-–—]\s*(?P<day2>\d{1,2})\s+(?P<month2>"
                 + _RU_MONTHS + r")\b")

RU_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day_range", re.compile(_RU_DAY_RANGE + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("month_range", re.compile(r"(?:\b(?:за|в)\s+)?" + _RU_MONTH_RANGE + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("quarter", re.compile(r"(?:\bв\s+)?\b" + _RU_ORDINAL + r"\s+квартал\w*" + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("season", re.compile(r"\b(?P<season>зимой|весной|летом|осенью)" + _RU_WHICH_YEAR, re.IGNORECASE)),
    ("this_month", re.compile(r"\bв\s+(?:этом|текущем|нынешнем)\s+месяце\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\bв\s+(?:этом|текущем|нынешнем)\s+году\b", re.IGNORECASE)),
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

EN_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day_range", re.compile(r"\b(?P<day>\d{1,2})(?:\s+" + _EN_MONTH + r")?\s*[-–—]\s*(?P<day2>\d{1,2})\s+"
                             + _EN_MONTH.replace("month", "month2") + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("month_range", re.compile(r"\b" + _EN_MONTH + r"\s*[-–—]\s*" + _EN_MONTH.replace("month", "month2")
                               + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("quarter", re.compile(r"\b(?i:the\s+)" + _EN_ORDINAL + r"\s+(?i:quarter)(?:\s+of\s+" + _YEAR + r")?\b")),
    ("quarter", re.compile(r"\bQ(?P<ord>[1-4])\s+" + _YEAR + r"\b")),
    ("season", re.compile(r"\b(?i:in\s+(?:the\s+)?|this\s+|last\s+)(?P<season>winter|spring|summer|autumn|fall)"
                          r"(?:\s+(?:of\s+)?" + _YEAR + r")?\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\b(?:earlier\s+)?this\s+year\b", re.IGNORECASE)),
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

EVENT_NAME_YEAR = re.compile(r"\b[A-ZА-ЯЁ]{3,}-(?P<year>(?:19|20)\d{2})\b")
"""A forum or summit named with its year: ПМЭФ-2023, ПМГФ-2025, COP-29 is no year."""
BOUND = re.compile(r"(?:\bдо|\bвплоть\s+до|\buntil|\btill|\bthrough)\s+$", re.IGNORECASE)

NUMERIC_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
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
    outside: bool = False
    """A stated date before the atlas's window (see the module docstring)."""
    bound: bool = False
    """A limit, not a time of happening: "до 30 июня 2024 г.", "until March"."""
    weak: bool = False
    """The year in an event's name ("на ПМЭФ-2023"): it dates a fact told without a date of its own, never
    a sentence that has one, nor the lede."""
    until: dt.date | None = None
    """The last day of a stated range of days ("31 августа – 3 сентября"); None for any other date."""


def day_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def day_ru(day: dt.date) -> str:
    return f"{day.day} {MONTHS_RU_GENITIVE[day.month - 1]} {day.year}"


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTH_RU.get(word) or MONTH_EN.get(word) or int(word)


def _ordinal(word: str) -> int:
    word = fold(word)
    return next(number for stem, number in ORDINALS.items()
                if word == stem or (len(stem) > 2 and word.startswith(stem)))


def _season(word: str) -> int:
    word = word.lower()
    return next(number for stem, number in SEASONS.items() if word.startswith(stem))


def _qualifier(groups: dict[str, Any]) -> str | None:
    word = groups.get("q") or groups.get("qq")
    return QUALIFIER_WORDS[word.lower()] if word else None


@dataclass(frozen=True)
class _Resolver:
    """Resolves a date expression against the publication day; ``future`` when the expression
    belongs to a clause about the future."""

    published: dt.date
    future: bool

    @staticmethod
    def before_window(start: int, stop: int, year: int, precision: DatePrecision) -> DateMention | None:
        """A mention marked ``outside`` when a stated year lies before the atlas's window."""
        if year >= datewindow.EARLIEST.year:
            return None
        return DateMention(start, stop, datewindow.EARLIEST, precision, note=f"stated year {year} is before "
                           f"{datewindow.EARLIEST.year}, the atlas's earliest", outside=True)

    def after(self, start: int, stop: int, precision: DatePrecision) -> DateMention:
        """A stated date after publication, or one a clause about the future runs into: a plan or forecast.
        The sentence is dated by it, so that it makes no event (``outside``), and never counts as undated."""
        return DateMention(start, stop, self.published, precision, note="stated date after publication: a plan or "
                           "forecast, not an event", outside=True)

    def planned(self, first_day: dt.date, last_day: dt.date) -> bool:
        """Whether a period is a plan: it begins after publication, or it reaches the day of publication
        in a clause about the future ("транзит начнётся в четвёртом квартале")."""
        return first_day > self.published or (self.future and last_day >= self.published)

    def year_for(self, earliest: dt.date) -> tuple[int, str | None] | None:
        """The year of a date written without one: the publication year, or the year before when
        the date would otherwise begin after publication — or none when the sentence is about the
        future, where such a date is a plan ("поставки начнутся в марте")."""
        if earliest <= self.published:
            return earliest.year, None
        if self.future:
            return None
        year = earliest.year - 1
        return year, f"year not stated: {year} assumed ({year + 1} would be after publication)"

    def day(self, start: int, stop: int, year: int | None, month: int, day: int) -> DateMention | None:
        if year is not None and (early := self.before_window(start, stop, year, DatePrecision.DAY)):
            return early
        try:
            resolved = (year, None) if year is not None else self.year_for(dt.date(self.published.year, month, day))
            if resolved is None:
                return None
            date = dt.date(resolved[0], month, day)
        except ValueError:  # 30 February, 29 February of a common year
            return None
        if self.planned(date, date):
            return self.after(start, stop, DatePrecision.DAY) if year is not None or self.future else None
        return DateMention(start, stop, date, DatePrecision.DAY, note=resolved[1])

    def month(self, start: int, stop: int, year: int | None, month: int, qualifier: str | None) -> DateMention | None:
        if year is not None and (early := self.before_window(start, stop, year, DatePrecision.MONTH)):
            return early
        precision = DatePrecision.PART_OF_MONTH if qualifier else DatePrecision.MONTH
        if year is not None and year > self.published.year:
            return self.after(start, stop, precision)
        resolved = (year, None) if year is not None else self.year_for(dt.date(self.published.year, month, 1))
        if resolved is None:
            return None
        if self.planned(dt.date(resolved[0], month, 1),
                        dt.date(resolved[0], month, calendar.monthrange(resolved[0], month)[1])):
            return self.after(start, stop, precision)
        year, note = resolved
        date = min(dt.date(year, month, QUALIFIER_DAY[qualifier]), self.published)
        label_en = " ".join(filter(None, [qualifier, MONTHS_EN[month - 1], str(year)]))
        label_ru = (f"{QUALIFIER_RU[qualifier]} {MONTHS_RU_GENITIVE[month - 1]} {year}" if qualifier
                    else f"{MONTHS_RU[month - 1]} {year}")
        return DateMention(start, stop, date, precision, label_en, label_ru, note)

    def _period(self, start: int, stop: int, year: int | None, span: tuple[int, int],
                labels: tuple[str, str], precision: DatePrecision) -> DateMention | None:
        """A period of ``months`` months from ``first_month`` (``span``; it may run into the next year): a quarter,
        a season. Held as the middle month's 15th; a period that begins after publication is a plan."""
        first_month, months = span
        if year is not None and (early := self.before_window(start, stop, year, precision)):
            return early
        resolved = (year, None) if year is not None else self.year_for(dt.date(self.published.year, first_month, 1))
        if resolved is None:
            return None
        last = first_month + months - 1
        end = dt.date(resolved[0] + (last > 12), (last - 1) % 12 + 1, 1)
        if self.planned(dt.date(resolved[0], first_month, 1), end.replace(
                day=calendar.monthrange(end.year, end.month)[1])):
            return self.after(start, stop, precision)
        year, note = resolved
        middle = first_month + months // 2
        date = min(dt.date(year + (middle > 12), (middle - 1) % 12 + 1, 15), self.published)
        return DateMention(start, stop, date, precision, f"{labels[0]} {year}", f"{labels[1]} {year}", note)

    def quarter(self, start: int, stop: int, year: int | None, number: int) -> DateMention | None:
        roman = ("I", "II", "III", "IV")[number - 1]
        return self._period(start, stop, year, (3 * number - 2, 3), (f"Q{number}", f"{roman} квартал"),
                            DatePrecision.QUARTER)

    def season(self, start: int, stop: int, year: int | None, season: int) -> DateMention | None:
        """Winter is December to February, named by the year it begins in ("winter 2022" = Dec 2022–Feb 2023);
        a bare "зимой" in February is the winter now ending."""
        first_month = 12 if season == 0 else 3 * season
        if season == 0 and year is None and self.published.month <= 2:
            year = self.published.year - 1
        mention = self._period(start, stop, year, (first_month, 3), (SEASON_EN[season], SEASON_RU[season]),
                               DatePrecision.SEASON)
        if mention is None or season != 0 or mention.outside:
            return mention
        turn = f"{mention.date.year - 1}/{mention.date.year % 100:02d}"  # the winter held at its January
        return replace(mention, label_en=f"winter {turn}", label_ru=f"зима {turn}")

    def day_range(self, start: int, stop: int, year: int | None, first: tuple[int, int], last: tuple[int, int]
                  ) -> DateMention | None:
        """"31 августа – 3 сентября": held as its first day; a range may run past publication (a visit
        under way), but it must have begun by then."""
        begin = self.day(start, stop, year, *first)
        if begin is None or begin.outside:
            return begin
        end_year = begin.date.year + (last[0] < first[0])
        if first[0] == last[0]:
            label_en = f"{first[1]}–{last[1]} {MONTHS_EN[last[0] - 1]} {end_year}"
            label_ru = f"{first[1]}–{last[1]} {MONTHS_RU_GENITIVE[last[0] - 1]} {end_year}"
        else:
            label_en = f"{first[1]} {MONTHS_EN[first[0] - 1]} – {last[1]} {MONTHS_EN[last[0] - 1]} {end_year}"
            label_ru = (f"{first[1]} {MONTHS_RU_GENITIVE[first[0] - 1]} – {last[1]} "
                        f"{MONTHS_RU_GENITIVE[last[0] - 1]} {end_year}")
        try:
            until = dt.date(end_year, *last)
        except ValueError:
            until = None
        return replace(begin, precision=DatePrecision.RANGE, label_en=label_en, label_ru=label_ru, until=until)

    def month_range(self, start: int, stop: int, year: int | None, first: int, last: int) -> DateMention | None:
        """"за январь – август": a period's figures are dated by its last month, labelled with the whole span."""
        end = self.month(start, stop, year, last, None)
        if end is None or end.outside:
            return end
        span_en = f"{MONTHS_EN[first - 1]}–{MONTHS_EN[last - 1]} {end.date.year}"
        span_ru = f"{MONTHS_RU[first - 1]}–{MONTHS_RU[last - 1]} {end.date.year}"
        return replace(end, label_en=span_en, label_ru=span_ru)

    def year(self, start: int, stop: int, year: int, qualifier: str | None) -> DateMention | None:
        if early := self.before_window(start, stop, year, DatePrecision.YEAR):
            return early
        if year > self.published.year or (self.future and year == self.published.year):
            return self.after(start, stop, DatePrecision.YEAR)
        date = min(dt.date(year, *QUALIFIER_YEAR_DAY[qualifier]), self.published)
        label_en = f"{qualifier} {year}" if qualifier else str(year)
        label_ru = f"{QUALIFIER_RU[qualifier]} {year} года" if qualifier else f"{year} год"
        return DateMention(start, stop, date, DatePrecision.YEAR, label_en, label_ru)

    def relative(self, kind: str, start: int, stop: int, groups: dict[str, Any]) -> DateMention | None:
        published = self.published
        if kind in {"yesterday", "day_before_yesterday", "today"}:
            back = {"yesterday": 1, "day_before_yesterday": 2, "today": 0}[kind]
            return DateMention(start, stop, published - dt.timedelta(days=back), DatePrecision.DAY)
        if kind == "weekday":
            if self.future:  # "в понедельник стороны подпишут" is next Monday
                return None
            weekday = {**WEEKDAYS_RU, **WEEKDAYS_EN}[groups["weekday"].lower()]
            day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
            note = f"weekday read as the last {calendar.day_name[weekday]} up to publication: {day_en(day)}"
            return DateMention(start, stop, day, DatePrecision.DAY, note=note)
        if kind == "last_week":
            return DateMention(start, stop, published - dt.timedelta(days=7), DatePrecision.APPROXIMATE,
                               f"the week before {day_en(published)}", f"за неделю до {day_ru(published)}",
                               "date is approximate (the week before publication)")
        if kind == "last_month":
            last = published.replace(day=1) - dt.timedelta(days=1)
            return self.month(start, stop, last.year, last.month, None)
        if kind == "last_year":
            return self.year(start, stop, published.year - 1, None)
        if kind == "this_month":
            return self.month(start, stop, published.year, published.month, None)
        if kind == "this_year":
            return self.year(start, stop, published.year, None)
        return DateMention(start, stop, published - dt.timedelta(days=1), DatePrecision.APPROXIMATE,
                           f"before {day_en(published)}", f"до {day_ru(published)}",
                           "date is approximate (before publication)")

    def rule(self, kind: str, match: re.Match[str], stated: tuple[int, int] | None) -> DateMention | None:
        """``stated``: a year written right after the match, and where it ends (see ``stated_year``)."""
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if groups.get("rel"):
            year = self.published.year - (groups["rel"].lower() in LAST_YEAR_WORDS)
        start, stop = match.span()
        if year is None and stated is not None and kind in {"day", "month", "quarter", "day_range", "month_range"}:
            year, stop = stated
        if kind == "day":
            return self.day(start, stop, year, _month_number(groups["month"]), int(groups["day"]))
        if kind == "month":
            return self.month(start, stop, year, _month_number(groups["month"]), _qualifier(groups))
        if kind == "year":
            return None if year is None else self.year(start, stop, year, _qualifier(groups))
        if kind == "quarter":
            return self.quarter(start, stop, year, _ordinal(groups["ord"]))
        if kind == "season":
            return self.season(start, stop, year, _season(groups["season"]))
        if kind == "month_range":
            return self.month_range(start, stop, year, _month_number(groups["month"]), _month_number(groups["month2"]))
        if kind == "day_range":
            last = (_month_number(groups["month2"]), int(groups["day2"]))
            first = (_month_number(groups["month"]) if groups.get("month") else last[0], int(groups["day"]))
            return self.day_range(start, stop, year, first, last)
        return self.relative(kind, start, stop, groups)



def stated_year(text: str, stop: int, lang: str) -> tuple[int, int] | None:
    """The year written right after ``text[:stop]`` ("18 января| 2300 года") and where it ends."""
    match = STATED_YEAR["ru" if lang == "ru" else "en"].match(text, stop)
    return (int(match["year"]), match.end()) if match else None


def _natasha_dates(text: str, resolver: Callable[[int, int], _Resolver]) -> Iterator[DateMention | None]:
    """Day–month(–year), month–year and year expressions, as natasha's DatesExtractor reads them."""
    for match in russian_models().dates(text):
        fact, read, stop, year = match.fact, resolver(match.start, match.stop), match.stop, match.fact.year
        if year is None and fact.month and (stated := stated_year(text, stop, "ru")):
            year, stop = stated
        if fact.month and fact.day:
            yield read.day(match.start, stop, year, fact.month, fact.day)
        elif fact.month and year:
            yield read.month(match.start, stop, year, fact.month, None)
        elif year and not fact.month:
            yield read.year(match.start, stop, year, None)


def find_dates(text: str, published: dt.date, lang: str, future_words: frozenset[int] = frozenset()
               ) -> list[DateMention]:
    """Every date expression in ``text`` that resolves to a day on or before ``published``.
    ``future_words``: offsets in ``text`` of the words of clauses about the future.

    Where expressions overlap, the longest wins ("в конце ноября 2022 года" over "ноября 2022 года").
    """

    def resolver(start: int, stop: int) -> _Resolver:
        return _Resolver(published, any(start <= word < stop for word in future_words))

    rules = (RU_RULES if lang == "ru" else EN_RULES) + NUMERIC_RULES
    found = [m for kind, rule in rules for match in rule.finditer(text)
             if (m := resolver(*match.span()).rule(kind, match, stated_year(text, match.end(), lang)))]
    if lang == "ru":
        found.extend(m for m in _natasha_dates(text, resolver) if m)
    for match in EVENT_NAME_YEAR.finditer(text):
        mention = resolver(*match.span()).year(match.start(), match.end(), int(match["year"]), None)
        if mention is not None and not mention.outside:
            found.append(replace(mention, weak=True, note=f"year taken from the event's name {match.group()}"))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.stop, m.start)):
        if all(mention.stop <= k.start or k.stop <= mention.start for k in kept):
            kept.append(replace(mention, bound=bool(BOUND.search(text[:mention.start]))))
    return sorted(kept, key=lambda m: m.start)


def sentence_date(mentions: list[DateMention]) -> DateMention | None:
    """The date a sentence reports: its most precise mention inside the window, the first of equals;
    a sentence dated only before the window gets that (``outside``) mention."""
    return min((m for m in mentions if not m.weak), key=lambda m: (m.outside, m.bound, PRECISION_RANK[m.precision],
                                                                   m.start), default=None)


def inherited(mention: DateMention) -> DateMention:
    """The date of a fact reported without its own date, taken from the passage before it:
    a day becomes approximate ("c. 7 Dec 2022"), coarser dates stay as they are."""
    note = "date not stated for this fact: taken from the preceding passage"
    if mention.precision == DatePrecision.RANGE and mention.until is not None:
        return within(mention)
    if mention.precision != DatePrecision.DAY:
        return replace(mention, note=note)
    return replace(mention, precision=DatePrecision.APPROXIMATE, label_en=f"c. {day_en(mention.date)}",
                   label_ru=f"около {day_ru(mention.date)}", note=note)


def within(window: DateMention) -> DateMention:
    """The date of a happening told inside a stated window of days without a day of its own ("Президент 31
    августа – 3 сентября работает в Китае. … Затем в Пекине прошли переговоры"): some day of the window, held
    at its middle day, approximate — the window is when the visit was, not when each of its meetings was."""
    until = window.until or window.date
    middle = window.date + dt.timedelta(days=((until - window.date).days + 1) // 2)
    label_en, label_ru = f"c. {day_en(middle)}", f"около {day_ru(middle)}"
    return replace(window, date=middle, precision=DatePrecision.APPROXIMATE, until=None,
                   label_en=f"{label_en} ({window.label_en})" if window.label_en else label_en,
                   label_ru=f"{label_ru} ({window.label_ru})" if window.label_ru else label_ru,
                   note="date not stated for this fact: within the stated window, at its middle day")
