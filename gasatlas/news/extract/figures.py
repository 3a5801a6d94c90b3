"""The numbers a report gives: gas volumes (bcm or mcm; a year, a day, or in all), prices and contract length.

Volumes are kept in bcm whatever the text says ("9 млн кубометров в сутки" → 0.009 bcm a day), with the
period they are for; a price only in US dollars per thousand cubic metres; a contract's length in years.
Only what the text states: no conversion between periods, no guessing a period that is not written — a volume
for a whole year the sentence names ("в 2025 году поставки составили 5,6 млрд кубометров", "in 2024 Gazprom
delivered 5.64 bcm") is that year's, whatever year it names (``periods.named_years``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gasatlas.model.periods import named_years

NUMBER = r"(\d+(?:[.,]\d+)?)"
VOLUME = re.compile(
    NUMBER + r"\s*(?P<scale>млрд\.?|миллиард\w*|млн\.?|миллион\w*|billion|bn|million|mln)\s*"
    r"(?:куб(?:ометр\w*|\.\s*м\.?|ических\s+метр\w*|\.?\s*метр\w*|ов\b|а\b)|м3|м³|cubic\s+met(?:er|re)s?|cu\s*m)"
    r"|" + NUMBER + r"\s*(?P<unit>bcm|mcm)\b",
    re.IGNORECASE)
PERIOD_AFTER = 40
YEARLY = re.compile(r"^[^.;]{0,40}?(?:в\s+год|ежегодно|годов(?:ой|ых)|a\s+year|per\s+year|annually|per\s+annum|/year)",
                    re.IGNORECASE)
DAILY = re.compile(r"^[^.;]{0,40}?(?:в\s+сутки|в\s+день|ежесуточно|a\s+day|per\s+day|daily|/day)", re.IGNORECASE)
YEARLY_BEFORE = re.compile(r"(?:в\s+год|годово\w*|ежегодн\w*|annual\w*)[^.;\d]{0,30}$", re.IGNORECASE)
DAILY_BEFORE = re.compile(r"(?:в\s+сутки|в\s+день|суточн\w*|daily)[^.;\d]{0,30}$", re.IGNORECASE)
"""The period named just before the number ("объем поставок в сутки составляет 9 млн кубометров")."""
PRICE = re.compile(r"(?:\$\s*" + NUMBER + r"|" + NUMBER + r"\s*(?:долл\w*|\$|usd|dollars?))\s*(?:за|per|/)\s*(?:1\s*)?"
                   r"(?:тыс(?:\.|яч\w*)|thousand|1[ ,]?000)\s*(?:куб|cubic|m)", re.IGNORECASE)
WORD_NUMBERS = {"один": 1, "одн": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "пят": 5, "десят": 10,
                "пятнадцат": 15, "двадцат": 20, "тридцат": 30, "one": 1, "two": 2, "three": 3, "five": 5,
                "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}
CONTRACT_WORDS = r"(?:контракт\w*|договор\w*|соглашени\w*|contract|deal|agreement)"
YEARS = re.compile(
    r"(?P<a>\d+|двух|трех|трёх|пяти|десяти|пятнадцати|двадцати|тридцати)[-\s]?(?:летн\w*)\s+" + CONTRACT_WORDS
    + r"|" + CONTRACT_WORDS + r"[^.;]{0,60}?(?:сроком\s+)?на\s+(?P<b>\d+|два|три|пять|десять|пятнадцать|двадцать"
    r"|тридцать)\s+(?:год|года|лет)\b"
    + r"|(?P<c>\d+|two|three|five|ten|fifteen|twenty|thirty)[-\s](?:year)\s+" + CONTRACT_WORDS
    + r"|" + CONTRACT_WORDS + r"[^.;]{0,40}?for\s+(?P<d>\d+|two|three|five|ten|fifteen|twenty|thirty)\s+years",
    re.IGNORECASE)


@dataclass(frozen=True)
class Figures:
    """What a text states; None where it states nothing. ``volume_period``: "year", "day" or "total"."""

    volume_bcm: float | None = None
    volume_period: str | None = None
    price_usd_per_mcm: float | None = None
    contract_years: int | None = None

    @property
    def bcm_per_year(self) -> float | None:
        """The volume as bcm a year where the text allows it: a yearly figure as it is, a daily one × 365, a total
        over a contract of stated length spread over its years; None for a total without a length."""
        return per_year(self.volume_bcm, self.volume_period, self.contract_years)


def per_year(volume: float | None, period: str | None, years: int | None) -> float | None:
    """See ``Figures.bcm_per_year``; shared with the candidate, which holds the same three numbers."""
    if volume is None:
        return None
    if period == "year":
        return volume
    if period == "day":
        return round(volume * 365, 6)
    return round(volume / years, 6) if period == "total" and years else None


SENTENCE_END = re.compile(r"[.!?]\s+(?=[«\"A-ZА-ЯЁ])")
"""A sentence's end: a stop before a capital ("куб. м." inside one is followed by a small letter or a number)."""


def _sentence_around(text: str, start: int, stop: int) -> str:
    """The sentence of ``text`` that holds ``[start, stop)``: a year named in another sentence is not the volume's."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    end = next((m.start() for m in SENTENCE_END.finditer(text, max(stop - 1, 0))), len(text))
    return text[begin:end]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _years(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    word = word.lower()
    return next((value for stem, value in WORD_NUMBERS.items() if word.startswith(stem)), None)


def figures(text: str) -> Figures:
    """The first volume the text gives (with its period), its price and the contract's length."""
    volume = period = None
    match = VOLUME.search(text)
    if match is not None:
        if match.group("unit"):
            amount, scale = _number(match.group(3)), match.group("unit").lower()
            volume = amount if scale == "bcm" else amount / 1000
        else:
            amount, scale = _number(match.group(1)), match.group("scale").lower()
            volume = amount if scale.startswith(("млрд", "миллиард", "billion", "bn")) else amount / 1000
        rest = text[match.end():match.end() + PERIOD_AFTER]
        before = text[max(0, match.start() - PERIOD_AFTER):match.start()]
        period = ("year" if YEARLY.match(rest) or YEARLY_BEFORE.search(before)
                  else "day" if DAILY.match(rest) or DAILY_BEFORE.search(before)
                  else "year" if named_years(_sentence_around(text, match.start(), match.end())) else "total")
        volume = round(volume, 6)
    price_match = PRICE.search(text)
    price = _number(price_match.group(1) or price_match.group(2)) if price_match else None
    years_match = YEARS.search(text)
    years = None
    if years_match is not None:
        years = _years(next(g for g in years_match.group("a", "b", "c", "d") if g))
    return Figures(volume, period, price, years)
