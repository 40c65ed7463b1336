"""Per-article extraction, shared by local and Dask builds: parse (extract), resolve
actors, tag topics. The one sequence of the extraction stages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from graph.errors import StancegraphError
from graph.extract import parse_articles
from graph.knowledge.gazetteer import load_gazetteer
from graph.knowledge.topics import load_topics
from graph.records import Article, Extraction, Problem
from graph.resolve import resolve_article, tag_topics
from graph.settings import Settings

log = logging.getLogger(__name__)


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Extraction | Problem]:
    """Each article's ``Extraction`` (actors resolved, topics tagged), or a ``Problem``
    when it failed; one bad article never stops the rest."""
    gazetteer = load_gazetteer(settings.gazetteers)
    topics = load_topics(settings.topics)
    parsed = parse_articles(
        articles, settings.model, settings.gazetteers, batch_size=settings.batch_size, workers=settings.workers
    )
    for article, found in parsed:
        if isinstance(found, Problem):
            yield found
            continue
        try:
            yield tag_topics(resolve_article(article, found.mentions, found.statements, gazetteer), topics)
        except (StancegraphError, ValueError, IndexError, KeyError) as exc:
            log.exception("extraction failed for %s", article.path)
            yield Problem(article.path or article.article_id, f"extraction failed: {exc}")


def extract_one(article: Article, settings: Settings) -> Extraction:
    """Extraction of a single article (no store), as ``extract`` and ``evaluate`` use it.

    :raises StancegraphError: when the article could not be extracted.
    """
    for item in extract_articles([article], settings):
        if isinstance(item, Problem):
            raise StancegraphError(str(item))
        return item
    raise StancegraphError(f"{article.path}: no extraction was produced")
