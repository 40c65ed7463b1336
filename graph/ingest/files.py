"""Finding input files: directories expanded (sorted, hidden entries, README and LICENSE
files skipped), only regular files of a supported type, each skip a ``Problem``, sizes
checked before anything is read. Standard library only (plus records and errors).
"""

from __future__ import annotations

import gzip
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from graph.errors import IngestError
from graph.records import Problem

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# "README.md", "LICENSE", "LICENSE.Apache-2.0", "readme-fr.txt", "LICENCE_MIT": not articles
NOT_ARTICLE = re.compile(r"(readme|licen[cs]e)(?:[-_.].*)?", re.IGNORECASE)


def iter_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Expand directories recursively (sorted; hidden entries, README and LICENSE files
    skipped: a file named on its own is read whatever its name); a folder that cannot
    be listed is a ``Problem``, never a silent gap.

    :raises IngestError: for a path that does not exist.
    """
    for path in paths:
        if path.is_dir():
            yield from walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise IngestError(f"{path}: no such file or directory")


def walk(folder: Path) -> Iterator[Path | Problem]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from unreadable_folders(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(root, name)
            if is_article_file(child):
                yield child
    yield from unreadable_folders(errors)


def unreadable_folders(errors: list[OSError]) -> Iterator[Problem]:
    while errors:
        error = errors.pop(0)
        yield Problem(
            str(error.filename), f"cannot read the folder ({error.strerror or error}); its files were skipped"
        )


NOT_REGULAR = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFDIR: "a folder",
}


def unreadable_reason(path: Path, max_chars: int) -> str | None:
    """Why a file is not read at all: not a regular file (a FIFO would block the build),
    or larger than an article can be (checked before reading or parsing: text may take
    4 bytes per character, HTML pages 5 bytes of markup and text per character).

    >>> unreadable_reason(Path("/"), 1000)
    'not a regular file (a folder); only regular files are read'
    """
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        kind = NOT_REGULAR.get(stat.S_IFMT(info.st_mode), "not a file")
        return f"not a regular file ({kind}); only regular files are read"
    limit = byte_limit(path, max_chars)
    if limit is not None and info.st_size > limit:
        return (
            f"file has {info.st_size:,} bytes, more than the limit of {limit:,} for an article (the max_chars setting)"
        )
    return None


def is_article_file(path: Path) -> bool:
    """Whether a file found in a directory may hold articles: a supported type, not hidden,
    not a README or LICENSE file ("README.md", "LICENSE.Apache-2.0", "readme.txt").

    >>> [is_article_file(Path(n)) for n in ("a.txt", "README.md", "License.txt", "licensed-arms.txt")]
    [True, False, False, True]
    """
    name = path.name
    return not name.startswith(".") and not NOT_ARTICLE.fullmatch(name) and kind_suffix(path) in SUPPORTED_SUFFIXES


def kind_suffix(path: Path) -> str:
    """The suffix that says what a file holds: the one before ``.gz`` for a compressed
    file of any supported type.

    >>> [kind_suffix(Path(n)) for n in ("a.jsonl.gz", "b.HTML.gz", "c.txt", "d.gz", "e.tar.gz")]
    ['.jsonl', '.html', '.txt', '.gz', '.gz']
    """
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz" and suffixes[-2] in SUPPORTED_SUFFIXES:
        return suffixes[-2]
    return path.suffix.lower()


def open_binary(path: Path) -> BinaryIO:
    """A file opened for reading bytes; a ``.gz`` file is decompressed as it streams."""
    return cast(BinaryIO, gzip.open(path, "rb")) if path.suffix.lower() == ".gz" else path.open("rb")


def read_limited(path: Path, limit: int) -> bytes:
    """A whole file's bytes (decompressed for ``.gz``), refused past ``limit`` bytes: the
    size check for a compressed file is on what it expands to, read no further than that.

    :raises IngestError: when the file holds more than ``limit`` bytes, or its gzip
        stream is cut short.
    :raises OSError: when the file cannot be read or is not gzip data.
    """
    try:
        with open_binary(path) as handle:
            data = handle.read(limit + 1)
    except EOFError:
        raise IngestError(f"{path}: the compressed file is cut short (truncated gzip stream)") from None
    if len(data) > limit:
        raise IngestError(
            f"{path}: file expands to more than the limit of {limit:,} bytes for an article (the max_chars setting)"
        )
    return data


def byte_limit(path: Path, max_chars: int) -> int | None:
    """The most bytes one article file may hold: text may take 4 bytes per character,
    HTML pages 5 bytes of markup and text per character; JSONL files have no limit
    (each line is checked as an article)."""
    suffix = kind_suffix(path)
    return 5 * max_chars if suffix in HTML_SUFFIXES else 4 * max_chars if suffix in TEXT_SUFFIXES else None


def count_articles(paths: Iterable[Path]) -> int:
    """How many articles the files under ``paths`` hold: one per readable text or HTML
    file, one per non-blank line of a JSONL file (gzip read as it streams). Files that
    will be refused count once (they are reported once).

    :raises IngestError: for a path that does not exist.
    """
    total = 0
    for path in iter_files(paths):
        if isinstance(path, Problem) or kind_suffix(path) not in JSONL_SUFFIXES or not path.is_file():
            total += 1
            continue
        try:
            with open_binary(path) as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total
