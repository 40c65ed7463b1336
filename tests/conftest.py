"""Shared fixtures: the sample article, its extraction, and a store built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.ingest.readers import read_text_file
from graph.paths import SAMPLES_DIR
from graph.pipeline.articles import extract_one
from graph.pipeline.build import build
from graph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SAMPLES_DIR / "gaza-ceasefire-us-withdraws.txt"


def sample_copies(folder: Path, count: int) -> Path:
    """``count`` distinct copies of the sample article (a different day in each) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"a{number:02d}.txt").write_text(text.replace("Wednesday", f"day {number}"), encoding="utf-8")
    return folder


LEAK = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"leak"}}]}}'


@pytest.fixture
def listener():
    """A loopback SPARQL endpoint that records the path of every request it gets and
    answers each with one row (so a query that reached it would show it)."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    hits: list[str] = []

    class Endpoint(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(LEAK)))
            self.end_headers()
            self.wfile.write(LEAK)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.do_GET()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared material), which is absent here")
    return path


@pytest.fixture(scope="session")
def sample_article():
    return read_text_file(SAMPLE)


@pytest.fixture(scope="session")
def sample_extraction(sample_article):
    return extract_one(sample_article, Settings())


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory):
    """A store built once from data/samples through the real pipeline."""
    path = tmp_path_factory.mktemp("store") / "store"
    report = build([SAMPLES_DIR], Settings(store=path))
    assert report.written == 1
    return path


@pytest.fixture(scope="session")
def browser_context():
    """An offline headless Chromium context (see tests/browser.py)."""
    from tests.browser import FLAGS, need_browser

    path = need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=FLAGS)
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        yield context
        context.close()
        browser.close()
