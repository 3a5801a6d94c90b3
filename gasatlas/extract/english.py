"""English sentences and tokens by rule: there is no offline English NER here, so the
gazetteer, the atlas's actors and the date rules do all the recognising."""

from __future__ import annotations

import re

from gasatlas.extract.units import Sentence, Token, fold, paragraphs

WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sen", "rep", "gov", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "u.s", "u.k", "approx",
}
"""Words whose final full stop does not end a sentence ("Dr. Miller", "Jan. 18")."""
FUTURE = re.compile(  # without a parser, every word after the first sign of the future counts as about it
r"\b(?:will|shall|won't)\b|\b(?:is|are)\s+(?:expected|due|scheduled|set|planned|going)\s+to\b"
                    r"|\bplans?\s+to\b", re.IGNORECASE)


def _word_forms(word: str) -> frozenset[str]:
    folded = fold(word)
    return frozenset({folded, folded.removesuffix("'s")})


def _ends_in_abbreviation(text: str) -> bool:
    last_word = text.rstrip(".").rsplit(None, 1)[-1].lower() if text.strip() else ""
    last_word = last_word.lstrip("(\"'“‘")
    return last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())


def _sentence_bounds(paragraph: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        if _ends_in_abbreviation(paragraph[start:match.start() + 1]):
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        bounds.append((start, end))
        start = match.end()
    bounds.append((start, len(paragraph)))
    return [(a, b) for a, b in bounds if paragraph[a:b].strip()]


def read_english(text: str) -> list[Sentence]:
    """Sentences of an English article; hyphenated words are split ("Alma-Ata" → alma, ata)
    exactly as alias phrases are, so both sides compare word by word."""
    sentences: list[Sentence] = []
    for paragraph, (offset, chunk) in enumerate(paragraphs(text)):
        for start, stop in _sentence_bounds(chunk):
            body = chunk[start:stop]
            tokens = tuple(
                Token(match.group(), offset + start + match.start(), offset + start + match.end(),
                      _word_forms(match.group()))
                for match in WORD.finditer(body)
            )
            future = FUTURE.search(body)
            future_words = frozenset(t.start for t in tokens if future and t.start >= offset + start + future.start())
            sentences.append(Sentence(len(sentences), paragraph, offset + start, offset + stop, body, tokens,
                                      future_words=future_words))
    return sentences
