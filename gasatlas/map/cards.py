"""A record as a reader sees it: the HTML of popups, detail cards and the legend.

One builder serves the map popup and the card beside the map, so both always
say the same thing. Every value from data passes through ``html_text`` or
``link_html`` here; nothing else in the app turns records into HTML.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable
from string import Template
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from gasatlas.analysis.flows import MOVED_KINDS, disagreements, flows_of_year, kind_label, period_label
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import N_, gettext, label
from gasatlas.i18n.formats import format_date, format_number, format_price, format_years
from gasatlas.map.leaflet import map_resource
from gasatlas.model.palette import (
    COUNTRY_CONTEXT_STYLE,
    COUNTRY_FOCUS_STYLE,
    EVENT_TYPE_COLOR,
    FACILITY_SYMBOL,
    FLOW_LEGEND_VOLUMES,
    NO_FLOW_STYLE,
    NO_FLOW_WEIGHT,
    ROUTE_STATUS_STYLE,
    flow_weight,
    symbol_svg,
)
from gasatlas.model.sanitize import html_text, link_html
from gasatlas.model.status import status_as_of
from gasatlas.model.vocab import EventType, FacilityKind, FlowChoice, FlowKind, Lang, RouteStatus, VolumePeriod

CARD_CSS = map_resource("card.css")

VOLUME_PERIODS: dict[str, str] = {VolumePeriod.YEAR: N_("{volume} bcm a year"),
                                  VolumePeriod.DAY: N_("{volume} bcm a day"),
                                  VolumePeriod.TOTAL: N_("{volume} bcm in all")}
"""How a report's volume is written for each period it is given for."""
FLOW_COLUMNS = (N_("Period"), N_("Direction"), N_("Volume, bcm"), N_("Kind"), N_("Source"))
"""The headings of a route card's flow table."""
BCM_PER_YEAR, KM = N_("bcm/yr"), N_("km")


def _names(ids: Iterable[str], actors: pd.DataFrame, lang: Lang, with_roles: bool = False) -> str:
    indexed = actors.set_index("id")
    parts = []
    for actor_id in ids:
        if actor_id not in indexed.index:
            parts.append(html_text(actor_id))
            continue
        row = indexed.loc[actor_id]
        name = html_text(row[f"name_{lang}"])
        role = row[f"role_{lang}"]
        parts.append(f'{name} <span class="ga-muted">({html_text(role)})</span>' if with_roles and role else name)
    return ", ".join(parts)



def event_date_text(event: Any, lang: Lang) -> str:
    date = event.date.date() if hasattr(event.date, "date") else event.date
    return format_date(date, event.date_precision, lang, getattr(event, f"date_label_{lang}"))


def _badge(text: str, color: str) -> str:
    return f'<span class="ga-badge" style="background:{color}">{html_text(text)}</span>'


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _number(event: Any, name: str) -> float | None:
    """A number column of an event row, None where it is missing (NaN in a frame, None in a record)."""
    value = getattr(event, name, None)
    return None if value is None or pd.isna(value) else float(value)


def volume_text(volume_bcm: float, period: str, lang: Lang) -> str:
    """A report's volume as the card and the table write it: "2.8 bcm a year", "0,009 млрд м³ в сутки"."""
    return gettext(VOLUME_PERIODS[period], lang).format(volume=format_number(volume_bcm, lang, decimals=3))


def event_numbers(event: Any, lang: Lang) -> list[tuple[str, str]]:
    """The volume, price and contract length the source gives, as (term, plain text) pairs; none it does not give.

    A report's numbers stay the report's: they are not flow figures, which carry their own kind and period."""
    numbers = []
    volume, period = _number(event, "volume_bcm"), getattr(event, "volume_period", None)
    if volume is not None and period:
        numbers.append((gettext("Volume", lang), volume_text(volume, period, lang)))
    if (price := _number(event, "price_usd_per_mcm")) is not None:
        per_mcm = gettext("{price} per 1,000 m³", lang).format(price=format_price(price, lang))
        numbers.append((gettext("Price", lang), per_mcm))
    if (years := _number(event, "contract_years")) is not None:
        numbers.append((gettext("Contract", lang), format_years(years, lang)))
    return numbers


def event_html(event: Any, atlas: Dataset, lang: Lang) -> str:
    """The full story of one event: when, where, who, what, and from which source."""
    kind = EventType(event.event_type)
    rows = []
    if event.participants:
        rows.append((gettext("Participants", lang), _names(event.participants, atlas.actors, lang, with_roles=True)))
    if event.organisations:
        rows.append((gettext("Organisations", lang), _names(event.organisations, atlas.actors, lang)))
    note = html_text(gettext("as the source reports it; not a flow figure", lang))
    rows.extend((term, f'{html_text(text)} <span class="ga-muted">({note})</span>')
                for term, text in event_numbers(event, lang))
    details = "".join(f"<dt>{html_text(term)}</dt><dd>{value}</dd>" for term, value in rows)
    quote = ""
    if isinstance(event.quote, str) and event.quote:
        quote = (f"<blockquote>«{html_text(event.quote)}»<cite>— {html_text(event.source_title)}</cite>"
                 "</blockquote>")
    also = ""
    if event.also_reported:
        links = ", ".join(link_html(url, _host(url)) for url in event.also_reported)
        also = f' · {html_text(gettext("also reported by", lang))}: {links}'
    return (
        f'<div class="ga-card ga-card--event" data-event-id="{html_text(event.id)}">'
        f'<div>{_badge(label(kind, lang), EVENT_TYPE_COLOR[kind])}<b>{html_text(event_date_text(event, lang))}</b> '
        f'<span class="ga-muted">({html_text(label(event.date_precision, lang))})</span></div>'
        f"<h3>{html_text(getattr(event, f'title_{lang}'))}</h3>"
        f'<div>{html_text(getattr(event, f"place_name_{lang}"))} '
        f'<span class="ga-muted">({html_text(label(event.geo_precision, lang))})</span></div>'
        f"<dl>{details}</dl>"
        f"<p>{html_text(getattr(event, f'summary_{lang}'))}</p>"
        f"{quote}"
        f'<div class="ga-muted">{html_text(gettext("Source", lang))}: '
        f"{link_html(event.source_url, event.source_title)}{also}</div>"
        "</div>"
    )


def _quantity(value: float | None, unit: str, lang: Lang) -> str:
    """A route's or a facility's figure with its ``unit`` (English, marked with ``N_``), or "not reported"."""
    if value is None or pd.isna(value):
        return f'<span class="ga-muted">{html_text(gettext("not reported", lang))}</span>'
    return f"{html_text(format_number(value, lang, decimals=1))} {html_text(gettext(unit, lang))}"


def _country_names(codes: Iterable[str], atlas: Dataset, lang: Lang) -> str:
    names = atlas.countries.set_index("iso_a3")[f"name_{lang}"]
    return ", ".join(html_text(names.get(code, code)) for code in codes)


def _history_rows(history: Any, lang: Lang) -> str:
    rows = []
    for change in history:
        when = (format_date(change["from"], change["from_precision"], lang) if change["from"]
                else gettext("start date not in sources", lang))
        note = change["direction_note" if lang == "en" else "direction_note_ru"]
        style = ROUTE_STATUS_STYLE[RouteStatus(change["status"])]
        rows.append(
            f"<tr><td>{html_text(when)}</td><td>{_badge(label(change['status'], lang), style.color)}</td>"
            f"<td>{html_text(note)}</td></tr>"
        )
    return "".join(rows)


def flows_html(route_id: str, atlas: Dataset, year: int, lang: Lang) -> str:
    """Every figure for one route in ``year``, what moved first, each with its source linked and quoted on hover;
    where another source gives a different figure, both are listed and the one the atlas uses is marked."""
    figures = flows_of_year(atlas.flows[atlas.flows["route_id"] == route_id], year)
    heading = f"<h4>{html_text(gettext('Flow figures for {year}', lang).format(year=year))}</h4>"
    if figures.empty:
        none = gettext("No flow figure for {year}.", lang).format(year=year)
        return f'{heading}<p class="ga-muted">{html_text(none)}</p>'
    order = {str(kind): rank for rank, kind in enumerate(FlowKind)}
    figures = figures.assign(order=figures["value_kind"].map(order)).sort_values(["order", "period_start"])
    contested = disagreements(figures)
    marked = set(contested.loc[contested["chosen"], "id"])

    def kind_text(row: Any) -> str:
        text = kind_label(row, lang)
        return f"{text} · ✓ {label(FlowChoice.CHOSEN, lang)}" if row.id in marked else text

    rows = "".join(
        f'<tr data-flow-id="{html_text(row.id)}"><td>{html_text(period_label(row.period, lang))}</td>'
        f"<td>{html_text(row.from_country)} → {html_text(row.to_country)}</td>"
        f"<td>{'<b>' if row.value_kind in MOVED_KINDS else ''}{html_text(format_number(row.volume_bcm, lang))}"
        f"{'</b>' if row.value_kind in MOVED_KINDS else ''}</td><td>{html_text(kind_text(row))}</td>"
        f'<td><span title="{html_text(row.quote)}">{link_html(row.source_url, row.source_title)}</span></td></tr>'
        for row in figures.itertuples()
    )
    header = "".join(f"<th>{html_text(gettext(heading, lang))}</th>" for heading in FLOW_COLUMNS)
    return f'{heading}<table class="ga-flows"><tr>{header}</tr>{rows}</table>'


def route_html(route: Any, atlas: Dataset, as_of: dt.date, lang: Lang) -> str:
    """A route's identity, its state on ``as_of``, the flow figures for that year, its whole history and its
    source."""
    current = status_as_of(route.status_history, as_of)
    if current is None:
        not_yet = gettext("not yet in operation or planned on this date", lang)
        state = f'<span class="ga-muted">{html_text(not_yet)}</span>'
    else:
        style = ROUTE_STATUS_STYLE[RouteStatus(current["status"])]
        note = current["direction_note" if lang == "en" else "direction_note_ru"]
        state = f"{_badge(label(current['status'], lang), style.color)}{html_text(note)}"
    operator = route.operator if lang == "en" else route.operator_ru
    return (
        f'<div class="ga-card ga-card--route" data-route-id="{html_text(route.id)}">'
        f'<div class="ga-muted">{html_text(label(route.kind, lang))} · '
        f'{html_text(label(route.geometry_quality, lang))}</div>'
        f"<h3>{html_text(getattr(route, f'name_{lang}'))}</h3>"
        f"<p><b>{html_text(gettext('Status on', lang))} {html_text(format_date(as_of, 'day', lang))}:</b> {state}</p>"
        "<dl>"
        f"<dt>{html_text(gettext('Capacity', lang))}</dt><dd>{_quantity(route.capacity_bcm, BCM_PER_YEAR, lang)}</dd>"
        f"<dt>{html_text(gettext('Length', lang))}</dt><dd>{_quantity(route.length_km, KM, lang)}</dd>"
        f"<dt>{html_text(gettext('Operator', lang))}</dt><dd>{html_text(operator)}</dd>"
        f"<dt>{html_text(gettext('Countries', lang))}</dt><dd>{_country_names(route.countries, atlas, lang)}</dd>"
        "</dl>"
        f"<p>{html_text(getattr(route, f'description_{lang}'))}</p>"
        f"{flows_html(route.id, atlas, as_of.year, lang)}"
        f"<h4>{html_text(gettext('Status history', lang))}</h4>"
        f"<table><tr><th>{html_text(gettext('From', lang))}</th><th>{html_text(gettext('Status', lang))}</th>"
        f"<th>{html_text(gettext('Flow and notes', lang))}</th></tr>"
        f"{_history_rows(route.status_history, lang)}</table>"
        f'<div class="ga-muted">{html_text(gettext("Source", lang))}: '
        f"{link_html(route.source_url, route.source_title)}<br>"
        f'{html_text(gettext("Geometry", lang))}: {html_text(label(route.geometry_licence, lang))}</div>'
        "</div>"
    )


def facility_html(facility: Any, atlas: Dataset, lang: Lang) -> str:
    kind = FacilityKind(facility.kind)
    note = getattr(facility, f"note_{lang}")
    capacity = ""
    if facility.capacity_bcm is not None and not pd.isna(facility.capacity_bcm):
        capacity = (f"<dt>{html_text(gettext('Capacity', lang))}</dt>"
                    f"<dd>{_quantity(facility.capacity_bcm, BCM_PER_YEAR, lang)}</dd>")
    return (
        f'<div class="ga-card ga-card--facility" data-facility-id="{html_text(facility.id)}">'
        f'<div class="ga-muted">{html_text(label(kind, lang))}</div>'
        f"<h3>{html_text(getattr(facility, f'name_{lang}'))}</h3>"
        "<dl>"
        f"<dt>{html_text(gettext('Country', lang))}</dt><dd>{_country_names([facility.country], atlas, lang)}</dd>"
        f"<dt>{html_text(gettext('Location', lang))}</dt><dd>{html_text(label(facility.geo_precision, lang))} "
        f'<span class="ga-muted">({facility.lat:.4f}, {facility.lon:.4f})</span></dd>'
        f"{capacity}</dl>"
        f"<p>{html_text(note) if isinstance(note, str) else ''}</p>"
        f'<div class="ga-muted">{html_text(gettext("Source", lang))}: '
        f'{link_html(facility.source_url, facility.source_title)}</div>'
        "</div>"
    )


def _image(svg: str) -> str:
    """An inline SVG as an ``<img>``: Streamlit's HTML sanitiser keeps data-URI images, not ``<svg>``."""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="" src="data:image/svg+xml;base64,{encoded}">'


def _svg(name: str, **values: object) -> str:
    """A legend symbol from ``map/js/legend/<name>.svg``, its ``$placeholders`` filled with palette values
    (or escaped text)."""
    return Template(map_resource(f"legend/{name}.svg").strip()).substitute(values)


def _line_swatch(color: str, dash: str | None, width: float = 4) -> str:
    return _svg("line", color=color, width=width, dash=f' stroke-dasharray="{dash}"' if dash else "")


def _dot(color: str, hollow: bool = False) -> str:
    return _svg("dot", fill="#ffffff" if hollow else color, stroke=color if hollow else "#ffffff",
                width=2.5 if hollow else 1.5)


def _area(style: dict[str, Any]) -> str:
    return _svg("area", fill=style["fillColor"], stroke=style["color"])


def _label_swatch(text: str, dashed: bool) -> str:
    return _svg("label", text=html_text(text), dash=' stroke-dasharray="3 2"' if dashed else "")


def legend_html(lang: Lang, flow_year: int | None = None) -> str:
    """What every symbol on the map means, drawn from the same palette as the map; with ``flow_year``, the
    legend of the flow mode: the year the widths show and what the kinds of figures mean."""
    def item(symbol_svg_markup: str, text: str) -> str:
        return f"<li>{_image(symbol_svg_markup)}<span>{html_text(text)}</span></li>"

    statuses = "".join(item(_line_swatch(s.color, s.dash), label(status, lang))
                       for status, s in ROUTE_STATUS_STYLE.items())
    if flow_year is None:
        routes_heading, flows = gettext("Routes by status (width grows with capacity)", lang), ""
    else:
        routes_heading = gettext("Routes by status; width: gas that moved in {year}", lang).format(year=flow_year)
        widths = "".join(item(_line_swatch("#555555", None, flow_weight(volume)),
                              f"{format_number(volume, lang)} {gettext('bcm', lang)}")
                         for volume in FLOW_LEGEND_VOLUMES)
        no_data = _line_swatch(NO_FLOW_STYLE.color, NO_FLOW_STYLE.dash, NO_FLOW_WEIGHT)
        reported = gettext("Label in bcm: the volume reported for the whole year", lang)
        estimate = gettext("“≈ … est.”: an estimate, as nothing is reported", lang)
        no_figure = gettext("Grey dashed: no figure for {year} — no data, not zero", lang).format(year=flow_year)
        not_drawn = gettext("Contract and capacity figures are never drawn as gas that moved; months and quarters "
                            "are not added up. Every figure and its source is in the route's card and on the Flows "
                            "page.", lang)
        flows = (
            f"{widths}{item(_label_swatch('5.6', False), reported)}{item(_label_swatch('≈ 6', True), estimate)}"
            f'{item(no_data, no_figure)}<li class="ga-muted">{html_text(not_drawn)}</li>'
        )
    arrow, corridor, cluster = _svg("arrow"), _svg("corridor"), _svg("cluster")
    facilities = "".join(
        item(symbol_svg(symbol), label(kind, lang)) for kind, symbol in FACILITY_SYMBOL.items()
    )
    events = "".join(item(_dot(color), label(kind, lang)) for kind, color in EVENT_TYPE_COLOR.items())
    return (
        f'<div class="ga-legend"><h4>{html_text(routes_heading)}</h4><ul>{statuses}{flows}'
        f'{item(corridor, gettext("Curved thin line: supply direction without a pipe of its own", lang))}'
        f'{item(arrow, gettext("Arrow: direction of flow on the chosen date", lang))}</ul>'
        f'<h4>{html_text(gettext("Facilities", lang))}</h4><ul>{facilities}</ul>'
        f'<h4>{html_text(gettext("Events by type", lang))}</h4><ul>{events}'
        f'{item(_dot("#555555", hollow=True), gettext("Hollow: only the country is known", lang))}'
        f'{item(cluster, gettext("Several events nearby: click to zoom in or spread them out", lang))}</ul>'
        f'<h4>{html_text(gettext("Countries", lang))}</h4><ul>'
        f'{item(_area(COUNTRY_FOCUS_STYLE), gettext("Focus country", lang))}'
        f'{item(_area(COUNTRY_CONTEXT_STYLE), gettext("Neighbour shown for context", lang))}</ul></div>'
    )
