"""The data dictionary: what every column of every data file means, in English and Russian.

A test holds this table to the models in ``gasatlas.model.schema``, so a new field
cannot ship undocumented.
"""

from __future__ import annotations

import pandas as pd

from gasatlas.model.vocab import Lang

Entry = tuple[str, str]  # (English, Russian)

DICTIONARY: dict[str, dict[str, Entry]] = {
    "events.csv": {
        "id": ("Unique slug of the event", "Уникальный идентификатор события"),
        "date": ("The day the event happened; for every precision but day a representative day of the period",
                 "День события; для всех точностей, кроме дня, — условный день периода"),
        "date_precision": (("How well the date is known: day, part_of_month (early/mid/late), range (of days, "
                            "held as its first day), month, quarter, season, year or approximate (within a week)"),
                           ("Насколько точно известна дата: день, часть месяца (начало/середина/конец), период "
                            "в несколько дней (хранится первый день), месяц, квартал, сезон, год или "
                            "приблизительно (в пределах недели)")),
        "date_label_en": ("The source's own wording of an imprecise date, in English",
                          "Формулировка неточной даты в источнике, по-английски"),
        "date_label_ru": ("The source's own wording of an imprecise date, in Russian",
                          "Формулировка неточной даты в источнике, по-русски"),
        "title_en": ("Short title in English (our wording)", "Краткий заголовок по-английски (наша формулировка)"),
        "title_ru": ("Short title in Russian (our wording)", "Краткий заголовок по-русски (наша формулировка)"),
        "summary_en": ("Summary in English, written for the atlas", "Описание по-английски, написанное для атласа"),
        "summary_ru": ("Summary in Russian, written for the atlas", "Описание по-русски, написанное для атласа"),
        "event_type": ("meeting, agreement, statement, proposal, supply_change, disruption or construction",
                       "встреча, соглашение, заявление, предложение, изменение поставок, перебой или строительство"),
        "place_name_en": ("Where it happened, in English; says so when the place is not reported",
                          "Где это произошло, по-английски; если место не указано — так и сказано"),
        "place_name_ru": ("Where it happened, in Russian", "Где это произошло, по-русски"),
        "place_country": ("ISO 3166-1 alpha-3 code of the country the point lies in",
                          "Код ISO 3166-1 alpha-3 страны, в которой стоит точка"),
        "lat": ("Latitude of the point, WGS84 degrees", "Широта точки, градусы WGS84"),
        "lon": ("Longitude of the point, WGS84 degrees", "Долгота точки, градусы WGS84"),
        "geo_precision": ("How well the place is known: exact site, town, approximate, or country only",
                          "Насколько точно известно место: точное, населённый пункт, приблизительно или только страна"),
        "countries": ("Countries the event concerns (ISO3, ';'-separated)",
                      "Страны, которых касается событие (ISO3 через ';')"),
        "participants": ("People taking part (actor ids, ';'-separated)", "Участники (идентификаторы через ';')"),
        "organisations": ("Organisations involved (actor ids, ';'-separated)",
                          "Организации (идентификаторы через ';')"),
        "route_ids": ("Routes the event concerns (route ids)", "Маршруты, которых касается событие"),
        "facility_ids": ("Facilities the event concerns (facility ids)", "Объекты, которых касается событие"),
        "source_title": ("The publication and headline the event rests on", "Издание и заголовок источника"),
        "source_url": ("Link to the source", "Ссылка на источник"),
        "quote": ("At most one sentence of the source, in its language", "Не более одного предложения источника"),
        "also_reported": ("Other reports of the same event (URLs, ';'-separated)",
                          "Другие сообщения о том же событии (ссылки через ';')"),
        "volume_bcm": ("Gas volume the source gives, bcm (a report's number, not a flow figure)",
                       "Объём газа по данным источника, млрд м³ (цифра сообщения, а не поток)"),
        "volume_period": ("What the volume is for: year, day or total; set with the volume",
                          "К чему относится объём: year (в год), day (в сутки) или total (всего); вместе с объёмом"),
        "price_usd_per_mcm": ("Price the source gives, US dollars per 1,000 m³",
                              "Цена по данным источника, долларов США за 1000 м³"),
        "contract_years": ("Contract length the source gives, years", "Срок контракта по данным источника, лет"),
    },
    "routes.geojson": {
        "id": ("Unique slug of the route", "Уникальный идентификатор маршрута"),
        "name_en": ("Name in English", "Название по-английски"),
        "name_ru": ("Name in Russian", "Название по-русски"),
        "kind": ("pipeline, proposed_pipeline, or supply_corridor (a supply direction without a pipe of its own)",
                 "газопровод, проектируемый газопровод или направление поставок без собственной трубы"),
        "capacity_bcm": ("Capacity in billion cubic metres a year, as the source gives it",
                         "Мощность, млрд м³ в год, по источнику"),
        "length_km": ("Length in kilometres", "Протяжённость, км"),
        "countries": ("Countries the route crosses or serves (ISO3)", "Страны маршрута (ISO3)"),
        "operator": ("Operator or owners, in English", "Оператор или владельцы, по-английски"),
        "operator_ru": ("Operator or owners, in Russian", "Оператор или владельцы, по-русски"),
        "description_en": ("Description in English", "Описание по-английски"),
        "description_ru": ("Description in Russian", "Описание по-русски"),
        "geometry_quality": ("surveyed (traced line) or schematic (drawn through waypoints)",
                             "по съёмке или схематичная (через опорные точки)"),
        "geometry_source": ("How the line is built: Global Energy Monitor project ids or waypoints",
                            "Как построена линия: проекты Global Energy Monitor или опорные точки"),
        "geometry_licence": ("Whose line it is, and so whom to credit (gem_osm, gem, atlas)",
                             "Чья это линия и кого указывать (gem_osm, gem, atlas)"),
        "status_history": (
            "Dated statuses (operating, reversed, suspended, under construction, proposed, mothballed) and flow",
            "Статусы по датам с направлением потока",
        ),
        "source_title": ("The publication the route's facts rest on", "Источник сведений о маршруте"),
        "source_url": ("Link to the source", "Ссылка на источник"),
    },
    "facilities.csv": {
        "id": ("Unique slug of the facility", "Уникальный идентификатор объекта"),
        "name_en": ("Name in English", "Название по-английски"),
        "name_ru": ("Name in Russian", "Название по-русски"),
        "kind": ("processing_plant, gas_field, compressor_station, border_crossing, pipeline_hub or headquarters",
                 "ГПЗ, месторождение, компрессорная станция, погранпереход, узел или штаб-квартира"),
        "country": ("ISO3 code of the country it lies in", "Код ISO3 страны расположения"),
        "lat": ("Latitude, WGS84", "Широта, WGS84"),
        "lon": ("Longitude, WGS84", "Долгота, WGS84"),
        "geo_precision": ("exact, town or approximate", "точно, населённый пункт или приблизительно"),
        "capacity_bcm": ("Capacity in billion cubic metres a year, if known", "Мощность, млрд м³ в год, если известна"),
        "note_en": ("Notes in English", "Примечания по-английски"),
        "note_ru": ("Notes in Russian", "Примечания по-русски"),
        "source_title": ("The publication the facility's facts rest on", "Источник сведений об объекте"),
        "source_url": ("Link to the source", "Ссылка на источник"),
    },
    "actors.csv": {
        "id": ("Unique slug of the person or organisation", "Уникальный идентификатор"),
        "kind": ("person or organisation", "персона или организация"),
        "name_en": ("Name in English", "Имя или название по-английски"),
        "name_ru": ("Name in Russian", "Имя или название по-русски"),
        "role_en": ("Role at the time of the events, in English", "Должность на момент событий, по-английски"),
        "role_ru": ("Role at the time of the events, in Russian", "Должность на момент событий, по-русски"),
        "country": ("ISO3 code of the actor's country", "Код ISO3 страны"),
        "source_title": ("Where the role is stated", "Где указана должность"),
        "source_url": ("Link to the source", "Ссылка на источник"),
    },
    "flows.csv": {
        "id": ("Unique slug of the figure", "Уникальный идентификатор показателя"),
        "route_id": ("The route the gas moved along (a route id of routes.geojson)",
                     "Маршрут, по которому шёл газ (идентификатор из routes.geojson)"),
        "from_country": ("ISO3 code of the country the gas came from", "Код ISO3 страны, откуда шёл газ"),
        "to_country": ("ISO3 code of the country the gas went to", "Код ISO3 страны, куда шёл газ"),
        "period": (("The period the source gives the volume for: a year (2023), a quarter (2023-Q4) or a "
                    "month (2023-10)"),
                   ("Период, за который источник приводит объём: год (2023), квартал (2023-Q4) или месяц "
                    "(2023-10)")),
        "volume_bcm": ("Volume in billion cubic metres, converted from the source's unit but never interpolated",
                       "Объём, млрд м³, переведённый из единиц источника, но не досчитанный"),
        "value_kind": (("reported (gas that moved), estimate, contract (promised or planned), capacity (what "
                        "the route could carry) or gap (no public figure found; volume empty): only the first two "
                        "are gas that moved"),
                       ("фактически (по отчётам), оценка, контракт (обещанный или плановый объём), мощность или "
                        "пробел (публичной цифры нет; объём пуст): газом, который прошёл, считаются только первые "
                        "два")),
        "source_title": ("The publication the figure rests on (for a gap: the closest report, if any)",
                         "Издание, в котором приведена цифра (для пробела — ближайшее сообщение, если есть)"),
        "source_url": ("Link to the source", "Ссылка на источник"),
        "quote": ("The source's sentence that gives the figure, in its language (empty for a gap)",
                  "Фраза источника с этой цифрой, на его языке (пусто для пробела)"),
        "note_en": ("Notes in English (other reports, what the figure covers)",
                    "Примечания по-английски (другие данные, что охватывает цифра)"),
        "note_ru": ("Notes in Russian", "Примечания по-русски"),
        "scope": (("country (between the two countries named; the default) or route_total (a pipeline's whole "
                   "throughput, several origins at once: never added into a country's balance)"),
                  ("country (между двумя названными странами; по умолчанию) или route_total (весь поток "
                   "газопровода из нескольких стран сразу: в баланс страны не входит)")),
        "purpose": (("trade (the default) or processing (sent across a border to be processed and returned: "
                     "neither an export nor an import)"),
                    ("trade (по умолчанию) или processing (отправлен за границу на переработку с возвратом: "
                     "ни экспорт, ни импорт)")),
        "via": ("Transit countries the gas crossed, in order (ISO3 codes separated by ';')",
                "Страны транзита по порядку (коды ISO3 через ';')"),
        "choice": (("chosen (the figure the atlas uses; the default) or alternative (another source's different "
                    "figure, shown beside it and never added or averaged)"),
                   ("chosen (цифра, которую использует атлас; по умолчанию) или alternative (иная цифра другого "
                    "источника: показывается рядом, не складывается и не усредняется)")),
        "searched": ("For a gap row: what was searched, where, and what was found instead",
                     "Для пробела: что и где искали и что нашли вместо цифры"),
        "source_date": ("Publication date of the source (YYYY-MM-DD), if known",
                        "Дата публикации источника (ГГГГ-ММ-ДД), если известна"),
        "retrieved": ("The day the figure was last checked against its source (YYYY-MM-DD)",
                      "День последней сверки цифры с источником (ГГГГ-ММ-ДД)"),
    },
    "countries.geojson": {
        "iso_a3": ("ISO 3166-1 alpha-3 code", "Код ISO 3166-1 alpha-3"),
        "name_en": ("Name in English", "Название по-английски"),
        "name_ru": ("Name in Russian", "Название по-русски"),
        "focus": ("true for the seven countries the atlas is about", "true для семи стран, о которых атлас"),
        "label_lat": ("Latitude of the label, and of events whose place is not reported",
                      "Широта подписи и событий с неизвестным местом"),
        "label_lon": ("Longitude of the label", "Долгота подписи"),
    },
}


def dictionary_frame(lang: Lang) -> pd.DataFrame:
    """Every documented column as rows of (file, column, meaning)."""
    index = 0 if lang == "en" else 1
    return pd.DataFrame(
        [(file, column, entry[index]) for file, columns in DICTIONARY.items() for column, entry in columns.items()],
        columns=["file", "column", "meaning"],
    )
