"""Exports and counts over the store: TriG, N-Quads, Turtle, JSON-LD.

Turtle has no named graphs, so it carries the union of all graphs.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import ConfigError
from graph.paths import ONTOLOGY_DIR
from graph.vocab import PREFIXES

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                  "turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"


@dataclass(frozen=True)
class StoreStats:
    articles: int
    actors: int
    statements: int
    positions: int
    triples: int
    quads: int


def export_store(store: ox.Store, fmt: str) -> bytes:
    """The whole store serialised in ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    rdf_format = EXPORT_FORMATS[fmt]
    if fmt == "jsonld":
        return jsonld_export(store)
    target = io.BytesIO()
    if rdf_format.supports_datasets:
        ox.serialize(sorted(store, key=str), target, rdf_format, prefixes=PREFIXES)
    else:
        triples = sorted({q.triple for q in store}, key=str)
        ox.serialize(triples, target, rdf_format, prefixes=PREFIXES)
    return target.getvalue()


def jsonld_export(store: ox.Store) -> bytes:
    """JSON-LD compacted with ``ontology/context.jsonld``, the context in-lined (readers
    need not fetch anything); one ``@graph`` entry per named graph."""
    from rdflib import Dataset

    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    target = io.BytesIO()
    ox.serialize(store, target, ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=target.getvalue().decode("utf-8"), format="nquads")
    return dataset.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")


def count(store: ox.Store, pattern: str) -> int:
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"
    solution = next(iter(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)))
    return int(solution["n"].value)


def count_triples(store: ox.Store) -> int:
    """Distinct triples over all graphs (a triple in two graphs counts once)."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


def store_stats(store: ox.Store) -> StoreStats:
    return StoreStats(
        articles=count(store, "?x a schema:NewsArticle"),
        actors=count(store, "?a schema:mentions ?x"),
        statements=count(store, "?x a sg:Statement"),
        positions=count(store, "?x a sg:Position"),
        triples=count_triples(store),
        quads=len(store))
