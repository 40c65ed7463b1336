"""The command line: one module per command group; each command parses its
arguments, calls one function of ``graph.api``, and formats what it returns.

Exit codes: 0 ok, 1 data problems found with ``--strict``, 2 usage or input error.
May import only ``graph.api``, ``graph.errors``, ``graph.settings`` and
``graph.records`` of the package; nothing imports it but ``graph.__main__``.
"""

from __future__ import annotations

import errno
import logging
import signal
import sys
from typing import Annotated

import typer

from graph import __version__
from graph.cli import actors, build, check, query, view  # noqa: F401  (each registers its commands on the app)
from graph.cli.common import app, err
from graph.errors import Interrupted, StancegraphError

__all__ = ["app", "main"]


def version_callback(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """stancegraph: actors, their stated positions, and the evidence, as RDF."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def interrupt(signum: int, frame: object) -> None:
    """Ctrl-C and SIGTERM end a command with a message (a build keeps what it wrote),
    not with click's "Aborted!"."""
    raise Interrupted("interrupted")


def main() -> None:
    """Console entry point: library errors become a message and exit code 2; Ctrl-C
    and SIGTERM end the command with a line saying what was kept, exit code 130."""
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        app()
    except Interrupted as exc:
        err.print(f"[bold yellow]{exc}[/]", highlight=False)
        sys.exit(130)
    except StancegraphError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        err.print(f"[bold red]error:[/] no space left on the device: {exc.filename or exc}", highlight=False)
        sys.exit(2)
