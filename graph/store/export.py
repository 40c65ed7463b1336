"""Exports of the store: TriG, N-Quads, Turtle, JSON-LD, and an rdflib ``Dataset``.

Turtle has no named graphs, so it carries the union of all graphs.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.errors import UnsupportedFormatError
from graph.paths import ONTOLOGY_DIR
from graph.rdf.vocab import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset

EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"


def export_store(store: ox.Store, fmt: str) -> bytes:
    """The whole store serialised in ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise UnsupportedFormatError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
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
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return to_rdflib(store).serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")


def to_rdflib(store: ox.Store) -> Dataset:
    """The whole store as an rdflib ``Dataset`` (one graph per named graph)."""
    from rdflib import Dataset

    buffer = io.BytesIO()
    ox.serialize(store, buffer, ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    return dataset
