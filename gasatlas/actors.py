"""Who met whom: people and organisations linked by the events they share."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict

import networkx as nx
import pandas as pd

from gasatlas.formats import format_date
from gasatlas.vocab import Lang

LAYOUT_SEED = 7  # a fixed seed keeps the picture the same from one visit to the next


def actor_links(events: pd.DataFrame) -> tuple[Counter, dict[tuple[str, str], list]]:
    """How many events each actor is in, and the dates of the events each pair shares."""
    counts: Counter = Counter()
    shared: dict[tuple[str, str], list] = defaultdict(list)
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
                "x": float(positions[actor][0]),
                "y": float(positions[actor][1]),
            }
            for actor, count in counts.items()
        ],
        columns=["id", "name", "kind", "events", "x", "y"],
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
