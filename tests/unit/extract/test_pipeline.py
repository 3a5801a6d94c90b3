"""From an article to candidate events: who, what, where and when, each as the reviewer needs it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace

import pandas as pd
import pytest

from gasatlas.data import validate_additions
from gasatlas.extract import (
    LANGUAGE_SUPPORT,
    ArticleError,
    Candidate,
    ProposedActor,
    extract_events,
    find_duplicates,
    language_of,
)
from gasatlas.extract.english import read_english
from gasatlas.schema import EVENT_COLUMNS, Event

from .conftest import SOURCE

ARTICLE_RU = """Казахстан и Россия обсудили поставки газа. Об этом сообщило правительство.

24 января в Ташкенте министр энергетики Узбекистана Журабек Мирзамахмудов встретился с главой «Газпрома» Алексеем Миллером. Стороны подписали дорожную карту.

Мирзамахмудов отметил, что поставки российского газа в Узбекистан начнутся в марте.

Вчера Иван Петров, глава компании «Восточный Газовый Альянс», заявил, что компания готова участвовать в проекте. Петров также упомянул Бухару."""

ARTICLE_EN = """Gas talks continue.

On 24 January Uzbekistan's energy minister Zhurabek Mirzamakhmudov met Gazprom chief Alexey Miller in Tashkent. The sides signed a roadmap.

Turkmenistan halted gas exports to Uzbekistan last week, the Uzbek energy ministry said."""


def by_type(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {c.event["event_type"]: c for c in candidates}


# --- the shape of a candidate ------------------------------------------------------------------------------


def test_every_candidate_is_a_valid_events_row_once_its_new_actors_exist(extract, atlas) -> None:
    candidates = extract(ARTICLE_RU, dt.date(2023, 1, 26))
    new_actors = [asdict(a) | SOURCE for c in candidates for a in c.new_actors]

    for candidate in candidates:
        assert list(candidate.event) == list(EVENT_COLUMNS)
        Event.model_validate(candidate.event)
        assert 0 <= candidate.confidence <= 1
    events, actors = validate_additions(atlas, [c.event for c in candidates], new_actors)
    assert len(events) == len(candidates) == 2
    assert {a.id for a in actors} == {"ivan-petrov", "vostochnyi-gazovyi-alians"}


def test_event_ids_are_dated_slugs_unique_in_the_list_and_against_the_atlas(extract, atlas) -> None:
    text = "24 января Миллер заявил, что переговоры идут. 25 января Миллер заявил, что переговоры продолжатся."
    candidates = extract(text, dt.date(2023, 1, 26))

    ids = [c.event["id"] for c in candidates]
    assert ids == ["ev-2023-01-24-statement-miller", "ev-2023-01-25-statement-miller"]

    taken = replace(atlas, events=pd.concat([atlas.events, pd.DataFrame([{"id": ids[0]}])], ignore_index=True))
    assert extract_events(text, dt.date(2023, 1, 26), taken, **SOURCE)[0].event["id"] == f"{ids[0]}-2"


def test_month_dates_give_month_ids_and_labels(only) -> None:
    candidate = only("В конце ноября 2022 года Россия предложила создать «газовый союз» с Казахстаном.")

    assert candidate.event["id"] == "ev-2022-11-proposal-rus"
    assert (candidate.event["date"], candidate.event["date_precision"]) == (dt.date(2022, 11, 25), "month")
    assert (candidate.event["date_label_en"], candidate.event["date_label_ru"]) == ("late Nov 2022",
                                                                                    "конец ноября 2022")


def test_titles_and_summaries_are_built_from_the_fields_in_both_languages(extract) -> None:
    meeting = by_type(extract(ARTICLE_RU, dt.date(2023, 1, 26)))["agreement"]

    assert meeting.event["title_en"] == "Agreement: Zhurabek Mirzamakhmudov, Alexey Miller — Tashkent"
    assert meeting.event["title_ru"] == "Соглашение: Журабек Мирзамахмудов, Алексей Миллер — Ташкент"
    assert meeting.event["summary_en"] == ("Agreement involving Uzbekistan and Russia, reported by "
                                           "Test Wire: gas news on 26 Jan 2023; see the quoted sentence.")
    assert meeting.event["summary_ru"] == ("Соглашение (страны: Узбекистан и Россия); сообщение: "
                                           "Test Wire: gas news, 26 января 2023; см. цитату.")


def test_the_quote_is_the_dated_sentence_verbatim(extract) -> None:
    meeting = by_type(extract(ARTICLE_RU, dt.date(2023, 1, 26)))["agreement"]

    assert meeting.event["quote"] == ("24 января в Ташкенте министр энергетики Узбекистана Журабек Мирзамахмудов "
                                      "встретился с главой «Газпрома» Алексеем Миллером.")
    assert meeting.sentence_index == 2, "the lede's two sentences come first"


def test_a_long_quote_is_cut_at_a_word_and_marked(only) -> None:
    text = "18 января Скляр встретился с Новаком, " + "и стороны обсуждали газ " * 30 + "долго."
    quote = only(text).event["quote"]

    assert len(quote) <= 400 and quote.endswith("газ…")
    assert text.startswith(quote[:-1])


# --- people and organisations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "people"),
    [
        pytest.param("18 января Роман Скляр встретился с Алексеем Миллером.", ["sklyar", "miller"], id="full names"),
        pytest.param("18 января Скляр встретился с Новаком.", ["sklyar", "novak"], id="surnames"),
        pytest.param("18 января Пескову задали вопрос, и он ответил.", ["peskov"], id="surname in a case form"),
        pytest.param("On 18 January Sklyar met Alexey Miller.", ["sklyar", "miller"], id="English"),
    ],
)
def test_known_people_are_matched_to_atlas_actors(only, text: str, people: list[str]) -> None:
    candidate = only(text)

    assert candidate.event["participants"] == people
    assert candidate.new_actors == []


def test_an_unknown_person_is_proposed_once_with_a_transliterated_id(extract) -> None:
    candidates = extract(ARTICLE_RU, dt.date(2023, 1, 26))
    statement = by_type(candidates)["statement"]
    petrov = ProposedActor("ivan-petrov", "person", "Ivan Petrov", "Иван Петров")

    assert statement.event["participants"] == ["ivan-petrov"], "the later 'Петров' is the same person"
    assert petrov in statement.new_actors
    assert "new person: Иван Петров (transliteration unverified)" in statement.flags


def test_someone_sharing_a_known_surname_is_a_new_person(only) -> None:
    candidate = only("18 января Ирина Новак посетила Ташкент.")

    assert candidate.event["participants"] == ["irina-novak"]


def test_a_new_organisation_is_proposed_and_media_and_the_publisher_are_not(only) -> None:
    candidate = only("18 января казахстанская компания «Восточный Газовый Альянс» заявила, что СМИ ошиблись, "
                     "а Test Wire сообщил об этом первым.")

    assert [a.kind for a in candidate.new_actors] == ["organisation"]
    assert candidate.new_actors[0].name_ru == "Восточный Газовый Альянс"
    assert "new organisation: Восточный Газовый Альянс (transliteration unverified)" in candidate.flags


def test_a_new_organisation_is_named_without_its_legal_form(only) -> None:
    candidate = only("5 мая АО «КазТрансГаз» заявило о строительстве газопровода «Бейнеу — Бозой — Шымкент».")

    assert candidate.new_actors == [ProposedActor("kaztransgaz", "organisation", "KazTransGaz", "КазТрансГаз")]
    assert candidate.event["route_ids"] == ["beineu-bozoi-shymkent"]
    assert candidate.event["countries"] == ["KAZ"], "a named pipeline implies its countries when none is named"


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        ("18 января глава Минэнерго Узбекистана заявил о переговорах.", ["uz-energy-ministry"]),
        ("18 января казахстанское Минэнерго заявило о переговорах.", ["kz-energy-ministry"]),
        ("18 января «Газпром» и QazaqGaz подписали соглашение.", ["gazprom", "qazaqgaz"]),
        ("On 18 January the Kremlin said Gazprom would continue talks.", ["kremlin", "gazprom"]),
    ],
)
def test_organisations_are_matched_by_name_alias_and_country(only, text: str, organisations: list[str]) -> None:
    assert only(text).event["organisations"] == organisations


def test_a_ministry_without_a_country_is_flagged_not_guessed(only) -> None:
    candidate = only("18 января Скляр заявил, что Минэнерго готовит ответ.")

    assert candidate.event["organisations"] == []
    assert any(flag.startswith("organisation not identified: Минэнерго") for flag in candidate.flags)


def test_countries_come_from_names_places_adjectives_and_actors(extract) -> None:
    meeting = by_type(extract(ARTICLE_RU, dt.date(2023, 1, 26)))["agreement"]

    assert meeting.event["countries"] == ["UZB", "RUS"], "Tashkent first, then Gazprom's and Miller's Russia"


# --- event types and routes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("18 января Казахстан и Россия подписали дорожную карту.", "agreement"),
        ("18 января Скляр встретился с Новаком.", "meeting"),
        ("18 января Миллер принял гостей из Казахстана.", "meeting"),
        ("18 января Новак заявил, что поставки продолжатся.", "statement"),
        ("18 января Новак сообщил о продолжении переговоров.", "statement"),
        ("18 января Россия выдвинула инициативу о газовом союзе.", "proposal"),
        ("18 января Туркменистан приостановил экспорт газа в Узбекистан.", "disruption"),
        ("18 января Миллер сообщил, что Туркменистан прекратил поставки.", "disruption"),
        ("18 января начались поставки газа в Узбекистан.", "supply_change"),
        ("18 января Туркменистан возобновил экспорт газа.", "supply_change"),
        ("18 января началось строительство газопровода в Казахстане.", "construction"),
        ("On 18 January Gazprom resumed supplies to Uzbekistan.", "supply_change"),
        ("On 18 January Novak said talks with Kazakhstan would continue.", "statement"),
        ("On 18 January Turkmenistan halted exports, the ministry said.", "disruption"),
    ],
)
def test_the_strongest_trigger_decides_the_event_type(only, text: str, event_type: str) -> None:
    assert only(text).event["event_type"] == event_type


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("18 января Новак обсудил «газовый союз» с Узбекистаном.", "corr-ru-uz-via-kz"),
        ("18 января Туркменистан приостановил экспорт газа в Узбекистан.", "corr-tm-uz"),
        ("18 января Новак заявил о поставках газа в Афганистан.", "corr-ru-af-pk"),
        ("18 января Скляр обсудил поставки российского газа в Казахстан.", "corr-ru-kz"),
        ("18 января Новак назвал Китай покупателем российского газа.", "corr-ru-cn-union"),
        ("18 января Миллер заявил о ремонте газопровода «Средняя Азия — Центр».", "cac"),
        ("18 января Скляр обсудил добычу на Карачаганаке.", "karachaganak-orenburg"),
    ],
)
def test_routes_are_linked_by_name_and_by_rule(only, text: str, route: str) -> None:
    assert route in only(text).event["route_ids"]


# --- passages: one candidate per fact ----------------------------------------------------------------------


def test_the_undated_lede_is_not_an_event_and_undated_sentences_continue_the_passage(extract) -> None:
    candidates = extract(ARTICLE_RU, dt.date(2023, 1, 26))

    assert [c.event["date"] for c in candidates] == [dt.date(2023, 1, 24), dt.date(2023, 1, 25)]
    meeting = candidates[0]
    assert meeting.event["event_type"] == "agreement", "the signing two sentences later types the passage"
    assert meeting.event["participants"] == ["mirzamakhmudov", "miller"]


def test_a_reply_is_a_fact_of_its_own_dated_by_the_one_before(extract) -> None:
    candidates = extract("7 декабря министр энергетики Узбекистана Журабек Мирзамахмудов заявил, что газ будут "
                         "покупать по контрактам. Пресс-секретарь Кремля Дмитрий Песков ответил, что условий нет.")

    assert [c.event["participants"] for c in candidates] == [["mirzamakhmudov"], ["peskov"]]
    reply = candidates[1]
    assert (reply.event["date"], reply.event["date_precision"]) == (dt.date(2022, 12, 7), "approximate")
    assert reply.event["date_label_en"] == "c. 7 Dec 2022"
    assert "date not stated for this fact: taken from the preceding passage" in reply.flags
    assert reply.confidence < candidates[0].confidence


def test_the_same_fact_told_twice_is_one_candidate(extract) -> None:
    candidates = extract("18 января Скляр встретился с Миллером. 10 января Скляр встретился с Новаком. "
                         "18 января Скляр и Миллер подписали дорожную карту.")

    assert [c.event["date"] for c in candidates] == [dt.date(2023, 1, 18), dt.date(2023, 1, 10)]
    assert candidates[0].event["event_type"] == "agreement"


def test_a_date_with_nothing_happening_on_it_is_skipped(extract) -> None:
    assert extract("В 2021 году цены выросли. Погода 18 января была холодной.") == []


# --- English ------------------------------------------------------------------------------------------------


def test_english_text_finds_dates_places_and_known_actors_and_says_what_it_cannot(extract) -> None:
    candidates = extract(ARTICLE_EN, dt.date(2023, 1, 26))
    agreement, disruption = candidates

    assert agreement.event["participants"] == ["mirzamakhmudov", "miller"]
    assert agreement.event["place_name_en"] == "Tashkent"
    assert agreement.event["event_type"] == "agreement"
    assert (disruption.event["event_type"], disruption.event["date_precision"]) == ("disruption", "approximate")
    assert disruption.event["organisations"] == ["uz-energy-ministry"]
    assert disruption.event["route_ids"] == ["corr-tm-uz"]
    assert all(any(flag.startswith("English text") for flag in c.flags) for c in candidates)


def test_language_is_detected_and_can_be_forced(extract) -> None:
    assert language_of("Казахстан провел переговоры с QazaqGaz и Gazprom.") == "ru"
    assert language_of("Kazakhstan held talks (переговоры) with Gazprom.") == "en"
    assert set(LANGUAGE_SUPPORT) == {"ru", "en"}
    assert all(set(texts) == {"en", "ru"} and all(texts.values()) for texts in LANGUAGE_SUPPORT.values())
    with pytest.raises(ValueError, match="not supported"):
        extract("18 января стороны встретились.", lang="de")


# --- bad input ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\u00a0 "])
def test_an_empty_text_is_an_article_error(extract, text: str) -> None:
    with pytest.raises(ArticleError, match="empty"):
        extract(text)


def test_a_publication_date_in_the_future_is_refused(extract) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)

    with pytest.raises(ValueError, match=f"publication date {tomorrow.isoformat()} is in the future"):
        extract("18 января стороны встретились.", tomorrow)


# --- confidence and duplicates ------------------------------------------------------------------------------


def test_confidence_grows_with_what_was_resolved(only) -> None:
    precise = only("18 января в Санкт-Петербурге Скляр встретился с Миллером.")
    vague = only("Ранее в Туркменистане заявили о проблемах.")

    # day 1.0, town 0.9, both people known 1.0, "встретился" 0.8 — weighted 0.35 / 0.25 / 0.25 / 0.15
    assert precise.confidence == round(0.35 * 1.0 + 0.25 * 0.9 + 0.25 * 1.0 + 0.15 * 0.8, 3)
    assert vague.confidence < 0.5
    assert "event type guessed: no trigger word found" not in precise.flags


def test_duplicates_share_a_participant_or_a_place_within_the_window(only, atlas) -> None:
    # Two stored events four days either side of 14 January, both with Sklyar: the 10 January meeting
    # with Novak and the 18 January roadmap (the comparison is with these two, whatever else the atlas holds).
    stored = atlas.events[atlas.events["id"].isin({"ev-2023-01-10-sklyar-novak",
                                                   "ev-2023-01-18-gazprom-kazakhstan-roadmap"})]
    assert len(stored) == 2

    candidate = only("На предыдущей неделе, 10 января, Скляр встретился с Новаком.")
    assert find_duplicates(candidate, stored) == ["ev-2023-01-10-sklyar-novak"]

    later = only("14 января Скляр встретился с Новаком.")
    assert find_duplicates(later, stored) == []
    assert find_duplicates(later, stored, window_days=4) == ["ev-2023-01-10-sklyar-novak",
                                                             "ev-2023-01-18-gazprom-kazakhstan-roadmap"]


def test_a_duplicate_by_place_needs_a_real_place_not_a_country_placeholder(only, atlas) -> None:
    in_petersburg = only("9 февраля в Санкт-Петербурге прошли переговоры.", dt.date(2023, 2, 10))
    in_russia = only("21 января в России прошли переговоры.", dt.date(2023, 1, 25))

    assert find_duplicates(in_petersburg, atlas.events) == ["ev-2023-02-09-trilateral-route-review"]
    assert find_duplicates(in_russia, atlas.events) == []


def test_english_sentences_do_not_end_at_abbreviations() -> None:
    text = "Dr. Miller met Mr. Sklyar on Jan. 18 in St. Petersburg. Talks went well!\n\nThe U.S. was not involved."
    sentences = read_english(text)

    assert [s.text for s in sentences] == ["Dr. Miller met Mr. Sklyar on Jan. 18 in St. Petersburg.",
                                           "Talks went well!", "The U.S. was not involved."]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
