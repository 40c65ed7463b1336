"""Time to first render of a 5,000-node view in headless Chromium (issue 6).

Builds ~5,000 actors / 9,000 stance edges from generated records through the real
mapping and store, writes the view (timed), then loads it offline in Debian's
chromium three times and takes the median time until vis-network's first draw.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox

from bench.common import record, timed
from graph.pipeline.synthetic import synthetic_extractions
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.records import RunInfo
from graph.store.write import finish_build, write_articles
from graph.views.html import ViewOptions, write_view
from tests.browser import FLAGS, chromium_path


def main() -> None:
    store, minter = ox.Store(), Minter()
    batch = [
        extraction_triples(e, RunInfo("bench", "synthetic", "0"), minter) for e in synthetic_extractions(1500, 5000, 6)
    ]
    for start in range(0, len(batch), 250):
        write_articles(store, batch[start : start + 250], minter)
    finish_build(store, minter)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "big.html"
        write_seconds, _ = timed(lambda: write_view(store, page, ViewOptions(max_nodes=6000)), repeat=1)
        report = write_view(store, page, ViewOptions(max_nodes=6000))
        figures = {
            "nodes": report.nodes,
            "edges": report.edges,
            "write_view_s": round(write_seconds, 2),
            "html_mb": round(page.stat().st_size / 1e6, 2),
        }
        browser = chromium_path()
        if browser is None:
            figures["first_render_s"] = None
            figures["note"] = "chromium not installed: run scripts/install-chromium.sh"
        else:
            figures |= browser_times(browser, page)
    record("view_5000_nodes", figures)
    print(figures)


def browser_times(browser: str, page_path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser, args=FLAGS)
        for _ in range(3):
            context = chromium.new_context(offline=True, viewport={"width": 1280, "height": 800})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=180_000)
            times.append(time.perf_counter() - started)
            context.close()
        chromium.close()
    times.sort()
    return {"first_render_s": round(times[1], 2), "first_render_runs_s": [round(t, 2) for t in times]}


if __name__ == "__main__":
    main()
