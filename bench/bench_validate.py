"""Validation time of whole stores (issue 16): ``stancegraph validate`` on a store built
from the 409 BBC articles (target ≤ 15 s) and, when ``STANCEGRAPH_BENCH_ALLSIDES`` names a
store built from the 4,950 AllSides articles (a 20-minute build, so not rebuilt here),
on that store too (target ≤ 180 s). Each timed in a fresh process, the build alongside for
scale, and pySHACL (the engine used before) on 20 articles for the ratio."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, record

CORPUS = SHARED / "corpus" / "bbc-2004-2005"


def timed(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True)
    return time.perf_counter() - started, (done.stdout + done.stderr).strip().splitlines()[-1]


def pyshacl_ratio(store: Path) -> dict:
    """pySHACL and pyshacl-turbo on the same 20 article graphs, side by side."""
    import pyshacl
    import pyshacl_turbo
    from rdflib import Graph

    from graph.rdf.shacl import article_graph_names, ontology_graph, shapes_graph
    from graph.rdf.terms import from_ox
    from graph.store.embedded import open_store

    opened = open_store(store, read_only=True)
    data = Graph()
    for graph_name in article_graph_names(opened)[:20]:
        for quad in opened.quads_for_pattern(None, None, None, graph_name):
            data.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))  # type: ignore[arg-type]
    figures = {}
    for name, engine in (("pyshacl_s", pyshacl.validate), ("turbo_s", pyshacl_turbo.validate)):
        started = time.perf_counter()
        engine(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True)
        figures[name] = round(time.perf_counter() - started, 2)
    figures["speed_up"] = round(figures["pyshacl_s"] / max(figures["turbo_s"], 1e-6), 1)
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "bbc-store"
        build_s, _built = timed("build", str(CORPUS), "--store", str(store))
        validate_s, validate_line = timed("validate", "--store", str(store), "--strict")
        figures = {
            "bbc_build_s": round(build_s, 1),
            "bbc_validate_s": round(validate_s, 1),
            "bbc_validate_target_s": 15,
            "bbc_validate_result": validate_line,
            "engines_on_20_articles": pyshacl_ratio(store),
        }
    allsides = os.environ.get("STANCEGRAPH_BENCH_ALLSIDES")
    if allsides:
        seconds, line = timed("validate", "--store", allsides, "--strict")
        figures.update(allsides_validate_s=round(seconds, 1), allsides_validate_target_s=180, allsides_result=line)
    record("validate", figures)
    print(figures)


if __name__ == "__main__":
    main()
