"""The units every step reads: paragraphs, sentences, tokens and named spans of an article.

Both languages are reduced to the same shapes, so the gazetteer, the actor
matcher and the rules never need to know which analyser produced them.
Offsets are character positions in the whole (normalised) article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BLANK_LINE = re.compile(r"\n[ \t]*\n")


def fold(word: str) -> str:
    """The comparison form of a word: lower case, ё as е (Russian news writes both)."""
    return word.lower().replace("ё", "е").replace("’", "'")


LATIN_SPELLINGS = (("zh", "j"), ("kh", "h"), ("ks", "x"), ("ss", "s"), ("yy", "y"), ("iy", "y"), ("ei", "ey"))
"""Transliterations of one Russian or Central Asian name that English news mixes: Zhurabek/Jurabek,
Mirzamakhmudov/Mirzamahmudov, Kassym/Kasym, Alexei/Alexey, Sergei/Sergey."""


def latin_key(word: str) -> str:
    """One spelling for the transliterations of a Latin-script name (see ``LATIN_SPELLINGS``)."""
    key = fold(word)
    for spelled, plain in LATIN_SPELLINGS:
        key = key.replace(spelled, plain)
    return key


@dataclass(frozen=True)
class Token:
    """A word with the forms it may be matched by (its text, and its lemma in Russian)."""

    text: str
    start: int
    stop: int
    forms: frozenset[str]

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class NamedSpan:
    """A person (PER), organisation (ORG) or place (LOC) found by NER, with its nominative form."""

    kind: str
    start: int
    stop: int
    text: str
    normal: str
    lemmas: tuple[str, ...]


@dataclass(frozen=True)
class Node:
    """A token in the sentence's syntax tree (Russian): offsets in the article, and its head's index in
    ``Sentence.tree`` (-1 for the root)."""

    start: int
    stop: int
    head: int
    rel: str
    pos: str


def hangs_from(tree: tuple[Node, ...], word: int, head: int) -> bool:
    """Whether ``word`` is ``head`` or hangs from it in the tree (trees are acyclic: ``russian.acyclic``)."""
    while word >= 0:
        if word == head:
            return True
        word = tree[word].head
    return False


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``tokens`` hold words only (punctuation dropped), ``spans`` the NER results.
    ``future_words``: offsets of the words in a clause about the future ("поставки начнутся
    в марте") — a date among them is a plan, not a past event."""

    index: int
    paragraph: int
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...]
    spans: tuple[NamedSpan, ...] = ()
    future_words: frozenset[int] = frozenset()
    tree: tuple[Node, ...] = ()
    """The syntax tree, where an analyser gives one (natasha's parser for Russian); empty otherwise."""


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Paragraphs as (offset, text). Blank lines separate them; a text without any blank
    line (as pasted from many pages) has one paragraph per line."""
    separator = BLANK_LINE if BLANK_LINE.search(text) else re.compile(r"\n")
    result, offset = [], 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[offset:end]
        stripped = chunk.strip()
        if stripped:
            result.append((offset + chunk.index(stripped), stripped))
        if match:
            offset = match.end()
    return result


def has_word(text: str) -> bool:
    return any(character.isalnum() for character in text)
