"""``build --dask SCHEDULER``: extraction on a Dask cluster, in shards.

The client reads the articles and skips unchanged ones (as a local build does),
sends shards to the workers, and each worker runs extract -> resolve -> map and
returns every article as N-Quads (its own graph, and its actor and position
triples in the shared graphs). The client writes the articles back in input
order through the same transactional writer as a local build, so the store ends
up with exactly the quads a single process would give. (pyoxigraph's
``bulk_load`` is faster but neither atomic nor aware of the first-label-wins rule
for shared actors.) ``local`` starts a LocalCluster with ``--workers`` processes.

Shards are submitted as results come back (``IN_FLIGHT`` per worker), so the client never
holds the whole corpus (37,554 articles are 36 M words). A worker that dies — killed, out of
memory, its machine gone — loses only the shards it held: the scheduler runs them again on
another worker (``RETRIES`` times per shard), and the build goes on with the same quads. If
the client itself stops, what it wrote is kept whole (one transaction per batch) and
running the same command again skips those articles.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import URIRef

from graph.pipeline.articles import extract_articles
from graph.pipeline.batches import batched
from graph.pipeline.provenance import run_info
from graph.rdf.mapping import ArticleTriples, Triple, extraction_triples
from graph.rdf.mint import Minter
from graph.rdf.terms import from_ox
from graph.records import Article, Problem
from graph.settings import Settings
from graph.store.write import article_quads

SHARD = 16  # articles per task
IN_FLIGHT = 4  # shards submitted ahead per worker
RETRIES = 3  # times a shard is run again after its worker died


def shard_nquads(articles: list[Article], settings: Settings) -> list[tuple[str, bytes, int, list[Problem]]]:
    """Runs on a worker: (article id, N-Quads, statements, problems) for each article."""

    run, minter, out = run_info(settings), Minter(settings.base_iri), []
    for item in extract_articles(articles, settings):
        if isinstance(item, Problem):
            out.append(("", b"", 0, [item]))
            continue
        triples = extraction_triples(item, run, minter, with_text=settings.with_text)
        buffer = io.BytesIO()
        ox.serialize(article_quads(triples, minter), buffer, ox.RdfFormat.N_QUADS)
        out.append((item.article.article_id, buffer.getvalue(), len(item.statements), list(item.problems)))
    return out


def article_triples(data: bytes, minter: Minter) -> ArticleTriples:
    """One article's N-Quads back into the writer's record."""
    actors, positions = str(minter.graph("actors")), str(minter.graph("positions"))
    own, shared_actors, shared_positions, graph_iri = [], [], [], None
    for quad in ox.parse(data, ox.RdfFormat.N_QUADS):
        triple = cast(Triple, (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        name = quad.graph_name.value
        if name == actors:
            shared_actors.append(triple)
        elif name == positions:
            shared_positions.append(triple)
        else:
            graph_iri = from_ox(quad.graph_name)
            own.append(triple)
    return ArticleTriples(cast(URIRef, graph_iri), tuple(own), tuple(shared_actors), tuple(shared_positions))


def submit(client, shard: list[Article], settings: Settings):
    return client.submit(shard_nquads, shard, settings, pure=False, retries=RETRIES)


def client_for(scheduler: str, workers: int):
    import logging

    from dask.distributed import Client, LocalCluster

    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)  # cluster chatter is not the user's business

    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(2, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def extract_on_dask(
    articles: Iterable[Article], settings: Settings, scheduler: str
) -> Iterator[tuple[str, bytes, int, list[Problem]]]:
    """Results per article, in input order, computed on the cluster."""
    client, cluster = client_for(scheduler, settings.workers)
    try:
        worker_settings = Settings(**{**settings.__dict__, "workers": 1, "store": Path(".")})
        shards = batched(articles, SHARD)
        ahead = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})), settings.workers)
        pending = deque(submit(client, shard, worker_settings) for shard in islice(shards, ahead))
        while pending:
            results = pending.popleft().result()
            pending.extend(submit(client, shard, worker_settings) for shard in islice(shards, 1))
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
