"""The stored-query library: ``graph/sparql/queries/*.rq``, each with a header of
``#`` lines::

    # question: Which statements did an actor make?
    # param: actor literal  The actor's label, e.g. "Hamas"
    # example: stancegraph query --name statements-by-actor --param actor=Hamas

Parameters are bound as typed RDF terms in a ``VALUES`` block placed first in the
``WHERE`` clause (``graph.sparql.run.with_values``): each value is serialised by
pyoxigraph as an escaped N-Triples term, so a value is always data, never query
text. (pyoxigraph's own ``substitutions`` only accept variables of the SELECT
projection.) A parameter whose description starts with "Optional" may be left out;
the query sees it unbound. Parameters naming an actor or a topic are looked up
(case-insensitive, labels and alternative labels) and bound to the matching IRIs:
index joins instead of label scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import QueryError, UnknownNameError
from graph.paths import QUERIES_DIR
from graph.rdf.terms import filled_sparql
from graph.records import ActorType

# The actor classes, for queries that must not pick up ontology terms (which have labels too).
ACTOR_CLASSES = " ".join(f"sg:{t.value}" for t in ActorType)
PARAM_TYPES = {"literal", "iri", "integer", "decimal", "date", "string", "actor", "topic", "kind"}
RESOLVED_KINDS = ("actor", "topic")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class StoredQuery:
    name: str
    text: str
    question: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = field(default=())


def parse_header(name: str, text: str) -> StoredQuery:
    question, params, examples = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        value = value.strip()
        if key == "question":
            question = value
        elif key == "param":
            pname, kind, *rest = value.split(None, 2) + [""]
            if kind not in PARAM_TYPES:
                raise QueryError(f"{name}.rq: param {pname!r} has type {kind!r}; expected one of {sorted(PARAM_TYPES)}")
            params.append(Param(pname, kind, rest[0].strip() if rest else ""))
        elif key == "example":
            examples.append(value)
    return StoredQuery(name, text, question, tuple(params), tuple(examples))


def list_queries(directory: Path = QUERIES_DIR) -> list[StoredQuery]:
    return [parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: Path = QUERIES_DIR) -> StoredQuery:
    path = directory / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or not path.is_file():
        valid = ", ".join(q.name for q in list_queries(directory))
        raise UnknownNameError(f"no stored query named {name!r}; valid names: {valid}")
    return parse_header(name, path.read_text(encoding="utf-8"))


def query_text(name: str) -> str:
    """One of the package's own queries (``queries/internal/NAME.rq``), with
    ``{{actor_classes}}`` filled in with the actor classes of the ontology."""
    return filled_sparql(name, actor_classes=ACTOR_CLASSES)
