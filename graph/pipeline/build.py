"""The one place that knows the stage order.

ingest -> extract -> resolve -> map -> store. Unchanged articles (same text hash,
same extraction run) are skipped before parsing; each batch of articles is written
in one transaction; a failing article becomes a ``Problem`` and the batch goes on.
"""

from __future__ import annotations

import errno
import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import BuildInterrupted, Interrupted, NoSpaceError, StancegraphError
from graph.extract import release_pipeline, trim_heap
from graph.ingest import read_articles
from graph.ingest.hygiene import looks_english
from graph.pipeline.articles import extract_articles
from graph.pipeline.provenance import run_info
from graph.pipeline.writer import ArticleWriter
from graph.rdf.mint import Minter
from graph.records import Article, Problem
from graph.settings import Settings
from graph.store.embedded import open_store, release_store
from graph.store.write import finish_build, known_articles, start_build

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    read: int = 0
    written: int = 0
    skipped: int = 0
    statements: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def select_articles(
    items: Iterable[Article | Problem],
    report: BuildReport,
    settings: Settings,
    known: dict[str, tuple[str, str]],
    run_iri: str,
    progress: Callable[[int], None] = lambda n: None,
) -> Iterator[Article]:
    """Drop problems (recorded), duplicates within the run and unchanged articles; each
    input dropped here counts as done for ``progress``."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Problem):
            report.problems.append(item)
            progress(item.severity == "error")
            continue
        report.read += 1
        if len(item.text) > settings.max_chars:
            progress(1)
            report.problems.append(
                Problem(
                    item.path or item.article_id,
                    f"article has {len(item.text):,} characters, more than the limit of {settings.max_chars:,}",
                )
            )
            continue
        if settings.lang == "en" and not looks_english(item.text):
            progress(1)
            report.problems.append(
                Problem(
                    item.path or item.article_id,
                    "skipped: the text does not look like "
                    "English (few English function words); --lang any extracts it anyway",
                )
            )
            continue
        graph_iri = str(Minter(settings.base_iri).article_graph(item.article_id))
        if item.article_id in seen or known.get(graph_iri) == (item.text_sha256, run_iri):
            report.skipped += 1
            progress(1)
            continue
        seen.add(item.article_id)
        yield item


RELEASE_AFTER = 1_000  # articles parsed: a smaller build keeps the pipeline loaded for the next one


def build(
    paths: Iterable[str | Path], settings: Settings, progress: Callable[[int], None] | None = None
) -> BuildReport:
    """Build (or update) the store from the articles under ``paths``; ``progress(n)`` is
    called as inputs are done (written, skipped unchanged, or refused)."""
    progress = progress or (lambda n: None)
    report, minter = BuildReport(), Minter(settings.base_iri)
    run = run_info(settings)
    store = open_store(settings.store)
    known = known_articles(store)
    start_build(store, minter, settings.topics)
    articles = select_articles(
        read_articles(paths, settings.max_chars), report, settings, known, str(minter.run(run)), progress
    )
    writer = ArticleWriter(store, minter, run, settings)
    try:
        with writer:
            write_all(articles, settings, writer, report, progress)
        if writer.counts.written >= RELEASE_AFTER:
            release_pipeline()  # parsing is over: its memory goes to the end of the build
            writer.store = store = None  # type: ignore[assignment]  # the last references: RocksDB closes
            store = reopen_store(settings.store)
        finish_build(store, minter, settings.topics)
        failure = None
    except (KeyboardInterrupt, Interrupted):
        failure = stopped(settings, writer.counts.written, None)
    except OSError as exc:
        failure = stopped(settings, writer.counts.written, exc)
    finally:
        release_store(settings.store)
    report.written, report.statements = writer.counts.written, writer.counts.statements
    report.problems += writer.counts.problems
    writer.error = None  # its traceback holds the store: the lock must go with the next line
    del store, writer  # release the lock now: parser caches in rdflib/pyparsing may keep this frame alive
    if failure is not None:
        raise failure
    return report


def reopen_store(path: str | Path) -> ox.Store:
    """The store opened again once the build's handle is dropped: RocksDB gives back what a
    long run of writes held (memtables, table readers, caches: ~300 MB after 4,950 AllSides
    articles) before the end of the build reads the whole graph.

    :raises StoreLockedError: when another writer took the store in between.
    """
    gc.collect()
    trim_heap()
    return open_store(path)


def stopped(settings: Settings, written: int, exc: OSError | None) -> StancegraphError:
    """The error for a build stopped by Ctrl-C or SIGTERM (``exc`` None) or a full disk.

    :raises OSError: ``exc`` itself when it is not a full disk.
    """
    kept = f"{written} articles were written whole and kept in {settings.store}"
    if exc is None:
        return BuildInterrupted(f"build interrupted: {kept}; run the same command again to complete the build")
    if exc.errno != errno.ENOSPC and "No space left" not in str(exc):
        raise exc
    return NoSpaceError(
        f"no space left on the device of {settings.store}: {kept}; free some space and run the same command "
        "again to complete the build"
    )


def write_all(
    articles: Iterable[Article],
    settings: Settings,
    writer: ArticleWriter,
    report: BuildReport,
    progress: Callable[[int], None],
) -> None:
    """Extract every article (here, in worker processes or on Dask) and hand it to the writer."""
    for item in extract_articles(articles, settings):
        progress(1)
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        report.problems += item.problems
        writer.put(item)
