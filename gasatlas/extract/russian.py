"""Russian analysis with natasha: sentences, lemmas, named entities and dates.

The models ship inside the natasha wheel and take a few seconds to load, so
they are loaded once per process (``russian_models``) and shared by every call.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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

from gasatlas.extract.units import NamedSpan, Sentence, Token, fold, has_word, paragraphs


@dataclass(frozen=True)
class RussianModels:
    segmenter: Segmenter
    morph_vocab: MorphVocab
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    ner_tagger: NewsNERTagger
    dates: DatesExtractor


@lru_cache(maxsize=1)
def russian_models() -> RussianModels:
    """natasha's news models, loaded once. The syntax parser is needed because natasha
    normalises organisation names ("Министерства энергетики") through the syntax tree."""
    embedding = NewsEmbedding()
    morph_vocab = MorphVocab()
    return RussianModels(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        ner_tagger=NewsNERTagger(embedding),
        dates=DatesExtractor(morph_vocab),
    )


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a word out of context (pymorphy's likeliest parse), for
    turning alias phrases into the lemmas the text's tokens are compared by."""
    return fold(russian_models().morph_vocab.parse(word)[0].normal_form)


def _sentence(doc_sent, offset: int, index: int, paragraph: int) -> Sentence:
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
    return Sentence(index, paragraph, offset + doc_sent.start, offset + doc_sent.stop, doc_sent.text, tokens, spans)


def read_russian(text: str) -> list[Sentence]:
    """Sentences of a Russian article with lemmatised tokens and normalised PER/ORG/LOC spans.

    Each paragraph is analysed on its own so that no sentence runs across a paragraph break.
    """
    models = russian_models()
    sentences: list[Sentence] = []
    for paragraph, (offset, chunk) in enumerate(paragraphs(text)):
        doc = Doc(chunk)
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
        doc.tag_ner(models.ner_tagger)
        for token in doc.tokens:
            token.lemmatize(models.morph_vocab)
        for span in doc.spans:
            span.normalize(models.morph_vocab)
        first = len(sentences)
        sentences.extend(_sentence(sent, offset, first + i, paragraph) for i, sent in enumerate(doc.sents))
    return sentences
