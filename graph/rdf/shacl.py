"""SHACL validation against ``ontology/shapes.ttl``, with pyshacl-turbo (a Rust engine
with pySHACL's API: the shapes' SPARQL constraints cost pySHACL seconds per article).

``build`` checks each article's triples, with the actors and positions they use, before
writing them. ``validate`` checks a whole store in one pass over its quads (the union of its
graphs), then runs the checks a union cannot express as SPARQL over the store: one role per
actor *per article graph* (roles differ in time across articles) and no blank nodes.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.errors import RDFFileError
from graph.paths import ONTOLOGY_DIR
from graph.rdf.mapping import ArticleTriples, Triple
from graph.rdf.terms import filled_sparql

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "stancegraph.ttl"
SHAPES = "https://w3id.org/stancegraph/shapes#"
SHARED_GRAPHS = ("/graph/actors", "/graph/positions")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the focus node, the property path, the message and the shape
    (the node shape's name, "ActorShape"), with ``label`` and ``where`` filled in by
    ``graph.rdf.report`` for people to read."""

    focus: str
    path: str | None
    message: str
    shape: str
    label: str = ""
    where: str = ""

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.label or self.focus}{path}: {self.message}"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@lru_cache(maxsize=1)
def shape_names() -> dict[str, str]:
    """Every shape node (named or a property shape's blank node) -> its node shape's name."""
    shapes = shapes_graph()
    names = {}
    for node in shapes.subjects(None, SH.NodeShape):
        name = str(node)[len(SHAPES) :] if str(node).startswith(SHAPES) else str(node)
        names[str(node)] = name
        for prop in shapes.objects(node, SH.property):
            names[str(prop)] = name
    return names


def validate_data(data: Graph | ox.Store) -> list[Violation]:
    """SHACL violations of a graph, or of a pyoxigraph store's quads (empty when it conforms)."""
    from pyshacl_turbo import validate

    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    if conforms:
        return []
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        shape = str(report.value(result, SH.sourceShape))
        found.append(
            Violation(
                str(report.value(result, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else None,
                general(str(report.value(result, SH.resultMessage) or "constraint violated")),
                shape_names().get(shape, shape),
            )
        )
    return sorted(found, key=lambda v: (v.shape, v.focus, v.path or "", v.message))


def general(message: str) -> str:
    """A message without the node it was raised on, so like violations group together
    ("Less than 1 values on <…/position/9f…>->sg:holder" -> "Less than 1 values on sg:holder")."""
    message = re.sub(r"<[^<>\s]*>(->)?", "", message)
    message = re.sub(r"https?://\S+", "…", message)  # "span https://…/source has offsets [2250, 2256) …"
    message = re.sub(r"\[-?\d+, -?\d+\)", "[start, end)", message)
    return message.replace("  ", " ").strip()


def validate_graph(data: Graph) -> list[Violation]:
    """SHACL violations of one data graph (empty when it conforms)."""
    return validate_data(data)


def graph_of(triples: Iterable[Triple]) -> Graph:
    data = Graph()
    for triple in triples:
        data.add(triple)
    return data


def validate_article(item: ArticleTriples) -> list[Violation]:
    """Violations of one article's triples with its own actors and positions."""
    return validate_graph(graph_of((*item.article, *item.actors, *item.positions)))


def store_checks(store: ox.Store) -> Iterator[Violation]:
    """What the union of a store's graphs cannot show: an actor given two roles by one
    article, and blank nodes (which would make re-ingesting an article add triples)."""
    for row in cast(
        ox.QuerySolutions, store.query(filled_sparql("validate-roles-per-graph"), use_default_graph_as_union=True)
    ):
        actor, graph_name = cast(ox.NamedNode, row[0]).value, cast(ox.NamedNode, row[1]).value
        message = "more than one sg:role in one article graph (an article gives an actor one role)"
        article = graph_name.replace("/graph/article/", "/article/")  # the article the graph holds
        yield Violation(actor, "https://w3id.org/stancegraph/ns#role", message, "ActorShape", where=article)
    for row in cast(ox.QuerySolutions, store.query(filled_sparql("validate-blank-nodes"))):
        yield Violation(str(row[0]), None, "blank nodes are not allowed", "(store)")


MAX_HOPS = 6  # "Department of Commerce" -> "United States": affiliations chain a few steps
CHUNK = 400  # article graphs validated together: memory and time stay linear in the store


def article_graph_names(store: ox.Store) -> list[ox.NamedNode]:
    return sorted(
        (g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and "/graph/article/" in g.value),
        key=lambda g: g.value,
    )


def chunk_store(store: ox.Store, graphs: list[ox.NamedNode]) -> ox.Store:
    """An in-memory store with some article graphs and the shared triples they use: the
    actors and positions they name, and the affiliations of those actors, to the end of
    the chain."""
    chunk = ox.Store()
    for graph_name in graphs:
        chunk.extend(store.quads_for_pattern(None, None, None, graph_name))
    shared = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.endswith(SHARED_GRAPHS)]
    seen: set[ox.NamedNode] = set()
    for _hop in range(MAX_HOPS):  # the actors and positions named, then affiliations of affiliations
        nodes = {q.object for q in chunk if isinstance(q.object, ox.NamedNode)} - seen
        if not nodes:
            break
        seen |= nodes
        for node in nodes:
            for graph_name in shared:
                chunk.extend(store.quads_for_pattern(node, None, None, graph_name))
    return chunk


def validate_store(store: ox.Store, chunk: int = CHUNK, threads: int = 2) -> list[Violation]:
    """Every violation in a store: the shapes over its article graphs, ``chunk`` at a time
    with the shared triples they use, then over the shared graphs, then ``store_checks``;
    each violation once. The engine releases the GIL, so ``threads`` chunks are validated
    while the next is copied (at most ``threads`` + 1 chunks in memory)."""
    graphs = article_graph_names(store)
    parts = (chunk_store(store, graphs[start : start + chunk]) for start in range(0, len(graphs), chunk))
    found: dict[tuple[str, str | None, str], Violation] = {}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        pending: deque[Future[list[Violation]]] = deque()
        for part in chain(parts, [shared_store(store)]):  # then shared triples no article uses
            pending.append(pool.submit(validate_data, part))
            while len(pending) > threads or (pending and pending[0].done()):
                collect(pending.popleft().result(), found)
        while pending:
            collect(pending.popleft().result(), found)
    return [*found.values(), *store_checks(store)]


def collect(violations: list[Violation], found: dict[tuple[str, str | None, str], Violation]) -> None:
    for violation in violations:
        found.setdefault((violation.focus, violation.path, violation.message), violation)


def shared_store(store: ox.Store) -> ox.Store:
    """The store's graphs other than article graphs (actors, positions, derived edges,
    ontology), as one in-memory store."""
    shared = ox.Store()
    for graph_name in store.named_graphs():
        if not (isinstance(graph_name, ox.NamedNode) and "/graph/article/" in graph_name.value):
            shared.extend(store.quads_for_pattern(None, None, None, graph_name))
    shared.extend(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return shared


def validate_file(path: Path) -> list[Violation]:
    """Violations of a Turtle/TriG/N-Quads file (all its graphs as one).

    :raises RDFFileError: when the file cannot be parsed.
    """
    from rdflib import Dataset

    dataset = Dataset()
    try:
        dataset.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise RDFFileError(f"{path}: not a readable RDF file: {exc}") from None
    return validate_graph(graph_of(cast(Iterable[Triple], dataset.triples((None, None, None)))))
