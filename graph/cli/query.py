"""``query``, ``export``, ``stats`` and ``serve``: reading the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer
from rich.table import Table

from graph import api
from graph.cli import progress
from graph.cli.common import CELL_LIMIT, DEFAULT_STORE, StoreOpt, app, err, fail, out, write_csv

TABLE_ROWS = 50


@app.command("query")
def query_cli(
    sparql: Annotated[Optional[str], typer.Argument(help="Inline SPARQL query.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="A .rq file.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A stored query.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value.")] = None,
    fmt: Annotated[
        Literal["table", "csv", "tsv", "json"], typer.Option("--format", "-f", help="How to print.")
    ] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List stored queries.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds the query may run.")] = 60.0,
    max_rows: Annotated[int, typer.Option(help="Rows the query may return.")] = 1_000_000,
    max_memory: Annotated[int, typer.Option(min=64, help="Megabytes of memory the query may use.")] = 2048,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Permit SERVICE (network access).")] = False,
    every_row: Annotated[
        bool, typer.Option("--all", help=f"Show every row in a table (default: the first {TABLE_ROWS}).")
    ] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Run SPARQL (inline, from a file or a stored query) over the store.

    Example: stancegraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json
    """
    if list_:
        for stored in api.stored_queries():
            out.print(f"[bold]{stored.name}[/]: {stored.question}", highlight=False)
            for p in stored.params:
                out.print(f"    --param {p.name}=<{p.kind}>  {p.description}", highlight=False)
        return
    if sum(x is not None for x in (sparql, file, name)) != 1:
        fail("give exactly one of: a SPARQL string, --file F.rq, --name NAME (see --list)")
    values = dict(p.split("=", 1) for p in param or [] if "=" in p)
    if len(values) != len(param or []):
        fail("--param takes key=value")
    if file is not None and not file.is_file():
        fail(f"--file {file}: no such file")
    if timeout <= 0 or max_rows < 0:
        fail("--timeout must be positive and --max-rows at least 0")
    opened = api.open_store(store)
    result = api.run_query(
        opened,
        sparql,
        name=name,
        file=file,
        params=values,
        timeout=timeout,
        max_rows=max_rows,
        allow_service=allow_service,
        max_memory_mb=max_memory,
    )
    if fmt != "table":
        write_text(result.serialize(fmt))
    elif not result.is_table:
        out.print(result.serialize("csv"), highlight=False)
    else:
        show_table(result.columns, result.labelled_rows(opened), every_row)
    if result.truncated:
        err.print(f"[yellow]truncated after {result.max_rows:,} rows[/] (--max-rows)", highlight=False)


def write_text(text: str) -> None:
    """Machine-readable output: Unix line ends, a final newline."""
    text = text.replace("\r\n", "\n")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def show_table(columns: list[str], rows: list[list[str]], every_row: bool) -> None:
    """A table of at most ``TABLE_ROWS`` rows (unless ``every_row``), one line per row."""
    shown = rows if every_row else rows[:TABLE_ROWS]
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=CELL_LIMIT // 2)
    for row in shown:
        table.add_row(*row)
    out.print(table)
    if len(shown) < len(rows):
        err.print(
            f"showing {len(shown):,} of {len(rows):,} rows: --all shows every row; "
            "--format csv (or json) > FILE gives them whole",
            highlight=False,
        )
    else:
        err.print(f"{len(rows):,} rows", highlight=False)


@app.command("export")
def export_cli(
    fmt: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="[trig|nquads|turtle|ntriples|jsonld]",
            help="Also ttl, nq, nt, json-ld. Default: from the -o extension, else trig.",
        ),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default: stdout).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the whole graph.

    Example: stancegraph export -o graph.nq   (N-Quads, from the extension)
    """
    chosen = api.export_format(fmt, output)
    opened = api.open_store(store)
    with progress.spinner(f"exporting {store} as {chosen}"):
        api.export_to(opened, output if output is not None else sys.stdout.buffer, chosen)
    if chosen in ("turtle", "ntriples"):
        graphs = sum(1 for _ in opened.named_graphs())
        err.print(
            f"note: {chosen} has no named graphs: the {graphs:,} graphs were merged into one "
            "(trig or nquads keep them)",
            highlight=False,
        )
    if output:
        err.print(f"wrote {output} ({output.stat().st_size:,} bytes, {chosen})", highlight=False)


@app.command("stats")
def stats_cli(
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[Literal["table", "json", "csv"], typer.Option("--format", "-f", help="How to print.")] = "table",
) -> None:
    """Count articles, actors, statements and triples in the store.

    Example: stancegraph stats --store demo-store
    """
    counts = api.stats(api.open_store(store))
    if fmt == "json":
        print(json.dumps(counts))
    elif fmt == "csv":
        write_csv(["what", "count"], [[key, value] for key, value in counts.items()])
    else:
        table = Table("what", "count")
        for key, value in counts.items():
            table.add_row(key, f"{value:,}")
        out.print(table)


@app.command("serve")
def serve_cli(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Rows a query may return.")] = 100_000,
) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint at http://HOST:PORT/query.

    Example: stancegraph serve --store demo-store --port 7878
    """
    server = api.serve(api.open_store(store), host, port, timeout=timeout, max_rows=max_rows)
    bound_host, bound_port = server.server_address[:2]
    err.print(
        f"serving {store} read-only at http://{bound_host!s}:{bound_port}/query (Ctrl-C to stop)", highlight=False
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
