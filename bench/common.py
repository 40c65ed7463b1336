"""Shared helpers for the benchmark scripts: results file, machine description, timing."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results.json"
SHARED = REPO.parent / "shared"


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def record(section: str, figures: dict) -> None:
    """Merge one benchmark's figures into bench/results.json."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["machine"] = machine()
    data.setdefault("results", {})[section] = {**figures, "measured": time.strftime("%Y-%m-%d %H:%M:%S")}
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def timed(call: Callable[[], object], repeat: int = 3) -> tuple[float, list[float]]:
    """Median wall time of ``repeat`` calls, and all times."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times
