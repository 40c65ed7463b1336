"""Per-article extraction, shared by local and Dask builds: parse (extract), resolve
actors, apply the user's identity files (``--identity``), tag topics. The one sequence
of the extraction stages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from graph.errors import StancegraphError
from graph.extract import DocExtraction, parse_articles
from graph.knowledge.gazetteer import Gazetteer, load_gazetteer
from graph.knowledge.identity import identity_paths, load_identity
from graph.knowledge.topics import load_topics
from graph.records import Article, Extraction, Problem
from graph.resolve import resolve_article, tag_topics
from graph.resolve.corpus import CorpusPeople, link_surnames
from graph.resolve.identity import apply_identity
from graph.settings import Settings

log = logging.getLogger(__name__)
CORPUS_CHUNK = 1000  # articles resolved together (the corpus evidence for lone surnames)


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Extraction | Problem]:
    """Each article's ``Extraction`` (actors resolved, topics tagged), or a ``Problem``
    when it failed; one bad article never stops the rest.

    Articles are resolved in chunks of ``CORPUS_CHUNK``: a surname used alone that its
    article and the gazetteer leave open is linked with what the corpus seen so far
    (this chunk included) says (``graph.resolve.corpus``)."""
    gazetteer = load_gazetteer(settings.gazetteers)
    topics = load_topics(settings.topics)
    identity = load_identity(identity_paths(settings.identity))
    people = CorpusPeople()
    parsed = parse_articles(
        articles, settings.model, settings.gazetteers, batch_size=settings.batch_size, workers=settings.workers
    )
    for chunk in batched(parsed, CORPUS_CHUNK):
        resolved = [resolve_one(article, found, gazetteer) for article, found in chunk]
        for item in resolved:
            if isinstance(item, Extraction):
                people.add(item)
        for item in resolved:
            if isinstance(item, Problem):
                yield item
                continue
            linked = link_surnames(item, people)
            if not identity.empty:
                linked = apply_identity(linked, identity, gazetteer)
            yield tag_topics(linked, topics)


T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def resolve_one(article: Article, found: DocExtraction | Problem, gazetteer: Gazetteer) -> Extraction | Problem:
    if isinstance(found, Problem):
        return found
    try:
        return resolve_article(article, found.mentions, found.statements, gazetteer)
    except (StancegraphError, ValueError, IndexError, KeyError) as exc:
        log.exception("extraction failed for %s", article.path)
        return Problem(article.path or article.article_id, f"extraction failed: {exc}")


def extract_one(article: Article, settings: Settings) -> Extraction:
    """Extraction of a single article (no store), as ``extract`` and ``evaluate`` use it.

    :raises StancegraphError: when the article could not be extracted.
    """
    for item in extract_articles([article], settings):
        if isinstance(item, Problem):
            raise StancegraphError(str(item))
        return item
    raise StancegraphError(f"{article.path}: no extraction was produced")
