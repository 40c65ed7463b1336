"""``stancegraph serve``: a read-only SPARQL 1.1 Protocol endpoint over a store.

Standard library HTTP server; the store is opened read-only, so nothing a client
sends can change it. Queries run over the union of all graphs with the same
guards as ``stancegraph query`` (no SERVICE or LOAD, a row limit, a deadline).
Binds to 127.0.0.1 unless told otherwise. Queries on a store directory run in worker
processes (``graph.sparql.isolated``): each sees the store as last committed, so a
later build is served without a restart.

    GET  /query?query=...              POST /query (application/sparql-query or form)
    Accept: application/sparql-results+json (default), text/csv, text/tab-separated-values,
            application/sparql-results+xml; CONSTRUCT/DESCRIBE answer N-Triples.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from graph.errors import QueryError, StancegraphError
from graph.sparql.isolated import Answer
from graph.sparql.pool import WorkerPool
from graph.sparql.results import serialize_bounded
from graph.sparql.run import Bounded, run_query

log = logging.getLogger(__name__)
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
BOUNDED_TYPES = {"application/sparql-results+json": "json", "text/csv": "csv", "text/tab-separated-values": "tsv"}
MAX_BODY = 1_000_000
SOCKET_TIMEOUT = 20.0
BACKLOG = 128


def pick_type(accept: str) -> str:
    for part in (p.split(";")[0].strip() for p in accept.split(",")):
        if part in RESULT_TYPES:
            return part
    return "application/sparql-results+json"


def answer(result: object, accept: str, max_rows: int) -> tuple[bytes, str]:
    """The bytes to send and their media type. A worker's JSON or N-Triples answer is
    passed on as it is; CSV, TSV and XML are serialised here."""
    if isinstance(result, Answer):
        if result.kind == "triples" or pick_type(accept) == "application/sparql-results+json":
            return result.body(), "application/n-triples" if result.kind == "triples" else pick_type(accept)
        parsed = result.parsed()
        result = Bounded(parsed, None, max_rows) if isinstance(parsed, ox.QuerySolutions) else parsed
    out = io.BytesIO()
    if isinstance(result, Bounded):
        media = pick_type(accept)
        media = media if media in BOUNDED_TYPES else "application/sparql-results+json"
        return serialize_bounded(result, BOUNDED_TYPES[media]).encode("utf-8"), media
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        media = pick_type(accept)
        result.serialize(out, RESULT_TYPES[media])
        return out.getvalue(), media
    ox.serialize(result, out, ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type]
    return out.getvalue(), "application/n-triples"


def body_length(header: str | None) -> int | str:
    """The request body's length from ``Content-Length``, or why it is refused.

    >>> body_length("12"), body_length("abc"), body_length(None)
    (12, "Content-Length must be a number of bytes, got 'abc'", 0)
    """
    if header is None or not header.strip():
        return 0
    if not header.strip().isdigit():
        return f"Content-Length must be a number of bytes, got {header!r}"
    length = int(header)
    return length if length <= MAX_BODY else f"query too large: {length:,} bytes (at most {MAX_BODY:,})"


class Handler(BaseHTTPRequestHandler):
    """One request: ``/query`` by GET or POST, answered from the ``Server``'s store."""

    server: Server
    server_version = "stancegraph"

    def setup(self) -> None:
        self.request.settimeout(self.server.socket_timeout)  # a client that stops sending frees its thread
        super().setup()

    def log_message(self, fmt: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), fmt % args)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/query":
            return self.fail(HTTPStatus.NOT_FOUND, "the endpoint is /query")
        self.run(urllib.parse.parse_qs(url.query).get("query", [""])[0])

    def do_POST(self) -> None:
        if urllib.parse.urlsplit(self.path).path != "/query":
            return self.fail(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: only /query is served")
        length = body_length(self.headers.get("Content-Length"))
        if isinstance(length, str):
            self.close_connection = True
            return self.fail(HTTPStatus.BAD_REQUEST, length)
        try:
            body = self.rfile.read(length).decode("utf-8", "replace")
        except TimeoutError:
            self.close_connection = True
            return self.fail(HTTPStatus.REQUEST_TIMEOUT, f"expected {length} bytes of body (Content-Length)")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if kind == "application/x-www-form-urlencoded":
            body = urllib.parse.parse_qs(body).get("query", [""])[0]
        elif kind != "application/sparql-query":
            return self.fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a form")
        self.run(body)

    def run(self, query: str) -> None:
        if not query.strip():
            return self.fail(HTTPStatus.BAD_REQUEST, "no query given")
        try:
            limits = self.server
            result = run_query(
                limits.store,
                query,
                timeout=limits.query_timeout,
                max_rows=limits.max_rows,
                pool=limits.pool,
                answer=True,
            )
            data, media = answer(result, self.headers.get("Accept") or "", limits.max_rows)
        except (QueryError, StancegraphError, SyntaxError, ValueError) as exc:
            return self.fail(HTTPStatus.BAD_REQUEST, str(exc))
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def fail(self, status: HTTPStatus, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    """A threading server with a real listen backlog whose connection errors are one
    log line, not a traceback."""

    request_queue_size = BACKLOG
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        store: ox.Store,
        limits: tuple[float, int, float],
        pool: WorkerPool | None,
    ) -> None:
        self.store, self.pool = store, pool
        self.query_timeout, self.max_rows, self.socket_timeout = limits
        super().__init__(address, Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        log.info("connection from %s ended: %s", client_address, sys.exc_info()[1])

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int = 100_000,
    workers: int | None = None,
    socket_timeout: float = SOCKET_TIMEOUT,
) -> Server:
    """The server, not yet serving. For a store opened from a directory, queries run in
    up to ``workers`` worker processes (default: one per CPU, at least two) that are
    stopped at the deadline and renewed when a build changes the store; a client that
    stops sending for ``socket_timeout`` seconds is answered 408 and disconnected."""
    location = getattr(store, "location", None)
    pool = WorkerPool(location, workers or max(2, os.cpu_count() or 2)) if location is not None else None
    return Server((host, port), store, (timeout, max_rows, socket_timeout), pool)
