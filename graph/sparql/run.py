"""Running SPARQL over a store: SERVICE and LOAD refused (``graph.sparql.guard``),
parameters bound as a ``VALUES`` block of typed terms (data, never query text), and
a user's query run in a worker process that is stopped at its deadline or memory
bound (``graph.sparql.isolated``); SELECT results bounded by a row limit.
"""

from __future__ import annotations

import re
import time

import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.vocab import PREFIXES
from graph.sparql.guard import check_query, syntax_message
from graph.sparql.isolated import DEFAULT_MEMORY_MB
from graph.sparql.pool import WorkerPool, pool_for

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
    isolate: bool = False,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    pool: WorkerPool | None = None,
    answer: bool = False,
):
    """Run a SPARQL query over the union of all graphs, parameters bound as data.

    With ``isolate`` (or a ``pool``) and a store opened from a directory, the query runs
    in a worker process stopped at ``timeout`` seconds or ``memory_mb`` of resident
    memory (``graph.sparql.isolated``); otherwise it runs here and the deadline is
    checked between solutions. With ``timeout`` or ``max_rows`` a SELECT comes back as
    ``Bounded`` solutions. With ``answer`` a worker's ``Answer`` comes back as it is
    (``serve`` passes its bytes on without parsing them).

    :raises QueryError: for a refused operation, a syntax error, a timeout or the memory bound.
    """
    check_query(sparql, allow_service)
    text = with_values(sparql, bindings or {})
    location = getattr(store, "location", None)
    if pool is None and isolate and location is not None:
        pool = pool_for(location)
    if pool is not None:
        found = pool.run(text, timeout=timeout, max_rows=max_rows, memory_mb=memory_mb)
        if answer:
            return found
        result, timeout = found.parsed(), None
    else:
        try:
            result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(syntax_message(text, str(exc), PREFIXES)) from None
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from None
    if isinstance(result, ox.QuerySolutions) and (timeout or max_rows):
        return Bounded(result, timeout, max_rows)
    return result
