"""A pool of query workers per store directory (``graph.sparql.isolated``), reused
between queries, replaced when killed, and renewed when the store changes.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import QueryError
from graph.sparql.isolated import Answer, QueryTimeout, Worker
from graph.store.embedded import store_generation


class WorkerPool:
    """Up to ``size`` workers for one store directory, reused between queries.

    ``run`` waits at most the query's own deadline for a free worker. Workers started
    before the store last changed finish their query and are then replaced.
    """

    def __init__(self, location: Path, size: int = 1) -> None:
        self.location, self.size = location, size
        self.idle: list[tuple[Worker, tuple[int, ...]]] = []
        self.started, self.closed = 0, False
        self.generation = store_generation(location)
        self.free = threading.Condition()

    def refresh(self) -> None:
        """Note the store's generation (a directory listing: microseconds)."""
        self.generation = store_generation(self.location)

    @contextmanager
    def worker(self, deadline: float | None) -> Iterator[Worker]:
        with self.free:
            self.refresh()
            for stale in [e for e in self.idle if e[1] != self.generation]:
                self.idle.remove(stale)
                stale[0].kill()
                self.started -= 1
            while not self.idle and self.started >= self.size:
                left = None if deadline is None else deadline - time.monotonic()
                if (left is not None and left <= 0) or not self.free.wait(left):
                    raise QueryTimeout("query timed out waiting for a free query worker")
            entry = self.idle.pop() if self.idle else None
            self.started += entry is None
        try:
            worker, born = entry or (Worker(self.location), self.generation)
        except BaseException:
            self.release(None)
            raise
        try:
            yield worker
        except QueryError:  # a refused or failed query: the worker is fine (or already dead)
            self.release((worker, born))
            raise
        except BaseException:  # Ctrl-C, or anything unexpected mid-answer: stop the worker now
            worker.kill()
            self.release(None)
            raise
        self.release((worker, born))

    def release(self, entry: tuple[Worker, tuple[int, ...]] | None) -> None:
        with self.free:
            if entry and entry[0].alive and entry[1] == self.generation and not self.closed:
                self.idle.append(entry)
            else:
                self.started -= 1
                if entry:
                    entry[0].kill()
            self.free.notify()

    def run(self, query: str, *, timeout: float | None, max_rows: int | None, memory_mb: int | None) -> Answer:
        """One query on a pooled worker: its ``Answer``.

        :raises QueryTimeout: past ``timeout`` seconds (the worker is killed).
        :raises QueryError: for a syntax error, a failed query or the memory bound.
        """
        deadline = time.monotonic() + timeout if timeout else None
        memory = memory_mb << 20 if memory_mb else None
        try:
            with self.worker(deadline) as worker:
                return worker.ask(query, max_rows, deadline, memory)
        except QueryTimeout:
            raise QueryTimeout(f"query timed out after {timeout:g} s (--timeout) and was stopped") from None

    def close(self) -> None:
        """Stop the idle workers now; a busy one stops when its query ends."""
        with self.free:
            self.closed = True
            for worker, _ in self.idle:
                worker.kill()
            self.idle.clear()


POOLS: OrderedDict[tuple[Path, int], WorkerPool] = OrderedDict()
POOLS_LOCK = threading.Lock()
MAX_POOLS = 4  # stores with a worker waiting; a session that opens many keeps memory flat


def pool_for(location: Path, size: int = 1) -> WorkerPool:
    """The process-wide pool for a store directory: the ``MAX_POOLS`` most recently used
    keep their workers, older ones are closed (and reopened on their next query)."""
    with POOLS_LOCK:
        key = (location, size)
        if key not in POOLS:
            POOLS[key] = WorkerPool(location, size)
        POOLS.move_to_end(key)
        while len(POOLS) > MAX_POOLS:
            POOLS.popitem(last=False)[1].close()
        return POOLS[key]


@atexit.register
def close_pools() -> None:
    for pool in POOLS.values():
        pool.close()
