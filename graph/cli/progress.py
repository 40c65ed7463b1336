"""Progress on long work, on a terminal only (quiet in pipes and logs), in the manner of
spaCy's command line: a bar with a count, a rate and an ETA for builds, a spinner with
the elapsed time for work of unknown length (export, validate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from graph.cli.common import err


class RateColumn(ProgressColumn):
    """Items per second since the start, named ("12.3 articles/s"): work arrives in
    batches, so the average says more than the last few seconds."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time or task.elapsed
        speed = task.completed / elapsed if elapsed else None
        return Text(f"{speed:,.1f} {self.unit}/s" if speed else f"– {self.unit}/s", style="progress.data.speed")


def shown() -> bool:
    """Progress is drawn on a terminal only."""
    return err.is_terminal and not err.is_dumb_terminal


@contextmanager
def bar(description: str, total: int, unit: str = "articles") -> Iterator[Callable[[int], None]]:
    """A progress bar over ``total`` items; yields ``advance(n)`` (a no-op off a terminal)."""
    if not shown():
        yield lambda n: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(unit),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(description, total=max(total, 1))
        yield lambda n: progress.advance(task, n)


@contextmanager
def spinner(description: str) -> Iterator[None]:
    """A spinner with the elapsed time while work of unknown length runs."""
    if not shown():
        yield
        return
    with Progress(SpinnerColumn(), TextColumn(description), TimeElapsedColumn(), console=err, transient=True):
        yield
