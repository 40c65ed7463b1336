"""Commands for looking at and checking the graph: view, serve, validate, evaluate.

Registered on the app from ``graph.cli_common``; ``graph.cli`` imports this module.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from graph.cli_common import StoreOpt, app, err, fail, out
from graph.paths import DEFAULT_STORE


@app.command()
def view(output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("stancegraph-view.html"),
         store: StoreOpt = str(DEFAULT_STORE),
         actor: Annotated[Optional[str], typer.Option(help="Only this actor's network (name or alias).")] = None,
         depth: Annotated[int, typer.Option(min=1, help="Links from --actor.")] = 1,
         topic: Annotated[Optional[str], typer.Option(help="Only statements on this topic (and narrower ones).")] = None,
         query: Annotated[Optional[Path], typer.Option(help="A .rq file: CONSTRUCT, or SELECT ?source ?target [?kind].")] = None,
         since: Annotated[Optional[str], typer.Option(help="Statements on or after this date (YYYY-MM-DD).")] = None,
         until: Annotated[Optional[str], typer.Option(help="Statements on or before this date.")] = None,
         max_nodes: Annotated[int, typer.Option(min=1, help="Keep the most connected N nodes.")] = 500,
         topics: Annotated[bool, typer.Option("--topics", help="Show topic nodes.")] = False,
         title: Annotated[str, typer.Option(help="Page title.")] = "stancegraph") -> None:
    """Write an interactive HTML view of the graph (one offline file).

    Example: stancegraph view --store demo-store --actor "United States" -o us.html
    """
    from graph.store import open_store
    from graph.views import ViewOptions, write_view

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{name} {value!r}: expected a date like 2024-05-01")
    if query is not None and not query.is_file():
        fail(f"--query {query}: no such file")
    options = ViewOptions(actor=actor, depth=depth, topic=topic, query=query.read_text(encoding="utf-8") if query else None,
                          since=since, until=until, max_nodes=max_nodes, topics=topics, title=title)
    report = write_view(open_store(store, read_only=True), output, options)
    for note in report.notes:
        err.print(note, highlight=False)
    err.print(f"wrote {output}: {report.nodes} nodes, {report.edges} edges", highlight=False)


@app.command()
def serve(store: StoreOpt = str(DEFAULT_STORE),
          host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1: this machine only).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 7878,
          timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
          max_rows: Annotated[int, typer.Option(help="Rows a query may return.")] = 100_000) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint at http://HOST:PORT/query.

    Example: stancegraph serve --store demo-store --port 7878
    """
    from graph.serve import make_server
    from graph.store import open_store

    server = make_server(open_store(store, read_only=True), host, port, timeout, max_rows)
    bound_host, bound_port = server.server_address[:2]
    err.print(f"serving {store} read-only at http://{bound_host}:{bound_port}/query (Ctrl-C to stop)", highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def validate(store: StoreOpt = str(DEFAULT_STORE),
             file: Annotated[Optional[Path], typer.Option("--file", help="Validate an RDF file instead.")] = None,
             strict: Annotated[bool, typer.Option(help="Exit 1 when anything violates a shape.")] = False) -> None:
    """Check the store (or an RDF file) against the SHACL shapes in ontology/shapes.ttl.

    Example: stancegraph validate --store demo-store --strict
    """
    from graph.mapping import Minter
    from graph.store import open_store
    from graph.shacl import article_graphs, validate_file, validate_store

    if file is not None:
        if not file.is_file():
            fail(f"{file}: no such file")
        found, checked = [(str(file), v) for v in validate_file(file)], f"file {file}"
    else:
        opened = open_store(store, read_only=True)
        found = list(validate_store(opened, Minter()))
        checked = f"{len(article_graphs(opened, Minter()))} article graphs in {store}"
    for where, violation in found:
        out.print(f"[red]violation[/] {where}: {violation}", highlight=False)
    out.print(f"{'conforms' if not found else f'{len(found)} violations'}: {checked}", highlight=False)
    if found and strict:
        raise typer.Exit(1)


@app.command()
def evaluate(gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json).")],
             fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
             show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses and false alarms.")] = False,
             model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None) -> None:
    """Score extraction against hand-annotated gold: label gold (*.gold.json) or span gold (*.jsonl).

    Example: stancegraph evaluate ../shared/eval/dev/gaza-ceasefire-us-withdraws.gold.json --show-errors
    """
    from graph.eval_run import evaluate_files, evaluate_span_files

    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; expected table or json")
    spans = [g for g in gold if g.suffix == ".jsonl"]
    if spans and len(spans) != len(gold):
        fail("give either label gold (*.gold.json) or span gold (*.jsonl) files, not both")
    report = evaluate_span_files(gold, model) if spans else evaluate_files(gold, model)
    metrics = report.metrics()
    if fmt == "json":
        per_kind = report.kind_table() if hasattr(report, "kind_table") else {}
        print(json.dumps({"files": [str(g) for g in gold], "metrics": metrics, "per_kind": per_kind,
                          "errors": report.errors if show_errors else []}, indent=2))
        return
    table = Table("metric", "value")
    for key, value in metrics.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)
    if show_errors:
        for line in report.errors:
            out.print(f"  {line}", highlight=False, markup=False)


