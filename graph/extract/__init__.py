"""The extract stage: articles -> spaCy Docs -> actor mentions and statement candidates.

The only stage that imports spaCy; spaCy objects never leave it. ``parse_articles``
runs the pipeline over many articles and hands back plain records
(``DocExtraction``: ``Mention`` and ``StatementCandidate`` tuples) per article.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import Interrupted, StancegraphError
from graph.extract.components import MENTIONS, STATEMENTS
from graph.extract.layout import mark_headings, stop_headings
from graph.extract.nlp import installed_model_info, load_pipeline, model_info
from graph.ingest.hygiene import blank_long_runs, blank_photo_credits
from graph.records import Article, Mention, Problem, StatementCandidate

__all__ = [
    "DocExtraction",
    "extract_doc",
    "installed_model_info",
    "load_pipeline",
    "model_info",
    "parse_articles",
    "release_pipeline",
    "trim_heap",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocExtraction:
    mentions: tuple[Mention, ...]
    statements: tuple[StatementCandidate, ...]


@lru_cache(maxsize=4)
def extractors(nlp: Language) -> tuple:
    return tuple(nlp.create_pipe(f"{name}_v1") for name in (MENTIONS, STATEMENTS))


def release_pipeline() -> None:
    """Let go of the loaded spaCy pipelines (model, gazetteer patterns) once a build has
    parsed everything, so the memory they held serves the end of the build (copies, counts)
    instead of adding to it; the next ``load_pipeline`` loads again (a few seconds)."""
    extractors.cache_clear()
    load_pipeline.cache_clear()
    gc.collect()
    trim_heap()


def trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing
    where there is none): freed model and parse memory otherwise stays in the process's
    resident size (300 parsed articles: 226 MB after release, 189 MB after the trim)."""
    trim = malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, looked up once (``find_library`` runs ``ldconfig``), or None."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc (macOS, musl): the allocator keeps what it keeps


def extract_doc(doc: Doc, nlp: Language | None = None) -> DocExtraction:
    """Mentions and statement candidates of one parsed article (runs the registered
    components unless the pipeline already did)."""
    if doc._.stancegraph_statements is None:
        for component in extractors(nlp or load_pipeline()):
            doc = component(doc)
    return DocExtraction(tuple(doc._.stancegraph_mentions), tuple(doc._.stancegraph_statements))


BATCH_CHARS = 40_000  # characters a parse batch holds past its first article (eight median AllSides articles)


def parse_batches(articles: Iterable[Article], size: int, chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """The articles in parse batches of at most ``size`` articles and, past the first, at
    most ``chars`` characters: spaCy's working memory grows with the tokens of a batch (eight
    of the longest AllSides articles in one batch peaked at 1.6 GB, one at a time at 0.7 GB),
    so a long article is parsed with fewer others, or alone.

    >>> from graph.ingest import make_article
    >>> texts = ["a" * 10, "b" * 30, "c" * 10, "d" * 10, "e" * 50]
    >>> [[len(a.text) for a in b] for b in parse_batches(map(make_article, texts), 3, chars=40)]
    [[10, 30], [10, 10], [50]]
    """
    batch: list[Article] = []
    held = 0
    for article in articles:
        if batch and (len(batch) >= size or held + len(article.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.text)
    if batch:
        yield batch


def parse_articles(
    articles: Iterable[Article],
    model: str | None = None,
    gazetteers: tuple[Path, ...] = (),
    *,
    batch_size: int = 8,
) -> Iterator[tuple[Article, DocExtraction | Problem]]:
    """Parse articles with ``nlp.pipe`` and extract each one, in input order, in this
    process (``graph.pipeline.workers`` runs this in worker processes for ``--workers``),
    ``parse_batches`` of at most ``batch_size`` articles at a time.

    The parser sees the text with overlong runs blanked (same length); spans quote the
    article's own text. One article's failure is a ``Problem``, never the end of the batch.
    """
    nlp: Language | None = None
    for batch in parse_batches(articles, batch_size):
        if nlp is None:  # nothing to parse (a rebuild with every article unchanged): nothing to load
            nlp = load_pipeline(model, gazetteers)
        texts = [stop_headings(blank_photo_credits(blank_long_runs(article.text))) for article in batch]
        for article, doc in zip(batch, nlp.pipe(texts, batch_size=len(batch))):
            doc.user_data["stancegraph_text"] = article.text  # spans quote the article, not the parser's copy
            mark_headings(doc, article.text)
            try:
                yield article, extract_doc(doc, nlp)
            except Interrupted:
                raise  # Ctrl-C or SIGTERM stops the build, it is not this article's problem
            except (StancegraphError, ValueError, IndexError, KeyError) as exc:
                log.exception("extraction failed for %s", article.path)
                yield article, Problem(article.path or article.article_id, f"extraction failed: {exc}")
