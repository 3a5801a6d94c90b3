"""From an article to candidate events: who, what, where and when, each as the reviewer needs it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace

import pandas as pd
import pytest

from gasatlas.dataset.load import validate_additions
from gasatlas.i18n import gettext
from gasatlas.model.schema import EVENT_COLUMNS, Event
from gasatlas.news.extract import ArticleError, Candidate, ProposedActor, extract_events, find_duplicates, language_of
from gasatlas.news.extract.english import read_english
from gasatlas.news.extract.sentences import LANGUAGE_SUPPORT, LANGUAGES
from tests.unit.news.extract.conftest import SOURCE

ARTICLE_RU = (
    "Казахстан и Россия обсудили поставки газа. Об этом сообщило правительство.\n\n"
    "24 января в Ташкенте министр энергетики Узбекистана Журабек Мирзамахмудов встретился с главой «Газпрома» "
    "Алексеем Миллером. Стороны подписали дорожную карту.\n\n"
    "Мирзамахмудов отметил, что поставки российского газа в Узбекистан начнутся в марте.\n\n"
    "Вчера Иван Петров, глава компании «Восточный Газовый Альянс», заявил, что компания готова участвовать "
    "в проекте. Петров также упомянул Бухару.")

ARTICLE_EN = (
    "Gas talks continue.\n\n"
    "On 24 January Uzbekistan's energy minister Zhurabek Mirzamakhmudov met Gazprom chief Alexey Miller "
    "in Tashkent. The sides signed a roadmap.\n\n"
    "Turkmenistan halted gas exports to Uzbekistan last week, the Uzbek energy ministry said.")


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
    assert len(events) == len(candidates) == 3
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
    assert (candidate.event["date"], candidate.event["date_precision"]) == (dt.date(2022, 11, 25), "part_of_month")
    assert (candidate.event["date_label_en"], candidate.event["date_label_ru"]) == ("late Nov 2022",
                                                                                    "конец ноября 2022")


def test_titles_and_summaries_are_built_from_the_fields_in_both_languages(extract) -> None:
    meeting = by_type(extract(ARTICLE_RU, dt.date(2023, 1, 26)))["agreement"]

    assert meeting.event["title_en"] == "Zhurabek Mirzamakhmudov and Alexey Miller sign an agreement in Tashkent"
    assert meeting.event["title_ru"] == "Стороны подписали дорожную карту", "the clause of the signing"
    assert any(flag.startswith("titles are machine-made") for flag in meeting.flags)
    assert meeting.event["summary_en"] == ("Agreement involving Uzbekistan and Russia, reported by "
                                           "Test Wire: gas news on 26 Jan 2023; see the quoted sentence.")
    assert meeting.event["summary_ru"] == ("Соглашение (страны: Узбекистан и Россия); сообщение: "
                                           "Test Wire: gas news, 26 января 2023; см. цитату.")


def test_a_russian_title_is_the_main_clause_without_its_date_and_asides(only) -> None:
    candidate = only("18 января, как сообщают источники, Туркменистан приостановил экспорт газа в Узбекистан после "
                     "аварии на газопроводе.")

    assert candidate.event["title_ru"] == ("Туркменистан приостановил экспорт газа в Узбекистан "
                                           "после аварии на газопроводе")
    assert candidate.event["title_en"] == "Turkmenistan–Uzbekistan: disruption"


def test_a_statement_is_titled_by_who_said_what(only) -> None:
    candidate = only("18 января министр энергетики Узбекистана Журабек Мирзамахмудов заявил, что республика "
                     "намерена импортировать газ по контрактам.")

    assert candidate.event["title_ru"] == ("Журабек Мирзамахмудов: Республика намерена импортировать газ по "
                                           "контрактам")
    assert candidate.event["title_en"] == "Zhurabek Mirzamakhmudov makes a statement"


def test_the_quote_is_the_dated_sentence_verbatim(extract) -> None:
    meeting = by_type(extract(ARTICLE_RU, dt.date(2023, 1, 26)))["agreement"]

    assert meeting.event["quote"] == ("24 января в Ташкенте министр энергетики Узбекистана Журабек Мирзамахмудов "
                                      "встретился с главой «Газпрома» Алексеем Миллером.")
    assert meeting.sentence_index == 2, "the lede's two sentences come first"


def test_a_long_quote_is_cut_at_a_word_and_marked(only) -> None:
    text = "18 января Скляр встретился с Новаком, " + "и стороны обсуждали газ " * 30 + "долго."
    quote = only(text).event["quote"]

    assert len(quote) <= 400
    assert quote.endswith("газ…")
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
        ("18 января Туркменистан приостановил экспорт газа в Узбекистан после аварии.", "disruption"),
        ("18 января Туркменистан приостановил экспорт газа в Узбекистан.", "supply_change"),
        ("18 января Минэнерго сообщило, что Туркменистан прекратил поставки после аварии.", "disruption"),
        ("18 января Узбекистан увеличил импорт газа на 15%.", "supply_change"),
        ("18 января прошла церемония запуска поставок газа в Узбекистан.", "supply_change"),
        ("18 января Газпром и Узбекистан провели переговоры для увеличения поставок газа.", "meeting"),
        ("18 января начались поставки газа в Узбекистан.", "supply_change"),
        ("18 января Туркменистан возобновил экспорт газа.", "supply_change"),
        ("18 января началось строительство газопровода в Казахстане.", "construction"),
        ("On 18 January Gazprom resumed supplies to Uzbekistan.", "supply_change"),
        ("On 18 January Novak said talks with Kazakhstan would continue.", "statement"),
        ("On 18 January Turkmenistan halted exports after a pipeline accident, the ministry said.", "disruption"),
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


def test_the_undated_lede_is_the_news_of_the_publication_day(extract) -> None:
    candidates = extract(ARTICLE_RU, dt.date(2023, 1, 26))

    assert [c.event["date"] for c in candidates] == [dt.date(2023, 1, 26), dt.date(2023, 1, 24), dt.date(2023, 1, 25)]
    lede, meeting, petrov = candidates
    assert lede.event["countries"] == ["KAZ", "RUS"]
    assert "date not stated: the day of the report, 26 Jan 2023" in lede.flags
    assert meeting.event["event_type"] == "agreement", "the signing one sentence later types the passage"
    assert meeting.event["participants"] == ["mirzamakhmudov", "miller"], \
        "Mirzamakhmudov's undated words in the next paragraph stay with him, not with the lede"
    assert petrov.event["countries"] == ["UZB"], "Bukhara, mentioned, says which country, not where"


def test_a_dated_retelling_of_the_lede_dates_it(extract) -> None:
    candidates = extract("Узбекистан подписал соглашение с Туркменистаном об импорте газа.\n\n"
                         "Как передает Reuters, Узбекистан импортирует газ ежедневно.\n\n"
                         "Напомним, соглашение было подписано 12 декабря, когда глава администрации "
                         "президента Узбекистана Сардор Умурзаков встретился с "
                         "президентом Туркменистана.", dt.date(2022, 12, 17))

    assert [(c.event["date"], c.event["event_type"]) for c in candidates] == [
        (dt.date(2022, 12, 12), "agreement"), (dt.date(2022, 12, 12), "meeting")], "signed when they met: two facts"
    assert candidates[0].sentence_index == 0, "the lede leads"


def test_the_dateline_dates_the_lede_and_places_nothing(extract) -> None:
    candidates = extract("МОСКВА, 19 января — РИА Новости. Туркменистан приостановил экспорт газа в Узбекистан.")

    assert candidates[0].event["date"] == dt.date(2023, 1, 19)
    assert candidates[0].event["geo_precision"] == "country"
    assert "dateline not used as the place: МОСКВА" in candidates[0].flags


def test_what_was_said_is_dated_apart_from_the_saying(extract) -> None:
    candidates = extract("Министерство энергетики Узбекистана ранее заявило, что поставки начнутся с 1 октября.",
                         dt.date(2023, 9, 20))

    assert [(c.event["event_type"], c.event["date"], c.event["date_precision"]) for c in candidates] == [
        ("statement", dt.date(2023, 9, 19), "approximate")]


def test_a_happening_and_who_told_it_in_one_sentence_are_one_candidate_naming_its_source(extract) -> None:
    candidates = extract("Оренбургский газоперерабатывающий завод возобновил прием газа с месторождения "
                         "Карачаганак, сообщил министр энергетики Казахстана Ерлан Аккенженов.", dt.date(2025, 10, 22))

    assert [(c.event["event_type"], c.event["participants"]) for c in candidates] == [("supply_change", [])], \
        "issue 21: one event in one article is one candidate; the minister told of the restart, he did not restart"
    assert candidates[0].event["date"] == dt.date(2025, 10, 22)
    assert "orenburg-gpp" in candidates[0].event["facility_ids"]
    assert any(flag.startswith("reported by: Yerlan Akkenzhenov") for flag in candidates[0].flags)


def test_a_quote_and_a_speaker_are_no_date_and_no_place(extract) -> None:
    candidates = extract("«Ранее газ в этом направлении не поставлялся», — отметили в Кремле.", dt.date(2023, 10, 7))

    assert all(c.event["date_precision"] != "approximate" for c in candidates), "ранее inside a quote is no date"
    assert all(c.event["place_name_en"] != "Kremlin, Moscow" for c in candidates), "the Kremlin speaks here"


def test_an_outlets_cross_link_is_not_an_event(extract) -> None:
    assert extract("Ранее «Курсив» писал, что «Газпром» ищет новые маршруты в Узбекистан.", dt.date(2023, 12, 30)) == []
    kept = extract("Ранее Spot писал, что Туркменистан приостановил экспорт газа в Узбекистан после аварии.")
    assert [c.event["event_type"] for c in kept] == ["disruption"], "the happening it links to still counts"


def test_one_person_however_spelled_is_one_proposed_actor(extract) -> None:
    candidates = extract("Об этом сообщил глава МИД РФ Сергей Лавров.\n\n«Мы договариваемся», — отметил "
                         "глава МИД РФ С. Лавров.", dt.date(2023, 9, 1))

    assert {a.id for c in candidates for a in c.new_actors} == {"sergei-lavrov"}


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
                         "18 января Скляр и Миллер подписали дорожную карту. Скляр и Миллер 18 января "
                         "подписали дорожную карту в Санкт-Петербурге.")

    assert [(c.event["date"], c.event["event_type"]) for c in candidates] == [
        (dt.date(2023, 1, 18), "meeting"), (dt.date(2023, 1, 10), "meeting"), (dt.date(2023, 1, 18), "agreement")]


def test_a_day_told_again_within_its_month_is_one_fact_dated_by_the_day(extract) -> None:
    candidates = extract("В январе «Газпром» и правительство Казахстана подписали дорожную карту.\n\n"
                         "Дорожная карта «Газпрома» и правительства Казахстана подписана 18 января.")

    assert [(c.event["date"], c.event["date_precision"]) for c in candidates] == [(dt.date(2023, 1, 18), "day")]


def test_a_date_with_nothing_happening_on_it_is_skipped(extract) -> None:
    assert extract("В 2021 году цены выросли. Погода 18 января была холодной.") == []


# --- English ------------------------------------------------------------------------------------------------


def test_english_text_finds_dates_places_and_known_actors_and_says_what_it_cannot(extract) -> None:
    candidates = extract(ARTICLE_EN, dt.date(2023, 1, 26))
    agreement, disruption = candidates

    assert agreement.event["participants"] == ["mirzamakhmudov", "miller"]
    assert agreement.event["place_name_en"] == "Tashkent"
    assert agreement.event["event_type"] == "agreement"
    assert (disruption.event["event_type"], disruption.event["date_precision"]) == ("supply_change", "approximate"), \
        "a halt without an accident is a decision about supplies"
    assert disruption.event["organisations"] == ["uz-energy-ministry"]
    assert disruption.event["route_ids"] == ["corr-tm-uz"]
    assert all(any(flag.startswith("English text") for flag in c.flags) for c in candidates)


def test_language_is_detected_and_can_be_forced(extract) -> None:
    assert language_of("Казахстан провел переговоры с QazaqGaz и Gazprom.") == "ru"
    assert language_of("Kazakhstan held talks (переговоры) with Gazprom.") == "en"
    assert set(LANGUAGE_SUPPORT) == set(LANGUAGES)
    assert all(gettext(LANGUAGE_SUPPORT[article], reader) for article in LANGUAGES for reader in ("en", "ru")), \
        "the page says what works for every language it reads, in both interface languages"
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
    assert precise.confidence == round(0.35 * 1.0 + 0.25 * 0.9 + 0.25 * 1.0 + 0.15 * 0.85, 3)
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
    assert find_duplicates(later, stored, window_days=4) == ["ev-2023-01-10-sklyar-novak"], \
        "the roadmap Sklyar signed four days later is another type of fact"


def test_an_announcement_is_not_the_launch_it_announces(only, atlas) -> None:
    announced = only("5 октября Путин объявил о запуске поставок газа в Узбекистан.", dt.date(2023, 10, 6))

    assert announced.event["event_type"] == "statement"
    found = find_duplicates(announced, atlas.events)
    assert "ev-2023-10-05-putin-valdai-announces-supplies" in found
    assert "ev-2023-10-07-supplies-to-uzbekistan-launched" not in found
    launch = atlas.events[atlas.events["id"] == "ev-2023-10-07-supplies-to-uzbekistan-launched"]
    assert find_duplicates(announced, launch) == [], "the launch on 7 October is another fact"


def test_dates_are_compared_as_periods_not_by_their_representative_day(only, atlas) -> None:
    """"в ноябре 2022 года" is held as 15 November; it still covers the proposal of 28 November."""
    monthly = only("В ноябре 2022 года Путин предложил Токаеву создать газовый союз.", dt.date(2023, 1, 20))

    assert (monthly.event["date"], monthly.event["date_precision"]) == (dt.date(2022, 11, 15), "month")
    assert find_duplicates(monthly, atlas.events) == ["ev-2022-11-28-gas-union-proposed"]


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


def test_a_fact_told_without_a_date_takes_the_year_of_the_forum_it_names(extract) -> None:
    candidates = extract("Президент Казахстана Касым-Жомарт Токаев заявил, что транзит газа оказался успешным.\n\n"
                         "Договор о транзите газа «Газпром» подписал с казахстанской компанией QazaqGaz на ПМЭФ-2023.",
                         dt.date(2025, 11, 15))

    signed = by_type(candidates)["agreement"]
    assert (signed.event["date"], signed.event["date_precision"]) == (dt.date(2023, 7, 1), "year")
    assert any("ПМЭФ-2023" in flag for flag in signed.flags)
    assert by_type(candidates)["statement"].event["date"] == dt.date(2025, 11, 15), "the forum's year is no date "\
        "for a sentence that has one"


def test_a_date_known_only_to_its_year_needs_more_than_one_shared_person(only, atlas) -> None:
    """The 2024 Far Eastern route agreement (year precision, with Miller) is not every 2024 agreement Miller signed."""
    yearly = atlas.events[atlas.events["id"] == "ev-2024-pmgf-far-eastern-route-coordination"].assign(
        date=pd.Timestamp("2024-07-01"), date_precision="year")  # as it was entered before its days were found
    elsewhere = only("14 марта 2024 года Алексей Миллер подписал соглашение "
                     "на Оренбургском газоперерабатывающем заводе.",
                     dt.date(2024, 3, 15))
    same_city = only("14 марта 2024 года Алексей Миллер подписал соглашение в Санкт-Петербурге.",
                      dt.date(2024, 3, 15))

    assert find_duplicates(elsewhere, yearly) == []
    assert find_duplicates(same_city, yearly) == ["ev-2024-pmgf-far-eastern-route-coordination"]
