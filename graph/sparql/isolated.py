"""Queries in worker processes that can be stopped: the deadline, the memory bound
and Ctrl-C end a query at once and give its CPU and memory back.

pyoxigraph evaluates a query to its end once started — a ``COUNT`` or ``ORDER BY``
over a cartesian product cannot be interrupted from Python — so a user's query runs
in a worker process (``graph.sparql.worker``) that opens the same store directory
read-only. The parent reads the worker's answer as it streams (into a spooled
temporary file: memory stays bounded), watches the clock and the worker's resident
memory, and kills the worker when either bound is passed. Workers are kept in a
``WorkerPool`` per store directory and reused; a killed worker is replaced by a fresh
one on the next query, and workers are renewed when the store directory changes (a
later build), so readers see the store as of their query, never half a batch.
"""

from __future__ import annotations

import json
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.rdf.vocab import PREFIXES
from graph.sparql.guard import syntax_message

DEFAULT_MEMORY_MB = 2048
START_TIMEOUT = 60.0
SPOOL_BYTES = 16 << 20
POLL = 0.05


class Triples:
    """The triples of a CONSTRUCT or DESCRIBE answer, parsed lazily from the worker's N-Triples."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source

    def __iter__(self) -> Iterator[ox.Triple]:
        for quad in ox.parse(self.source, ox.RdfFormat.N_TRIPLES):
            yield quad.triple if isinstance(quad, ox.Quad) else quad


def resident_bytes(pid: int) -> int | None:
    """Resident memory of a process in bytes (Linux ``/proc``; ``None`` elsewhere)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def worker_environment() -> dict[str, str]:
    """The parent's environment, with this copy of the package first on the import path
    (a checkout that is not installed works too)."""
    package_root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": package_root + (os.pathsep + path if path else "")}


class Worker:
    """One worker process with the store at ``location`` open read-only."""

    def __init__(self, location: Path) -> None:
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.sparql.worker", str(location)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            start_new_session=True,  # Ctrl-C reaches the parent only, which then kills this
            env=worker_environment(),
        )
        self.buffer = b""
        for kind, payload in self.frames(time.monotonic() + START_TIMEOUT, None):
            error = json.loads(payload).get("error") if kind == b"E" else None
            if error:
                self.kill()
                raise StoreError(f"{location}: the query worker cannot open the store: {error}")
            break

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """Stop the process at once (its whole process group) and reap it."""
        if self.alive:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.errors):
            if stream is not None:
                stream.close()

    def frames(self, deadline: float | None, memory: int | None) -> Iterator[tuple[bytes, bytes]]:
        """Frames as they arrive, until an ``E`` frame.

        :raises QueryError: when the deadline or the memory bound is passed (the worker
            is killed), or the worker dies.
        """
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while True:
            while len(self.buffer) >= 5:
                (size,) = struct.unpack(">I", self.buffer[1:5])
                if len(self.buffer) < 5 + size:
                    break
                kind, payload = self.buffer[:1], self.buffer[5 : 5 + size]
                self.buffer = self.buffer[5 + size :]
                yield kind, payload
                if kind == b"E":
                    return
            self.check_bounds(deadline, memory)
            if select.select([fd], [], [], POLL)[0]:
                data = os.read(fd, 1 << 20)
                if not data:
                    raise QueryError(f"the query worker stopped unexpectedly: {self.stderr_tail()}")
                self.buffer += data

    def check_bounds(self, deadline: float | None, memory: int | None) -> None:
        if deadline is not None and time.monotonic() > deadline:
            self.kill()
            raise QueryTimeout("query timed out")
        used = resident_bytes(self.process.pid) if memory else None
        if memory and used and used > memory:
            self.kill()
            raise QueryError(
                f"query stopped: it needed more than {memory >> 20} MB of memory (--max-memory); "
                "narrow it with LIMIT, a more selective pattern or fewer ORDER BY rows"
            )

    def stderr_tail(self) -> str:
        """The last line the worker wrote to stderr (read before ``kill`` closes the file)."""
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.errors.seek(0)
        text = self.errors.read().decode("utf-8", "replace").strip()
        self.kill()
        return text.splitlines()[-1] if text else f"exit code {self.process.returncode}"

    def ask(self, query: str, max_rows: int | None, deadline: float | None, memory: int | None) -> Answer:
        """Send one query; its answer as the worker wrote it, in a spooled file."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps({"query": query, "max_rows": max_rows}) + "\n").encode("utf-8"))
        self.process.stdin.flush()
        answer = Answer(tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES), max_rows)
        for frame_kind, payload in self.frames(deadline, memory):
            if frame_kind == b"H":
                answer.kind = json.loads(payload)["kind"]
            elif frame_kind == b"D":
                answer.head_length = answer.head_length or len(payload)
                answer.spool.write(payload)
            elif error := json.loads(payload).get("error"):
                syntax = json.loads(payload).get("syntax")
                raise QueryError(syntax_message(query, error, PREFIXES) if syntax else f"query failed: {error}")
            else:
                answer.cut = json.loads(payload).get("cut")
        answer.spool.seek(0)
        return answer


class Answer:
    """A worker's answer: W3C results JSON (SELECT with up to ``max_rows + 1`` rows, ASK)
    or N-Triples (CONSTRUCT, DESCRIBE), spooled to memory or a temporary file."""

    def __init__(self, spool: IO[bytes], max_rows: int | None) -> None:
        self.spool, self.max_rows, self.kind = spool, max_rows, "select"
        self.head_length, self.cut = 0, None

    def parsed(self) -> object:
        """pyoxigraph results, parsed lazily (a SELECT with its extra row, if any)."""
        self.spool.seek(0)
        if self.kind == "triples":
            return Triples(self.spool)
        return ox.parse_query_results(self.spool, ox.QueryResultsFormat.JSON)

    def body(self) -> bytes:
        """The answer as sent to a client: JSON cut to ``max_rows`` rows with a note in
        its head when truncated, or N-Triples."""
        self.spool.seek(0)
        data = self.spool.read()
        if self.cut is None:
            return data
        names = json.loads(data[: self.head_length] + b"]}}")["head"]["vars"]
        head = {"vars": names, "link": [f"truncated after {self.max_rows} rows"]}
        return (
            json.dumps({"head": head, "results": {"bindings": []}})[:-3].encode()
            + data[self.head_length : self.cut]
            + b"]}}"
        )


class QueryTimeout(QueryError):
    """The query passed its deadline and its worker was stopped."""
