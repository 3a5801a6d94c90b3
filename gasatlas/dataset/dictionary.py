"""The data dictionary: what every column of every data file means, in English (Russian in the catalog).

A test holds this table to the models in ``gasatlas.model.schema``, so a new field
cannot ship undocumented.
"""

from __future__ import annotations

import pandas as pd

from gasatlas.i18n import pgettext, pN_
from gasatlas.model.vocab import Lang

DICTIONARY: dict[str, dict[str, tuple[str, str]]] = {
    "events.csv": {
        "id": pN_("data dictionary", "Unique slug of the event"),
        "date": pN_("data dictionary", "The day the event happened; for every precision but day a representative day "
                                       "of the period"),
        "date_precision": pN_("data dictionary", "How well the date is known: day, part_of_month (early/mid/late), "
                                                 "range (of days, held as its first day), month, quarter, season, "
                                                 "year or approximate (within a week)"),
        "date_label_en": pN_("data dictionary", "The source's own wording of an imprecise date, in English"),
        "date_label_ru": pN_("data dictionary", "The source's own wording of an imprecise date, in Russian"),
        "title_en": pN_("data dictionary", "Short title in English (our wording)"),
        "title_ru": pN_("data dictionary", "Short title in Russian (our wording)"),
        "summary_en": pN_("data dictionary", "Summary in English, written for the atlas"),
        "summary_ru": pN_("data dictionary", "Summary in Russian, written for the atlas"),
        "event_type": pN_("data dictionary", "meeting, agreement, statement, proposal, supply_change, disruption or "
                                             "construction"),
        "place_name_en": pN_("data dictionary", "Where it happened, in English; says so when the place is not "
                                                "reported"),
        "place_name_ru": pN_("data dictionary", "Where it happened, in Russian"),
        "place_country": pN_("data dictionary", "ISO 3166-1 alpha-3 code of the country the point lies in"),
        "lat": pN_("data dictionary", "Latitude of the point, WGS84 degrees"),
        "lon": pN_("data dictionary", "Longitude of the point, WGS84 degrees"),
        "geo_precision": pN_("data dictionary", "How well the place is known: exact site, town, approximate, or "
                                                "country only"),
        "countries": pN_("data dictionary", "Countries the event concerns (ISO3, ';'-separated)"),
        "participants": pN_("data dictionary", "People taking part (actor ids, ';'-separated)"),
        "organisations": pN_("data dictionary", "Organisations involved (actor ids, ';'-separated)"),
        "route_ids": pN_("data dictionary", "Routes the event concerns (route ids)"),
        "facility_ids": pN_("data dictionary", "Facilities the event concerns (facility ids)"),
        "source_title": pN_("data dictionary", "The publication and headline the event rests on"),
        "source_url": pN_("data dictionary", "Link to the source"),
        "quote": pN_("data dictionary", "At most one sentence of the source, in its language"),
        "also_reported": pN_("data dictionary", "Other reports of the same event (URLs, ';'-separated)"),
        "volume_bcm": pN_("data dictionary", "Gas volume the source gives, bcm (a report's number, not a flow figure)"),
        "volume_period": pN_("data dictionary", "What the volume is for: year, day or total; set with the volume"),
        "price_usd_per_mcm": pN_("data dictionary", "Price the source gives, US dollars per 1,000 m³"),
        "contract_years": pN_("data dictionary", "Contract length the source gives, years"),
    },
    "routes.geojson": {
        "id": pN_("data dictionary", "Unique slug of the route"),
        "name_en": pN_("data dictionary", "Name in English"),
        "name_ru": pN_("data dictionary", "Name in Russian"),
        "kind": pN_("data dictionary", "pipeline, proposed_pipeline, or supply_corridor (a supply direction without "
                                       "a pipe of its own)"),
        "capacity_bcm": pN_("data dictionary", "Capacity in billion cubic metres a year, as the source gives it"),
        "length_km": pN_("data dictionary", "Length in kilometres"),
        "countries": pN_("data dictionary", "Countries the route crosses or serves (ISO3)"),
        "operator": pN_("data dictionary", "Operator or owners, in English"),
        "operator_ru": pN_("data dictionary", "Operator or owners, in Russian"),
        "description_en": pN_("data dictionary", "Description in English"),
        "description_ru": pN_("data dictionary", "Description in Russian"),
        "geometry_quality": pN_("data dictionary", "surveyed (traced line) or schematic (drawn through waypoints)"),
        "geometry_source": pN_("data dictionary", "How the line is built: Global Energy Monitor project ids or "
                                                  "waypoints"),
        "geometry_licence": pN_("data dictionary", "Whose line it is, and so whom to credit (gem_osm, gem, atlas)"),
        "status_history": pN_("data dictionary", "Dated statuses (operating, reversed, suspended, under "
                                                 "construction, proposed, mothballed) and flow"),
        "source_title": pN_("data dictionary", "The publication the route's facts rest on"),
        "source_url": pN_("data dictionary", "Link to the source"),
    },
    "facilities.csv": {
        "id": pN_("data dictionary", "Unique slug of the facility"),
        "name_en": pN_("data dictionary", "Name in English"),
        "name_ru": pN_("data dictionary", "Name in Russian"),
        "kind": pN_("data dictionary", "processing_plant, gas_field, compressor_station, border_crossing, "
                                       "pipeline_hub or headquarters"),
        "country": pN_("data dictionary", "ISO3 code of the country it lies in"),
        "lat": pN_("data dictionary", "Latitude, WGS84"),
        "lon": pN_("data dictionary", "Longitude, WGS84"),
        "geo_precision": pN_("data dictionary", "exact, town or approximate"),
        "capacity_bcm": pN_("data dictionary", "Capacity in billion cubic metres a year, if known"),
        "note_en": pN_("data dictionary", "Notes in English"),
        "note_ru": pN_("data dictionary", "Notes in Russian"),
        "source_title": pN_("data dictionary", "The publication the facility's facts rest on"),
        "source_url": pN_("data dictionary", "Link to the source"),
    },
    "actors.csv": {
        "id": pN_("data dictionary", "Unique slug of the person or organisation"),
        "kind": pN_("data dictionary", "person or organisation"),
        "name_en": pN_("data dictionary, actor", "Name in English"),
        "name_ru": pN_("data dictionary, actor", "Name in Russian"),
        "role_en": pN_("data dictionary", "Role at the time of the events, in English"),
        "role_ru": pN_("data dictionary", "Role at the time of the events, in Russian"),
        "country": pN_("data dictionary", "ISO3 code of the actor's country"),
        "source_title": pN_("data dictionary", "Where the role is stated"),
        "source_url": pN_("data dictionary", "Link to the source"),
    },
    "flows.csv": {
        "id": pN_("data dictionary", "Unique slug of the figure"),
        "route_id": pN_("data dictionary", "The route the gas moved along (a route id of routes.geojson)"),
        "from_country": pN_("data dictionary", "ISO3 code of the country the gas came from"),
        "to_country": pN_("data dictionary", "ISO3 code of the country the gas went to"),
        "period": pN_("data dictionary", "The period the source gives the volume for: a year (2023), a quarter "
                                         "(2023-Q4) or a month (2023-10)"),
        "volume_bcm": pN_("data dictionary", "Volume in billion cubic metres, converted from the source's unit but "
                                             "never interpolated"),
        "value_kind": pN_("data dictionary", "reported (gas that moved), estimate, contract (promised or planned), "
                                             "capacity (what the route could carry) or gap (no public figure found; "
                                             "volume empty): only the first two are gas that moved"),
        "source_title": pN_("data dictionary", "The publication the figure rests on (for a gap: the closest report, "
                                               "if any)"),
        "source_url": pN_("data dictionary", "Link to the source"),
        "quote": pN_("data dictionary", "The source's sentence that gives the figure, in its language (empty for a "
                                        "gap)"),
        "note_en": pN_("data dictionary", "Notes in English (other reports, what the figure covers)"),
        "note_ru": pN_("data dictionary", "Notes in Russian"),
        "scope": pN_("data dictionary", "country (between the two countries named; the default) or route_total (a "
                                        "pipeline's whole throughput, several origins at once: never added into a "
                                        "country's balance)"),
        "purpose": pN_("data dictionary", "trade (the default) or processing (sent across a border to be processed "
                                          "and returned: neither an export nor an import)"),
        "via": pN_("data dictionary", "Transit countries the gas crossed, in order (ISO3 codes separated by ';')"),
        "choice": pN_("data dictionary", "chosen (the figure the atlas uses; the default) or alternative (another "
                                         "source's different figure, shown beside it and never added or averaged)"),
        "searched": pN_("data dictionary", "For a gap row: what was searched, where, and what was found instead"),
        "source_date": pN_("data dictionary", "Publication date of the source (YYYY-MM-DD), if known"),
        "retrieved": pN_("data dictionary", "The day the figure was last checked against its source (YYYY-MM-DD)"),
    },
    "countries.geojson": {
        "iso_a3": pN_("data dictionary", "ISO 3166-1 alpha-3 code"),
        "name_en": pN_("data dictionary", "Name in English"),
        "name_ru": pN_("data dictionary", "Name in Russian"),
        "focus": pN_("data dictionary", "true for the seven countries the atlas is about"),
        "label_lat": pN_("data dictionary", "Latitude of the label, and of events whose place is not reported"),
        "label_lon": pN_("data dictionary", "Longitude of the label"),
    },
}
"""What each column of each file means, in English, with the translation context of the data dictionary."""


def dictionary_frame(lang: Lang) -> pd.DataFrame:
    """Every documented column as rows of (file, column, meaning)."""
    return pd.DataFrame(
        [(file, column, pgettext(*meaning, lang)) for file, columns in DICTIONARY.items()
         for column, meaning in columns.items()],
        columns=["file", "column", "meaning"],
    )
