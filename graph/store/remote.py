"""A SPARQL 1.1 endpoint used like the embedded store (``--store http(s)://…``).

Implements the part of ``pyoxigraph.Store`` that stancegraph uses — ``query``,
``update``, iteration, ``len``, ``named_graphs``, ``quads_for_pattern``, ``flush`` —
with SPARQL 1.1 Query and Update over HTTP (standard library only). Results come
back as pyoxigraph objects parsed as the response streams in (``parse_query_results``
/ ``parse``), so the rest of the code does not know the difference; a whole copy of
the store is read in pages and checked against the endpoint's count. stancegraph queries the union of all graphs:
the request carries Oxigraph's ``union-default-graph`` parameter; other servers must
be configured with a union default graph (Fuseki ``unionDefaultGraph``, ...).

URLs: ``http://host:port`` means ``/query`` and ``/update`` below it (Oxigraph's
layout); a URL ending in ``/query`` or ``/sparql`` is the query endpoint and the
update endpoint is its sibling ``/update``.
"""

from __future__ import annotations

import http.client
import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from graph.errors import StoreError
from graph.rdf.terms import filled_sparql

TIMEOUT = 300
PAGE = 50_000


def is_remote(location: object) -> bool:
    return str(location).startswith(("http://", "https://"))


def endpoints(url: str) -> tuple[str, str]:
    base = url.rstrip("/")
    head, _, last = base.rpartition("/")
    if last in ("query", "sparql"):
        return base, f"{head}/update"
    return f"{base}/query", f"{base}/update"


class RemoteStore:
    """A remote SPARQL endpoint with the Store methods stancegraph needs."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url, self.read_only = url, read_only
        self.query_url, self.update_url = endpoints(url)
        self.query(filled_sparql("remote-ping"))  # fail now, clearly, if nothing answers

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def post(
        self, url: str, body: str, content_type: str, accept: str, params: dict | None = None
    ) -> http.client.HTTPResponse:
        """The response, open: the caller reads (and parses) it as it arrives."""
        target = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        request = urllib.request.Request(
            target, data=body.encode("utf-8"), method="POST", headers={"Content-Type": content_type, "Accept": accept}
        )
        try:
            return urllib.request.urlopen(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise SyntaxError(f"{url} refused the request: {detail}") from None
            raise StoreError(f"{url} answered HTTP {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from None

    def query(
        self, query: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False, **_: object
    ):
        text = "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items()) + query
        params = {"union-default-graph": ""} if use_default_graph_as_union else None
        response = self.post(
            self.query_url,
            text,
            "application/sparql-query",
            "application/sparql-results+json, application/n-triples;q=0.9",
            params,
        )
        media = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        try:
            if media in ("application/n-triples", "text/plain", "application/n-quads"):
                return ox.parse(response, ox.RdfFormat.N_TRIPLES)
            return ox.parse_query_results(response, ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url} answered with malformed SPARQL results: {exc}") from None

    def update(self, update: str, prefixes: dict[str, str] | None = None) -> None:
        if self.read_only:
            raise StoreError(f"{self.url} was opened read-only")
        text = "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items()) + update
        self.post(self.update_url, text, "application/sparql-update", "*/*").close()

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        terms = {"s": subject, "p": predicate, "o": object, "g": graph_name}
        values = " ".join(f"VALUES ?{n} {{ {t} }}" for n, t in terms.items() if t is not None)
        yield from self.solutions_as_quads(filled_sparql("remote-quads", values=values))

    def solutions(self, query: str) -> Iterator[ox.QuerySolution]:
        """The solutions of one of the package's own queries, parse errors as ``StoreError``."""
        try:
            yield from self.query(query)
        except SyntaxError as exc:
            raise StoreError(f"{self.query_url} answered with malformed SPARQL results: {exc}") from None

    def solutions_as_quads(self, query: str) -> Iterator[ox.Quad]:
        for solution in self.solutions(query):
            yield ox.Quad(*(solution[n] for n in "spog"))

    def __iter__(self) -> Iterator[ox.Quad]:
        """Every quad, in pages: a server that caps its answers (a row limit) is paged
        through, and a copy that still comes out short is an error, never a partial result.

        :raises StoreError: when fewer quads arrive than the endpoint counts.
        """
        total, received = len(self), 0
        base = filled_sparql("remote-quads", values="")
        while received < total:
            page = 0
            for quad in self.solutions_as_quads(f"{base}\nLIMIT {PAGE} OFFSET {received}"):
                page += 1
                yield quad
            if page == 0:
                break
            received += page
        if received != total:
            raise StoreError(
                f"{self.url}: received {received:,} of the {total:,} quads the endpoint counts; "
                "the copy is incomplete (was the store written meanwhile?)"
            )

    def __len__(self) -> int:
        for solution in self.solutions(filled_sparql("remote-count-quads")):
            return int(solution["n"].value)
        raise StoreError(f"{self.query_url} did not answer a count of its quads")

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        for solution in self.solutions(filled_sparql("remote-named-graphs")):
            yield solution["g"]

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        """Whether the endpoint holds a graph of that name (with a triple in it)."""
        return next(self.solutions(filled_sparql("remote-has-graph", graph=graph)), None) is not None

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads in one ``INSERT DATA`` update (one transaction on the server)."""
        lines = "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
        if lines:
            self.update(filled_sparql("remote-insert-quads", data=lines))

    def flush(self) -> None:
        """Nothing to do: the server commits each update."""

    def optimize(self) -> None:
        """Nothing to do: the server manages its own storage."""

    def dump(self, output: io.BytesIO, format: ox.RdfFormat) -> None:
        ox.serialize(list(self), output, format)
