"""Many reports, one event: which candidates (from different articles) tell the same real happening.

Two reports are of one event when their dates overlap — each date as the period its precision stands for,
widened by a few days, as outlets report a day late or date by the day of the report (``periods``) — they
concern a shared country, and they are tied by enough evidence: the same kind of event with a shared
participant, organisation, route or site, place, volume, or wording alike (the same lemmas and numbers). A
halt and the supply change it causes are one kind (``KINDS``): outlets call one drone strike either. A
signing, a launch or a halt dated to the same day between the same two countries needs no more: such
days are rare, while statements and meetings crowd a forum's day. A statement about a happening and the
happening are often one story told two ways ("Miller said the memorandum was signed"), so a different kind
needs two ties, or one on the very same day. ``cluster`` groups candidates by these pairs.

A candidate the watcher did not tie to an atlas event may still report one: ``likely_same`` ranks the atlas
events a moderator might merge it into.

Once merged, the reports may still disagree on what happened when and where: ``disagreements`` says on which
of date, volume and place, for the moderator to settle before approving.

Used by the watcher on candidates from the reader; pure functions of the candidates' event fields.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from gasatlas.model.periods import interval_of, overlap
from gasatlas.news.extract.figures import per_year
from gasatlas.news.extract.relevance import forms

WINDOW_DAYS = 3
KINDS = {"disruption": "flow", "supply_change": "flow"}
"""Event types that are one kind of happening for merging; the rest are their own kind."""
TALK = frozenset({"statement", "meeting"})
"""Kinds that many reports of different happenings share on one day (a forum, a visit)."""
VOLUME_TOLERANCE = 0.05
DATE_SLACK_DAYS = 1
"""Reports of one event dated a day apart (by the event's day or the report's, across time zones) agree; more
apart, or dated to different precisions, they disagree."""
SIMILAR_TEXT = 0.25
"""Share of shared lemmas (Jaccard) from which two titles and quotes say the same thing."""
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
STOP_FORMS = frozenset({"в", "на", "и", "с", "о", "по", "за", "из", "к", "что", "the", "a", "of", "in", "on", "and",
                        "to", "for", "with", "by", "at", "газ", "gas", "год", "year", "—", "-"})
"""Words every report of this field has: they tie nothing."""


def _day(event: Mapping[str, Any]) -> dt.date:
    """An event's day, as a date, an ISO text or a timestamp (a frame's row) gives it."""
    day = event["date"]
    if isinstance(day, dt.datetime):
        return day.date()
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])


def _event(item: Any) -> Mapping[str, Any]:
    """A candidate's event fields, or the mapping itself."""
    return cast(Mapping[str, Any], item.event if hasattr(item, "event") else item)


def _period(event: Mapping[str, Any]) -> tuple[dt.date, dt.date]:
    start, stop = interval_of(_day(event), event["date_precision"])
    slack = dt.timedelta(days=WINDOW_DAYS)
    return start - slack, stop + slack


def _words(event: Mapping[str, Any]) -> set[str]:
    text = " ".join(str(event.get(key) or "") for key in ("title_ru", "title_en", "quote"))
    return {form for form in forms(text) if form not in STOP_FORMS and len(form) > 2} | set(NUMBER.findall(text))


def similarity(a: Any, b: Any) -> float:
    """Jaccard share of the lemmas and numbers of two reports' titles and quotes."""
    words_a, words_b = _words(_event(a)), _words(_event(b))
    return len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0


def _shared(a: Mapping[str, Any], b: Mapping[str, Any], key: str) -> bool:
    return bool(set(a.get(key) or ()) & set(b.get(key) or ()))


def _sites(event: Mapping[str, Any]) -> set[str]:
    return set(event.get("route_ids") or ()) | set(event.get("facility_ids") or ())


def _volume(item: Any) -> float | None:
    volume = getattr(item, "volume_bcm", None)
    return volume if volume is not None else _event(item).get("volume_bcm")


def _same_volume(a: Any, b: Any) -> bool:
    va, vb = _volume(a), _volume(b)
    return va is not None and vb is not None and abs(va - vb) <= VOLUME_TOLERANCE * max(va, vb)


def ties(a: Any, b: Any) -> int:
    """How many kinds of evidence two reports share: people, organisations, routes or sites, a real place
    (not a country placeholder), the volume they give, wording."""
    ea, eb = _event(a), _event(b)
    placed = ea.get("geo_precision") != "country" and eb.get("geo_precision") != "country"
    return sum((_shared(ea, eb, "participants"), _shared(ea, eb, "organisations"), bool(_sites(ea) & _sites(eb)),
                placed and ea.get("place_name_en") == eb.get("place_name_en"), _same_volume(a, b),
                similarity(ea, eb) >= SIMILAR_TEXT))


def _kind(event: Mapping[str, Any]) -> str:
    return str(KINDS.get(event["event_type"], event["event_type"]))


def _same_day(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a["date_precision"] == b["date_precision"] == "day" and str(a["date"])[:10] == str(b["date"])[:10]


def same_event(a: Any, b: Any) -> bool:
    """Whether two candidates (``Candidate`` or their ``event`` dicts) report one real event; see the module
    docstring."""
    ea, eb = _event(a), _event(b)
    if not overlap(_period(ea), _period(eb)):
        return False
    shared_countries = set(ea.get("countries") or ()) & set(eb.get("countries") or ())
    if not shared_countries:
        return False
    found = ties(a, b)
    if _kind(ea) != _kind(eb):
        return found >= (1 if _same_day(ea, eb) else 2)
    return found >= 1 or (_kind(ea) not in TALK and _same_day(ea, eb) and len(shared_countries) >= 2)


def cluster(candidates: Sequence[Any]) -> list[list[int]]:
    """Groups of candidate indices reporting one event each (single link over ``same_event``), in the order of
    their first member; every candidate is in exactly one group."""
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(candidates)):
        for j in range(i + 1, len(candidates)):
            if root(i) != root(j) and same_event(candidates[i], candidates[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())




SUGGESTIONS = 5
"""How many atlas events a candidate is offered to be merged into; any other is picked by title or id."""


def likely_same(candidate: Mapping[str, Any], events: Iterable[Mapping[str, Any]],
                limit: int = SUGGESTIONS) -> list[str]:
    """Ids of atlas events a pending candidate may report again, likeliest first: dated within the window of
    ``same_event``, sharing a country, and of the same kind or tied by evidence (``ties``); ranked by kind,
    then ties, then wording. Looser than ``same_event``: a moderator reads the list and decides."""
    scored = []
    countries = set(candidate.get("countries") or ())
    for event in events:
        if (event["id"] == candidate.get("id") or not countries & set(event.get("countries") or ())
                or not overlap(_period(candidate), _period(event))):
            continue
        same_kind, found = _kind(candidate) == _kind(event), ties(candidate, event)
        if same_kind or found:
            scored.append(((same_kind, found, similarity(candidate, event)), event["id"]))
    return [event_id for _, event_id in sorted(scored, key=lambda pair: pair[0], reverse=True)[:limit]]


def _dates_differ(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return (a["date_precision"] != b["date_precision"]
            or abs((_day(a) - _day(b)).days) > DATE_SLACK_DAYS)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= VOLUME_TOLERANCE * max(abs(a), abs(b))


def _volumes_differ(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Volumes of one period differ beyond rounding; of different periods, compared a year's worth where both
    say (a day's volume × 365), else they differ: a total and a yearly figure cannot be told equal."""
    va, vb, pa, pb = a.get("volume_bcm"), b.get("volume_bcm"), a.get("volume_period"), b.get("volume_period")
    if va is None or vb is None:
        return False
    if pa == pb:
        return not _close(va, vb)
    ya, yb = per_year(va, pa, None), per_year(vb, pb, None)
    return ya is None or yb is None or not _close(ya, yb)


def _places_differ(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Different countries, or differently named sites; a report naming only the country is vaguer, not other."""
    if not a.get("place_country") or not b.get("place_country"):
        return False
    if a["place_country"] != b["place_country"]:
        return True
    sited = a.get("geo_precision") != "country" and b.get("geo_precision") != "country"
    return sited and str(a.get("place_name_en") or "").casefold() != str(b.get("place_name_en") or "").casefold()


DISAGREEMENTS = {"date": _dates_differ, "volume": _volumes_differ, "place": _places_differ}
"""The fields reports of one event may disagree on, in the order a moderator reads them."""


def disagreements(readings: Sequence[Mapping[str, Any]]) -> list[str]:
    """The fields (of ``DISAGREEMENTS``) on which any two reports of one event differ. A report silent on a
    volume or place does not disagree: it only says less."""
    return [name for name, differ in DISAGREEMENTS.items()
            if any(differ(a, b) for i, a in enumerate(readings) for b in readings[i + 1:])]
