"""Read side on a store of more than a million triples (issue 8): bulk-load time, disk
size, and p50/p95 latency of every stored query.

The data are generated records (graph.pipeline.synthetic) mapped by the real mapping, written
as N-Quads and bulk-loaded into a fresh on-disk store, then cleaned up and derived
exactly as a build does.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox

from bench.common import record
from graph.pipeline.synthetic import synthetic_extractions
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.records import RunInfo
from graph.sparql.library import list_queries
from graph.sparql.params import bind_params
from graph.sparql.run import run_query
from graph.store.write import article_quads, finish_build

ARTICLES, ACTORS, RUNS = 2400, 8000, 7
PARAMS = {
    "actor": "Actor 000042",
    "person": "Actor 000041",
    "topic": "negotiations",
    "kindFilter": "Accuse",
    "threshold": "0.7",
}


def nquads(minter: Minter) -> bytes:
    """The generated articles as N-Quads, each triple in the graph a build would put it in."""
    out = io.BytesIO()
    for extraction in synthetic_extractions(ARTICLES, ACTORS, 10):
        item = extraction_triples(extraction, RunInfo("bench", "synthetic", "0"), minter)
        ox.serialize(article_quads(item, minter), out, ox.RdfFormat.N_QUADS)
    return out.getvalue()


def latency(store: ox.Store, name: str) -> dict:
    from graph.sparql.library import load_query

    query = load_query(name)
    values = {p.name: PARAMS[p.name] for p in query.params if p.name in PARAMS}
    bindings = bind_params(query, values, store)
    times, rows = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = sum(1 for _ in run_query(store, query.text, bindings))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "rows": rows,
    }


def main() -> None:
    minter = Minter()
    data = nquads(minter)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        started = time.perf_counter()
        store = ox.Store(str(path))
        store.bulk_load(data, ox.RdfFormat.N_QUADS)
        finish_build(store, minter)
        store.optimize()
        load_seconds = time.perf_counter() - started
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        triples = len(store)
        queries = {q.name: latency(store, q.name) for q in list_queries()}
    figures = {
        "quads": triples,
        "articles": ARTICLES,
        "bulk_load_s": round(load_seconds, 2),
        "disk_mb": round(size / 1e6, 1),
        "queries": queries,
        "target_p50_ms": 100,
        "slowest_p50_ms": max(q["p50_ms"] for q in queries.values()),
    }
    record("read_side", figures)
    for name, q in sorted(queries.items()):
        print(f"{name:22} p50 {q['p50_ms']:8.1f} ms  p95 {q['p95_ms']:8.1f} ms  rows {q['rows']}")
    print({k: v for k, v in figures.items() if k != "queries"})


if __name__ == "__main__":
    main()
