"""``actors``: the store's actors, or the pairs of them that may be one actor split in two."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any, Literal, Optional

import typer
from rich.table import Table

from graph import api
from graph.cli.common import CELL_LIMIT, DEFAULT_STORE, StoreOpt, app, err, out, write_csv

FORMATS = ("table", "json", "csv")
COLUMNS = ("label", "type", "statements", "articles", "aliases", "wikidata", "iri")
SIDE = ("label", "type", "statements", "iri")


def cell(value: object) -> str:
    text = "|".join(value) if isinstance(value, tuple) else "" if value is None else str(value)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def plain(record: Any) -> dict[str, Any]:
    """An actor record as JSON-ready values (aliases as a list)."""
    data = asdict(record)
    return {key: list(data[key]) if key == "aliases" else data[key] for key in COLUMNS}


@app.command("actors")
def actors_cli(
    store: StoreOpt = DEFAULT_STORE,
    suspects: Annotated[
        bool, typer.Option("--suspects", help="List pairs of actors that may be one actor, with the reason.")
    ] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="At most N actors (or pairs).")] = None,
    fmt: Annotated[Literal["table", "json", "csv"], typer.Option("--format", "-f", help="How to print.")] = "table",
) -> None:
    """List the store's actors, most statements first (label, type, statements, articles,
    aliases, Wikidata id, IRI); with --suspects, likely duplicates to review.

    Example: stancegraph actors --store demo-store --suspects --limit 20
    """
    found = api.actors(api.open_store(store), suspects=suspects, limit=limit)
    if suspects:
        show_pairs(found, fmt)
    else:
        show_actors(found, fmt)


def show_actors(records: list[Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([plain(r) for r in records], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        write_csv(list(COLUMNS), [[getattr(r, c) for c in COLUMNS] for r in records])
    else:
        table = Table(*COLUMNS)
        for r in records:
            table.add_row(*(cell(getattr(r, c)) for c in COLUMNS))
        out.print(table)
        err.print(f"{len(records)} actors", highlight=False)


def show_pairs(pairs: list[Any], fmt: str) -> None:
    if fmt == "json":
        body = [{"a": plain(a), "b": plain(b), "reason": reason} for a, b, reason in pairs]
        print(json.dumps(body, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        header = ["reason", *(f"a_{c}" for c in SIDE), *(f"b_{c}" for c in SIDE)]
        write_csv(
            header, [[reason, *(getattr(a, c) for c in SIDE), *(getattr(b, c) for c in SIDE)] for a, b, reason in pairs]
        )
    else:
        table = Table("reason", "a", "type", "statements", "b", "type", "statements")
        for a, b, reason in pairs:
            table.add_row(reason, cell(a.label), a.type, str(a.statements), cell(b.label), b.type, str(b.statements))
        out.print(table)
        err.print(f"{len(pairs)} pairs", highlight=False)
