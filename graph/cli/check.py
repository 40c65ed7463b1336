"""``validate`` and ``evaluate``: checking the graph against its shapes, and the
extraction against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer
from rich.table import Table

from graph import api
from graph.cli import progress
from graph.cli.common import DEFAULT_STORE, StoreOpt, app, fail, out
from graph.settings import DEFAULT_BASE


@app.command("validate")
def validate_cli(
    store: StoreOpt = DEFAULT_STORE,
    file: Annotated[Optional[Path], typer.Option("--file", help="Validate an RDF file instead.")] = None,
    base_iri: Annotated[str, typer.Option(help="Base of the store's instance IRIs.")] = DEFAULT_BASE,
    strict: Annotated[bool, typer.Option(help="Exit 1 when anything violates a shape.")] = False,
    max_examples: Annotated[int, typer.Option("--max-examples", help="Examples shown per group.")] = 3,
    fmt: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="How to print.")] = "text",
) -> None:
    """Check the store (or an RDF file) against the SHACL shapes in ontology/shapes.ttl;
    violations are grouped by shape and message, with the first examples of each.

    Example: stancegraph validate --store demo-store --strict

    Example: stancegraph validate --store demo-store --format json --max-examples 10
    """
    if fmt not in ("text", "json"):
        fail(f"unknown format {fmt!r}; expected text or json")
    if max_examples < 0:
        fail(f"--max-examples must be 0 or more, not {max_examples}")
    with progress.spinner(f"validating {file or store} against the SHACL shapes"):
        if file is not None:
            report = api.validate(file=file)
        else:
            report = api.validate(api.open_store(store, read_only=True), base_iri=base_iri, name=store)
    if fmt == "json":
        print(json.dumps(report.to_json(max_examples), indent=2, ensure_ascii=False))
    else:
        for line in report.lines(max_examples):
            out.print(line, highlight=False, markup=False)
        out.print(
            f"{'conforms' if report.conforms else f'{len(report.violations)} violations'}: {report.checked}",
            highlight=False,
        )
    if not report.conforms and strict:
        raise typer.Exit(1)


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json, *.jsonl or identity specs).")],
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", "-f", help="How to print.")] = "table",
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses and false alarms.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None,
    store: Annotated[
        Optional[str],
        typer.Option("--store", "-s", help="Store (or endpoint) to score identity specs against; used only by them."),
    ] = None,
) -> None:
    """Score extraction against hand-annotated gold: label gold (*.gold.json) or span gold (*.jsonl);
    or a store's actor identity against identity specs (JSON with "same"/"distinct" groups; needs --store).

    Example: stancegraph evaluate ../shared/eval/dev/gaza-ceasefire-us-withdraws.gold.json --show-errors

    Example: stancegraph evaluate ../shared/eval/dev/identity-bbc.json --store bbc-store --show-errors
    """
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; expected table or json")
    report = api.evaluate(gold, model=model, store=api.open_store(store) if store else None)
    metrics = report.metrics()
    if fmt == "json":
        per_kind = report.kind_table() if hasattr(report, "kind_table") else {}
        print(
            json.dumps(
                {
                    "files": [str(g) for g in gold],
                    "metrics": metrics,
                    "per_kind": per_kind,
                    "errors": report.errors if show_errors else [],
                },
                indent=2,
            )
        )
        return
    table = Table("metric", "value")
    for key, value in metrics.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)
    if show_errors:
        for line in report.errors:
            out.print(f"  {line}", highlight=False, markup=False)
