"""Build throughput against bare spaCy, parallel speed-up, incremental rebuild, memory (issue 8).

Over ../shared/corpus/bbc-2004-2005 (the 409 BBC articles plus the README):
1. ours (``build``, one process) against bare ``nlp.pipe`` of the same pipeline on the
   same texts, interleaved bare/ours/bare/ours, ratio of medians;
2. ``--workers 2`` against ``--workers 1``, interleaved;
3. rebuilding the unchanged corpus against the first build;
4. peak RSS of a whole build in a fresh process, and of streaming 1,000 and 10,000
   short articles from JSONL.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, record

CORPUS = SHARED / "corpus" / "bbc-2004-2005"


def timed_build(corpus: Path, store: Path, **settings) -> tuple[float, object]:
    from graph.pipeline.build import build
    from graph.settings import Settings

    started = time.perf_counter()
    report = build([corpus], Settings(store=store, **settings))
    return time.perf_counter() - started, report


def bare_parse(texts: list[str]) -> float:
    from graph.extract.nlp import load_pipeline

    nlp = load_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def throughput(tmp: Path) -> dict:
    from graph.extract.nlp import load_pipeline
    from graph.ingest.readers import read_articles

    load_pipeline()
    texts = [a.text for a in read_articles([CORPUS]) if hasattr(a, "text")]
    words = sum(len(t.split()) for t in texts)
    bare, ours, incremental = [], [], []
    for round_ in range(2):
        bare.append(bare_parse(texts))
        store = tmp / f"store-{round_}"
        seconds, report = timed_build(CORPUS, store)
        ours.append(seconds)
        incremental.append(timed_build(CORPUS, store)[0])
        shutil.rmtree(store)
    b, o = statistics.median(bare), statistics.median(ours)
    return {
        "articles": len(texts),
        "words": words,
        "bare_s": round(b, 2),
        "ours_s": round(o, 2),
        "ratio_ours_to_bare": round(b / o, 3),
        "words_per_s": round(words / o),
        "articles_per_s": round(len(texts) / o, 2),
        "bare_words_per_s": round(words / b),
        "target_ratio": 0.85,
        "runs_bare_s": [round(x, 2) for x in bare],
        "runs_ours_s": [round(x, 2) for x in ours],
        "incremental_s": round(statistics.median(incremental), 2),
        "incremental_share": round(statistics.median(incremental) / o, 4),
        "target_incremental_share": 0.05,
        "statements": report.statements,
    }


def workers(tmp: Path) -> dict:
    one, two = [], []
    for round_ in range(2):
        one.append(timed_build(CORPUS, tmp / f"w1-{round_}", workers=1)[0])
        two.append(timed_build(CORPUS, tmp / f"w2-{round_}", workers=2)[0])
    return {
        "workers1_s": round(statistics.median(one), 2),
        "workers2_s": round(statistics.median(two), 2),
        "speedup": round(statistics.median(one) / statistics.median(two), 2),
        "target_speedup": 1.6,
    }


def peak_rss_mb(args: list[str]) -> float:
    """Peak RSS (VmHWM) of a fresh ``stancegraph`` process. Not ru_maxrss: Linux carries the
    parent's high-water mark across fork and exec, so the benchmark's own peak would leak in."""
    code = (
        "import resource, sys; from graph.cli import main; sys.argv = ['stancegraph'] + sys.argv[1:]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def jsonl(path: Path, count: int, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            first = texts[number % len(texts)].split("\n\n")[0][:400]
            handle.write(
                json.dumps({"text": f"{first}\n\nItem {number}.", "url": f"https://example.org/{number}"}) + "\n"
            )
    return path


def memory(tmp: Path) -> dict:
    from graph.ingest.readers import read_articles

    texts = [a.text for a in read_articles([CORPUS]) if hasattr(a, "text")]
    build_mb = peak_rss_mb(["-q", "build", str(CORPUS), "--store", str(tmp / "m-store")])
    small = peak_rss_mb(["-q", "build", str(jsonl(tmp / "1k.jsonl", 1000, texts)), "--store", str(tmp / "m1k")])
    large = peak_rss_mb(["-q", "build", str(jsonl(tmp / "10k.jsonl", 10000, texts)), "--store", str(tmp / "m10k")])
    return {
        "build_peak_rss_mb": round(build_mb),
        "target_build_peak_rss_mb": 1024,
        "jsonl_1k_peak_rss_mb": round(small),
        "jsonl_10k_peak_rss_mb": round(large),
        "jsonl_10k_over_1k": round(large / small, 3),
        "target_jsonl_ratio": 1.3,
    }


def main() -> None:
    if not CORPUS.is_dir():
        print(f"needs {CORPUS} (the project's shared material)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        parts = sys.argv[1:] or ["throughput", "workers", "memory"]
        for part in parts:
            record(f"build_{part}", globals()[part](Path(tmp)))
    print(json.loads((Path(__file__).parent / "results.json").read_text())["results"])


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    main()
