"""Russian analysis with natasha: sentences, lemmas, named entities and dates.

The models ship inside the natasha wheel and take seconds to load, so they are
loaded once per process (``russian_models``) and shared by every call; the neural
taggers are also kept on disk (``diskcache``), which loads several times faster
than reading them from the wheel's archives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from natasha import (
    DatesExtractor,
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)

from gasatlas.dataset import diskcache
from gasatlas.news.extract.units import NamedSpan, Node, Sentence, Token, fold, has_word, paragraphs


@dataclass(frozen=True)
class RussianModels:
    segmenter: Segmenter
    morph_vocab: MorphVocab
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    ner_tagger: NewsNERTagger
    dates: DatesExtractor


WARM_UP_TEXT = "18 января Алексей Миллер встретился с делегацией в Москве."


@lru_cache(maxsize=1)
def russian_models() -> RussianModels:
    """natasha's news models, loaded once and run once on a short text, so that the weights
    the models read lazily on first use are paid for here, not by the first article.
    The syntax parser is needed because natasha normalises organisation names
    ("Министерства энергетики") and we tell plans from events through the syntax tree."""
    morph_vocab = MorphVocab()
    morph_tagger, syntax_parser, ner_tagger = diskcache.cached(
        "natasha", diskcache.versions("natasha", "slovnet", "navec"), _neural_models)
    models = RussianModels(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=morph_tagger,
        syntax_parser=syntax_parser,
        ner_tagger=ner_tagger,
        dates=DatesExtractor(morph_vocab),
    )
    _analyse(models, WARM_UP_TEXT)
    models.dates(WARM_UP_TEXT)
    return models


def _neural_models() -> tuple[NewsMorphTagger, NewsSyntaxParser, NewsNERTagger]:
    """The three taggers over one shared embedding; pickled together it is stored once."""
    embedding = NewsEmbedding()
    return NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)


def _analyse(models: RussianModels, text: str) -> Doc:
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(models.morph_vocab)
    for span in doc.spans:
        span.normalize(models.morph_vocab)
    return doc


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a word out of context (pymorphy's likeliest parse), for
    turning alias phrases into the lemmas the text's tokens are compared by."""
    return fold(russian_models().morph_vocab.parse(word)[0].normal_form)


FUTURE_OF_BE = frozenset({"буду", "будешь", "будет", "будем", "будете", "будут"})
"""The future of "быть", which the tagger marks as present ("будут продолжены")."""


def _future_words(doc_sent: Any, offset: int) -> frozenset[int]:
    """Offsets of the words whose clause is about the future: the verb they hang from in the
    syntax tree is in the future tense or has "будет" as its auxiliary."""
    tokens = {token.id: token for token in doc_sent.tokens}
    future_verbs = {t.id for t in doc_sent.tokens if t.pos in {"VERB", "AUX"} and t.feats.get("Tense") == "Fut"}
    future_verbs |= {t.head_id for t in doc_sent.tokens if t.rel.startswith("aux") and fold(t.text) in FUTURE_OF_BE}

    def governed_by_future(token: Any) -> bool:
        seen = set()
        while token is not None and token.id not in seen:
            if token.id in future_verbs:
                return True
            if token.pos == "VERB":
                return False
            seen.add(token.id)
            token = tokens.get(token.head_id)
        return False

    return frozenset(offset + t.start for t in doc_sent.tokens if governed_by_future(t))


def _sentence(doc_sent: Any, offset: int, index: int, paragraph: int) -> Sentence:
    tokens = tuple(
        Token(token.text, offset + token.start, offset + token.stop, frozenset({fold(token.text), fold(token.lemma)}))
        for token in doc_sent.tokens
        if has_word(token.text)
    )
    spans = tuple(
        NamedSpan(span.type, offset + span.start, offset + span.stop, span.text, span.normal or span.text,
                  tuple(fold(token.lemma) for token in span.tokens))
        for span in doc_sent.spans
    )
    return Sentence(index, paragraph, offset + doc_sent.start, offset + doc_sent.stop, doc_sent.text, tokens, spans,
                    _future_words(doc_sent, offset), _tree(doc_sent, offset))


def acyclic(heads: list[int]) -> list[int]:
    """Heads with every cycle cut: the parser is not bound to return a tree, and on long sentences it sometimes
    returns a loop (in «В опубликованном на сайте Кремля сообщении о документах, подписанных …» "сообщении" hangs,
    through a chain of heads, from its own dependent "документах"), which would send every walk round forever.
    The word at which a walk up from any word comes back on itself becomes a root."""
    heads = list(heads)
    for start in range(len(heads)):
        path: list[int] = []
        word = start
        while 0 <= word < len(heads) and word not in path:
            path.append(word)
            word = heads[word]
        if 0 <= word < len(heads):  # came back to a word already on the path: a loop closes at path[-1]
            heads[path[-1]] = -1
    return heads


def _tree(doc_sent: Any, offset: int) -> tuple[Node, ...]:
    """natasha's dependency tree with heads as indices into the sentence's own tokens, cycles cut (``acyclic``)."""
    index = {token.id: i for i, token in enumerate(doc_sent.tokens)}
    heads = acyclic([index.get(t.head_id, -1) for t in doc_sent.tokens])
    return tuple(Node(offset + t.start, offset + t.stop, head, t.rel or "", t.pos or "")
                 for t, head in zip(doc_sent.tokens, heads, strict=True))


def read_russian(text: str, progress: Callable[[float], None] | None = None) -> list[Sentence]:
    """Sentences of a Russian article with lemmatised tokens and normalised PER/ORG/LOC spans.

    Each paragraph is analysed on its own so that no sentence runs across a paragraph break;
    ``progress`` hears the share of the text analysed after each one.
    """
    models = russian_models()
    sentences: list[Sentence] = []
    chunks = paragraphs(text)
    for paragraph, (offset, chunk) in enumerate(chunks):
        if progress is not None:
            progress(paragraph / len(chunks))
        doc = _analyse(models, chunk)
        first = len(sentences)
        sentences.extend(_sentence(sent, offset, first + i, paragraph) for i, sent in enumerate(doc.sents))
    return sentences
