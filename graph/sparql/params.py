"""Binding a stored query's parameters: each value checked against its type (a number,
a date, a statement kind, an actor or topic in the store) with "did you mean" for names,
the same for the command line and Python; messages name the parameter, not a flag.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rapidfuzz import process

from graph.errors import QueryError, UnknownNameError
from graph.rdf.terms import filled_sparql
from graph.rdf.vocab import XSD
from graph.records import PEOPLE, StatementKind
from graph.sparql.library import ACTOR_CLASSES, RESOLVED_KINDS, Param, StoredQuery, query_text
from graph.sparql.run import Binding, run_query

KINDS = {kind.value.casefold(): kind.value for kind in StatementKind}


def bind_value(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as a typed RDF term (data, never query text), checked first.

    :raises QueryError: naming the parameter, the value and what was expected.

    >>> bind_value(Param("kindFilter", "kind"), "accuse").value
    'Accuse'
    >>> bind_value(Param("threshold", "decimal"), "abc")
    Traceback (most recent call last):
    graph.errors.QueryError: parameter threshold: 'abc' is not a number (e.g. 0.7)
    """
    where = f"parameter {param.name}: {value!r}"
    if param.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise QueryError(f"{where} is not a valid IRI") from None
    if param.kind == "kind":
        return ox.Literal(statement_kind(param, value))
    checks: dict[str, tuple[Callable[[str], object], str]] = {
        "integer": (int, "a whole number (e.g. 10)"),
        "decimal": (Decimal, "a number (e.g. 0.7)"),
        "date": (datetime.date.fromisoformat, "a date (YYYY-MM-DD)"),
    }
    if param.kind in checks:
        parse, expected = checks[param.kind]
        try:
            parsed = parse(value.strip())
        except (ValueError, InvalidOperation):
            raise QueryError(f"{where} is not {expected}") from None
        if isinstance(parsed, Decimal) and not parsed.is_finite():
            raise QueryError(f"{where} is not {expected}")
        datatype = {"integer": XSD.integer, "decimal": XSD.decimal, "date": XSD.date}[param.kind]
        return ox.Literal(str(parsed), datatype=ox.NamedNode(str(datatype)))
    return ox.Literal(value)


def statement_kind(param: Param, value: str) -> str:
    """A statement kind by name, any case ("accuse" -> "Accuse").

    :raises QueryError: listing the kinds, with the closest first.
    """
    found = KINDS.get(value.strip().casefold())
    if found is not None:
        return found
    close = [m[0] for m in process.extract(value, list(KINDS.values()), limit=2, score_cutoff=60)]
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise QueryError(f"parameter {param.name}: no statement kind {value!r}; {hint}kinds: {', '.join(KINDS.values())}")


def resolve_name(store: ox.Store, kind: str, name: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs of the actors (or topics) whose label or alternative label is ``name``,
    case-insensitively (``kind`` is "actor" or "topic"); none is an empty tuple."""
    text = query_text("resolve-actor" if kind == "actor" else "resolve-topic")
    found = run_query(store, text, {ox.Variable("name"): ox.Literal(name)})
    return tuple(sorted((s["x"] for s in found), key=str))


def suggestions(store: ox.Store, kind: str, name: str, limit: int = 3) -> list[str]:
    """The names in the store closest to ``name`` (rapidfuzz WRatio, 70 or more)."""
    text = filled_sparql("suggest-names", kind=ox.Literal(kind), actor_classes=ACTOR_CLASSES)
    names = sorted({s["n"].value for s in run_query(store, text)})
    return [m[0] for m in process.extract(name, names, limit=limit, score_cutoff=70)]


def people_by_surname(store: ox.Store, name: str) -> list[tuple[ox.NamedNode, str, int]]:
    """(IRI, label, statements as speaker) of the people whose label ends or starts with the
    word(s) ``name`` (a surname: "Pompeo" -> Mike Pompeo, "Kim" -> Kim Jong Un) or is
    ``name``, case-insensitively, most statements first."""
    people = " ".join(f"sg:{t.value}" for t in sorted(PEOPLE))
    text = filled_sparql("resolve-surname", people_classes=people)
    found = run_query(store, text, {ox.Variable("name"): ox.Literal(name.strip())})
    return [(s["x"], s["label"].value, int(s["statements"].value)) for s in found]


def resolve_or_suggest(store: ox.Store, param: Param, name: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs a name parameter stands for: the actors (or topics) with that name or
    alternative label; else, for an actor, the one person whose surname it is, or the one
    of its bearers who said anything (with a node named by that surname alone, when the
    store has one).

    :raises UnknownNameError: when nothing in the store has that name, with the closest
        names ("did you mean ..."), or when it is the surname of several people (listed,
        most statements first).
    """
    found = resolve_name(store, param.kind, name)
    bearers = people_by_surname(store, name) if param.kind == "actor" and name.strip() else []
    full = [p for p in bearers if p[1].casefold() != name.strip().casefold()]
    bare = {p[0] for p in bearers} - {p[0] for p in full}  # a node named by the surname alone
    if found and (not full or set(found) - bare):
        return found
    people = full + [p for p in bearers if p[0] in bare]
    speaking = [p for p in full if p[2] > 0]
    if len(full) == 1 or len(speaking) == 1:  # "Sanders" alone and Bernie Sanders; Blair, not silent Cherie
        chosen = full if len(full) == 1 else speaking
        return tuple(p[0] for p in chosen + [p for p in bearers if p[0] in bare])
    if people:
        listed = ", ".join(f"{label!r} ({n:,} statement{'' if n == 1 else 's'})" for _, label, n in people[:5])
        more = f" and {len(people) - 5:,} more" if len(people) > 5 else ""
        raise UnknownNameError(
            f"parameter {param.name}: {name!r} is a name of {len(people):,} people in the store: {listed}{more}; "
            "give the full name"
        )
    close = suggestions(store, param.kind, name)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownNameError(f"parameter {param.name}: no {param.kind} named {name!r} in the store{hint}")


def bind_params(query: StoredQuery, values: dict[str, str], store: ox.Store | None = None) -> Binding:
    """Every parameter value checked and bound as typed terms.

    :raises QueryError: for an unknown or missing parameter, or a value of the wrong type.
    :raises UnknownNameError: for an actor or topic the store does not have.
    """
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise QueryError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}; valid: {', '.join(by_name) or 'none'}"
        )
    missing = [p.name for p in query.params if p.name not in values and not p.description.startswith("Optional")]
    if missing:
        example = " ".join(f"--param {m}=..." for m in missing)
        raise QueryError(f"query {query.name!r} needs the parameter {', '.join(missing)} (command line: {example})")
    bound: Binding = {}
    for name, value in values.items():
        if not is_text(value):
            raise QueryError(f"parameter {name}: the value is not valid UTF-8 text ({value!r})")
        param = by_name[name]
        if param.kind in RESOLVED_KINDS:
            if store is None:
                raise QueryError(f"parameter {name}: naming an {param.kind} needs the store to look it up")
            bound[ox.Variable(name)] = resolve_or_suggest(store, param, value)
        else:
            bound[ox.Variable(name)] = bind_value(param, value)
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
