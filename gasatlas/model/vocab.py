"""Controlled vocabularies of the dataset, with their English and Russian labels.

Every code that may appear in a data file is defined here once, so validation,
filters, the legend and both languages agree on the same list.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Lang = Literal["en", "ru"]
LANGUAGES: tuple[Lang, ...] = ("en", "ru")


class RouteStatus(StrEnum):
    OPERATING = "operating"
    REVERSED = "reversed"
    SUSPENDED = "suspended"
    UNDER_CONSTRUCTION = "under_construction"
    PROPOSED = "proposed"
    MOTHBALLED = "mothballed"


class RouteKind(StrEnum):
    PIPELINE = "pipeline"
    PROPOSED_PIPELINE = "proposed_pipeline"
    SUPPLY_CORRIDOR = "supply_corridor"


class GeometryQuality(StrEnum):
    SURVEYED = "surveyed"
    SCHEMATIC = "schematic"


class GeometryLicence(StrEnum):
    """Where a route's line comes from, and so which attribution it needs."""

    GEM_OSM = "gem_osm"
    GEM = "gem"
    ATLAS = "atlas"


class EventType(StrEnum):
    MEETING = "meeting"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    PROPOSAL = "proposal"
    SUPPLY_CHANGE = "supply_change"
    DISRUPTION = "disruption"
    CONSTRUCTION = "construction"


class FacilityKind(StrEnum):
    PROCESSING_PLANT = "processing_plant"
    GAS_FIELD = "gas_field"
    COMPRESSOR_STATION = "compressor_station"
    BORDER_CROSSING = "border_crossing"
    PIPELINE_HUB = "pipeline_hub"
    HEADQUARTERS = "headquarters"


class DatePrecision(StrEnum):
    """How far a date can be trusted, finest first. Every precision but ``day`` holds a
    representative day of its period (``gasatlas.model.periods``): ``part_of_month`` is the early,
    middle or late third of a month, ``quarter`` and ``season`` three months, ``range`` a stated
    span of days (held as its first day), ``approximate`` within about a week."""

    DAY = "day"
    PART_OF_MONTH = "part_of_month"
    RANGE = "range"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    APPROXIMATE = "approximate"


class RecordStatus(StrEnum):
    """Where a record added in the app stands: only ``published`` ones are on the public atlas."""

    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    DELETED = "deleted"


class GeoPrecision(StrEnum):
    """How far a coordinate can be trusted.

    ``exact``: the site itself; ``town``: the settlement it is in or next to;
    ``approximate``: unverified, within tens of kilometres; ``country``: only
    the country is known and the point is that country's label point.
    """

    EXACT = "exact"
    TOWN = "town"
    APPROXIMATE = "approximate"
    COUNTRY = "country"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class FlowKind(StrEnum):
    """What a volume in ``flows.csv`` is: only ``reported`` and ``estimate`` say how much gas moved.

    ``contract`` is a volume promised or planned, ``capacity`` what a route could carry:
    neither is ever shown as gas that moved.
    """

    REPORTED = "reported"
    ESTIMATE = "estimate"
    CONTRACT = "contract"
    CAPACITY = "capacity"
    GAP = "gap"


class FlowScope(StrEnum):
    """Whom a figure is about: gas between two countries, or a pipeline's whole throughput (several origins at
    once, as operators and transit countries report it), which is kept beside the per-country figures and never
    added into a country's balance."""

    COUNTRY = "country"
    ROUTE_TOTAL = "route_total"


class FlowPurpose(StrEnum):
    """Why the gas crossed: bought and sold, or sent abroad to be processed (Karachaganak raw gas at the Orenburg
    plant), which is neither an export nor an import of the gas itself."""

    TRADE = "trade"
    PROCESSING = "processing"


class FlowChoice(StrEnum):
    """Where two sources give different figures for the same thing, the one the atlas uses and the other shown
    beside it, never averaged."""

    CHOSEN = "chosen"
    ALTERNATIVE = "alternative"


class VolumePeriod(StrEnum):
    """What an event's volume is for: a year (a contract's annual volume), a day, or the whole deal.
    Its words are in ``gasatlas.i18n`` (``volume_year``…): "day" and "year" already label date precisions here."""

    YEAR = "year"
    DAY = "day"
    TOTAL = "total"


LABELS: dict[str, dict[Lang, str]] = {
    # route statuses
    "operating": {"en": "Operating", "ru": "Действует"},
    "reversed": {"en": "Reversed flow", "ru": "Реверс"},
    "suspended": {"en": "Suspended", "ru": "Приостановлен"},
    "under_construction": {"en": "Under construction", "ru": "Строится"},
    "proposed": {"en": "Proposed", "ru": "Предложен"},
    "mothballed": {"en": "Mothballed", "ru": "Законсервирован"},
    # route kinds
    "pipeline": {"en": "Pipeline", "ru": "Газопровод"},
    "proposed_pipeline": {"en": "Proposed pipeline", "ru": "Проектируемый газопровод"},
    "supply_corridor": {"en": "Supply direction (no own pipe)", "ru": "Направление поставок (без своей трубы)"},
    # geometry quality
    "surveyed": {"en": "Surveyed route", "ru": "Трасса по съёмке"},
    "schematic": {"en": "Schematic line", "ru": "Схематичная линия"},
    # geometry licences
    "gem_osm": {
        "en": "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0), "
              "traced from © OpenStreetMap contributors (ODbL 1.0)",
        "ru": "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0), "
              "по данным © участников OpenStreetMap (ODbL 1.0)",
    },
    "gem": {
        "en": "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0)",
        "ru": "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0)",
    },
    "atlas": {
        "en": "Schematic line drawn by Central Asia Gas Atlas through the waypoints named in its source",
        "ru": "Схематичная линия Central Asia Gas Atlas через точки, названные в источнике",
    },
    # event types
    "meeting": {"en": "Meeting", "ru": "Встреча"},
    "agreement": {"en": "Agreement", "ru": "Соглашение"},
    "statement": {"en": "Statement", "ru": "Заявление"},
    "proposal": {"en": "Proposal", "ru": "Предложение"},
    "supply_change": {"en": "Supply change", "ru": "Изменение поставок"},
    "disruption": {"en": "Disruption", "ru": "Перебой"},
    "construction": {"en": "Construction", "ru": "Строительство"},
    # facility kinds
    "processing_plant": {"en": "Gas processing plant", "ru": "Газоперерабатывающий завод"},
    "gas_field": {"en": "Gas field", "ru": "Месторождение"},
    "compressor_station": {"en": "Compressor station", "ru": "Компрессорная станция"},
    "border_crossing": {"en": "Border crossing", "ru": "Пограничный переход"},
    "pipeline_hub": {"en": "Pipeline hub", "ru": "Узел газопроводов"},
    "headquarters": {"en": "Headquarters", "ru": "Штаб-квартира"},
    # date precision
    "day": {"en": "exact day", "ru": "точная дата"},
    "part_of_month": {"en": "part of a month", "ru": "часть месяца"},
    "range": {"en": "range of days", "ru": "период в несколько дней"},
    "month": {"en": "month only", "ru": "с точностью до месяца"},
    "quarter": {"en": "quarter only", "ru": "с точностью до квартала"},
    "season": {"en": "season only", "ru": "с точностью до сезона"},
    "year": {"en": "year only", "ru": "с точностью до года"},
    "approximate": {"en": "approximate", "ru": "приблизительно"},
    # geo precision
    "exact": {"en": "exact site", "ru": "точное место"},
    "town": {"en": "town or city", "ru": "населённый пункт"},
    "country": {"en": "country only (place not reported)", "ru": "только страна (место не указано)"},
    # actor kinds
    "person": {"en": "Person", "ru": "Персона"},
    "organisation": {"en": "Organisation", "ru": "Организация"},
    # flow kinds
    "reported": {"en": "Reported (gas that moved)", "ru": "Фактически (по отчётам)"},
    "estimate": {"en": "Estimate", "ru": "Оценка"},
    "contract": {"en": "Contract or plan", "ru": "Контракт или план"},
    "capacity": {"en": "Stated capacity", "ru": "Заявленная мощность"},
    # what a revision did (gasatlas.store.Action) and where a record stands (RecordStatus)
    "legacy": {"en": "stored before revisions", "ru": "сохранено до правок"},
    "submit": {"en": "submitted", "ru": "предложено"},
    "publish": {"en": "published", "ru": "опубликовано"},
    "import": {"en": "imported", "ru": "импортировано"},
    "edit": {"en": "edited", "ru": "изменено"},
    "approve": {"en": "approved", "ru": "одобрено"},
    "reject": {"en": "rejected", "ru": "отклонено"},
    "delete": {"en": "deleted", "ru": "удалено"},
    "restore": {"en": "restored", "ru": "восстановлено"},
    "merge": {"en": "merged into an atlas event", "ru": "объединено с событием атласа"},
    "curated": {"en": "as in the curated files", "ru": "как в основных файлах"},
    "pending": {"en": "awaiting review", "ru": "ждёт проверки"},
    "published": {"en": "published", "ru": "опубликовано"},
    "rejected": {"en": "rejected", "ru": "отклонено"},
    "deleted": {"en": "deleted", "ru": "удалено"},
    "event": {"en": "event", "ru": "событие"},
    "actor": {"en": "actor", "ru": "участник"},
    "feed": {"en": "news feed", "ru": "лента новостей"},
    "flow": {"en": "flow figure", "ru": "цифра потока"},
    "add": {"en": "added", "ru": "добавлено"},
    "enable": {"en": "switched on", "ru": "включено"},
    "disable": {"en": "switched off", "ru": "выключено"},
    "enabled": {"en": "read by the watcher", "ru": "читается"},
    "disabled": {"en": "not read", "ru": "не читается"},
    # what became of a feed item (gasatlas.store.feeds.ItemState) and how a watcher run ended (RunStatus)
    "irrelevant": {"en": "not about gas here", "ru": "не о газе региона"},
    "no_event": {"en": "read, no event found", "ru": "прочитано, события нет"},
    "source": {"en": "another source of an atlas event", "ru": "ещё один источник события атласа"},
    "failed": {"en": "failed", "ru": "ошибка"},
    "source_added": {"en": "added to the event's sources", "ru": "добавлено в источники события"},
    "dismissed": {"en": "not a source of that event", "ru": "не источник этого события"},
    "running": {"en": "running", "ru": "идёт"},
    "done": {"en": "done", "ru": "завершён"},
    "abandoned": {"en": "stopped without finishing", "ru": "прерван"},
    "gap": {"en": "No public figure", "ru": "Нет публичных данных"},
    # flow scopes, purposes and choices
    "route_total": {"en": "Whole pipeline (all origins)", "ru": "Весь газопровод (все источники)"},
    "processing": {"en": "Sent for processing and returned", "ru": "На переработку с возвратом"},
    "trade": {"en": "Trade", "ru": "Торговля"},
    "chosen": {"en": "Used by the atlas", "ru": "Используется в атласе"},
    "alternative": {"en": "Other source's figure (not used)", "ru": "Цифра другого источника (не используется)"},
}
"""Display labels for every vocabulary code. ``approximate`` serves both precisions."""


def label(code: str, lang: Lang) -> str:
    """The display label of a vocabulary code; an unknown code is shown as itself."""
    return LABELS.get(code, {}).get(lang, code)
