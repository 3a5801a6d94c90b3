"""Who met whom: people and organisations linked by the events they share."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict

import networkx as nx
import pandas as pd

from gasatlas.i18n.formats import format_date
from gasatlas.model.vocab import Lang

LAYOUT_SEED = 7  # a fixed seed keeps the picture the same from one visit to the next
NETWORK_PLOT = (600.0, 560.0)
"""The smallest plot (width, height in pixels) the network's names are spaced for: the chart is 560 px high and
wider than this beside the sidebar (wider, the names only move apart)."""
NETWORK_SCALE_PADDING = 30.0
"""Pixels left at each end of the network's axes (``charts.network_chart``)."""
NAME_FONT_SIZE = 11
NAME_CHAR_WIDTH = 6.5
"""Pixels per character of an 11 px name: a little more than the average letter, so estimates err wide."""
NAME_HEIGHT = 17.0
"""Pixels of a line of 11 px text, its leading included (estimates err tall)."""
NAME_RISE = 14.0
"""How far above its circle's centre a name is written."""


def actor_links(events: pd.DataFrame) -> tuple[Counter[str], dict[tuple[str, str], list[pd.Timestamp]]]:
    """How many events each actor is in, and the dates of the events each pair shares."""
    counts: Counter[str] = Counter()
    shared: dict[tuple[str, str], list[pd.Timestamp]] = defaultdict(list)
    for people, organisations, day in zip(events["participants"], events["organisations"], events["date"], strict=True):
        actors = sorted(set(people) | set(organisations))
        counts.update(actors)
        for pair in itertools.combinations(actors, 2):
            shared[pair].append(day)
    return counts, shared


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for the graph: the largest group spread over the picture, smaller groups in a column beside it.

    A plain spring layout pushes unconnected groups to the edges and squeezes the
    main one into a corner; laying out each group on its own keeps names readable.
    """
    groups = sorted(nx.connected_components(graph), key=lambda group: (-len(group), sorted(group)))
    if not groups:
        return {}
    main = graph.subgraph(groups[0])
    spread = 3.0 / math.sqrt(max(len(main), 1))
    positions = dict(nx.spring_layout(main, seed=LAYOUT_SEED, weight="weight", k=spread, iterations=300))
    others = groups[1:]
    for number, group in enumerate(others):
        centre = (1.7, 0.9 - 1.8 * number / max(len(others) - 1, 1))
        sub = graph.subgraph(group)
        positions.update(nx.spring_layout(sub, seed=LAYOUT_SEED, scale=0.18, center=centre) if len(sub) > 1
                         else {next(iter(group)): centre})
    return positions


def actor_network(events: pd.DataFrame, actors: pd.DataFrame, lang: Lang) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (actors with their event counts and positions) and edges (pairs with shared dates).

    Positions come from a spring layout weighted by shared events, so close
    collaborators sit together.
    """
    counts, shared = actor_links(events)
    info = actors.set_index("id")
    graph = nx.Graph()
    graph.add_nodes_from(counts)
    graph.add_weighted_edges_from((a, b, len(days)) for (a, b), days in shared.items())
    positions = layout(graph)
    nodes = pd.DataFrame(
        [
            {
                "id": actor,
                "name": info.loc[actor, f"name_{lang}"] if actor in info.index else actor,
                "kind": info.loc[actor, "kind"] if actor in info.index else "person",
                "events": count,
                "links": graph.degree(actor),
                "x": float(positions[actor][0]),
                "y": float(positions[actor][1]),
            }
            for actor, count in counts.items()
        ],
        columns=["id", "name", "kind", "events", "links", "x", "y"],
    )
    edges = pd.DataFrame(
        [
            {
                "source": a,
                "target": b,
                "events": len(days),
                "dates": ", ".join(format_date(day.date(), "day", lang) for day in sorted(days)),
                "x": float(positions[a][0]),
                "y": float(positions[a][1]),
                "x2": float(positions[b][0]),
                "y2": float(positions[b][1]),
            }
            for (a, b), days in shared.items()
        ],
        columns=["source", "target", "events", "dates", "x", "y", "x2", "y2"],
    )
    return nodes, edges


def _pixels(values: pd.Series, length: float) -> pd.Series:
    """Where a linear axis over ``values`` (no zero, no rounding) puts each of them, in pixels from its start."""
    low, high = float(values.min()), float(values.max())
    usable = length - 2 * NETWORK_SCALE_PADDING
    if high == low:
        return pd.Series(length / 2, index=values.index)
    return NETWORK_SCALE_PADDING + (values - low) / (high - low) * usable


def named_actors(nodes: pd.DataFrame, chosen: frozenset[str] = frozenset(),
                 plot: tuple[float, float] = NETWORK_PLOT) -> frozenset[str]:
    """The actors whose names are written on the network: the chosen ones, then the most connected (most links,
    then most events), each only if its name keeps clear of every name written before it. Names of a crowded
    middle would pile on each other; the others are named on hover. Boxes are estimated on the smallest
    ``plot`` the chart gets."""
    width, height = plot
    xs, ys = _pixels(nodes["x"], width), height - _pixels(nodes["y"], height)
    order = nodes.assign(px=xs, py=ys, chosen=nodes["id"].isin(chosen)).sort_values(
        ["chosen", "links", "events", "name"], ascending=[False, False, False, True])
    written: list[tuple[float, float, float, float]] = []
    named = set()
    for actor, name, x, y in zip(order["id"], order["name"], order["px"], order["py"], strict=True):
        half = len(str(name)) * NAME_CHAR_WIDTH / 2
        box = (x - half, x + half, y - NAME_RISE - NAME_HEIGHT / 2, y - NAME_RISE + NAME_HEIGHT / 2)
        if not any(box[0] < other[1] and other[0] < box[1] and box[2] < other[3] and other[2] < box[3]
                   for other in written):
            written.append(box)
            named.add(actor)
    return frozenset(named)


def actors_table(events: pd.DataFrame, actors: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Every actor with their role and how many of the shown events they are in, most active first."""
    counts, _ = actor_links(events)
    first: dict[str, pd.Timestamp] = {}
    last: dict[str, pd.Timestamp] = {}
    for people, organisations, day in zip(events["participants"], events["organisations"], events["date"], strict=True):
        for actor in set(people) | set(organisations):
            first[actor] = min(first.get(actor, day), day)
            last[actor] = max(last.get(actor, day), day)
    table = pd.DataFrame(
        {
            "id": actors["id"].to_numpy(),
            "name": actors[f"name_{lang}"].to_numpy(),
            "kind": actors["kind"].to_numpy(),
            "role": actors[f"role_{lang}"].fillna("").to_numpy(),
            "country": actors["country"].fillna("").to_numpy(),
            "events": [counts.get(actor, 0) for actor in actors["id"]],
            "first": [first[a].date() if a in first else None for a in actors["id"]],
            "last": [last[a].date() if a in last else None for a in actors["id"]],
        }
    )
    return table.sort_values(["events", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
