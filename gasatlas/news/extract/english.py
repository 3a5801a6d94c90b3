"""English sentences, tokens and people by rule: there is no offline English NER here, so the
gazetteer, the atlas's actors, the date rules and a rule for people introduced by their role
("Energy Minister Jurabek Mirzamakhmudov", "Chen Huailong, head of …") do all the recognising."""

from __future__ import annotations

import calendar
import re

from gasatlas.news.extract.units import NamedSpan, Sentence, Token, fold, latin_key, paragraphs

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


NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
ROLES = re.compile(
    r"\b(?:president|minister|chairman|chairwoman|ceo|head|chief|advis[eo]r|ambassador|spokes(?:man|woman|person)"
    r"|secretary|governor|deputy|director|counterpart|leader|premier|official|envoy|mayor|speaker)\b", re.IGNORECASE)
SAYS_OR_DOES = re.compile(r"^\s*(?:,\s*(?:the\s+)?(?:head|chief|chairman|director|ceo|minister|deputy|president)\b"
                          r"|\s*(?:said|says|told|noted|added|met|held|signed|visited|stressed|explained)\b)")
NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "of", "and", "for", "to", "by", "with", "from", "as", "earlier", "later",
    "meanwhile", "moreover", "currently", "also", "however", "president", "presidents", "minister", "ministry",
    "deputy", "prime", "chairman", "committee", "management", "company", "corporation", "national", "energy", "fuel",
    "chemical", "industries", "industry", "development", "gas", "oil", "natural", "russian", "kazakh", "uzbek",
    "turkmen", "chinese", "afghan", "pakistani", "indian", "federation", "republic", "center", "centre", "central",
    "asia", "asian", "trend", "tass", "afp", "reuters", "sputnik", "news", "gazprom", "press", "secretary",
    "ambassador", "advisor", "adviser", "head", "chief", "ceo", "affairs", "foreign", "production", "sharing",
    "agreement", "contract", "memorandum", "cooperation", "sector", "road", "map", "roadmap", "discussion", "club",
    "forum", "summit", "lakhta", "kremlin", "council", "parliament", "state", "government", "office",
    "administration", "bank", "group", "project", "pipeline", "field", "plant", "power", "siberia", "week", "day",
    "year", "university", "institute", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "international", "economic", "petroleum", "processing", "union", "trilateral", "triple",
})
"""Capitalised words that are titles, bodies, places or sentence openers, never part of a person's name."""
MONTH_AND_DAY_NAMES = frozenset(name.lower() for name in (*calendar.month_name[1:], *calendar.day_name))
MAX_NAME_WORDS = 4
ROLE_WINDOW = 12
"""Words before a name within which a role ("Advisor to the President … on Oil and Gas issues") introduces it."""


def _word_forms(word: str) -> frozenset[str]:
    folded = fold(word)
    return frozenset({folded, folded.removesuffix("'s"), latin_key(folded.removesuffix("'s"))})


def _is_name_word(token: Token) -> bool:
    word = token.text.removesuffix("'s").removesuffix("’s")
    return bool(NAME_WORD.match(word)) and word.lower() not in NOT_NAME_WORDS | MONTH_AND_DAY_NAMES


def people_in(body: str, tokens: tuple[Token, ...], offset: int) -> tuple[NamedSpan, ...]:
    """People an English sentence names, by rule, as there is no English NER here: two to four
    capitalised name words, introduced by a role within a few words before ("Energy Minister Jurabek
    Mirzamakhmudov") or followed by one or a verb of saying or acting ("Chen Huailong, head of …")."""
    spans, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < MAX_NAME_WORDS and _is_name_word(tokens[j]) and (
                j == i or body[tokens[j - 1].stop - offset:tokens[j].start - offset] in {" ", "-"}):
            j += 1
        if j - i >= 2:
            before = " ".join(t.text for t in tokens[max(0, i - ROLE_WINDOW):i])
            after = body[tokens[j - 1].stop - offset:]
            if ROLES.search(before) or SAYS_OR_DOES.match(after):
                text = body[tokens[i].start - offset:tokens[j - 1].stop - offset].removesuffix("'s").removesuffix("’s")
                spans.append(NamedSpan("PER", tokens[i].start, tokens[i].start + len(text), text, text,
                                       tuple(fold(t.text) for t in tokens[i:j])))
            i = j
        else:
            i += 1
    return tuple(spans)


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
                                      people_in(body, tokens, offset + start), future_words))
    return sentences
