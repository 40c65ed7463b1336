"""``stancegraph serve`` under load (issue 17): throughput and p50/p99 latency of one
client, of 20 concurrent clients at half the server's capacity, and of 20 clients
saturating it, side by side, with every connection error counted. Target: p99 with 20
concurrent clients within 5x of the single-client p99, no resets or errors.

Saturating clients (each sends again the moment it is answered) measure throughput:
their latency is the queue, 20 / throughput by Little's law, whatever the server does.
The p99 target is judged at a load the server can carry, with 20 clients sending on
random (Poisson) schedules, latency counted from the scheduled send time (no coordinated omission).

The store holds generated articles (graph.pipeline.synthetic) mapped by the real
mapping; the server is the real command line on loopback, queries run in its worker
processes. The workload mixes what a notebook or dashboard sends: one actor's
statements, a count per kind, an ASK.
"""

from __future__ import annotations

import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox

from bench.bench_read import PARAMS, nquads
from bench.common import record
from graph.rdf.mint import Minter
from graph.sparql.library import load_query
from graph.sparql.params import bind_params
from graph.sparql.run import with_values
from graph.store.write import finish_build

PER_ACTOR = ("statements-by-actor", "quotes-by-person", "actor-timeline")


def workload(store: ox.Store) -> list[str]:
    """The per-actor stored queries with their parameters bound, as a client sends them."""
    texts = []
    for name in PER_ACTOR:
        query = load_query(name)
        values = {p.name: PARAMS[p.name] for p in query.params if p.name in PARAMS}
        texts.append(with_values(query.text, bind_params(query, values, store)))
    return texts


SINGLE, CLIENTS, PER_CLIENT = 300, 20, 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, query: str, at: float | None = None) -> tuple[float, str | None]:
    """One GET; the latency counts from ``at`` (the scheduled send time) when given."""
    started = at if at is not None else time.perf_counter()
    query = urllib.parse.quote(query)
    try:
        with urllib.request.urlopen(f"{url}/query?query={query}", timeout=60) as response:
            response.read()
    except (urllib.error.URLError, OSError) as exc:
        return time.perf_counter() - started, type(exc).__name__
    return time.perf_counter() - started, None


def summary(results: list[tuple[float, str | None]], seconds: float) -> dict:
    times = sorted(t * 1000 for t, error in results if error is None)
    return {
        "requests": len(results),
        "errors": sum(error is not None for _, error in results),
        "per_second": round(len(results) / seconds, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p99_ms": round(times[int(0.99 * (len(times) - 1))], 1),
    }


def closed(url: str, queries: list[str], clients: int, per_client: int) -> dict:
    """Every client sends its next request as soon as the last one is answered (saturation)."""
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        batches = pool.map(
            lambda c: [request(url, queries[(c + i) % len(queries)]) for i in range(per_client)], range(clients)
        )
        results = [r for batch in batches for r in batch]
    return summary(results, time.perf_counter() - started)


def paced(url: str, queries: list[str], clients: int, per_client: int, rate: float) -> dict:
    """``clients`` clients together send ``rate`` requests a second, each on its own
    random (Poisson) schedule; a late answer delays nothing else, and its latency counts
    from its scheduled time."""
    interval = clients / rate
    start = time.perf_counter() + 0.1

    def client(c: int) -> list[tuple[float, str | None]]:
        out, at, gaps = [], start, random.Random(c)
        for i in range(per_client):
            at += gaps.expovariate(1 / interval)
            time.sleep(max(0.0, at - time.perf_counter()))
            out.append(request(url, queries[(c + i) % len(queries)], at))
        return out

    with ThreadPoolExecutor(clients) as pool:
        results = [r for batch in pool.map(client, range(clients)) for r in batch]
    return summary(results, time.perf_counter() - start)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        store = ox.Store(str(path))
        store.bulk_load(nquads(Minter()), ox.RdfFormat.N_QUADS)
        finish_build(store, Minter())
        queries = workload(store)
        del store
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "graph", "serve", "--store", str(path), "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                if request(url, queries[0])[1] is None:
                    break
                time.sleep(0.1)
            closed(url, queries, 2, 20)  # warm the workers and the caches
            single = closed(url, queries, 1, SINGLE)
            saturated = closed(url, queries, CLIENTS, PER_CLIENT)
            many = paced(url, queries, CLIENTS, PER_CLIENT, rate=saturated["per_second"] / 2)
        finally:
            server.terminate()
            server.wait()
    figures = {
        "one_client": single,
        f"{CLIENTS}_clients_at_half_capacity": many,
        f"{CLIENTS}_clients_saturating": saturated,
        "p99_ratio": round(many["p99_ms"] / single["p99_ms"], 2),
        "target_p99_ratio": 5.0,
        "target_errors": 0,
    }
    record("serve_load", figures)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
