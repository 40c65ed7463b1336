"""Screenshots of the views on the real 304-article sample (issue 19), for a person to look
at: the default view, the default view with an actor's panel open, an ego view, the stance
matrix and the top actor's timeline, written to build/screenshots/ by `make screenshots` (or `make bench
BENCH=screenshots`).

The store is built once into build/corpus-store from data/corpus (about a minute) and reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, record
from graph import api
from tests.browser import FLAGS, chromium_path

OUT = REPO / "build" / "screenshots"
STORE = REPO / "build" / "corpus-store"


def shoot(browser: str, page_path: Path, target: Path, click: str | None = None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser, args=FLAGS)
        page = chromium.new_page(viewport={"width": 1600, "height": 900})
        page.goto(page_path.as_uri())
        if page.locator("script").count():  # the graph and the matrix say when they are drawn
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        if click:
            node = page.evaluate(f"window.sgData.nodes.get().find(n => n.sgName === {click!r}).id")
            x, y = page.evaluate(
                """(id) => { const n = window.sgNetwork; const p = n.canvasToDOM(n.getPositions([id])[id]);
                   const r = document.getElementById('sg-network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
                node,
            )
            page.mouse.click(x, y)
            page.mouse.move(5, 5)  # off the node: the tooltip goes, the panel stays
            page.wait_for_timeout(300)
        page.screenshot(path=str(target))
        chromium.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    report = api.build(REPO / "data" / "corpus", store=STORE)
    store = api.open_store(STORE)
    top = api.run_query(store, name="strongest-stances", max_rows=1).rows()[0][0]
    views = {
        "default": {},
        "ego": {"actor": top, "depth": 1},
        "matrix": {"kind": "matrix"},
        "timeline": {"kind": "timeline", "actor": top},
    }
    browser = chromium_path()
    figures: dict[str, object] = {"articles": report.read, "statements": api.stats(store)["statements"]}
    for name, options in views.items():
        page = OUT / f"{name}.html"
        written = api.write_view(store, page, **options)
        figures[name] = {"nodes": written.nodes, "edges": written.edges}
        if browser:
            shoot(browser, page, OUT / f"{name}.png")
            if name == "default":
                shoot(browser, page, OUT / "default-panel.png", click=top)
    record("screenshots", figures)
    print(figures, "->", OUT)


if __name__ == "__main__":
    main()
