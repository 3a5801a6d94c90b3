"""How well the reader does on real news annotated by hand (``eval/articles``).

    python -m gasatlas.news.extract.evaluate [--eval-dir DIR] [--only ID] [--verbose]

prints precision and recall per field — headline, events, people, dates, places —
and every false candidate with its quote, so a change to the reader can be judged
on articles it was not written for.

Scoring, per article (the annotation rules are in the evaluation set's README):

- a candidate *matches* a gold event when their date intervals overlap (each date as
  the period its precision stands for) and they share the event type or a person;
  pairs are made one-to-one, best first (same type, most shared people, exact date);
- **events**: precision = matched candidates / candidates, recall = matched gold / gold;
  the false-candidate rate is 1 − precision;
- **headline**: recall = articles whose headline event is matched with its type;
  precision = of those, the share where the article's first candidate is that match;
- **people**: the people of all candidates against the people of all gold events, by name
  (surname and first name or initial, in either script of the atlas's spelling);
- **dates**: matched pairs whose date is exact at the gold's precision; precision over the
  matched pairs, recall over all gold events;
- **places**: matched pairs placed right — the same named place at the same precision, or
  no place where the text names none; precision over matched pairs, recall over gold events.
  A named facility is "exact" in the gold (the annotation's category for a named site) whatever
  precision the atlas's own coordinates for it carry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gasatlas.config import PROJECT_ROOT, settings
from gasatlas.dataset.load import Dataset, load_dataset
from gasatlas.model.periods import interval_of
from gasatlas.model.vocab import GeoPrecision
from gasatlas.news.extract.candidates import Candidate
from gasatlas.news.extract.mentions import same_name_word
from gasatlas.news.extract.pipeline import Source, extract_events
from gasatlas.news.extract.units import fold, latin_key

EVAL_DIR = PROJECT_ROOT / "eval" / "articles"
FEEDS = PROJECT_ROOT / "eval" / "feeds.json"
"""Real feed items labelled relevant or not and grouped into events (see eval/README.md)."""
VOLUME_TOLERANCE = 0.05
FIELDS = ("headline", "events", "people", "dates", "places")


@dataclass(frozen=True)
class Gold:
    headline: bool
    what: str
    date: dt.date
    precision: str
    event_type: str
    people: tuple[str, ...]
    place: str | None
    place_precision: str
    country: str


@dataclass(frozen=True)
class EvalArticle:
    id: str
    published: dt.date
    lang: str
    title: str
    url: str
    text: str
    gold: tuple[Gold, ...]


def load_articles(folder: Path = EVAL_DIR) -> list[EvalArticle]:
    articles = []
    for path in sorted(folder.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        gold = tuple(Gold(g["headline"], g["what"], dt.date.fromisoformat(g["date"]), g["date_precision"],
                          g["event_type"], tuple(g["people"]), g["place"], g["place_precision"], g["country"])
                     for g in raw["gold"])
        articles.append(EvalArticle(raw["id"], dt.date.fromisoformat(raw["published"]), raw["lang"],
                                    raw["title"] or raw["outlet"], raw["url"], raw["text"], gold))
    return articles


def same_person(name: str, spellings: Sequence[str]) -> bool:
    """Whether a gold name and an actor's spellings are one person: the surnames agree, and
    the first names (or an initial) agree when both are written."""
    words = fold(name).replace("-", " ").split()
    for spelling in spellings:
        other = fold(spelling).replace("-", " ").split()
        if not words or not other or (not same_name_word(other[-1], words[-1]) and not same_name_word(
                words[-1], other[-1])):
            continue
        if len(words) == 1 or len(other) == 1 or latin_key(words[0])[:1] == latin_key(other[0])[:1]:
            return True
    return False


def _same_place(candidate: dict[str, Any], gold: Gold) -> bool:
    if gold.place is None:
        return bool(candidate["geo_precision"] == GeoPrecision.COUNTRY)
    facility = bool(candidate["facility_ids"]) and gold.place_precision == GeoPrecision.EXACT
    if candidate["geo_precision"] != gold.place_precision and not facility:
        return False
    wanted = {w[:5] for w in fold(gold.place).replace(",", " ").replace("«", " ").replace("»", " ").split()
              if len(w) >= 4}
    shown = {w[:5] for name in (candidate["place_name_en"], candidate["place_name_ru"])
             for w in fold(name).replace(",", " ").split() if len(w) >= 4}
    return bool(wanted & shown)


def _exact_date(candidate: dict[str, Any], gold: Gold) -> bool:
    if candidate["date_precision"] != gold.precision:
        return False
    return interval_of(candidate["date"], gold.precision) == interval_of(gold.date, gold.precision)


@dataclass
class Tally:
    """Counts for one field: ``right`` of ``shown`` (precision) and of ``wanted`` (recall)."""

    right_shown: int = 0
    shown: int = 0
    right_wanted: int = 0
    wanted: int = 0

    def add(self, other: Tally) -> None:
        self.right_shown += other.right_shown
        self.shown += other.shown
        self.right_wanted += other.right_wanted
        self.wanted += other.wanted

    @property
    def precision(self) -> float:
        return self.right_shown / self.shown if self.shown else 1.0

    @property
    def recall(self) -> float:
        return self.right_wanted / self.wanted if self.wanted else 1.0


@dataclass
class ArticleScore:
    article: EvalArticle
    candidates: list[Candidate]
    tallies: dict[str, Tally]
    false: list[Candidate] = field(default_factory=list)
    missed: list[Gold] = field(default_factory=list)


class Scorer:
    """Scores the reader's candidates for one atlas (which names the known people)."""

    def __init__(self, atlas: Dataset) -> None:
        self.names: dict[str, tuple[str, ...]] = {
            row.id: (row.name_ru, row.name_en) for row in atlas.actors.itertuples(index=False)}

    def people_of(self, candidate: Candidate) -> list[tuple[str, ...]]:
        proposed: dict[str, tuple[str, ...]] = {a.id: (a.name_ru, a.name_en) for a in candidate.new_actors}
        return [proposed.get(p) or self.names.get(p, (p,)) for p in candidate.event["participants"]]

    def _pair_score(self, candidate: Candidate, gold: Gold) -> tuple[Any, ...] | None:
        event = candidate.event
        a_start, a_stop = interval_of(event["date"], event["date_precision"])
        b_start, b_stop = interval_of(gold.date, gold.precision)
        if a_stop < b_start or b_stop < a_start:
            return None
        shared = sum(1 for name in gold.people if any(same_person(name, s) for s in self.people_of(candidate)))
        same_type = event["event_type"] == gold.event_type
        if not same_type and not shared:
            return None
        return same_type, shared, _exact_date(event, gold)

    def pairs(self, candidates: list[Candidate], gold: Sequence[Gold]) -> list[tuple[int, int]]:
        scored = [(score, i, j) for i, c in enumerate(candidates) for j, g in enumerate(gold)
                  if (score := self._pair_score(c, g)) is not None]
        used_c, used_g, chosen = set(), set(), []
        for _, i, j in sorted(scored, key=lambda s: (s[0], -s[1], -s[2]), reverse=True):
            if i not in used_c and j not in used_g:
                used_c.add(i)
                used_g.add(j)
                chosen.append((i, j))
        return chosen

    def score(self, article: EvalArticle, candidates: list[Candidate]) -> ArticleScore:
        gold = article.gold
        pairs = self.pairs(candidates, gold)
        tallies = {name: Tally() for name in FIELDS}
        tallies["events"] = Tally(len(pairs), len(candidates), len(pairs), len(gold))
        headline = next(j for j, g in enumerate(gold) if g.headline)
        found = next((i for i, j in pairs if j == headline
                      and candidates[i].event["event_type"] == gold[headline].event_type), None)
        first = min(range(len(candidates)), key=lambda i: candidates[i].sentence_index, default=None)
        tallies["headline"] = Tally(int(found is not None and found == first), int(found is not None),
                                    int(found is not None), 1)
        dates = sum(1 for i, j in pairs if _exact_date(candidates[i].event, gold[j]))
        tallies["dates"] = Tally(dates, len(pairs), dates, len(gold))
        places = sum(1 for i, j in pairs if _same_place(candidates[i].event, gold[j]))
        tallies["places"] = Tally(places, len(pairs), places, len(gold))
        shown = list(dict.fromkeys(s for c in candidates for s in self.people_of(c)))
        wanted = list(dict.fromkeys(name for g in gold for name in g.people))
        tallies["people"] = Tally(sum(1 for s in shown if any(same_person(n, s) for n in wanted)), len(shown),
                                  sum(1 for n in wanted if any(same_person(n, s) for s in shown)), len(wanted))
        matched_c, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        return ArticleScore(article, candidates, tallies,
                            false=[c for i, c in enumerate(candidates) if i not in matched_c],
                            missed=[g for j, g in enumerate(gold) if j not in matched_g])


def read(article: EvalArticle, atlas: Dataset) -> list[Candidate]:
    return extract_events(article.text, article.published, atlas, source=Source(article.title, article.url),
                          lang=article.lang)


def evaluate(articles: Sequence[EvalArticle], atlas: Dataset) -> tuple[dict[str, Tally], list[ArticleScore]]:
    scorer = Scorer(atlas)
    scores = [scorer.score(article, read(article, atlas)) for article in articles]
    totals = {name: Tally() for name in FIELDS}
    for score in scores:
        for name in FIELDS:
            totals[name].add(score.tallies[name])
    return totals, scores


def table(totals: dict[str, Tally]) -> str:
    lines = ["| field | precision | recall |", "|---|---:|---:|"]
    for name in FIELDS:
        tally = totals[name]
        lines.append(f"| {name} | {tally.precision:.2f} ({tally.right_shown}/{tally.shown}) "
                     f"| {tally.recall:.2f} ({tally.right_wanted}/{tally.wanted}) |")
    events = totals["events"]
    wrong = events.shown - events.right_shown
    lines.append(f"\nfalse candidates: {1 - events.precision:.1%} ({wrong} of {events.shown})")
    return "\n".join(lines)


def _describe(candidate: Candidate) -> str:
    event = candidate.event
    return (f"{event['date']} {event['date_precision']} {event['event_type']} {event['participants']} "
            f"@{event['place_name_en']} — {event['quote'][:140]}")


@dataclass(frozen=True)
class FeedItem:
    id: str
    outlet: str
    published: dt.date | None
    lang: str
    title: str
    text: str
    url: str
    relevant: bool
    event: str | None
    volume_bcm: float | None


def load_feed_items(path: Path = FEEDS) -> list[FeedItem]:
    raw = json.loads(path.read_text(encoding="utf-8"))["items"]
    return [FeedItem(i["id"], i["outlet"], dt.date.fromisoformat(i["published"]) if i["published"] else None,
                     i["lang"], i["title"], i["text"], i["url"], i["relevant"], i["event"],
                     (i["gold"] or {}).get("volume_bcm")) for i in raw]


@dataclass
class FeedScores:
    """Relevance precision/recall; pairs of reports put together (of those that are one event) and kept apart
    (of those that are not); volumes found where a report gives one."""

    relevance: Tally
    together: tuple[int, int]
    apart: tuple[int, int]
    volumes: tuple[int, int]

    def rate(self, name: str) -> float:
        right, of = getattr(self, name)
        return right / of if of else 1.0


def evaluate_feeds(items: Sequence[FeedItem], atlas: Dataset) -> FeedScores:
    """Every item through the relevance classifier; every relevant item with an event through the reader (its
    title as the first paragraph, then its lede), its first candidate standing for the report; then
    ``merge.same_event`` on every pair of those."""
    from gasatlas.news.extract.merge import same_event
    from gasatlas.news.extract.relevance import is_relevant

    said = [is_relevant(item.title, item.text) for item in items]
    right = sum(1 for item, guess in zip(items, said, strict=True) if guess and item.relevant)
    relevance_tally = Tally(right, sum(said), right, sum(item.relevant for item in items))
    read_items = [item for item in items if item.event and item.published]
    first: list[Candidate | None] = []
    for item in read_items:
        candidates = extract_events(f"{item.title}\n\n{item.text}", item.published or dt.date.today(), atlas,
                                    source=Source(item.outlet, item.url), lang=item.lang)
        first.append(min(candidates, key=lambda c: c.sentence_index) if candidates else None)
    together = apart = together_of = apart_of = 0
    for i, a in enumerate(read_items):
        for j in range(i + 1, len(read_items)):
            b = read_items[j]
            joined = first[i] is not None and first[j] is not None and same_event(first[i], first[j])
            if a.event == b.event:
                together_of += 1
                together += joined
            else:
                apart_of += 1
                apart += not joined
    wanted = [(item, candidate) for item, candidate in zip(read_items, first, strict=True) if item.volume_bcm]
    found = sum(1 for item, candidate in wanted if candidate is not None and candidate.volume_bcm is not None
                and abs(candidate.volume_bcm - (item.volume_bcm or 0)) <= VOLUME_TOLERANCE * (item.volume_bcm or 1))
    return FeedScores(relevance_tally, (together, together_of), (apart, apart_of), (found, len(wanted)))


def feeds_table(items: Sequence[FeedItem], scores: FeedScores) -> str:
    events = [item.event for item in items if item.event]
    multi = sum(1 for event in set(events) if len({i.outlet for i in items if i.event == event}) >= 2)
    lines = [f"{len(items)} feed items from {len({i.outlet for i in items})} outlets, "
             f"{sum(i.relevant for i in items)} relevant, {len(set(events))} events ({multi} reported by ≥2 outlets)",
             "", "| measure | score |", "|---|---:|",
             f"| relevance precision | {scores.relevance.precision:.2f} "
             f"({scores.relevance.right_shown}/{scores.relevance.shown}) |",
             f"| relevance recall | {scores.relevance.recall:.2f} "
             f"({scores.relevance.right_wanted}/{scores.relevance.wanted}) |"]
    for name, label_ in (("together", "pairs put together"), ("apart", "pairs kept apart"),
                         ("volumes", "volumes found")):
        right, of = getattr(scores, name)
        lines.append(f"| {label_} | {scores.rate(name):.2f} ({right}/{of}) |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gasatlas.news.extract.evaluate",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("articles", "feeds"), default="articles",
                        help="the reader's annotated articles, or the feed items (relevance, merging, volumes)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help="folder of annotated articles")
    parser.add_argument("--feeds", type=Path, default=FEEDS, help="JSON file of labelled feed items")
    parser.add_argument("--only", help="score one article (its id)")
    parser.add_argument("--verbose", action="store_true", help="also list every candidate and missed gold event")
    args = parser.parse_args(argv)
    if args.set == "feeds":
        items = load_feed_items(args.feeds)
        print(feeds_table(items, evaluate_feeds(items, load_dataset(settings().data_dir))))
        return 0
    articles = [a for a in load_articles(args.eval_dir) if args.only in (None, a.id)]
    if not articles:
        print(f"error: no evaluation articles in {args.eval_dir}", file=sys.stderr)
        return 2
    totals, scores = evaluate(articles, load_dataset(settings().data_dir))
    print(f"{len(articles)} articles, {sum(len(a.gold) for a in articles)} gold events\n")
    print(table(totals))
    print("\nfalse candidates:")
    for score in scores:
        for candidate in score.false:
            print(f"  {score.article.id}: {_describe(candidate)}")
    if args.verbose:
        for score in scores:
            print(f"\n== {score.article.id}")
            for candidate in score.candidates:
                print(f"  found  {_describe(candidate)}")
            for gold in score.missed:
                print(f"  MISSED {gold.date} {gold.precision} {gold.event_type} {list(gold.people)} — {gold.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
