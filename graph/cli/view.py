"""``view``: the interactive HTML view of the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from graph import api
from graph.cli.common import DEFAULT_STORE, StoreOpt, app, err, fail


@app.command("view")
def view_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "stancegraph-view.html"
    ),
    store: StoreOpt = DEFAULT_STORE,
    actor: Annotated[Optional[str], typer.Option(help="Only this actor's network (name or alias).")] = None,
    depth: Annotated[int, typer.Option(min=1, help="Links from --actor.")] = 1,
    topic: Annotated[Optional[str], typer.Option(help="Only statements on this topic (and narrower ones).")] = None,
    query: Annotated[
        Optional[Path], typer.Option(help="A .rq file: CONSTRUCT, or SELECT ?source ?target [?kind].")
    ] = None,
    since: Annotated[Optional[str], typer.Option(help="Statements on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Statements on or before this date.")] = None,
    max_nodes: Annotated[int, typer.Option(min=1, help="Keep the most connected N nodes.")] = 500,
    topics: Annotated[bool, typer.Option("--topics", help="Show topic nodes.")] = False,
    kind: Annotated[
        Literal["graph", "matrix", "timeline"],
        typer.Option("--kind", help="The network, an actor × actor stance matrix, or --actor's timeline."),
    ] = "graph",
    asserts: Annotated[
        bool, typer.Option("--asserts", help="Also draw plain assertions (default: stances only).")
    ] = False,
    title: Annotated[str, typer.Option(help="Page title.")] = "stancegraph",
) -> None:
    """Write an interactive HTML view of the graph (one offline file).

    Example: stancegraph view --store demo-store --actor "United States" -o us.html
    """
    if query is not None and not query.is_file():
        fail(f"--query {query}: no such file")
    report = api.write_view(
        api.open_store(store),
        output,
        actor=actor,
        depth=depth,
        topic=topic,
        query=query.read_text(encoding="utf-8") if query else None,
        since=since,
        until=until,
        max_nodes=max_nodes,
        topics=topics,
        asserts=asserts,
        kind=kind,
        title=title,
    )
    for note in report.notes:
        err.print(note, highlight=False)
    what = {
        "matrix": f"{report.nodes} actors on each axis",
        "timeline": f"{report.edges} statements of {actor}",
    }.get(kind, f"{report.nodes} nodes, {report.edges} edges")
    err.print(f"wrote {output}: {what}", highlight=False)
