"""Finding known names (places, organisations, routes, people) in a sentence's tokens.

A name is a phrase of words; a token matches a word when any of its forms does
(its text or, in Russian, its lemma), so "на Оренбургском ГПЗ" finds the alias
"Оренбургский ГПЗ" without listing case forms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from gasatlas.news.extract.units import Token, fold

T = TypeVar("T")
Key = tuple[str, ...]

HYPHENATED_WORD = re.compile(r"\w+(?:[-‐‑]\w+)*")
PLAIN_WORD = re.compile(r"\w+")
QUOTES = re.compile(r"[«»\"“”„]")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def name_variants(name: str) -> list[str]:
    """The ways a catalogue name may be written in a text: without quotes, the name before a
    parenthesis, a parenthesis that is itself a name ("Кремль (Администрация президента России)"),
    and each side of " / ". Lower-case parentheses are descriptions ("(raw gas)") and are skipped."""
    plain = QUOTES.sub("", name)
    main, *brackets = re.split(r"\s*\(", plain)
    parts = [main] + [b.rstrip(" )") for b in brackets if b[:1].isupper()]
    variants = [v.strip(" ,") for part in parts for v in re.split(r"\s+/\s+", part)]
    return [v for v in variants if len(re.sub(r"\W", "", v)) >= 3]


def phrase_keys(phrase: str, lemmatise: Callable[[str], str] | None = None) -> set[Key]:
    """Word sequences a phrase is matched by: with hyphenated words whole (as razdel
    tokenises Russian) and split (as English is tokenised), plus lemmas for Russian words."""
    whole = HYPHENATED_WORD.findall(phrase)
    keys = {tuple(fold(word) for word in whole), tuple(fold(word) for word in PLAIN_WORD.findall(phrase))}
    if lemmatise is not None and CYRILLIC.search(phrase):
        keys.add(tuple(lemmatise(word) if CYRILLIC.search(word) else fold(word) for word in whole))
    return {key for key in keys if key}


@dataclass(frozen=True)
class Match(Generic[T]):
    """A phrase found at tokens ``[start, stop)`` of a sentence."""

    start: int
    stop: int
    payload: T


class PhraseIndex(Generic[T]):
    """Phrases indexed by their first word; finds every (possibly overlapping) occurrence."""

    def __init__(self, entries: Iterable[tuple[Iterable[Key], T]]) -> None:
        self._by_first: dict[str, list[tuple[Key, T]]] = defaultdict(list)
        for keys, payload in entries:
            for key in set(keys):
                self._by_first[key[0]].append((key, payload))

    def named(self, word: str) -> list[T]:
        """What a single word names (its one-word phrases), for words read outside the token stream."""
        return [payload for key, payload in self._by_first.get(fold(word), ()) if len(key) == 1]

    def find(self, tokens: Sequence[Token]) -> list[Match[T]]:
        found: dict[tuple[int, int, T], None] = {}
        for i, token in enumerate(tokens):
            for form in token.forms:
                for key, payload in self._by_first.get(form, ()):
                    stop = i + len(key)
                    if stop <= len(tokens) and all(key[j] in tokens[i + j].forms for j in range(1, len(key))):
                        found[(i, stop, payload)] = None
        return [Match(start, stop, payload) for start, stop, payload in found]


def longest_first(matches: Iterable[Match[T]], rank: Callable[[T], int]) -> list[Match[T]]:
    """Non-overlapping matches, leftmost-longest; of equally long ones the lowest ``rank`` wins."""
    ordered = sorted(matches, key=lambda m: (m.start, m.start - m.stop, rank(m.payload)))
    chosen: list[Match[T]] = []
    end = 0
    for match in ordered:
        if match.start >= end:
            chosen.append(match)
            end = match.stop
    return chosen
