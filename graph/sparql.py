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
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.paths import QUERIES_DIR
from graph.records import ActorType
from graph.vocab import PREFIXES, XSD

# The actor classes, for queries that must not pick up ontology terms (which have labels too).
ACTOR_CLASSES = " ".join(f"sg:{t.value}" for t in ActorType)

PARAM_TYPES = {"literal", "iri", "integer", "decimal", "date", "string", "actor", "topic"}
# Parameters naming an actor or a topic are looked up (case-insensitive, labels and
# alternative labels) and bound to the matching IRIs: index joins instead of label scans.
RESOLVE = {
    "actor": ("SELECT DISTINCT ?x WHERE { VALUES ?t { %s } ?x a ?t ; rdfs:label|skos:altLabel ?n . "
              "FILTER (LCASE(STR(?n)) = LCASE(STR(?name))) }"),
    "topic": ("SELECT DISTINCT ?x WHERE { ?x skos:inScheme topic:scheme . "
              "FILTER (STR(?x) = CONCAT(STR(topic:), LCASE(STR(?name))) || EXISTS { ?x skos:prefLabel|skos:altLabel ?n . "
              "FILTER (LCASE(STR(?n)) = LCASE(STR(?name))) }) }"),
}
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


Binding = dict[ox.Variable, ox.NamedNode | ox.Literal | tuple[ox.NamedNode | ox.Literal, ...]]


def resolve_name(store: ox.Store, kind: str, name: str) -> tuple[ox.NamedNode, ...]:
    text = RESOLVE[kind] % ACTOR_CLASSES if kind == "actor" else RESOLVE[kind]
    found = run_query(store, text, {ox.Variable("name"): ox.Literal(name)})
    return tuple(sorted((s["x"] for s in found), key=str))


def bind_params(query: StoredQuery, values: dict[str, str], store: ox.Store | None = None) -> Binding:
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                         f"valid: {', '.join(by_name) or 'none'}")
    missing = [p.name for p in query.params if p.name not in values and not p.description.startswith("Optional")]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {', '.join(f'{m}=...' for m in missing)}")
    bound: Binding = {}
    for name, value in values.items():
        kind = by_name[name].kind
        if kind in RESOLVE:
            if store is None:
                raise QueryError(f"--param {name}: naming an {kind} needs the store to look it up")
            bound[ox.Variable(name)] = resolve_name(store, kind, value)
        else:
            bound[ox.Variable(name)] = bind_value(by_name[name], value)
    return bound


WHERE_OPEN = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(sparql: str, bindings: Binding) -> str:
    """The query with a ``VALUES`` block per parameter, first in its WHERE clause (a
    looked-up name may bind several IRIs, or none: then the query has no answers)."""
    if not bindings:
        return sparql
    body = "\n".join(line if not line.lstrip().startswith("#") else "" for line in sparql.splitlines())
    found = WHERE_OPEN.search(body)
    if found is None:
        raise QueryError("a query with parameters needs a WHERE { ... } clause to bind them in")
    blocks = []
    for variable, terms in bindings.items():
        terms = terms if isinstance(terms, tuple) else (terms,)
        blocks.append(f"VALUES {variable} {{ {' '.join(str(t) for t in terms)} }}")
    return f"{body[:found.end()]}\n  {' '.join(blocks)}\n{body[found.end():]}"


FORBIDDEN = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)
STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse SERVICE and LOAD (they reach the network or the file system) unless allowed."""
    if allow_service:
        return
    found = FORBIDDEN.search(STRINGS_AND_COMMENTS.sub(" ", sparql))
    if found:
        raise QueryError(f"{found.group(1).upper()} is disabled: a query may not reach the network or the "
                         "file system (pass --allow-service to permit SERVICE)")


class Bounded:
    """SELECT solutions with a deadline and a row limit, checked while iterating
    (pyoxigraph evaluates lazily and has no timeout of its own)."""

    def __init__(self, result: ox.QuerySolutions, timeout: float | None, max_rows: int | None) -> None:
        self.result, self.variables = result, result.variables
        self.deadline = time.monotonic() + timeout if timeout else None
        self.timeout, self.max_rows, self.truncated = timeout, max_rows, False

    def __iter__(self):
        for number, solution in enumerate(self.result):
            if self.max_rows is not None and number >= self.max_rows:
                self.truncated = True
                return
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise QueryError(f"query timed out after {self.timeout:g} s (--timeout)")
            yield solution


def run_query(store: ox.Store, sparql: str, bindings: dict | None = None, *, allow_service: bool = False,
              timeout: float | None = None, max_rows: int | None = None):
    """Run a SPARQL query over the union of all graphs, parameters bound as data.
    With ``timeout`` or ``max_rows`` a SELECT comes back as ``Bounded`` solutions."""
    check_query(sparql, allow_service)
    try:
        result = store.query(with_values(sparql, bindings or {}), prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None
    if isinstance(result, ox.QuerySolutions) and (timeout or max_rows):
        return Bounded(result, timeout, max_rows)
    return result


NUMERIC = {"http://www.w3.org/2001/XMLSchema#integer": int, "http://www.w3.org/2001/XMLSchema#decimal": float,
           "http://www.w3.org/2001/XMLSchema#double": float, "http://www.w3.org/2001/XMLSchema#float": float,
           "http://www.w3.org/2001/XMLSchema#boolean": lambda v: v == "true"}


def python_value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> object:
    """A term as a Python value: numbers and booleans converted, anything else its text."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        convert = NUMERIC.get(term.datatype.value)
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:
                return term.value
    return term.value


def term_text(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def rows_of(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in result.variables]
    return names, [[term_text(solution[n]) for n in names] for solution in result]


def term_json(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def serialize_bounded(result: Bounded, fmt: str) -> str:
    """Bounded SELECT solutions as W3C SPARQL results JSON, CSV or TSV."""
    names = [v.value for v in result.variables]
    rows = [[s[n] for n in names] for s in result]
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        quote = (lambda v: '"' + v.replace('"', '""') + '"') if sep == "," else (lambda v: v.replace("\t", " "))
        lines = [sep.join(names)] + [sep.join(quote(t.value) if t is not None else "" for t in r) for r in rows]
        return "\r\n".join(lines) + "\r\n"
    bindings = [{n: term_json(t) for n, t in zip(names, r) if t is not None} for r in rows]
    body = {"head": {"vars": names}, "results": {"bindings": bindings}}
    if result.truncated:
        body["head"]["link"] = [f"truncated after {result.max_rows} rows"]
    return json.dumps(body)


def serialize_results(result, fmt: str) -> str:
    """SELECT results as W3C JSON/CSV/TSV; ASK as JSON or text; CONSTRUCT as N-Triples."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()
    if isinstance(result, ox.QueryTriples):
        return "".join(f"{t} .\n" for t in result)
    if isinstance(result, Bounded) and fmt != "table":
        return serialize_bounded(result, fmt)
    if fmt == "table":
        raise QueryError("the table format is rendered by the command line, not serialised")
    formats = {"json": ox.QueryResultsFormat.JSON, "tsv": ox.QueryResultsFormat.TSV,
               "csv": ox.QueryResultsFormat.CSV}
    target = io.BytesIO()
    result.serialize(target, formats[fmt])
    return target.getvalue().decode("utf-8")
