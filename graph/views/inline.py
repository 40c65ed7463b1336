"""The HTML view inline in a notebook: an iframe whose ``srcdoc`` is the page."""

from __future__ import annotations

import html
from pathlib import Path


class InlineView:
    """Shows a page in Jupyter through ``_repr_html_`` (a sandboxed iframe with ``srcdoc``);
    outside Jupyter, ``save(path)`` writes the page to a file to open in a browser."""

    def __init__(self, page: str, height: int = 650, nodes: int = 0, edges: int = 0) -> None:
        self.page, self.height, self.nodes, self.edges = page, height, nodes, edges

    def __repr__(self) -> str:
        return (
            f"<InlineView: {self.nodes} nodes, {self.edges} edges, {len(self.page):,} characters of HTML; "
            "shown inline in Jupyter; .save('view.html') writes it to a file>"
        )

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" style="width:100%;height:{self.height}px;'
            f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8, whole or not at all) and return the path.

        :raises OutputError: when the file cannot be written (the message says why).
        """
        from graph.outputs import write_whole

        return write_whole(path, self.page)
