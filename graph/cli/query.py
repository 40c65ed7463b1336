"""``query``, ``export``, ``stats`` and ``serve``: reading the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from graph import api
from graph.cli.common import CELL_LIMIT, DEFAULT_STORE, StoreOpt, app, err, fail, out


@app.command("query")
def query_cli(
    sparql: Annotated[Optional[str], typer.Argument(help="Inline SPARQL query.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="A .rq file.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A stored query.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List stored queries.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds the query may run.")] = 60.0,
    max_rows: Annotated[int, typer.Option(help="Rows the query may return.")] = 1_000_000,
    max_memory: Annotated[int, typer.Option(min=64, help="Megabytes of memory the query may use.")] = 2048,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Permit SERVICE (network access).")] = False,
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
    result = api.run_query(
        api.open_store(store),
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
        sys.stdout.write(result.serialize(fmt))
        return
    if not result.is_table:
        out.print(result.serialize("csv"), highlight=False)
        return
    table = Table(*result.columns, show_lines=False)
    rows = result.rows()
    for row in rows:
        table.add_row(*(c if len(c) <= CELL_LIMIT else c[: CELL_LIMIT - 1] + "…" for c in row))
    out.print(table)
    err.print(f"{len(rows)} rows", highlight=False)


@app.command("export")
def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads, turtle or jsonld.")] = "trig",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default: stdout).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the whole graph.

    Example: stancegraph export --format trig -o graph.trig
    """
    data = api.export(api.open_store(store), fmt, output=output)
    if output:
        err.print(f"wrote {output} ({len(data):,} bytes)", highlight=False)
    else:
        sys.stdout.buffer.write(data)


@app.command("stats")
def stats_cli(
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count articles, actors, statements and triples in the store.

    Example: stancegraph stats --store demo-store
    """
    counts = api.stats(api.open_store(store))
    if fmt == "json":
        print(json.dumps(counts))
        return
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
