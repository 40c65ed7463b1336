"""SHACL validation with pySHACL against ``ontology/shapes.ttl``.

An article graph is validated together with the actors and positions it uses
and the ontology (so ``sg:Official`` counts as an ``sg:Actor``). ``build`` checks
each article's triples before writing them; ``validate`` checks a whole store,
a few article graphs at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from graph.errors import RDFFileError
from graph.paths import ONTOLOGY_DIR
from graph.rdf.mapping import ArticleTriples, Triple
from graph.rdf.mint import Minter
from graph.rdf.terms import OxTerm, from_ox

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "stancegraph.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def validate_graph(data: Graph) -> list[Violation]:
    """SHACL violations of one data graph (empty when it conforms)."""
    from pyshacl import validate

    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    release_parser_cache()
    if conforms:
        return []
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        found.append(
            Violation(
                str(report.value(result, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else None,
                str(report.value(result, SH.resultMessage) or "constraint violated"),
                str(report.value(result, SH.sourceShape)),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def release_parser_cache() -> None:
    """rdflib parses SPARQL with pyparsing, whose packrat cache keeps the last parse's
    exceptions, and their tracebacks keep every caller's frame (and so an open store,
    still locked) alive. Clear it."""
    import pyparsing

    pyparsing.ParserElement.reset_cache()


def graph_of(triples: Iterable[Triple]) -> Graph:
    data = Graph()
    for triple in triples:
        data.add(triple)
    return data


def validate_article(item: ArticleTriples) -> list[Violation]:
    """Violations of one article's triples with its own actors and positions."""
    return validate_graph(graph_of((*item.article, *item.actors, *item.positions)))


def article_graphs(store: ox.Store, minter: Minter) -> list[ox.NamedNode]:
    prefix = f"{minter.base}graph/article/"
    return sorted(
        (g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)),
        key=lambda g: g.value,
    )


def chunk_data(store: ox.Store, graphs: list[ox.NamedNode], minter: Minter) -> Graph:
    """Some article graphs with the actors and positions they use (one hop of affiliations)."""
    data = Graph()
    for graph_name in graphs:
        for quad in store.quads_for_pattern(None, None, None, graph_name):
            data.add((from_ox(cast(OxTerm, quad.subject)), from_ox(quad.predicate), from_ox(cast(OxTerm, quad.object))))
    for shared in ("actors", "positions", "actors"):  # actors twice: affiliations of affiliations
        shared_graph = ox.NamedNode(str(minter.graph(shared)))
        for node in {o for o in data.objects() if isinstance(o, URIRef)}:
            for quad in store.quads_for_pattern(ox.NamedNode(str(node)), None, None, shared_graph):
                data.add(
                    (from_ox(cast(OxTerm, quad.subject)), from_ox(quad.predicate), from_ox(cast(OxTerm, quad.object)))
                )
    return data


def validate_store(store: ox.Store, minter: Minter, chunk: int = 20) -> Iterator[tuple[str, Violation]]:
    """(article graph, violation) for every violation in the store."""
    graphs = article_graphs(store, minter)
    for start in range(0, len(graphs), chunk):
        part = graphs[start : start + chunk]
        data = chunk_data(store, part, minter)
        if any(isinstance(term, BNode) for triple in data for term in triple):
            yield part[0].value, Violation("(blank node)", None, "blank nodes are not allowed", "")
        for violation in validate_graph(data):
            yield ",".join(g.value for g in part) if len(part) > 1 else part[0].value, violation


def validate_file(path: Path) -> list[Violation]:
    """Violations of a Turtle/TriG/N-Quads file (all its graphs as one)."""
    from rdflib import Dataset

    dataset = Dataset()
    try:
        dataset.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise RDFFileError(f"{path}: not a readable RDF file: {exc}") from None
    return validate_graph(graph_of(cast(Iterable[Triple], dataset.triples((None, None, None)))))


@dataclass(frozen=True)
class ValidationReport:
    """What a SHACL check found: ``violations`` as (where, violation) pairs, and what
    was checked ("410 article graphs in demo-store", "file x.ttl")."""

    checked: str
    violations: tuple[tuple[str, Violation], ...] = ()

    @property
    def conforms(self) -> bool:
        return not self.violations

    def lines(self) -> list[str]:
        """Each violation as one readable line."""
        return [f"{where}: {violation}" for where, violation in self.violations]


def check_store(store: ox.Store, minter: Minter, name: str) -> ValidationReport:
    """Validate every article graph of a store (``name`` says which store, for the report)."""
    found = tuple(validate_store(store, minter))
    return ValidationReport(f"{len(article_graphs(store, minter))} article graphs in {name}", found)


def check_file(path: Path) -> ValidationReport:
    """Validate an RDF file (all its graphs as one).

    :raises RDFFileError: when the file cannot be parsed.
    """
    return ValidationReport(f"file {path}", tuple((str(path), v) for v in validate_file(path)))
