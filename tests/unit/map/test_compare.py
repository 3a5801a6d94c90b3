"""Comparing two moments: the expectations come from the curated data's own status histories, events and
figures, so the tests say what a reader comparing October 2023 with the months around it must be told."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from gasatlas.analysis.filters import EventFilter
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset
from gasatlas.map.compare import (
    FIGURE,
    GAP,
    NONE,
    Moments,
    agreements,
    change_kind,
    country_changes,
    events_between,
    flow_changes,
    route_changes,
)

ATLAS = load_dataset(PROJECT_ROOT / "data")
REVERSAL = dt.date(2023, 10, 7)
"""Central Asia–Centre's reversal in data/routes.geojson: Russian gas south to Uzbekistan."""


def test_moments_come_in_order_and_the_days_between_exclude_the_first() -> None:
    moments = Moments.of(dt.date(2023, 12, 31), dt.date(2023, 1, 1))

    assert (moments.before, moments.after) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert moments.between is not None
    assert moments.between.start == dt.date(2023, 1, 2)
    assert Moments.of(REVERSAL, REVERSAL).between is None


def test_before_and_after_october_2023_the_central_asia_centre_reversal_and_the_new_supply_are_listed() -> None:
    changes = route_changes(ATLAS.routes, Moments.of(dt.date(2023, 9, 1), dt.date(2023, 11, 30)))

    assert list(zip(changes["route_id"], changes["change"], changes["date"], strict=True)) == [
        ("cac", "reversed", REVERSAL), ("corr-ru-uz-via-kz", "built", REVERSAL)]
    assert list(changes["old_status"]) == ["operating", "proposed"]


def test_a_change_undone_between_the_moments_is_still_listed() -> None:
    changes = route_changes(ATLAS.routes, Moments.of(dt.date(2022, 12, 31), dt.date(2023, 3, 1)))

    assert list(zip(changes["route_id"], changes["change"], strict=True)) == [
        ("corr-tm-uz", "suspended"), ("corr-tm-uz", "resumed")]


def test_a_change_on_the_first_day_was_already_in_force_and_one_on_the_second_counts() -> None:
    assert route_changes(ATLAS.routes, Moments.of(REVERSAL, dt.date(2023, 12, 31))).empty
    assert len(route_changes(ATLAS.routes, Moments.of(dt.date(2023, 10, 6), REVERSAL))) == 2


@pytest.mark.parametrize(("old", "new", "kind"), [
    (None, "operating", "built"), ("under_construction", "operating", "built"), ("suspended", "operating", "resumed"),
    ("operating", "operating", "updated"), ("operating", "reversed", "reversed"), ("proposed", "under_construction",
                                                                                   "construction")])
def test_each_status_change_is_named_for_what_it_did(old: str | None, new: str, kind: str) -> None:
    assert change_kind(old, new) == kind


def test_the_events_and_agreements_between_follow_the_other_filters() -> None:
    moments = Moments.of(dt.date(2023, 6, 1), dt.date(2023, 11, 1))
    dates = ATLAS.events["date"].dt.date

    shown = events_between(ATLAS.events, moments)
    kazakh = events_between(ATLAS.events, moments, EventFilter(countries=frozenset({"KAZ"})))

    inside = ATLAS.events[(dates > moments.before) & (dates <= moments.after)]
    assert set(inside["id"]) <= set(shown["id"])
    assert len(inside) > 10
    assert 0 < len(kazakh) < len(shown)
    assert kazakh["countries"].map(lambda c: "KAZ" in c).all()
    assert set(agreements(shown)["event_type"]) == {"agreement"}
    assert "At SPIEF, Gazprom signs a two-year gas contract with Uzbekistan and a transport deal with QazaqGaz" in set(
        agreements(shown)["title_en"])
    assert events_between(ATLAS.events, Moments.of(REVERSAL, REVERSAL)).empty


def test_flows_compare_whole_years_kind_by_kind_and_a_missing_figure_is_never_a_zero() -> None:
    changes = flow_changes(ATLAS.flows, ATLAS.flow_gaps, 2022, 2023).set_index(
        ["route_id", "from_country", "to_country", "value_kind"])

    new_supply = changes.loc[("corr-ru-uz-via-kz", "RUS", "UZB", "reported")]
    assert (new_supply["state_before"], new_supply["state_after"]) == (NONE, FIGURE)
    assert pd.isna(new_supply["volume_before"])
    assert pd.isna(new_supply["change_bcm"])
    assert pd.isna(new_supply["change_pct"])
    siberia = changes.loc[("power-of-siberia", "RUS", "CHN", "reported")]
    assert siberia["change_bcm"] == pytest.approx(siberia["volume_after"] - siberia["volume_before"])
    assert siberia["change_pct"] == pytest.approx(100 * siberia["change_bcm"] / siberia["volume_before"], abs=0.05)
    contract = changes.loc[("power-of-siberia", "RUS", "CHN", "contract")]
    assert contract["volume_after"] != siberia["volume_after"]  # kept apart, never merged
    gapped = changes[(changes["state_after"] == GAP)]
    assert not gapped.empty
    assert gapped["volume_after"].isna().all()
    assert gapped["change_bcm"].isna().all()


def test_a_country_total_over_different_routes_has_no_change_figure() -> None:
    changes = country_changes(ATLAS.flows, ["KAZ", "UZB"], 2022, 2023)
    kazakh_transit = changes[(changes["country"] == "KAZ") & (changes["direction"] == "transit")].set_index(
        "value_kind")

    reported = kazakh_transit.loc["reported"]
    assert reported["routes_before"] != reported["routes_after"]
    assert pd.isna(reported["change_bcm"])
    assert kazakh_transit.loc["contract", "change_bcm"] == 0
    uzbek_imports = changes[(changes["country"] == "UZB") & (changes["direction"] == "in")].iloc[0]
    assert pd.isna(uzbek_imports["volume_before"])
    assert uzbek_imports["volume_after"] > 0


def test_a_year_without_any_figure_compares_as_missing_not_as_an_error() -> None:
    empty_year = max(ATLAS.flows["period_start"].dt.year) + 1

    changes = country_changes(ATLAS.flows, ["KAZ"], 2023, empty_year)

    assert len(changes) > 0
    assert changes["volume_after"].isna().all()
    assert changes["change_bcm"].isna().all()
    assert flow_changes(ATLAS.flows, ATLAS.flow_gaps, 2023, empty_year)["state_after"].eq(NONE).all()
