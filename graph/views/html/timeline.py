"""An actor's positions over time: one row per month, the number of its statements of
each kind (coloured by valence) and the first few with their words, date and headline.
A self-contained page like the matrix: escaped HTML, no script, a strict policy.
"""

from __future__ import annotations

import html
from collections import Counter

from graph.errors import ConfigError
from graph.views.html.data import Said, ViewData
from graph.views.html.render import VALENCE_COLOUR, table_page
from graph.views.html.select import find_actor

SHOWN = 3  # statements quoted per month
STYLE = """body { font: 12px sans-serif; margin: 12px; } table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; } th { background: #f4f4f4; }
td.n { text-align: center; color: white; font-weight: 600; } ul { margin: 0; padding-left: 16px; }
.meta { color: #666; } p.note { color: #555; }"""


def statements_of(data: ViewData, actor: str) -> list[Said]:
    """What the actor said, itself or through a spokesperson, once each."""
    node = data.actors[actor]
    found = {(s.words, s.date, s.article, s.kind): s for s in node.made}
    for edge in data.edges:
        if edge.source == actor:
            found.update({(s.words, s.date, s.article, s.kind): s for s in edge.statements})
    return sorted(found.values(), key=lambda s: (s.date or "9999", s.article, s.words))


def row(month: str, said: list[Said], kinds: list[str], valence: dict[str, int]) -> str:
    counts = Counter(s.kind for s in said)
    cells = "".join(
        f'<td class="n" style="background:{VALENCE_COLOUR[valence.get(k, 0)]}">{counts[k]}</td>'
        if counts[k]
        else "<td></td>"
        for k in kinds
    )
    quotes = "".join(
        f'<li>“{html.escape(s.words)}” <span class="meta">{html.escape(" · ".join(x for x in (s.kind, s.date, s.article) if x))}</span></li>'
        for s in said[:SHOWN]
    )
    more = f'<li class="meta">+ {len(said) - SHOWN} more</li>' if len(said) > SHOWN else ""
    return f"<tr><th>{html.escape(month)}</th>{cells}<td><ul>{quotes}{more}</ul></td></tr>"


def timeline_html(data: ViewData, name: str, valence: dict[str, int], title: str = "stancegraph") -> tuple[str, int]:
    """The page for the actor called ``name`` and the number of its statements.

    :raises UnknownNameError: for a name no actor in the data has (with suggestions).
    :raises ConfigError: when no name is given.
    """
    if not name:
        raise ConfigError("a timeline is of one actor: give actor= (--actor on the command line)")
    actor = find_actor(data.actors, name)
    said = statements_of(data, actor)
    kinds = sorted({s.kind for s in said}, key=lambda k: (valence.get(k, 0), k))
    months: dict[str, list[Said]] = {}
    for s in said:
        months.setdefault(s.date[:7] if s.date else "undated", []).append(s)
    rows = "".join(row(month, items, kinds, valence) for month, items in months.items())
    label = html.escape(data.actors[actor].label)
    head = "".join(f"<th>{html.escape(k)}</th>" for k in kinds)
    body = (
        f"<h1>{label}: positions over time</h1>"
        f'<p class="note">{len(said)} statements by month of the article (red hostile, green friendly, grey '
        f"neutral), with the first {SHOWN} of each month.</p>"
        f"<table><thead><tr><th>month</th>{head}<th>statements</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    page = table_page(title, STYLE, body)
    return page, len(said)
