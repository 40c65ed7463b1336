"""``build`` and ``extract``: articles in, a store or one extraction out."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from graph import api
from graph.cli import progress
from graph.cli.common import DEFAULT_STORE, StoreOpt, app, err, fail
from graph.settings import load_settings


@app.command("build")
def build_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Files or directories (.txt .md .html .jsonl, each also gzipped as .gz).")
    ],
    store: StoreOpt = DEFAULT_STORE,
    workers: Annotated[int, typer.Option(min=1, help="Parser processes.")] = 1,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None,
    gazetteer: Annotated[Optional[list[Path]], typer.Option(help="Extra gazetteer JSONL file.")] = None,
    topics: Annotated[Optional[list[Path]], typer.Option(help="Extra SKOS topic scheme (Turtle).")] = None,
    identity: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--identity",
            help="Identity file (JSON: same, distinct, types, aliases, not_actors; see data/README.md). Repeatable.",
        ),
    ] = None,
    no_text: Annotated[bool, typer.Option("--no-text", help="Do not store article bodies.")] = False,
    validate: Annotated[
        bool, typer.Option("--validate", help="SHACL-check each article graph (pySHACL) before writing it.")
    ] = False,
    dask: Annotated[
        Optional[str], typer.Option(help="Extract on a Dask cluster: scheduler address, or 'local'.")
    ] = None,
    lang: Annotated[
        Optional[str], typer.Option(help="'en' skips non-English articles (default); 'any' keeps all.")
    ] = None,
    config: Annotated[Optional[Path], typer.Option(help="TOML settings file.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 when any input has problems.")] = False,
) -> None:
    """Build or update the store from articles.

    Example: stancegraph build data/samples --store demo-store
    """
    if lang not in (None, "en", "any"):
        fail(f"--lang {lang!r}: expected 'en' or 'any'")
    settings = load_settings(config).replace(
        workers=workers,
        model=model,
        strict=strict or None,
        gazetteers=tuple(gazetteer) if gazetteer else None,
        topics=tuple(topics) if topics else None,
        identity=tuple(identity) if identity else None,
        with_text=False if no_text else None,
        validate=True if (validate or strict) else None,
        dask=dask,
        lang=lang,
    )
    total = api.count_inputs(paths)
    if total == 0:
        fail(
            f"no articles found in {', '.join(paths)}: stancegraph reads .txt, .md, .html and .jsonl files (also gzipped: .txt.gz, .jsonl.gz, ...)"
        )
    with progress.bar("building", total) as advance:
        report = api.build(paths, store, settings=settings, progress=advance)
    print_summary(report, paths, store)
    if report.read == 0:
        raise typer.Exit(2)
    if settings.strict and report.errors:
        raise typer.Exit(1)


def print_summary(report: api.BuildReport, paths: list[str], store: str) -> None:
    """Each problem (warnings too with -v), then one line of counts and a line per kind of
    problem and warning, so what was skipped and why is visible without -v."""
    verbose = logging.getLogger().level <= logging.INFO
    for problem in report.problems:
        if problem.severity == "error" or verbose:
            err.print(f"[yellow]{problem.severity}:[/] {problem}", highlight=False)
    warnings = [p for p in report.problems if p.severity != "error"]
    err.print(
        f"read {report.read:,} articles: wrote {report.written:,}, skipped {report.skipped:,} unchanged, "
        f"{report.statements:,} statements, {len(report.errors):,} problems, {len(warnings):,} warnings -> {store}",
        highlight=False,
    )
    for severity, counts in api.problem_kinds(report.problems).items():
        for reason, count in counts:
            hint = "" if severity == "error" or verbose else "  (-v lists them)"
            err.print(f"  {count:>6,} × {reason} ({severity}){hint}", highlight=False)
    if report.read == 0:
        err.print(
            f"[bold red]error:[/] no article could be read from {', '.join(paths)}: stancegraph reads .txt, .md, "
            ".html and .jsonl files (also gzipped: .txt.gz, .jsonl.gz, ...)"
            + (" — see the problems above" if report.problems else ""),
            highlight=False,
        )


@app.command("extract")
def extract_cli(
    file: Annotated[Path, typer.Argument(help="One article file (.txt .md .html).")],
    fmt: Annotated[Literal["json", "turtle"], typer.Option("--format", "-f", help="How to print.")] = "json",
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name.")] = None,
) -> None:
    """Extract actors and statements from one article, without a store.

    Example: stancegraph extract data/samples/gaza-ceasefire-us-withdraws.txt --format turtle
    """
    if fmt not in ("json", "turtle"):
        fail(f"unknown format {fmt!r}; expected json or turtle")
    print(api.format_extraction(api.extract_file(file, model=model), fmt, model=model))
