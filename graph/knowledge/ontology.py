"""Facts the pipeline reads from the ontology files, as plain records.

``ontology/stancegraph.ttl`` is the one home of what a statement kind means:
its valence (-1 hostile, 0 neutral, +1 friendly), the actor-to-actor edge its
positions derive (with that edge's super-properties), and whether a negated cue
keeps the kind. The extractor, the mapping, the store's clean-up and the views
all read these facts here, so a kind is described in exactly one place.

Turtle is parsed with pyoxigraph's parser and handed on as strings: RDF terms never
leave this module (the extraction stages that use these facts import no RDF
library).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import RDFFileError
from graph.paths import ONTOLOGY_DIR
from graph.records import StatementKind

SG = "https://w3id.org/stancegraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUB_PROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"
ONTOLOGY_FILE = ONTOLOGY_DIR / "stancegraph.ttl"

Triple = tuple[str, str, str]  # subject IRI, predicate IRI, object IRI or literal value


def read_turtle(path: Path) -> list[Triple]:
    """The triples of a Turtle file as plain strings, in file order.

    :raises RDFFileError: when the file cannot be read or parsed.

    >>> any(p.endswith("#valence") for _, p, _ in read_turtle(ONTOLOGY_FILE))
    True
    """
    import pyoxigraph as ox

    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError, ValueError) as exc:
        raise RDFFileError(f"{path}: not a readable Turtle file: {exc}") from None
    return [(q.subject.value, q.predicate.value, q.object.value) for q in quads]


def objects_by_subject(triples: Iterable[Triple], predicate: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for subject, pred, obj in triples:
        if pred == predicate:
            found[subject].append(obj)
    return found


@dataclass(frozen=True)
class KindFacts:
    """What the ontology says of one statement kind."""

    kind: StatementKind
    valence: int
    edges: tuple[str, ...]  # local names of derived edges, the specific one first
    negatable: bool


def super_properties(edge: str, supers: dict[str, list[str]]) -> list[str]:
    found, todo = [], list(supers.get(SG + edge, ()))
    while todo:
        current = todo.pop(0)
        if current.startswith(SG) and current[len(SG) :] not in found:
            found.append(current[len(SG) :])
            todo += supers.get(current, ())
    return found


@lru_cache(maxsize=2)
def load_kind_facts(path: Path = ONTOLOGY_FILE) -> dict[StatementKind, KindFacts]:
    """Every statement kind's facts from the ontology.

    :raises RDFFileError: when a kind lacks ``sg:valence``, ``sg:derivedEdge`` or ``sg:negatable``.

    >>> facts = load_kind_facts()
    >>> facts[StatementKind.ACCUSE].valence, facts[StatementKind.ACCUSE].edges
    (-1, ('accuses', 'opposes'))
    """
    triples = read_turtle(path)
    valence, edge = objects_by_subject(triples, SG + "valence"), objects_by_subject(triples, SG + "derivedEdge")
    negatable, supers = objects_by_subject(triples, SG + "negatable"), objects_by_subject(triples, SUB_PROPERTY)
    facts = {}
    for kind in StatementKind:
        iri = SG + kind.value
        if not (valence.get(iri) and edge.get(iri) and negatable.get(iri)):
            raise RDFFileError(
                f"{path}: statement kind sg:{kind.value} needs sg:valence, sg:derivedEdge and sg:negatable"
            )
        local = edge[iri][0][len(SG) :]
        facts[kind] = KindFacts(
            kind, int(valence[iri][0]), (local, *super_properties(local, supers)), negatable[iri][0] == "true"
        )
    return facts
