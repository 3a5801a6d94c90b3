"""Who said it: the person a sentence attributes its words to — the subject of «заявил/сказал/отметил/сообщил»,
the X of «по словам X», the X of "X said"/"said X" — never merely the name nearest to the verb."""

from __future__ import annotations

import datetime as dt

import pytest

from gasatlas.news.extract.knowledge import knowledge_of
from gasatlas.news.extract.reading import SentenceReader
from gasatlas.news.extract.sentences import read_sentences

PUBLISHED = dt.date(2023, 1, 26)


@pytest.fixture(scope="module")
def speakers_of(atlas):
    knowledge = knowledge_of(atlas)

    def _speakers(text: str, lang: str = "ru") -> list[str]:
        sentences = read_sentences(text, lang)
        reader = SentenceReader(knowledge, sentences, PUBLISHED, lang, "Test Wire")
        return [speaker for reading in reader.read(sentences[0]) for speaker in reading.speakers]

    return _speakers


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the subject of the verb, though another name stands nearer to it
    ("Глава «Газпрома» Алексей Миллер после встречи с Журабеком Мирзамахмудовым заявил, что поставки газа "
     "в Узбекистан вырастут.", "miller"),
    ("Президент России Владимир Путин по итогам переговоров с Касым-Жомартом Токаевым сообщил журналистам, "
     "что транзит газа через Казахстан будет увеличен.", "putin"),
    # the subject after the verb, behind what was said
    ("Меморандум «Газпрома» с Казахстаном касается газификации восточных регионов Казахстана и Астаны, заявил "
     "глава «Газпрома» Алексей Миллер в ходе встречи с Касым-Жомартом Токаевым.", "miller"),
    # по словам X
    ("По словам Нарматова, в этом году объемы экспорта газа из Узбекистана снизились в три раза.", "narmatov"),
])
def test_a_russian_quote_is_said_by_the_subject_of_its_verb(speakers_of, sentence: str, speaker: str) -> None:
    assert speakers_of(sentence) == [speaker]


def test_a_quote_told_by_a_body_has_no_person_as_its_speaker(speakers_of) -> None:
    sentence = ("Алексей Миллер и Журабек Мирзамахмудов обсудили поставки газа, сообщили в пресс-службе "
                "министерства энергетики Узбекистана.")

    assert speakers_of(sentence) == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Gazprom CEO Alexey Miller, speaking after talks with Jurabek Mirzamakhmudov, said that supplies to "
     "Uzbekistan would grow.", "miller"),
    ("\"This will require some technical work, it is feasible,\" Sergey Lavrov added after "
     "meeting Kassym-Jomart Tokayev.", "sergey-lavrov"),
    ("\"Supplies to Uzbekistan will grow,\" said Gazprom CEO Alexey Miller after talks with Jurabek "
     "Mirzamakhmudov.", "miller"),
    ("According to Mirzamakhmudov, Uzbekistan was negotiating supplies of gas with Alexey Miller.", "mirzamakhmudov"),
])
def test_an_english_quote_is_said_by_the_one_named_with_said(speakers_of, sentence: str, speaker: str) -> None:
    assert speakers_of(sentence, "en") == [speaker]


def test_an_english_quote_told_by_a_company_has_no_person_as_its_speaker(speakers_of) -> None:
    sentence = ("Alexey Miller and Energy Minister Jurabek Mirzamakhmudov have discussed cooperation issues, "
                "the Russian gas producer said in a statement.")

    assert speakers_of(sentence, "en") == []
