"""Which part of the graph a view shows, and where its nodes go.

Pure functions over ``ViewData`` (plus networkx): ego networks, topic and query
subgraphs, the ``--max-nodes`` cut (which says what it left out), and
precomputed positions for graphs too large for live physics.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from typing import cast

import networkx as nx

from graph.errors import ConfigError, UnknownNameError
from graph.views.html.data import ActorNode, StanceEdge, ViewData
from graph.views.html.labels import Placed, place_labels
from graph.views.html.layout import positions


@dataclass(frozen=True)
class ViewOptions:
    actor: str | None = None
    depth: int = 1
    topic: str | None = None
    query: str | None = None  # SPARQL text (CONSTRUCT, or SELECT ?source ?target [?kind])
    since: str | None = None
    until: str | None = None
    max_nodes: int = 500
    topics: bool = False  # show topic nodes
    asserts: bool = False  # the plain view draws plain assertions too (off: stances only)
    kind: str = "graph"  # "graph" (the network), "matrix" (actor × actor stances) or "timeline" (one actor's)
    physics_limit: int = 300  # above this many nodes the page says its positions are precomputed
    labelled: int = 30  # nodes whose labels are always drawn (the most connected), never overlapping
    title: str = "stancegraph"

    def __post_init__(self) -> None:
        if self.kind not in ("graph", "matrix", "timeline"):
            raise ConfigError(f"view kind {self.kind!r}: expected graph, matrix or timeline")
        for name in ("since", "until"):
            check_date(name, getattr(self, name))
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"since {self.since} is after until {self.until}: the date range is empty")


def check_date(name: str, value: str | None) -> None:
    """A date bound: YYYY, YYYY-MM or YYYY-MM-DD, and a real date.

    :raises ConfigError: naming the option, the value and what is wrong.

    >>> check_date("since", "2024-02-29")
    >>> check_date("since", "2024-13-45")
    Traceback (most recent call last):
    graph.errors.ConfigError: since '2024-13-45' is not a date: month must be in 1..12 (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """
    if value is None:
        return
    expected = "expected YYYY, YYYY-MM or YYYY-MM-DD"
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ConfigError(f"{name} {value!r} is not a date ({expected})")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(*parts[:3])
    except ValueError as exc:
        raise ConfigError(f"{name} {value!r} is not a date: {exc} ({expected})") from None


@dataclass
class Selection:
    actors: dict[str, ActorNode]
    edges: list[StanceEdge]
    topics: dict[str, str] = field(default_factory=dict)
    topic_edges: list[StanceEdge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] | None = None
    labels: dict[str, Placed] = field(default_factory=dict)


def find_actor(actors: dict[str, ActorNode], name: str) -> str:
    wanted = name.casefold().strip()
    for iri, node in actors.items():
        if wanted in {n.casefold() for n in (node.label, *node.alt_labels)}:
            return iri
    close = difflib.get_close_matches(name, sorted({n.label for n in actors.values()}), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    raise UnknownNameError(f"no actor named {name!r} made or received a statement in this view{hint}")


def ego(selection: Selection, center: str, depth: int) -> Selection:
    """The actor, the actors within ``depth`` links of it, and the edges between
    consecutive rings (for depth 1: the edges that touch the actor)."""
    undirected = nx.Graph()
    undirected.add_node(center)
    undirected.add_edges_from((e.source, e.target) for e in selection.edges)
    distance = nx.single_source_shortest_path_length(undirected, center, cutoff=depth)
    edges = [
        e
        for e in selection.edges
        if e.source in distance and e.target in distance and abs(distance[e.source] - distance[e.target]) == 1
    ]
    topic_edges = [e for e in selection.topic_edges if e.source in distance]
    return Selection({i: selection.actors[i] for i in distance}, edges, selection.topics, topic_edges, selection.notes)


def on_topics(selection: Selection, labels: set[str]) -> Selection:
    """Only statements about these topics (labels), and the actors they involve."""

    def keep(edge: StanceEdge) -> StanceEdge | None:
        statements = [s for s in edge.statements if labels & set(s.topics)]
        return StanceEdge(edge.source, edge.target, edge.kind, statements) if statements else None

    edges = [k for k in map(keep, selection.edges) if k is not None]
    topics = {iri: label for iri, label in selection.topics.items() if label in labels}
    topic_edges = [k for k in map(keep, selection.topic_edges) if k is not None and k.target in topics]
    used = {i for e in edges for i in (e.source, e.target)} | {e.source for e in topic_edges}
    return Selection(
        {i: selection.actors[i] for i in used if i in selection.actors}, edges, topics, topic_edges, selection.notes
    )


def weight(selection: Selection) -> dict[str, int]:
    """How connected each actor is: statements on its edges plus statements it made."""
    score = {iri: len(node.made) for iri, node in selection.actors.items()}
    for edge in selection.edges:
        for iri in (edge.source, edge.target):
            score[iri] = score.get(iri, 0) + max(1, len(edge.statements))
    return score


def cut(selection: Selection, max_nodes: int) -> Selection:
    """Keep the ``max_nodes`` most connected actors, less any left without an edge among
    them, and say what was left out."""
    total = len(selection.actors) + (len(selection.topics) if selection.topic_edges else 0)
    if total <= max_nodes:
        return selection
    score = weight(selection)
    room = max(1, max_nodes - (len(selection.topics) if selection.topic_edges else 0))
    kept = set(sorted(selection.actors, key=lambda i: (-score.get(i, 0), selection.actors[i].label))[:room])
    edges = [e for e in selection.edges if e.source in kept and e.target in kept]
    topic_edges = [e for e in selection.topic_edges if e.source in kept]
    kept &= {e.source for e in edges} | {e.target for e in edges} | {e.source for e in topic_edges}  # none isolated
    note = (
        f"Showing the {len(kept):,} most connected of {len(selection.actors):,} actors and "
        f"{len(edges):,} of {len(selection.edges):,} edges (--max-nodes {max_nodes})."
    )
    return Selection(
        {i: selection.actors[i] for i in kept}, edges, selection.topics, topic_edges, [*selection.notes, note]
    )


def layout(selection: Selection, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions (vis-network pixels) computed here, for pages without live physics."""
    g = nx.Graph()
    g.add_nodes_from(selection.actors)
    g.add_nodes_from(selection.topics if selection.topic_edges else ())
    g.add_edges_from((e.source, e.target) for e in (*selection.edges, *selection.topic_edges))
    return cast(dict[str, tuple[float, float]], positions(g, seed))  # nodes are actor/topic keys


def stances_only(data: ViewData) -> Selection:
    """The default picture (no actor, topic, topic nodes or query): stance edges between
    actors (every kind but plain Assert) and the actors they join; no actor without an
    edge. A note says how many assertions are hidden. Focused views keep every kind."""
    edges = [e for e in data.edges if e.kind != "Assert"]
    topic_edges = [e for e in data.topic_edges if e.kind != "Assert"]
    joined = {e.source for e in edges} | {e.target for e in edges}
    hidden = sum(len(e.statements) for e in data.edges if e.kind == "Assert")
    notes = [f"{hidden:,} plain assertions are not drawn (--asserts draws them)."] if hidden else []
    return Selection({i: a for i, a in data.actors.items() if i in joined}, edges, data.topics, topic_edges, notes)


def select(
    data: ViewData,
    options: ViewOptions,
    topic_labels: set[str] | None = None,
    query_part: tuple[dict[str, ActorNode], list[StanceEdge]] | None = None,
) -> Selection:
    """Apply the options in order: query or whole graph, topic, ego, size cut, layout."""
    if query_part is not None:
        selection = Selection(query_part[0], query_part[1], data.topics, [])
    else:
        plain = not (options.asserts or options.topics) and options.topic is None and options.actor is None
        selection = (
            stances_only(data)
            if plain
            else Selection(dict(data.actors), list(data.edges), data.topics, list(data.topic_edges))
        )
    if topic_labels is not None:
        selection = on_topics(selection, topic_labels)
    elif not options.topics:
        selection = Selection(selection.actors, selection.edges, {}, [], selection.notes)
    if options.actor:
        selection = ego(selection, find_actor(selection.actors, options.actor), options.depth)
    used_topics = {e.target for e in selection.topic_edges}
    selection.topics = {iri: label for iri, label in selection.topics.items() if iri in used_topics}
    selection = cut(selection, options.max_nodes)
    count = len(selection.actors) + (len(selection.topics) if selection.topic_edges else 0)
    if data.undated:
        selection.notes.append(
            f"{data.undated:,} statements without a date are left out by the date range (--since/--until)."
        )
    if count > options.physics_limit:
        selection.notes.append(f"{count:,} nodes: live physics is off and positions were computed in advance.")
    if count:
        points = layout(selection)
        score = weight(selection)
        ranked = sorted(points, key=lambda n: (-score.get(n, 0), n))
        names = {**{i: a.label for i, a in selection.actors.items()}, **selection.topics}
        selection.positions, selection.labels = place_labels(points, names, ranked, options.labelled)
    return selection
