"""Run every bench/bench_*.py (or the ones named), then print bench/results.json as a table.

Usage: python bench/run.py [NAME ...]      e.g. python bench/run.py view build
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(BENCH.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=BENCH.parent).returncode != 0:
            failed.append(script.stem)
    print_table()
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def print_table() -> None:
    results = BENCH / "results.json"
    if not results.exists():
        return
    data = json.loads(results.read_text())
    print(f"\nmachine: {data.get('machine')}")
    for section, figures in sorted(data.get("results", {}).items()):
        print(f"\n{section}")
        for key, value in sorted(figures.items()):
            if isinstance(value, (list, dict)) and len(json.dumps(value)) > 100:
                value = json.dumps(value)[:100] + "…"
            print(f"  {key:<34} {value}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
