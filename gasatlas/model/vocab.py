"""Controlled vocabularies of the dataset, with their English labels (the Russian ones are in the catalog).

Every code that may appear in a data file is defined here once, so validation,
filters, the legend and both languages agree on the same list.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Lang = Literal["en", "ru"]
LANGUAGES: tuple[Lang, ...] = ("en", "ru")


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the catalog where it is defined; it is translated where shown."""
    return message


def pN_(context: str, message: str) -> tuple[str, str]:
    """Mark ``message`` with its translation ``context`` for extraction; both are kept to translate it later."""
    return context, message


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
    Its words are ``gasatlas.map.cards.VOLUME_PERIODS``: "day" and "year" already label date precisions here."""

    YEAR = "year"
    DAY = "day"
    TOTAL = "total"


LABELS: dict[str, tuple[str, str]] = {
    # route statuses
    "operating": pN_("route status", "Operating"),
    "reversed": pN_("route status", "Reversed flow"),
    "suspended": pN_("route status", "Suspended"),
    "under_construction": pN_("route status", "Under construction"),
    "proposed": pN_("route status", "Proposed"),
    "mothballed": pN_("route status", "Mothballed"),
    # route kinds
    "pipeline": pN_("route kind", "Pipeline"),
    "proposed_pipeline": pN_("route kind", "Proposed pipeline"),
    "supply_corridor": pN_("route kind", "Supply direction (no own pipe)"),
    # geometry quality
    "surveyed": pN_("geometry quality", "Surveyed route"),
    "schematic": pN_("geometry quality", "Schematic line"),
    # geometry licences
    "gem_osm": pN_("geometry licence", "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0), "
                  "traced from © OpenStreetMap contributors (ODbL 1.0)"),
    "gem": pN_("geometry licence", "Global Energy Monitor, Global Gas Infrastructure Tracker (CC BY 4.0)"),
    "atlas": pN_("geometry licence", "Schematic line drawn by Central Asia Gas Atlas through the waypoints "
                  "named in its source"),
    # event types
    "meeting": pN_("event type", "Meeting"),
    "agreement": pN_("event type", "Agreement"),
    "statement": pN_("event type", "Statement"),
    "proposal": pN_("event type", "Proposal"),
    "supply_change": pN_("event type", "Supply change"),
    "disruption": pN_("event type", "Disruption"),
    "construction": pN_("event type", "Construction"),
    # facility kinds
    "processing_plant": pN_("facility kind", "Gas processing plant"),
    "gas_field": pN_("facility kind", "Gas field"),
    "compressor_station": pN_("facility kind", "Compressor station"),
    "border_crossing": pN_("facility kind", "Border crossing"),
    "pipeline_hub": pN_("facility kind", "Pipeline hub"),
    "headquarters": pN_("facility kind", "Headquarters"),
    # date precision
    "day": pN_("date precision", "exact day"),
    "part_of_month": pN_("date precision", "part of a month"),
    "range": pN_("date precision", "range of days"),
    "month": pN_("date precision", "month only"),
    "quarter": pN_("date precision", "quarter only"),
    "season": pN_("date precision", "season only"),
    "year": pN_("date precision", "year only"),
    "approximate": pN_("precision", "approximate"),
    # geo precision
    "exact": pN_("place precision", "exact site"),
    "town": pN_("place precision", "town or city"),
    "country": pN_("place precision", "country only (place not reported)"),
    # actor kinds
    "person": pN_("actor kind", "Person"),
    "organisation": pN_("actor kind", "Organisation"),
    # flow kinds
    "reported": pN_("flow kind", "Reported (gas that moved)"),
    "estimate": pN_("flow kind", "Estimate"),
    "contract": pN_("flow kind", "Contract or plan"),
    "capacity": pN_("flow kind", "Stated capacity"),
    # what a revision did (gasatlas.store.Action) and where a record stands (RecordStatus)
    "legacy": pN_("revision", "stored before revisions"),
    "submit": pN_("revision", "submitted"),
    "publish": pN_("revision", "published"),
    "import": pN_("revision", "imported"),
    "edit": pN_("revision", "edited"),
    "approve": pN_("revision", "approved"),
    "reject": pN_("revision", "rejected"),
    "delete": pN_("revision", "deleted"),
    "restore": pN_("revision", "restored"),
    "merge": pN_("revision", "merged into an atlas event"),
    "curated": pN_("revision", "as in the curated files"),
    "pending": pN_("revision", "awaiting review"),
    "published": pN_("revision", "published"),
    "rejected": pN_("revision", "rejected"),
    "deleted": pN_("revision", "deleted"),
    "event": pN_("record type", "event"),
    "actor": pN_("record type", "actor"),
    "feed": pN_("record type", "news feed"),
    "flow": pN_("record type", "flow figure"),
    "add": pN_("revision", "added"),
    "enable": pN_("revision", "switched on"),
    "disable": pN_("revision", "switched off"),
    "enabled": pN_("revision", "read by the watcher"),
    "disabled": pN_("revision", "not read"),
    # what became of a feed item (gasatlas.store.feeds.ItemState) and how a watcher run ended (RunStatus)
    "irrelevant": pN_("feed item", "not about gas here"),
    "no_event": pN_("feed item", "read, no event found"),
    "source": pN_("feed item", "another source of an atlas event"),
    "failed": pN_("watcher run", "failed"),
    "source_added": pN_("feed item", "added to the event's sources"),
    "dismissed": pN_("feed item", "not a source of that event"),
    "running": pN_("watcher run", "running"),
    "done": pN_("watcher run", "done"),
    "abandoned": pN_("watcher run", "stopped without finishing"),
    "gap": pN_("flow kind", "No public figure"),
    # flow scopes, purposes and choices
    "route_total": pN_("flow", "Whole pipeline (all origins)"),
    "processing": pN_("flow", "Sent for processing and returned"),
    "trade": pN_("flow", "Trade"),
    "chosen": pN_("flow", "Used by the atlas"),
    "alternative": pN_("flow", "Other source's figure (not used)"),
}
"""The English label of every vocabulary code, with the vocabulary it belongs to as its translation context
(``gasatlas.i18n.label`` shows it in the reader's language). ``approximate`` serves both precisions."""
