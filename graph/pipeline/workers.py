"""Extraction in worker processes (``--workers N``).

Each worker loads the spaCy pipeline and the gazetteer once, then parses, extracts and
resolves whole chunks of articles, so no spaCy ``Doc`` crosses a process boundary (spaCy's
own ``n_process`` sends every parsed Doc back to the main process, whose share —
deserialising Docs, extracting, resolving, mapping, writing — then bounds the speed-up);
only ``Article`` records go out and ``Extraction`` records come back. The main process keeps
what needs the corpus (surnames linked across articles, identity files, topics), the mapping
and the writes. Workers are started with ``spawn`` (the main process has a writer thread and
the store open: forking it is unsafe). Chunks in flight are bounded, so memory stays flat;
results come back in input order.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from graph.errors import Interrupted, StancegraphError
from graph.knowledge.gazetteer import Gazetteer
from graph.pipeline.batches import batched
from graph.records import Article, Extraction, Problem
from graph.resolve import resolve_article

if TYPE_CHECKING:
    from graph.extract import DocExtraction
    from graph.settings import Settings

log = logging.getLogger(__name__)

CHUNK = 8  # articles per task
IN_FLIGHT = 4  # tasks queued per worker


def resolve_one(article: Article, found: DocExtraction | Problem, gazetteer: Gazetteer) -> Extraction | Problem:
    if isinstance(found, Problem):
        return found
    try:
        return resolve_article(article, found.mentions, found.statements, gazetteer)
    except Interrupted:
        raise  # Ctrl-C or SIGTERM stops the build, it is not this article's problem
    except (StancegraphError, ValueError, IndexError, KeyError) as exc:
        log.exception("extraction failed for %s", article.path)
        return Problem(article.path or article.article_id, f"extraction failed: {exc}")


_settings: dict[str, Settings] = {}


def start_worker(settings: Settings) -> None:
    """Runs once in each worker: load the pipeline and the gazetteer (both cached)."""
    from graph.extract import load_pipeline
    from graph.knowledge.gazetteer import load_gazetteer

    load_pipeline(settings.model, settings.gazetteers)
    load_gazetteer(settings.gazetteers)
    _settings["build"] = settings


def extract_chunk(articles: list[Article], settings: Settings | None = None) -> list[Extraction | Problem]:
    """Runs in a worker process (or a Dask worker, which passes ``settings``): each article
    parsed, extracted and resolved, or its ``Problem``. The pipeline and gazetteer load
    once per process."""
    from graph.extract import parse_articles
    from graph.knowledge.gazetteer import load_gazetteer

    settings = settings or _settings["build"]
    gazetteer = load_gazetteer(settings.gazetteers)
    parsed = parse_articles(articles, settings.model, settings.gazetteers, batch_size=settings.batch_size)
    return [resolve_one(article, found, gazetteer) for article, found in parsed]


def resolve_in_workers(articles: Iterable[Article], settings: Settings) -> Iterator[Extraction | Problem]:
    """The resolved extraction (or problem) of every article, in input order, from
    ``settings.workers`` processes.

    :raises StancegraphError: when a worker process dies (killed, or out of memory).
    """
    chunks = batched(articles, CHUNK)
    context = multiprocessing.get_context("spawn")
    workers = settings.workers
    with ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker, initargs=(settings,)) as pool:
        pending: deque[Future[list[Extraction | Problem]]] = deque()
        for chunk in islice(chunks, workers * IN_FLIGHT):
            pending.append(pool.submit(extract_chunk, chunk))
        while pending:
            future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                raise StancegraphError(
                    "an extraction worker process died (killed, or out of memory); the articles written so far "
                    "are kept: run the same command again, or with fewer --workers"
                ) from None
            for more in islice(chunks, 1):
                pending.append(pool.submit(extract_chunk, more))
            yield from results
