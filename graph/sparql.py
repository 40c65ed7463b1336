"""The read side: SPARQL over the store, stored queries and result formats.

Stored queries live in ``graph/queries/*.rq`` with a header of ``#`` lines::

    # question: Which statements did an actor make?
    # param: actor literal  The actor's label, e.g. "Hamas"
    # example: stancegraph query --name statements-by-actor --param actor=Hamas

Parameters are bound as typed RDF terms in a ``VALUES`` block placed first in the
``WHERE`` clause: each value is serialised by pyoxigraph as an escaped N-Triples term,
so a value is always data, never query text. (pyoxigraph's own ``substitutions``
only accept variables of the SELECT projection.) A parameter whose description
starts with "Optional" may be left out; the query sees it unbound.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.paths import QUERIES_DIR
from graph.records import ActorType
from graph.vocab import PREFIXES, XSD

# The actor classes, for queries that must not pick up ontology terms (which have labels too).
ACTOR_CLASSES = " ".join(f"sg:{t.value}" for t in ActorType)

PARAM_TYPES = {"literal", "iri", "integer", "decimal", "date", "string"}
FORMATS = ("table", "csv", "tsv", "json")


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
        raise QueryError(f"no stored query named {name!r}; valid names: {valid}")
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


def bind_params(query: StoredQuery, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                         f"valid: {', '.join(by_name) or 'none'}")
    missing = [p.name for p in query.params if p.name not in values and not p.description.startswith("Optional")]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {', '.join(f'{m}=...' for m in missing)}")
    return {ox.Variable(k): bind_value(by_name[k], v) for k, v in values.items()}


WHERE_OPEN = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(sparql: str, bindings: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """The query with one ``VALUES`` row binding the parameters, first in its WHERE clause."""
    if not bindings:
        return sparql
    body = "\n".join(line if not line.lstrip().startswith("#") else "" for line in sparql.splitlines())
    found = WHERE_OPEN.search(body)
    if found is None:
        raise QueryError("a query with parameters needs a WHERE { ... } clause to bind them in")
    names = " ".join(str(v) for v in bindings)
    row = " ".join(str(t) for t in bindings.values())
    return f"{body[:found.end()]}\n  VALUES ({names}) {{ ({row}) }}\n{body[found.end():]}"


def run_query(store: ox.Store, sparql: str, bindings: dict | None = None):
    """Run a SPARQL query over the union of all graphs, parameters bound as data."""
    try:
        return store.query(with_values(sparql, bindings or {}), prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


def term_text(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def rows_of(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in result.variables]
    return names, [[term_text(solution[n]) for n in names] for solution in result]


def serialize_results(result, fmt: str) -> str:
    """SELECT results as W3C JSON/CSV/TSV; ASK as JSON or text; CONSTRUCT as N-Triples."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()
    if isinstance(result, ox.QueryTriples):
        return "".join(f"{t} .\n" for t in result)
    if fmt == "table":
        raise QueryError("the table format is rendered by the command line, not serialised")
    formats = {"json": ox.QueryResultsFormat.JSON, "tsv": ox.QueryResultsFormat.TSV,
               "csv": ox.QueryResultsFormat.CSV}
    target = io.BytesIO()
    result.serialize(target, formats[fmt])
    return target.getvalue().decode("utf-8")
