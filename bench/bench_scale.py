"""Scale on the AllSides corpus (issue 20), side by side in one run, as ratios.

Over ``../shared/corpus/allsides-intl`` (4,950 real articles from dozens of outlets; set
``STANCEGRAPH_SCALE_ARTICLES=N`` to take the first N, the figures then say so):

1. ours (``build``, one process) against bare ``nlp.pipe`` of the same pipeline on the same
   texts, interleaved bare/ours, ratio bare/ours (target ≥ 1.2: faster than the parse);
2. ``--workers 2`` against ``--workers 1`` (target speed-up ≥ 1.7);
3. peak RSS of the whole build in a fresh process, the main process and its workers
   (target ≤ 1 GiB), and of the first tenth for the growth ratio (target ≤ 1.2);
4. p50/p95 of every stored query on the built store (per-actor ≤ 50 ms, reports ≤ 1 s), and
   again without its optional parameters (strongest-stances once ran for over ten minutes
   without its kind filter on the whole corpus);
5. ``validate`` of that store;
   and, on the first 300 articles, what parsing only candidate sentences could save at best
   (the pipeline with and without its parser, the sentence recogniser instead, the share of
   tokens in candidate sentences);
6. the dedup effect: statements, copies (syndicated or boilerplate repeats), positions and
   pair stances by outlets against by reports.

Each build runs once per setting (a full build is about 15 minutes here).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, record

CORPUS = SHARED / "corpus" / "allsides-intl" / "intl-4950.jsonl.gz"
RUNS = 7
PER_ACTOR = {"statements-by-actor", "quotes-by-person", "actor-timeline"}
PARAMS = {"actor": "Iran", "person": "Donald Trump", "topic": "negotiations", "kindFilter": "Accuse"}


def sample(tmp: Path) -> tuple[Path, int]:
    """The corpus, or its first STANCEGRAPH_SCALE_ARTICLES lines, as a .jsonl.gz."""
    wanted = int(os.environ.get("STANCEGRAPH_SCALE_ARTICLES", "0"))
    if not wanted:
        with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
            return CORPUS, sum(1 for _ in lines)
    path = tmp / f"allsides-{wanted}.jsonl.gz"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, wanted))
    return path, wanted


def measured_build(corpus: Path, store: Path, *extra: str) -> dict:
    """A build in a fresh process: wall time, peak RSS of the process and of its largest
    worker (VmHWM; getrusage's children maximum for the workers)."""
    code = (
        "import resource, sys; from graph.cli import main; sys.argv = ['stancegraph'] + sys.argv[1:]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "own = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    args = ["-q", "build", str(corpus), "--store", str(store), *extra]
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    own, children = (int(x) / 1024 for x in out.stdout.split()[-2:])
    return {"s": round(seconds, 1), "peak_rss_mb": round(own), "worker_peak_rss_mb": round(children)}


def bare_parse(corpus: Path) -> float:
    """Bare ``nlp.pipe`` of the same pipeline over the same texts, in a fresh process."""
    code = (
        "import sys, time; from graph.extract.nlp import load_pipeline; from graph.ingest import read_articles\n"
        "texts = [a.text for a in read_articles([sys.argv[1]]) if hasattr(a, 'text')]\n"
        "nlp = load_pipeline(); started = time.perf_counter()\n"
        "for _ in nlp.pipe(texts, batch_size=8): pass\n"
        "print(time.perf_counter() - started)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


SPLIT_ARTICLES = 300
QUOTE_MARKS = set('"\u201c\u201d\u2018\u2019\u00ab\u00bb')


def parse_split(corpus: Path) -> dict:
    """What "parse only what can carry a statement" could save at best, measured on the first
    ``SPLIT_ARTICLES`` articles: the pipeline with and without its dependency parser, the
    sentence recogniser that would replace it for sentence boundaries, and the share of
    tokens in candidate sentences (a quotation mark, a cue lemma, or "according to")."""
    import spacy

    from graph.extract.nlp import find_model_name, load_pipeline
    from graph.ingest import read_articles
    from graph.knowledge.lexicons import load_cues

    texts = [a.text for a in itertools.islice(read_articles([corpus]), SPLIT_ARTICLES) if hasattr(a, "text")]
    nlp, cues = load_pipeline(), set(load_cues())

    def timed(pipeline: object) -> tuple[float, list]:
        started = time.perf_counter()
        docs = list(pipeline.pipe(texts, batch_size=8))  # type: ignore[attr-defined]
        return time.perf_counter() - started, docs

    full, docs = timed(nlp)
    with nlp.select_pipes(disable=["parser"]):
        no_parser, _ = timed(nlp)
    senter = spacy.load(find_model_name(), exclude=list(nlp.pipe_names))  # only the disabled senter is left
    senter.enable_pipe("senter")
    sentences, _ = timed(senter)
    candidate = all_tokens = 0
    for sent in (s for doc in docs for s in doc.sents):
        all_tokens += len(sent)
        if "according to" in sent.text.lower() or any(t.text in QUOTE_MARKS or t.lemma_ in cues for t in sent):
            candidate += len(sent)
    share = candidate / all_tokens
    best = no_parser + sentences + (full - no_parser) * share
    return {
        "split_articles": len(texts),
        "split_full_parse_s": round(full, 1),
        "split_without_parser_s": round(no_parser, 1),
        "split_senter_s": round(sentences, 1),
        "split_candidate_token_share": round(share, 3),
        "split_best_case_s": round(best, 1),
        "split_best_case_saving": round(1 - best / full, 3),
    }


def latency(store: object, name: str, options: bool = True) -> dict:
    from graph.sparql.library import load_query
    from graph.sparql.params import bind_params
    from graph.sparql.run import run_query

    query = load_query(name)
    wanted = [p for p in query.params if p.name in PARAMS and (options or not p.description.startswith("Optional"))]
    bindings = bind_params(query, {p.name: PARAMS[p.name] for p in wanted}, store)
    times, rows = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = sum(1 for _ in run_query(store, query.text, bindings))  # type: ignore[arg-type]
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    target = 50 if name in PER_ACTOR else 1000
    p50 = statistics.median(times)
    return {
        "p50_ms": round(p50, 1),
        "p95_ms": round(times[-1], 1),
        "rows": rows,
        "target_p50_ms": target,
        "met": p50 <= target,
    }


def reads(store_path: Path) -> dict:
    from graph.sparql.library import list_queries
    from graph.store.embedded import open_store

    store = open_store(store_path, read_only=True)
    queries = {q.name: latency(store, q.name) for q in list_queries()}
    optional = [q.name for q in list_queries() if any(p.description.startswith("Optional") for p in q.params)]
    queries.update({f"{name} (no options)": latency(store, name, options=False) for name in optional})
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph", "validate", "--store", str(store_path)], capture_output=True)
    return {"queries": queries, "validate_s": round(time.perf_counter() - started, 1), **dedup(store)}


def dedup(store: object) -> dict:
    """Statements and copies; pair stances ranked by outlets against by reports."""
    from graph.api import stats
    from graph.sparql.run import run_query

    counts = stats(store)  # type: ignore[arg-type]
    text = (
        "SELECT (SUM(?r) AS ?reports) (SUM(?s) AS ?statements) (SUM(?o) AS ?outlets) WHERE { ?p a sg:PairStance ; "
        "sg:reportCount ?r ; sg:statementCount ?s ; sg:outletCount ?o }"
    )
    row = next(iter(run_query(store, text)))  # type: ignore[arg-type]
    return {
        "statements": counts["statements"],
        "copies": counts["copies"],
        "distinct_statements": counts["statements"] - counts["copies"],
        "pair_stance_reports": int(row["reports"].value),
        "pair_stance_statements": int(row["statements"].value),
        "pair_stance_outlets": int(row["outlets"].value),
    }


def main() -> None:
    if not CORPUS.is_file():
        print(f"needs {CORPUS} (the project's shared material)")
        return
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus, articles = sample(tmp)
        bare = bare_parse(corpus)
        split = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--parse-split", str(corpus)], capture_output=True, text=True, check=True
            ).stdout
        )
        one = measured_build(corpus, tmp / "w1")
        two = measured_build(corpus, tmp / "w2", "--workers", "2")
        tenth, _ = (tmp / "tenth.jsonl.gz", None)
        with gzip.open(corpus, "rt", encoding="utf-8") as source, gzip.open(tenth, "wt", encoding="utf-8") as out:
            out.writelines(itertools.islice(source, max(1, articles // 10)))
        small = measured_build(tenth, tmp / "tenth")
        figures = {
            "articles": articles,
            "bare_parse_s": round(bare, 1),
            "ours_s": one["s"],
            "ratio_bare_to_ours": round(bare / one["s"], 3),
            "target_ratio": 1.2,
            "workers2_s": two["s"],
            "workers2_speedup": round(one["s"] / two["s"], 2),
            "ratio_bare_to_workers2": round(bare / two["s"], 3),
            "target_speedup": 1.7,
            "peak_rss_mb": one["peak_rss_mb"],
            "workers2_peak_rss_mb": two["peak_rss_mb"],
            "workers2_worker_peak_rss_mb": two["worker_peak_rss_mb"],
            "target_peak_rss_mb": 1024,
            "tenth_peak_rss_mb": small["peak_rss_mb"],
            "rss_growth_full_to_tenth": round(one["peak_rss_mb"] / small["peak_rss_mb"], 2),
            "target_rss_growth": 1.2,
            **split,
            **reads(tmp / "w1"),
        }
    record("scale_allsides", figures)
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    if sys.argv[1:2] == ["--parse-split"]:
        print(json.dumps(parse_split(Path(sys.argv[2]))))
    else:
        main()
