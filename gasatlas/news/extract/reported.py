"""Reported speech: who says something in a sentence, and which part of it is what they say.

News is mostly reported speech. "Министерство ранее заявило, что поставки начнутся
с 1 октября" reports an act — a statement, made "ранее" — whose *content* holds a
date of its own (1 October). The act and its content are dated separately: a date
inside the content never dates the act, and "ранее" inside a quote is no date at all.

The content of a speech verb is found by its shape on the page:

- after the verb and "что"/"that" ("заявил, что …", "said that …") to the sentence end;
- before the verb when the verb follows a comma or dash ("…, — сказал он", "…, заявил Путин");
- after "по словам X," / "according to X," to the sentence end;
- inside quotation marks («…», “…”, "…").

An outlet's cross-link ("Ранее «Курсив» писал…", "Как сообщалось", "передает ТАСС",
"Trend reports") is the outlet speaking about its own coverage: no event of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gasatlas.news.extract.units import Sentence, hangs_from

SPEECH = re.compile(
    r"\b(?:заяви\w*|сообщи\w*|сообща\w*|ответи\w*|отмети\w*|подчеркну\w*|рассказа\w*|поясни\w*|сказа\w*"
    r"|написа\w*|писал\w*|уточни\w*|уточня\w*|добави\w*|назва\w*|признал\w*|подтверди\w*|говорится"
    r"|передает|передаёт|информирует|пишет|said|says|told|stated|added|noted|announced|confirmed|explained"
    r"|reported|reports|denied)\b", re.IGNORECASE)
"""Verbs of saying (and "говорится в сообщении"); a superset of the statement triggers in ``rules``."""
THAT = re.compile(r"[^.!?]{0,60}?(?:,\s*|\s)(?:что|как|о\s+том,\s*что|that|how)\b|\s+(?:о|об)\s+(?=\w)",
                  re.IGNORECASE)
"""The verb's complement starts within a few words after it: "заявил журналистам в среду, что", or right
after it as what the words were about: "сообщил о росте экспорта"."""
BEFORE_VERB = re.compile(r"[,—–]\s*(?:[—–-]\s*)?$")
SUBJECT_BEFORE = re.compile(r",\s*(?:the\s+)?[^,]{0,90}?\s+$")
"""English puts the speaker before the verb: "…, Gazprom CEO Alexey Miller said" — what precedes the comma was said."""
ACCORDING_TO = re.compile(r"\b(?:по\s+(?:его|ее|её|их)\s+словам|по\s+словам\s+[^,]{1,80}|according\s+to\s+[^,]{1,80}),",
                          re.IGNORECASE)
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")
MIN_QUOTE_CHARS = 25
"""Shorter quoted text is a name («Газпром», "Power of Siberia 2"), not words someone said."""

CROSS_LINK = re.compile(
    r"^(?:ранее|как\s+(?:ранее\s+)?сообщал\w*|как\s+писал\w*|напомним)\b[^.]{0,60}?\b(?:сообщал\w*|писал\w*"
    r"|передавал\w*|информировал\w*)\b|^как\s+(?:ранее\s+)?сообщалось\b|^ранее\s+сообщалось\b"
    r"|^(?:как\s+)?передает\b|^as\s+(?:previously\s+)?reported\b", re.IGNORECASE)
"""An outlet pointing to coverage ("Ранее «Курсив» писал", "Как сообщалось", "Как передает Reuters"): the
sentence reports no act of its own, only what it says happened."""
ATTRIBUTION = re.compile(
    r"\b(?:передает|передаёт|информирует|сообщает|пишет)\s+(?:государственное\s+)?(?:информ)?(?:агентство\s+|издание\s+"
    r"|газета\s+)?[«\"]?[A-ZА-ЯЁ]|\b[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:\s+news\s+website)?\s+report(?:s|ed)?\b"
    r"|\bas\s+reported\s+by\b",
    re.IGNORECASE)
"""An outlet credited for the report ("передает ТАСС", "сообщает TDH", "Trend reports"): that verb is no one's act."""


@dataclass(frozen=True)
class Speech:
    """A verb of saying at ``[start, stop)``; ``content``: the spans that are what was said (offsets in the
    sentence)."""

    start: int
    stop: int
    content: tuple[tuple[int, int], ...]
    according: bool = False
    """"по словам X," / "according to X,": the speaker is named in the phrase itself."""


def quotes(text: str) -> list[tuple[int, int]]:
    """Quoted spans long enough to be words someone said."""
    return [match.span() for match in QUOTED.finditer(text) if match.end() - match.start() >= MIN_QUOTE_CHARS]


def paragraph_quotes(sentences: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Quotations that run over several sentences of a paragraph (article offsets): «"Без сомнения, мы обсуждаем
    … Казахстан заинтересован в газификации Астаны. Меморандум … касается этих вопросов", - сказал он.» — every
    sentence inside is what was said, though none of them holds both quotation marks. ``sentences`` are
    (start, stop, text) in article offsets, in order; a new paragraph is given as a separate call."""
    if not sentences:
        return []
    first = sentences[0][0]
    page = [" "] * (sentences[-1][1] - first)
    for start, _, text in sentences:
        page[start - first:start - first + len(text)] = text
    joined = "".join(page)
    ends = {stop - first for _, stop, _ in sentences}
    return [(first + start, first + stop) for start, stop in quotes(joined)
            if any(start < end < stop - 1 for end in ends)]


def speeches(text: str) -> list[Speech]:
    """Every verb of saying in a sentence with the content it introduces (see the module docstring)."""
    found = []
    credited = attributions(text)
    for verb in SPEECH.finditer(text):
        if inside(verb.start(), credited):
            continue
        content = []
        after = THAT.match(text, verb.end())
        if after:
            content.append((after.end(), len(text)))
        elif verb.start() > 0 and BEFORE_VERB.search(text[:verb.start()].rstrip()):
            content.append((0, verb.start()))
        elif (subject := SUBJECT_BEFORE.search(text[:verb.start()])) is not None:
            content.append((0, subject.start()))
        found.append(Speech(verb.start(), verb.end(), tuple(content)))
    for according in ACCORDING_TO.finditer(text):
        found.append(Speech(according.start(), according.end(), ((according.end(), len(text)),), according=True))
    return found


CLAUSE_EDGE = re.compile(r"[,;:—–«»“”\"()]|\s-\s")
ADJUNCT = re.compile(r"\b(?:after|before|during|following|when|while|at|in|on|with|from|about|после|во\s+время"
                     r"|в\s+ходе|по\s+итогам|при|в|на|о|об)\b", re.IGNORECASE)
"""Where the words after a verb stop naming its speaker: "said Alexey Miller after talks with Mirzamakhmudov"."""
SUBJECT = "nsubj"


def speaker_spans(sentence: Sentence, speech: Speech) -> list[tuple[int, int]]:
    """Where the sentence may name who says ``speech`` (offsets in the sentence), best first; the speaker is the
    person named in the first span that names one, the nearest to the verb there:

    - the phrase "по словам X," / "according to X," itself;
    - the subject of the verb in the syntax tree (Russian): "заявил журналистам президент России Владимир Путин",
      "Миллер после встречи с Мирзамахмудовым заявил" — not the nearest name; a pronoun or a body names nobody;
    - without a tree or a subject: the words right before the verb in its clause ("…," Lavrov added), then right
      after it up to an adjunct (said Gazprom CEO Alexey Miller after talks with …), then, when nothing said
      comes before the verb, the sentence's first clause ("Alexey Miller, speaking after talks with …, said").
    """
    if speech.according:
        return [(speech.start, speech.stop)]
    subject = _subject(sentence, speech.start)
    if subject is not None:
        return [subject]
    text = sentence.text
    before = [edge.end() for edge in CLAUSE_EDGE.finditer(text, 0, speech.start)]
    edge = CLAUSE_EDGE.search(text, speech.stop)
    clause_end = edge.start() if edge else len(text)
    adjunct = ADJUNCT.search(text, speech.stop, clause_end)
    spans = [(before[-1] if before else 0, speech.start), (speech.stop, adjunct.start() if adjunct else clause_end)]
    if not any(stop <= speech.start for _, stop in speech.content):
        first_edge = CLAUSE_EDGE.search(text)
        spans.append((0, first_edge.start() if first_edge else speech.start))
    return spans


SPOKEN_OF = frozenset({"obj", "xcomp", "ccomp"})


def spoken_of(sentence: Sentence, speech: Speech) -> list[tuple[int, int]]:
    """What the verb of saying is about, by the syntax tree (offsets in the sentence): its object and complements —
    "Власти Казахстана назвали стратегическим приоритетом строительство завода на месторождении Карачаганак" speak of
    a plant at Karachaganak; they did not speak there."""
    tree = sentence.tree
    verb = next((i for i, node in enumerate(tree) if node.start - sentence.start == speech.start), None)
    if verb is None:
        return []
    spans = []
    for child, node in enumerate(tree):
        if node.head == verb and node.rel in SPOKEN_OF:
            words = [n for i, n in enumerate(tree) if hangs_from(tree, i, child)]
            spans.append((min(n.start for n in words) - sentence.start, max(n.stop for n in words) - sentence.start))
    return spans


def _subject(sentence: Sentence, verb_start: int) -> tuple[int, int] | None:
    """The span of the verb's subject (its own, or that of the verb it is coordinated with: "встретился … и
    заявил"), in sentence offsets; None when the tree has no subject for it."""
    tree = sentence.tree
    verb = next((i for i, node in enumerate(tree) if node.start - sentence.start == verb_start), None)
    while verb is not None:
        subject = next((i for i, node in enumerate(tree) if node.head == verb and node.rel.startswith(SUBJECT)), None)
        if subject is not None:
            words = [node for i, node in enumerate(tree) if hangs_from(tree, i, subject)]
            return min(n.start for n in words) - sentence.start, max(n.stop for n in words) - sentence.start
        verb = tree[verb].head if tree[verb].rel == "conj" and tree[verb].head >= 0 else None
    return None


def content_spans(text: str) -> list[tuple[int, int]]:
    """Everything in the sentence that is what someone said: complement clauses and quotes."""
    spans = [span for speech in speeches(text) for span in speech.content] + quotes(text)
    return sorted(spans)


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < stop for start, stop in spans)


def cross_link_end(text: str) -> int | None:
    """Where an opening cross-link phrase ends ("Ранее «Курсив» писал|"), if the sentence opens with one.
    Whether the one who "сообщал" is an outlet or a person is for the caller, who knows the people."""
    match = CROSS_LINK.search(text)
    return match.end() if match else None


def attributions(text: str) -> list[tuple[int, int]]:
    """Where the sentence credits an outlet: verbs there are the outlet's, not a source's."""
    return [match.span() for match in ATTRIBUTION.finditer(text)]
