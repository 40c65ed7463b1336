"""``build --dask SCHEDULER``: parsing, extraction and resolution on a Dask cluster, in shards.

Each Dask worker runs what a ``--workers`` process runs (``graph.pipeline.workers``): it
parses, extracts and resolves a shard of articles and returns plain records (``Extraction``
or ``Problem``). The client does the rest exactly as a local build does — surnames linked
across the corpus, identity files, topics, mapping and the transactional writes — so the
store holds the quads of a single-process build whatever the corpus size. ``local`` starts
a LocalCluster with ``--workers`` processes.

Shards are submitted as results come back (``IN_FLIGHT`` per worker), so the client never
holds the whole corpus (37,554 articles are 36 M words). A worker that dies — killed, out of
memory, its machine gone — loses only the shards it held: the scheduler runs them again on
another worker (``RETRIES`` times per shard), and the build goes on with the same quads. If
the client itself stops, what it wrote is kept whole (one transaction per batch) and
running the same command again skips those articles.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from graph.pipeline.batches import batched
from graph.pipeline.workers import extract_chunk
from graph.records import Article, Extraction, Problem
from graph.settings import Settings

SHARD = 16  # articles per task
IN_FLIGHT = 4  # shards submitted ahead per worker
RETRIES = 3  # times a shard is run again after its worker died


def submit(client, shard: list[Article], settings: Settings):
    return client.submit(extract_chunk, shard, settings, pure=False, retries=RETRIES)


def client_for(scheduler: str, workers: int):
    import logging

    from dask.distributed import Client, LocalCluster

    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)  # cluster chatter is not the user's business

    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(2, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def resolve_on_dask(articles: Iterable[Article], settings: Settings) -> Iterator[Extraction | Problem]:
    """The resolved extraction (or problem) of every article, in input order, computed on
    the cluster ``settings.dask`` names."""
    client, cluster = client_for(str(settings.dask), settings.workers)
    try:
        worker_settings = Settings(**{**settings.__dict__, "workers": 1, "dask": None, "store": Path(".")})
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
