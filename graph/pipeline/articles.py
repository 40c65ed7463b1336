"""Per-article extraction, shared by local and Dask builds: parse (extract), resolve
actors, apply the user's identity files (``--identity``), tag topics. The one sequence
of the extraction stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graph.errors import StancegraphError
from graph.extract import parse_articles, trim_heap
from graph.knowledge.gazetteer import Gazetteer, load_gazetteer
from graph.knowledge.identity import identity_paths, load_identity
from graph.knowledge.topics import load_topics
from graph.pipeline.batches import batched
from graph.pipeline.workers import resolve_in_workers, resolve_one
from graph.records import Article, Extraction, Problem
from graph.resolve import tag_topics
from graph.resolve.corpus import CorpusPeople, link_surnames
from graph.resolve.identity import apply_identity
from graph.settings import Settings

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
    for resolved in batched(resolved_articles(articles, settings, gazetteer), CORPUS_CHUNK):
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
        trim_heap()  # the chunk's parse and resolution garbage goes back to the system


def resolved_articles(
    articles: Iterable[Article], settings: Settings, gazetteer: Gazetteer
) -> Iterator[Extraction | Problem]:
    """Each article parsed, extracted and resolved on its own (here, in ``--workers``
    processes, or on a Dask cluster), in input order."""
    if settings.dask:
        from graph.pipeline.dask import resolve_on_dask

        yield from resolve_on_dask(articles, settings)
        return
    if settings.workers > 1:
        yield from resolve_in_workers(articles, settings)
        return
    parsed = parse_articles(articles, settings.model, settings.gazetteers, batch_size=settings.batch_size)
    yield from (resolve_one(article, found, gazetteer) for article, found in parsed)


def extract_one(article: Article, settings: Settings) -> Extraction:
    """Extraction of a single article (no store), as ``extract`` and ``evaluate`` use it.

    :raises StancegraphError: when the article could not be extracted.
    """
    for item in extract_articles([article], settings):
        if isinstance(item, Problem):
            raise StancegraphError(str(item))
        return item
    raise StancegraphError(f"{article.path}: no extraction was produced")
