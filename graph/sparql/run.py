"""Running SPARQL over a store: SERVICE and LOAD refused, parameters bound as a
``VALUES`` block of typed terms (data, never query text), and SELECT results
bounded by a deadline and a row limit while they stream.
"""

from __future__ import annotations

import re
import time

import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.vocab import PREFIXES

Term = ox.NamedNode | ox.Literal
Binding = dict[ox.Variable, Term | tuple[Term, ...]]
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
    return f"{body[: found.end()]}\n  {' '.join(blocks)}\n{body[found.end() :]}"


FORBIDDEN = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)
STRINGS_AND_COMMENTS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse SERVICE and LOAD (they reach the network or the file system) unless allowed."""
    if allow_service:
        return
    found = FORBIDDEN.search(STRINGS_AND_COMMENTS.sub(" ", sparql))
    if found:
        raise QueryError(
            f"{found.group(1).upper()} is disabled: a query may not reach the network or the "
            "file system (pass --allow-service to permit SERVICE)"
        )


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


def run_query(
    store: ox.Store,
    sparql: str,
    bindings: dict | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = None,
    max_rows: int | None = None,
):
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
