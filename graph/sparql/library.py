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

import pyoxigraph as ox

from graph.errors import QueryError, UnknownNameError
from graph.paths import QUERIES_DIR
from graph.rdf.terms import filled_sparql
from graph.rdf.vocab import XSD
from graph.records import ActorType
from graph.sparql.run import Binding, run_query

# The actor classes, for queries that must not pick up ontology terms (which have labels too).
ACTOR_CLASSES = " ".join(f"sg:{t.value}" for t in ActorType)
PARAM_TYPES = {"literal", "iri", "integer", "decimal", "date", "string", "actor", "topic"}
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


def bind_value(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as a typed RDF term: data, never query text."""
    if param.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise QueryError(f"--param {param.name}: {value!r} is not a valid IRI") from None
    datatype = {"integer": XSD.integer, "decimal": XSD.decimal, "date": XSD.date}.get(param.kind)
    if datatype is not None:
        return ox.Literal(value, datatype=ox.NamedNode(str(datatype)))
    return ox.Literal(value)


def resolve_name(store: ox.Store, kind: str, name: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs of the actors (or topics) whose label or alternative label is ``name``,
    case-insensitively (``kind`` is "actor" or "topic")."""
    if kind == "actor":
        text = query_text("resolve-actor")
    else:
        text = query_text("resolve-topic")
    found = run_query(store, text, {ox.Variable("name"): ox.Literal(name)})
    return tuple(sorted((s["x"] for s in found), key=str))


def bind_params(query: StoredQuery, values: dict[str, str], store: ox.Store | None = None) -> Binding:
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise QueryError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}; valid: {', '.join(by_name) or 'none'}"
        )
    missing = [p.name for p in query.params if p.name not in values and not p.description.startswith("Optional")]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {', '.join(f'{m}=...' for m in missing)}")
    bound: Binding = {}
    for name, value in values.items():
        if not is_text(value):
            raise QueryError(f"--param {name}: the value is not valid UTF-8 text ({value!r})")
        kind = by_name[name].kind
        if kind in RESOLVED_KINDS:
            if store is None:
                raise QueryError(f"--param {name}: naming an {kind} needs the store to look it up")
            bound[ox.Variable(name)] = resolve_name(store, kind, value)
        else:
            bound[ox.Variable(name)] = bind_value(by_name[name], value)
    return bound


def is_text(value: str) -> bool:
    """Whether a value is real text (command-line bytes that are not UTF-8 arrive as
    lone surrogates, which no store term may hold).

    >>> is_text("Gaza"), is_text(b"\\xff".decode("utf-8", "surrogateescape"))
    (True, False)
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def query_text(name: str) -> str:
    """One of the package's own queries (``queries/internal/NAME.rq``), with
    ``{{actor_classes}}`` filled in with the actor classes of the ontology."""
    return filled_sparql(name, actor_classes=ACTOR_CLASSES)
