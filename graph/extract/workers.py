"""Extraction in worker processes (``--workers N``).

Each worker loads the pipeline once and parses and extracts whole chunks of articles, so
no spaCy ``Doc`` crosses a process boundary (spaCy's own ``n_process`` sends every parsed
Doc back to the main process, whose share — deserialising Docs, extracting, resolving,
mapping, writing — then bounds the speed-up); only ``Article`` records go out and
``DocExtraction`` records come back. Workers are started with ``spawn`` (the main process
has a writer thread and the store open: forking it is unsafe). Chunks in flight are
bounded, so memory stays flat; results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from graph.errors import StancegraphError
from graph.records import Article, Problem

if TYPE_CHECKING:
    from graph.extract import DocExtraction

CHUNK = 8  # articles per task
IN_FLIGHT = 4  # tasks queued per worker

_nlp: dict[str, tuple[Language, int]] = {}


def start_worker(model: str | None, gazetteers: tuple[Path, ...], batch_size: int) -> None:
    """Runs once in each worker: load the pipeline."""
    from graph.extract import load_pipeline

    _nlp["pipeline"] = (load_pipeline(model, gazetteers), batch_size)


def extract_chunk(articles: list[Article]) -> list[DocExtraction | Problem]:
    """Runs in a worker: each article's ``DocExtraction`` or ``Problem``, in order."""
    from graph.extract import extract_parsed

    nlp, batch_size = _nlp["pipeline"]
    return [found for _, found in extract_parsed(nlp, articles, batch_size)]


def parse_in_workers(
    articles: Iterable[Article], model: str | None, gazetteers: tuple[Path, ...], batch_size: int, workers: int
) -> Iterator[tuple[Article, DocExtraction | Problem]]:
    """(article, extraction or problem) for every article, in input order.

    :raises StancegraphError: when a worker process dies (killed, or out of memory).
    """
    iterator = iter(articles)
    chunks = iter(lambda: list(islice(iterator, CHUNK)), [])
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=start_worker, initargs=(model, gazetteers, batch_size)
    ) as pool:
        pending: deque[tuple[list[Article], Future[list[DocExtraction | Problem]]]] = deque()
        for chunk in islice(chunks, workers * IN_FLIGHT):
            pending.append((chunk, pool.submit(extract_chunk, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                raise StancegraphError(
                    "an extraction worker process died (killed, or out of memory); the articles written so far "
                    "are kept: run the same command again, or with fewer --workers"
                ) from None
            for more in islice(chunks, 1):
                pending.append((more, pool.submit(extract_chunk, more)))
            yield from zip(chunk, results, strict=True)
