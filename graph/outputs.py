"""Output files written whole or not at all: the data goes to a temporary file beside
the target, is synced, and is renamed over it, so a full disk or a crash never
leaves a truncated export or an empty view where a good one was expected.
Standard library only.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from graph.errors import OutputError


def write_whole(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` (text is UTF-8 encoded) to ``path`` atomically.

    :raises OutputError: naming the file and the reason ("no space left on the device",
        "no such folder", "permission denied"); the target is left as it was.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_whole(folder / "a.txt", "ok").read_text()
    'ok'
    >>> write_whole(folder / "missing" / "a.txt", "x")
    Traceback (most recent call last):
    graph.errors.OutputError: cannot write ... no such folder
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with whole_file(path) as stream:
        stream.write(payload)
    return Path(path)


@contextmanager
def whole_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` when the block ends without an
    error, and is thrown away otherwise (for outputs too large to hold in memory).

    :raises OutputError: as ``write_whole``; the target is left as it was.
    """
    path = Path(path)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.chmod(temporary, file_mode(path))  # mkstemp makes 0600: give the file its usual mode
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {reason(exc)}") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def file_mode(path: Path) -> int:
    """The mode the file would get if written directly: the old file's, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def reason(exc: OSError) -> str:
    """An ``OSError`` in a user's words."""
    return {
        errno.ENOSPC: "no space left on the device",
        errno.ENOENT: "no such folder",
        errno.EACCES: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.EISDIR: "it is a folder",
        errno.EDQUOT: "disk quota exceeded",
    }.get(exc.errno or 0, exc.strerror or str(exc))
