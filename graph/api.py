"""The Python API: the one face of stancegraph. ``import graph`` re-exports it, and
every command of the command line calls exactly one of these functions.

Small and stable: build a store, open it, ask it questions, get it as rdflib or
networkx, look at it, check it, score the extraction. Every example below runs as
a doctest on the sample story (``data/samples``), built once into ``sample_store``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from graph.errors import ConfigError, IngestError
from graph.paths import DEFAULT_STORE
from graph.records import Extraction, Problem
from graph.settings import DEFAULT_BASE, Settings

if TYPE_CHECKING:  # the API imports its stages lazily: ``import graph`` stays cheap
    from http.server import ThreadingHTTPServer

    import networkx as nx
    import pandas as pd
    import pyoxigraph as ox
    from rdflib import Dataset

    from graph.evaluation.identity import IdentityReport
    from graph.evaluation.labels import LabelReport
    from graph.evaluation.spans import SpanReport
    from graph.pipeline.build import BuildReport as BuildReport
    from graph.rdf.report import ValidationReport
    from graph.sparql.actors import ActorRecord, SuspectPair
    from graph.sparql.library import StoredQuery
    from graph.sparql.results import QueryResult
    from graph.views.html import ViewReport
    from graph.views.inline import InlineView

PathLike = str | Path


def open_store(path: PathLike = DEFAULT_STORE, *, read_only: bool = True) -> ox.Store:
    """Open a store directory, or a SPARQL 1.1 endpoint given as ``http(s)://…``.

    :param path: the store directory (default ``./stancegraph-store``) or endpoint URL.
    :param read_only: read-only by default, so a running build is not blocked.
    :returns: a pyoxigraph ``Store`` (a ``RemoteStore`` with the same methods for a URL).
        A read-only directory handle follows later builds: each call of this module
        (``query``, ``stats``, ``view``, ...) reads the store as last committed, one whole
        snapshot per call; two calls during a running build may see different batches.
    :raises StoreError: when there is no store at ``path`` or it cannot be opened.
    :raises StoreLockedError: when opened for writing while a build holds the lock.

    >>> store = graph.open_store(sample_store)
    >>> len(store) > 1000
    True
    """
    from graph.store.embedded import open_store as open_

    return open_(path, read_only=read_only)


def _current(store: ox.Store) -> ox.Store:
    """A store handle as last committed: a read-only directory store is reopened when a
    build has written since (each call below reads one whole snapshot)."""
    current = getattr(store, "current", None)
    return current() if callable(current) else store


def build(
    paths: Iterable[PathLike] | PathLike,
    store: PathLike = DEFAULT_STORE,
    *,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
    **changes: Any,
) -> BuildReport:
    """Build or update a store from article files or directories (.txt .md .html .jsonl, each also as .gz).

    Unchanged articles are skipped; each batch is written in one transaction; a bad
    article becomes a ``Problem`` in the report and never stops the build.

    :param paths: files or directories, read recursively.
    :param store: the store directory or endpoint to write.
    :param settings: base settings (default ``Settings()``); keyword ``changes`` override
        its fields (``model``, ``workers``, ``validate``, ``gazetteers``, ``identity``, ...).
    :param progress: called with a count as inputs are done (written, skipped unchanged
        or refused); ``count_inputs(paths)`` gives the total to expect.
    :returns: a ``BuildReport`` (``read``, ``written``, ``skipped``, ``statements``, ``problems``).
    :raises ConfigError: for an unknown setting.
    :raises ModelNotFoundError: when the spaCy model is not installed.
    :raises StoreLockedError: when another build is writing the store.

    >>> report = graph.build(sample_dir, store=tmp / "kg")
    >>> report.written, report.skipped, report.problems
    (1, 0, [])
    >>> graph.build(sample_dir, store=tmp / "kg").skipped  # unchanged: nothing to do
    1
    """
    import dataclasses

    from graph.pipeline.build import build as run_build

    valid = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(changes) - valid)
    if unknown:
        raise ConfigError(f"unknown settings {', '.join(unknown)}; valid: {', '.join(sorted(valid))}")
    chosen = dataclasses.replace(settings or Settings(), store=store, **changes)
    return run_build(_input_paths(paths), chosen, progress)


def _input_paths(paths: Iterable[PathLike] | PathLike) -> list[PathLike]:
    """The inputs as a list; a URL is refused by name (a ``Path`` would mangle it)."""
    listed = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for path in listed:
        if isinstance(path, str) and path.startswith(("http://", "https://")):
            raise IngestError(f"{path}: URLs are not read; save the page (or a JSONL of records) and pass the file")
    return listed


def problem_kinds(problems: Iterable[Problem]) -> dict[str, list[tuple[str, int]]]:
    """Problems counted by kind of reason, per severity, most frequent first (file names,
    quoted values and numbers left out of the reason).

    >>> problem_kinds([Problem("a.txt", "no statements found", "warning"),
    ...                Problem("b.txt", "no statements found", "warning")])
    {'warning': [('no statements found', 2)]}
    """
    from collections import Counter

    from graph.records import problem_reason

    counted: dict[str, Counter[str]] = {}
    for problem in problems:
        counted.setdefault(problem.severity, Counter())[problem_reason(problem.message)] += 1
    return {severity: counts.most_common() for severity, counts in sorted(counted.items())}


def count_inputs(paths: Iterable[PathLike] | PathLike) -> int:
    """How many articles ``build`` will handle under ``paths``: one per text or HTML
    file, one per non-blank line of each JSONL file (``.gz`` read as it streams).

    :raises IngestError: for a path that does not exist, or a URL.

    >>> graph.count_inputs(sample_dir)
    1
    """
    from graph.ingest.files import count_articles

    return count_articles(Path(p) for p in _input_paths(paths))


def extract_file(path: PathLike, *, model: str | None = None) -> Extraction:
    """Extract actors and statements from one article file, without a store.

    :returns: the ``Extraction`` record (article, actors, statements, problems).
    :raises IngestError: when the file is missing or is not exactly one readable article.
    :raises ModelNotFoundError: when the spaCy model is not installed.

    >>> extraction = graph.extract_file(sample_file)
    >>> sorted({a.label for a in extraction.actors} & {"Hamas", "Israel", "United States"})
    ['Hamas', 'Israel', 'United States']
    """
    import dataclasses

    from graph.ingest import read_file
    from graph.pipeline.articles import extract_one

    file = Path(path)
    if not file.is_file():
        raise IngestError(f"{file}: no such file")
    items = list(read_file(file))
    articles = [i for i in items if not isinstance(i, Problem)]
    warnings = tuple(i for i in items if isinstance(i, Problem) and i.severity == "warning")
    if len(articles) != 1 or len(warnings) + 1 != len(items):
        errors = [str(i) for i in items if isinstance(i, Problem) and i.severity != "warning"]
        found = f"{len(articles)} articles" if articles else "no article"
        raise IngestError("; ".join(errors) or f"{file}: {found}; expected exactly one (use `build` for a batch)")
    extraction = extract_one(articles[0], Settings(model=model))
    return dataclasses.replace(extraction, problems=(*warnings, *extraction.problems))  # "decoded as cp1252"


def format_extraction(extraction: Extraction, fmt: str = "json", *, model: str | None = None) -> str:
    """An extraction as JSON (plain records, no article body) or Turtle (its RDF).

    :raises UnsupportedFormatError: for a format other than ``json`` or ``turtle``.

    >>> graph.format_extraction(extraction, "turtle").startswith("@prefix")
    True
    """
    from graph.errors import UnsupportedFormatError
    from graph.pipeline.extraction_io import extraction_json, extraction_turtle

    if fmt == "json":
        return extraction_json(extraction)
    if fmt == "turtle":
        return extraction_turtle(extraction, Settings(model=model))
    raise UnsupportedFormatError(f"unknown format {fmt!r}; expected json or turtle")


def query(store: ox.Store, sparql: str | None = None, *, name: str | None = None, **params: object) -> pd.DataFrame:
    """A SELECT (inline, or a stored query by ``name`` with its parameters) as a pandas
    DataFrame; numbers and booleans come back as Python numbers and booleans.

    :raises QueryError: for malformed SPARQL, a forbidden operation, or a query that is
        not a SELECT.
    :raises UnknownNameError: for an unknown stored query.
    :raises ValueError: unless exactly one of ``sparql`` and ``name`` is given.

    >>> sorted(graph.query(store, name="hostility", kindFilter="Accuse")["who"])
    ['China', 'Russia']
    """
    import pandas as pd

    from graph.errors import QueryError

    if (sparql is None) == (name is None):
        raise ValueError("give either a SPARQL string or name= of a stored query")
    result = run_query(store, sparql, name=name, params={k: str(v) for k, v in params.items()})
    if not result.is_table:
        raise QueryError("query() returns tables: use a SELECT query (to_rdflib() for graphs)")
    return pd.DataFrame(result.python_rows(), columns=result.columns)


def run_query(
    store: ox.Store,
    sparql: str | None = None,
    *,
    name: str | None = None,
    file: PathLike | None = None,
    params: dict[str, str] | None = None,
    timeout: float | None = None,
    max_rows: int | None = None,
    allow_service: bool = False,
    max_memory_mb: int | None = 2048,
) -> QueryResult:
    """Run SPARQL over the union of the store's graphs: inline, a ``.rq`` file, or a
    stored query by ``name``; parameters are bound as typed terms, never pasted in.

    :param timeout: seconds the query may run; ``max_rows``: rows a SELECT may return;
        ``max_memory_mb``: resident memory it may use. On a store opened from a directory
        the query runs in a worker process that is stopped (CPU and memory freed) when a
        bound is passed or on Ctrl-C; on an in-memory ``pyoxigraph.Store`` it runs in
        this process and the deadline is checked between solutions only.
    :param allow_service: permit ``SERVICE`` (network access); ``LOAD`` is never allowed.
    :returns: a ``QueryResult`` (``columns``, ``rows()``, ``serialize(fmt)``).
    :raises ConfigError: unless exactly one of ``sparql``, ``file`` and ``name`` is given.
    :raises QueryError: for malformed SPARQL, a forbidden operation, bad parameters or a timeout.
    :raises UnknownNameError: for an unknown stored query.

    >>> graph.run_query(store, "ASK { ?s a sg:Statement }").serialize("json")
    '{"head": {}, "boolean": true}'
    >>> result = graph.run_query(store, name="statements", max_rows=3)
    >>> result.columns[:3], len(result.rows())
    (['speaker', 'for', 'kind'], 3)
    """
    from graph.sparql.params import bind_params
    from graph.sparql.results import QueryResult
    from graph.sparql.run import run_query as run

    stored = _stored_query(sparql, file, name)
    store = _current(store)
    bindings = bind_params(stored, params or {}, store)
    return QueryResult(
        run(
            store,
            stored.text,
            bindings,
            allow_service=allow_service,
            timeout=timeout,
            max_rows=max_rows,
            isolate=True,
            memory_mb=max_memory_mb,
        ),
        stored.text,
    )


def _stored_query(sparql: str | None, file: PathLike | None, name: str | None) -> StoredQuery:
    """The query to run: inline text, a ``.rq`` file, or a stored query by name."""
    from graph.sparql import library

    if sum(x is not None for x in (sparql, file, name)) != 1:
        raise ConfigError("give exactly one of: a SPARQL string, a .rq file, or the name of a stored query")
    if name is not None:
        return library.load_query(name)
    if file is not None:
        return library.parse_header(Path(file).stem, _read_query_file(Path(file)))
    return library.StoredQuery("inline", sparql or "")


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the query file: {exc}") from None


def list_queries() -> list[tuple[str, str]]:
    """(name, question) of every stored query, sorted by name.

    >>> "hostility" in dict(graph.list_queries())
    True
    """
    return [(q.name, q.question) for q in stored_queries()]


def stored_queries() -> list[StoredQuery]:
    """Every stored query with its question, parameters (name, kind, description) and examples.

    >>> [p.name for p in next(q for q in graph.stored_queries() if q.name == "hostility").params]
    ['kindFilter']
    """
    from graph.sparql.library import list_queries as stored

    return stored()


def export(store: ox.Store, fmt: str | None = None, output: PathLike | None = None) -> bytes:
    """The whole store serialised: ``trig``, ``nquads``, ``turtle`` or ``ntriples`` (these
    two have no named graphs: every graph merged into one) or ``jsonld`` (compacted with the
    bundled context); aliases ``ttl``, ``nq``, ``nt``, ``json-ld`` are accepted. Without
    ``fmt`` the format comes from the extension of ``output`` (``x.nq`` → N-Quads), else
    TriG. With ``output`` the data is also written to that file, whole or not at all (a
    full disk never leaves a truncated export).

    :raises UnsupportedFormatError: for any other format.
    :raises OutputError: when ``output`` cannot be written (the message says why).
    :raises StoreError: when a remote endpoint's copy comes out incomplete or malformed.

    >>> len(graph.export(store, "nquads").splitlines()) == len(store)
    True
    """
    from graph.outputs import write_whole
    from graph.store.export import export_format, export_store

    data = export_store(_current(store), export_format(fmt, str(output) if output else None))
    if output is not None:
        write_whole(output, data)
    return data


def export_to(store: ox.Store, target: PathLike | BinaryIO, fmt: str | None = None) -> str:
    """Serialise the whole store onto ``target`` — a file path (written whole or not at all)
    or a binary stream such as ``sys.stdout.buffer`` — without holding it in memory for
    TriG and N-Quads (``export`` returns bytes: fine for a small store, not for millions of
    quads). ``fmt`` as in ``export``; returns the format used.

    :raises UnsupportedFormatError: for an unknown format or output extension.
    :raises OutputError: when the file cannot be written (the message says why).

    >>> import io; out = io.BytesIO()
    >>> graph.export_to(store, out, "nquads")
    'nquads'
    >>> len(out.getvalue().splitlines()) == len(store)
    True
    """
    from contextlib import nullcontext

    from graph.outputs import whole_file
    from graph.store.export import write_export

    named = isinstance(target, (str, Path))
    chosen = export_format(fmt, target if named else None)  # type: ignore[arg-type]
    with whole_file(target) if named else nullcontext(target) as stream:  # type: ignore[arg-type]
        write_export(_current(store), chosen, stream)  # type: ignore[arg-type]
    return chosen


def export_format(fmt: str | None = None, output: PathLike | None = None) -> str:
    """The export format ``export`` would use (a canonical name: trig, nquads, turtle,
    ntriples or jsonld).

    :raises UnsupportedFormatError: for an unknown format or output extension.

    >>> graph.export_format(None, "graph.nq"), graph.export_format("json-ld")
    ('nquads', 'jsonld')
    """
    from graph.store.export import export_format as choose

    return choose(fmt, str(output) if output else None)


def to_rdflib(store: ox.Store) -> Dataset:
    """The whole store as an rdflib ``Dataset`` (one graph per named graph).

    >>> len(graph.to_rdflib(store)) == len(store)
    True
    """
    from graph.store.export import to_rdflib as convert

    return convert(_current(store))


def to_networkx(store: ox.Store) -> nx.MultiDiGraph:
    """Actors as nodes, statements as typed edges (speaker -> target, keyed by the
    statement IRI, with kind, words, evidence and offsets); see ``graph.views.networks``.

    >>> g = graph.to_networkx(store)
    >>> g.number_of_edges() > 5 and all("evidence" in d for _, _, d in g.edges(data=True))
    True
    """
    from graph.views.networks import statement_graph

    return statement_graph(_current(store))


def view(store: ox.Store, height: int = 650, **options: Any) -> InlineView:
    """The interactive view, inline in a notebook (an iframe holding the same page
    ``write_view`` writes). Options are those of ``ViewOptions`` (``actor``, ``depth``,
    ``topic``, ``query``, ``since``, ``until``, ``max_nodes``, ``topics``, ``title``).

    :raises UnknownNameError: for an actor or topic the store does not have.

    >>> graph.view(store, actor="Hamas")._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    from graph.views.html import ViewOptions, view_html
    from graph.views.inline import InlineView

    page, report = view_html(_current(store), ViewOptions(**options))
    return InlineView(page, height, report.nodes, report.edges)


def write_view(store: ox.Store, output: PathLike, **options: Any) -> ViewReport:
    """Write the interactive view as one self-contained, offline HTML file (and nothing
    else anywhere). Options as for ``view``.

    :returns: a ``ViewReport`` (``nodes``, ``edges``, ``notes`` on what was cut).
    :raises UnknownNameError: for an actor or topic the store does not have.
    :raises QueryError: for a ``query`` option that is not a usable CONSTRUCT or SELECT.

    >>> report = graph.write_view(store, tmp / "view.html")
    >>> report.nodes > 5 and (tmp / "view.html").stat().st_size > 10_000
    True
    """
    from graph.views.html import ViewOptions
    from graph.views.html import write_view as write

    return write(_current(store), Path(output), ViewOptions(**options))


def serve(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    max_rows: int = 100_000,
    workers: int | None = None,
) -> ThreadingHTTPServer:
    """A read-only SPARQL 1.1 endpoint over the store at ``http://HOST:PORT/query``
    (not yet serving: call ``serve_forever()``). On a store opened from a directory
    each query runs in one of ``workers`` processes (default: one per CPU, at least
    two), is stopped at ``timeout`` seconds, and sees the store as last committed.

    :raises OSError: when the address cannot be bound.

    >>> server = graph.serve(store, port=0)
    >>> server.server_address[0]
    '127.0.0.1'
    >>> server.server_close()
    """
    from graph.sparql.serve import make_server

    return make_server(store, host, port, timeout, max_rows, workers)


def stats(store: ox.Store) -> dict[str, int]:
    """Counts of articles, actors, statements, positions, triples and quads.

    >>> graph.stats(store)["articles"]
    1
    """
    from dataclasses import asdict

    from graph.store.stats import store_stats

    return asdict(store_stats(_current(store)))


def actors(
    store: ox.Store, *, suspects: bool = False, limit: int | None = None
) -> list[ActorRecord] | list[SuspectPair]:
    """The store's actors as ``ActorRecord`` (``iri``, ``label``, ``type``, ``aliases``,
    ``statements`` made as speaker, ``articles`` mentioning it, ``wikidata`` id or None),
    most statements first; or, with ``suspects``, the pairs that may be one actor split
    in two, as ``SuspectPair`` ``(a, b, reason)`` for review. Reasons: "same label,
    different type", "same label", "same surname", "alias shared", "similar names"
    (see ``graph.sparql.actors``).

    :param limit: at most this many records (or pairs).

    >>> top = graph.actors(store, limit=3)
    >>> len(top), top[0].statements >= top[1].statements >= top[2].statements
    (3, True)
    >>> next(a for a in graph.actors(store) if a.label == "United Nations").wikidata
    'Q1065'
    >>> all(a.iri != b.iri and reason for a, b, reason in graph.actors(store, suspects=True))
    True
    """
    from graph.sparql.actors import list_actors, suspect_pairs

    records = list_actors(_current(store))
    found: list[ActorRecord] | list[SuspectPair] = suspect_pairs(records) if suspects else records
    return found[:limit] if limit is not None else found


def evaluate(
    gold: PathLike | Iterable[PathLike], *, model: str | None = None, store: ox.Store | None = None
) -> LabelReport | SpanReport | IdentityReport:
    """Score extraction against label gold (``*.gold.json``) or span gold (``*.jsonl``),
    or a store's actor identity against identity specs (``.json`` with "same" or
    "distinct" groups of names; see ``graph.evaluation.identity``); returns the report
    (``.metrics()``, ``.errors``; label reports also ``.kind_table()``).

    :param store: an open store, for identity specs (the only gold scored against one).
    :raises ConfigError: when kinds of gold are mixed, or an identity spec has no store.
    :raises GoldFileError: when a gold file is malformed or its document is missing.

    >>> graph.evaluate(gold_file).metrics()["statement_f1"] > 0.9
    True
    >>> spec = tmp / "identity.json"
    >>> _ = spec.write_text('{"same": [["Hamas", "the Hamas"]], "distinct": [["Hamas", "Israel"]]}')
    >>> metrics = graph.evaluate(spec, store=store).metrics()
    >>> metrics["same_groups_one_node"], metrics["distinct_pairs_apart"]
    (1, 1)
    """
    from graph.evaluation.run import evaluate_gold

    paths = [Path(gold)] if isinstance(gold, (str, Path)) else [Path(p) for p in gold]
    return evaluate_gold(paths, model, _current(store) if store is not None else None)


def validate(
    store: ox.Store | None = None,
    *,
    file: PathLike | None = None,
    base_iri: str = DEFAULT_BASE,
    name: str = "the store",
) -> ValidationReport:
    """SHACL-check a whole store (all its graphs together, plus one role per actor per
    article graph), or an RDF file, against ``ontology/shapes.ttl``.

    :param base_iri: the base the store's instance IRIs were minted under.
    :returns: a ``ValidationReport`` (``conforms``, ``violations``, ``lines(max_examples)``
        grouped by shape and message, ``to_json()``).
    :raises ConfigError: unless exactly one of ``store`` and ``file`` is given.
    :raises RDFFileError: when ``file`` cannot be parsed.

    >>> graph.validate(store).conforms
    True
    """
    from graph.rdf.mint import Minter
    from graph.rdf.report import check_file, check_store

    if (store is None) == (file is None):
        raise ConfigError("give either a store or file= to validate")
    if file is not None:
        if not Path(file).is_file():
            raise IngestError(f"{file}: no such file")
        return check_file(Path(file))
    assert store is not None
    return check_store(_current(store), Minter(base_iri), name)
