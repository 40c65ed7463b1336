"""Shared command-line pieces: the Typer app, consoles, the --store option, ``fail``."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, NoReturn

import typer
from rich.console import Console

app = typer.Typer(
    name="stancegraph",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Build a knowledge graph of who said what about whom from news articles.",
)
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)
CELL_LIMIT = 120
DEFAULT_STORE = "stancegraph-store"

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store", "-s", envvar="STANCEGRAPH_STORE", help="Store directory, or an http(s) SPARQL 1.1 endpoint."
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print an error and exit (2: usage or input error)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def write_csv(header: list[str], rows: list[list[object]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["|".join(v) if isinstance(v, tuple) else "" if v is None else v for v in row])
