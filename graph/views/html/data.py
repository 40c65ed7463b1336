"""What a view shows, read from the store into plain records.

Nodes are actors that made or received a statement; edges are the positions
(holder -> target, kind) that the derived actor->actor edges are built from,
each with the statements that evidence it. Dates come from ``sg:statedOn``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import QueryError
from graph.knowledge.ontology import load_kind_facts
from graph.rdf.terms import term_text
from graph.records import StatementKind
from graph.sparql.library import query_text
from graph.sparql.run import run_query


@dataclass(frozen=True)
class Said:
    """One statement as a tooltip shows it."""

    speaker: str
    kind: str
    words: str
    date: str
    article: str  # headline, else the article IRI
    url: str
    topics: tuple[str, ...] = ()
    outlet: str = ""  # the article's publisher, where the source names one


@dataclass
class ActorNode:
    iri: str
    label: str
    actor_type: str
    alt_labels: set[str] = field(default_factory=set)
    role: str = ""
    affiliation: str = ""
    wikidata: str = ""
    made: list[Said] = field(default_factory=list)
    received: int = 0


@dataclass
class StanceEdge:
    source: str  # actor IRIs
    target: str
    kind: str
    statements: list[Said] = field(default_factory=list)

    @property
    def outlets(self) -> int:
        """Distinct outlets (publishers) behind the edge's statements; copies of one wire
        story in one outlet count once."""
        return len({s.outlet for s in self.statements if s.outlet})

    @property
    def articles(self) -> int:
        return len({s.article for s in self.statements})

    @property
    def valence(self) -> int:
        try:
            return load_kind_facts()[StatementKind(self.kind)].valence
        except ValueError:  # an edge from a user's query, named by its predicate
            return 0


@dataclass
class ViewData:
    actors: dict[str, ActorNode]
    edges: list[StanceEdge]
    topics: dict[str, str] = field(default_factory=dict)  # topic IRI -> label
    topic_edges: list[StanceEdge] = field(default_factory=list)  # actor -> topic
    undated: int = 0  # statements left out by a date range because they have no date


def value(solution: ox.QuerySolution, name: str) -> str:
    return term_text(solution[name])


def in_range(date: str, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not date:
        return False
    return (not since or date >= since) and (not until or date[: len(until)] <= until)


def statement_rows(store: ox.Store, since: str | None, until: str | None) -> tuple[dict[str, dict], int]:
    """Statement IRI -> its fields (targets and topics gathered), and how many statements
    a date range left out for want of a date."""
    rows: dict[str, dict] = {}
    undated: set[str] = set()
    for s in run_query(store, query_text("view-statements")):
        date = value(s, "date")
        if not in_range(date, since, until):
            if not date:
                undated.add(value(s, "statement"))
            continue
        row = rows.setdefault(
            value(s, "statement"),
            {
                "speaker": value(s, "speaker"),
                "holder": value(s, "holder"),
                "kind": value(s, "kind"),
                "words": value(s, "words"),
                "date": date,
                "headline": value(s, "headline"),
                "url": value(s, "url"),
                "article": value(s, "article"),
                "outlet": value(s, "outlet"),
                "targets": set(),
                "topics": set(),
            },
        )
        if s["target"] is not None:
            row["targets"].add(value(s, "target"))
        if s["topic"] is not None:
            row["topics"].add(value(s, "topic"))
    return rows, len(undated)


def actor_nodes(store: ox.Store) -> dict[str, ActorNode]:
    actors: dict[str, ActorNode] = {}
    for s in run_query(store, query_text("view-actors")):
        iri = value(s, "actor")
        node = actors.setdefault(iri, ActorNode(iri, value(s, "label"), value(s, "type")))
        if s["alt"] is not None:
            node.alt_labels.add(value(s, "alt"))
        node.role = node.role or value(s, "role")
        node.affiliation = node.affiliation or value(s, "affiliation")
        same = value(s, "sameAs")
        if "wikidata.org/entity/" in same:
            node.wikidata = same.rsplit("/", 1)[-1]
    return actors


def read_view_data(store: ox.Store, since: str | None = None, until: str | None = None) -> ViewData:
    """Actors that made or received a statement (in the date range), and the stance edges.
    Edges start at the position holder: an anonymous source's words count for the
    institution it spoke for, as positions and the derived edges do."""
    known = actor_nodes(store)
    topics = {value(s, "topic"): value(s, "label") for s in run_query(store, query_text("view-topic-labels"))}
    used: dict[str, ActorNode] = {}
    edges: dict[tuple[str, str, str], StanceEdge] = {}
    topic_edges: dict[tuple[str, str, str], StanceEdge] = {}
    rows, undated = statement_rows(store, since, until)
    for row in rows.values():
        speaker = known.get(row["speaker"])
        holder = known.get(row["holder"])
        if speaker is None or holder is None:
            continue
        said = Said(
            speaker.label,
            row["kind"],
            row["words"],
            row["date"],
            row["headline"] or row["article"],
            row["url"],
            tuple(sorted(topics.get(t, t) for t in row["topics"])),
            row["outlet"],
        )
        used.setdefault(speaker.iri, speaker).made.append(said)
        used.setdefault(holder.iri, holder)
        for target in sorted(row["targets"] & known.keys() - {holder.iri}):
            used.setdefault(target, known[target]).received += 1
            edges.setdefault(
                (holder.iri, target, row["kind"]), StanceEdge(holder.iri, target, row["kind"])
            ).statements.append(said)
        for topic in sorted(row["topics"]):
            topic_edges.setdefault(
                (holder.iri, topic, row["kind"]), StanceEdge(holder.iri, topic, row["kind"])
            ).statements.append(said)
    return ViewData(used, list(edges.values()), topics, list(topic_edges.values()), undated)


def edges_from_query(store: ox.Store, sparql: str, data: ViewData) -> tuple[dict[str, ActorNode], list[StanceEdge]]:
    """Edges from a user query: a CONSTRUCT (subject -> object, predicate as kind) or a
    SELECT with ?source ?target and optionally ?kind. Only actor-to-actor edges count."""
    result = run_query(store, sparql)
    pairs: list[tuple[str, str, str]] = []
    if isinstance(result, ox.QueryTriples):
        pairs = [
            (t.subject.value, t.object.value, t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
            for t in result
            if isinstance(t.object, ox.NamedNode)
        ]
    elif isinstance(result, ox.QuerySolutions):
        names = {v.value for v in result.variables}
        if not {"source", "target"} <= names:
            raise QueryError("a SELECT query for a view must return ?source and ?target (and may return ?kind)")
        pairs = [(value(s, "source"), value(s, "target"), value(s, "kind") if "kind" in names else "") for s in result]
    known = actor_nodes(store)
    found: dict[tuple[str, str, str], StanceEdge] = {}
    lookup = defaultdict(list)
    for edge in data.edges:
        lookup[(edge.source, edge.target)].append(edge)
    for source, target, kind in pairs:
        if source in known and target in known:
            kind = kind.rsplit("#", 1)[-1] or "related"
            statements = [s for e in lookup[(source, target)] for s in e.statements]
            found.setdefault((source, target, kind), StanceEdge(source, target, kind, statements))
    used = {iri: data.actors.get(iri, known[iri]) for e in found.values() for iri in (e.source, e.target)}
    return used, list(found.values())
