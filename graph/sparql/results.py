"""Query results as rows of text or as W3C SPARQL results (JSON, CSV, TSV)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from graph.errors import QueryError, UnsupportedFormatError
from graph.rdf.terms import python_value, term_json, term_text
from graph.sparql.guard import select_star_order
from graph.sparql.isolated import Triples
from graph.sparql.run import Bounded, run_query

FORMATS = ("table", "csv", "tsv", "json")


def serialize_bounded(result: Bounded | ox.QuerySolutions, fmt: str, names: list[str] | None = None) -> str:
    """SELECT solutions as W3C SPARQL results JSON, CSV or TSV, columns in ``names``
    order (default: the query's); a truncated answer says so in the JSON head."""
    names = names or [v.value for v in result.variables]
    rows = [[s[n] for n in names] for s in result]
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        quote = (lambda v: '"' + v.replace('"', '""') + '"') if sep == "," else (lambda v: v.replace("\t", " "))
        lines = [sep.join(names)] + [sep.join(quote(t.value) if t is not None else "" for t in r) for r in rows]
        return "\r\n".join(lines) + "\r\n"
    bindings = [{n: term_json(t) for n, t in zip(names, r) if t is not None} for r in rows]
    body: dict[str, dict[str, object]] = {"head": {"vars": names}, "results": {"bindings": bindings}}
    if getattr(result, "truncated", False):
        body["head"]["link"] = [f"truncated after {getattr(result, 'max_rows', '?')} rows"]
    return json.dumps(body)


def serialize_results(result, fmt: str) -> str:
    """SELECT results as W3C JSON/CSV/TSV; ASK as JSON or text; CONSTRUCT as N-Triples."""
    if fmt not in FORMATS:
        raise UnsupportedFormatError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()
    if isinstance(result, (ox.QueryTriples, Triples)):
        return "".join(f"{t} .\n" for t in result)
    if isinstance(result, Bounded) and fmt != "table":
        return serialize_bounded(result, fmt)
    if fmt == "table":
        raise UnsupportedFormatError("the table format is rendered by the command line, not serialised")
    formats = {"json": ox.QueryResultsFormat.JSON, "tsv": ox.QueryResultsFormat.TSV, "csv": ox.QueryResultsFormat.CSV}
    target = io.BytesIO()
    result.serialize(target, formats[fmt])
    return target.getvalue().decode("utf-8")


class QueryResult:
    """The answer to one query, read once: a table (SELECT) or not (ASK, CONSTRUCT).

    ``columns`` and ``rows()`` give a SELECT as text; ``serialize(fmt)`` gives any
    answer in a W3C format (``json``, ``csv``, ``tsv``); ``python_rows()`` gives numbers
    and booleans as Python values.
    """

    def __init__(self, raw: object, text: str = "") -> None:
        self.raw, self.text = raw, text

    @property
    def is_table(self) -> bool:
        return isinstance(self.raw, (ox.QuerySolutions, Bounded))

    @property
    def columns(self) -> list[str]:
        """The SELECT's variables, in the order the query names them (``SELECT *``: in
        the order they first appear in its WHERE clause)."""
        if not self.is_table:
            return []
        names = [v.value for v in self.raw.variables]  # type: ignore[attr-defined]
        order = select_star_order(self.text) if self.text else None
        if not order:
            return names
        return sorted(names, key=lambda n: order.index(n) if n in order else len(order))

    @property
    def truncated(self) -> bool:
        """Whether ``max_rows`` cut the answer (known once the rows have been read)."""
        return bool(getattr(self.raw, "truncated", False))

    @property
    def max_rows(self) -> int | None:
        return getattr(self.raw, "max_rows", None)

    def labelled_rows(self, store: ox.Store) -> list[list[str]]:
        """Every solution as text for a person to read: an article IRI shows as its
        headline and date, another IRI with a label as the label."""
        with malformed_answer():
            solutions = self.terms()
        iris = {t for row in solutions for t in row if isinstance(t, ox.NamedNode)}
        names = display_labels(store, iris)
        return [[names.get(t.value, term_text(t)) if t is not None else "" for t in row] for row in solutions]

    def rows(self) -> list[list[str]]:
        """Every solution as text cells, in column order (a SELECT only).

        :raises QueryError: when a remote endpoint's answer turns out malformed.
        """
        with malformed_answer():
            return [[term_text(t) for t in row] for row in self.terms()]

    def python_rows(self) -> list[list[object]]:
        """Every solution as Python values (numbers and booleans converted)."""
        with malformed_answer():
            return [[python_value(t) for t in row] for row in self.terms()]

    def terms(self) -> list[list[ox.NamedNode | ox.Literal | ox.BlankNode | None]]:
        """Every solution's terms in column order (the columns worked out once)."""
        columns = self.columns
        return [[solution[n] for n in columns] for solution in self.raw]  # type: ignore[attr-defined]

    def serialize(self, fmt: str) -> str:
        """The answer as W3C SPARQL results (json, csv, tsv); ASK as JSON or text;
        CONSTRUCT as N-Triples.

        :raises UnsupportedFormatError: for any other format.
        :raises QueryError: when a remote endpoint's answer turns out malformed.
        """
        with malformed_answer():
            if self.is_table and fmt in ("csv", "tsv", "json"):
                return serialize_bounded(self.raw, fmt, self.columns)  # type: ignore[arg-type]
            return serialize_results(self.raw, fmt)


@contextmanager
def malformed_answer() -> Iterator[None]:
    """Answers are parsed as they are read: a parse error from a remote endpoint's
    stream becomes a ``QueryError`` that says so."""
    try:
        yield
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL endpoint's answer is malformed: {exc}") from None


def display_labels(store: ox.Store, iris: set[ox.NamedNode]) -> dict[str, str]:
    """IRI -> "headline (date)" for articles (else the URL, else the text's opening words),
    the label for anything else labelled."""
    from graph.rdf.terms import filled_sparql

    names: dict[str, str] = {}
    chunk = sorted(iris, key=str)
    for start in range(0, len(chunk), 500):
        text = filled_sparql("display-labels", iris=chunk[start : start + 500])
        for s in run_query(store, text):
            iri = s["x"].value
            title = next((s[k].value for k in ("headline", "url") if s[k] is not None), None)
            if title is None and s["opening"] is not None:
                title = "“" + " ".join(s["opening"].value.split()) + "…”"
            if title is not None:
                names[iri] = title + (f" ({s['date'].value[:10]})" if s["date"] is not None else "")
            elif s["label"] is not None and iri not in names:
                names[iri] = s["label"].value
    return names
