"""Sentences grouped into passages, one per reported fact.

A passage begins at a sentence with a date of its own, or at a reply or a media
report — a new fact dated by the passage before it; sentences with neither continue
the current passage, across paragraphs. Sentences before the first date (the lede)
repeat the body and are not events of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gasatlas.extract.dates import DateMention, inherited
from gasatlas.extract.reading import Reading
from gasatlas.extract.rules import strongest


@dataclass
class Passage:
    """The sentences telling one fact; ``inherited`` when its date comes from the passage before."""

    date: DateMention
    readings: list[Reading]
    inherited: bool = False

    def actors(self) -> set[str]:
        return {a for r in self.readings for _, a in r.people + r.organisations}

    def event_type(self) -> str | None:
        trigger = strongest([t for r in self.readings for t in r.triggers])
        return trigger.event_type if trigger else None

    def tells_again(self, earlier: Passage) -> bool:
        """The same fact as ``earlier``: same date, and a shared actor — or, when neither names
        anyone, the same type of event."""
        if not _same_date(self.date, earlier.date):
            return False
        if self.actors() or earlier.actors():
            return bool(self.actors() & earlier.actors())
        return self.event_type() == earlier.event_type()


def _same_date(a: DateMention, b: DateMention) -> bool:
    return (a.date, a.precision) == (b.date, b.precision)


def group_passages(readings: Iterable[Reading]) -> list[Passage]:
    """One passage per fact: see the module docstring. The same fact told twice, even far
    apart, is merged into its first telling."""
    passages: list[Passage] = []
    for reading in readings:
        if reading.date is not None and not (passages and _same_date(passages[-1].date, reading.date)
                                             and not reading.new_fact):
            passages.append(Passage(reading.date, [reading]))
        elif reading.date is None and reading.new_fact and passages:
            passages.append(Passage(inherited(passages[-1].date), [reading], inherited=True))
        elif passages:
            passages[-1].readings.append(reading)
    merged: list[Passage] = []
    for passage in passages:
        earlier = next((p for p in merged if passage.tells_again(p)), None)
        if earlier is not None:
            earlier.readings.extend(passage.readings)
        else:
            merged.append(passage)
    return merged
