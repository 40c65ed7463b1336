"""Opening a store: the embedded pyoxigraph ``Store`` in a directory, or a remote
SPARQL 1.1 endpoint given as an http(s) URL (``graph.store.remote``).

A writer holds the directory's lock; a second writer gets ``StoreLockedError``
naming the process that holds it, while readers open it read-only.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError, StoreLockedError

LOCK_NOTE = "stancegraph.pid"
RECOVERY_WAIT = 30.0
log = logging.getLogger(__name__)


def store_generation(location: Path) -> tuple[int, ...]:
    """Changes whenever a writer commits to the store directory (new files, a longer log)."""
    try:
        stamps = [entry.stat().st_mtime_ns for entry in os.scandir(location) if entry.name.endswith(".log")]
        return (os.stat(location).st_mtime_ns, max(stamps, default=0))
    except OSError:
        return (0, 0)


class LocalStore:
    """A store directory opened read-only: pyoxigraph's ``Store`` (every method is
    passed through) plus ``location``, so a query can run in a worker process that
    opens the same directory and can be stopped at its deadline.

    The pyoxigraph store is a snapshot taken when it was opened; ``current()`` reopens
    it when a writer has committed since, so each operation of ``graph.api`` reads the
    store as last committed (and one whole snapshot from start to end).
    """

    def __init__(self, store: ox.Store, location: Path) -> None:
        self.store, self.location = store, location
        self.generation = store_generation(location)

    def current(self) -> LocalStore:
        """This handle, its snapshot renewed when the store has changed since."""
        now = store_generation(self.location)
        if now != self.generation:
            self.store, self.generation = open_read_only(self.location), now
        return self

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        return f"LocalStore({str(self.location)!r})"


def open_read_only(path: Path, wait: float = RECOVERY_WAIT) -> ox.Store:
    """Open ``path`` read-only; while a writer is recovering the store after a crash its
    log files come and go, so a missing file means "wait and retry" (up to ``wait`` s).

    :raises StoreError: when the store still cannot be opened after ``wait`` seconds.
    """
    deadline, said = time.monotonic() + wait, False
    while True:
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            transient = "No such file" in str(exc)
            if not transient or time.monotonic() > deadline:
                raise StoreError(f"{path}: cannot open the store: {exc}") from None
            if not said:
                log.warning("%s: the store is being written or recovered by %s; waiting", path, lock_holder(path))
                said = True
            time.sleep(0.1)


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    """Open (or create) the store directory, or a remote SPARQL endpoint given as an
    http(s) URL.

    :param path: a directory, or ``http(s)://…`` of a SPARQL 1.1 endpoint.
    :param read_only: open without taking the write lock (a running build is not blocked).
    :returns: a pyoxigraph ``Store`` (read-only: a ``LocalStore`` that also knows its
        directory; a URL: a ``RemoteStore``; both have the same methods).
    :raises StoreLockedError: when another process is writing the store.
    :raises StoreError: when there is no store to read, or it cannot be opened.
    """
    from graph.store.remote import RemoteStore, is_remote

    if is_remote(path):
        return RemoteStore(str(path), read_only=read_only)  # type: ignore[return-value]
    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no store here; build one with `stancegraph build PATH --store {path}`")
    if path.is_dir() and not is_store(path) and any(path.iterdir()):
        raise StoreError(
            f"{path}: this folder holds other files and is not a store; give --store a new or empty "
            "folder (or an existing store)"
        )
    try:
        if read_only:
            return LocalStore(open_read_only(path), path.resolve())  # type: ignore[return-value]
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(
                f"{path}: the store is locked by {lock_holder(path)} (a build is writing it); "
                "wait for it to finish, or use another --store"
            ) from None
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    (path / LOCK_NOTE).write_text(f"{os.getpid()}\n", encoding="utf-8")
    return store


def is_store(path: Path) -> bool:
    """Whether a folder holds an Oxigraph (RocksDB) store, or one a killed writer began:
    it has RocksDB's ``CURRENT``, ``IDENTITY`` or ``LOCK`` file, or the writer's note."""
    return any((path / name).is_file() for name in ("CURRENT", "IDENTITY", "LOCK", LOCK_NOTE))


def release_store(path: str | Path) -> None:
    """Remove the writer's note when this process wrote it (the lock itself goes with
    the store object)."""
    from graph.store.remote import is_remote

    if is_remote(path):
        return
    note = Path(path) / LOCK_NOTE
    try:
        if note.read_text(encoding="utf-8").strip() == str(os.getpid()):
            note.unlink()
    except OSError:
        pass


def lock_holder(path: Path) -> str:
    """Who holds the write lock, as far as the note the writer left says."""
    try:
        pid = int((path / LOCK_NOTE).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return "another process"
    return f"PID {pid}"
