"""Node positions for views too large for live physics, computed with networkx.

A force-directed layout of thousands of nodes costs minutes in networkx (its
Fruchterman-Reingold is quadratic per step), so large graphs are laid out in
two levels: Louvain communities are placed by a spring layout of the community
graph, and each community is laid out on its own around its place. Isolated
nodes go on a grid below. Deterministic for a seed.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

SMALL = 400  # up to this many nodes: one spring layout
FA2_LIMIT = 700  # ForceAtlas2 up to this many nodes (about a second at 500)
SPACING = 60.0  # pixels per node-distance unit in vis-network


def spring(g: nx.Graph, seed: int, iterations: int = 50) -> dict[Hashable, tuple[float, float]]:
    """A force-directed layout scaled to about [-1, 1]: ForceAtlas2 with hubs dissuaded
    (hubs pushed to the edge of their neighbourhoods, so a star's leaves spread around it
    instead of piling up in the centre) up to ``FA2_LIMIT`` nodes, networkx's spring
    layout above (ForceAtlas2 is quadratic in networkx)."""
    if len(g) <= 2:
        return {n: (float(x), float(y)) for n, (x, y) in nx.circular_layout(g).items()}
    if len(g) > FA2_LIMIT:
        return {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(g, seed=seed, iterations=iterations).items()}
    raw = nx.forceatlas2_layout(g, seed=seed, max_iter=iterations * 3, scaling_ratio=4.0)
    scale = max(max(abs(float(v)) for xy in raw.values() for v in xy), 1e-9)
    return {n: (float(x) / scale, float(y) / scale) for n, (x, y) in raw.items()}


def community_layout(core: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    communities = [sorted(c, key=str) for c in nx.community.louvain_communities(core, seed=seed)]
    communities.sort(key=lambda c: (-len(c), str(c[0])))
    member = {n: i for i, c in enumerate(communities) for n in c}
    between = nx.Graph()
    between.add_nodes_from(range(len(communities)))
    for u, v in core.edges():
        a, b = member[u], member[v]
        if a != b:
            between.add_edge(a, b, weight=between.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    centres = spring(between, seed)
    spread = 2.5 * math.sqrt(len(core))
    positions = {}
    for i, community in enumerate(communities):
        sub = core.subgraph(community)
        local = spring(sub, seed, 30) if len(community) <= 600 else nx.circular_layout(sub)
        radius = math.sqrt(len(community))
        cx, cy = centres[i]
        positions.update({n: (cx * spread + x * radius, cy * spread + y * radius) for n, (x, y) in local.items()})
    return positions


def pack_below(parts: list[dict[Hashable, tuple[float, float]]], top: float) -> dict[Hashable, tuple[float, float]]:
    """Small components (each already laid out around 0, 0) in rows below ``top``."""
    width = max(1, int(math.sqrt(len(parts)) * 2))
    placed = {}
    for i, part in enumerate(parts):
        cx, cy = (i % width - width / 2) * 3.0, top + 4 + (i // width) * 3.0
        placed.update({n: (cx + x, cy + y) for n, (x, y) in part.items()})
    return placed


def positions(g: nx.Graph, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Positions in vis-network pixels for every node of ``g``: big connected
    components side by side, small ones (and isolated nodes) packed below."""
    if len(g) <= SMALL:
        raw: dict[Hashable, tuple[float, float]] = spring(g, seed)
        scale = SPACING * math.sqrt(max(len(g), 1))
        return {n: (x * scale, y * scale) for n, (x, y) in raw.items()}
    components = sorted((sorted(c, key=str) for c in nx.connected_components(g)), key=lambda c: (-len(c), str(c[0])))
    raw = {}
    left = 0.0
    small = []
    for component in components:
        if len(component) < 20:
            sub = g.subgraph(component)
            small.append(spring(sub, seed, 30) if len(component) > 1 else {component[0]: (0.0, 0.0)})
            continue
        part = community_layout(g.subgraph(component), seed)
        xs = [x for x, _ in part.values()]
        shift = left - min(xs)
        raw.update({n: (x + shift, y) for n, (x, y) in part.items()})
        left = max(xs) + shift + 10
    top = max((y for _, y in raw.values()), default=0.0)
    raw.update(pack_below(small, top))
    return {n: (x * SPACING, y * SPACING) for n, (x, y) in raw.items()}
