"""SHACL validation against ``ontology/shapes.ttl``, with pyshacl-turbo (a Rust engine
with pySHACL's API: the shapes' SPARQL constraints cost pySHACL seconds per article).

``build`` checks each article's triples, with the actors and positions they use, before
writing them. ``validate`` checks a whole store in one pass over its quads (the union of its
graphs), then runs the checks a union cannot express as SPARQL over the store: one role per
actor *per article graph* (roles differ in time across articles) and no blank nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
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
    return re.sub(r"<[^<>\s]*>(->)?", "", message).replace("  ", " ").strip()


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


def validate_store(store: ox.Store) -> list[Violation]:
    """Every violation in a store: the shapes over all its quads, then ``store_checks``."""
    return [*validate_data(store), *store_checks(store)]


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
