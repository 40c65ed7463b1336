"""A real headless Chromium (Debian's package) driven by Playwright, offline.

``.ci/run`` installs chromium and sets STANCEGRAPH_REQUIRE_BROWSER=1, so in CI a
missing browser fails the tests; elsewhere they skip and say why.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("STANCEGRAPH_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def need_browser() -> str:
    path = chromium_path()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        reason = "needs Debian's chromium and the playwright package (make test installs them via .ci/run)"
        if os.environ.get("STANCEGRAPH_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@dataclass
class PageLog:
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:", "about:"))]

    @property
    def problems(self) -> list[str]:
        return self.errors + [text for kind, text in self.console if kind in ("error", "warning")]


def open_page(context, url: str, timeout_ms: int = 60_000):
    """Load a view and wait until vis-network has drawn it; returns (page, log)."""
    log = PageLog()
    page = context.new_page()
    page.on("console", lambda m: log.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))

    def on_dialog(dialog):
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=timeout_ms)
    return page, log


def poll(page, expression: str, timeout_s: float = 5.0):
    """Wait until a JS expression is truthy. (Playwright's wait_for_function evaluates a
    string, which the page's Content-Security-Policy rightly refuses.)"""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {expression}")


def hover_node(page, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = page.evaluate(
        """(id) => { const n = window.sgNetwork; n.moveTo({position: n.getPositions([id])[id], scale: 1.5,
                     animation: false}); const p = n.canvasToDOM(n.getPositions([id])[id]);
                     const r = document.getElementById('sg-network').getBoundingClientRect();
                     return [p.x + r.left, p.y + r.top]; }""",
        node_id,
    )
    page.mouse.move(x - 20, y - 20)
    page.mouse.move(x, y)
    poll(
        page,
        "document.querySelector('.vis-tooltip') !== null && "
        "document.querySelector('.vis-tooltip').style.visibility === 'visible'",
    )
    return page.evaluate("document.querySelector('.vis-tooltip').innerText")
