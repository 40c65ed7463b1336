"""The actor × actor stance matrix: where a graph is the wrong picture, a table whose row
is the actor holding a stance and whose column is its target, each cell counting hostile,
neutral and friendly statements and coloured by their balance (red hostile, green
friendly). One self-contained page like the graph view: escaped HTML, one in-lined
script (it sorts the rows by a clicked column), a Content-Security-Policy with its hash.
"""

from __future__ import annotations

import html
from collections import Counter

from graph.views.html.data import StanceEdge, ViewData
from graph.views.html.render import table_page

SIZE = 30  # actors on each axis: the most involved in stances
SORT_JS = """document.querySelectorAll("th[data-col]").forEach(function (th) {
  th.addEventListener("click", function () {
    var col = Number(th.getAttribute("data-col")), body = document.querySelector("tbody");
    Array.from(body.rows).sort(function (a, b) {
      return Number(b.cells[col].getAttribute("data-n")) - Number(a.cells[col].getAttribute("data-n"));
    }).forEach(function (row) { body.appendChild(row); });
  });
});
document.body.setAttribute("data-ready", "1");"""
STYLE = """body { font: 12px sans-serif; margin: 12px; } table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: 2px 4px; text-align: center; min-width: 28px; }
thead th { writing-mode: vertical-rl; transform: rotate(180deg); cursor: pointer; font-weight: 600; }
tbody th { text-align: right; white-space: nowrap; } td.self { background: #eee; }
p.note { color: #555; }"""


def stance_counts(edges: list[StanceEdge]) -> dict[tuple[str, str], Counter[int]]:
    """(holder, target) -> statements by valence (-1, 0, 1), plain assertions left out."""
    cells: dict[tuple[str, str], Counter[int]] = {}
    for edge in edges:
        if edge.kind != "Assert":
            cells.setdefault((edge.source, edge.target), Counter())[edge.valence] += len(edge.statements)
    return cells


def axis(cells: dict[tuple[str, str], Counter[int]], size: int = SIZE) -> list[str]:
    """The actors most involved in stances, as holder or target."""
    involvement: Counter[str] = Counter()
    for (holder, target), counts in cells.items():
        involvement[holder] += sum(counts.values())
        involvement[target] += sum(counts.values())
    return [actor for actor, _ in sorted(involvement.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]


def colour(counts: Counter[int]) -> str:
    """Red for hostile, green for friendly, paler for fewer statements or a mixed balance."""
    total = sum(counts.values())
    if not total:
        return "#ffffff"
    balance = (counts[1] - counts[-1]) / total
    strength = min(1.0, 0.25 + total / 10) * abs(balance)
    red, green = (192, 57, 43), (39, 174, 96)
    base = green if balance > 0 else red
    mixed = [round(255 - (255 - c) * strength) for c in base]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def cell(holder: str, target: str, counts: Counter[int] | None, labels: dict[str, str]) -> str:
    if holder == target:
        return '<td class="self" data-n="0"></td>'
    if not counts:
        return '<td data-n="0"></td>'
    total = sum(counts.values())
    title = f"{labels[holder]} → {labels[target]}: {counts[-1]} hostile, {counts[0]} neutral, {counts[1]} friendly"
    return (
        f'<td data-n="{total}" style="background:{colour(counts)}" title="{html.escape(title, quote=True)}">'
        f"{total}</td>"
    )


def matrix_html(data: ViewData, title: str = "stancegraph", size: int = SIZE) -> tuple[str, int]:
    """The page and the number of actors on its axes."""
    cells = stance_counts(data.edges)
    actors = axis(cells, size)
    labels = {iri: data.actors[iri].label if iri in data.actors else iri for iri in actors}
    head = "".join(f'<th data-col="{i + 1}">{html.escape(labels[a])}</th>' for i, a in enumerate(actors))
    rows = "".join(
        f"<tr><th>{html.escape(labels[h])}</th>{''.join(cell(h, t, cells.get((h, t)), labels) for t in actors)}</tr>"
        for h in actors
    )
    note = (
        "Rows hold a stance towards columns; a cell counts their statements (plain assertions left out), "
        "red hostile, green friendly, paler when mixed or few; click a column to sort the rows by it."
    )
    body = (
        f'<h1>{html.escape(title)}: who stands where</h1><p class="note">{note}</p>'
        f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
    page = table_page(title, STYLE, body, SORT_JS)
    return page, len(actors)
