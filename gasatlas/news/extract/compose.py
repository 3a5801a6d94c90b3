"""Titles, summaries and quotes of candidate events.

The Russian title of a Russian article is the clause that says what happened, cut
from the sentence along natasha's syntax tree ("Туркменистан приостановил экспорт
газа в Узбекистан"): the clause of the word that typed the event, without its dates,
asides and subordinate clauses. Every other title — the English one always — is
composed from the event's fields in the atlas's own names and vocabulary ("Alexey
Miller and Roman Sklyar meet in St Petersburg"): nothing is machine translated, so
a title never says more than the text or the fields it was built from. Both are
machine-made and flagged for the reviewer.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from gasatlas.i18n import label
from gasatlas.model.vocab import EventType, Lang
from gasatlas.news.extract.dates import day_en, day_ru
from gasatlas.news.extract.figures import Figures
from gasatlas.news.extract.units import Node, Sentence

MAX_QUOTE_CHARS = 400
MAX_NAMES_IN_TITLE = 2
MAX_TITLE_CHARS = 120
MIN_TITLE_WORDS = 3
LEFT_OUT = frozenset({"parataxis", "advcl", "acl:relcl", "discourse", "vocative", "dislocated", "orphan",
                      "reparandum", "mark"})
"""Dependents that are asides, not what happened: parentheticals, adverbial and relative clauses, "что"."""
KEPT_PUNCTUATION = frozenset("«»\"-–—")
"""Inside a title only quotes and dashes stay: commas and full stops belonged to the clauses left out."""
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
CLAUSE_RELATIONS = frozenset({"root", "ccomp", "csubj", "parataxis", "advcl", "acl"})
"""A word heading its own clause though it is no verb ("республика намерена …": the adjective heads it)."""
TITLE_FLAG = ("titles are machine-made (the Russian one from the sentence's main clause where the text is Russian, "
              "the English one from the atlas's names): check them")
ENGLISH_PHRASES: dict[str, tuple[str, str]] = {
    EventType.MEETING: ("holds talks", "meet"),
    EventType.AGREEMENT: ("signs an agreement", "sign an agreement"),
    EventType.STATEMENT: ("makes a statement", "make a statement"),
    EventType.PROPOSAL: ("makes a proposal", "make a proposal"),
}
"""What people or bodies do in an English title, after one subject and after several; the other types are
said of the countries ("Russia–Uzbekistan: supply change")."""


def quote_of(sentence: str) -> str:
    """The supporting sentence verbatim; a longer one is cut at a word boundary and ends in "…"."""
    if len(sentence) <= MAX_QUOTE_CHARS:
        return sentence
    cut = sentence[:MAX_QUOTE_CHARS - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def _names(names: list[str], lang: Lang) -> str:
    shown = names[:MAX_NAMES_IN_TITLE]
    more = len(names) - len(shown)
    if not more:
        return ", ".join(shown)
    return ", ".join(shown) + (f" and {more} more" if lang == "en" else f" и ещё {more}")


def _listing(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if lang == "en" else " и ") + names[-1]


def title(event_type: str, names: list[str], place: str, lang: Lang) -> str:
    """"Agreement: Roman Sklyar, Alexey Miller — St Petersburg"."""
    who = _names(names, lang)
    return f"{label(event_type, lang)}: {who} — {place}" if who else f"{label(event_type, lang)} — {place}"


def summary(event_type: str, countries: list[str], source_title: str, published: dt.date, lang: str) -> str:
    if lang == "en":
        return (f"{label(event_type, 'en')} involving {_listing(countries, 'en')}, reported by {source_title} "
                f"on {day_en(published)}; see the quoted sentence.")
    return (f"{label(event_type, 'ru')} (страны: {_listing(countries, 'ru')}); сообщение: {source_title}, "
            f"{day_ru(published)}; см. цитату.")


def _cut(text: str) -> str:
    if len(text) <= MAX_TITLE_CHARS:
        return text
    cut = text[:MAX_TITLE_CHARS - 1]
    return (cut[:cut.rindex(" ")] if " " in cut else cut).rstrip(" ,;:—-") + "…"


def clause_title(sentence: Sentence, at: int, keep_said: bool, dates: list[tuple[int, int]]) -> str | None:
    """The clause around the word at offset ``at`` as a title, or None without a syntax tree.

    The clause is the subtree of the nearest verb (or clause head) above that word, less its asides (``LEFT_OUT``), the
    parts that hold a date ("18 января", "в среду") and — unless ``keep_said`` (a statement is titled by
    what was said) — the clause of what someone said."""
    tree = sentence.tree
    word = next((i for i, node in enumerate(tree) if node.start <= at < node.stop), None)
    if word is None:
        return None
    ordered = sorted(_clause_words(sentence, _clause_head(tree, word), keep_said, dates))
    text, offset = sentence.text, sentence.start
    parts = [text[tree[ordered[0]].start - offset:tree[ordered[0]].stop - offset]]
    for previous, i in itertools.pairwise(ordered):
        gap = text[tree[previous].stop - offset:tree[i].start - offset] if i == previous + 1 else " "
        parts.append(gap + text[tree[i].start - offset:tree[i].stop - offset])
    return _tidy_title(" ".join("".join(parts).split()).strip(" ,;:—-–"))


def _clause_head(tree: tuple[Node, ...], word: int) -> int:
    """The nearest verb or clause head above ``word``."""
    head, seen = word, set()
    while (tree[head].pos not in CLAUSE_HEADS and tree[head].rel not in CLAUSE_RELATIONS and tree[head].head >= 0
           and head not in seen):
        seen.add(head)
        head = tree[head].head
    return head


def _clause_words(sentence: Sentence, head: int, keep_said: bool, dates: list[tuple[int, int]]) -> set[int]:
    """The words of ``head``'s subtree a title keeps (see ``clause_title``)."""
    tree = sentence.tree
    children: dict[int, list[int]] = defaultdict(list)
    for i, node in enumerate(tree):
        children[node.head].append(i)

    def subtree(i: int) -> list[int]:
        return [i, *(k for child in children[i] for k in subtree(child))]

    def text_of(i: int) -> str:
        return sentence.text[tree[i].start - sentence.start:tree[i].stop - sentence.start]

    def initial(i: int) -> bool:
        """The full stop of an initial ("С. Лавров")."""
        return text_of(i) == "." and i > 0 and len(text_of(i - 1)) == 1 and text_of(i - 1).isupper()

    def kept_child(c: int) -> bool:
        dated = any(tree[k].start < stop and start < tree[k].stop for k in subtree(c) for start, stop in dates)
        return (tree[c].rel not in LEFT_OUT and not dated and (keep_said or tree[c].rel != "ccomp")
                and (tree[c].rel != "punct" or text_of(c) in KEPT_PUNCTUATION or initial(c)))

    kept: set[int] = set()
    pending = [head]
    while pending:
        i = pending.pop()
        kept.add(i)
        pending.extend(c for c in children[i] if kept_child(c))
    return kept


def _tidy_title(title: str) -> str | None:
    """Unpaired quotation marks dropped; too short a clause is no title."""
    if title.count("«") != title.count("»"):
        title = title.replace("«", "").replace("»", "")
    if title.count('"') % 2:
        title = title.replace('"', "")
    if len(title.split()) < MIN_TITLE_WORDS:
        return None
    return _cut(title[:1].upper() + title[1:])


NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 10: "ten", 15: "15", 20: "20", 30: "30"}
PERIOD_WORDS = {"year": " a year", "day": " a day", "total": ""}


def _bcm(volume: float) -> str:
    return f"{volume:g} bcm" if volume >= 0.1 else f"{volume * 1000:g} mcm"


def numbers_phrase(numbers: Figures | None) -> str:
    """" for 2.8 bcm a year at $160 per 1,000 m³": the figures a report gives, as the title's tail."""
    if numbers is None:
        return ""
    parts = []
    if numbers.volume_bcm is not None:
        parts.append(f" for {_bcm(numbers.volume_bcm)}{PERIOD_WORDS.get(numbers.volume_period or 'total', '')}")
    if numbers.price_usd_per_mcm is not None:
        parts.append(f" at ${numbers.price_usd_per_mcm:g} per 1,000 m³")
    return "".join(parts)


def english_title(event_type: str, names: list[str], countries: list[str], place: str | None, at_site: bool,
                  numbers: Figures | None = None) -> str:
    """"Alexey Miller and Roman Sklyar meet in St Petersburg", "Gazprom and Uzbekistan sign a two-year contract for
    2.8 bcm a year", "Russia–Uzbekistan: supply change at Orenburg gas processing plant": who (people or
    organisations; the countries for what happens to gas), what (in the atlas's words, with the numbers the
    report gives), where."""
    where = f" {'at' if at_site else 'in'} {place}" if place else ""
    tail = numbers_phrase(numbers)
    if event_type not in ENGLISH_PHRASES or not names:
        return _cut(f"{'–'.join(countries[:3])}: {label(event_type, 'en').lower()}{tail}{where}")
    shown = names[:MAX_NAMES_IN_TITLE]
    more = len(names) - len(shown)
    subject = _listing(shown + ([f"{more} more"] if more else []), "en")
    one, several = ENGLISH_PHRASES[event_type]
    verb = several if len(names) > 1 else one
    if event_type == EventType.AGREEMENT and numbers is not None and (numbers.contract_years or tail):
        length = numbers.contract_years
        what = (f"a {NUMBER_WORDS.get(length, str(length))}-year contract" if length else "a contract")
        verb = ("sign " if len(names) > 1 else "signs ") + what
    return _cut(f"{subject} {verb}{tail}{where}")
