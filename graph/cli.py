"""The command line: parses arguments, calls the library, talks to the user.

Exit codes: 0 ok, 1 data problems found with ``--strict``, 2 usage or input error.
Nothing imports this module except ``graph.__main__``.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from graph import __version__
from graph.errors import StancegraphError
from graph.paths import DEFAULT_STORE

from graph.cli_common import CELL_LIMIT, StoreOpt, app, err, fail, out


@app.callback()
def main_options(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
                 quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
                 version: Annotated[bool, typer.Option("--version", callback=lambda v: version_callback(v),
                                                       is_eager=True, help="Print the version.")] = False) -> None:
    """stancegraph: actors, their stated positions, and the evidence, as RDF."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def build(paths: Annotated[list[Path], typer.Argument(help="Files or directories (.txt .md .html .jsonl).")],
          store: StoreOpt = str(DEFAULT_STORE),
          workers: Annotated[int, typer.Option(min=1, help="Parser processes.")] = 1,
          model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None,
          gazetteer: Annotated[Optional[list[Path]], typer.Option(help="Extra gazetteer JSONL file.")] = None,
          topics: Annotated[Optional[list[Path]], typer.Option(help="Extra SKOS topic scheme (Turtle).")] = None,
          no_text: Annotated[bool, typer.Option("--no-text", help="Do not store article bodies.")] = False,
          validate: Annotated[bool, typer.Option("--validate", help="SHACL-check each article graph (pySHACL) before writing it.")] = False,
          dask: Annotated[Optional[str], typer.Option(help="Extract on a Dask cluster: scheduler address, or 'local'.")] = None,
          lang: Annotated[Optional[str], typer.Option(help="'en' skips non-English articles (default); 'any' keeps all.")] = None,
          config: Annotated[Optional[Path], typer.Option(help="TOML settings file.")] = None,
          strict: Annotated[bool, typer.Option(help="Exit 1 when any input has problems.")] = False) -> None:
    """Build or update the store from articles.

    Example: stancegraph build data/samples --store demo-store
    """
    from graph.pipeline import build as run_build
    from graph.settings import load_settings

    if lang not in (None, "en", "any"):
        fail(f"--lang {lang!r}: expected 'en' or 'any'")
    settings = load_settings(config).replace(store=store, workers=workers, model=model, strict=strict or None,
                                             gazetteers=tuple(gazetteer) if gazetteer else None,
                                             topics=tuple(topics) if topics else None,
                                             with_text=False if no_text else None,
                                             validate=True if (validate or strict) else None, dask=dask,
                                             lang=lang)
    report = run_build(paths, settings)
    for problem in report.problems:
        if problem.severity == "error" or logging.getLogger().level <= logging.INFO:
            err.print(f"[yellow]problem:[/] {problem}", highlight=False)
    err.print(f"read {report.read} articles: wrote {report.written}, skipped {report.skipped} unchanged, "
              f"{report.statements} statements, {len(report.errors)} problems -> {settings.store}", highlight=False)
    if settings.strict and report.errors:
        raise typer.Exit(1)


@app.command()
def extract(file: Annotated[Path, typer.Argument(help="One article file (.txt .md .html).")],
            fmt: Annotated[str, typer.Option("--format", "-f", help="json or turtle.")] = "json",
            model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None) -> None:
    """Extract actors and statements from one article, without a store.

    Example: stancegraph extract data/samples/gaza-ceasefire-us-withdraws.txt --format turtle
    """
    from graph.extraction_io import extraction_json, extraction_turtle
    from graph.ingest import read_file
    from graph.pipeline import extract_one
    from graph.records import Problem
    from graph.settings import Settings

    if fmt not in ("json", "turtle"):
        fail(f"unknown format {fmt!r}; expected json or turtle")
    if not file.is_file():
        fail(f"{file}: no such file")
    items = list(read_file(file))
    if len(items) != 1 or isinstance(items[0], Problem):
        fail("; ".join(map(str, items)) or f"{file}: no article")
    settings = Settings(model=model)
    extraction = extract_one(items[0], settings)
    print(extraction_json(extraction) if fmt == "json" else extraction_turtle(extraction, settings))


@app.command()
def query(sparql: Annotated[Optional[str], typer.Argument(help="Inline SPARQL query.")] = None,
          file: Annotated[Optional[Path], typer.Option("--file", help="A .rq file.")] = None,
          name: Annotated[Optional[str], typer.Option("--name", "-n", help="A stored query.")] = None,
          param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value.")] = None,
          fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
          list_: Annotated[bool, typer.Option("--list", help="List stored queries.")] = False,
          timeout: Annotated[float, typer.Option(help="Seconds the query may run.")] = 60.0,
          max_rows: Annotated[int, typer.Option(help="Rows the query may return.")] = 1_000_000,
          allow_service: Annotated[bool, typer.Option("--allow-service", help="Permit SERVICE (network access).")] = False,
          store: StoreOpt = str(DEFAULT_STORE)) -> None:
    """Run SPARQL (inline, from a file or a stored query) over the store.

    Example: stancegraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json
    """
    from graph import sparql as q
    from graph.store import open_store

    if list_:
        for stored in q.list_queries():
            out.print(f"[bold]{stored.name}[/]: {stored.question}", highlight=False)
            for p in stored.params:
                out.print(f"    --param {p.name}=<{p.kind}>  {p.description}", highlight=False)
        return
    if sum(x is not None for x in (sparql, file, name)) != 1:
        fail("give exactly one of: a SPARQL string, --file F.rq, --name NAME (see --list)")
    values = dict(p.split("=", 1) for p in param or [] if "=" in p)
    if len(values) != len(param or []):
        fail("--param takes key=value")
    stored = q.load_query(name) if name else q.parse_header(file.stem, file.read_text()) if file else \
        q.StoredQuery("inline", sparql or "")
    opened = open_store(store, read_only=True)
    result = q.run_query(opened, stored.text, q.bind_params(stored, values, opened), allow_service=allow_service,
                         timeout=timeout, max_rows=max_rows)
    if fmt != "table":
        sys.stdout.write(q.serialize_results(result, fmt))
        return
    print_table(q, result)


def print_table(q, result) -> None:
    import pyoxigraph as ox

    if not isinstance(result, (ox.QuerySolutions, q.Bounded)):
        out.print(q.serialize_results(result, "csv"), highlight=False)
        return
    names, rows = q.rows_of(result)
    table = Table(*names, show_lines=False)
    for row in rows:
        table.add_row(*(c if len(c) <= CELL_LIMIT else c[:CELL_LIMIT - 1] + "…" for c in row))
    out.print(table)
    err.print(f"{len(rows)} rows", highlight=False)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads, turtle or jsonld.")] = "trig",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default: stdout).")] = None,
           store: StoreOpt = str(DEFAULT_STORE)) -> None:
    """Export the whole graph.

    Example: stancegraph export --format trig -o graph.trig
    """
    from graph.export import export_store
    from graph.store import open_store

    data = export_store(open_store(store, read_only=True), fmt)
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output} ({len(data):,} bytes)", highlight=False)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def stats(store: StoreOpt = str(DEFAULT_STORE),
          fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table") -> None:
    """Count articles, actors, statements and triples in the store.

    Example: stancegraph stats --store demo-store
    """
    from graph.export import store_stats
    from graph.store import open_store

    counts = store_stats(open_store(store, read_only=True))
    if fmt == "json":
        print(json.dumps(asdict(counts)))
        return
    table = Table("what", "count")
    for key, value in asdict(counts).items():
        table.add_row(key, f"{value:,}")
    out.print(table)


def version_callback(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


from graph import cli_more  # noqa: E402,F401  (registers view, serve, validate and evaluate)


def main() -> None:
    """Console entry point: library errors become a message and exit code 2."""
    try:
        app()
    except StancegraphError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)
